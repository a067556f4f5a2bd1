/**
 * The `node` entry's routing: messages from the break-even length up go to
 * node:crypto, shorter ones to the core. A counting provider wraps the real
 * one, so each test knows which side computed a tag, and every tag is checked
 * against node:crypto on both sides of every threshold, for bytes and strings,
 * one at a time and in batches that mix the two sides. The browser bundle of
 * the main entry must not contain node:crypto at all.
 */
import { build } from 'esbuild';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { backend, BREAK_EVEN, hmac, HmacKey, sha224, sha256, sha384, sha512, useBackend, type HashName } from '../../src/index.node.js';
import { nodeProvider } from '../../src/engine/native-node.js';
import { AcceleratedHmacKey } from '../../src/node/accelerated-key.js';
import { installNative, nativeRouting, type NativeProvider } from '../../src/engine/native.js';
import { hex, Mismatches, nodeHash, nodeHmac } from '../helpers/check.js';
import { prng } from '../helpers/prng.js';
import { HASHES } from '../helpers/vectors.js';

const ONE_SHOT: Record<HashName, (data: Uint8Array | string) => Uint8Array> = { sha224, sha256, sha384, sha512 };
const TABLE = BREAK_EVEN.node;

/** How many native halves of keys were made (HmacKey makes one on its first message at or over the break-even). */
let madeKeys = 0;
/** How many calls went native since the last reset. */
const calls = { hash: 0, hmac: 0, mac: 0, destroy: 0 };
const counting: NativeProvider = {
  runtime: 'node',
  hash: (h, d) => (calls.hash++, nodeProvider.hash(h, d)),
  hmac: (h, k, m) => (calls.hmac++, nodeProvider.hmac(h, k, m)),
  key: (h, k) => {
    madeKeys++;
    const nk = nodeProvider.key(h, k);
    return nk === null ? null : { mac: (m) => (calls.mac++, nk.mac(m)), macInto: (m, o, at) => (calls.mac++, nk.macInto(m, o, at)), destroy: () => (calls.destroy++, nk.destroy()) };
  },
};
function resetCalls(): void {
  calls.hash = calls.hmac = calls.mac = calls.destroy = 0;
}

test.before(async () => {
  await useBackend('auto');
  installNative(counting);
});
test.after(() => {
  installNative(nodeProvider);
});

test('the node entry routes by default and says so; wasm turns routing off, auto back on', async () => {
  assert.ok(nativeRouting());
  assert.match(backend(), /^native\+(simd|scalar)$/);
  await useBackend('wasm');
  assert.not.ok(nativeRouting());
  assert.match(backend(), /^(simd|scalar)$/);
  const k = new HmacKey('sha256', new Uint8Array(32));
  // AcceleratedHmacKey (wasmac/node) has a break-even of its own; under wasm it stays in the core too.
  const accelerated = new AcceleratedHmacKey('sha256', new Uint8Array(32), { nativeFrom: 0 });
  resetCalls();
  k.mac(new Uint8Array(TABLE.hmac.sha256 * 4));
  sha256(new Uint8Array(TABLE.hash.sha256 * 4));
  assert.is(hex(accelerated.mac(new Uint8Array(5000))), hex(nodeHmac('sha256', new Uint8Array(32), new Uint8Array(5000))));
  assert.equal(calls, { hash: 0, hmac: 0, mac: 0, destroy: 0 }, 'nothing goes native under wasm');
  await useBackend('auto');
  assert.match(backend(), /^native\+/);
  k.mac(new Uint8Array(TABLE.hmac.sha256));
  assert.is(calls.mac, 1);
  await assert.not.throws(() => useBackend('auto'));
  let error: unknown;
  await useBackend('native' as 'auto').catch((e: unknown) => (error = e));
  assert.instance(error, TypeError);
});

test('HmacKey: mac, macInto and verify on both sides of the break-even, bytes and strings', () => {
  const rng = prng(0x4a71);
  const m = new Mismatches();
  for (const { name: hash } of HASHES) {
    const from = TABLE.hmac[hash];
    for (const keyLen of [0, 20, 200]) {
      const key = rng.bytes(keyLen);
      const k = new HmacKey(hash, key);
      for (const len of [0, 32, from - 1, from, from + 1, 70_000, 300_000]) {
        const msg = rng.bytes(len);
        const want = hex(nodeHmac(hash, key, msg));
        resetCalls();
        m.that(`${hash} key ${keyLen} len ${len} mac`, hex(k.mac(msg)) === want);
        const out = new Uint8Array(k.outputLen + 3);
        k.macInto(msg, out);
        m.that(`${hash} key ${keyLen} len ${len} macInto`, hex(out.subarray(0, k.outputLen)) === want);
        m.that(`${hash} key ${keyLen} len ${len} verify`, k.verify(msg, nodeHmac(hash, key, msg)));
        m.that(`${hash} key ${keyLen} len ${len} verify rejects`, !k.verify(msg, new Uint8Array(k.outputLen)));
        m.that(`${hash} len ${len}: ${calls.mac} native calls`, calls.mac === (len >= from ? 4 : 0));
        const text = 'é'.repeat(len >> 1) + 'x'.repeat(len & 1);
        m.that(`${hash} string of ${text.length} chars`, hex(k.mac(text)) === hex(nodeHmac(hash, key, Buffer.from(text, 'utf8'))));
        m.that(`${hash} hmac() len ${len}`, hex(hmac(hash, key, msg)) === want);
      }
      resetCalls();
      k.destroy();
      m.that(`${hash} key ${keyLen}: destroy() wipes the native half once, got ${calls.destroy}`, calls.destroy === 1);
      assert.throws(() => k.mac(new Uint8Array(from)), /destroyed/);
    }
  }
  m.assertNone();
});

test('bad messages are refused with a TypeError on the native side too', () => {
  const k = new HmacKey('sha256', new Uint8Array(8));
  for (const bad of [null, undefined, 5, { length: 1 << 20 }, new Array(1 << 12)]) {
    assert.throws(() => k.mac(bad as Uint8Array), TypeError);
    assert.throws(() => hmac('sha256', new Uint8Array(8), bad as Uint8Array), TypeError);
    assert.throws(() => sha256(bad as Uint8Array), TypeError);
  }
});

test('sha224..sha512 on both sides of the break-even', () => {
  const rng = prng(0x4a72);
  const m = new Mismatches();
  for (const { name: hash } of HASHES) {
    const from = TABLE.hash[hash];
    for (const len of [0, from - 1, from, 300_000]) {
      const msg = rng.bytes(len);
      resetCalls();
      m.bytes(`${hash} len ${len}`, ONE_SHOT[hash](msg), nodeHash(hash, msg));
      m.that(`${hash} len ${len}: ${calls.hash} native calls`, calls.hash === (len >= from ? 1 : 0));
    }
  }
  m.assertNone();
});

test('batches mixing core and native messages put every tag in its place', () => {
  const rng = prng(0x4a73);
  const m = new Mismatches();
  for (const { name: hash } of HASHES) {
    const from = TABLE.batch[hash];
    const key = rng.bytes(32);
    const k = new HmacKey(hash, key);
    for (let round = 0; round < 6; round++) {
      const msgs = Array.from({ length: rng.between(1, 40) }, () => {
        const len = rng.pick([0, 5, 64, from - 1, from, from + 77, 300_000]);
        return rng.below(4) === 0 ? 'ü'.repeat(len >> 1) : rng.bytes(len);
      });
      resetCalls();
      const tags = k.macBatch(msgs);
      const out = new Uint8Array(msgs.length * k.outputLen);
      k.macBatchInto(msgs, out);
      const longOnes = msgs.filter((x) => x.length >= from).length;
      m.that(`${hash} round ${round}: ${calls.mac} native calls, ${longOnes} long messages`, calls.mac === 2 * longOnes);
      msgs.forEach((msg, i) => {
        const want = hex(nodeHmac(hash, key, typeof msg === 'string' ? Buffer.from(msg, 'utf8') : msg));
        m.that(`${hash} round ${round} message ${i} (${msg.length}) macBatch`, hex(tags[i]!) === want);
        m.that(`${hash} round ${round} message ${i} (${msg.length}) macBatchInto`, hex(out.subarray(i * k.outputLen, (i + 1) * k.outputLen)) === want);
      });
    }
  }
  m.assertNone();
});

test('HmacKey makes its native half on the first message that goes native, not before, and only once', () => {
  const key = new Uint8Array(32).fill(7);
  const from = TABLE.hmac.sha256;
  madeKeys = 0;
  const k = new HmacKey('sha256', key);
  for (const len of [0, 32, from - 1]) assert.is(hex(k.mac(new Uint8Array(len))), hex(nodeHmac('sha256', key, new Uint8Array(len))));
  k.macBatch([new Uint8Array(10), new Uint8Array(from - 1)]);
  assert.is(madeKeys, 0, 'short messages (and a short batch) leave node:crypto alone');
  key.fill(9); // the caller's array may change: the key keeps its own copy
  for (let i = 0; i < 3; i++) assert.is(hex(k.mac(new Uint8Array(from + i))), hex(nodeHmac('sha256', new Uint8Array(32).fill(7), new Uint8Array(from + i))));
  assert.is(madeKeys, 1, 'one native half, made on the first long message');
  const batched = new HmacKey('sha256', key);
  const long = new Uint8Array(TABLE.batch.sha256);
  assert.is(hex(batched.macBatch([new Uint8Array(3), long])[1]!), hex(nodeHmac('sha256', key, long)));
  assert.is(madeKeys, 2, 'a batch with a long message makes it too');
  const destroyed = new HmacKey('sha256', key);
  destroyed.destroy();
  assert.throws(() => destroyed.mac(new Uint8Array(from)), /destroyed/);
  assert.is(madeKeys, 2, 'a destroyed key never makes one');
});

test("a Buffer key stays the caller's: its first long message and destroy() leave it alone, and a later change to it changes no tag", () => {
  // Buffer.prototype.slice is a view, not a copy: the key's own copy must not be one.
  const from = TABLE.hmac.sha256;
  const long = new Uint8Array(from + 5).fill(3);
  const key = Buffer.alloc(32, 0x61);
  const k = new HmacKey('sha256', key);
  assert.is(hex(k.mac(long)), hex(nodeHmac('sha256', Buffer.alloc(32, 0x61), long)));
  assert.is(key.toString('hex'), '61'.repeat(32), 'the first long message left the caller\'s Buffer as it was');
  k.destroy();
  assert.is(key.toString('hex'), '61'.repeat(32), 'destroy() left the caller\'s Buffer as it was');
  const reused = Buffer.alloc(32, 0x62);
  const k2 = new HmacKey('sha256', reused);
  reused.fill(0x63);
  const want = (m: Uint8Array) => hex(nodeHmac('sha256', Buffer.alloc(32, 0x62), m));
  assert.is(hex(k2.mac(new Uint8Array(3))), want(new Uint8Array(3)), 'short message: the key as it was given');
  assert.is(hex(k2.mac(long)), want(long), 'long message: the key as it was given too');
  const sub = Buffer.alloc(64, 0x64).subarray(16, 48);
  const k3 = new HmacKey('sha512', sub);
  assert.is(hex(k3.mac(new Uint8Array(TABLE.hmac.sha512))), hex(nodeHmac('sha512', Buffer.alloc(32, 0x64), new Uint8Array(TABLE.hmac.sha512))));
  k3.destroy();
  assert.is(sub.toString('hex'), '64'.repeat(32));
});

test('the browser bundle of the main entry does not contain node:crypto', async () => {
  const out = await build({
    entryPoints: [new URL('../../src/index.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(out.metafile.inputs);
  assert.not.ok(inputs.some((f) => f.includes('native-node')), 'native-node.ts is not in the bundle');
  assert.not.match(out.outputFiles[0]!.text, /["'`]node:crypto["'`]/, 'no node:crypto import');
});

test.run();
