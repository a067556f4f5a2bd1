/**
 * The error tree (instanceof both ways, names, faults, statuses), unexpected
 * failures surfacing as KMSInternalException, the public surface (COMMANDS,
 * no `revealSecret`), prototype-pollution keys, and no key material in any
 * output, error, `toString` or `JSON.stringify`.
 */
import { inspect } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as wasmac from '../../src/index.js';
import {
  COMMANDS,
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  DisabledException,
  errorBody,
  GenerateMacCommand,
  KeyUnavailableException,
  KMSClient,
  KMSInternalException,
  KMSInvalidMacException,
  KMSServiceException,
  ListKeysCommand,
  MemoryKeyStore,
  NotFoundException,
  UnknownOperationException,
  ValidationException,
  VerifyMacCommand,
  type StoredKey,
  type VersionedKey,
} from '../../src/index.js';
import { toHex } from '../../src/index.js';
import { createKey, materialOf, rejects, setup } from './helpers.js';

const LEAVES: [new (o?: string) => KMSServiceException, string, 'client' | 'server', number][] = [
  [wasmac.AccessDeniedException, 'AccessDeniedException', 'client', 400],
  [wasmac.AlreadyExistsException, 'AlreadyExistsException', 'client', 400],
  [wasmac.DependencyTimeoutException, 'DependencyTimeoutException', 'server', 503],
  [wasmac.DisabledException, 'DisabledException', 'client', 400],
  [wasmac.DryRunOperationException, 'DryRunOperationException', 'client', 400],
  [wasmac.ExpiredImportTokenException, 'ExpiredImportTokenException', 'client', 400],
  [wasmac.IncorrectKeyException, 'IncorrectKeyException', 'client', 400],
  [wasmac.IncorrectKeyMaterialException, 'IncorrectKeyMaterialException', 'client', 400],
  [wasmac.InvalidAliasNameException, 'InvalidAliasNameException', 'client', 400],
  [wasmac.InvalidArnException, 'InvalidArnException', 'client', 400],
  [wasmac.InvalidCiphertextException, 'InvalidCiphertextException', 'client', 400],
  [wasmac.InvalidGrantIdException, 'InvalidGrantIdException', 'client', 400],
  [wasmac.InvalidGrantTokenException, 'InvalidGrantTokenException', 'client', 400],
  [wasmac.InvalidImportTokenException, 'InvalidImportTokenException', 'client', 400],
  [wasmac.InvalidKeyUsageException, 'InvalidKeyUsageException', 'client', 400],
  [wasmac.InvalidMarkerException, 'InvalidMarkerException', 'client', 400],
  [wasmac.KeyUnavailableException, 'KeyUnavailableException', 'server', 500],
  [wasmac.KMSInternalException, 'KMSInternalException', 'server', 500],
  [wasmac.KMSInvalidMacException, 'KMSInvalidMacException', 'client', 400],
  [wasmac.KMSInvalidSignatureException, 'KMSInvalidSignatureException', 'client', 400],
  [wasmac.KMSInvalidStateException, 'KMSInvalidStateException', 'client', 400],
  [wasmac.LimitExceededException, 'LimitExceededException', 'client', 400],
  [wasmac.MalformedPolicyDocumentException, 'MalformedPolicyDocumentException', 'client', 400],
  [wasmac.NotFoundException, 'NotFoundException', 'client', 400],
  [wasmac.SerializationException, 'SerializationException', 'client', 400],
  [wasmac.TagException, 'TagException', 'client', 400],
  [wasmac.UnknownOperationException, 'UnknownOperationException', 'client', 400],
  [wasmac.UnsupportedOperationException, 'UnsupportedOperationException', 'client', 400],
  [wasmac.ValidationException, 'ValidationException', 'client', 400],
];

test('every exception: leaf and base instanceof, literal name, fault, status, message', () => {
  for (const [Leaf, name, fault, status] of LEAVES) {
    const e = new Leaf('boom');
    assert.ok(e instanceof Leaf, name);
    assert.ok(e instanceof KMSServiceException, `${name} is a KMSServiceException`);
    assert.ok(e instanceof Error, `${name} is an Error`);
    assert.is(e.name, name);
    assert.is(e.$fault, fault, name);
    assert.is(e.httpStatusCode, status, name);
    assert.is(e.message, 'boom');
    assert.equal(e.$metadata, {});
    assert.is(String(e), `${name}: boom`);
    for (const [Other, otherName] of LEAVES) if (Other !== Leaf) assert.not.ok(e instanceof Other, `${name} is not a ${otherName}`);
  }
  const base = new KMSServiceException({ message: 'm', $metadata: { httpStatusCode: 400 } });
  assert.not.ok(base instanceof NotFoundException);
  assert.is(base.name, 'KMSServiceException');
  assert.equal(base.$metadata, { httpStatusCode: 400 });
});

test('KMSInvalidMacException: message UnknownError in process, none on the wire', () => {
  const e = new KMSInvalidMacException();
  assert.is(e.message, 'UnknownError');
  assert.equal(errorBody(e), { __type: 'KMSInvalidMacException' });
  assert.equal(errorBody(new NotFoundException("Invalid keyId 'x'")), { __type: 'NotFoundException', message: "Invalid keyId 'x'" });
});

test('an unexpected failure inside an operation is KMSInternalException, never a raw TypeError', async () => {
  class BrokenStore extends MemoryKeyStore {
    override async scan(): Promise<VersionedKey[]> {
      throw new TypeError('disk on fire');
    }
  }
  const client = new KMSClient({ keyStore: new BrokenStore() });
  const err = await rejects(client.send(new GenerateMacCommand({ KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab', Message: 'm', MacAlgorithm: 'HMAC_SHA_256' })), KMSInternalException, 'server', 'An internal error occurred.');
  assert.ok((err as Error & { cause?: unknown }).cause instanceof TypeError, 'the cause is kept for debugging');
  assert.not.ok(JSON.stringify(err).includes('disk on fire'));
  await rejects(client.send(new ListKeysCommand({})), KMSInternalException, 'server', 'An internal error occurred.');
  const throwing = {
    get KeyId(): string {
      throw new RangeError('getter');
    },
  };
  await rejects(new KMSClient().send(new DescribeKeyCommand(throwing)), KMSInternalException, 'server', 'An internal error occurred.');
  await rejects(new KMSClient().send({ input: {} } as never), UnknownOperationException, 'client', '');
});

test('COMMANDS maps every operation name (these 20 at least) to its exported class; no prototype keys', () => {
  const names = [
    'CancelKeyDeletion', 'CreateAlias', 'CreateGrant', 'CreateKey', 'DeleteAlias', 'DescribeKey', 'DisableKey', 'EnableKey', 'GenerateMac', 'ListAliases',
    'ListGrants', 'ListKeys', 'ListResourceTags', 'RetireGrant', 'RevokeGrant', 'ScheduleKeyDeletion', 'TagResource', 'UntagResource', 'UpdateAlias', 'VerifyMac',
  ];
  for (const n of names) assert.ok(Object.hasOwn(COMMANDS, n), n);
  for (const n of Object.keys(COMMANDS)) {
    const C = COMMANDS[n]!;
    assert.is(C.name, `${n}Command`);
    assert.is((wasmac as Record<string, unknown>)[`${n}Command`], C);
    const cmd = new C({ x: 1 });
    assert.equal(cmd.input, { x: 1 });
  }
  for (const k of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) assert.is(COMMANDS[k], undefined, k);
  assert.ok(Object.isFrozen(COMMANDS));
});

test('the package surface: no revealSecret, the enums as const objects', () => {
  assert.not.ok('revealSecret' in wasmac);
  assert.is(wasmac.KeySpec.HMAC_256, 'HMAC_256');
  assert.is(wasmac.MacAlgorithmSpec.HMAC_SHA_512, 'HMAC_SHA_512');
  assert.is(wasmac.KeyState.PendingImport, 'PendingImport');
  assert.is(wasmac.KeyUsageType.GENERATE_VERIFY_MAC, 'GENERATE_VERIFY_MAC');
  assert.is(wasmac.OriginType.EXTERNAL, 'EXTERNAL');
  assert.is(wasmac.ExpirationModelType.KEY_MATERIAL_EXPIRES, 'KEY_MATERIAL_EXPIRES');
  assert.is(wasmac.GrantOperation.GenerateMac, 'GenerateMac');
  assert.type(wasmac.KMS, 'function');
  assert.type(wasmac.MemoryKeyStore, 'function');
});

test('prototype-pollution keys in inputs change nothing', async () => {
  const { client, store } = setup();
  const key = await createKey(client);
  const before = JSON.stringify(await store.list());
  const polluted = JSON.parse(`{"__proto__": {"KeyId": "${key.KeyId}", "DryRun": true, "polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "Message": "m", "MacAlgorithm": "HMAC_SHA_256"}`);
  await rejects(client.send(new GenerateMacCommand(polluted)), ValidationException, 'client', "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null");
  const inherited = Object.create({ KeyId: key.KeyId, Message: 'm', MacAlgorithm: 'HMAC_SHA_256' });
  await rejects(client.send(new GenerateMacCommand(inherited)), ValidationException, 'client', /^3 validation errors detected/);
  await rejects(
    client.send(new CreateKeyCommand(JSON.parse('{"KeySpec":"HMAC_256","KeyUsage":"GENERATE_VERIFY_MAC","Tags":[{"__proto__":{"TagKey":"x","TagValue":"y"}}]}'))),
    ValidationException,
    'client',
    /tags\.1\.member\.tagKey/,
  );
  await client.send(new CreateAliasCommand(JSON.parse(`{"AliasName":"alias/a","TargetKeyId":"${key.KeyId}","__proto__":{"AliasName":"alias/b"}}`)));
  assert.equal((await store.get(key.KeyId))!.aliases.map((a) => a.AliasName), ['alias/a']);
  // Inherited members are not members, on the fast path of a well-formed request too.
  const withInheritedDryRun = Object.assign(Object.create({ DryRun: true, GrantTokens: ['x'] }), { KeyId: key.KeyId, Message: new Uint8Array(1), MacAlgorithm: 'HMAC_SHA_256' });
  assert.is((await client.send(new GenerateMacCommand(withInheritedDryRun))).KeyId, key.Arn);
  const proto = Object.prototype as Record<string, unknown>;
  try {
    proto.DryRun = true;
    proto.Mac = new Uint8Array(32);
    assert.is((await client.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: new Uint8Array(1), MacAlgorithm: 'HMAC_SHA_256' }))).KeyId, key.Arn);
    await rejects(
      client.send(new VerifyMacCommand({ KeyId: key.KeyId, Message: new Uint8Array(1), MacAlgorithm: 'HMAC_SHA_256' } as never)),
      ValidationException,
      'client',
      "1 validation error detected: Value null at 'mac' failed to satisfy constraint: Member must not be null",
    );
  } finally {
    delete proto.DryRun;
    delete proto.Mac;
  }
  assert.is(({} as Record<string, unknown>).polluted, undefined);
  assert.is((Object.prototype as Record<string, unknown>).KeyId, undefined);
  const after = (await store.list()).map((r) => ({ ...r, aliases: [] }));
  assert.is(JSON.stringify(after), JSON.stringify(JSON.parse(before).map((r: StoredKey) => ({ ...r, aliases: [] }))), 'only the own alias was added');
});

test('no output, error, toString, inspect or JSON of anything carries key material', async () => {
  const { client, store } = setup();
  const key = await createKey(client, 'HMAC_512');
  const material = await materialOf(store, key.KeyId);
  const needles = [toHex(material), Buffer.from(material).toString('base64'), Array.from(material).join(',')];
  const seen: unknown[] = [];
  seen.push(await client.send(new DescribeKeyCommand({ KeyId: key.KeyId })));
  seen.push(await client.send(new ListKeysCommand({})));
  const mac = await client.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: 'm', MacAlgorithm: 'HMAC_SHA_512' }));
  seen.push(mac, await client.send(new VerifyMacCommand({ KeyId: key.KeyId, Message: 'm', MacAlgorithm: 'HMAC_SHA_512', Mac: mac.Mac })));
  for (const bad of [
    client.send(new VerifyMacCommand({ KeyId: key.KeyId, Message: 'x', MacAlgorithm: 'HMAC_SHA_512', Mac: mac.Mac })),
    client.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: 'm', MacAlgorithm: 'HMAC_SHA_256' })),
  ]) {
    try {
      await bad;
    } catch (e) {
      seen.push(e);
    }
  }
  const record = await store.get(key.KeyId);
  seen.push(record, await store.list(), client);
  for (const thing of seen) {
    for (const text of [JSON.stringify(thing), String(thing), inspect(thing, { depth: 10, showHidden: true })]) {
      for (const n of needles) assert.not.ok(text.includes(n), `material in ${text.slice(0, 80)}`);
    }
  }
  assert.is(JSON.stringify(record!.material), '"[SecretBytes]"');
});

test('KeyUnavailableException and KMSInternalException are server faults with status 500 in $metadata', async () => {
  const err = new KeyUnavailableException('x');
  assert.is(err.$fault, 'server');
  const { client } = setup();
  const e = await rejects(client.send(new GenerateMacCommand({ KeyId: 'nope', Message: 'm', MacAlgorithm: 'HMAC_SHA_256' })), NotFoundException, 'client', "Invalid keyId 'nope'");
  assert.equal(Object.keys(e.$metadata).sort(), ['attempts', 'httpStatusCode', 'requestId', 'totalRetryDelay']);
  assert.ok(new DisabledException('d') instanceof KMSServiceException);
});

test.run();
