export { backend, useBackend, type BackendChoice, type BackendInUse } from './backend.js';
export { type Backend } from './core.js';
export { createHash, sha224, sha256, sha384, sha512, type HashName, type Hasher } from './hash.js';
export { createHmac, hmac, HmacKey } from './hmac.js';
export { BREAK_EVEN, type BreakEven, type NativeRuntime } from './native.js';
export { fromBase64, fromHex, timingSafeEqual, toBase64, toHex, type Bytes } from './utils.js';
