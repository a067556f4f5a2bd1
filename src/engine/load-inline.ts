/**
 * The core as inline bytes (base64 in a generated module): what the main entry
 * uses in browsers, Deno, Bun and Node. No fs, no fetch, no import.meta.url.
 */
import { fromBase64 } from './utils.js';
import { SCALAR_WASM, SIMD_WASM } from './wasm.generated.js';
import type { Backend } from './core.js';

/** Decoded once per backend, on first use. */
const decoded: Partial<Record<Backend, Uint8Array<ArrayBuffer>>> = {};

export function inlineCore(backend: Backend): Promise<Uint8Array<ArrayBuffer>> {
  decoded[backend] ??= fromBase64(backend === 'simd' ? SIMD_WASM : SCALAR_WASM) as Uint8Array<ArrayBuffer>;
  return Promise.resolve(decoded[backend]);
}

/** Whether this runtime accepts the SIMD build. */
export function inlineSimdSupported(): boolean {
  return WebAssembly.validate(decoded.simd ??= fromBase64(SIMD_WASM) as Uint8Array<ArrayBuffer>);
}
