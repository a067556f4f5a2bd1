/**
 * Key resolution, key state, usage, algorithm, grant tokens, DryRun and MAC
 * mismatch for GenerateMac and VerifyMac: the ID, STATE and MAC rows of
 * docs/SEMANTICS.md, every key state, one test each, asserting
 * class, `name`, `$fault` and message.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  CreateAliasCommand,
  CreateGrantCommand,
  DisabledException,
  DryRunOperationException,
  errorBody,
  GenerateMacCommand,
  InvalidGrantTokenException,
  InvalidKeyUsageException,
  KeyUnavailableException,
  KMSClient,
  KMSInvalidMacException,
  KMSInvalidStateException,
  NotFoundException,
  RevokeGrantCommand,
  ScheduleKeyDeletionCommand,
  VerifyMacCommand,
  type KMSServiceException,
} from '../../src/index.js';
import { ACCOUNT, arnOf, createKey, patch, rejects, setup } from './helpers.js';

type Op = 'GenerateMac' | 'VerifyMac';
const OPS: Op[] = ['GenerateMac', 'VerifyMac'];

/** A GenerateMac or VerifyMac request on `KeyId` (VerifyMac with a valid MAC of `valid`, when given). */
function send(client: KMSClient, op: Op, KeyId: string, extra: Record<string, unknown> = {}, mac?: Uint8Array) {
  const base = { KeyId, Message: 'Hello World', MacAlgorithm: 'HMAC_SHA_256', ...extra };
  if (op === 'GenerateMac') return client.send(new GenerateMacCommand(base as never));
  return client.send(new VerifyMacCommand({ ...base, Mac: mac ?? new Uint8Array(32) } as never));
}

async function macOf(client: KMSClient, KeyId: string, alg = 'HMAC_SHA_256'): Promise<Uint8Array> {
  return (await client.send(new GenerateMacCommand({ KeyId, Message: 'Hello World', MacAlgorithm: alg as never }))).Mac!;
}

type ErrorClass = abstract new (...args: never[]) => KMSServiceException;
async function bothOps(make: (client: KMSClient, op: Op) => Promise<unknown>, type: ErrorClass, message: string | ((op: Op) => string)) {
  for (const op of OPS) {
    const { client } = setup();
    await rejects(make(client, op), type, 'client', typeof message === 'string' ? message : message(op));
  }
}

// ID-4: malformed identifiers (recorded).
for (const id of ['key_id', 'fake-key-id', '134f2428cec14b25a1ae9048164dba47', 'mrk-fake-key-id', '1234abcd-12ab-34cd-56ef-1234567890a', 'alias/', 'arn:aws:kms:us-east-1:111122223333:key/not-a-key-id', 'arn:aws:kms:us-east-1:111122223333:keys/x', 'arn:nope']) {
  test(`ID-4 malformed key identifier '${id}'`, () => bothOps((c, op) => send(c, op, id), NotFoundException, `Invalid keyId '${id}'`));
}

test('ID-5 well-formed key ID that does not exist: the message names the ARN', () => {
  const id = '1234abcd-12ab-34cd-56ef-1234567890ab';
  return bothOps((c, op) => send(c, op, id), NotFoundException, `Key '${arnOf(id)}' does not exist`);
});
test('ID-5 key ARN that does not exist', () => {
  const arn = arnOf('1234abcd-12ab-34cd-56ef-1234567890ab');
  return bothOps((c, op) => send(c, op, arn), NotFoundException, `Key '${arn}' does not exist`);
});
test('ID-5 mrk- key ID that does not exist', () => {
  const id = `mrk-${'a'.repeat(32)}`;
  return bothOps((c, op) => send(c, op, id), NotFoundException, `Key '${arnOf(id)}' does not exist`);
});
test("ID-5 key ARN of another account (cross-account by ARN) that does not exist there", () => {
  const arn = arnOf('1234abcd-12ab-34cd-56ef-1234567890ab', 'us-east-1', '444455556666');
  return bothOps((c, op) => send(c, op, arn), NotFoundException, `Key '${arn}' does not exist`);
});
test('ID-6 key ARN of another region', () =>
  bothOps((c, op) => send(c, op, arnOf('1234abcd-12ab-34cd-56ef-1234567890ab', 'eu-west-1')), NotFoundException, 'Invalid arn eu-west-1'));
test('ID-6 alias ARN of another region', () =>
  bothOps((c, op) => send(c, op, `arn:aws:kms:eu-west-1:${ACCOUNT}:alias/x`), NotFoundException, 'Invalid arn eu-west-1'));
test('ID-7 alias name that does not exist: the message names the alias ARN', () =>
  bothOps((c, op) => send(c, op, 'alias/nope'), NotFoundException, `Alias arn:aws:kms:us-east-1:${ACCOUNT}:alias/nope is not found.`));
test('ID-7 alias ARN that does not exist', () =>
  bothOps((c, op) => send(c, op, `arn:aws:kms:us-east-1:${ACCOUNT}:alias/nope`), NotFoundException, `Alias arn:aws:kms:us-east-1:${ACCOUNT}:alias/nope is not found.`));

test('ID-5 a bare key ID of a key that lives in another region of the same store', async () => {
  const { client, store } = setup();
  const key = await createKey(client);
  const west = new KMSClient({ region: 'us-west-2', keyStore: store });
  for (const op of OPS) await rejects(send(west, op, key.KeyId), NotFoundException, 'client', `Key '${arnOf(key.KeyId, 'us-west-2')}' does not exist`);
});

test('cross-account: another account reaches a key by key ARN, not by key ID', async () => {
  const { client, store } = setup();
  const key = await createKey(client);
  const other = new KMSClient({ accountId: '444455556666', keyStore: store });
  const mac = await macOf(client, key.KeyId);
  const out = await other.send(new GenerateMacCommand({ KeyId: key.Arn, Message: 'Hello World', MacAlgorithm: 'HMAC_SHA_256' }));
  assert.equal(out.Mac, mac);
  await rejects(send(other, 'GenerateMac', key.KeyId), NotFoundException, 'client', `Key '${arnOf(key.KeyId, 'us-east-1', '444455556666')}' does not exist`);
});

// The key-state table, STATE-1..STATE-4.
const STATE_ERRORS: [string, ErrorClass | undefined, string][] = [
  ['Enabled', undefined, ''],
  ['Updating', undefined, ''],
  ['Disabled', DisabledException, 'is disabled.'],
  ['PendingDeletion', KMSInvalidStateException, 'is pending deletion.'],
  ['PendingReplicaDeletion', KMSInvalidStateException, 'is pending replica deletion.'],
  ['PendingImport', KMSInvalidStateException, 'is pending import.'],
  ['Creating', KMSInvalidStateException, 'is creating.'],
  ['Unavailable', KMSInvalidStateException, 'is unavailable.'],
];
for (const [state, type, phrase] of STATE_ERRORS) {
  test(`key state ${state}: ${type ? `${type.name} '<ARN> ${phrase}'` : 'succeeds'}`, async () => {
    for (const op of OPS) {
      const { client, store, clock } = setup();
      const key = await createKey(client);
      const mac = await macOf(client, key.KeyId);
      await patch(store, key.KeyId, { KeyState: state, ...(state === 'PendingDeletion' ? { DeletionDate: clock.now + 86_400_000 } : {}) });
      if (type === undefined) {
        const out = await send(client, op, key.KeyId, {}, mac);
        assert.is(out.KeyId, key.Arn);
      } else {
        await rejects(send(client, op, key.KeyId, {}, mac), type, 'client', `${key.Arn} ${phrase}`);
      }
    }
  });
}

test('STATE-2 PendingDeletion through the API (ScheduleKeyDeletion)', async () => {
  const { client } = setup();
  const key = await createKey(client);
  await client.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId }));
  for (const op of OPS) await rejects(send(client, op, key.KeyId), KMSInvalidStateException, 'client', `${key.Arn} is pending deletion.`);
});

test('STATE-3 PendingImport: an EXTERNAL key before its material is imported', async () => {
  const { client } = setup();
  const key = await createKey(client, 'HMAC_256', 'GENERATE_VERIFY_MAC', { Origin: 'EXTERNAL' });
  assert.is(key.metadata.KeyState, 'PendingImport');
  assert.is(key.metadata.Enabled, false);
  for (const op of OPS) await rejects(send(client, op, key.KeyId), KMSInvalidStateException, 'client', `${key.Arn} is pending import.`);
});

// MAC-2: usage mismatch (recorded for GenerateMac; the VerifyMac wording inferred).
for (const [spec, usage] of [
  ['SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT'],
  ['RSA_2048', 'SIGN_VERIFY'],
  ['RSA_3072', 'ENCRYPT_DECRYPT'],
  ['ECC_NIST_P256', 'SIGN_VERIFY'],
  ['ECC_NIST_P384', 'KEY_AGREEMENT'],
] as const) {
  test(`MAC-2 ${spec}/${usage} key: InvalidKeyUsageException`, async () => {
    for (const op of OPS) {
      const { client } = setup();
      const key = await createKey(client, spec, usage);
      await rejects(send(client, op, key.KeyId), InvalidKeyUsageException, 'client', `${key.Arn} key usage is ${usage} which is not valid for ${op}.`);
    }
  });
}

test('MAC-2 state comes before usage: a disabled encryption key is DisabledException', async () => {
  const { client, store } = setup();
  const key = await createKey(client, 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT');
  await patch(store, key.KeyId, { KeyState: 'Disabled' });
  await rejects(send(client, 'GenerateMac', key.KeyId), DisabledException, 'client', `${key.Arn} is disabled.`);
});

// MAC-3: algorithm/spec mismatch (recorded for both operations).
for (const [spec, alg] of [
  ['HMAC_224', 'HMAC_SHA_256'],
  ['HMAC_256', 'HMAC_SHA_224'],
  ['HMAC_384', 'HMAC_SHA_512'],
  ['HMAC_512', 'HMAC_SHA_384'],
] as const) {
  test(`MAC-3 ${spec} key with ${alg}`, async () => {
    for (const op of OPS) {
      const { client } = setup();
      const key = await createKey(client, spec);
      await rejects(send(client, op, key.KeyId, { MacAlgorithm: alg }), InvalidKeyUsageException, 'client', `Algorithm ${alg} is incompatible with key spec ${spec}.`);
    }
  });
}

test('MAC-8 a grant token CreateGrant never issued', () =>
  bothOps(async (c, op) => {
    const key = await createKey(c);
    const mac = await macOf(c, key.KeyId);
    return send(c, op, key.KeyId, { GrantTokens: ['not-a-token'] }, mac);
  }, InvalidGrantTokenException, 'Invalid grant token.'));

test('MAC-8 a token CreateGrant issued is valid; revoked, it is not', async () => {
  for (const op of OPS) {
    const { client } = setup();
    const key = await createKey(client);
    const mac = await macOf(client, key.KeyId);
    const g = await client.send(new CreateGrantCommand({ KeyId: key.KeyId, GranteePrincipal: 'arn:aws:iam::111122223333:role/app', Operations: ['GenerateMac', 'VerifyMac'] }));
    const out = await send(client, op, key.KeyId, { GrantTokens: [g.GrantToken] }, mac);
    assert.is(out.KeyId, key.Arn);
    await client.send(new RevokeGrantCommand({ KeyId: key.KeyId, GrantId: g.GrantId }));
    await rejects(send(client, op, key.KeyId, { GrantTokens: [g.GrantToken] }, mac), InvalidGrantTokenException, 'client', 'Invalid grant token.');
  }
});

test("MAC-8 a token issued for another key is not valid for this one", async () => {
  const { client } = setup();
  const a = await createKey(client);
  const b = await createKey(client);
  const g = await client.send(new CreateGrantCommand({ KeyId: a.KeyId, GranteePrincipal: 'p', Operations: ['GenerateMac'] }));
  await rejects(send(client, 'GenerateMac', b.KeyId, { GrantTokens: [g.GrantToken] }), InvalidGrantTokenException, 'client', 'Invalid grant token.');
});

test('MAC-6 DryRun on a request that would succeed', async () => {
  for (const op of OPS) {
    const { client } = setup();
    const key = await createKey(client);
    const mac = await macOf(client, key.KeyId);
    await rejects(send(client, op, key.KeyId, { DryRun: true }, mac), DryRunOperationException, 'client', 'The request would have succeeded, but the DryRun option is set.');
    const out = await send(client, op, key.KeyId, { DryRun: false }, mac);
    assert.is(out.KeyId, key.Arn);
  }
});

test('MAC-6 DryRun is last: a request that would fail gets its real error', async () => {
  const { client, store } = setup();
  const key = await createKey(client);
  await rejects(send(client, 'GenerateMac', key.KeyId, { DryRun: true, MacAlgorithm: 'HMAC_SHA_512' }), InvalidKeyUsageException, 'client', `Algorithm HMAC_SHA_512 is incompatible with key spec HMAC_256.`);
  await rejects(send(client, 'GenerateMac', key.KeyId, { DryRun: true, GrantTokens: ['x'] }), InvalidGrantTokenException, 'client', 'Invalid grant token.');
  await rejects(send(client, 'GenerateMac', 'alias/none', { DryRun: true }), NotFoundException, 'client', `Alias arn:aws:kms:us-east-1:${ACCOUNT}:alias/none is not found.`);
  // A wrong MAC with DryRun is the KMSInvalidMacException it would have been (SEMANTICS.md MAC-7).
  await rejects(send(client, 'VerifyMac', key.KeyId, { DryRun: true }, new Uint8Array(32)), KMSInvalidMacException, 'client', 'UnknownError');
  await patch(store, key.KeyId, { KeyState: 'Disabled' });
  await rejects(send(client, 'GenerateMac', key.KeyId, { DryRun: true }), DisabledException, 'client', `${key.Arn} is disabled.`);
});

test('MAC-5 VerifyMac with a wrong MAC: KMSInvalidMacException, never MacValid false', async () => {
  const { client } = setup();
  const key = await createKey(client, 'HMAC_512');
  const mac = await macOf(client, key.KeyId, 'HMAC_SHA_512');
  for (const bad of [new Uint8Array(64), mac.subarray(1), Uint8Array.of(...mac, 0), new Uint8Array(1), new Uint8Array(6144)]) {
    const err = await rejects(send(client, 'VerifyMac', key.KeyId, { MacAlgorithm: 'HMAC_SHA_512' }, bad), KMSInvalidMacException, 'client', 'UnknownError');
    assert.is(errorBody(err).message, undefined, 'no message on the wire');
  }
});

test('MAC-9 an enabled HMAC key without material: KeyUnavailableException (server fault)', async () => {
  const { client, store } = setup();
  const key = await createKey(client);
  await patch(store, key.KeyId, { material: undefined });
  await rejects(send(client, 'GenerateMac', key.KeyId), KeyUnavailableException, 'server', `${key.Arn} key material is not available.`);
});

test('aliases: an alias of a disabled key gives the key ARN in the message', async () => {
  const { client, store } = setup();
  const key = await createKey(client);
  await client.send(new CreateAliasCommand({ AliasName: 'alias/d', TargetKeyId: key.KeyId }));
  await patch(store, key.KeyId, { KeyState: 'Disabled' });
  await rejects(send(client, 'GenerateMac', 'alias/d'), DisabledException, 'client', `${key.Arn} is disabled.`);
});

test.run();
