/**
 * Switching the core between the scalar and SIMD builds with `useBackend`:
 * hashers and keys made under one backend carry over to the other (their state
 * moves on their next call), whether or not they held the core at the switch.
 * The hash and HMAC differentials run on each backend in their own suites.
 */
import { Buffer } from 'node:buffer';
import { test } from 'uvu';
import { backend, createHash, createHmac, HmacKey, sha256, useBackend, type Backend, type Hasher } from '../../src/index.js';
import { getCore } from '../../src/engine/core.js';
import { BACKENDS, INITIAL_BACKEND } from '../helpers/backends.js';
import { Mismatches, nodeHash, nodeHmac } from '../helpers/check.js';
import { prng } from '../helpers/prng.js';
import { HASHES } from '../helpers/vectors.js';

/** Every ordered pair of runnable backends, the same one twice included. */
const SWITCHES: readonly (readonly [Backend, Backend])[] = BACKENDS.flatMap((from) => BACKENDS.map((to) => [from, to] as const));

test.after(async () => {
  await useBackend(INITIAL_BACKEND);
});

/** `(module (func (result v128) v128.const i32x4 0 0 0 0))`: valid exactly where Wasm SIMD is. */
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, 0x03, 0x02, 0x01, 0x00,
  0x0a, 0x16, 0x01, 0x14, 0x00, 0xfd, 0x0c, ...new Array<number>(16).fill(0), 0x0b,
]);

test('the engine starts on SIMD exactly where the runtime validates Wasm SIMD', () => {
  const simd = WebAssembly.validate(SIMD_PROBE);
  const m = new Mismatches();
  m.that(`runtime SIMD support is ${simd}, initial backend is ${INITIAL_BACKEND}`, INITIAL_BACKEND === (simd ? 'simd' : 'scalar'));
  m.assertNone();
});

test('useBackend rejects an unknown backend with a TypeError and keeps the current one', async () => {
  const before = backend();
  for (const bad of ['avx', 'SIMD', '', undefined, 1] as unknown[]) {
    let error: unknown;
    try {
      await useBackend(bad as Backend);
    } catch (e) {
      error = e;
    }
    if (!(error instanceof TypeError)) throw new Error(`useBackend(${String(bad)}) did not reject with a TypeError: ${String(error)}`);
  }
  if (backend() !== before) throw new Error(`backend changed to ${backend()}`);
});

for (const [from, to] of SWITCHES) {
  test(`objects made under ${from} finish correctly under ${to}`, async () => {
    await useBackend(from);
    const rng = prng(0xbac0 + BACKENDS.indexOf(from) * 2 + BACKENDS.indexOf(to));
    const m = new Mismatches();
    const pending: { label: string; ours: Hasher; want: Uint8Array; rest: Uint8Array }[] = [];
    const keys: { label: string; ours: HmacKey; hash: (typeof HASHES)[number]['name']; key: Uint8Array }[] = [];
    for (const { name: hash, blockLen } of HASHES) {
      for (const fed of [0, blockLen - 1, blockLen, 3 * blockLen + 5]) {
        const msg = rng.bytes(fed + 1 + rng.below(300));
        pending.push({ label: `createHash(${hash}) fed ${fed} bytes`, ours: createHash(hash).update(msg.subarray(0, fed)), want: nodeHash(hash, msg), rest: msg.subarray(fed) });
        const key = rng.bytes(rng.pick([10, blockLen, 2 * blockLen]));
        pending.push({ label: `createHmac(${hash}) fed ${fed} bytes`, ours: createHmac(hash, key).update(msg.subarray(0, fed)), want: nodeHmac(hash, key, msg), rest: msg.subarray(fed) });
      }
      const key = rng.bytes(rng.below(200));
      const k = new HmacKey(hash, key);
      m.bytes(`HmacKey(${hash}) under ${from}`, k.mac('before'), nodeHmac(hash, key, new TextEncoder().encode('before')));
      keys.push({ label: `HmacKey(${hash}, ${key.length} bytes)`, ours: k, hash, key });
    }
    await useBackend(to);
    m.that(`backend() is ${to} after the switch`, backend() === to);
    for (const p of pending.reverse()) m.bytes(`${p.label} under ${from}, finished under ${to}`, p.ours.update(p.rest).digest(), p.want);
    for (const k of keys.reverse()) {
      const msg = rng.bytes(rng.below(500));
      m.bytes(`${k.label} made under ${from}, used under ${to}`, k.ours.mac(msg), nodeHmac(k.hash, k.key, msg));
      m.that(`${k.label} verify under ${to}`, k.ours.verify(msg, nodeHmac(k.hash, k.key, msg)));
      k.ours.destroy();
    }
    m.assertNone();
  });
}

test('one stream per hash carried across several switches, the last one holding the core each time', async () => {
  const rng = prng(0xbac1);
  const m = new Mismatches();
  const streams = HASHES.map(({ name }) => {
    const key = rng.bytes(40);
    return { name, key, hash: createHash(name), mac: createHmac(name, key), parts: [] as Uint8Array[] };
  });
  for (let round = 0; round < 6; round++) {
    await useBackend(BACKENDS[round % BACKENDS.length]!);
    for (const s of streams) {
      const part = rng.bytes(rng.below(700));
      s.parts.push(part);
      s.hash.update(part);
      s.mac.update(part);
    }
    m.bytes(`one-shot between switches (round ${round}, ${backend()})`, sha256('between'), nodeHash('sha256', new TextEncoder().encode('between')));
  }
  for (const s of streams) {
    const msg = Buffer.concat(s.parts);
    m.bytes(`createHash(${s.name}) across switches`, s.hash.digest(), nodeHash(s.name, msg));
    m.bytes(`createHmac(${s.name}) across switches`, s.mac.digest(), nodeHmac(s.name, s.key, msg));
  }
  m.assertNone();
});

test('switching compiles each build at most once, and a switch to the running build changes nothing', async () => {
  const Real = WebAssembly.Module;
  let compiled = 0;
  const Counting = function (this: unknown, bytes: BufferSource) {
    compiled++;
    return new Real(bytes);
  } as unknown as typeof WebAssembly.Module;
  (WebAssembly as { Module: typeof WebAssembly.Module }).Module = Counting;
  const m = new Mismatches();
  try {
    // Every build has run once by now (the switch tests above), so none compiles again.
    for (let i = 0; i < 3; i++) for (const b of BACKENDS) await useBackend(b);
    m.that(`no compile on switches between builds already used, got ${compiled}`, compiled === 0);
    const key = new HmacKey('sha256', Buffer.from('compile once'));
    const before = key.mac('x');
    await useBackend(BACKENDS.at(-1)!); // the running build: the loop ended on it
    m.bytes('a key after a switch to the running build', key.mac('x'), before);
    m.bytes('the same tag as node:crypto', before, nodeHmac('sha256', Buffer.from('compile once'), Buffer.from('x')));
  } finally {
    (WebAssembly as { Module: typeof WebAssembly.Module }).Module = Real;
  }
  m.assertNone();
});

test('a destroyed key or finished stream stays unusable after a switch', async () => {
  const k = new HmacKey('sha256', new Uint8Array(32));
  k.destroy();
  const h = createHash('sha512');
  h.digest();
  await useBackend(BACKENDS.at(-1)!);
  await useBackend(BACKENDS[0]!);
  const m = new Mismatches();
  m.throws('mac with a destroyed key', () => k.mac('x'));
  m.throws('update of a finished stream', () => h.update('x'));
  m.assertNone();
});

/** Where `needle` occurs in the running core's memory, or -1. */
function inCore(needle: Uint8Array): number {
  const c = getCore();
  return Buffer.from(c.mem.buffer, c.mem.byteOffset, c.mem.byteLength).indexOf(Buffer.from(needle));
}

test('no key material stays in the core: a key longer than the input window once set, and the build left by a switch', async () => {
  const rng = prng(0x5e17);
  const m = new Mismatches();
  for (const b of BACKENDS) {
    await useBackend(b);
    for (const hash of HASHES) {
      // Longer than the input window: hashed through it (RFC 2104's K0 = H(K)) before the pads are made.
      const key = rng.bytes(getCore().INPUT_SIZE + 1000 + rng.below(5000));
      const k = new HmacKey(hash.name, key);
      const k0 = nodeHash(hash.name, key);
      m.that(`${b} ${hash.name}: K0 = H(key) left in the core at ${inCore(k0)}`, inCore(k0) < 0);
      for (const at of [0, 4096, key.length - 2000, key.length - 64]) {
        const piece = key.subarray(at, at + 48);
        m.that(`${b} ${hash.name}: key bytes ${at}.. left in the core at ${inCore(piece)}`, inCore(piece) < 0);
      }
      m.bytes(`${b} ${hash.name}: the key still MACs right`, k.mac('x'), nodeHmac(hash.name, key, Buffer.from('x')));
      k.destroy();
    }
  }
  // A key active in one build, then a switch: the build left holds nothing of it.
  const key = rng.bytes(100);
  const k = new HmacKey('sha512', key);
  k.mac(rng.bytes(300));
  const left = getCore();
  await useBackend(BACKENDS.find((x) => x !== left.backend) ?? left.backend);
  if (getCore() !== left) {
    let nonzero = 0;
    for (let i = left.KEY; i < left.mem.length; i++) if (left.mem[i] !== 0) nonzero++;
    m.that(`the build left by the switch has ${nonzero} non-zero bytes past its constants`, nonzero === 0);
  }
  k.destroy();
  m.assertNone();
});

test.run();
