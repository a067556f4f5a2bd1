/**
 * wasmac, workerd entry (the `workerd` and `worker` export conditions): the
 * same API as the main entry, for Cloudflare Workers and workerd, over the
 * engine's workerd entry (engine.workerd.ts), which takes the core as `.wasm`
 * modules.
 */
// The engine's names one by one, not `export *`: the bundle makes the engine
// an external module (`#engine`, see scripts/bundle.ts), and a star export of
// an external module in the code shared by several entries does not reach
// them. test/node/exports.test.ts checks that the list is complete.
export { backend, useBackend, type BackendChoice, type BackendInUse } from './engine.workerd.js';
export { type Backend } from './engine.workerd.js';
export { createHash, sha224, sha256, sha384, sha512, type HashName, type Hasher } from './engine.workerd.js';
export { createHmac, hmac, HmacKey } from './engine.workerd.js';
export { BREAK_EVEN, type BreakEven, type NativeRuntime } from './engine.workerd.js';
export { fromBase64, fromHex, timingSafeEqual, toBase64, toHex, type Bytes } from './engine.workerd.js';
export * from './kms/index.js';
