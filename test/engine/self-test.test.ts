/**
 * The core's known-answer self-test at load: a build whose bytes were damaged
 * in a way that still compiles (a changed round constant) is refused with an
 * error instead of giving wrong digests. The running core is put back after.
 */
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { backend, installCore, simdAvailable, type Backend } from '../../src/engine/core.js';
import { inlineCore } from '../../src/engine/load-inline.js';
import { sha256, sha512 } from '../../src/index.js';
import { nodeHash } from '../helpers/check.js';

const FILES: Record<Backend, string> = { scalar: 'build/wasmac.wasm', simd: 'build/wasmac-simd.wasm' };

/**
 * The build's bytes with the first round constant of `hash` changed wherever
 * its table appears: still a valid module. A table is found by its first two
 * constants as the data segment stores them (little-endian words); SHA-256's
 * K[0], K[1] as 32-bit words, SHA-512's as 64-bit words (whose high halves
 * are SHA-256's, hence the pairs).
 */
function damaged(b: Backend, hash: 'sha256' | 'sha512'): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(readFileSync(FILES[b]));
  const table =
    hash === 'sha256'
      ? [0x98, 0x2f, 0x8a, 0x42, 0x91, 0x44, 0x37, 0x71]
      : [0x22, 0xae, 0x28, 0xd7, 0x98, 0x2f, 0x8a, 0x42, 0xcd, 0x65, 0xef, 0x23, 0x91, 0x44, 0x37, 0x71];
  let found = 0;
  // The scalar SHA-256 may carry its constants as immediates instead
  // (`i32.const K[0]`, a signed LEB128): those change too, by one.
  const immediate = [0x41, ...sleb128(0x428a2f98)];
  for (let i = 0; hash === 'sha256' && i + immediate.length <= bytes.length; i++) {
    if (immediate.every((v, j) => bytes[i + j] === v)) {
      bytes[i + 1] = bytes[i + 1]! ^ 1;
      found++;
    }
  }
  for (let i = 0; i + table.length <= bytes.length; i++) {
    if (table.every((v, j) => bytes[i + j] === v)) {
      bytes[i] = bytes[i]! ^ 1;
      found++;
    }
  }
  if (found === 0) throw new Error(`the ${hash} round constants were not found in ${FILES[b]}`);
  return bytes;
}

/** `value` as a signed LEB128, as `i32.const` encodes it. */
function sleb128(value: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const builds: Backend[] = simdAvailable() ? ['scalar', 'simd'] : ['scalar'];
const running = backend();

test.after(() => {
  installCore(inlineCore, simdAvailable());
});

for (const b of builds) {
  for (const hash of ['sha256', 'sha512'] as const) {
    test(`a ${b} core with a damaged ${hash} constant still compiles, and is refused at load`, () => {
      const bytes = damaged(b, hash);
      assert.ok(WebAssembly.validate(bytes), 'the damaged build is still a valid module');
      let error: unknown;
      try {
        installCore((want) => (want === b ? bytes : inlineCore(want)), b === 'simd');
      } catch (e) {
        error = e;
      }
      assert.instance(error, Error);
      assert.match((error as Error).message, /gives wrong digests/);
    });
  }
}

test('the intact cores load and answer as before', () => {
  installCore(inlineCore, simdAvailable());
  assert.is(backend(), running);
  const msg = new TextEncoder().encode('self-test');
  assert.equal(sha256(msg), new Uint8Array(nodeHash('sha256', msg)));
  assert.equal(sha512(msg), new Uint8Array(nodeHash('sha512', msg)));
});

test.run();
