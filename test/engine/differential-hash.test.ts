/**
 * SHA-2 against node:crypto on seeded random inputs, on each backend: every
 * length 0..1100, a sample of larger lengths up to 1 MiB (around the 256 KiB
 * input window), streaming with random and with every split point, and
 * strings, which must hash as their UTF-8 bytes.
 */
import { Buffer } from 'node:buffer';
import { createHash } from '../../src/index.js';
import { ALL_BACKENDS, backendSuite } from '../helpers/backends.js';
import { Mismatches, nodeHash } from '../helpers/check.js';
import { largeLengths, prng, splitAt, splitText, WINDOW } from '../helpers/prng.js';
import { HASHES } from '../helpers/vectors.js';
import { ONE_SHOT, streamed } from '../helpers/ways.js';

const SEED = 0x5a2d_0001;
const encoder = new TextEncoder();

for (const b of ALL_BACKENDS) {
  const test = backendSuite('hash differential', b);

  for (const { name: hash, blockLen } of HASHES) {
    test(`${hash}: every length 0..1100, one-shot and streamed at random splits, from views at random offsets`, () => {
      const rng = prng(SEED);
      const m = new Mismatches();
      for (let len = 0; len <= 1100; len++) {
        const offset = rng.below(16);
        const msg = rng.bytes(len + offset + rng.below(16)).subarray(offset, offset + len);
        const want = nodeHash(hash, msg);
        m.bytes(`len ${len}, one-shot`, ONE_SHOT[hash](msg), want);
        const cuts = rng.cuts(len, rng.between(2, 5));
        m.bytes(`len ${len}, streamed at ${cuts}`, streamed(createHash(hash), splitAt(msg, cuts)), want);
      }
      m.assertNone();
    });

    const sweep = 2 * blockLen + 8;
    test(`${hash}: every length 0..${sweep}, every split point`, () => {
      const rng = prng(SEED + 1);
      const m = new Mismatches();
      for (let len = 0; len <= sweep; len++) {
        const msg = rng.bytes(len);
        const want = nodeHash(hash, msg);
        for (let cut = 0; cut <= len; cut++) {
          m.bytes(`len ${len}, split at ${cut}`, streamed(createHash(hash), splitAt(msg, [cut])), want);
        }
      }
      m.assertNone();
    });

    test(`${hash}: byte-at-a-time over four blocks`, () => {
      const msg = prng(SEED + 2).bytes(4 * blockLen + 1);
      const h = createHash(hash);
      for (let i = 0; i < msg.length; i++) h.update(msg.subarray(i, i + 1));
      const m = new Mismatches();
      m.bytes(`${msg.length} single-byte updates`, h.digest(), nodeHash(hash, msg));
      m.assertNone();
    });
  }

  test('large lengths up to 1 MiB (input window 256 KiB +- 1 and multiples): one-shot, one update, random splits', () => {
    const rng = prng(SEED + 3);
    const big = rng.bytes(4 * WINDOW + 1);
    const m = new Mismatches();
    for (const len of largeLengths(rng)) {
      const msg = big.subarray(0, len);
      for (const { name: hash } of HASHES) {
        const want = nodeHash(hash, msg);
        m.bytes(`${hash} len ${len}, one-shot`, ONE_SHOT[hash](msg), want);
        m.bytes(`${hash} len ${len}, one update`, createHash(hash).update(msg).digest(), want);
        const cuts = rng.cuts(len, rng.between(2, 6));
        m.bytes(`${hash} len ${len}, streamed at ${cuts}`, streamed(createHash(hash), splitAt(msg, cuts)), want);
      }
    }
    m.assertNone();
  });

  test('strings hash as their UTF-8 bytes: random non-ASCII text, one-shot and streamed', () => {
    const rng = prng(SEED + 4);
    const m = new Mismatches();
    for (let n = 0; n <= 300; n++) {
      const text = rng.text(n);
      const cuts = rng.cuts(n, 3);
      for (const { name: hash } of HASHES) {
        const want = nodeHash(hash, encoder.encode(text));
        m.bytes(`${hash} ${n} code points, one-shot`, ONE_SHOT[hash](text), want);
        m.bytes(`${hash} ${n} code points, streamed at ${cuts}`, streamed(createHash(hash), splitText(text, cuts)), want);
      }
    }
    m.assertNone();
  });

  test('strings around the window: longer than 256 KiB / 3 chars, 3-byte chars filling it, astral chars past it', () => {
    const rng = prng(SEED + 5);
    const third = Math.floor(WINDOW / 3);
    const texts: Record<string, string> = {
      [`ASCII, ${third} chars (fits one window)`]: 'a'.repeat(third),
      [`ASCII, ${third + 1} chars (longer than 256 KiB / 3)`]: 'b'.repeat(third + 1),
      [`ASCII, ${WINDOW + 1} chars`]: 'c'.repeat(WINDOW + 1),
      [`3-byte chars, ${third} (${3 * third} bytes)`]: '\u20ac'.repeat(third),
      [`3-byte chars, ${third + 1} (${3 * third + 3} bytes, past the window)`]: '\u4e2d'.repeat(third + 1),
      [`random text, ${3 * third} code points`]: rng.text(3 * third),
      [`emoji, ${WINDOW / 4 + 1} (${WINDOW + 4} bytes)`]: '\u{1f600}'.repeat(WINDOW / 4 + 1),
      'lone surrogates (encoded as U+FFFD)': `x\ud800y\udc00z`.repeat(1000) + '\ud83d',
    };
    const m = new Mismatches();
    for (const [label, text] of Object.entries(texts)) {
      const bytes = encoder.encode(text);
      for (const { name: hash } of HASHES) {
        const want = nodeHash(hash, bytes);
        m.bytes(`${hash} ${label}, one-shot`, ONE_SHOT[hash](text), want);
        m.bytes(`${hash} ${label}, one update`, createHash(hash).update(text).digest(), want);
        m.bytes(`${hash} ${label}, as bytes`, ONE_SHOT[hash](bytes), want);
      }
    }
    m.assertNone();
  });

  test('a string and its bytes mixed in one stream', () => {
    const rng = prng(SEED + 6);
    const m = new Mismatches();
    for (let i = 0; i < 50; i++) {
      const a = rng.text(rng.below(200));
      const b = rng.bytes(rng.below(300));
      const c = rng.text(rng.below(200));
      const bytes = Buffer.concat([encoder.encode(a), b, encoder.encode(c)]);
      for (const { name: hash } of HASHES) {
        m.bytes(`${hash} round ${i}`, streamed(createHash(hash), [a, b, c]), nodeHash(hash, bytes));
      }
    }
    m.assertNone();
  });
  test.run();
}
