/**
 * Many objects, one core: every `createHash` / `createHmac` stream shares the
 * core's single context and every `HmacKey` its single key slot, swapped in
 * and out lazily. Used alternately (and between one-shot calls, which also
 * need the core), each must still give node:crypto's answer, on each backend.
 */
import { createHash as nodeCreateHash, createHmac as nodeCreateHmac, type Hash as NodeHash, type Hmac as NodeHmac } from 'node:crypto';
import { createHash, createHmac, hmac, HmacKey, type HashName, type Hasher } from '../../src/index.js';
import { ALL_BACKENDS, backendSuite } from '../helpers/backends.js';
import { Mismatches, nodeHash, nodeHmac } from '../helpers/check.js';
import { prng, WINDOW, type Prng } from '../helpers/prng.js';
import { HASHES } from '../helpers/vectors.js';
import { ONE_SHOT } from '../helpers/ways.js';

const NAMES = HASHES.map((h) => h.name);

/** An engine stream and node's, fed the same bytes. */
interface Stream {
  readonly label: string;
  readonly ours: Hasher;
  readonly ref: NodeHash | NodeHmac;
  fed: number;
}

let streamCount = 0;
function openStream(rng: Prng): Stream {
  const hash = rng.pick(NAMES);
  const n = streamCount++;
  if (rng.below(2) === 0) return { label: `#${n} createHash(${hash})`, ours: createHash(hash), ref: nodeCreateHash(hash), fed: 0 };
  const key = rng.bytes(rng.pick([0, 20, 64, 65, 128, 129, 300]));
  return { label: `#${n} createHmac(${hash}, ${key.length}-byte key)`, ours: createHmac(hash, key), ref: nodeCreateHmac(hash, key), fed: 0 };
}

/** An HmacKey with the key bytes node needs to check it. */
interface Key {
  readonly hash: HashName;
  readonly key: Uint8Array;
  readonly ours: HmacKey;
}

function openKey(rng: Prng): Key {
  const hash = rng.pick(NAMES);
  const key = rng.bytes(rng.pick([1, 32, 64, 100, 128, 200]));
  return { hash, key, ours: new HmacKey(hash, key) };
}

/** Mostly short chunks, sometimes a few blocks, rarely more than the input window. */
function chunk(rng: Prng): Uint8Array {
  const r = rng.below(100);
  return rng.bytes(r < 80 ? rng.below(200) : r < 98 ? rng.between(200, 5000) : rng.between(WINDOW - 10, WINDOW + 300));
}

for (const b of ALL_BACKENDS) {
  const test = backendSuite('interleaving', b);

  test('random schedule: 8 streams, 4 keys (mac, verify, macBatch) and one-shot calls, alternating, for 3000 steps', () => {
    const rng = prng(0x1e7e_0001);
    const m = new Mismatches();
    const streams = Array.from({ length: 8 }, () => openStream(rng));
    const keys = Array.from({ length: 4 }, () => openKey(rng));
    let digests = 0;
    for (let step = 0; step < 3000; step++) {
      const r = rng.below(100);
      if (r < 55) {
        const s = rng.pick(streams);
        const data = chunk(rng);
        s.ours.update(data);
        s.ref.update(data);
        s.fed += data.length;
      } else if (r < 65) {
        const i = rng.below(streams.length);
        const s = streams[i]!;
        m.bytes(`step ${step}: ${s.label} after ${s.fed} bytes`, s.ours.digest(), s.ref.digest());
        digests++;
        streams[i] = openStream(rng);
      } else if (r < 67) {
        const i = rng.below(streams.length);
        streams[i]!.ours.destroy();
        streams[i] = openStream(rng);
      } else if (r < 85) {
        const k = rng.pick(keys);
        const msg = chunk(rng);
        const want = nodeHmac(k.hash, k.key, msg);
        m.bytes(`step ${step}: HmacKey(${k.hash}, ${k.key.length}).mac of ${msg.length} bytes`, k.ours.mac(msg), want);
        m.that(`step ${step}: HmacKey(${k.hash}, ${k.key.length}).verify`, k.ours.verify(msg, want));
      } else if (r < 86) {
      const k = rng.pick(keys);
      const msgs = Array.from({ length: rng.below(10) }, () => rng.bytes(rng.below(300)));
      k.ours.macBatch(msgs).forEach((tag, i) => {
        m.bytes(`step ${step}: HmacKey(${k.hash}, ${k.key.length}).macBatch tag ${i} of ${msgs.length}`, tag, nodeHmac(k.hash, k.key, msgs[i]!));
      });
    } else if (r < 88) {
        const i = rng.below(keys.length);
        keys[i]!.ours.destroy();
        keys[i] = openKey(rng);
      } else if (r < 94) {
        const hash = rng.pick(NAMES);
        const msg = chunk(rng);
        m.bytes(`step ${step}: ${hash}() of ${msg.length} bytes`, ONE_SHOT[hash](msg), nodeHash(hash, msg));
      } else {
        const hash = rng.pick(NAMES);
        const key = rng.bytes(rng.below(200));
        const msg = chunk(rng);
        m.bytes(`step ${step}: hmac(${hash}) of ${msg.length} bytes`, hmac(hash, key, msg), nodeHmac(hash, key, msg));
      }
    }
    for (const s of streams) m.bytes(`final: ${s.label} after ${s.fed} bytes`, s.ours.digest(), s.ref.digest());
    for (const k of keys) k.ours.destroy();
    m.that(`the schedule digested streams mid-run (${digests})`, digests > 100);
    m.assertNone();
  });

  for (const { name: hash } of HASHES) {
    test(`${hash}: two createHash streams updated a byte at a time in turn`, () => {
      const rng = prng(0x1e7e_0002);
      const a = rng.bytes(300);
      const b = rng.bytes(300);
      const ha = createHash(hash);
      const hb = createHash(hash);
      for (let i = 0; i < 300; i++) {
        ha.update(a.subarray(i, i + 1));
        hb.update(b.subarray(i, i + 1));
      }
      const m = new Mismatches();
      m.bytes('second stream, digested first', hb.digest(), nodeHash(hash, b));
      m.bytes('first stream', ha.digest(), nodeHash(hash, a));
      m.assertNone();
    });

    test(`${hash}: two createHmac streams with different keys, a HmacKey and hmac() between their updates`, () => {
      const rng = prng(0x1e7e_0003);
      const [ka, kb, kc, kd] = [rng.bytes(16), rng.bytes(200), rng.bytes(64), rng.bytes(129)];
      const [a, b] = [rng.bytes(500), rng.bytes(500)];
      const ha = createHmac(hash, ka);
      const hb = createHmac(hash, kb);
      const key = new HmacKey(hash, kc);
      const m = new Mismatches();
      for (let i = 0; i < 500; i += 50) {
        ha.update(a.subarray(i, i + 50));
        m.bytes(`HmacKey.mac at ${i}`, key.mac(a.subarray(0, i)), nodeHmac(hash, kc, a.subarray(0, i)));
        hb.update(b.subarray(i, i + 50));
        m.bytes(`hmac() at ${i}`, hmac(hash, kd, b.subarray(0, i)), nodeHmac(hash, kd, b.subarray(0, i)));
      }
      m.bytes('first stream, digested after the key was last active', ha.digest(), nodeHmac(hash, ka, a));
      m.bytes('HmacKey after a stream finished', key.mac(b), nodeHmac(hash, kc, b));
      m.bytes('second stream', hb.digest(), nodeHmac(hash, kb, b));
      key.destroy();
      m.assertNone();
    });

    test(`${hash}: a stream survives other streams being created, destroyed and finished while it waits`, () => {
      const rng = prng(0x1e7e_0004);
      const msg = rng.bytes(1000);
      const key = rng.bytes(70);
      const waiting = createHmac(hash, key).update(msg.subarray(0, 333));
      const plain = createHash(hash).update(msg.subarray(0, 10));
      for (const other of NAMES) {
        createHash(other).update(rng.bytes(100)).destroy();
        createHmac(other, rng.bytes(10)).update(rng.bytes(100)).digest();
        new HmacKey(other, rng.bytes(300)).destroy();
      }
      waiting.update(msg.subarray(333));
      plain.update(msg.subarray(10));
      const m = new Mismatches();
      m.bytes('createHmac', waiting.digest(), nodeHmac(hash, key, msg));
      m.bytes('createHash', plain.digest(), nodeHash(hash, msg));
      m.assertNone();
    });
  }

  test('many HmacKeys of every hash used round-robin keep their own pads', () => {
    const rng = prng(0x1e7e_0005);
    const keys = Array.from({ length: 12 }, (_, i) => ({ hash: NAMES[i % 4]!, key: rng.bytes(rng.below(300)) }));
    const objects = keys.map((k) => new HmacKey(k.hash, k.key));
    const m = new Mismatches();
    for (let round = 0; round < 5; round++) {
      keys.forEach((k, i) => {
        const msg = rng.bytes(rng.below(400));
        m.bytes(`round ${round}, key ${i} (${k.hash}, ${k.key.length} bytes)`, objects[i]!.mac(msg), nodeHmac(k.hash, k.key, msg));
      });
    }
    objects[3]!.destroy();
    keys.forEach((k, i) => {
      if (i === 3) return;
      const msg = rng.bytes(50);
      m.bytes(`after destroying key 3: key ${i}`, objects[i]!.mac(msg), nodeHmac(k.hash, k.key, msg));
    });
    for (const o of objects) o.destroy();
    m.assertNone();
  });
  test.run();
}
