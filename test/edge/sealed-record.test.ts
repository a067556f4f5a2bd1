/**
 * Records at rest in the edge stores: material sealed under the master key,
 * every record authenticated; a changed, moved or foreign record is refused
 * by name, and no error or stored form shows a secret.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SecretBytes } from '../../src/index.js';
import type { StoredKey } from '../../src/kms/key-store.js';
import { checkStoredSize, EdgeStoreError, MaterialSealer, parseMasterKey, type SealedRecord } from '../../src/kms/sealed-record.js';

const MASTER = parseMasterKey('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
const MATERIAL = Uint8Array.from({ length: 32 }, (_, i) => 200 - i);

function record(keyId: string): StoredKey {
  return {
    KeyId: keyId,
    AccountId: '111122223333',
    Region: 'us-east-1',
    Arn: `arn:aws:kms:us-east-1:111122223333:key/${keyId}`,
    CreationDate: 1,
    Description: 'd',
    KeySpec: 'HMAC_256',
    KeyUsage: 'GENERATE_VERIFY_MAC',
    Origin: 'AWS_KMS',
    KeyState: 'Enabled',
    MultiRegion: false,
    material: new SecretBytes(MATERIAL),
    aliases: [],
    tags: [],
    grants: [],
  };
}

async function refused(p: Promise<unknown>, pattern: RegExp): Promise<void> {
  try {
    await p;
  } catch (err) {
    assert.instance(err, EdgeStoreError);
    assert.match((err as Error).message, pattern);
    return;
  }
  assert.unreachable('expected a refusal');
}

test('parseMasterKey: 64 hex digits or base64 of 32 bytes; the error never shows the value', () => {
  assert.is(parseMasterKey(Buffer.alloc(32, 7).toString('base64')).length, 32);
  for (const bad of ['short', 'a'.repeat(63), Buffer.alloc(31).toString('base64'), undefined]) {
    try {
      parseMasterKey(bad, 'KMS_MASTER_KEY');
      assert.unreachable();
    } catch (err) {
      assert.is((err as Error).name, "ConfigError");
      assert.match((err as Error).message, /^KMS_MASTER_KEY (is not|is missing: it must be) 32 bytes/);
      if (typeof bad === 'string') assert.not.ok((err as Error).message.includes(bad));
    }
  }
});

test('a sealed record opens with the same master key; neither material nor master key appears in it', async () => {
  const sealer = new MaterialSealer(MASTER, 'wasmac-test/1');
  const sealed = await sealer.seal(record('k1'));
  const text = JSON.stringify(sealed);
  assert.not.ok(text.includes(Buffer.from(MATERIAL).toString('base64')), 'no material in the stored form');
  assert.not.ok(text.includes(Buffer.from(MASTER).toString('hex')));
  const opened = await new MaterialSealer(MASTER, 'wasmac-test/1').open(JSON.parse(text) as SealedRecord, 'k1');
  assert.is(opened.KeyState, 'Enabled');
  assert.is(opened.material!.length, 32);
});

test('refused by name: a changed field, a MAC or material moved from another key, another format, another master key', async () => {
  const sealer = new MaterialSealer(MASTER, 'wasmac-test/1');
  const sealed = await sealer.seal(record('k1'));
  await refused(sealer.open({ ...sealed, KeyState: 'Disabled' }, 'k1'), /^key k1: its record is not authenticated/);
  const other = await sealer.seal(record('k2'));
  await refused(sealer.open({ ...other, mac: sealed.mac }, 'k2'), /^key k2: its record is not authenticated/);
  await refused(sealer.open(sealed, 'k2'), /^key k2: the record stored there is key "k1"/);
  await refused(sealer.open({ ...other, material: sealed.material }, 'k2'), /^key k2: its record is not authenticated/);
  await refused(new MaterialSealer(MASTER, 'wasmac-other/1').open(sealed, 'k1'), /not authenticated/);
  await refused(new MaterialSealer(parseMasterKey('ff'.repeat(32)), 'wasmac-test/1').open(sealed, 'k1'), /not authenticated/);
});

test('a rewrite without new material reuses the sealed bytes (no new IV), new material gets a new one', async () => {
  const sealer = new MaterialSealer(MASTER, 'wasmac-test/1');
  const first = await sealer.seal(record('k1'));
  const opened = await sealer.open(first, 'k1');
  const tagged = sealer.sealKnown({ ...opened, tags: [{ TagKey: 'a', TagValue: 'b' }] });
  assert.ok(tagged !== undefined, 'known material: sealed synchronously');
  assert.equal(tagged!.material, first.material);
  assert.is(sealer.sealKnown(record('k1')), undefined, 'new material: needs encryption');
});

test('checkStoredSize: UTF-8 bytes against the storage limit, a LimitExceededException past it', () => {
  checkStoredSize('x'.repeat(100), 100, { Arn: 'arn:k' }, 'a row');
  try {
    checkStoredSize('é'.repeat(51), 100, { Arn: 'arn:k' }, "a Durable Object's SQLite row");
    assert.unreachable();
  } catch (err) {
    assert.is((err as Error).name, 'LimitExceededException');
    assert.is((err as Error).message, "arn:k cannot be changed: its record would be 102 bytes, more than a Durable Object's SQLite row holds (100).");
  }
});

test.run();
