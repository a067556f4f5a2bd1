/**
 * FileKeyStore: round trips through the disk, file modes, corrupt and
 * truncated files reported (not dropped), leftovers of interrupted writes,
 * AES-GCM at rest, the lock, and seed files.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHmac } from 'node:crypto';
import type { StoredKey } from '../../src/kms/key-store.js';
import { SecretBytes, revealSecret } from '../../src/kms/secret.js';
import { FileKeyStore, parseMasterKey } from '../../src/node/file-store.js';
import { ConfigError, KeyStoreError } from '../../src/node/errors.js';
import { applySeed, validateSeed } from '../../src/kms/seed.js';
import { tempDir } from './helpers.js';

const MATERIAL = Uint8Array.from({ length: 32 }, (_, i) => i);

function record(keyId: string, material = MATERIAL): StoredKey {
  return {
    KeyId: keyId,
    AccountId: '111122223333',
    Region: 'us-east-1',
    Arn: `arn:aws:kms:us-east-1:111122223333:key/${keyId}`,
    CreationDate: 1_700_000_000_123,
    Description: 'd',
    KeySpec: 'HMAC_256',
    KeyUsage: 'GENERATE_VERIFY_MAC',
    Origin: 'AWS_KMS',
    KeyState: 'Enabled',
    MultiRegion: false,
    material: new SecretBytes(material),
    aliases: [{ AliasName: 'alias/a', CreationDate: 1, LastUpdatedDate: 2 }],
    tags: [{ TagKey: 'k', TagValue: 'v' }],
    grants: [],
  };
}

const ID1 = '11111111-1111-4111-8111-111111111111';
const ID2 = '22222222-2222-4222-8222-222222222222';

async function expectStoreError(p: Promise<unknown>, pattern: RegExp): Promise<void> {
  try {
    await p;
  } catch (err) {
    assert.instance(err, KeyStoreError);
    assert.match((err as Error).message, pattern);
    return;
  }
  assert.unreachable('expected a KeyStoreError');
}

test('put, get, list, delete survive a reopen; material comes back', async () => {
  const t = tempDir();
  try {
    const a = await FileKeyStore.open(t.dir);
    await a.put(record(ID1));
    await a.put(record(ID2, new Uint8Array(48).fill(7)));
    await a.put({ ...record(ID2, new Uint8Array(48).fill(9)), KeyState: 'Disabled' });
    await a.delete(ID1);
    await a.close();
    const b = await FileKeyStore.open(t.dir);
    assert.is(b.size, 1);
    assert.is(await b.get(ID1), undefined);
    const k = (await b.get(ID2))!;
    assert.is(k.KeyState, 'Disabled');
    assert.equal(revealSecret(k.material!), new Uint8Array(48).fill(9));
    assert.equal(k.aliases, [{ AliasName: 'alias/a', CreationDate: 1, LastUpdatedDate: 2 }]);
    assert.is(k.CreationDate, 1_700_000_000_123);
    assert.is((await b.list()).length, 1);
    await b.close();
  } finally {
    t.cleanup();
  }
});

test('files are 0600, directories 0700; the record file never holds "[SecretBytes]"', async () => {
  const t = tempDir();
  try {
    const s = await FileKeyStore.open(t.dir);
    await s.put(record(ID1));
    assert.is(statSync(join(t.dir, 'keys', `${ID1}.json`)).mode & 0o777, 0o600);
    assert.is(statSync(join(t.dir, 'keys')).mode & 0o777, 0o700);
    assert.is(statSync(join(t.dir, 'lock')).mode & 0o777, 0o600);
    const text = readFileSync(join(t.dir, 'keys', `${ID1}.json`), 'utf8');
    assert.not.match(text, /SecretBytes/);
    assert.match(text, new RegExp(Buffer.from(MATERIAL).toString('base64').replace(/[+/]/g, '.')));
    await s.close();
  } finally {
    t.cleanup();
  }
});

test('a truncated, corrupt or edited file stops the open, names the file, and stays in place', async () => {
  for (const [label, damage, pattern] of [
    ['truncated', (t: string) => t.slice(0, t.length / 2), /truncated or corrupt/],
    ['empty', () => '', /empty file/],
    ['edited', (t: string) => t.replace('"Enabled"', '"Disabled"'), /checksum mismatch/],
    ['foreign', () => '{"hello":1}', /not a wasmac key file/],
  ] as const) {
    const t = tempDir();
    try {
      const s = await FileKeyStore.open(t.dir);
      await s.put(record(ID1));
      await s.put(record(ID2));
      await s.close();
      const path = join(t.dir, 'keys', `${ID1}.json`);
      const damaged = damage(readFileSync(path, 'utf8'));
      writeFileSync(path, damaged);
      await expectStoreError(FileKeyStore.open(t.dir), new RegExp(`keys/${ID1}\\.json: ${pattern.source}`));
      assert.is(readFileSync(path, 'utf8'), damaged, `${label}: file untouched`);
      // the failed open released its lock: fixing the file lets the store open
      writeFileSync(path, '');
      await expectStoreError(FileKeyStore.open(t.dir), /empty file/);
    } finally {
      t.cleanup();
    }
  }
});

test('temporary files of interrupted writes are removed at open', async () => {
  const t = tempDir();
  try {
    const s = await FileKeyStore.open(t.dir);
    await s.put(record(ID1));
    await s.close();
    writeFileSync(join(t.dir, 'keys', `.${ID2}.json.abcdef.tmp`), '{"format":"wasm');
    const again = await FileKeyStore.open(t.dir);
    assert.is(again.size, 1);
    assert.equal(readdirSync(join(t.dir, 'keys')), [`${ID1}.json`]);
    await again.close();
  } finally {
    t.cleanup();
  }
});

test('AES-GCM at rest: no plaintext material on disk; needs the same master key to open', async () => {
  const t = tempDir();
  try {
    const master = parseMasterKey(Buffer.alloc(32, 5).toString('base64'));
    const s = await FileKeyStore.open(t.dir, { masterKey: master });
    assert.ok(s.encrypted);
    await s.put(record(ID1));
    await s.close();
    const text = readFileSync(join(t.dir, 'keys', `${ID1}.json`), 'utf8');
    assert.not.ok(text.includes(Buffer.from(MATERIAL).toString('base64')));
    assert.match(text, /"encoding":"aes-256-gcm"/);
    const back = await FileKeyStore.open(t.dir, { masterKey: master });
    assert.equal(revealSecret((await back.get(ID1))!.material!), MATERIAL);
    await back.close();
    await expectStoreError(FileKeyStore.open(t.dir), new RegExp(`keys/${ID1}\\.json: written with a master key and no master key was given \\(set WASMAC_MASTER_KEY\\)`));
    await expectStoreError(FileKeyStore.open(t.dir, { masterKey: parseMasterKey('ab'.repeat(32)) }), /not authenticated under this master key: a wrong master key/);
  } finally {
    t.cleanup();
  }
});

test('parseMasterKey takes 64 hex digits or base64 of 32 bytes and never echoes the value', () => {
  assert.is(parseMasterKey('00'.repeat(32)).length, 32);
  assert.is(parseMasterKey(Buffer.alloc(32, 1).toString('base64')).length, 32);
  try {
    parseMasterKey('secret-value-here');
    assert.unreachable();
  } catch (err) {
    assert.instance(err, KeyStoreError);
    assert.not.match((err as Error).message, /secret-value-here/);
  }
});

test('the lock: a live holder is refused, a dead one is taken over', async () => {
  const t = tempDir();
  try {
    writeFileSync(join(t.dir, 'lock'), `${process.ppid}\n`);
    await expectStoreError(FileKeyStore.open(t.dir), new RegExp(`in use by process ${process.ppid}`));
    writeFileSync(join(t.dir, 'lock'), '2147483646\n');
    const s = await FileKeyStore.open(t.dir);
    assert.is(readFileSync(join(t.dir, 'lock'), 'utf8').trim(), String(process.pid));
    await s.close();
  } finally {
    t.cleanup();
  }
});

test('a seed gives fixed material (deterministic MACs) and is applied once', async () => {
  const t = tempDir();
  try {
    const seed = validateSeed({
      keys: [
        { KeyId: ID1, KeySpec: 'HMAC_256', MaterialHex: Buffer.from(MATERIAL).toString('hex'), Aliases: ['alias/fixed'] },
        { KeySpec: 'HMAC_512', Aliases: ['alias/random'], Enabled: false },
      ],
      aliases: [{ AliasName: 'alias/second', TargetKeyId: ID1 }],
    });
    const s = await FileKeyStore.open(t.dir);
    const first = await applySeed(s, seed, { region: 'us-east-1', accountId: '111122223333' });
    assert.is(first.created.length, 2);
    assert.equal(first.aliases, ['alias/second']);
    const second = await applySeed(s, seed, { region: 'us-east-1', accountId: '111122223333' });
    assert.is(second.created.length, 0);
    assert.is(second.skipped.length, 2);
    assert.is(s.size, 2);
    const k = (await s.get(ID1))!;
    assert.equal(k.aliases.map((a) => a.AliasName), ['alias/fixed', 'alias/second']);
    const mac = createHmac('sha256', MATERIAL).update('Hello World').digest('base64');
    assert.is(mac, 'SWgggc4CgAle8JGG8XOHRQE/yzVt/4SG5l8pgV0Jhs0=');
    assert.equal(revealSecret(k.material!), MATERIAL);
    const random = (await s.list()).find((r) => r.KeyId !== ID1)!;
    assert.is(random.KeyState, 'Disabled');
    assert.is(random.material!.length, 64);
    await s.close();
  } finally {
    t.cleanup();
  }
});

test('bad seeds are refused with the place named', () => {
  const bad: [unknown, RegExp][] = [
    [[], /must be a JSON object/],
    [{ keys: [{ KeySpec: 'RSA_2048' }] }, /keys\[0\]: KeySpec/],
    [{ keys: [{ KeySpec: 'HMAC_256', MaterialHex: 'abc' }] }, /keys\[0\]: MaterialHex/],
    [{ keys: [{ KeySpec: 'HMAC_256', Aliases: ['demo'] }] }, /not a valid alias name/],
    [{ keys: [{ KeySpec: 'HMAC_256', KeyId: 'nope' }] }, /KeyId must be/],
  ];
  for (const [seed, pattern] of bad) {
    assert.throws(() => validateSeed(seed), (err: Error) => err instanceof ConfigError && pattern.test(err.message));
  }
});

test.run();
