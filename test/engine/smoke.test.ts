import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { sha256, toHex } from '../../src/index.js';

test('sha256("abc") is the FIPS 180-4 example', () => {
  assert.is(toHex(sha256('abc')), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test.run();
