/**
 * What computes a MAC or digest: the Wasm core (its SIMD or scalar build),
 * and under the `node` entry also node:crypto for long messages.
 */
import { backend as coreBackend, simdAvailable, useBackend as useCore, type Backend } from './core.js';
import { nativeRouting, setNativeRouting } from './native.js';

/**
 * What {@link useBackend} accepts: a build of the core alone (`simd`,
 * `scalar`), the best build of the core alone (`wasm`), or the default
 * (`auto`): the best build, with long messages to node:crypto where the
 * `node` entry installed it.
 */
export type BackendChoice = Backend | 'wasm' | 'auto';

/**
 * What {@link backend} reports: the running build of the core, prefixed by
 * `native+` when messages from the break-even length up go to node:crypto.
 */
export type BackendInUse = Backend | `native+${Backend}`;

/**
 * The backend in use.
 * @example backend(); // 'native+simd' in Node, 'simd' in a browser
 */
export function backend(): BackendInUse {
  const b = coreBackend();
  return nativeRouting() ? `native+${b}` : b;
}

const CHOICES: readonly unknown[] = ['simd', 'scalar', 'wasm', 'auto'];

/**
 * Switches the backend, e.g. to test or benchmark the core alone in Node.
 * Existing hashers and keys carry over: their states live in JavaScript and
 * move into the new instance on their next call.
 * @example await useBackend('wasm'); // every message to the core, none to node:crypto
 */
export async function useBackend(next: BackendChoice): Promise<void> {
  if (!CHOICES.includes(next)) throw new TypeError(`backend must be 'simd', 'scalar', 'wasm' or 'auto', got ${String(next)}`);
  const build: Backend = next === 'simd' || next === 'scalar' ? next : simdAvailable() ? 'simd' : 'scalar';
  await useCore(build);
  setNativeRouting(next === 'auto');
}
