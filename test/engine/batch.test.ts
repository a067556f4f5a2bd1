/**
 * `HmacKey.macBatch` / `macBatchInto` / `verifyBatch` against node:crypto, on
 * each backend (the SIMD build runs SHA-224/256 four lanes and SHA-384/512
 * two lanes at a time, lanes taking the next message as theirs ends): mixed
 * lengths around every padding boundary, batches that overflow the core's
 * batch slots (1024) and its input window, messages larger than the window,
 * and the batch API's own contract.
 */
import { Buffer } from 'node:buffer';
import { HmacKey, type HashName } from '../../src/index.js';
import { ALL_BACKENDS, backendSuite } from '../helpers/backends.js';
import { hex, Mismatches, names, nodeHmac, NOT_BYTES, NOT_UINT8ARRAY } from '../helpers/check.js';
import { prng, WINDOW, type Prng } from '../helpers/prng.js';
import { HASHES } from '../helpers/vectors.js';

const SEED = 0xba7c_0001;

/** Checks every tag of `messages` by `macBatch`, `macBatchInto` and `verifyBatch` against node. */
function checkBatch(m: Mismatches, label: string, hash: HashName, key: Uint8Array, messages: Uint8Array[]): void {
  const k = new HmacKey(hash, key);
  const want = messages.map((msg) => nodeHmac(hash, key, msg));
  const tags = k.macBatch(messages);
  m.that(`${label}: macBatch returns ${tags.length} tags for ${messages.length} messages`, tags.length === messages.length);
  tags.forEach((tag, i) => m.bytes(`${label}: macBatch tag ${i} (message of ${messages[i]!.length} bytes)`, tag, want[i]!));
  const out = new Uint8Array(messages.length * k.outputLen);
  k.macBatchInto(messages, out);
  m.bytes(`${label}: macBatchInto`, out, Buffer.concat(want));
  const verdicts = k.verifyBatch(messages, want);
  m.that(`${label}: verifyBatch accepts every right tag`, verdicts.length === messages.length && verdicts.every((v) => v));
  k.destroy();
}

/** `count` messages with lengths drawn from `lengths`, each a view at a random offset of its own buffer. */
function messagesOf(rng: Prng, lengths: readonly number[]): Uint8Array[] {
  return lengths.map((n) => {
    const offset = rng.below(8);
    return rng.bytes(offset + n).subarray(offset);
  });
}

function shuffled<T>(rng: Prng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

for (const b of ALL_BACKENDS) {
  const test = backendSuite('HMAC batch', b);

  for (const { name: hash, blockLen } of HASHES) {
    test(`${hash}: batches of 0..17 messages of random lengths 0..${3 * blockLen}, keys of several lengths`, () => {
      const rng = prng(SEED);
      const m = new Mismatches();
      for (let count = 0; count <= 17; count++) {
        for (const klen of [0, 32, blockLen, blockLen + 1, 300]) {
          const lengths = Array.from({ length: count }, () => rng.below(3 * blockLen + 1));
          checkBatch(m, `${count} messages, ${klen}-byte key`, hash, rng.bytes(klen), messagesOf(rng, lengths));
        }
      }
      m.assertNone();
    });

    test(`${hash}: one batch with every length 0..${3 * blockLen} (in order, reversed, shuffled), so lanes end at every phase`, () => {
      const rng = prng(SEED + 1);
      const m = new Mismatches();
      const lengths = Array.from({ length: 3 * blockLen + 1 }, (_, i) => i);
      const key = rng.bytes(48);
      checkBatch(m, 'ascending', hash, key, messagesOf(rng, lengths));
      checkBatch(m, 'descending', hash, key, messagesOf(rng, [...lengths].reverse()));
      checkBatch(m, 'shuffled', hash, key, messagesOf(rng, shuffled(rng, lengths)));
      m.assertNone();
    });

    test(`${hash}: one long message among short ones, and equal lengths`, () => {
      const rng = prng(SEED + 2);
      const m = new Mismatches();
      const key = rng.bytes(20);
      checkBatch(m, 'long first', hash, key, messagesOf(rng, [5000, 0, 1, 2, 3, 4, 5, 6, 7]));
      checkBatch(m, 'long last', hash, key, messagesOf(rng, [0, 1, 2, 3, 4, 5, 6, 7, 5000]));
      checkBatch(m, 'long in lane 2', hash, key, messagesOf(rng, [10, 10, 5000, 10, 10, 10]));
      for (const n of [0, blockLen - 17, blockLen - 16, blockLen - 9, blockLen - 8, blockLen - 1, blockLen, blockLen + 1, 2 * blockLen]) {
        checkBatch(m, `9 messages of ${n} bytes`, hash, key, messagesOf(rng, new Array<number>(9).fill(n)));
      }
      checkBatch(m, 'the same array nine times', hash, key, new Array<Uint8Array>(9).fill(rng.bytes(77)));
      m.assertNone();
    });
  }

  test('lane scheduling: padding-only blocks shared by every busy lane or only some, lanes at different phases, idle lanes', () => {
    // On the SIMD build a step where every busy lane compresses a block of
    // padding alone with the same length takes one shared schedule; these
    // batches make that step happen with 1..4 busy lanes, and make it almost
    // happen (one lane of another length or phase) so the lanes split again.
    const rng = prng(SEED + 5);
    const m = new Mismatches();
    for (const { name: hash, blockLen: b } of HASHES) {
      const key = rng.bytes(32);
      const tailed = b - 8; // the tail leaves no room for the length: a block of zeros and the length follows
      const batches: Record<string, number[]> = {
        '64 x one block (the benchmark)': new Array<number>(64).fill(b),
        '63 x one block': new Array<number>(63).fill(b),
        '65 x two blocks': new Array<number>(65).fill(2 * b),
        '1..7 x one block': [b, b, b, b, b, b, b],
        'one block, one of another multiple': [b, b, b, 2 * b, b, b, b, b],
        'one block and empty': [b, 0, b, 0, b, 0, b, 0, 0, b],
        'tails that need a length block': new Array<number>(9).fill(tailed),
        'length blocks of different lengths': [tailed, tailed + 1, tailed, tailed + 2, tailed, tailed, tailed + 3, tailed],
        'length blocks next to boundary ends': [tailed, b, tailed, b, 2 * b - 8, 2 * b, tailed, b],
        'boundary ends next to length blocks': [b, tailed, b, tailed, 2 * b, 2 * b - 8, b, tailed],
        'long and short': [9 * b, b, b, b, b, b, b, b, b, b, b, b, 3 * b, 0, 0],
      };
      for (const [label, lengths] of Object.entries(batches)) {
        checkBatch(m, `${hash} ${label}`, hash, key, messagesOf(rng, lengths));
        checkBatch(m, `${hash} ${label}, shuffled`, hash, key, messagesOf(rng, shuffled(rng, lengths)));
      }
    }
    m.assertNone();
  });

  test('batches that overflow the 1024 batch slots and the 256 KiB input window, with messages larger than the window', () => {
    const rng = prng(SEED + 3);
    const m = new Mismatches();
    for (const { name: hash } of HASHES) {
      const key = rng.bytes(64);
      checkBatch(m, `${hash} 2500 messages of 0..40 bytes`, hash, key, messagesOf(rng, Array.from({ length: 2500 }, () => rng.below(41))));
      checkBatch(m, `${hash} 1024 empty messages`, hash, key, messagesOf(rng, new Array<number>(1024).fill(0)));
      checkBatch(m, `${hash} 1025 empty messages`, hash, key, messagesOf(rng, new Array<number>(1025).fill(0)));
      checkBatch(m, `${hash} 70 messages of 4000 bytes`, hash, key, messagesOf(rng, new Array<number>(70).fill(4000)));
      checkBatch(m, `${hash} two of half the window, then one byte`, hash, key, messagesOf(rng, [WINDOW / 2, WINDOW / 2, 1]));
      checkBatch(m, `${hash} window-sized and larger among small`, hash, key, messagesOf(rng, [3, WINDOW, 5, WINDOW + 1, 0, WINDOW - 1, 2 * WINDOW + 3, 7]));
    }
    m.assertNone();
  });

  test('verifyBatch: a wrong, truncated or extended tag is false at its index only', () => {
    const rng = prng(SEED + 4);
    const m = new Mismatches();
    for (const { name: hash } of HASHES) {
      const key = rng.bytes(32);
      const k = new HmacKey(hash, key);
      const messages = messagesOf(rng, Array.from({ length: 9 }, () => rng.below(200)));
      const tags = messages.map((msg) => nodeHmac(hash, key, msg));
      for (let i = 0; i < messages.length; i++) {
        const bad = tags.map((t) => Uint8Array.from(t));
        const kind = i % 3;
        if (kind === 0) bad[i]![rng.below(k.outputLen)]! ^= 1 << rng.below(8);
        else if (kind === 1) bad[i] = bad[i]!.subarray(0, k.outputLen >> 1);
        else bad[i] = Buffer.concat([bad[i]!, new Uint8Array(1)]);
        const verdicts = k.verifyBatch(messages, bad);
        m.that(`${hash}: ${['flipped bit', 'truncated', 'extended'][kind]} tag at ${i}: verdicts ${verdicts}`, verdicts.every((v, j) => v === (j !== i)));
      }
      k.destroy();
    }
    m.assertNone();
  });

  test('contract: argument checks name the argument; sizes; results are fresh; a destroyed key refuses', () => {
    const m = new Mismatches();
    for (const { name: hash, outputLen } of HASHES) {
      const key = new Uint8Array(16).fill(3);
      const k = new HmacKey(hash, key);
      const msgs = [Uint8Array.of(1), Uint8Array.of(2), new Uint8Array(0)];
      const want = msgs.map((msg) => nodeHmac(hash, key, msg));
      for (const [what, value] of NOT_BYTES) {
        if (!Array.isArray(value)) m.throws(`${hash} macBatch(${what})`, () => k.macBatch(value as Uint8Array[]), TypeError, names('messages'));
      }
      for (const [what, value] of NOT_BYTES) {
        m.throws(`${hash} macBatch([bytes, ${what}])`, () => k.macBatch([msgs[0]!, value as Uint8Array]), TypeError, /messages\[1\]/);
        m.throws(`${hash} verifyBatch([bytes, ${what}, bytes])`, () => k.verifyBatch([msgs[0]!, value as Uint8Array, msgs[2]!], want), TypeError, /messages\[1\]/);
      }
      for (const [what, value] of NOT_UINT8ARRAY) {
        m.throws(`${hash} macBatchInto(msgs, ${what})`, () => k.macBatchInto(msgs, value as Uint8Array), TypeError, names('out'));
        m.throws(`${hash} verifyBatch(msgs, [tag, tag, ${what}])`, () => k.verifyBatch(msgs, [want[0]!, want[1]!, value as Uint8Array]), TypeError, /tags\[2\]/);
      }
      m.throws(`${hash} verifyBatch with tags not an Array`, () => k.verifyBatch(msgs, want[0] as unknown as Uint8Array[]), TypeError, names('tags'));
      m.throws(`${hash} verifyBatch with fewer tags than messages`, () => k.verifyBatch(msgs, want.slice(1)), RangeError, names('tags'));
      m.throws(`${hash} verifyBatch with more tags than messages`, () => k.verifyBatch(msgs, [...want, want[0]!]), RangeError, names('tags'));
      m.throws(`${hash} macBatchInto a buffer one byte short`, () => k.macBatchInto(msgs, new Uint8Array(3 * outputLen - 1)), RangeError, names('out'));
      const larger = new Uint8Array(3 * outputLen + 5).fill(0xa5);
      k.macBatchInto(msgs, larger);
      m.bytes(`${hash} macBatchInto a larger buffer`, larger.subarray(0, 3 * outputLen), Buffer.concat(want));
      m.that(`${hash} macBatchInto leaves the rest untouched`, larger.subarray(3 * outputLen).every((b) => b === 0xa5));
      // Strings are UTF-8, as in every other function: the same tags as their bytes.
      const texts = ['', 'Hello World', 'h\u00e9llo \u{1f600}', 'x'.repeat(3000)];
      const textTags = texts.map((t) => nodeHmac(hash, key, Buffer.from(t, 'utf8')));
      k.macBatch(texts).forEach((t, i) => m.bytes(`${hash} macBatch of string ${i}`, t, textTags[i]!));
      const mixed = [texts[1]!, msgs[0]!, texts[2]!];
      const mixedTags = [textTags[1]!, want[0]!, textTags[2]!];
      const mixedOut = new Uint8Array(3 * outputLen);
      k.macBatchInto(mixed, mixedOut);
      m.bytes(`${hash} macBatchInto of strings and bytes`, mixedOut, Buffer.concat(mixedTags));
      m.that(`${hash} verifyBatch of strings and bytes`, k.verifyBatch(mixed, mixedTags).every((v) => v));
      const huge = 'y'.repeat(300 * 1024);
      m.bytes(`${hash} macBatch of a string larger than the input window`, k.macBatch(['a', huge])[1]!, nodeHmac(hash, key, Buffer.from(huge)));
      m.that(`${hash} an empty batch`, k.macBatch([]).length === 0 && k.verifyBatch([], []).length === 0);
      const first = k.macBatch(msgs);
      m.that(`${hash} macBatch tags are views of one buffer of their own`, first.every((t) => t.length === outputLen && t.buffer === first[0]!.buffer) && first[0]!.buffer.byteLength === 3 * outputLen);
      for (const t of first) t.fill(0);
      const second = k.macBatch(msgs);
      second.forEach((t, i) => m.bytes(`${hash} macBatch after mutating the previous tags, tag ${i}`, t, want[i]!));
      m.that(`${hash} a second batch does not share the first one's buffer`, second[0]!.buffer !== first[0]!.buffer);
      m.that(`${hash} messages untouched`, hex(Buffer.concat(msgs)) === '0102');
      k.destroy();
      m.throws(`${hash} macBatch after destroy`, () => k.macBatch(msgs));
      m.throws(`${hash} macBatchInto after destroy`, () => k.macBatchInto(msgs, new Uint8Array(3 * outputLen)));
      m.throws(`${hash} verifyBatch after destroy`, () => k.verifyBatch(msgs, want));
    }
    m.assertNone();
  });
  test.run();
}
