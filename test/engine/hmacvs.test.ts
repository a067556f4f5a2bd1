/**
 * NIST CAVP HMACVS (`HMAC.rsp`), SHA-2 sections: keys shorter than, equal to
 * and longer than the block, tags truncated to `Tlen` bytes and compared on
 * that prefix. Truncated tags must not pass `HmacKey.verify`.
 */
import { suite } from 'uvu';
import { HmacKey } from '../../src/index.js';
import { ALL_BACKENDS, backendSuite } from '../helpers/backends.js';
import { Mismatches } from '../helpers/check.js';
import { MAC_WAYS } from '../helpers/ways.js';
import { HASHES, hmacvsVectors } from '../helpers/vectors.js';

const vectors = hmacvsVectors();

const files = suite('vector files');

files('HMAC.rsp has 1275 SHA-2 vectors in four sections', () => {
  const m = new Mismatches();
  m.that(`${vectors.length} vectors`, vectors.length === 1275);
  for (const { name } of HASHES) m.that(`${name} has vectors`, vectors.some((v) => v.hash === name));
  m.assertNone();
});

files.run();

for (const b of ALL_BACKENDS) {
  const test = backendSuite('HMACVS', b);

  for (const { name: hash, outputLen } of HASHES) {
    const mine = vectors.filter((v) => v.hash === hash);

    for (const way of MAC_WAYS) {
      test(`${hash} [L=${outputLen}] (${mine.length} vectors), ${way.name}`, () => {
        const m = new Mismatches();
        for (const v of mine) {
          m.bytes(`Count = ${v.count} (Klen ${v.key.length}, Tlen ${v.mac.length})`, way.mac(hash, v.key, v.msg).subarray(0, v.mac.length), v.mac);
        }
        m.assertNone();
      });
    }

    test(`${hash} [L=${outputLen}], HmacKey.verify: full tags pass, truncated tags fail`, () => {
      const m = new Mismatches();
      for (const v of mine) {
        const key = new HmacKey(hash, v.key);
        const full = v.mac.length === outputLen;
        m.that(`Count = ${v.count} (Tlen ${v.mac.length}): verify should be ${full}`, key.verify(v.msg, v.mac) === full);
        key.destroy();
      }
      m.assertNone();
    });
  }

  test.run();
}
