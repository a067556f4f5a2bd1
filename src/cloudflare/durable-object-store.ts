/**
 * `DurableObjectKeyStore`: the {@link KeyStore} contract on a Durable
 * Object's SQLite storage (Cloudflare Workers, workerd).
 *
 * ```
 * wasmac_meta(name PRIMARY KEY, value)      schema = 1, version = last version given out
 * wasmac_keys(key_id PRIMARY KEY, version, record)   record: JSON, material sealed
 * wasmac_aliases(account, region, name, key_id)      PRIMARY KEY (account, region, name)
 * ```
 *
 * Every commit is one `transactionSync`: its conditions (each key's version,
 * each alias's owner) are read and its writes made in one SQLite
 * transaction, so it is all or nothing, and the alias index's primary key
 * makes two owners of one alias impossible even for a buggy caller. The
 * object runs one request's synchronous code at a time, and the storage's
 * output gate holds every response until the writes it depends on are on
 * disk: a commit that resolved `{ ok: true }` is durable.
 *
 * The store is meant to be used by the one object that owns the storage (see
 * `KmsDurableObject`): it is the only writer, so `shared` is false and the
 * facade's view of it is exact.
 *
 * Material is sealed with AES-256-GCM under a master key from a secret
 * binding, and every record authenticated (see `sealed-record.ts`: the file
 * store's rules). The master key is required: a Worker has no reason to keep
 * material readable by whoever can read its storage.
 */
import { type AliasStep, type Commit, type CommitResult, type KeyChange, type KeyStore, type VersionedKey } from '../kms/key-store.js';
import { ConfigError } from '../kms/config-error.js';
import { checkStoredSize, EdgeStoreError, MaterialSealer, type SealedRecord } from '../kms/sealed-record.js';

/** What the store uses of `ctx.storage.sql` (workerd's `SqlStorage`). */
export interface SqlStorageLike {
  exec(query: string, ...bindings: (string | number | null)[]): { toArray(): Record<string, unknown>[] };
}

/** What the store uses of a Durable Object's `ctx.storage` (an object whose class has `enableSql` / `new_sqlite_classes`). */
export interface DurableObjectStorageLike {
  readonly sql: SqlStorageLike;
  transactionSync<T>(fn: () => T): T;
}

/** Options of {@link DurableObjectKeyStore}. */
export interface DurableObjectKeyStoreOptions {
  /** 32 bytes (see `parseMasterKey`): seals material at rest. Required. */
  masterKey: Uint8Array;
}

/** Associated data of sealed material: records move between objects of this format only. */
const FORMAT = 'wasmac-do/1';
/** A Durable Object's SQLite row or string is at most 2 MB. */
const MAX_RECORD_BYTES = 2_000_000;
const SCHEMA = '1';

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS wasmac_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS wasmac_keys (key_id TEXT PRIMARY KEY, version INTEGER NOT NULL, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS wasmac_aliases (account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL, key_id TEXT NOT NULL,
  PRIMARY KEY (account, region, name));
INSERT OR IGNORE INTO wasmac_meta (name, value) VALUES ('schema', '${SCHEMA}'), ('version', '0');
`;

/** The first condition of a commit that does not hold, read in the transaction. */
type Conflict = { keyId: string } | { alias: AliasStep };

/**
 * A key store in a Durable Object's SQLite storage.
 * @example
 * // in a Durable Object class (wrangler.toml: new_sqlite_classes)
 * const store = new DurableObjectKeyStore(ctx.storage, { masterKey: parseMasterKey(env.KMS_MASTER_KEY, 'KMS_MASTER_KEY') });
 * const client = new KMSClient({ region: 'us-east-1', accountId: '111122223333', keyStore: store });
 */
export class DurableObjectKeyStore implements KeyStore {
  readonly shared = false;
  readonly #storage: DurableObjectStorageLike;
  readonly #sql: SqlStorageLike;
  readonly #sealer: MaterialSealer;
  readonly #listeners = new Set<(change: KeyChange) => void>();

  /** Creates the tables on first use; refuses storage written by a newer schema. */
  constructor(storage: DurableObjectStorageLike, options: DurableObjectKeyStoreOptions) {
    if (options?.masterKey === undefined) throw new ConfigError('DurableObjectKeyStore needs a master key (32 bytes; see parseMasterKey)');
    this.#storage = storage;
    this.#sql = storage.sql;
    this.#sealer = new MaterialSealer(options.masterKey, FORMAT);
    storage.transactionSync(() => this.#sql.exec(SCHEMA_SQL));
    const schema = this.#meta('schema');
    if (schema !== SCHEMA) throw new EdgeStoreError(`this Durable Object's key store has schema ${schema}; this wasmac reads schema ${SCHEMA}`);
  }

  #meta(name: string): string | undefined {
    const row = this.#sql.exec('SELECT value FROM wasmac_meta WHERE name = ?', name).toArray()[0];
    return row === undefined ? undefined : String(row['value']);
  }

  #open(row: Record<string, unknown>): Promise<VersionedKey> {
    return this.#sealer.open(JSON.parse(String(row['record'])) as SealedRecord, String(row['key_id'])).then((record) => ({ record, version: Number(row['version']) }));
  }

  async scan(): Promise<VersionedKey[]> {
    const rows = this.#sql.exec('SELECT key_id, version, record FROM wasmac_keys ORDER BY key_id').toArray();
    return Promise.all(rows.map((row) => this.#open(row)));
  }

  async read(keyId: string): Promise<VersionedKey | undefined> {
    const row = this.#sql.exec('SELECT key_id, version, record FROM wasmac_keys WHERE key_id = ?', keyId).toArray()[0];
    return row === undefined ? undefined : this.#open(row);
  }

  async readAlias(account: string, region: string, name: string): Promise<string | undefined> {
    const row = this.#sql.exec('SELECT key_id FROM wasmac_aliases WHERE account = ? AND region = ? AND name = ?', account, region, name).toArray()[0];
    return row === undefined ? undefined : String(row['key_id']);
  }

  /**
   * Applies `commit` in one SQLite transaction. Material is sealed before the
   * transaction (WebCrypto is asynchronous), and only for records whose
   * material this store has not sealed already, so most commits run without
   * an await between reading their conditions and writing.
   */
  async commit(commit: Commit): Promise<CommitResult> {
    const texts: (string | undefined)[] = [];
    for (const w of commit.writes) {
      if (w.record === undefined) {
        texts.push(undefined);
        continue;
      }
      const text = JSON.stringify(this.#sealer.sealKnown(w.record) ?? (await this.#sealer.seal(w.record)));
      checkStoredSize(text, MAX_RECORD_BYTES, w.record, "a Durable Object's SQLite row");
      texts.push(text);
    }
    const outcome = this.#storage.transactionSync((): { conflict: Conflict } | { changes: KeyChange[] } => {
      const conflict = this.#conflict(commit);
      if (conflict !== undefined) return { conflict };
      for (const a of commit.aliases) {
        if (a.to === undefined) this.#sql.exec('DELETE FROM wasmac_aliases WHERE account = ? AND region = ? AND name = ?', a.account, a.region, a.name);
        else if (a.to !== a.from) {
          this.#sql.exec('INSERT OR REPLACE INTO wasmac_aliases (account, region, name, key_id) VALUES (?, ?, ?, ?)', a.account, a.region, a.name, a.to);
        }
      }
      let version = Number(this.#meta('version'));
      const changes: KeyChange[] = [];
      commit.writes.forEach((w, i) => {
        version++;
        const text = texts[i];
        if (text === undefined) this.#sql.exec('DELETE FROM wasmac_keys WHERE key_id = ?', w.keyId);
        else this.#sql.exec('INSERT OR REPLACE INTO wasmac_keys (key_id, version, record) VALUES (?, ?, ?)', w.keyId, version, text);
        changes.push({ keyId: w.keyId, version, record: w.record });
      });
      this.#sql.exec("UPDATE wasmac_meta SET value = ? WHERE name = 'version'", String(version));
      return { changes };
    });
    if ('conflict' in outcome) return { ok: false, conflict: outcome.conflict };
    for (const change of outcome.changes) for (const listener of this.#listeners) listener(change);
    return { ok: true, versions: outcome.changes.map((c) => c.version) };
  }

  #version(keyId: string): number {
    const row = this.#sql.exec('SELECT version FROM wasmac_keys WHERE key_id = ?', keyId).toArray()[0];
    return row === undefined ? 0 : Number(row['version']);
  }

  #conflict(commit: Commit): Conflict | undefined {
    for (const w of commit.writes) if (this.#version(w.keyId) !== w.expected) return { keyId: w.keyId };
    for (const c of commit.checks) if (this.#version(c.keyId) !== c.expected) return { keyId: c.keyId };
    for (const a of commit.aliases) {
      const row = this.#sql.exec('SELECT key_id FROM wasmac_aliases WHERE account = ? AND region = ? AND name = ?', a.account, a.region, a.name).toArray()[0];
      if ((row === undefined ? undefined : String(row['key_id'])) !== a.from) return { alias: a };
    }
    return undefined;
  }

  subscribe(listener: (change: KeyChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
