/**
 * Property: random requests (wrong types, missing fields, random strings,
 * huge values, prototype-pollution keys, valid identifiers mixed in) never
 * produce anything but success or a KMSServiceException subclass, never a
 * message with key material, and the read-only operations never change a
 * key. Seeded, so a failure names its seed and iteration and reproduces.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  COMMANDS,
  CreateAliasCommand,
  CreateGrantCommand,
  DisableKeyCommand,
  KMSServiceException,
  MemoryKeyStore,
  toHex,
} from '../../src/index.js';
import { revealSecret } from '../../src/kms/secret.js';
import { prng, type Prng } from '../helpers/prng.js';
import { createKey, setup } from './helpers.js';

const SEED = 0x5eed_0003;
const READ_ONLY = ['GenerateMac', 'VerifyMac', 'DescribeKey', 'ListKeys', 'ListAliases', 'ListGrants', 'ListResourceTags'];
const MEMBERS = [
  'KeyId', 'Message', 'MacAlgorithm', 'Mac', 'GrantTokens', 'DryRun', 'Limit', 'Marker', 'KeySpec', 'KeyUsage', 'Origin', 'Description', 'Tags', 'TagKeys',
  'MultiRegion', 'AliasName', 'TargetKeyId', 'GranteePrincipal', 'RetiringPrincipal', 'Operations', 'Constraints', 'Name', 'GrantId', 'GrantToken',
  'PendingWindowInDays', 'CustomerMasterKeySpec', 'Policy', 'CustomKeyStoreId',
];
const JUNK_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

/** A snapshot of every record, material included (hex), to compare before and after. */
async function snapshot(store: MemoryKeyStore): Promise<string> {
  const records = await store.list();
  return JSON.stringify(records.map((r) => ({ ...r, material: r.material ? toHex(revealSecret(r.material)) : null })));
}

function randomString(r: Prng, valid: readonly string[]): string {
  switch (r.below(10)) {
    case 0:
      return r.pick(valid);
    case 1:
      return r.pick(JUNK_KEYS);
    case 2:
      return 'x'.repeat(r.pick([0, 1, 2048, 2049, 8192, 8193, 100_000]));
    case 3:
      return r.text(r.below(40));
    case 4:
      return r.pick(['alias/', 'alias/aws/x', 'arn:', 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'mrk-', '']);
    case 5:
      return r.pick(['HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_256', 'GENERATE_VERIFY_MAC', 'GenerateMac', 'EXTERNAL', 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT']);
    default:
      return toHex(r.bytes(r.below(20)));
  }
}

function randomValue(r: Prng, valid: readonly string[], depth = 0): unknown {
  switch (r.below(16)) {
    case 0:
      return undefined;
    case 1:
      return null;
    case 2:
      return r.pick([0, -1, 1, 7, 30, 100, 1000, 1001, 1.5, -0, 2 ** 53, 1e308, -1e308, Number.NaN, Number.POSITIVE_INFINITY]);
    case 3:
      return r.below(2) === 0;
    case 4:
    case 5:
    case 6:
      return randomString(r, valid);
    case 7:
      return r.bytes(r.pick([0, 1, 28, 32, 48, 64, 4096, 4097, 6145, 20_000]));
    case 8:
      return depth > 2 ? [] : Array.from({ length: r.pick([0, 1, 2, 11, 60]) }, () => randomValue(r, valid, depth + 1));
    case 9:
      return depth > 2 ? {} : randomObject(r, valid, depth + 1);
    case 10:
      return new Date(r.u32() * 1000);
    case 11:
      return r.pick([Symbol('s'), 10n, () => 1, new Map([[1, 2]]), new Uint16Array(4), new ArrayBuffer(8)]);
    case 12:
      return Array.from({ length: r.below(12) }, () => randomString(r, valid));
    case 13:
      return { TagKey: randomValue(r, valid, 3), TagValue: randomValue(r, valid, 3) };
    default:
      return r.pick(valid);
  }
}

function randomObject(r: Prng, valid: readonly string[], depth = 0): Record<string, unknown> {
  const o: Record<string, unknown> = r.below(4) === 0 ? Object.create(null) : {};
  const n = r.below(8);
  for (let i = 0; i < n; i++) {
    const k = r.below(5) === 0 ? r.pick(JUNK_KEYS) : r.pick(MEMBERS);
    Object.defineProperty(o, k, { value: randomValue(r, valid, depth), enumerable: true, configurable: true, writable: true });
  }
  return o;
}

/** A request: usually an object of members, sometimes a JSON-parsed one with own `__proto__`, sometimes not an object at all. */
function randomRequest(r: Prng, valid: readonly string[]): unknown {
  switch (r.below(12)) {
    case 0:
      return randomValue(r, valid);
    case 1: {
      const inner = JSON.stringify({ KeyId: r.pick(valid), Message: 'm', MacAlgorithm: 'HMAC_SHA_256', DryRun: false });
      return JSON.parse(`{"__proto__": ${inner}, "constructor": {"prototype": ${inner}}, "Message": "m"}`);
    }
    case 2:
      return { KeyId: r.pick(valid), Message: r.bytes(r.between(1, 64)), MacAlgorithm: r.pick(['HMAC_SHA_224', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512']), Mac: r.bytes(r.pick([28, 32, 48, 64])) };
    default:
      return randomObject(r, valid);
  }
}

async function world() {
  const { client, store, clock } = setup();
  const keys = [];
  for (const spec of ['HMAC_224', 'HMAC_256', 'HMAC_384', 'HMAC_512']) keys.push(await createKey(client, spec));
  keys.push(await createKey(client, 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', { Tags: [{ TagKey: 't', TagValue: 'v' }] }));
  keys.push(await createKey(client, 'HMAC_256', 'GENERATE_VERIFY_MAC', { Origin: 'EXTERNAL' }));
  await client.send(new DisableKeyCommand({ KeyId: keys[1]!.KeyId }));
  await client.send(new CreateAliasCommand({ AliasName: 'alias/p', TargetKeyId: keys[0]!.KeyId }));
  const g = await client.send(new CreateGrantCommand({ KeyId: keys[0]!.KeyId, GranteePrincipal: 'p', Operations: ['GenerateMac'] }));
  const valid = [...keys.flatMap((k) => [k.KeyId, k.Arn]), 'alias/p', 'arn:aws:kms:us-east-1:111122223333:alias/p', g.GrantToken!, g.GrantId!];
  const materials = [];
  for (const r of await store.list()) if (r.material) materials.push(toHex(revealSecret(r.material)));
  return { client, store, clock, valid, materials };
}

async function run(ops: readonly string[], iterations: number, seed: number, checkUnchanged: boolean): Promise<Record<string, number>> {
  const { client, store, valid, materials } = await world();
  const before = await snapshot(store);
  const r = prng(seed);
  const outcomes: Record<string, number> = {};
  for (let i = 0; i < iterations; i++) {
    const op = r.pick(ops);
    const Command = COMMANDS[op]!;
    const input = randomRequest(r, valid);
    let outcome: string;
    try {
      await client.send(new Command(input));
      outcome = 'success';
    } catch (e) {
      if (!(e instanceof KMSServiceException)) assert.unreachable(`seed ${seed} #${i} ${op}: ${(e as Error)?.name}: ${(e as Error)?.message}`);
      const err = e as KMSServiceException;
      if (err.name === 'KMSInternalException') assert.unreachable(`seed ${seed} #${i} ${op}: KMSInternalException, cause ${String((err as { cause?: unknown }).cause)}`);
      for (const m of materials) assert.not.ok(err.message.includes(m), 'material in a message');
      outcome = err.name;
    }
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  }
  if (checkUnchanged) assert.is(await snapshot(store), before, 'keys unchanged');
  return outcomes;
}

test('10,000 random requests to the read-only operations: only KMSServiceExceptions (no internal errors), keys unchanged', async () => {
  const outcomes = await run(READ_ONLY, 10_000, SEED, true);
  // The generator reaches both sides of the boundary.
  for (const kind of ['success', 'ValidationException', 'SerializationException', 'NotFoundException']) assert.ok((outcomes[kind] ?? 0) > 0, `some ${kind}: ${JSON.stringify(outcomes)}`);
});

test('5,000 random requests to every operation: only KMSServiceExceptions (no internal errors)', async () => {
  await run(Object.keys(COMMANDS), 5_000, SEED + 1, false);
});

test.run();
