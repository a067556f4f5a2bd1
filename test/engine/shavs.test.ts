/**
 * NIST CAVP SHAVS (byte-oriented) for SHA-224/256/384/512: every ShortMsg and
 * LongMsg vector through each way of hashing, and the Monte Carlo chains.
 */
import { suite } from 'uvu';
import { createHash, type HashName } from '../../src/index.js';
import { ALL_BACKENDS, backendSuite } from '../helpers/backends.js';
import { Mismatches } from '../helpers/check.js';
import { HASHES, monteCarlo, shavsMonte, shavsVectors } from '../helpers/vectors.js';
import { ONE_SHOT } from '../helpers/ways.js';


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

const files = suite('vector files');

files('the empty message (Len = 0, Msg = 00) is parsed as zero bytes', () => {
  const m = new Mismatches();
  for (const { name: hash } of HASHES) {
    const first = shavsVectors(hash, 'ShortMsg')[0]!;
    m.that(`${hash}: first ShortMsg vector is Len = 0 with an empty message`, first.bits === 0 && first.msg.length === 0);
  }
  m.assertNone();
});

files('vector counts as listed in SOURCES.md', () => {
  const m = new Mismatches();
  const counts = { sha224: [65, 64], sha256: [65, 64], sha384: [129, 128], sha512: [129, 128] } as const;
  for (const { name: hash, outputLen } of HASHES) {
    const [short, long] = counts[hash];
    const shortMsg = shavsVectors(hash, 'ShortMsg');
    const longMsg = shavsVectors(hash, 'LongMsg');
    m.that(`${hash} ShortMsg: ${shortMsg.length} vectors`, shortMsg.length === short);
    m.that(`${hash} LongMsg: ${longMsg.length} vectors`, longMsg.length === long);
    m.that(`${hash} Monte: ${shavsMonte(hash).checkpoints.length} checkpoints`, shavsMonte(hash).checkpoints.length === 100);
    m.that(`${hash}: every digest is ${outputLen} bytes`, [...shortMsg, ...longMsg].every((v) => v.md.length === outputLen));
  }
  m.assertNone();
});

files.run();

for (const b of ALL_BACKENDS) {
  const test = backendSuite('SHAVS', b);

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
      const got = monteCarlo(seed, ONE_SHOT[hash]);
      checkpoints.forEach((md, i) => m.bytes(`COUNT = ${i}`, got[i]!, md));
      m.assertNone();
    });
  }

  test.run();
}
