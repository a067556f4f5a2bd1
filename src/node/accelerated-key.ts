/**
 * `AcceleratedHmacKey`, kept for code written before `HmacKey` routed long
 * messages to node:crypto by itself. It is an `HmacKey` whose break-even can
 * be set per key.
 */
import { backend, BREAK_EVEN, HmacKey, type HashName } from '../engine/index.js';

/**
 * Where node:crypto takes over by default in this runtime: the HMAC column
 * of {@link BREAK_EVEN}.
 * @deprecated Read `BREAK_EVEN` from `wasmac`.
 */
export const NATIVE_FROM: Readonly<Record<HashName, number>> = BREAK_EVEN[
  (globalThis as { Bun?: unknown }).Bun !== undefined ? 'bun' : (globalThis as { Deno?: unknown }).Deno !== undefined ? 'deno' : 'node'
].hmac;

export interface AcceleratedHmacKeyOptions {
  /** Messages of at least this many bytes go to node:crypto (default: {@link NATIVE_FROM}). */
  nativeFrom?: number;
}

/**
 * `HmacKey` with a break-even of its own.
 * @deprecated `HmacKey` from `wasmac` routes long messages to node:crypto in
 * Node, Deno and Bun; use it.
 * @example
 * import { AcceleratedHmacKey } from 'wasmac/node';
 * const key = new AcceleratedHmacKey('sha256', material, { nativeFrom: 4096 });
 */
export class AcceleratedHmacKey extends HmacKey {
  readonly #nativeFrom: number;

  constructor(hash: HashName, key: Uint8Array, options: AcceleratedHmacKeyOptions = {}) {
    super(hash, key);
    const nativeFrom = options.nativeFrom ?? NATIVE_FROM[hash];
    if (!Number.isSafeInteger(nativeFrom) || nativeFrom < 0) {
      this.destroy();
      throw new RangeError(`options.nativeFrom must be a non-negative integer, got ${String(nativeFrom)}`);
    }
    this.#nativeFrom = nativeFrom;
  }

  /** Messages of at least this many bytes go to node:crypto (none under `useBackend('wasm')`, whose word is every message to the core). */
  override get nativeFrom(): number {
    return backend().startsWith('native+') ? this.#nativeFrom : Infinity;
  }
}
