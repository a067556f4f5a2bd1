/**
 * The engine's API contract, for every hash: hashers refuse reuse after
 * `digest` and `destroy`; `digestInto` / `macInto` write exactly `outputLen`
 * bytes and refuse short buffers; wrong argument types are TypeErrors that name
 * the argument; unknown hash names list the valid ones; results are fresh
 * arrays that never alias Wasm memory; inputs are copied, never modified;
 * a destroyed `HmacKey` refuses to work; `verify` accepts only the full tag.
 */
import { Buffer } from 'node:buffer';
import { test } from 'uvu';
import { createHash, createHmac, hmac, HmacKey, type Bytes, type HashName, type Hasher } from '../../src/index.js';
import { hex, Mismatches, names, nodeHash, nodeHmac, NOT_BYTES, NOT_UINT8ARRAY, throwsWith } from '../helpers/check.js';
import { prng, WINDOW } from '../helpers/prng.js';
import { HASHES } from '../helpers/vectors.js';
import { ONE_SHOT } from '../helpers/ways.js';

const KEY = Uint8Array.from({ length: 40 }, (_, i) => i);
const MSG = new TextEncoder().encode('wasmac contract message');

/** The two kinds of streaming hasher, each with node's answer for a whole message. */
const STREAMS: readonly { name: string; make: (hash: HashName) => Hasher; want: (hash: HashName, msg: Uint8Array) => Uint8Array }[] = [
  { name: 'createHash', make: (hash) => createHash(hash), want: (hash, msg) => nodeHash(hash, msg) },
  { name: 'createHmac', make: (hash) => createHmac(hash, KEY), want: (hash, msg) => nodeHmac(hash, KEY, msg) },
];

/** Does `bytes` own its whole buffer (so it cannot be a view of the core's memory)? */
function ownsBuffer(bytes: Uint8Array): boolean {
  return bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length && bytes.buffer instanceof ArrayBuffer;
}

for (const { name: hash, outputLen, blockLen } of HASHES) {
  for (const s of STREAMS) {
    const label = `${s.name}(${hash})`;
    const want = s.want(hash, MSG);

    test(`${label}: outputLen ${outputLen}, blockLen ${blockLen}; update returns the hasher`, () => {
      const h = s.make(hash);
      const m = new Mismatches();
      m.that(`outputLen is ${h.outputLen}`, h.outputLen === outputLen);
      m.that(`blockLen is ${h.blockLen}`, h.blockLen === blockLen);
      m.that('update returns the same hasher', h.update(MSG) === h);
      m.bytes('digest', h.digest(), want);
      m.assertNone();
    });

    test(`${label}: after digest, digest, digestInto and update throw; destroy is allowed`, () => {
      const h = s.make(hash).update(MSG);
      h.digest();
      const m = new Mismatches();
      m.throws('digest twice', () => h.digest());
      m.throws('digestInto after digest', () => h.digestInto(new Uint8Array(outputLen)));
      m.throws('update after digest', () => h.update(MSG));
      m.throws('update with an empty message after digest', () => h.update(''));
      h.destroy();
      m.throws('digest after digest and destroy', () => h.digest());
      m.assertNone();
    });

    test(`${label}: after destroy, update, digest and digestInto throw; destroy twice is fine`, () => {
      const m = new Mismatches();
      const fresh = s.make(hash);
      fresh.destroy();
      m.throws('update after destroy (fresh hasher)', () => fresh.update(MSG));
      const fed = s.make(hash).update(MSG);
      fed.destroy();
      m.throws('digest after destroy', () => fed.digest());
      m.throws('digestInto after destroy', () => fed.digestInto(new Uint8Array(outputLen)));
      m.throws('update after destroy', () => fed.update(MSG));
      fed.destroy();
      m.bytes('a new hasher still works', s.make(hash).update(MSG).digest(), want);
      m.assertNone();
    });

    test(`${label}: digestInto an exact buffer, a larger one (first outputLen bytes only) and a view at an offset`, () => {
      const m = new Mismatches();
      const exact = new Uint8Array(outputLen);
      s.make(hash).update(MSG).digestInto(exact);
      m.bytes('exact buffer', exact, want);
      const larger = new Uint8Array(outputLen + 17).fill(0xa5);
      s.make(hash).update(MSG).digestInto(larger);
      m.bytes('larger buffer, first outputLen bytes', larger.subarray(0, outputLen), want);
      m.that('larger buffer, the rest untouched', larger.subarray(outputLen).every((b) => b === 0xa5));
      const backing = new Uint8Array(outputLen + 20).fill(0x5a);
      s.make(hash).update(MSG).digestInto(backing.subarray(7, 7 + outputLen));
      m.bytes('view at offset 7', backing.subarray(7, 7 + outputLen), want);
      m.that('bytes around the view untouched', backing.subarray(0, 7).every((b) => b === 0x5a) && backing.subarray(7 + outputLen).every((b) => b === 0x5a));
      m.assertNone();
    });

    test(`${label}: digestInto a buffer too small is a RangeError and leaves the hasher usable`, () => {
      const m = new Mismatches();
      const h = s.make(hash).update(MSG);
      for (const n of [0, 1, outputLen - 1]) {
        m.throws(`${n}-byte buffer`, () => h.digestInto(new Uint8Array(n)), RangeError, /out/);
        m.throws(`${n}-byte view of a large buffer`, () => h.digestInto(new Uint8Array(1024).subarray(0, n)), RangeError);
      }
      m.bytes('digest after the refused digestInto', h.digest(), want);
      m.assertNone();
    });

    test(`${label}: wrong types for update(data) and digestInto(out) are TypeErrors naming the argument`, () => {
      const m = new Mismatches();
      const h = s.make(hash);
      for (const [what, value] of NOT_BYTES) m.throws(`update(${what})`, () => h.update(value as Bytes), TypeError, names('data'));
      for (const [what, value] of NOT_UINT8ARRAY) m.throws(`digestInto(${what})`, () => h.digestInto(value as Uint8Array), TypeError, names('out'));
      m.bytes('the hasher is unharmed by the refused calls', h.update(MSG).digest(), want);
      m.assertNone();
    });

    test(`${label}: digest is a fresh array, never a view of Wasm memory, and inputs are copied at update`, () => {
      const m = new Mismatches();
      const input = Uint8Array.from(MSG);
      const h1 = s.make(hash).update(input);
      input.fill(0);
      const d1 = h1.digest();
      m.bytes('mutating the input after update changes nothing', d1, want);
      m.that('digest owns its buffer', ownsBuffer(d1));
      d1.fill(0xff);
      const d2 = s.make(hash).update(MSG).digest();
      m.bytes('mutating a digest does not change the next one', d2, want);
      m.that('two digests are distinct arrays', d1 !== d2 && d1.buffer !== d2.buffer);
      m.assertNone();
    });
  }

  test(`${hash} one-shot: wrong types are TypeErrors naming data; results are fresh arrays`, () => {
    const m = new Mismatches();
    for (const [what, value] of NOT_BYTES) m.throws(`${hash}(${what})`, () => ONE_SHOT[hash](value as Bytes), TypeError, names('data'));
    const want = nodeHash(hash, MSG);
    const a = ONE_SHOT[hash](MSG);
    m.that('owns its buffer', ownsBuffer(a));
    a.fill(0);
    const b = ONE_SHOT[hash](MSG);
    m.bytes('mutating a result does not change the next one', b, want);
    m.that('two results are distinct arrays', a !== b && a.buffer !== b.buffer);
    const c = ONE_SHOT[hash]('something else');
    m.bytes('a result does not change when the engine computes another', b, want);
    m.that('and the other result differs', hex(c) !== hex(b));
    m.assertNone();
  });

  test(`HmacKey(${hash}): hash and outputLen; wrong types are TypeErrors naming the argument`, () => {
    const m = new Mismatches();
    const k = new HmacKey(hash, KEY);
    m.that(`hash is ${k.hash}`, k.hash === hash);
    m.that(`outputLen is ${k.outputLen}`, k.outputLen === outputLen);
    for (const [what, value] of NOT_UINT8ARRAY) {
      m.throws(`new HmacKey(${hash}, ${what})`, () => new HmacKey(hash, value as Uint8Array), TypeError, names('key'));
      m.throws(`hmac(${hash}, ${what}, msg)`, () => hmac(hash, value as Uint8Array, MSG), TypeError, names('key'));
      m.throws(`createHmac(${hash}, ${what})`, () => createHmac(hash, value as Uint8Array), TypeError, names('key'));
      m.throws(`verify(msg, ${what})`, () => k.verify(MSG, value as Uint8Array), TypeError, names('tag'));
      m.throws(`macInto(msg, ${what})`, () => k.macInto(MSG, value as Uint8Array), TypeError, names('out'));
    }
    for (const [what, value] of NOT_BYTES) {
      m.throws(`hmac(${hash}, key, ${what})`, () => hmac(hash, KEY, value as Bytes), TypeError, names('message'));
      m.throws(`mac(${what})`, () => k.mac(value as Bytes), TypeError, names('message'));
      m.throws(`verify(${what}, tag)`, () => k.verify(value as Bytes, new Uint8Array(outputLen)), TypeError, names('message'));
      m.throws(`macInto(${what}, out)`, () => k.macInto(value as Bytes, new Uint8Array(outputLen)), TypeError, names('message'));
    }
    m.bytes('the key is unharmed by the refused calls', k.mac(MSG), nodeHmac(hash, KEY, MSG));
    k.destroy();
    m.assertNone();
  });

  test(`HmacKey(${hash}): macInto an exact buffer, a larger one, a view; too small is a RangeError`, () => {
    const m = new Mismatches();
    const k = new HmacKey(hash, KEY);
    const want = nodeHmac(hash, KEY, MSG);
    const exact = new Uint8Array(outputLen);
    k.macInto(MSG, exact);
    m.bytes('exact', exact, want);
    const larger = new Uint8Array(outputLen + 9).fill(0xa5);
    k.macInto(MSG, larger);
    m.bytes('larger, first outputLen bytes', larger.subarray(0, outputLen), want);
    m.that('larger, the rest untouched', larger.subarray(outputLen).every((b) => b === 0xa5));
    const backing = new Uint8Array(outputLen + 8).fill(0x5a);
    k.macInto(MSG, backing.subarray(3, 3 + outputLen));
    m.bytes('view at offset 3', backing.subarray(3, 3 + outputLen), want);
    m.that('bytes around the view untouched', backing[2] === 0x5a && backing[3 + outputLen] === 0x5a);
    for (const n of [0, outputLen - 1]) m.throws(`${n}-byte buffer`, () => k.macInto(MSG, new Uint8Array(n)), RangeError, /out/);
    k.destroy();
    m.assertNone();
  });

  test(`HmacKey(${hash}): verify accepts the full tag only (every bit flip, truncation, extension refused)`, () => {
    const m = new Mismatches();
    const k = new HmacKey(hash, KEY);
    const tag = nodeHmac(hash, KEY, MSG);
    m.that('the right tag', k.verify(MSG, tag));
    m.that('the right tag as a view at an offset', k.verify(MSG, Buffer.concat([new Uint8Array(5), tag]).subarray(5)));
    m.that('the right tag of a string message', k.verify('wasmac contract message', tag));
    for (let i = 0; i < 8 * outputLen; i++) {
      const bad = Uint8Array.from(tag);
      bad[i >> 3]! ^= 1 << (i & 7);
      m.that(`bit ${i} flipped`, !k.verify(MSG, bad));
    }
    for (let n = 0; n < outputLen; n++) m.that(`truncated to ${n} bytes`, !k.verify(MSG, tag.subarray(0, n)));
    m.that('extended by a zero byte', !k.verify(MSG, Buffer.concat([tag, new Uint8Array(1)])));
    m.that('a tag of another message', !k.verify(MSG.subarray(1), tag));
    m.that('the right tag still verifies afterwards', k.verify(MSG, tag));
    k.destroy();
    m.assertNone();
  });

  test(`HmacKey(${hash}): after destroy, mac, macInto and verify throw; destroy twice is fine`, () => {
    const m = new Mismatches();
    const k = new HmacKey(hash, KEY);
    const tag = k.mac(MSG);
    k.destroy();
    m.throws('mac', () => k.mac(MSG));
    m.throws('mac of an empty message', () => k.mac(''));
    m.throws('macInto', () => k.macInto(MSG, new Uint8Array(outputLen)));
    m.throws('verify', () => k.verify(MSG, tag));
    k.destroy();
    m.bytes('another key with the same bytes still works', new HmacKey(hash, KEY).mac(MSG), tag);
    m.assertNone();
  });

  test(`HMAC-${hash}: tags are fresh arrays; keys and messages are copied, never modified`, () => {
    const m = new Mismatches();
    const rng = prng(0xc0de + outputLen);
    for (const klen of [0, 20, blockLen, blockLen + 1, 300, WINDOW + 1]) {
      const key = rng.bytes(klen);
      const msg = rng.bytes(333);
      const [keyCopy, msgCopy] = [Uint8Array.from(key), Uint8Array.from(msg)];
      const want = nodeHmac(hash, key, msg);
      const k = new HmacKey(hash, key);
      const t1 = k.mac(msg);
      m.that(`klen ${klen}: the tag owns its buffer`, ownsBuffer(t1));
      t1.fill(0);
      const t2 = hmac(hash, key, msg);
      const t3 = createHmac(hash, key).update(msg).digest();
      m.that(`klen ${klen}: HmacKey, hmac() and createHmac left the key untouched`, hex(key) === hex(keyCopy));
      m.that(`klen ${klen}: and the message`, hex(msg) === hex(msgCopy));
      key.fill(0xee);
      m.bytes(`klen ${klen}: mutating a tag and the key bytes after construction changes nothing`, k.mac(msg), want);
      m.bytes(`klen ${klen}: hmac()`, t2, want);
      m.bytes(`klen ${klen}: createHmac`, t3, want);
      m.that(`klen ${klen}: results are distinct arrays`, t2 !== t3 && t2.buffer !== t3.buffer);
      k.destroy();
    }
    m.assertNone();
  });
}

test('unknown hash names are TypeErrors listing sha224, sha256, sha384 and sha512', () => {
  const LISTS_ALL = /sha224.*sha256.*sha384.*sha512/;
  const bad: unknown[] = ['md5', 'sha1', 'SHA256', 'sha-256', 'sha512/256', 'sha3-256', ' sha256', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', undefined, null, 256, {}, ['sha256'], Symbol('sha256')];
  const m = new Mismatches();
  for (const name of bad) {
    const n = name as HashName;
    const what = typeof name === 'symbol' ? 'a symbol' : JSON.stringify(name) ?? String(name);
    m.throws(`createHash(${what})`, () => createHash(n), TypeError, LISTS_ALL);
    m.throws(`createHmac(${what})`, () => createHmac(n, KEY), TypeError, LISTS_ALL);
    m.throws(`new HmacKey(${what})`, () => new HmacKey(n, KEY), TypeError, LISTS_ALL);
    m.throws(`hmac(${what})`, () => hmac(n, KEY, MSG), TypeError, LISTS_ALL);
  }
  m.assertNone();
});

test('an HmacKey shows nothing of its key: no pad states, no copy of the key, among its properties', () => {
  const key = new HmacKey('sha256', Buffer.from('a key whose pads must stay inside'));
  const m = new Mismatches();
  const names = new Set<string | symbol>();
  for (let o: object | null = key; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const n of Reflect.ownKeys(o)) names.add(n);
  }
  m.that(`no 'pads' property (found: ${[...names].map(String).join(', ')})`, !names.has('pads') && !('pads' in key));
  for (const n of names) {
    if (n === 'constructor') continue;
    const d = Object.getOwnPropertyDescriptor(key, n) ?? Object.getOwnPropertyDescriptor(HmacKey.prototype, n);
    if (d !== undefined && 'value' in d) m.that(`${String(n)} is not bytes`, !(d.value instanceof Uint8Array));
    if (d?.get !== undefined) m.that(`getter ${String(n)} returns no bytes`, !(d.get.call(key) instanceof Uint8Array));
  }
  m.assertNone();
});

test('a Buffer is accepted wherever a Uint8Array is', () => {
  const m = new Mismatches();
  const msg = Buffer.from(MSG);
  const key = Buffer.from(KEY);
  for (const { name: hash, outputLen } of HASHES) {
    m.bytes(`${hash}(Buffer)`, ONE_SHOT[hash](msg), nodeHash(hash, MSG));
    m.bytes(`hmac(${hash}, Buffer, Buffer)`, hmac(hash, key, msg), nodeHmac(hash, KEY, MSG));
    const out = Buffer.alloc(outputLen);
    createHash(hash).update(msg).digestInto(out);
    m.bytes(`createHash(${hash}).digestInto(Buffer)`, out, nodeHash(hash, MSG));
  }
  m.assertNone();
});

test('throwsWith reports a wrong error type (self-check of the helper)', () => {
  throwsWith(() => throwsWith(() => { throw new Error('x'); }, TypeError), Error, /expected a TypeError/);
});

test.run();
