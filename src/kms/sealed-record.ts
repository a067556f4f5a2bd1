/**
 * Key records at rest, in any runtime: a {@link StoredKey} as JSON with its
 * material sealed under a master key, for the stores that keep records in
 * someone else's storage (a Durable Object's SQLite, Deno KV).
 *
 * The rules are the file store's (`wasmac/node`): the master key is 32 bytes,
 * given as 64 hex digits or 44 base64 characters; material is AES-256-GCM
 * through WebCrypto with a fresh 96-bit IV per sealing, and the store's format
 * name and the KeyId as associated data, so sealed material moved to another
 * key (or another store format) does not open; and every record carries an
 * HMAC-SHA256 under a key derived from the master key (HKDF, never the AES
 * key itself), so a record changed or planted by whoever can write the
 * storage is refused. A record that does not open stops the read with an
 * error naming the key, never the bytes.
 */
import { fromBase64, fromHex, hmac, timingSafeEqual, toBase64, toHex } from '../engine/index.js';
import { ConfigError } from './config-error.js';
import { LimitExceededException } from './errors.js';
import { recordKey, type StoredKey } from './key-store.js';
import { revealSecret, SecretBytes } from './secret.js';

/** Material as stored: AES-256-GCM ciphertext (with its tag) and IV, base64. */
export interface SealedMaterial {
  encoding: 'aes-256-gcm';
  iv: string;
  data: string;
}

/** A record as stored: everything but the material as JSON, the material sealed, and the record's MAC (hex). */
export type SealedRecord = Omit<StoredKey, 'material'> & { material?: SealedMaterial; mac: string };

/**
 * HKDF-SHA256 (RFC 5869) of `ikm` with an empty salt, 32 bytes: one block of
 * expand, so `T(1) = HMAC(PRK, info || 0x01)`.
 */
function hkdf32(ikm: Uint8Array, info: string): Uint8Array {
  const prk = hmac('sha256', new Uint8Array(32), ikm);
  const infoBytes = new TextEncoder().encode(info);
  const block = new Uint8Array(infoBytes.length + 1);
  block.set(infoBytes);
  block[infoBytes.length] = 1;
  return hmac('sha256', prk, block);
}

/** Stored data that cannot be used (a record that does not open); the message names the key, never a secret. */
export class EdgeStoreError extends Error {
  override readonly name = 'EdgeStoreError';
}

/**
 * A 32-byte master key from text: 64 hex digits or base64 of 32 bytes (e.g.
 * `openssl rand -base64 32`). The {@link ConfigError} names `source`, never the value.
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
  throw new ConfigError(`${source} ${what} 32 bytes as 64 hex digits or 44 base64 characters (try: openssl rand -base64 32)`);
}

/**
 * Seals and opens material under one master key, for one store format.
 * `format` goes into the associated data with the KeyId.
 */
export class MaterialSealer {
  readonly #key: Promise<CryptoKey>;
  readonly #macKey: Uint8Array;
  readonly #format: string;
  /**
   * What this sealer last sealed or opened, per secret: a record rewritten
   * without a new material (a tag, a state change) keeps its sealed bytes, so
   * most writes need no encryption (and no await).
   */
  readonly #sealed = new WeakMap<SecretBytes, { keyId: string; sealed: SealedMaterial }>();

  constructor(masterKey: Uint8Array, format: string) {
    if (!(masterKey instanceof Uint8Array) || masterKey.length !== 32) throw new ConfigError('the master key must be 32 bytes');
    this.#format = format;
    this.#macKey = hkdf32(masterKey, `wasmac ${format} record authentication v1`);
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

  /** The MAC of a stored record (everything but `mac`), bound to the format. */
  #mac(unsigned: Omit<SealedRecord, 'mac'>): string {
    return toHex(hmac('sha256', this.#macKey, `${this.#format}\n${JSON.stringify(unsigned)}`));
  }

  #signed(unsigned: Omit<SealedRecord, 'mac'>): SealedRecord {
    return { ...unsigned, mac: this.#mac(unsigned) };
  }

  /** `record` as stored (see {@link SealedRecord}). */
  async seal(record: StoredKey): Promise<SealedRecord> {
    const { material, ...rest } = record;
    if (material === undefined) return this.#signed(rest);
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
    return this.#signed({ ...rest, material: sealed });
  }

  /** `record` as stored, when no encryption is needed (no material, or material this sealer has sealed); else undefined. */
  sealKnown(record: StoredKey): SealedRecord | undefined {
    const { material, ...rest } = record;
    if (material === undefined) return this.#signed(rest);
    const sealed = this.known(record);
    return sealed === undefined ? undefined : this.#signed({ ...rest, material: sealed });
  }

  /**
   * The record of a stored one, stored under `keyId`. Throws an
   * {@link EdgeStoreError} naming the key when the record is not
   * authenticated under the master key or its material does not open.
   */
  async open(stored: SealedRecord, keyId: string): Promise<StoredKey> {
    const { mac, ...unsigned } = stored;
    if (typeof mac !== 'string' || !timingSafeEqual(fromHexSafe(mac), fromHex(this.#mac(unsigned)))) {
      throw new EdgeStoreError(`key ${keyId}: its record is not authenticated under the master key (a different master key, or the record was changed)`);
    }
    // Bound to the store key: a multi-Region key's record outside its home region is `<key ID>@<region>` (recordKey).
    if (recordKey(stored as unknown as StoredKey) !== keyId) throw new EdgeStoreError(`key ${keyId}: the record stored there is key ${JSON.stringify(stored.KeyId)}`);
    const { material, ...rest } = unsigned;
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

/** Bytes of a hex MAC as stored, or none when it is not hex (then it does not match). */
function fromHexSafe(text: string): Uint8Array {
  return /^(?:[0-9a-f]{2})*$/.test(text) ? fromHex(text) : new Uint8Array(0);
}

/**
 * `text` (a record as stored) as UTF-8 bytes, refused with a
 * LimitExceededException when it passes the storage's value limit (Deno KV:
 * 64 KiB; a Durable Object's SQLite row: 2 MB), so that a key with very many
 * grants or tags gets a KMS answer instead of a storage failure. KMS's own
 * quotas (50,000 grants per key) are larger than these.
 */
export function checkStoredSize(text: string, limit: number, record: { Arn: string }, where: string): void {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > limit) throw new LimitExceededException(`${record.Arn} cannot be changed: its record would be ${bytes} bytes, more than ${where} holds (${limit}).`);
}
