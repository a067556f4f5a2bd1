/**
 * Every error of the import operations, with class, `name`, `$fault`,
 * message and HTTP status; and no secret (material, token) in any of them.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  CreateAliasCommand,
  DeleteImportedKeyMaterialCommand,
  DescribeKeyCommand,
  ExpiredImportTokenException,
  GetParametersForImportCommand,
  ImportKeyMaterialCommand,
  IncorrectKeyMaterialException,
  InvalidCiphertextException,
  InvalidImportTokenException,
  KMSInvalidStateException,
  NotFoundException,
  ScheduleKeyDeletionCommand,
  SerializationException,
  toBase64,
  toHex,
  UnsupportedOperationException,
  ValidationException,
  type KMSServiceException,
} from '../../src/index.js';
import { arnOf, createKey, rejects, setup } from './helpers.js';
import { createExternalKey, importMaterial, parameters, randomMaterial, wrapWebCrypto } from './import-helpers.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const OTHER_ACCOUNT = '444455556666';

/** Every error the suite saw, to check that none carries a secret. */
const seen: KMSServiceException[] = [];
async function fails(promise: Promise<unknown>, type: Parameters<typeof rejects>[1], message: string | RegExp): Promise<void> {
  seen.push(await rejects(promise, type, 'client', message));
}

test('GetParametersForImport: a key of another origin gets AWS\'s UnsupportedOperationException', async () => {
  const { client } = setup();
  const key = await createKey(client);
  await fails(parameters(client, key.KeyId), UnsupportedOperationException, `${key.Arn} origin is AWS_KMS which is not valid for this operation.`);
});

test('GetParametersForImport: key ID or key ARN only (no aliases), in the caller\'s account; unknown keys', async () => {
  const { client } = setup();
  const key = await createExternalKey(client);
  await client.send(new CreateAliasCommand({ AliasName: 'alias/byok', TargetKeyId: key.KeyId }));
  await fails(parameters(client, 'alias/byok'), NotFoundException, "Invalid keyId 'alias/byok'");
  const aliasArn = `arn:aws:kms:us-east-1:111122223333:alias/byok`;
  await fails(parameters(client, aliasArn), NotFoundException, `Invalid keyId '${aliasArn}'`);
  const foreign = arnOf(key.KeyId, 'us-east-1', OTHER_ACCOUNT);
  await fails(parameters(client, foreign), NotFoundException, `Key '${foreign}' does not exist`);
  const missing = '0b0f1f5e-7a39-4c52-9f8e-3d0c2a1b4e6f';
  await fails(parameters(client, missing), NotFoundException, `Key '${arnOf(missing)}' does not exist`);
  await fails(parameters(client, arnOf(key.KeyId, 'eu-west-1')), NotFoundException, 'Invalid arn eu-west-1');
});

test('GetParametersForImport: validation of the members', async () => {
  const { client } = setup();
  const key = await createExternalKey(client);
  await fails(
    client.send(new GetParametersForImportCommand({} as never)),
    ValidationException,
    "3 validation errors detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null; " +
      "Value null at 'wrappingAlgorithm' failed to satisfy constraint: Member must not be null; " +
      "Value null at 'wrappingKeySpec' failed to satisfy constraint: Member must not be null",
  );
  await fails(
    parameters(client, key.KeyId, 'RSAES_OAEP_SHA_512', 'RSA_1024'),
    ValidationException,
    "2 validation errors detected: Value 'RSAES_OAEP_SHA_512' at 'wrappingAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: " +
      '[RSAES_PKCS1_V1_5, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, RSA_AES_KEY_WRAP_SHA_1, RSA_AES_KEY_WRAP_SHA_256, SM2PKE]; ' +
      "Value 'RSA_1024' at 'wrappingKeySpec' failed to satisfy constraint: Member must satisfy enum value set: [RSA_2048, RSA_3072, RSA_4096, SM2]",
  );
  await fails(client.send(new GetParametersForImportCommand({ KeyId: 7, WrappingAlgorithm: 'RSAES_OAEP_SHA_1', WrappingKeySpec: 'RSA_2048' } as never)), SerializationException, 'NUMBER_VALUE can not be converted to a String');
});

test('GetParametersForImport: wrapping algorithms and specs that HMAC material cannot use', async () => {
  const { client } = setup();
  const key = await createExternalKey(client);
  for (const [alg, spec] of [['RSAES_PKCS1_V1_5', 'RSA_2048'], ['RSA_AES_KEY_WRAP_SHA_256', 'RSA_4096'], ['RSA_AES_KEY_WRAP_SHA_1', 'RSA_2048'], ['SM2PKE', 'SM2'], ['RSAES_OAEP_SHA_256', 'SM2']]) {
    await fails(
      parameters(client, key.KeyId, alg, spec),
      UnsupportedOperationException,
      `${alg} with ${spec} is not supported for HMAC key material. Use RSAES_OAEP_SHA_1 or RSAES_OAEP_SHA_256 with RSA_2048, RSA_3072 or RSA_4096.`,
    );
  }
});

test('GetParametersForImport: an EXTERNAL key of a non-HMAC spec; a key pending deletion', async () => {
  const { client } = setup();
  const sym = await createKey(client, 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', { Origin: 'EXTERNAL' });
  assert.is(sym.metadata.KeyState, 'PendingImport');
  await fails(parameters(client, sym.KeyId), UnsupportedOperationException, `${sym.Arn} has key spec SYMMETRIC_DEFAULT; this KMS imports HMAC key material only.`);
  const key = await createExternalKey(client);
  await client.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
  await fails(parameters(client, key.KeyId), KMSInvalidStateException, `${key.Arn} is pending deletion.`);
});

test('ImportKeyMaterial: ExpirationModel and ValidTo', async () => {
  const { client, clock } = setup();
  const key = await createExternalKey(client);
  const p = await parameters(client, key.KeyId);
  const base = { KeyId: key.KeyId, ImportToken: p.ImportToken, EncryptedKeyMaterial: await wrapWebCrypto(p.PublicKey, randomMaterial(32)) };
  const send = (extra: Record<string, unknown>) => client.send(new ImportKeyMaterialCommand({ ...base, ...extra } as never));
  await fails(send({}), ValidationException, 'A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES');
  await fails(send({ ExpirationModel: 'KEY_MATERIAL_EXPIRES' }), ValidationException, 'A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES');
  await fails(send({ ValidTo: new Date(clock.now) }), ValidationException, 'ValidTo must be in the future');
  await fails(send({ ValidTo: new Date(clock.now + 365 * DAY + 1) }), ValidationException, 'ValidTo must be no more than 365 days in the future');
  await fails(
    send({ ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE', ValidTo: new Date(clock.now + DAY) }),
    ValidationException,
    'The parameter ValidTo cannot be specified for a key with an expiration model of KEY_MATERIAL_DOES_NOT_EXPIRE',
  );
  await fails(
    send({ ExpirationModel: 'NEVER' }),
    ValidationException,
    "1 validation error detected: Value 'NEVER' at 'expirationModel' failed to satisfy constraint: Member must satisfy enum value set: [KEY_MATERIAL_DOES_NOT_EXPIRE, KEY_MATERIAL_EXPIRES]",
  );
  await fails(send({ ValidTo: '2027-01-01T00:00:00Z' }), SerializationException, 'STRING_VALUE can not be converted to a Timestamp');
  await fails(send({ ValidTo: 1800000000 }), SerializationException, 'NUMBER_VALUE can not be converted to a Timestamp');
  await fails(send({ ValidTo: new Date(Number.NaN) }), SerializationException, 'VALUE can not be converted to a Timestamp');
  await fails(send({ ValidTo: [1] }), SerializationException, 'Start of list found where not expected');
  await fails(send({ ValidTo: { seconds: 1 } }), SerializationException, 'Start of structure or map found where not expected.');
  // Exactly 365 days ahead is accepted.
  await send({ ValidTo: new Date(clock.now + 365 * DAY) });
});

test('ImportKeyMaterial: required members and blob bounds', async () => {
  const { client } = setup();
  await fails(
    client.send(new ImportKeyMaterialCommand({} as never)),
    ValidationException,
    "3 validation errors detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null; " +
      "Value null at 'importToken' failed to satisfy constraint: Member must not be null; " +
      "Value null at 'encryptedKeyMaterial' failed to satisfy constraint: Member must not be null",
  );
  const key = await createExternalKey(client);
  await fails(
    client.send(new ImportKeyMaterialCommand({ KeyId: key.KeyId, ImportToken: new Uint8Array(0), EncryptedKeyMaterial: new Uint8Array(6145), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })),
    ValidationException,
    "2 validation errors detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=0 cap=0]' at 'importToken' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
      "Value 'java.nio.HeapByteBuffer[pos=0 lim=6145 cap=6145]' at 'encryptedKeyMaterial' failed to satisfy constraint: Member must have length less than or equal to 6144",
  );
});

test('ImportKeyMaterial: tokens that are not valid for the key, and tokens that expired', async () => {
  const { client, clock } = setup();
  const key = await createExternalKey(client);
  const other = await createExternalKey(client);
  const p = await parameters(client, key.KeyId);
  const q = await parameters(client, other.KeyId);
  const material = randomMaterial(32);
  const wrapped = await wrapWebCrypto(p.PublicKey, material);
  const send = (KeyId: string, ImportToken: Uint8Array, EncryptedKeyMaterial = wrapped) =>
    client.send(new ImportKeyMaterialCommand({ KeyId, ImportToken, EncryptedKeyMaterial, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));
  await fails(send(key.KeyId, randomMaterial(33)), InvalidImportTokenException, 'Invalid import token.');
  await fails(send(key.KeyId, q.ImportToken), InvalidImportTokenException, 'Invalid import token.');
  await fails(send(other.KeyId, p.ImportToken), InvalidImportTokenException, 'Invalid import token.');
  const flipped = Uint8Array.from(p.ImportToken);
  flipped[flipped.length - 1]! ^= 1;
  await fails(send(key.KeyId, flipped), InvalidImportTokenException, 'Invalid import token.');
  await fails(send(key.KeyId, p.ImportToken.subarray(0, 20)), InvalidImportTokenException, 'Invalid import token.');

  clock.now = p.ParametersValidTo.getTime();
  await fails(send(key.KeyId, p.ImportToken), ExpiredImportTokenException, 'The import token has expired.');
  // A later GetParametersForImport drops the expired set's sealed key; the token still reads as expired.
  const fresh = await parameters(client, key.KeyId);
  await fails(send(key.KeyId, p.ImportToken), ExpiredImportTokenException, 'The import token has expired.');
  await send(key.KeyId, fresh.ImportToken, await wrapWebCrypto(fresh.PublicKey, material));
});

test('ImportKeyMaterial: material that does not unwrap is InvalidCiphertextException without a message', async () => {
  const { client } = setup();
  const key = await createExternalKey(client);
  const p = await parameters(client, key.KeyId, 'RSAES_OAEP_SHA_256');
  const other = await parameters(client, key.KeyId, 'RSAES_OAEP_SHA_256');
  const material = randomMaterial(32);
  const send = (EncryptedKeyMaterial: Uint8Array) =>
    client.send(new ImportKeyMaterialCommand({ KeyId: key.KeyId, ImportToken: p.ImportToken, EncryptedKeyMaterial, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));
  await fails(send(randomMaterial(256)), InvalidCiphertextException, 'UnknownError');
  await fails(send(await wrapWebCrypto(p.PublicKey, material, 'SHA-1')), InvalidCiphertextException, 'UnknownError');
  await fails(send(await wrapWebCrypto(other.PublicKey, material)), InvalidCiphertextException, 'UnknownError');
  const wrapped = await wrapWebCrypto(p.PublicKey, material);
  await fails(send(wrapped.subarray(1)), InvalidCiphertextException, 'UnknownError');
  await send(wrapped);
});

test('ImportKeyMaterial: material lengths outside the key spec\'s range', async () => {
  const { client } = setup();
  for (const [spec, min, max] of [['HMAC_224', 28, 64], ['HMAC_256', 32, 64], ['HMAC_384', 48, 128], ['HMAC_512', 64, 128]] as const) {
    const key = await createExternalKey(client, spec);
    for (const length of [1, min - 1, max + 1]) {
      await fails(importMaterial(client, key.KeyId, randomMaterial(length)), IncorrectKeyMaterialException, `Key material for key spec ${spec} must be ${min} to ${max} bytes long.`);
    }
    const md = await client.send(new DescribeKeyCommand({ KeyId: key.KeyId }));
    assert.is(md.KeyMetadata!.KeyState, 'PendingImport', 'refused material leaves the key as it was');
  }
});

test('ImportKeyMaterial: other material than the first, whether Enabled, deleted or expired, is IncorrectKeyMaterialException', async () => {
  const { client, clock } = setup();
  const key = await createExternalKey(client);
  const material = randomMaterial(32);
  await importMaterial(client, key.KeyId, material, { ValidTo: new Date(clock.now + HOUR) });
  const message = 'The key material does not match the key material previously imported into this KMS key.';
  await fails(importMaterial(client, key.KeyId, randomMaterial(32)), IncorrectKeyMaterialException, message);
  await fails(importMaterial(client, key.KeyId, material.subarray(0, 31)), IncorrectKeyMaterialException, /must be 32 to 64 bytes long/);
  // HMAC pads keys with zeros, so K || 00 gives K's MACs; it is still other material.
  const longer = new Uint8Array(33);
  longer.set(material);
  await fails(importMaterial(client, key.KeyId, longer), IncorrectKeyMaterialException, message);
  clock.now += 2 * HOUR;
  await fails(importMaterial(client, key.KeyId, randomMaterial(32)), IncorrectKeyMaterialException, message);
  await importMaterial(client, key.KeyId, material);
  await client.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId }));
  await fails(importMaterial(client, key.KeyId, randomMaterial(32)), IncorrectKeyMaterialException, message);
  await importMaterial(client, key.KeyId, material);
});

test('ImportKeyMaterial: origin, aliases, key state, members for symmetric keys only', async () => {
  const { client } = setup();
  const kmsKey = await createKey(client);
  const p0 = await parameters(client, (await createExternalKey(client)).KeyId);
  const wrapped = await wrapWebCrypto(p0.PublicKey, randomMaterial(32));
  const send = (KeyId: string, extra: Record<string, unknown> = {}) =>
    client.send(new ImportKeyMaterialCommand({ KeyId, ImportToken: p0.ImportToken, EncryptedKeyMaterial: wrapped, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE', ...extra } as never));
  await fails(send(kmsKey.KeyId), UnsupportedOperationException, `${kmsKey.Arn} origin is AWS_KMS which is not valid for this operation.`);
  const key = await createExternalKey(client);
  await client.send(new CreateAliasCommand({ AliasName: 'alias/import-target', TargetKeyId: key.KeyId }));
  await fails(send('alias/import-target'), NotFoundException, "Invalid keyId 'alias/import-target'");
  for (const extra of [{ ImportType: 'NEW_KEY_MATERIAL' }, { KeyMaterialDescription: 'mine' }, { KeyMaterialId: 'a'.repeat(64) }]) {
    await fails(send(key.KeyId, extra), UnsupportedOperationException, 'ImportType, KeyMaterialDescription and KeyMaterialId are supported for symmetric encryption keys only.');
  }
  await fails(
    send(key.KeyId, { KeyMaterialId: 'XYZ' }),
    ValidationException,
    "2 validation errors detected: Value 'XYZ' at 'keyMaterialId' failed to satisfy constraint: Member must have length greater than or equal to 64; " +
      "Value 'XYZ' at 'keyMaterialId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-f0-9]+$",
  );
  await client.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
  await fails(send(key.KeyId), KMSInvalidStateException, `${key.Arn} is pending deletion.`);
});

test('DeleteImportedKeyMaterial: origin, aliases, KeyMaterialId for symmetric keys only', async () => {
  const { client } = setup();
  const kmsKey = await createKey(client);
  await fails(client.send(new DeleteImportedKeyMaterialCommand({ KeyId: kmsKey.KeyId })), UnsupportedOperationException, `${kmsKey.Arn} origin is AWS_KMS which is not valid for this operation.`);
  const key = await createExternalKey(client);
  await client.send(new CreateAliasCommand({ AliasName: 'alias/delete-target', TargetKeyId: key.KeyId }));
  await fails(client.send(new DeleteImportedKeyMaterialCommand({ KeyId: 'alias/delete-target' })), NotFoundException, "Invalid keyId 'alias/delete-target'");
  await fails(client.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId, KeyMaterialId: 'b'.repeat(64) })), UnsupportedOperationException, 'KeyMaterialId is supported for symmetric encryption keys only.');
  await fails(client.send(new DeleteImportedKeyMaterialCommand({} as never)), ValidationException, "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null");
});

test('no error carries a secret: material, token or wrapped material', async () => {
  const { client } = setup();
  const key = await createExternalKey(client);
  const p = await parameters(client, key.KeyId);
  const material = randomMaterial(32);
  const wrapped = await wrapWebCrypto(p.PublicKey, material);
  await importMaterial(client, key.KeyId, material);
  const attempts = [
    () => client.send(new ImportKeyMaterialCommand({ KeyId: key.KeyId, ImportToken: p.ImportToken, EncryptedKeyMaterial: wrapped.subarray(2), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })),
    () => importMaterial(client, key.KeyId, randomMaterial(40)),
    () => client.send(new ImportKeyMaterialCommand({ KeyId: key.KeyId, ImportToken: material, EncryptedKeyMaterial: wrapped, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })),
  ];
  for (const a of attempts) {
    const err = (await a().then(() => undefined, (e: KMSServiceException) => e))!;
    assert.ok(err, 'rejected');
    seen.push(err);
  }
  assert.ok(seen.length > 30);
  for (const err of seen) {
    const text = `${err.message} ${JSON.stringify(err)} ${String(err)} ${err.stack ?? ''}`;
    for (const secret of [material, p.ImportToken]) {
      assert.not.ok(text.includes(toHex(secret)) || text.includes(toBase64(secret)), `${err.name} carries a secret`);
    }
    assert.not.ok(/PRIVATE KEY|pkcs8/i.test(text), `${err.name} mentions a private key`);
  }
});

test.run();
