/**
 * The core as inline bytes (a string with one character per byte, masked,
 * in a generated module): what the main entry uses in browsers, Deno, Bun and
 * Node. No fs, no fetch, no import.meta.url.
 */
import { SCALAR_WASM, SIMD_WASM, WASM_MASK } from './wasm.generated.js';
import type { Backend } from './core.js';

/** Node's and Bun's `Buffer`, where there is one: its latin1 decoding is native. */
const NodeBuffer = (globalThis as { Buffer?: { from(s: string, encoding: 'latin1'): Uint8Array<ArrayBuffer> } }).Buffer;

/**
 * The bytes of a generated string, one character (U+0000..U+00FF) per byte,
 * each XOR WASM_MASK (scripts/embed-wasm.ts says why). `Buffer.from(s,
 * 'latin1')` does the characters in native code, and the mask is undone four
 * bytes at a time; elsewhere a loop. The loop costs a fresh process 2-3 ms (it
 * runs before the JIT warms up, 15 KB of iterations in the interpreter), ten
 * times what Buffer and the word loop take.
 */
function decode(binary: string): Uint8Array<ArrayBuffer> {
  if (NodeBuffer !== undefined) {
    const bytes = NodeBuffer.from(binary, 'latin1');
    // Buffer gives a string this long its own ArrayBuffer (offset 0); the check keeps the word view aligned whatever it does.
    const words = bytes.byteOffset % 4 === 0 ? bytes.length >>> 2 : 0;
    const view = new Uint32Array(bytes.buffer, bytes.byteOffset, words);
    const mask4 = WASM_MASK * 0x01010101;
    for (let i = 0; i < words; i++) view[i]! ^= mask4;
    for (let i = words * 4; i < bytes.length; i++) bytes[i]! ^= WASM_MASK;
    return bytes;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i) ^ WASM_MASK;
  return bytes;
}

/** Decoded once per backend, on first use. */
const decoded: Partial<Record<Backend, Uint8Array<ArrayBuffer>>> = {};

export function inlineCore(backend: Backend): Uint8Array<ArrayBuffer> {
  return (decoded[backend] ??= decode(backend === 'simd' ? SIMD_WASM : SCALAR_WASM));
}

/**
 * The smallest module that uses fixed-width SIMD: one function returning
 * `v128.const 0`. Validating it answers whether the runtime has Wasm SIMD
 * (an all-or-nothing feature) without a second validation pass over the
 * whole SIMD build, which compiling it does anyway.
 */
const SIMD_PROBE = Uint8Array.of(
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, //       type section: () -> v128
  0x03, 0x02, 0x01, 0x00, //                         function section: one function of type 0
  0x0a, 0x16, 0x01, 0x14, 0x00, 0xfd, 0x0c, //       code section: no locals, v128.const
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // the 16 bytes of the constant
  0x0b, //                                           end
);

/** Whether this runtime accepts the SIMD build. */
export function inlineSimdSupported(): boolean {
  return WebAssembly.validate(SIMD_PROBE);
}
