/**
 * The real `@aws-sdk/client-kms` against `startServer` on a free port: every
 * implemented operation, every exception of the facade's error table arriving
 * as the SDK's own class (name, $fault, message, $metadata.httpStatusCode),
 * and the signature refusals (wrong secret, tampered body, stale date).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHmac } from 'node:crypto';
import * as sdk from '@aws-sdk/client-kms';
import * as facadeErrors from '../../src/kms/errors.js';
import { COMMANDS } from '../../src/kms/commands/index.js';
import { MemoryKeyStore, type Commit, type KeyChange, type KeyStore, type VersionedKey } from '../../src/kms/key-store.js';
import { startServer, type KmsServer } from '../../src/node/index.js';
import { rejection as rejects, signedRequest, rawRequest } from './helpers.js';

const FIXED_ID = '0b0f1f5e-7a39-4c52-9f8e-3d0c2a1b4e6f';
const MATERIAL = Uint8Array.from({ length: 32 }, (_, i) => i);
const HELLO = new TextEncoder().encode('Hello World');

/**
 * A MemoryKeyStore, shared (so DescribeKey reads through it), that can be
 * told to throw on the next `read`: drives every facade error over the wire.
 */
class FaultyStore implements KeyStore {
  readonly shared = true;
  readonly inner = new MemoryKeyStore();
  fail: Error | undefined;
  async read(keyId: string): Promise<VersionedKey | undefined> {
    const f = this.fail;
    this.fail = undefined;
    if (f !== undefined) throw f;
    return this.inner.read(keyId);
  }
  scan() {
    return this.inner.scan();
  }
  readAlias(account: string, region: string, name: string) {
    return this.inner.readAlias(account, region, name);
  }
  commit(c: Commit) {
    return this.inner.commit(c);
  }
  subscribe(listener: (change: KeyChange) => void) {
    return this.inner.subscribe(listener);
  }
}

const store = new FaultyStore();
let server: KmsServer;
let client: sdk.KMSClient;

function newClient(extra: Partial<sdk.KMSClientConfig> = {}): sdk.KMSClient {
  return new sdk.KMSClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
    ...extra,
  });
}


/** The SDK's class for an error name, or its base class when the name is not modeled (ValidationException, ...). */
function sdkClass(name: string): new (...args: never[]) => Error {
  const cls = (sdk as Record<string, unknown>)[name];
  return (typeof cls === 'function' ? cls : sdk.KMSServiceException) as never;
}

function assertError(err: any, name: string, status: number, message?: string | RegExp): void {
  assert.instance(err, sdk.KMSServiceException, `${name}: an SDK exception`);
  assert.instance(err, sdkClass(name), `${name}: the SDK's own class`);
  assert.is(err.name, name);
  assert.is(err.$fault, status >= 500 ? 'server' : 'client', `${name}: $fault`);
  assert.is(err.$metadata.httpStatusCode, status, `${name}: status`);
  assert.ok(err.$metadata.requestId, `${name}: requestId`);
  if (typeof message === 'string') assert.is(err.message, message);
  else if (message) assert.match(err.message, message);
}

test.before(async () => {
  server = await startServer({
    port: 0,
    keyStore: store,
    ...(process.env.WASMAC_TEST_LOG ? { log: (l: string) => console.error(l) } : {}),
    seed: { keys: [{ KeyId: FIXED_ID, KeySpec: 'HMAC_256', MaterialHex: Buffer.from(MATERIAL).toString('hex'), Aliases: ['alias/fixed'] }] },
  });
  client = newClient();
});

test.after(async () => {
  client.destroy();
  await server.close();
});

test('GenerateMac with seeded material matches node:crypto (key ID, ARN, alias, alias ARN)', async () => {
  const want = createHmac('sha256', MATERIAL).update(HELLO).digest();
  const arn = `arn:aws:kms:us-east-1:111122223333:key/${FIXED_ID}`;
  for (const KeyId of [FIXED_ID, arn, 'alias/fixed', 'arn:aws:kms:us-east-1:111122223333:alias/fixed']) {
    const out = await client.send(new sdk.GenerateMacCommand({ KeyId, Message: HELLO, MacAlgorithm: 'HMAC_SHA_256' }));
    assert.equal(Buffer.from(out.Mac!), want, KeyId);
    assert.is(out.KeyId, arn);
    assert.is(out.MacAlgorithm, 'HMAC_SHA_256');
    assert.is(out.$metadata.httpStatusCode, 200);
    assert.match(out.$metadata.requestId!, /^[0-9a-f-]{36}$/);
  }
  assert.is(Buffer.from(want).toString('base64'), 'SWgggc4CgAle8JGG8XOHRQE/yzVt/4SG5l8pgV0Jhs0=');
});

test('CreateKey, DescribeKey, GenerateMac, VerifyMac for every HMAC spec', async () => {
  for (const [spec, alg, len] of [
    ['HMAC_224', 'HMAC_SHA_224', 28],
    ['HMAC_256', 'HMAC_SHA_256', 32],
    ['HMAC_384', 'HMAC_SHA_384', 48],
    ['HMAC_512', 'HMAC_SHA_512', 64],
  ] as const) {
    const created = await client.send(new sdk.CreateKeyCommand({ KeySpec: spec, KeyUsage: 'GENERATE_VERIFY_MAC', Description: `k ${spec}`, Tags: [{ TagKey: 't', TagValue: 'v' }] }));
    const md = created.KeyMetadata!;
    assert.is(md.KeySpec, spec);
    assert.equal(md.MacAlgorithms, [alg]);
    assert.instance(md.CreationDate, Date, 'timestamps arrive as epoch seconds and become Dates');
    assert.ok(Math.abs(md.CreationDate!.getTime() - Date.now()) < 60_000);
    const described = await client.send(new sdk.DescribeKeyCommand({ KeyId: md.Arn }));
    assert.is(described.KeyMetadata!.KeyId, md.KeyId);
    assert.is(described.KeyMetadata!.Description, `k ${spec}`);
    assert.is(described.KeyMetadata!.Enabled, true);
    const { Mac } = await client.send(new sdk.GenerateMacCommand({ KeyId: md.KeyId, Message: HELLO, MacAlgorithm: alg }));
    assert.is(Mac!.length, len);
    const ok = await client.send(new sdk.VerifyMacCommand({ KeyId: md.KeyId, Message: HELLO, Mac, MacAlgorithm: alg }));
    assert.is(ok.MacValid, true);
    assert.is(ok.KeyId, md.Arn);
    const bad = Uint8Array.from(Mac!);
    bad[0]! ^= 1;
    const err = await rejects(client.send(new sdk.VerifyMacCommand({ KeyId: md.KeyId, Message: HELLO, Mac: bad, MacAlgorithm: alg })));
    assertError(err, 'KMSInvalidMacException', 400, 'UnknownError');
  }
});

test('DisableKey, EnableKey, ScheduleKeyDeletion, CancelKeyDeletion and the state errors', async () => {
  const { KeyMetadata } = await client.send(new sdk.CreateKeyCommand({ KeySpec: 'HMAC_384', KeyUsage: 'GENERATE_VERIFY_MAC' }));
  const KeyId = KeyMetadata!.KeyId!;
  const mac = () => client.send(new sdk.GenerateMacCommand({ KeyId, Message: HELLO, MacAlgorithm: 'HMAC_SHA_384' }));
  const disabled = await client.send(new sdk.DisableKeyCommand({ KeyId }));
  assert.is(disabled.$metadata.httpStatusCode, 200);
  assertError(await rejects(mac()), 'DisabledException', 400, `${KeyMetadata!.Arn} is disabled.`);
  await client.send(new sdk.EnableKeyCommand({ KeyId }));
  assert.ok((await mac()).Mac);
  const scheduled = await client.send(new sdk.ScheduleKeyDeletionCommand({ KeyId, PendingWindowInDays: 7 }));
  assert.is(scheduled.KeyState, 'PendingDeletion');
  assert.is(scheduled.PendingWindowInDays, 7);
  assert.instance(scheduled.DeletionDate, Date);
  assert.ok(Math.abs(scheduled.DeletionDate!.getTime() - (Date.now() + 7 * 86_400_000)) < 86_400_000);
  assertError(await rejects(mac()), 'KMSInvalidStateException', 400, `${KeyMetadata!.Arn} is pending deletion.`);
  const cancelled = await client.send(new sdk.CancelKeyDeletionCommand({ KeyId }));
  assert.is(cancelled.KeyId, KeyMetadata!.Arn);
  const after = await client.send(new sdk.DescribeKeyCommand({ KeyId }));
  assert.is(after.KeyMetadata!.KeyState, 'Disabled');
});

test('validation, usage, not-found and DryRun errors as AWS sends them', async () => {
  const v = await rejects(client.send(new sdk.GenerateMacCommand({ KeyId: FIXED_ID, Message: HELLO, MacAlgorithm: 'INVALID' as never })));
  assertError(
    v,
    'ValidationException',
    400,
    "1 validation error detected: Value 'INVALID' at 'macAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [HMAC_SHA_384, HMAC_SHA_256, HMAC_SHA_224, HMAC_SHA_512]",
  );
  const empty = await rejects(client.send(new sdk.GenerateMacCommand({ KeyId: FIXED_ID, Message: new Uint8Array(), MacAlgorithm: 'HMAC_SHA_256' })));
  assertError(empty, 'ValidationException', 400, /at 'message' failed to satisfy constraint: Member must have length greater than or equal to 1/);
  const usage = await rejects(client.send(new sdk.GenerateMacCommand({ KeyId: FIXED_ID, Message: HELLO, MacAlgorithm: 'HMAC_SHA_512' })));
  assertError(usage, 'InvalidKeyUsageException', 400, 'Algorithm HMAC_SHA_512 is incompatible with key spec HMAC_256.');
  assertError(await rejects(client.send(new sdk.DescribeKeyCommand({ KeyId: 'key_id' }))), 'NotFoundException', 400, "Invalid keyId 'key_id'");
  assertError(
    await rejects(client.send(new sdk.DescribeKeyCommand({ KeyId: '11111111-2222-4333-8444-555555555555' }))),
    'NotFoundException',
    400,
    "Key 'arn:aws:kms:us-east-1:111122223333:key/11111111-2222-4333-8444-555555555555' does not exist",
  );
  assertError(
    await rejects(client.send(new sdk.GenerateMacCommand({ KeyId: FIXED_ID, Message: HELLO, MacAlgorithm: 'HMAC_SHA_256', DryRun: true }))),
    'DryRunOperationException',
    400,
    'The request would have succeeded, but the DryRun option is set.',
  );
  assertError(
    await rejects(client.send(new sdk.GenerateMacCommand({ KeyId: FIXED_ID, Message: HELLO, MacAlgorithm: 'HMAC_SHA_256', GrantTokens: ['not-a-token'] }))),
    'InvalidGrantTokenException',
    400,
  );
  assertError(
    await rejects(client.send(new sdk.CreateKeyCommand({ KeySpec: 'HMAC_256' }))),
    'ValidationException',
    400,
    'You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.',
  );
});

// Every exception class of the facade's table, thrown inside an operation, must
// reach the SDK as its own class with the same name, fault and message, and the
// status AWS uses (400, 500 for server faults, 503 for DependencyTimeout).
const facadeLeaves = Object.entries(facadeErrors).filter(
  ([name, value]) => typeof value === 'function' && value.prototype instanceof facadeErrors.KMSServiceException && name.endsWith('Exception'),
) as [string, new (o?: { message?: string }) => facadeErrors.KMSServiceException][];

test(`every facade exception (${facadeLeaves.length}) arrives as the SDK's own, with name, $fault, message, status`, async () => {
  assert.ok(facadeLeaves.length >= 20);
  for (const [name, Leaf] of facadeLeaves) {
    const thrown = new Leaf({ message: `message of ${name}` });
    store.fail = thrown;
    const err = await rejects(client.send(new sdk.DescribeKeyCommand({ KeyId: FIXED_ID })));
    const status = thrown.httpStatusCode;
    const message = name === 'KMSInvalidMacException' ? 'UnknownError' : `message of ${name}`;
    assertError(err, name, status, message);
    assert.is(err.$fault, thrown.$fault, `${name}: the facade's fault`);
  }
});

test('a store failure that is not a KMS exception is a KMSInternalException (500) that says nothing of the cause', async () => {
  store.fail = new Error('disk on fire: material 000102');
  const err = await rejects(client.send(new sdk.DescribeKeyCommand({ KeyId: FIXED_ID })));
  assertError(err, 'KMSInternalException', 500);
  assert.not.match(err.message, /disk on fire|000102/);
});

test('the SDK retries server faults: 3 attempts by default', async () => {
  const retrying = newClient({ maxAttempts: 3, retryStrategy: undefined });
  let calls = 0;
  const flaky: KeyStore = store;
  const original = flaky.read.bind(flaky);
  store.read = async (id: string) => {
    calls++;
    if (calls < 3) throw new facadeErrors.KMSInternalException('transient');
    return original(id);
  };
  try {
    const out = await retrying.send(new sdk.DescribeKeyCommand({ KeyId: FIXED_ID }));
    assert.is(out.KeyMetadata!.KeyId, FIXED_ID);
    assert.is(out.$metadata.attempts, 3);
  } finally {
    store.read = original;
    retrying.destroy();
  }
});

test('a wrong secret key is refused: InvalidSignatureException', async () => {
  const wrong = newClient({ credentials: { accessKeyId: 'test', secretAccessKey: 'not-test' } });
  assertError(await rejects(wrong.send(new sdk.DescribeKeyCommand({ KeyId: FIXED_ID }))), 'InvalidSignatureException', 400, /does not match the signature you provided/);
  wrong.destroy();
  const unknown = newClient({ credentials: { accessKeyId: 'AKIDNOBODY', secretAccessKey: 'x' } });
  assertError(await rejects(unknown.send(new sdk.DescribeKeyCommand({ KeyId: FIXED_ID }))), 'UnrecognizedClientException', 400, 'The security token included in the request is invalid.');
  unknown.destroy();
});

test('a body changed after signing is refused', async () => {
  const tampering = newClient();
  tampering.middlewareStack.add(
    (next) => async (args: any) => {
      const body = args.request.body;
      const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
      args.request.body = text.replace('HMAC_SHA_256', 'HMAC_SHA_384');
      args.request.headers['content-length'] = String(Buffer.byteLength(args.request.body));
      return next(args);
    },
    { step: 'deserialize', name: 'tamper', priority: 'low' } as never,
  );
  const err = await rejects(tampering.send(new sdk.GenerateMacCommand({ KeyId: FIXED_ID, Message: HELLO, MacAlgorithm: 'HMAC_SHA_256' })));
  assertError(err, 'InvalidSignatureException', 400);
  tampering.destroy();
});

test('a request dated 20 minutes ago is refused; with retries the SDK corrects its clock from the Date header', async () => {
  const stale = newClient({ systemClockOffset: -20 * 60_000 });
  assertError(await rejects(stale.send(new sdk.DescribeKeyCommand({ KeyId: FIXED_ID }))), 'InvalidSignatureException', 400, /^Signature expired: /);
  stale.destroy();
  const correcting = newClient({ systemClockOffset: -20 * 60_000, maxAttempts: 2 });
  const out = await correcting.send(new sdk.DescribeKeyCommand({ KeyId: FIXED_ID }));
  assert.is(out.$metadata.attempts, 2);
  correcting.destroy();
});

test('an unsigned request gets MissingAuthenticationTokenException', async () => {
  const req = await signedRequest({ url: server.url, op: 'DescribeKey', body: `{"KeyId":"${FIXED_ID}"}` });
  delete req.headers['authorization'];
  const res = await rawRequest(server.url, req);
  assert.is(res.status, 403);
  assert.equal(res.json, { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
});

test('every operation of COMMANDS has an SDK command and is dispatched (no UnknownOperationException)', async () => {
  const ops = Object.keys(COMMANDS);
  assert.ok(ops.length >= 8);
  for (const op of ops) {
    const Cmd = (sdk as Record<string, unknown>)[`${op}Command`] as (new (i: object) => never) | undefined;
    assert.type(Cmd, 'function', `@aws-sdk/client-kms has ${op}Command`);
    try {
      await client.send(new Cmd!({}));
    } catch (err: any) {
      assert.is.not(err.name, 'UnknownOperationException', op);
      assert.is(err.$metadata.httpStatusCode, 400, `${op}: ${err.name}`);
    }
  }
});

test.run();
