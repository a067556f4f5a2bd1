/**
 * wasmac, main entry: browsers, Deno, Bun and Node. The engine
 * (`wasmac/engine`, which carries the Wasm core inline and leaves it ready
 * for synchronous calls at import) and the KMS facade.
 */
// The engine's names one by one, not `export *`: the bundle makes the engine
// an external module (`#engine`, see scripts/bundle.ts), and a star export of
// an external module in the code shared by several entries does not reach
// them. test/node/exports.test.ts checks that the list is complete.
export { backend, useBackend, type BackendChoice, type BackendInUse } from './engine.js';
export { type Backend } from './engine.js';
export { createHash, sha224, sha256, sha384, sha512, type HashName, type Hasher } from './engine.js';
export { createHmac, hmac, HmacKey } from './engine.js';
export { BREAK_EVEN, type BreakEven, type NativeRuntime } from './engine.js';
export { fromBase64, fromHex, timingSafeEqual, toBase64, toHex, type Bytes } from './engine.js';
export * from './kms/index.js';
