/**
 * The byte helpers: hex and base64 against node's Buffer (round trips, RFC
 * 4648 vectors, every rejection), and `timingSafeEqual`'s semantics.
 */
import { Buffer } from 'node:buffer';
import { test } from 'uvu';
import { fromBase64, fromHex, timingSafeEqual, toBase64, toHex } from '../../src/index.js';
import { hex, Mismatches, names, NOT_BYTES, NOT_UINT8ARRAY } from '../helpers/check.js';
import { prng } from '../helpers/prng.js';

const NOT_STRING = NOT_BYTES.filter(([, v]) => typeof v !== 'string').concat([['a Uint8Array', new Uint8Array(2)]]);

test('toHex / fromHex agree with Buffer for every length 0..300, and round trip', () => {
  const rng = prng(0xe0c0);
  const m = new Mismatches();
  for (let n = 0; n <= 300; n++) {
    const bytes = rng.bytes(n + 3).subarray(3);
    const want = Buffer.from(bytes).toString('hex');
    m.that(`toHex, ${n} bytes`, toHex(bytes) === want);
    m.bytes(`fromHex, ${n} bytes`, fromHex(want), bytes);
    m.bytes(`fromHex of upper case, ${n} bytes`, fromHex(want.toUpperCase()), bytes);
  }
  m.that('every byte value, lower case', toHex(Uint8Array.from({ length: 256 }, (_, i) => i)) === Buffer.from(Array.from({ length: 256 }, (_, i) => i)).toString('hex'));
  m.bytes('mixed case', fromHex('aBcDeF09'), Uint8Array.of(0xab, 0xcd, 0xef, 0x09));
  m.bytes('empty', fromHex(''), new Uint8Array(0));
  m.assertNone();
});

test('fromHex rejects odd lengths and non-hex characters; wrong types are TypeErrors naming the argument', () => {
  const m = new Mismatches();
  for (const bad of ['a', 'abc', '0'.repeat(63)]) m.throws(`odd length ${JSON.stringify(bad)}`, () => fromHex(bad), Error, /length/);
  for (const bad of ['zz', '0g', 'g0', ' 0', '0 ', '0x00', '+1', '-1', '\u00e90', '0\u0660', 'ab\ncd', '\u{1f600}']) {
    m.throws(`bad characters ${JSON.stringify(bad)}`, () => fromHex(bad), Error);
  }
  for (const [what, value] of NOT_STRING) m.throws(`fromHex(${what})`, () => fromHex(value as string), TypeError, names('hex'));
  for (const [what, value] of NOT_UINT8ARRAY) m.throws(`toHex(${what})`, () => toHex(value as Uint8Array), TypeError, names('bytes'));
  m.assertNone();
});

test('toBase64 / fromBase64: RFC 4648 section 10 vectors', () => {
  const m = new Mismatches();
  const vectors: [string, string][] = [['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy']];
  for (const [plain, b64] of vectors) {
    const bytes = new TextEncoder().encode(plain);
    m.that(`toBase64(${JSON.stringify(plain)})`, toBase64(bytes) === b64);
    m.bytes(`fromBase64(${JSON.stringify(b64)})`, fromBase64(b64), bytes);
  }
  m.assertNone();
});

test('toBase64 / fromBase64 agree with Buffer for every length 0..300, and round trip', () => {
  const rng = prng(0xe0c1);
  const m = new Mismatches();
  for (let n = 0; n <= 300; n++) {
    const bytes = rng.bytes(n + 1).subarray(1);
    const want = Buffer.from(bytes).toString('base64');
    m.that(`toBase64, ${n} bytes`, toBase64(bytes) === want);
    m.bytes(`fromBase64, ${n} bytes`, fromBase64(want), bytes);
  }
  m.that('every byte value', toBase64(Uint8Array.from({ length: 256 }, (_, i) => 255 - i)) === Buffer.from(Array.from({ length: 256 }, (_, i) => 255 - i)).toString('base64'));
  m.assertNone();
});

test('fromBase64 rejects bad lengths, characters, padding and trailing bits; wrong types are TypeErrors', () => {
  const m = new Mismatches();
  const bad: [string, string][] = [
    ['Zg', 'missing padding'],
    ['Zg=', 'short padding'],
    ['Zm9vY', 'length 5'],
    ['Z', 'length 1'],
    ['Zm9-', 'URL-safe alphabet -'],
    ['Zm9_', 'URL-safe alphabet _'],
    ['Zm 9', 'a space'],
    ['Zm9v\n', 'a newline'],
    ['Zm9v\nZm9v', 'a line break inside'],
    ['Zm9\u00e9', 'non-ASCII'],
    ['Zm9\u0100', 'a char whose low byte is valid'],
    ['====', 'only padding'],
    ['Z===', 'three padding characters'],
    ['=Zg=', 'padding first'],
    ['Zm=v', 'padding in the middle of a quantum'],
    ['Zg==Zg==', 'padding before the end'],
    ['Zm8=Zm9v', 'padding in an inner quantum'],
    ['Zh==', 'non-zero bits after the last byte (1 byte)'],
    ['Zm9=', 'non-zero bits after the last byte (2 bytes)'],
    ['Zm8', 'no padding, length 3'],
  ];
  for (const [text, why] of bad) m.throws(`${why}: ${JSON.stringify(text)}`, () => fromBase64(text), Error);
  for (const [what, value] of NOT_STRING) m.throws(`fromBase64(${what})`, () => fromBase64(value as string), TypeError, /base64|text/);
  for (const [what, value] of NOT_UINT8ARRAY) m.throws(`toBase64(${what})`, () => toBase64(value as Uint8Array), TypeError, names('bytes'));
  m.assertNone();
});

test('hex and base64 results are fresh arrays', () => {
  const m = new Mismatches();
  const a = fromHex('00112233');
  const b = fromHex('00112233');
  const c = fromBase64('ABEiMw==');
  m.that('distinct arrays', a !== b && a.buffer !== b.buffer && c.buffer !== a.buffer);
  a.fill(9);
  m.that('mutating one leaves the other', hex(b) === '00112233' && hex(c) === '00112233');
  m.assertNone();
});

test('timingSafeEqual: equal contents (views, copies, empty) are equal; any difference or length mismatch is not', () => {
  const rng = prng(0xe0c2);
  const m = new Mismatches();
  for (const n of [0, 1, 7, 32, 64, 65, 1000]) {
    const a = rng.bytes(n);
    m.that(`${n} bytes: an array equals itself`, timingSafeEqual(a, a));
    m.that(`${n} bytes: equals a copy`, timingSafeEqual(a, Uint8Array.from(a)));
    m.that(`${n} bytes: equals a view of the same bytes at an offset`, timingSafeEqual(a, Buffer.concat([rng.bytes(3), a]).subarray(3)));
    for (let i = 0; i < n; i += Math.max(1, n >> 4)) {
      for (const bit of [0, 7]) {
        const b = Uint8Array.from(a);
        b[i]! ^= 1 << bit;
        m.that(`${n} bytes: differs at byte ${i} bit ${bit}`, !timingSafeEqual(a, b) && !timingSafeEqual(b, a));
      }
    }
    if (n > 0) {
      m.that(`${n} bytes: a proper prefix is not equal`, !timingSafeEqual(a, a.subarray(0, n - 1)) && !timingSafeEqual(a.subarray(0, n - 1), a));
      m.that(`${n} bytes: last byte differs`, !timingSafeEqual(a, Uint8Array.from(a, (x, i) => (i === n - 1 ? x ^ 0x80 : x))));
    }
    m.that(`${n} bytes: an extension by a zero byte is not equal`, !timingSafeEqual(a, Buffer.concat([a, new Uint8Array(1)])));
  }
  m.that('zeros of different lengths are not equal', !timingSafeEqual(new Uint8Array(4), new Uint8Array(5)));
  m.assertNone();
});

test('timingSafeEqual: wrong types are TypeErrors naming a or b', () => {
  const m = new Mismatches();
  const ok = new Uint8Array(4);
  for (const [what, value] of NOT_UINT8ARRAY) {
    m.throws(`timingSafeEqual(${what}, bytes)`, () => timingSafeEqual(value as Uint8Array, ok), TypeError, names('a'));
    m.throws(`timingSafeEqual(bytes, ${what})`, () => timingSafeEqual(ok, value as Uint8Array), TypeError, names('b'));
  }
  m.assertNone();
});

test.run();
