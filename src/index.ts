/**
 * wasmac, main entry: browsers, Deno, Bun and Node. Carries the Wasm core
 * inline; importing it leaves the engine ready for synchronous calls.
 */
import { installCore } from './engine/core.js';
import { inlineCore, inlineSimdSupported } from './engine/load-inline.js';

// Synchronous (no top-level await), so that CommonJS can require this entry.
installCore(inlineCore, inlineSimdSupported());

export * from './engine/index.js';
export * from './kms/index.js';
