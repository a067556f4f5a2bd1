/**
 * RFC 4231 sections 4.2-4.8: seven cases for each of HMAC-SHA-224/256/384/512.
 * Case 5 is truncated to 128 bits; cases 6 and 7 have a 131-byte key, longer
 * than every block, so it is hashed first.
 */
import { suite } from 'uvu';
import { HmacKey } from '../../src/index.js';
import { ALL_BACKENDS, backendSuite } from '../helpers/backends.js';
import { Mismatches } from '../helpers/check.js';
import { MAC_WAYS } from '../helpers/ways.js';
import { HASHES, rfc4231Cases } from '../helpers/vectors.js';

const cases = rfc4231Cases();

const files = suite('vector files');

files('rfc4231.json has the seven cases, case 5 truncated to 128 bits', () => {
  const m = new Mismatches();
  m.that('cases 1..7', cases.map((c) => c.case).join() === '1,2,3,4,5,6,7');
  m.that('only case 5 is truncated, to 128 bits', cases.every((c) => (c.case === 5 ? c.truncateBits === 128 : c.truncateBits === undefined)));
  m.that('cases 6 and 7 have a 131-byte key', cases[5]!.key.length === 131 && cases[6]!.key.length === 131);
  m.assertNone();
});

files.run();

for (const b of ALL_BACKENDS) {
  const test = backendSuite('RFC 4231', b);

  for (const { name: hash, outputLen } of HASHES) {
    for (const way of MAC_WAYS) {
      test(`HMAC-${hash} cases 1-7, ${way.name}`, () => {
        const m = new Mismatches();
        for (const c of cases) {
          const want = c.tags[hash];
          m.that(`case ${c.case}: expected tag length`, want.length === (c.truncateBits ?? outputLen * 8) / 8);
          m.bytes(`case ${c.case}`, way.mac(hash, c.key, c.data).subarray(0, want.length), want);
        }
        m.assertNone();
      });
    }

    test(`HMAC-${hash} cases 1-7, HmacKey.verify (false for the truncated case 5)`, () => {
      const m = new Mismatches();
      for (const c of cases) {
        const key = new HmacKey(hash, c.key);
        m.that(`case ${c.case}`, key.verify(c.data, c.tags[hash]) === (c.truncateBits === undefined));
        key.destroy();
      }
      m.assertNone();
    });
  }

  test.run();
}
