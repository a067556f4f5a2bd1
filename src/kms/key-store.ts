/**
 * The key store contract: where the facade keeps keys, their aliases, tags and
 * grants. Implementations: `MemoryKeyStore` (here, every runtime),
 * `FileKeyStore` (`wasmac/node`, durable on disk, one process) and
 * `PostgresKeyStore` (`wasmac/node`, shared by many endpoints).
 *
 * A store holds whole key records and an alias index, and enforces exactly
 * two things: versions (every write names the version it replaces, so no
 * change is ever lost to a concurrent one) and alias ownership (an alias name
 * has at most one key per account and region). Every other rule (key states,
 * validation, resolution) is the facade's. Records are plain data so that a
 * store can persist them as JSON, except `material`, a {@link SecretBytes}
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
  /**
   * Multi-Region keys: the region where CreateKey made the key, on every
   * record of it (absent: the record's own region). Fixes each record's key
   * in the store, see {@link recordKey}.
   */
  HomeRegion?: string;
  /** Multi-Region keys: the region of the primary key (absent: this record is the primary). */
  PrimaryRegion?: string;
  /** A multi-Region primary key: the regions of its replicas, in the order they were made. */
  ReplicaRegions?: string[];
  /** The key policy as given (CreateKey, PutKeyPolicy, ReplicateKey); absent: AWS's default key policy. Not evaluated. */
  Policy?: string;
  aliases: StoredAlias[];
  tags: { TagKey: string; TagValue: string }[];
  grants: StoredGrant[];
}

/** A record with its version: a number that grows with every write to the store (store-wide, never reused). */
export interface VersionedKey {
  readonly record: StoredKey;
  readonly version: number;
}

/**
 * One write of a {@link Commit}: `record` replaces the key (or creates it, or
 * with `undefined` deletes it) only if the key's version is still `expected`
 * (0: the key must not exist).
 */
export interface KeyWrite {
  readonly keyId: string;
  readonly expected: number;
  readonly record: StoredKey | undefined;
}

/**
 * One alias-index step of a {@link Commit}: alias `name` of `account` in
 * `region` must belong to key `from` (`undefined`: must not exist), and then
 * belongs to `to` (`undefined`: deleted). `from === to` only checks.
 */
export interface AliasStep {
  readonly account: string;
  readonly region: string;
  readonly name: string;
  readonly from: string | undefined;
  readonly to: string | undefined;
}

/** An atomic change: every condition holds and every write is applied, or nothing is. */
export interface Commit {
  readonly writes: readonly KeyWrite[];
  /** Keys read but not written: their versions must still be these. */
  readonly checks: readonly { readonly keyId: string; readonly expected: number }[];
  readonly aliases: readonly AliasStep[];
}

/** What a commit did: the new version of each write (in order), or the first condition that failed. */
export type CommitResult =
  | { readonly ok: true; readonly versions: readonly number[] }
  | { readonly ok: false; readonly conflict: { readonly keyId: string } | { readonly alias: AliasStep } };

/**
 * A change the store made (its own commits, and for a shared store other
 * processes' too): the key's record at `version`, or `undefined` once deleted.
 */
export interface KeyChange {
  readonly keyId: string;
  readonly version: number;
  readonly record: StoredKey | undefined;
}

/**
 * Where keys live. Every method may do I/O; a commit that resolves
 * `{ ok: true }` is durable for that store's idea of durability, and its
 * changes reach every subscriber before the commit resolves (so a client of
 * the same store reads its own writes).
 *
 * Records handed out (scan, read, changes) are never mutated afterwards by
 * the store, and callers do not mutate them: a change is a commit of a
 * changed copy.
 *
 * Implementing it elsewhere: a commit is one transaction (PostgreSQL,
 * SQLite in a Durable Object) or one atomic operation with a check per key and
 * alias (Deno KV: `check` each versionstamp, `set`/`delete` the rest).
 */
export interface KeyStore {
  /**
   * Whether other processes may change this store. `false` (memory, file):
   * every change goes through this object, so the view built from `scan` and
   * `subscribe` is exact. `true` (PostgreSQL): the view may lag by the
   * change feed's delay, so management operations read through `read`.
   */
  readonly shared: boolean;
  /** Every record with its version. */
  scan(): Promise<VersionedKey[]>;
  /** One record as the store has it now. */
  read(keyId: string): Promise<VersionedKey | undefined>;
  /** The key ID alias `name` of `account` in `region` belongs to, as the store has it now. */
  readAlias(account: string, region: string, name: string): Promise<string | undefined>;
  /** Applies `commit` atomically (see {@link Commit}). */
  commit(commit: Commit): Promise<CommitResult>;
  /**
   * Calls `listener` with every change from now on, per key in version order,
   * and `onGap` when the feed may have missed changes (a shared store lost
   * its connection): a view is then stale until rebuilt from `scan`, which a
   * store answers only once its feed is back. Returns the function that stops both.
   */
  subscribe(listener: (change: KeyChange) => void, onGap?: () => void): () => void;
}

/**
 * The key of a record in the store. A multi-Region key has one record per
 * region under one key ID: the record in the region where CreateKey made it
 * is stored under the key ID, every other (a replica, or the primary after
 * UpdatePrimaryRegion moved it) under `<key ID>@<region>`. Every other key is
 * stored under its key ID.
 */
export function recordKey(record: StoredKey): string {
  return regionalKey(record.KeyId, record.Region, record.HomeRegion);
}

/** The store key of key `keyId` in `region` when its home region is `home` (see {@link recordKey}). */
export function regionalKey(keyId: string, region: string, home: string | undefined): string {
  return home === undefined || home === region ? keyId : `${keyId}@${region}`;
}

/** The alias-index key of alias `name` of `account` in `region`. */
export function aliasKey(account: string, region: string, name: string): string {
  return `${account}\u0000${region}\u0000${name}`;
}

/**
 * The first condition of `commit` that the maps of an in-memory store do not
 * meet, or undefined when all hold. Shared by the stores that keep
 * everything in memory (MemoryKeyStore, FileKeyStore).
 */
export function commitConflict(
  keys: ReadonlyMap<string, VersionedKey>,
  aliases: ReadonlyMap<string, string>,
  commit: Commit,
): { keyId: string } | { alias: AliasStep } | undefined {
  for (const w of commit.writes) if ((keys.get(w.keyId)?.version ?? 0) !== w.expected) return { keyId: w.keyId };
  for (const c of commit.checks) if ((keys.get(c.keyId)?.version ?? 0) !== c.expected) return { keyId: c.keyId };
  for (const a of commit.aliases) if (aliases.get(aliasKey(a.account, a.region, a.name)) !== a.from) return { alias: a };
  return undefined;
}

/** Applies a commit whose conditions hold (see {@link commitConflict}) to the maps; returns the changes to publish. */
export function applyCommit(keys: Map<string, VersionedKey>, aliases: Map<string, string>, commit: Commit, nextVersion: () => number): KeyChange[] {
  for (const a of commit.aliases) {
    const k = aliasKey(a.account, a.region, a.name);
    if (a.to === undefined) aliases.delete(k);
    else aliases.set(k, a.to);
  }
  const changes: KeyChange[] = [];
  for (const w of commit.writes) {
    const version = nextVersion();
    if (w.record === undefined) keys.delete(w.keyId);
    else keys.set(w.keyId, { record: w.record, version });
    changes.push({ keyId: w.keyId, version, record: w.record });
  }
  return changes;
}

/** The alias steps that turn `before`'s aliases into `after`'s (either may be absent). */
export function aliasSteps(before: StoredKey | undefined, after: StoredKey | undefined): AliasStep[] {
  const keyId = recordKey((after ?? before)!);
  const had = new Set(before?.aliases.map((a) => a.AliasName));
  const has = new Set(after?.aliases.map((a) => a.AliasName));
  const steps: AliasStep[] = [];
  const at = (after ?? before)!;
  for (const name of had) if (!has.has(name)) steps.push({ account: at.AccountId, region: at.Region, name, from: keyId, to: undefined });
  for (const name of has) if (!had.has(name)) steps.push({ account: at.AccountId, region: at.Region, name, from: undefined, to: keyId });
  return steps;
}

/**
 * A key store in memory: the default of `KMSClient`, in every runtime.
 * Changes reach subscribers synchronously, inside `commit`.
 *
 * `get` and `list` are conveniences for tests and tools.
 * @example
 * const store = new MemoryKeyStore();
 * const client = new KMSClient({ keyStore: store });
 */
export class MemoryKeyStore implements KeyStore {
  readonly shared = false;
  readonly #keys = new Map<string, VersionedKey>();
  readonly #aliases = new Map<string, string>();
  readonly #listeners = new Set<(change: KeyChange) => void>();
  #version = 0;

  async scan(): Promise<VersionedKey[]> {
    return [...this.#keys.values()];
  }

  async read(keyId: string): Promise<VersionedKey | undefined> {
    return this.#keys.get(keyId);
  }

  async readAlias(account: string, region: string, name: string): Promise<string | undefined> {
    return this.#aliases.get(aliasKey(account, region, name));
  }

  async commit(commit: Commit): Promise<CommitResult> {
    const conflict = commitConflict(this.#keys, this.#aliases, commit);
    if (conflict !== undefined) return { ok: false, conflict };
    const changes = applyCommit(this.#keys, this.#aliases, commit, () => ++this.#version);
    for (const change of changes) for (const listener of this.#listeners) listener(change);
    return { ok: true, versions: changes.map((c) => c.version) };
  }

  subscribe(listener: (change: KeyChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The record of `keyId` (test and tool convenience). */
  async get(keyId: string): Promise<StoredKey | undefined> {
    return this.#keys.get(keyId)?.record;
  }

  /** Every record (test and tool convenience). */
  async list(): Promise<StoredKey[]> {
    return [...this.#keys.values()].map((v) => v.record);
  }
}
