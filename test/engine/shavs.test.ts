/**
 * NIST CAVP SHAVS (byte-oriented) for SHA-224/256/384/512: every ShortMsg and
 * LongMsg vector through each way of hashing, and the Monte Carlo chains.
 */
import { test } from 'uvu';
import { createHash, sha224, sha256, sha384, sha512, type HashName } from '../../src/index.js';
import { Mismatches } from '../helpers/check.js';
import { HASHES, monteCarlo, shavsMonte, shavsVectors } from '../helpers/vectors.js';

const ONE_SHOT: Record<HashName, (data: Uint8Array) => Uint8Array> = { sha224, sha256, sha384, sha512 };

/** Each way the engine offers to hash a whole message. */
const WAYS: readonly { name: string; digest: (hash: HashName, msg: Uint8Array) => Uint8Array }[] = [
  { name: 'one-shot', digest: (hash, msg) => ONE_SHOT[hash](msg) },
  { name: 'createHash, one update', digest: (hash, msg) => createHash(hash).update(msg).digest() },
  {
    name: 'createHash, three updates',
    digest: (hash, msg) => {
      const a = Math.floor(msg.length / 3);
      const b = Math.floor((2 * msg.length) / 3) + 1;
      return createHash(hash).update(msg.subarray(0, a)).update(msg.subarray(a, b)).update(msg.subarray(b)).digest();
    },
  },
  {
    name: 'createHash, digestInto',
    digest: (hash, msg) => {
      const h = createHash(hash).update(msg);
      const out = new Uint8Array(h.outputLen);
      h.digestInto(out);
      return out;
    },
  },
];

for (const { name: hash } of HASHES) {
  for (const kind of ['ShortMsg', 'LongMsg'] as const) {
    const vectors = shavsVectors(hash, kind);
    for (const way of WAYS) {
      test(`${hash} ${kind} (${vectors.length} vectors), ${way.name}`, () => {
        const m = new Mismatches();
        for (const v of vectors) m.bytes(`Len = ${v.bits}`, way.digest(hash, v.msg), v.md);
        m.assertNone();
      });
    }
  }

  test(`${hash} Monte Carlo, 100 checkpoints`, () => {
    const { seed, checkpoints } = shavsMonte(hash);
    const m = new Mismatches();
    m.that(`${checkpoints.length} checkpoints in the file`, checkpoints.length === 100);
    const got = monteCarlo(seed, ONE_SHOT[hash]);
    checkpoints.forEach((md, i) => m.bytes(`COUNT = ${i}`, got[i]!, md));
    m.assertNone();
  });
}

test('the empty message (Len = 0, Msg = 00) is parsed as zero bytes', () => {
  const m = new Mismatches();
  for (const { name: hash } of HASHES) {
    const first = shavsVectors(hash, 'ShortMsg')[0]!;
    m.that(`${hash}: first ShortMsg vector is Len = 0 with an empty message`, first.bits === 0 && first.msg.length === 0);
  }
  m.assertNone();
});

test.run();
