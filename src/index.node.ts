/**
 * wasmac, `node` entry (the `node` export condition, which Node, Deno and Bun
 * honour): the main entry with the engine's `node` entry, which routes
 * messages from the measured break-even length up (BREAK_EVEN) to
 * node:crypto (see engine.node.ts). Browser and workerd bundles resolve the
 * other conditions and never see node:crypto.
 */
// The engine's names one by one, not `export *`: the bundle makes the engine
// an external module (`#engine`, see scripts/bundle.ts), and a star export of
// an external module in the code shared by several entries does not reach
// them. test/node/exports.test.ts checks that the list is complete.
export { backend, useBackend, type BackendChoice, type BackendInUse } from './engine.node.js';
export { type Backend } from './engine.node.js';
export { createHash, sha224, sha256, sha384, sha512, type HashName, type Hasher } from './engine.node.js';
export { createHmac, hmac, HmacKey } from './engine.node.js';
export { BREAK_EVEN, type BreakEven, type NativeRuntime } from './engine.node.js';
export { fromBase64, fromHex, timingSafeEqual, toBase64, toHex, type Bytes } from './engine.node.js';
export * from './kms/index.js';
