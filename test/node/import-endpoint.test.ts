/**
 * Bring your own key material through the endpoint, with the real
 * `@aws-sdk/client-kms`: the wrapping done with node:crypto's `publicEncrypt`
 * (OAEP, SHA-256), as a user following the AWS guide with OpenSSL would;
 * every import error arriving as the SDK's own class; expiry by the server's
 * clock; and a FileKeyStore that keeps parameters and material across a
 * restart without writing a private key, a token or the material in clear.
 */
import { constants, createHmac, createPublicKey, publicEncrypt, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as sdk from '@aws-sdk/client-kms';
import { MemoryKeyStore } from '../../src/kms/key-store.js';
import { startServer, type KmsServer } from '../../src/node/index.js';
import { rejection as rejects, tempDir } from './helpers.js';

const HOUR = 60 * 60 * 1000;
const MESSAGE = new TextEncoder().encode('Hello World');

/** The server's clock: real time plus an offset the tests move. */
const clock = { offset: 0 };
let server: KmsServer;

function clientFor(url: string): sdk.KMSClient {
  return new sdk.KMSClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
    // Signs with the server's (moved) clock, so that SigV4 stays fresh.
    systemClockOffset: clock.offset,
  });
}

/** What `openssl pkeyutl -encrypt -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha256` does. */
function wrap(publicKeyDer: Uint8Array, material: Uint8Array, oaepHash: 'sha256' | 'sha1' = 'sha256'): Uint8Array {
  const key = createPublicKey({ key: Buffer.from(publicKeyDer), format: 'der', type: 'spki' });
  return new Uint8Array(publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, material));
}

function mac(material: Uint8Array, hash = 'sha256'): Buffer {
  return createHmac(hash, material).update(MESSAGE).digest();
}


function assertError(err: any, name: string, message: string): void {
  assert.instance(err, sdk.KMSServiceException, `${name}: an SDK exception`);
  const cls = (sdk as Record<string, unknown>)[name];
  if (typeof cls === 'function') assert.instance(err, cls as never, `${name}: the SDK's own class`);
  assert.is(err.name, name);
  assert.is(err.$fault, 'client');
  assert.is(err.$metadata.httpStatusCode, 400);
  assert.is(err.message, message);
}

async function externalKey(client: sdk.KMSClient, KeySpec: sdk.KeySpec = 'HMAC_256') {
  const { KeyMetadata } = await client.send(new sdk.CreateKeyCommand({ KeySpec, KeyUsage: 'GENERATE_VERIFY_MAC', Origin: 'EXTERNAL' }));
  return KeyMetadata!;
}

test.before(async () => {
  server = await startServer({ port: 0, keyStore: new MemoryKeyStore(), now: () => Date.now() + clock.offset });
});

test.after(async () => {
  await server.close();
});

test('the whole flow with the SDK: create EXTERNAL, get parameters, wrap with publicEncrypt, import, GenerateMac = node:crypto', async () => {
  const client = clientFor(server.url);
  const md = await externalKey(client);
  assert.is(md.KeyState, 'PendingImport');
  assert.is(md.Enabled, false);
  assert.is(md.Origin, 'EXTERNAL');

  const started = Date.now();
  const p = await client.send(new sdk.GetParametersForImportCommand({ KeyId: md.KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_3072' }));
  assert.is(p.KeyId, md.Arn);
  assert.instance(p.ImportToken, Uint8Array);
  assert.instance(p.PublicKey, Uint8Array);
  assert.is(createPublicKey({ key: Buffer.from(p.PublicKey!), format: 'der', type: 'spki' }).asymmetricKeyDetails!.modulusLength, 3072);
  assert.instance(p.ParametersValidTo, Date);
  assert.ok(Math.abs(p.ParametersValidTo!.getTime() - (started + 24 * HOUR)) < 60_000, 'ParametersValidTo is 24 h ahead');

  const material = new Uint8Array(randomBytes(32));
  const validTo = new Date(Math.floor((Date.now() + 30 * 24 * HOUR) / 1000) * 1000);
  const imported = await client.send(
    new sdk.ImportKeyMaterialCommand({ KeyId: md.Arn, ImportToken: p.ImportToken, EncryptedKeyMaterial: wrap(p.PublicKey!, material), ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: validTo }),
  );
  assert.is(imported.KeyId, md.Arn);
  assert.is(imported.KeyMaterialId, undefined);

  const described = (await client.send(new sdk.DescribeKeyCommand({ KeyId: md.KeyId }))).KeyMetadata!;
  assert.is(described.KeyState, 'Enabled');
  assert.is(described.Enabled, true);
  assert.is(described.ExpirationModel, 'KEY_MATERIAL_EXPIRES');
  assert.equal(described.ValidTo, validTo);

  const out = await client.send(new sdk.GenerateMacCommand({ KeyId: md.KeyId, Message: MESSAGE, MacAlgorithm: 'HMAC_SHA_256' }));
  assert.equal(Buffer.from(out.Mac!), mac(material));
  const ok = await client.send(new sdk.VerifyMacCommand({ KeyId: md.KeyId, Message: MESSAGE, MacAlgorithm: 'HMAC_SHA_256', Mac: mac(material) }));
  assert.is(ok.MacValid, true);

  await client.send(new sdk.DeleteImportedKeyMaterialCommand({ KeyId: md.KeyId }));
  const deleted = (await client.send(new sdk.DescribeKeyCommand({ KeyId: md.KeyId }))).KeyMetadata!;
  assert.is(deleted.KeyState, 'PendingImport');
  assert.is(deleted.Enabled, false);
  assert.is(deleted.ExpirationModel, undefined);
  assertError(await rejects(client.send(new sdk.GenerateMacCommand({ KeyId: md.KeyId, Message: MESSAGE, MacAlgorithm: 'HMAC_SHA_256' }))), 'KMSInvalidStateException', `${md.Arn} is pending import.`);

  // The same token, within its 24 hours, brings the same material back.
  await client.send(new sdk.ImportKeyMaterialCommand({ KeyId: md.KeyId, ImportToken: p.ImportToken, EncryptedKeyMaterial: wrap(p.PublicKey!, material), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));
  const again = await client.send(new sdk.GenerateMacCommand({ KeyId: md.KeyId, Message: MESSAGE, MacAlgorithm: 'HMAC_SHA_256' }));
  assert.equal(Buffer.from(again.Mac!), mac(material));
  client.destroy();
});

test('SHA-1 wrapping and an HMAC_512 key', async () => {
  const client = clientFor(server.url);
  const md = await externalKey(client, 'HMAC_512');
  const p = await client.send(new sdk.GetParametersForImportCommand({ KeyId: md.KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_1', WrappingKeySpec: 'RSA_2048' }));
  const material = new Uint8Array(randomBytes(64));
  await client.send(new sdk.ImportKeyMaterialCommand({ KeyId: md.KeyId, ImportToken: p.ImportToken, EncryptedKeyMaterial: wrap(p.PublicKey!, material, 'sha1'), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));
  const out = await client.send(new sdk.GenerateMacCommand({ KeyId: md.KeyId, Message: MESSAGE, MacAlgorithm: 'HMAC_SHA_512' }));
  assert.equal(Buffer.from(out.Mac!), mac(material, 'sha512'));
  client.destroy();
});

test('the import errors over the wire, as the SDK raises them', async () => {
  const client = clientFor(server.url);
  const { KeyMetadata: kmsKey } = await client.send(new sdk.CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }));
  assertError(
    await rejects(client.send(new sdk.GetParametersForImportCommand({ KeyId: kmsKey!.KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }))),
    'UnsupportedOperationException',
    `${kmsKey!.Arn} origin is AWS_KMS which is not valid for this operation.`,
  );
  const md = await externalKey(client);
  await client.send(new sdk.CreateAliasCommand({ AliasName: 'alias/wire-import', TargetKeyId: md.KeyId }));
  assertError(
    await rejects(client.send(new sdk.GetParametersForImportCommand({ KeyId: 'alias/wire-import', WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }))),
    'NotFoundException',
    "Invalid keyId 'alias/wire-import'",
  );
  const p = await client.send(new sdk.GetParametersForImportCommand({ KeyId: md.KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }));
  const material = new Uint8Array(randomBytes(32));
  const send = (input: Partial<sdk.ImportKeyMaterialCommandInput>) =>
    client.send(new sdk.ImportKeyMaterialCommand({ KeyId: md.KeyId, ImportToken: p.ImportToken, EncryptedKeyMaterial: wrap(p.PublicKey!, material), ...input }));
  assertError(await rejects(send({})), 'ValidationException', 'A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES');
  const forever = { ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' } as const;
  assertError(await rejects(send({ ...forever, ImportToken: new Uint8Array(randomBytes(33)) })), 'InvalidImportTokenException', 'Invalid import token.');
  assertError(await rejects(send({ ...forever, EncryptedKeyMaterial: new Uint8Array(randomBytes(256)) })), 'InvalidCiphertextException', 'UnknownError');
  assertError(await rejects(send({ ...forever, EncryptedKeyMaterial: wrap(p.PublicKey!, material, 'sha1') })), 'InvalidCiphertextException', 'UnknownError');
  assertError(
    await rejects(send({ ...forever, EncryptedKeyMaterial: wrap(p.PublicKey!, new Uint8Array(16)) })),
    'IncorrectKeyMaterialException',
    'Key material for key spec HMAC_256 must be 32 to 64 bytes long.',
  );
  await send(forever);
  assertError(
    await rejects(send({ ...forever, EncryptedKeyMaterial: wrap(p.PublicKey!, new Uint8Array(randomBytes(32))) })),
    'IncorrectKeyMaterialException',
    'The key material does not match the key material previously imported into this KMS key.',
  );
  client.destroy();

  // 24 hours later by the server's clock (the client signs with the same offset).
  clock.offset = 24 * HOUR + 1000;
  const later = clientFor(server.url);
  try {
    const expired = await rejects(
      later.send(new sdk.ImportKeyMaterialCommand({ KeyId: md.KeyId, ImportToken: p.ImportToken, EncryptedKeyMaterial: wrap(p.PublicKey!, material), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })),
    );
    assertError(expired, 'ExpiredImportTokenException', 'The import token has expired.');
  } finally {
    later.destroy();
    clock.offset = 0;
  }
});

test('material expires by the server clock: the key is PendingImport for the SDK', async () => {
  const client = clientFor(server.url);
  const md = await externalKey(client);
  const p = await client.send(new sdk.GetParametersForImportCommand({ KeyId: md.KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }));
  const material = new Uint8Array(randomBytes(32));
  await client.send(
    new sdk.ImportKeyMaterialCommand({ KeyId: md.KeyId, ImportToken: p.ImportToken, EncryptedKeyMaterial: wrap(p.PublicKey!, material), ValidTo: new Date(Date.now() + HOUR) }),
  );
  const out = await client.send(new sdk.GenerateMacCommand({ KeyId: md.KeyId, Message: MESSAGE, MacAlgorithm: 'HMAC_SHA_256' }));
  assert.equal(Buffer.from(out.Mac!), mac(material));
  client.destroy();
  clock.offset = 2 * HOUR;
  // One client per call: the SDK corrects its clock offset from the (real) Date header of each response.
  try {
    const described = (await clientFor(server.url).send(new sdk.DescribeKeyCommand({ KeyId: md.KeyId }))).KeyMetadata!;
    assert.is(described.KeyState, 'PendingImport');
    assert.is(described.Enabled, false);
    assert.is(described.ExpirationModel, undefined);
    assertError(
      await rejects(clientFor(server.url).send(new sdk.GenerateMacCommand({ KeyId: md.KeyId, Message: MESSAGE, MacAlgorithm: 'HMAC_SHA_256' }))),
      'KMSInvalidStateException',
      `${md.Arn} is pending import.`,
    );
  } finally {
    clock.offset = 0;
  }
});

test('FileKeyStore: a token issued before a restart works after it; no private key, token or material on disk in clear', async () => {
  const tmp = tempDir('wasmac-import-');
  try {
    let fileServer = await startServer({ port: 0, dataDir: tmp.dir });
    let client = clientFor(fileServer.url);
    const md = await externalKey(client);
    const p = await client.send(new sdk.GetParametersForImportCommand({ KeyId: md.KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }));
    client.destroy();
    await fileServer.close();

    fileServer = await startServer({ port: 0, dataDir: tmp.dir });
    client = clientFor(fileServer.url);
    const material = new Uint8Array(randomBytes(32));
    await client.send(new sdk.ImportKeyMaterialCommand({ KeyId: md.KeyId, ImportToken: p.ImportToken, EncryptedKeyMaterial: wrap(p.PublicKey!, material), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));
    client.destroy();
    await fileServer.close();

    const files = readdirSync(join(tmp.dir, 'keys')).filter((f) => f.endsWith('.json'));
    assert.ok(files.includes(`${md.KeyId}.json`));
    const text = readFileSync(join(tmp.dir, 'keys', `${md.KeyId}.json`), 'utf8');
    assert.ok(text.includes('"importState"'));
    assert.not.ok(/PRIVATE KEY/.test(text));
    assert.not.ok(text.includes(Buffer.from(p.ImportToken!).toString('base64')), 'no token');
    assert.not.ok(text.includes(Buffer.from(p.ImportToken!).toString('hex')), 'no token (hex)');
    // Material is written by the store's own rules (base64 without a master key); the importState holds none.
    const record = JSON.parse(text).key as { importState: unknown };
    const importState = JSON.stringify(record.importState);
    assert.not.ok(importState.includes(Buffer.from(material).toString('base64')) || importState.includes(Buffer.from(material).toString('hex')), 'no material in importState');

    fileServer = await startServer({ port: 0, dataDir: tmp.dir });
    client = clientFor(fileServer.url);
    const out = await client.send(new sdk.GenerateMacCommand({ KeyId: md.KeyId, Message: MESSAGE, MacAlgorithm: 'HMAC_SHA_256' }));
    assert.equal(Buffer.from(out.Mac!), mac(material));
    client.destroy();
    await fileServer.close();
  } finally {
    tmp.cleanup();
  }
});

test.run();
