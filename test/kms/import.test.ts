/**
 * Bring your own key material, through the facade: an EXTERNAL key waits in
 * PendingImport, GetParametersForImport hands out an RSA wrapping key and a
 * token, ImportKeyMaterial brings the material in (wrapped with WebCrypto or
 * with node:crypto as the AWS/OpenSSL guide does), and GenerateMac then
 * equals `hmac()` and node:crypto's HMAC of the same material. Then the state
 * machine: expiry by the client's clock, DeleteImportedKeyMaterial, reimport,
 * and what the store keeps (no private key, no token, no material in clear).
 */
import { createHmac as nodeHmac, createPublicKey } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DeleteImportedKeyMaterialCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  fromBase64,
  GenerateMacCommand,
  hmac,
  ImportKeyMaterialCommand,
  InvalidImportTokenException,
  KMS,
  KMSInvalidStateException,
  ScheduleKeyDeletionCommand,
  toBase64,
  toHex,
  VerifyMacCommand,
  type HashName,
} from '../../src/index.js';
import { arnOf, materialOf, rejects, setup } from './helpers.js';
import { createExternalKey, importMaterial, parameters, randomMaterial, wrapNode, wrapWebCrypto } from './import-helpers.js';

const HOUR = 60 * 60 * 1000;
const message = new TextEncoder().encode('Verify at the edge what KMS signed');

function nodeMac(hash: HashName, key: Uint8Array, data: Uint8Array): Uint8Array {
  return new Uint8Array(nodeHmac(hash, key).update(data).digest());
}

test('CreateKey Origin EXTERNAL: PendingImport, Enabled false, no material; MACs and EnableKey refused', async () => {
  const { client, store } = setup();
  const key = await createExternalKey(client);
  assert.is(key.metadata.Origin, 'EXTERNAL');
  assert.is(key.metadata.KeyState, 'PendingImport');
  assert.is(key.metadata.Enabled, false);
  assert.is(key.metadata.ExpirationModel, undefined);
  assert.is(key.metadata.ValidTo, undefined);
  assert.equal(key.metadata.MacAlgorithms, ['HMAC_SHA_256']);
  assert.is((await store.get(key.KeyId))!.material, undefined);
  const pending = `${key.Arn} is pending import.`;
  await rejects(client.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: message, MacAlgorithm: 'HMAC_SHA_256' })), KMSInvalidStateException, 'client', pending);
  await rejects(client.send(new VerifyMacCommand({ KeyId: key.KeyId, Message: message, MacAlgorithm: 'HMAC_SHA_256', Mac: new Uint8Array(32) })), KMSInvalidStateException, 'client', pending);
  await rejects(client.send(new EnableKeyCommand({ KeyId: key.KeyId })), KMSInvalidStateException, 'client', pending);
});

test('GetParametersForImport: a DER SPKI RSA public key of the asked size, an opaque token, valid 24 h by the client clock', async () => {
  const { client, clock } = setup();
  const key = await createExternalKey(client);
  for (const [spec, bits] of [['RSA_2048', 2048], ['RSA_3072', 3072]] as const) {
    const p = await parameters(client, key.Arn, 'RSAES_OAEP_SHA_256', spec);
    assert.is(p.KeyId, key.Arn);
    assert.ok(p.ImportToken instanceof Uint8Array && p.ImportToken.length >= 16 && p.ImportToken.length <= 6144);
    assert.ok(p.PublicKey instanceof Uint8Array && p.PublicKey.length <= 4096);
    const pub = createPublicKey({ key: Buffer.from(p.PublicKey), format: 'der', type: 'spki' });
    assert.is(pub.asymmetricKeyType, 'rsa');
    assert.is(pub.asymmetricKeyDetails!.modulusLength, bits);
    assert.is(pub.asymmetricKeyDetails!.publicExponent, 65537n);
    assert.ok(p.ParametersValidTo instanceof Date);
    assert.is(p.ParametersValidTo.getTime(), clock.now + 24 * HOUR);
    assert.is(p.out.$metadata.httpStatusCode, 200);
  }
  // Each call is a fresh key pair and a fresh token.
  const a = await parameters(client, key.KeyId);
  const b = await parameters(client, key.KeyId);
  assert.is.not(toHex(a.PublicKey), toHex(b.PublicKey));
  assert.is.not(toHex(a.ImportToken), toHex(b.ImportToken));
});

test('the whole flow: 32 random bytes wrapped with WebCrypto RSA-OAEP, imported; GenerateMac = hmac() = node:crypto', async () => {
  const { client, store } = setup();
  const key = await createExternalKey(client);
  const p = await parameters(client, key.KeyId, 'RSAES_OAEP_SHA_256', 'RSA_2048');
  const material = randomMaterial(32);
  const EncryptedKeyMaterial = await wrapWebCrypto(p.PublicKey, material);
  const out = await client.send(new ImportKeyMaterialCommand({ KeyId: key.KeyId, ImportToken: p.ImportToken, EncryptedKeyMaterial, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));
  assert.is(out.KeyId, key.Arn);
  assert.is(out.KeyMaterialId, undefined, 'no KeyMaterialId for HMAC keys');
  assert.is(out.$metadata.httpStatusCode, 200);

  const md = (await client.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
  assert.is(md.KeyState, 'Enabled');
  assert.is(md.Enabled, true);
  assert.is(md.Origin, 'EXTERNAL');
  assert.is(md.ExpirationModel, 'KEY_MATERIAL_DOES_NOT_EXPIRE');
  assert.is(md.ValidTo, undefined);

  const mac = await client.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: message, MacAlgorithm: 'HMAC_SHA_256' }));
  assert.equal(mac.Mac, hmac('sha256', material, message));
  assert.equal(mac.Mac, nodeMac('sha256', material, message));
  assert.equal(await materialOf(store, key.KeyId), material);
  const ok = await client.send(new VerifyMacCommand({ KeyId: key.KeyId, Message: message, MacAlgorithm: 'HMAC_SHA_256', Mac: nodeMac('sha256', material, message) }));
  assert.is(ok.MacValid, true);
});

test('wrapping with node:crypto publicEncrypt (OAEP), as the AWS/OpenSSL guide does: SHA-256 and SHA-1, RSA_3072 and RSA_4096', async () => {
  const { client } = setup();
  for (const [alg, spec, hash] of [['RSAES_OAEP_SHA_256', 'RSA_3072', 'sha256'], ['RSAES_OAEP_SHA_1', 'RSA_4096', 'sha1']] as const) {
    const key = await createExternalKey(client);
    const p = await parameters(client, key.KeyId, alg, spec);
    const material = randomMaterial(32);
    await client.send(new ImportKeyMaterialCommand({ KeyId: key.KeyId, ImportToken: p.ImportToken, EncryptedKeyMaterial: wrapNode(p.PublicKey, material, hash), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));
    const mac = await client.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: message, MacAlgorithm: 'HMAC_SHA_256' }));
    assert.equal(mac.Mac, nodeMac('sha256', material, message), `${alg} ${spec}`);
  }
});

test('every HMAC spec, at both ends of its material range (digest length to block size)', async () => {
  const { client } = setup();
  const cases = [
    ['HMAC_224', 'HMAC_SHA_224', 'sha224', 28, 64],
    ['HMAC_256', 'HMAC_SHA_256', 'sha256', 32, 64],
    ['HMAC_384', 'HMAC_SHA_384', 'sha384', 48, 128],
    ['HMAC_512', 'HMAC_SHA_512', 'sha512', 64, 128],
  ] as const;
  for (const [spec, alg, hash, min, max] of cases) {
    for (const length of [min, max]) {
      const key = await createExternalKey(client, spec);
      const material = randomMaterial(length);
      const p = await parameters(client, key.KeyId, 'RSAES_OAEP_SHA_1');
      await client.send(new ImportKeyMaterialCommand({ KeyId: key.KeyId, ImportToken: p.ImportToken, EncryptedKeyMaterial: await wrapWebCrypto(p.PublicKey, material, 'SHA-1'), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));
      const mac = await client.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: message, MacAlgorithm: alg }));
      assert.equal(mac.Mac, nodeMac(hash, material, message), `${spec} with ${length} bytes`);
      assert.equal(mac.Mac, hmac(hash, material, message), `${spec} with ${length} bytes (engine)`);
    }
  }
});

test('KEY_MATERIAL_EXPIRES: DescribeKey shows ValidTo; when the client clock passes it the key is PendingImport, and the same material comes back', async () => {
  const { client, clock, store } = setup();
  const key = await createExternalKey(client);
  const material = randomMaterial(32);
  const p = await parameters(client, key.KeyId);
  const EncryptedKeyMaterial = await wrapWebCrypto(p.PublicKey, material);
  const validTo = new Date(clock.now + 2 * HOUR);
  await client.send(new ImportKeyMaterialCommand({ KeyId: key.KeyId, ImportToken: p.ImportToken, EncryptedKeyMaterial, ValidTo: validTo }));
  let md = (await client.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
  assert.is(md.KeyState, 'Enabled');
  assert.is(md.ExpirationModel, 'KEY_MATERIAL_EXPIRES', 'the default model');
  assert.equal(md.ValidTo, validTo);
  const generate = () => client.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: message, MacAlgorithm: 'HMAC_SHA_256' }));
  const before = (await generate()).Mac!;
  assert.equal(before, nodeMac('sha256', material, message));

  clock.now = validTo.getTime() - 1;
  assert.equal((await generate()).Mac, before, 'one millisecond before ValidTo');
  clock.now = validTo.getTime();
  await rejects(generate(), KMSInvalidStateException, 'client', `${key.Arn} is pending import.`);
  md = (await client.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
  assert.is(md.KeyState, 'PendingImport');
  assert.is(md.Enabled, false);
  assert.is(md.ExpirationModel, undefined);
  assert.is(md.ValidTo, undefined);
  assert.is((await store.get(key.KeyId))!.material, undefined, 'the material is deleted from the store');

  // The token is still valid (24 h): the same material comes back, this time for good.
  await client.send(new ImportKeyMaterialCommand({ KeyId: key.KeyId, ImportToken: p.ImportToken, EncryptedKeyMaterial, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));
  assert.equal((await generate()).Mac, before);
  clock.now += 400 * 24 * HOUR;
  assert.equal((await generate()).Mac, before, 'material that does not expire');
});

test('DeleteImportedKeyMaterial: PendingImport, Enabled false, ExpirationModel gone, MACs refused at once; reimport restores the MACs', async () => {
  const { client, clock } = setup();
  const key = await createExternalKey(client, 'HMAC_512');
  const material = randomMaterial(64);
  await importMaterial(client, key.KeyId, material, { ValidTo: new Date(clock.now + 30 * 24 * HOUR), ExpirationModel: 'KEY_MATERIAL_EXPIRES' });
  const generate = () => client.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: message, MacAlgorithm: 'HMAC_SHA_512' }));
  const before = (await generate()).Mac!;
  const out = await client.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.Arn }));
  assert.is(out.KeyId, key.Arn);
  assert.is(out.KeyMaterialId, undefined);
  const md = (await client.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
  assert.is(md.KeyState, 'PendingImport');
  assert.is(md.Enabled, false);
  assert.is(md.ExpirationModel, undefined);
  assert.is(md.ValidTo, undefined);
  await rejects(generate(), KMSInvalidStateException, 'client', `${key.Arn} is pending import.`);
  // Deleting again is harmless.
  await client.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId }));
  await importMaterial(client, key.KeyId, material);
  assert.equal((await generate()).Mac, before);
  assert.equal(before, nodeMac('sha512', material, message));
});

test('reimporting the same material while Enabled changes only the expiration; a Disabled key is Enabled again', async () => {
  const { client, clock } = setup();
  const key = await createExternalKey(client);
  const material = randomMaterial(32);
  await importMaterial(client, key.KeyId, material);
  const validTo = new Date(clock.now + HOUR);
  await importMaterial(client, key.KeyId, material, { ValidTo: validTo });
  let md = (await client.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
  assert.is(md.ExpirationModel, 'KEY_MATERIAL_EXPIRES');
  assert.equal(md.ValidTo, validTo);
  await client.send(new DisableKeyCommand({ KeyId: key.KeyId }));
  await importMaterial(client, key.KeyId, material);
  md = (await client.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
  assert.is(md.KeyState, 'Enabled', 'success changes the key state to Enabled (SEMANTICS.md IMP-5)');
  assert.is(md.ExpirationModel, 'KEY_MATERIAL_DOES_NOT_EXPIRE');
  assert.is(md.ValidTo, undefined);
});

test('DeleteImportedKeyMaterial on a PendingDeletion key deletes the material and keeps the state', async () => {
  const { client, store } = setup();
  const key = await createExternalKey(client);
  await importMaterial(client, key.KeyId, randomMaterial(32));
  await client.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
  await client.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId }));
  const record = (await store.get(key.KeyId))!;
  assert.is(record.KeyState, 'PendingDeletion');
  assert.is(record.material, undefined);
  assert.is(record.ExpirationModel, undefined);
});

test('the store keeps no private key, token or material in clear: importState is JSON with a sealed key only', async () => {
  const { client, store } = setup();
  const key = await createExternalKey(client);
  const p = await parameters(client, key.KeyId);
  const material = randomMaterial(32);
  await client.send(new ImportKeyMaterialCommand({ KeyId: key.KeyId, ImportToken: p.ImportToken, EncryptedKeyMaterial: await wrapWebCrypto(p.PublicKey, material), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));
  const record = (await store.get(key.KeyId))!;
  const json = JSON.stringify(record);
  assert.equal(JSON.parse(JSON.stringify(record.importState)), record.importState, 'importState survives JSON');
  for (const secret of [material, p.ImportToken, p.ImportToken.subarray(1)]) {
    assert.not.ok(json.includes(toHex(secret)), 'no hex of a secret');
    assert.not.ok(json.includes(toBase64(secret)), 'no base64 of a secret');
  }
  assert.ok(json.includes('"material":"[SecretBytes]"'));
  // Every string in importState: none is a PKCS#8 private key.
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(record.importState);
  assert.ok(strings.length > 0);
  for (const s of strings) {
    let bytes: Uint8Array;
    try {
      bytes = fromBase64(s);
    } catch {
      continue;
    }
    const opened = await crypto.subtle.importKey('pkcs8', Uint8Array.from(bytes), { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['decrypt']).then(
      () => true,
      () => false,
    );
    assert.not.ok(opened, 'a string in importState is a usable private key');
  }
  assert.is(arnOf(key.KeyId), key.Arn);
});

test('parameter sets: several stay usable side by side, each until the last millisecond of its 24 h', async () => {
  const { client, clock } = setup();
  const key = await createExternalKey(client);
  const first = await parameters(client, key.KeyId);
  const second = await parameters(client, key.KeyId, 'RSAES_OAEP_SHA_1');
  const material = randomMaterial(32);
  await client.send(new ImportKeyMaterialCommand({ KeyId: key.KeyId, ImportToken: first.ImportToken, EncryptedKeyMaterial: await wrapWebCrypto(first.PublicKey, material), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));
  await client.send(new ImportKeyMaterialCommand({ KeyId: key.KeyId, ImportToken: second.ImportToken, EncryptedKeyMaterial: await wrapWebCrypto(second.PublicKey, material, 'SHA-1'), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));
  clock.now = first.ParametersValidTo.getTime() - 1;
  await client.send(new ImportKeyMaterialCommand({ KeyId: key.KeyId, ImportToken: first.ImportToken, EncryptedKeyMaterial: await wrapWebCrypto(first.PublicKey, material), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));
});

test('parameter sets: the last ten are kept; an older token is no longer known', async () => {
  const { client } = setup();
  const key = await createExternalKey(client);
  const sets: Awaited<ReturnType<typeof parameters>>[] = [];
  for (let i = 0; i < 11; i++) sets.push(await parameters(client, key.KeyId));
  const material = randomMaterial(32);
  const send = (p: Awaited<ReturnType<typeof parameters>>) =>
    wrapWebCrypto(p.PublicKey, material).then((EncryptedKeyMaterial) =>
      client.send(new ImportKeyMaterialCommand({ KeyId: key.KeyId, ImportToken: p.ImportToken, EncryptedKeyMaterial, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })),
    );
  await rejects(send(sets[0]!), InvalidImportTokenException, 'client', 'Invalid import token.');
  await send(sets[1]!);
  await send(sets[10]!);
});

test('the aggregated KMS client has the three operations', async () => {
  const kms = new KMS();
  const { KeyMetadata } = await kms.createKey({ KeySpec: 'HMAC_384', KeyUsage: 'GENERATE_VERIFY_MAC', Origin: 'EXTERNAL' });
  const p = await kms.getParametersForImport({ KeyId: KeyMetadata!.KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' });
  const material = randomMaterial(48);
  const out = await kms.importKeyMaterial({
    KeyId: KeyMetadata!.KeyId,
    ImportToken: p.ImportToken,
    EncryptedKeyMaterial: wrapNode(p.PublicKey!, material),
    ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
  });
  assert.is(out.KeyId, KeyMetadata!.Arn);
  const { Mac } = await kms.generateMac({ KeyId: KeyMetadata!.KeyId, Message: message, MacAlgorithm: 'HMAC_SHA_384' });
  assert.equal(Mac, nodeMac('sha384', material, message));
  const deleted = await kms.deleteImportedKeyMaterial({ KeyId: KeyMetadata!.KeyId });
  assert.is(deleted.KeyId, KeyMetadata!.Arn);
});

test.run();
