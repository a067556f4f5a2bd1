/**
 * Project Wycheproof HMAC-SHA-2 (`hmac_sha*_test.json`). Valid tags match on
 * their `tagSize` prefix; invalid (modified) full-length tags are rejected by
 * `HmacKey.verify`; any truncated tag, valid or not, does not verify.
 */
import { suite } from 'uvu';
import { HmacKey } from '../../src/index.js';
import { ALL_BACKENDS, backendSuite } from '../helpers/backends.js';
import { hex, Mismatches } from '../helpers/check.js';
import { MAC_WAYS } from '../helpers/ways.js';
import { HASHES, wycheproofHmac } from '../helpers/vectors.js';

const files = suite('vector files');

files('Wycheproof files: the stated test counts, only valid and invalid results, keys and tags of the group sizes', () => {
  const m = new Mismatches();
  for (const { name: hash } of HASHES) {
    const tests = wycheproofHmac(hash);
    m.that(`hmac_${hash}_test.json has ${tests.length} tests`, tests.length === (hash === 'sha224' ? 172 : 174));
    for (const t of tests) {
      m.that(`${hash} tcId ${t.tcId}: result ${t.result}`, t.result === 'valid' || t.result === 'invalid');
      m.that(`${hash} tcId ${t.tcId}: tag is ${t.tag.length} bytes, tagSize ${t.tagSize}`, t.tag.length === t.tagSize);
      m.that(`${hash} tcId ${t.tcId}: key is ${t.key.length} bytes, keySize ${t.keySize}`, t.key.length === t.keySize);
    }
  }
  m.assertNone();
});

files.run();

for (const b of ALL_BACKENDS) {
  const test = backendSuite('Wycheproof HMAC', b);

  for (const { name: hash, outputLen } of HASHES) {
    const tests = wycheproofHmac(hash);
    const valid = tests.filter((t) => t.result === 'valid');

    for (const way of MAC_WAYS) {
      test(`hmac_${hash} ${valid.length} valid tags, ${way.name}`, () => {
        const m = new Mismatches();
        for (const t of valid) m.bytes(`tcId ${t.tcId} (${t.comment})`, way.mac(hash, t.key, t.msg).subarray(0, t.tagSize), t.tag);
        m.assertNone();
      });
    }

    test(`hmac_${hash} HmacKey.verify: full valid tags pass, full invalid tags fail, truncated tags fail`, () => {
      const m = new Mismatches();
      for (const t of tests) {
        const key = new HmacKey(hash, t.key);
        const want = t.result === 'valid' && t.tagSize === outputLen;
        m.that(`tcId ${t.tcId} (${t.result}, tagSize ${t.tagSize}, ${t.comment}): verify should be ${want}`, key.verify(t.msg, t.tag) === want);
        key.destroy();
      }
      m.assertNone();
    });

    test(`hmac_${hash} invalid tags differ from the computed tag prefix`, () => {
      const m = new Mismatches();
      for (const t of tests.filter((x) => x.result === 'invalid')) {
        const key = new HmacKey(hash, t.key);
        const prefix = key.mac(t.msg).subarray(0, t.tagSize);
        m.that(`tcId ${t.tcId} (${t.comment}): an invalid tag equals the computed prefix`, hex(prefix) !== hex(t.tag));
        key.destroy();
      }
      m.assertNone();
    });
  }

  test.run();
}
