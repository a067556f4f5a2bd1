/**
 * Key records at rest, in any runtime: a {@link StoredKey} as JSON with its
 * material sealed under a master key, for the stores that keep records in
 * someone else's storage (a Durable Object's SQLite, Deno KV).
 *
 * The rules are the file store's (`wasmac/node`): the master key is 32 bytes,
 * given as 64 hex digits or 44 base64 characters; material is AES-256-GCM
 * through WebCrypto with a fresh 96-bit IV per sealing, and the store's format
 * name and the KeyId as associated data, so sealed material moved to another
 * key (or another store format) does not open. A record whose material does
 * not open stops the read with an error naming the key, never the bytes.
 */
import { fromBase64, fromHex, toBase64 } from '../engine/index.js';
import type { StoredKey } from './key-store.js';
import { revealSecret, SecretBytes } from './secret.js';

/** Material as stored: AES-256-GCM ciphertext (with its tag) and IV, base64. */
export interface SealedMaterial {
  encoding: 'aes-256-gcm';
  iv: string;
  data: string;
}

/** A record as stored: everything but the material as JSON, the material sealed. */
export type SealedRecord = Omit<StoredKey, 'material'> & { material?: SealedMaterial };

/** A store's configuration or data that cannot be used; the message names what to fix and never holds a secret. */
export class EdgeStoreError extends Error {
  override readonly name = 'EdgeStoreError';
}

/**
 * A 32-byte master key from text: 64 hex digits or base64 of 32 bytes (e.g.
 * `openssl rand -base64 32`). The error names `source`, never the value.
 * @example
 * const masterKey = parseMasterKey(env.KMS_MASTER_KEY, 'KMS_MASTER_KEY');
 */
export function parseMasterKey(text: unknown, source = 'the master key'): Uint8Array {
  const t = typeof text === 'string' ? text.trim() : '';
  if (/^[0-9a-fA-F]{64}$/.test(t)) return fromHex(t.toLowerCase());
  if (/^[A-Za-z0-9+/]{43}=$/.test(t)) {
    try {
      return fromBase64(t);
    } catch {
      // non-zero trailing bits: not the base64 of 32 bytes; refused below
    }
  }
  const what = typeof text === 'string' ? 'is not' : 'is missing: it must be';
  throw new EdgeStoreError(`${source} ${what} 32 bytes as 64 hex digits or 44 base64 characters (try: openssl rand -base64 32)`);
}

/**
 * Seals and opens material under one master key, for one store format.
 * `format` goes into the associated data with the KeyId.
 */
export class MaterialSealer {
  readonly #key: Promise<CryptoKey>;
  readonly #format: string;
  /**
   * What this sealer last sealed or opened, per secret: a record rewritten
   * without a new material (a tag, a state change) keeps its sealed bytes, so
   * most writes need no encryption (and no await).
   */
  readonly #sealed = new WeakMap<SecretBytes, { keyId: string; sealed: SealedMaterial }>();

  constructor(masterKey: Uint8Array, format: string) {
    if (!(masterKey instanceof Uint8Array) || masterKey.length !== 32) throw new EdgeStoreError('the master key must be 32 bytes');
    this.#format = format;
    this.#key = crypto.subtle.importKey('raw', Uint8Array.from(masterKey), 'AES-GCM', false, ['encrypt', 'decrypt']);
  }

  #aad(keyId: string): Uint8Array<ArrayBuffer> {
    return new TextEncoder().encode(`${this.#format}:${keyId}`);
  }

  /** The sealed form of `record`'s material without encrypting, when this sealer already has it; else undefined. */
  known(record: StoredKey): SealedMaterial | undefined {
    if (record.material === undefined) return undefined;
    const hit = this.#sealed.get(record.material);
    return hit !== undefined && hit.keyId === record.KeyId ? hit.sealed : undefined;
  }

  /** `record` as stored (see {@link SealedRecord}). */
  async seal(record: StoredKey): Promise<SealedRecord> {
    const { material, ...rest } = record;
    if (material === undefined) return rest;
    let sealed = this.known(record);
    if (sealed === undefined) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const plain = Uint8Array.from(revealSecret(material));
      try {
        const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: this.#aad(record.KeyId) }, await this.#key, plain);
        sealed = { encoding: 'aes-256-gcm', iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
      } finally {
        plain.fill(0);
      }
      this.#sealed.set(material, { keyId: record.KeyId, sealed });
    }
    return { ...rest, material: sealed };
  }

  /** `record` as stored, when no encryption is needed (no material, or material this sealer has sealed); else undefined. */
  sealKnown(record: StoredKey): SealedRecord | undefined {
    const { material, ...rest } = record;
    if (material === undefined) return rest;
    const sealed = this.known(record);
    return sealed === undefined ? undefined : { ...rest, material: sealed };
  }

  /** The record of a stored one; throws an {@link EdgeStoreError} naming the key when its material does not open. */
  async open(stored: SealedRecord): Promise<StoredKey> {
    const { material, ...rest } = stored;
    const record: StoredKey = rest;
    if (material === undefined) return record;
    if (material.encoding !== 'aes-256-gcm') throw new EdgeStoreError(`key ${stored.KeyId}: unknown material encoding ${JSON.stringify(material.encoding)}`);
    let plain: Uint8Array;
    try {
      plain = new Uint8Array(
        await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: Uint8Array.from(fromBase64(material.iv)), additionalData: this.#aad(stored.KeyId) },
          await this.#key,
          Uint8Array.from(fromBase64(material.data)),
        ),
      );
    } catch {
      throw new EdgeStoreError(`key ${stored.KeyId}: its material does not decrypt (a different master key, or the record was changed)`);
    }
    const secret = new SecretBytes(plain);
    plain.fill(0);
    this.#sealed.set(secret, { keyId: stored.KeyId, sealed: material });
    record.material = secret;
    return record;
  }
}
