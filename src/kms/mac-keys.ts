/**
 * The MAC-key cache: the engine's `HmacKey` (its pad states) per key, so that
 * a MAC costs no key setup. One per repository, shared by every client of a
 * store. An entry is reused while the record's material is the same object
 * or has equal bytes (a store that reads records afresh hands out new
 * objects), and rebuilt otherwise.
 */
import { HmacKey, timingSafeEqual, type HashName } from '../engine/index.js';
import { revealSecret, type SecretBytes } from './secret.js';

interface CachedKey {
  secret: SecretBytes;
  hash: HashName;
  key: HmacKey;
}

export class MacKeyCache {
  readonly #keys = new Map<string, CachedKey>();

  /** The engine key of `keyId` for `secret` and `hash`, built on first use. */
  get(keyId: string, secret: SecretBytes, hash: HashName): HmacKey {
    const cached = this.#keys.get(keyId);
    if (cached !== undefined && cached.hash === hash) {
      if (cached.secret === secret) return cached.key;
      if (timingSafeEqual(revealSecret(cached.secret), revealSecret(secret))) {
        cached.secret = secret;
        return cached.key;
      }
    }
    this.forget(keyId);
    const key = new HmacKey(hash, revealSecret(secret));
    this.#keys.set(keyId, { secret, hash, key });
    return key;
  }

  /** Drops and wipes the entry of `keyId` (a MAC is synchronous, so none is in flight). */
  forget(keyId: string): void {
    const cached = this.#keys.get(keyId);
    if (cached === undefined) return;
    cached.key.destroy();
    this.#keys.delete(keyId);
  }
}
