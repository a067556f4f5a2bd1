/**
 * The key store contract: where the facade keeps keys, their aliases, tags and
 * grants. Implementations: `MemoryKeyStore` (here, every runtime) and
 * `FileKeyStore` (`wasmac/node`, durable on disk).
 *
 * A store holds whole key records and nothing else; the facade owns every rule
 * (key states, validation, resolution). Records are plain data so that a store
 * can persist them as JSON, except `material`, which is a {@link SecretBytes}
 * whose bytes only a store (to persist them) and the facade (to build the
 * engine's `HmacKey`) read, through {@link revealSecret}.
 *
 * Dates are epoch milliseconds (numbers) so that records survive JSON as-is.
 */
import { SecretBytes } from './secret.js';

export { SecretBytes };

/** One alias as stored with its target key. `AliasName` is `alias/<name>`. */
export interface StoredAlias {
  AliasName: string;
  CreationDate: number;
  LastUpdatedDate: number;
}

/** One grant as stored with its key. The token itself is never stored, only its SHA-256 (hex). */
export interface StoredGrant {
  GrantId: string;
  Name?: string;
  GranteePrincipal: string;
  RetiringPrincipal?: string;
  Operations: string[];
  CreationDate: number;
  IssuingAccount: string;
  /** hex SHA-256 of each grant token issued for this grant (CreateGrant with a Name may issue several). */
  TokenHashes: string[];
}

/** A key record. Field names follow the KMS `KeyMetadata` shape where one exists. */
export interface StoredKey {
  /** key ID: a UUID v4, or `mrk-` + 32 hex digits for a multi-Region key. */
  KeyId: string;
  AccountId: string;
  Region: string;
  Arn: string;
  CreationDate: number;
  Description: string;
  KeySpec: string;
  KeyUsage: string;
  /** `AWS_KMS` or `EXTERNAL`. */
  Origin: string;
  /** `Enabled`, `Disabled`, `PendingDeletion`, `PendingImport`, `Creating`, `Updating`, `Unavailable`, `PendingReplicaDeletion`. */
  KeyState: string;
  MultiRegion: boolean;
  /** Set while `KeyState` is `PendingDeletion`. */
  DeletionDate?: number;
  PendingWindowInDays?: number;
  /** EXTERNAL keys after import: `KEY_MATERIAL_EXPIRES` or `KEY_MATERIAL_DOES_NOT_EXPIRE`. */
  ExpirationModel?: string;
  /** EXTERNAL keys with `KEY_MATERIAL_EXPIRES`: when the material expires. */
  ValidTo?: number;
  /** The HMAC key material; absent for metadata-only keys and for EXTERNAL keys awaiting import. */
  material?: SecretBytes;
  /**
   * Import bookkeeping for EXTERNAL keys (GetParametersForImport / ImportKeyMaterial):
   * opaque JSON-safe data owned by the import code; stores persist it as-is.
   */
  importState?: Record<string, unknown>;
  aliases: StoredAlias[];
  tags: { TagKey: string; TagValue: string }[];
  grants: StoredGrant[];
}

/**
 * Where keys live. Every method is async so that a store may do I/O; every
 * `put` that resolves is durable for that store's idea of durability.
 * `get` and `list` return records the caller may not mutate in place: call
 * `put` with a changed copy.
 */
export interface KeyStore {
  get(keyId: string): Promise<StoredKey | undefined>;
  /**
   * Optional: `get` without a promise, for a store that needs no I/O to
   * answer (MemoryKeyStore). The facade's MAC operations use it when present,
   * which saves them every await; stores that do I/O leave it out.
   */
  getSync?(keyId: string): StoredKey | undefined;
  put(record: StoredKey): Promise<void>;
  delete(keyId: string): Promise<void>;
  list(): Promise<StoredKey[]>;
}

/**
 * A key store in memory: the default of `KMSClient`, in every runtime. `get`
 * and `list` hand out the stored records themselves (no copies, so the
 * facade's per-record caches hit); callers treat them as read-only and `put`
 * a changed copy, as the contract says.
 * @example
 * const store = new MemoryKeyStore();
 * const client = new KMSClient({ keyStore: store });
 */
export class MemoryKeyStore implements KeyStore {
  readonly #keys = new Map<string, StoredKey>();

  async get(keyId: string): Promise<StoredKey | undefined> {
    return this.#keys.get(keyId);
  }

  /** `get` without the promise; a subclass that overrides `get` overrides this too. */
  getSync(keyId: string): StoredKey | undefined {
    return this.#keys.get(keyId);
  }

  async put(record: StoredKey): Promise<void> {
    this.#keys.set(record.KeyId, record);
  }

  async delete(keyId: string): Promise<void> {
    this.#keys.delete(keyId);
  }

  async list(): Promise<StoredKey[]> {
    return [...this.#keys.values()];
  }
}
