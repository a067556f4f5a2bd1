import { createHmac } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AcceleratedHmacKey, NATIVE_FROM } from '../../src/node/index.js';
import { toHex } from '../../src/index.js';

const HASHES = ['sha224', 'sha256', 'sha384', 'sha512'] as const;

test('tags equal node:crypto on both sides of the threshold, bytes and strings', () => {
  const key = Uint8Array.from({ length: 40 }, (_, i) => i * 3);
  for (const hash of HASHES) {
    const k = new AcceleratedHmacKey(hash, key);
    assert.is(k.nativeFrom, NATIVE_FROM[hash]);
    for (const size of [0, 1, k.nativeFrom - 1, k.nativeFrom, k.nativeFrom + 1, 300_000]) {
      const m = Uint8Array.from({ length: size }, (_, i) => (i * 7) & 255);
      const expected = createHmac(hash, key).update(m).digest('hex');
      assert.is(toHex(k.mac(m)), expected, `${hash} ${size} bytes`);
      const text = 'é'.repeat(size >> 1);
      assert.is(toHex(k.mac(text)), createHmac(hash, key).update(text, 'utf8').digest('hex'), `${hash} string of ${text.length} chars`);
    }
    k.destroy();
  }
});

test('verify accepts the tag and rejects changed, truncated and foreign tags', () => {
  const k = new AcceleratedHmacKey('sha256', new Uint8Array(32).fill(7), { nativeFrom: 100 });
  for (const size of [10, 1000]) {
    const m = new Uint8Array(size).fill(1);
    const tag = k.mac(m);
    assert.ok(k.verify(m, tag));
    const changed = tag.slice();
    changed[0] ^= 1;
    assert.not.ok(k.verify(m, changed));
    assert.not.ok(k.verify(m, tag.subarray(0, 16)));
    assert.not.ok(k.verify(new Uint8Array(size).fill(2), tag));
  }
  assert.throws(() => k.verify(new Uint8Array(1), 'x' as unknown as Uint8Array), (e: unknown) => e instanceof TypeError && /tag/.test((e as Error).message));
});

test('a destroyed key refuses to MAC on either path; bad options are refused', () => {
  const k = new AcceleratedHmacKey('sha512', new Uint8Array(64), { nativeFrom: 10 });
  k.destroy();
  assert.throws(() => k.mac(new Uint8Array(5)), /destroyed/);
  assert.throws(() => k.mac(new Uint8Array(50)), /destroyed/);
  for (const bad of [-1, 1.5, Number.NaN]) {
    assert.throws(() => new AcceleratedHmacKey('sha256', new Uint8Array(1), { nativeFrom: bad }), (e: unknown) => e instanceof RangeError && /nativeFrom/.test((e as Error).message));
  }
  assert.throws(() => new AcceleratedHmacKey('md5' as 'sha256', new Uint8Array(1)), TypeError);
});

test.run();
