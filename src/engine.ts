/**
 * wasmac/engine: SHA-2 and HMAC alone, without the KMS facade. For browsers,
 * Deno, Bun and Node, carrying the Wasm core inline; importing it leaves the
 * engine ready for synchronous calls. The main entry (`wasmac`) re-exports
 * all of this, so a program may import from either and gets one engine.
 * @example
 * import { HmacKey, sha256, toHex } from 'wasmac/engine';
 * toHex(sha256('abc'));
 */
// load-inline.js first: a bundle then starts with the two inline cores, and
// gzip codes them apart from the JavaScript (about 0.2 KB less than with the
// engine's code before them).
import { inlineCore, inlineSimdSupported } from './engine/load-inline.js';
import { installCore } from './engine/core.js';

// Synchronous (no top-level await), so that CommonJS can require this entry.
installCore(inlineCore, inlineSimdSupported());

export * from './engine/index.js';
