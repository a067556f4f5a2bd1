/**
 * The core as inline bytes (base64 in a generated module): what the main entry
 * uses in browsers, Deno, Bun and Node. No fs, no fetch, no import.meta.url.
 */
import { SCALAR_WASM, SIMD_WASM } from './wasm.generated.js';
import type { Backend } from './core.js';

/** The bytes of a generated base64 string; `atob` is native everywhere we run, and fast at start-up. */
function decode(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Decoded once per backend, on first use. */
const decoded: Partial<Record<Backend, Uint8Array<ArrayBuffer>>> = {};

export function inlineCore(backend: Backend): Promise<Uint8Array<ArrayBuffer>> {
  decoded[backend] ??= decode(backend === 'simd' ? SIMD_WASM : SCALAR_WASM);
  return Promise.resolve(decoded[backend]);
}

/** Whether this runtime accepts the SIMD build. */
export function inlineSimdSupported(): boolean {
  return WebAssembly.validate(decoded.simd ??= decode(SIMD_WASM));
}
