/**
 * The rest of the facade's operations through `@aws-sdk/client-kms` and the
 * endpoint: aliases, ListKeys paging, grants (a grant token used in
 * GenerateMac), tags, and the import flow (GetParametersForImport,
 * ImportKeyMaterial, DeleteImportedKeyMaterial: blobs and timestamps both
 * ways). Each block runs when the facade has the operation.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { constants, createHmac, createPublicKey, publicEncrypt } from 'node:crypto';
import * as sdk from '@aws-sdk/client-kms';
import { COMMANDS } from '../../src/kms/commands/index.js';
import { MemoryKeyStore } from '../../src/kms/key-store.js';
import { startServer, type KmsServer } from '../../src/node/index.js';
import { rejection as rejects } from './helpers.js';

const HELLO = new TextEncoder().encode('Hello World');
let server: KmsServer;
let client: sdk.KMSClient;

const has = (...ops: string[]) => ops.every((op) => COMMANDS[op] !== undefined);


async function hmacKey(spec: sdk.KeySpec = 'HMAC_256'): Promise<sdk.KeyMetadata> {
  return (await client.send(new sdk.CreateKeyCommand({ KeySpec: spec, KeyUsage: 'GENERATE_VERIFY_MAC' }))).KeyMetadata!;
}

test.before(async () => {
  server = await startServer({ port: 0, keyStore: new MemoryKeyStore() });
  client = new sdk.KMSClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
});

test.after(async () => {
  client.destroy();
  await server.close();
});

if (has('CreateAlias', 'ListAliases', 'UpdateAlias', 'DeleteAlias')) {
  test('CreateAlias, ListAliases, UpdateAlias, DeleteAlias; AlreadyExistsException', async () => {
    const a = await hmacKey();
    const b = await hmacKey();
    await client.send(new sdk.CreateAliasCommand({ AliasName: 'alias/ops', TargetKeyId: a.KeyId }));
    const dup = await rejects(client.send(new sdk.CreateAliasCommand({ AliasName: 'alias/ops', TargetKeyId: b.KeyId })));
    assert.instance(dup, sdk.AlreadyExistsException);
    assert.is(dup.$metadata.httpStatusCode, 400);
    const listed = await client.send(new sdk.ListAliasesCommand({ KeyId: a.KeyId }));
    const alias = listed.Aliases!.find((x) => x.AliasName === 'alias/ops')!;
    assert.is(alias.TargetKeyId, a.KeyId);
    assert.is(alias.AliasArn, 'arn:aws:kms:us-east-1:111122223333:alias/ops');
    assert.instance(alias.CreationDate, Date);
    await client.send(new sdk.UpdateAliasCommand({ AliasName: 'alias/ops', TargetKeyId: b.KeyId }));
    const mac = await client.send(new sdk.GenerateMacCommand({ KeyId: 'alias/ops', Message: HELLO, MacAlgorithm: 'HMAC_SHA_256' }));
    assert.is(mac.KeyId, b.Arn);
    await client.send(new sdk.DeleteAliasCommand({ AliasName: 'alias/ops' }));
    const gone = await rejects(client.send(new sdk.DescribeKeyCommand({ KeyId: 'alias/ops' })));
    assert.instance(gone, sdk.NotFoundException);
    const invalid = await rejects(client.send(new sdk.CreateAliasCommand({ AliasName: 'no-prefix', TargetKeyId: a.KeyId })));
    assert.is(invalid.name, 'ValidationException');
  });
}

if (has('ListKeys')) {
  test('ListKeys pages with Limit and Marker', async () => {
    for (let i = 0; i < 3; i++) await hmacKey();
    const seen = new Set<string>();
    let Marker: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(new sdk.ListKeysCommand({ Limit: 2, ...(Marker ? { Marker } : {}) }));
      for (const k of page.Keys!) {
        assert.match(k.KeyArn!, new RegExp(`:key/${k.KeyId}$`));
        seen.add(k.KeyId!);
      }
      Marker = page.Truncated ? page.NextMarker : undefined;
      pages++;
    } while (Marker !== undefined);
    assert.ok(pages >= 2);
    assert.ok(seen.size >= 3);
    const bad = await rejects(client.send(new sdk.ListKeysCommand({ Marker: 'not-a-marker' })));
    assert.instance(bad, sdk.InvalidMarkerException);
  });
}

if (has('CreateGrant', 'ListGrants', 'RetireGrant', 'RevokeGrant')) {
  test('CreateGrant, a grant token in GenerateMac, ListGrants, RetireGrant, RevokeGrant', async () => {
    const key = await hmacKey();
    const grant = await client.send(
      new sdk.CreateGrantCommand({ KeyId: key.KeyId, GranteePrincipal: 'arn:aws:iam::111122223333:role/app', Operations: ['GenerateMac', 'VerifyMac'] }),
    );
    assert.ok(grant.GrantToken && grant.GrantId);
    const mac = await client.send(new sdk.GenerateMacCommand({ KeyId: key.KeyId, Message: HELLO, MacAlgorithm: 'HMAC_SHA_256', GrantTokens: [grant.GrantToken!] }));
    assert.is(mac.Mac!.length, 32);
    const listed = await client.send(new sdk.ListGrantsCommand({ KeyId: key.KeyId }));
    assert.equal(listed.Grants!.map((g) => g.GrantId), [grant.GrantId]);
    assert.instance(listed.Grants![0]!.CreationDate, Date);
    await client.send(new sdk.RetireGrantCommand({ GrantToken: grant.GrantToken }));
    assert.equal((await client.send(new sdk.ListGrantsCommand({ KeyId: key.KeyId }))).Grants, []);
    const second = await client.send(new sdk.CreateGrantCommand({ KeyId: key.KeyId, GranteePrincipal: 'arn:aws:iam::111122223333:role/app', Operations: ['DescribeKey'] }));
    await client.send(new sdk.RevokeGrantCommand({ KeyId: key.KeyId, GrantId: second.GrantId }));
    const again = await rejects(client.send(new sdk.RevokeGrantCommand({ KeyId: key.KeyId, GrantId: second.GrantId })));
    assert.ok(again instanceof sdk.KMSServiceException && again.$metadata.httpStatusCode === 400, again.name);
  });
}

if (has('TagResource', 'UntagResource', 'ListResourceTags')) {
  test('TagResource, ListResourceTags, UntagResource; TagException', async () => {
    const key = await hmacKey();
    await client.send(new sdk.TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'a', TagValue: '1' }, { TagKey: 'b', TagValue: '2' }] }));
    assert.equal((await client.send(new sdk.ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags, [
      { TagKey: 'a', TagValue: '1' },
      { TagKey: 'b', TagValue: '2' },
    ]);
    await client.send(new sdk.UntagResourceCommand({ KeyId: key.KeyId, TagKeys: ['a'] }));
    assert.equal((await client.send(new sdk.ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags, [{ TagKey: 'b', TagValue: '2' }]);
    const reserved = await rejects(client.send(new sdk.TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'aws:x', TagValue: '1' }] })));
    assert.instance(reserved, sdk.TagException);
  });
}

if (has('GetParametersForImport', 'ImportKeyMaterial', 'DeleteImportedKeyMaterial')) {
  test('import flow: PublicKey and ImportToken blobs out, EncryptedKeyMaterial in, ValidTo timestamps both ways', async () => {
    const created = await client.send(new sdk.CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC', Origin: 'EXTERNAL' }));
    const KeyId = created.KeyMetadata!.KeyId!;
    assert.is(created.KeyMetadata!.KeyState, 'PendingImport');
    const params = await client.send(new sdk.GetParametersForImportCommand({ KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }));
    assert.instance(params.PublicKey, Uint8Array);
    assert.instance(params.ImportToken, Uint8Array);
    assert.instance(params.ParametersValidTo, Date);
    assert.ok(Math.abs(params.ParametersValidTo!.getTime() - (Date.now() + 86_400_000)) < 3_600_000);
    const material = Uint8Array.from({ length: 32 }, (_, i) => 100 + i);
    const publicKey = createPublicKey({ key: Buffer.from(params.PublicKey!), format: 'der', type: 'spki' });
    const wrapped = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, material);
    const validTo = new Date(Math.floor(Date.now() / 1000 + 30 * 86_400) * 1000);
    await client.send(
      new sdk.ImportKeyMaterialCommand({ KeyId, ImportToken: params.ImportToken, EncryptedKeyMaterial: wrapped, ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: validTo }),
    );
    const described = (await client.send(new sdk.DescribeKeyCommand({ KeyId }))).KeyMetadata!;
    assert.is(described.KeyState, 'Enabled');
    assert.is(described.ExpirationModel, 'KEY_MATERIAL_EXPIRES');
    assert.is(described.ValidTo!.getTime(), validTo.getTime());
    const mac = await client.send(new sdk.GenerateMacCommand({ KeyId, Message: HELLO, MacAlgorithm: 'HMAC_SHA_256' }));
    assert.is(Buffer.from(mac.Mac!).toString('hex'), createHmac('sha256', material).update(HELLO).digest('hex'));
    await client.send(new sdk.DeleteImportedKeyMaterialCommand({ KeyId }));
    const after = (await client.send(new sdk.DescribeKeyCommand({ KeyId }))).KeyMetadata!;
    assert.is(after.KeyState, 'PendingImport');
    const refused = await rejects(client.send(new sdk.GenerateMacCommand({ KeyId, Message: HELLO, MacAlgorithm: 'HMAC_SHA_256' })));
    assert.instance(refused, sdk.KMSInvalidStateException);
  });
}

test.run();
