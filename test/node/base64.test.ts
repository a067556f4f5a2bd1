/**
 * node:buffer's base64 as the Node server installs it for the wire codec:
 * the same bytes as the engine's strict codec for every valid text, and a
 * refusal for everything the engine refuses (Node's own decoder is lenient).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { randomBytes } from 'node:crypto';
import { fromBase64, toBase64 } from '../../src/index.node.js';
import { nodeBase64 } from '../../src/node/base64.js';

function engineDecode(text: string): Uint8Array | 'refused' {
  try {
    return fromBase64(text);
  } catch {
    return 'refused';
  }
}

function nodeDecode(text: string): Uint8Array | 'refused' {
  try {
    return nodeBase64.decode(text);
  } catch {
    return 'refused';
  }
}

test('encodes and decodes as the engine does, 0 to 300 bytes', () => {
  for (let n = 0; n <= 300; n++) {
    const bytes = new Uint8Array(randomBytes(n));
    const text = toBase64(bytes);
    assert.is(nodeBase64.encode(bytes), text, `encode ${n}`);
    assert.equal(nodeBase64.decode(text), bytes, `decode ${n}`);
    // A view into a larger buffer encodes only its own bytes.
    const wide = new Uint8Array(n + 8);
    wide.set(bytes, 3);
    assert.is(nodeBase64.encode(wide.subarray(3, 3 + n)), text);
  }
});

test('refuses what the engine refuses: URL-safe alphabet, missing padding, whitespace, trailing bits, stray characters', () => {
  const valid = toBase64(new TextEncoder().encode('Hello, wasmac!?>'));
  const cases = [
    'SGVsbG8',
    'SGVsbG8==',
    'SGVs bG8=',
    'SGVsbG8=\n',
    'SGVsbG9=',
    'SGVsbG-_',
    '=SGVsbG8',
    'SG=sbG8=',
    'SGVsbG8=====',
    'SGVsbG8é',
    '😀😀',
    '====',
    'A===',
    valid.slice(1),
    `${valid}A`,
    valid.replace(/\+/g, '-').replace(/\//g, '_'),
  ];
  for (const text of cases) assert.equal(nodeDecode(text), engineDecode(text), JSON.stringify(text));
  for (const text of cases.slice(0, 13)) assert.is(nodeDecode(text), 'refused', JSON.stringify(text));
});

test('random texts over the base64 alphabet and padding: the same verdict and bytes as the engine', () => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ ';
  for (let i = 0; i < 20_000; i++) {
    const length = i % 13;
    let text = '';
    for (let j = 0; j < length; j++) text += alphabet[Math.floor(Math.random() * alphabet.length)];
    assert.equal(nodeDecode(text), engineDecode(text), JSON.stringify(text));
  }
});

test('a decoded value owns its memory (not a view of node:buffer\'s shared pool)', () => {
  const bytes = nodeBase64.decode(toBase64(new Uint8Array([1, 2, 3, 4, 5])));
  assert.is(bytes.byteOffset, 0);
  assert.is(bytes.buffer.byteLength, 5);
  assert.is(Object.getPrototypeOf(bytes), Uint8Array.prototype);
});

test.run();
