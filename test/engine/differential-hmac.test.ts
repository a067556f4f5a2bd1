/**
 * HMAC-SHA-2 against node:crypto on seeded random inputs, on each backend:
 * keys of every length 0..300 and past the input window, messages of every
 * length 0..1100 and a sample up to 1 MiB, through `hmac()`, a reused
 * `HmacKey` and streaming `createHmac` (random and every split point), and
 * strings, which must MAC as their UTF-8 bytes.
 */
import { Buffer } from 'node:buffer';
import { createHmac, hmac, HmacKey, type Bytes } from '../../src/index.js';
import { ALL_BACKENDS, backendSuite } from '../helpers/backends.js';
import { Mismatches, nodeHmac } from '../helpers/check.js';
import { largeLengths, prng, splitAt, splitText, WINDOW } from '../helpers/prng.js';
import { HASHES } from '../helpers/vectors.js';
import { streamed } from '../helpers/ways.js';

const SEED = 0x5a2d_1001;
const encoder = new TextEncoder();

for (const b of ALL_BACKENDS) {
  const test = backendSuite('HMAC differential', b);

  for (const { name: hash, blockLen } of HASHES) {
    test(`${hash}: every key length 0..300 (around one and two blocks), hmac(), HmacKey and createHmac`, () => {
      const rng = prng(SEED);
      const m = new Mismatches();
      for (let klen = 0; klen <= 300; klen++) {
        const key = rng.bytes(klen);
        const msg = rng.bytes(rng.below(300));
        const want = nodeHmac(hash, key, msg);
        m.bytes(`klen ${klen}, hmac()`, hmac(hash, key, msg), want);
        const k = new HmacKey(hash, key);
        m.bytes(`klen ${klen}, HmacKey.mac`, k.mac(msg), want);
        m.that(`klen ${klen}, HmacKey.verify`, k.verify(msg, want));
        k.destroy();
        const cuts = rng.cuts(msg.length, 3);
        m.bytes(`klen ${klen}, createHmac at ${cuts}`, streamed(createHmac(hash, key), splitAt(msg, cuts)), want);
      }
      m.assertNone();
    });

    test(`${hash}: every message length 0..1100 under one reused HmacKey, hmac() and createHmac at random splits`, () => {
      const rng = prng(SEED + 1);
      const key = rng.bytes(rng.pick([16, 32, blockLen, blockLen + 1, 200]));
      const k = new HmacKey(hash, key);
      const m = new Mismatches();
      for (let len = 0; len <= 1100; len++) {
        const offset = rng.below(16);
        const msg = rng.bytes(offset + len).subarray(offset);
        const want = nodeHmac(hash, key, msg);
        m.bytes(`len ${len}, HmacKey.mac`, k.mac(msg), want);
        m.bytes(`len ${len}, hmac()`, hmac(hash, key, msg), want);
        const cuts = rng.cuts(len, rng.between(2, 5));
        m.bytes(`len ${len}, createHmac at ${cuts}`, streamed(createHmac(hash, key), splitAt(msg, cuts)), want);
      }
      k.destroy();
      m.assertNone();
    });

    const sweep = 2 * blockLen + 8;
    test(`${hash}: every message length 0..${sweep}, createHmac at every split point`, () => {
      const rng = prng(SEED + 2);
      const key = rng.bytes(32);
      const m = new Mismatches();
      for (let len = 0; len <= sweep; len++) {
        const msg = rng.bytes(len);
        const want = nodeHmac(hash, key, msg);
        for (let cut = 0; cut <= len; cut++) {
          m.bytes(`len ${len}, split at ${cut}`, streamed(createHmac(hash, key), splitAt(msg, [cut])), want);
        }
      }
      m.assertNone();
    });
  }

  test('keys at and past the input window (256 KiB, 256 KiB + 1, 1 MiB)', () => {
    const rng = prng(SEED + 3);
    const m = new Mismatches();
    for (const klen of [WINDOW - 1, WINDOW, WINDOW + 1, 4 * WINDOW]) {
      const key = rng.bytes(klen);
      const msg = rng.bytes(100);
      for (const { name: hash } of HASHES) {
        const want = nodeHmac(hash, key, msg);
        m.bytes(`${hash} klen ${klen}, hmac()`, hmac(hash, key, msg), want);
        const k = new HmacKey(hash, key);
        m.bytes(`${hash} klen ${klen}, HmacKey.mac`, k.mac(msg), want);
        k.destroy();
        m.bytes(`${hash} klen ${klen}, createHmac`, createHmac(hash, key).update(msg).digest(), want);
      }
    }
    m.assertNone();
  });

  test('large messages up to 1 MiB (input window 256 KiB +- 1 and multiples)', () => {
    const rng = prng(SEED + 4);
    const big = rng.bytes(4 * WINDOW + 1);
    const m = new Mismatches();
    for (const { name: hash } of HASHES) {
      const key = rng.bytes(rng.between(0, 200));
      const k = new HmacKey(hash, key);
      for (const len of largeLengths(rng)) {
        const msg = big.subarray(0, len);
        const want = nodeHmac(hash, key, msg);
        m.bytes(`${hash} len ${len}, hmac()`, hmac(hash, key, msg), want);
        m.bytes(`${hash} len ${len}, HmacKey.mac`, k.mac(msg), want);
        m.that(`${hash} len ${len}, HmacKey.verify`, k.verify(msg, want));
        const cuts = rng.cuts(len, rng.between(2, 6));
        m.bytes(`${hash} len ${len}, createHmac at ${cuts}`, streamed(createHmac(hash, key), splitAt(msg, cuts)), want);
      }
      k.destroy();
    }
    m.assertNone();
  });

  test('string messages MAC as their UTF-8 bytes, short and past the window', () => {
    const rng = prng(SEED + 5);
    const third = Math.floor(WINDOW / 3);
    const texts = [
      ...Array.from({ length: 120 }, (_, n) => rng.text(n)),
      'a'.repeat(third),
      'b'.repeat(third + 1),
      '\u00e9'.repeat(third + 1),
      '\u20ac'.repeat(third),
      rng.text(third + 7),
      'lone \ud800 surrogate \udfff',
    ];
    const m = new Mismatches();
    for (const { name: hash } of HASHES) {
      const key = rng.bytes(48);
      const k = new HmacKey(hash, key);
      for (const text of texts) {
        const label = `${hash} string of ${text.length} UTF-16 units`;
        const want = nodeHmac(hash, key, encoder.encode(text));
        m.bytes(`${label}, hmac()`, hmac(hash, key, text), want);
        m.bytes(`${label}, HmacKey.mac`, k.mac(text), want);
        m.that(`${label}, HmacKey.verify`, k.verify(text, want));
        const n = Array.from(text).length;
        const cuts = rng.cuts(n, 3);
        m.bytes(`${label}, createHmac at ${cuts}`, streamed(createHmac(hash, key), splitText(text, cuts)), want);
      }
      k.destroy();
    }
    m.assertNone();
  });

  test('strings and bytes mixed in one createHmac stream', () => {
    const rng = prng(SEED + 6);
    const m = new Mismatches();
    for (let i = 0; i < 40; i++) {
      const parts: Bytes[] = [rng.text(rng.below(150)), rng.bytes(rng.below(300)), rng.text(rng.below(150))];
      const bytes = Buffer.concat(parts.map((p) => (typeof p === 'string' ? encoder.encode(p) : p)));
      for (const { name: hash } of HASHES) {
        const key = rng.bytes(rng.below(150));
        m.bytes(`${hash} round ${i}`, streamed(createHmac(hash, key), parts), nodeHmac(hash, key, bytes));
      }
    }
    m.assertNone();
  });
  test.run();
}
