/**
 * An HMAC key that uses node:crypto for large messages, on request.
 *
 * wasmac's Wasm core wins on the messages KMS handles because it pays no
 * per-call overhead, but for one large message OpenSSL on a machine with
 * SHA-NI hashes several times faster (bench/: HMAC-SHA-256 breaks even near
 * 600 B, HMAC-SHA-512 near 1.5 KB on the reference machine). This key sends
 * messages of at least `nativeFrom` bytes to node:crypto and the rest to
 * the Wasm core. Both compute the same RFC 2104 HMAC, so the tags are the same
 * bytes either way; what changes is only who computes them, and only because
 * the caller chose this class instead of `HmacKey`.
 */
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { HmacKey, timingSafeEqual, type Bytes, type HashName } from '../index.js';

/** Where node:crypto takes over by default: the measured break-even, rounded down. */
export const NATIVE_FROM: Readonly<Record<HashName, number>> = { sha224: 640, sha256: 640, sha384: 1536, sha512: 1536 };

export interface AcceleratedHmacKeyOptions {
  /** Messages of at least this many bytes go to node:crypto (default: {@link NATIVE_FROM}). */
  nativeFrom?: number;
}

/**
 * `HmacKey` with node:crypto for large messages.
 * @example
 * import { AcceleratedHmacKey } from 'wasmac/node';
 * const key = new AcceleratedHmacKey('sha256', material);
 * key.mac(largeBuffer); // node:crypto; key.mac(smallBuffer): one Wasm call
 */
export class AcceleratedHmacKey {
  readonly hash: HashName;
  readonly outputLen: number;
  /** Messages of at least this many bytes go to node:crypto. */
  readonly nativeFrom: number;
  readonly #wasm: HmacKey;
  #native: KeyObject | null;

  constructor(hash: HashName, key: Uint8Array, options: AcceleratedHmacKeyOptions = {}) {
    this.#wasm = new HmacKey(hash, key);
    const nativeFrom = options.nativeFrom ?? NATIVE_FROM[hash];
    if (!Number.isSafeInteger(nativeFrom) || nativeFrom < 0) {
      this.#wasm.destroy();
      throw new RangeError(`options.nativeFrom must be a non-negative integer, got ${String(nativeFrom)}`);
    }
    this.hash = hash;
    this.outputLen = this.#wasm.outputLen;
    this.nativeFrom = nativeFrom;
    this.#native = createSecretKey(key);
  }

  #nativeKey(): KeyObject {
    if (this.#native === null) throw new Error('AcceleratedHmacKey was destroyed');
    return this.#native;
  }

  /** The tag of `message` (a string is UTF-8 encoded). */
  mac(message: Bytes): Uint8Array {
    const native = this.#nativeKey();
    const bytes = typeof message === 'string' && message.length >= this.nativeFrom ? Buffer.from(message, 'utf8') : message;
    if (bytes instanceof Uint8Array && bytes.length >= this.nativeFrom) {
      const tag = createHmac(this.hash, native).update(bytes).digest();
      return new Uint8Array(tag.buffer, tag.byteOffset, tag.length);
    }
    return this.#wasm.mac(bytes);
  }

  /** Whether `tag` is the full-length tag of `message`, compared in constant time. */
  verify(message: Bytes, tag: Uint8Array): boolean {
    if (!(tag instanceof Uint8Array)) throw new TypeError('tag must be a Uint8Array');
    return timingSafeEqual(this.mac(message), tag);
  }

  /** Wipes the Wasm pad states and drops the node:crypto key object. */
  destroy(): void {
    this.#wasm.destroy();
    this.#native = null;
  }
}
