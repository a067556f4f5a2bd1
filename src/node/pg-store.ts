/**
 * `PostgresKeyStore`: the {@link KeyStore} that several endpoints (processes,
 * machines, `wasmac serve --workers N`) share, on PostgreSQL through `pg`.
 *
 * ```
 * wasmac_schema   (version int)                           the schema's version; migrations run on open
 * wasmac_keys     (key_id text PK, version bigint,        one row per key: the record as JSON text
 *                  record text)                            (sealed and authenticated under a master key)
 * wasmac_aliases  (account, region, name) PK -> key_id    the alias index: unique per account and region
 * wasmac_version  sequence                                versions, store-wide and increasing
 * ```
 *
 * A commit is one transaction: each key write is an `UPDATE ... WHERE
 * version = $expected` (an `INSERT ... ON CONFLICT DO NOTHING` for a new key),
 * each alias step an insert, update or delete conditioned on the owner, so a
 * lost race changes no row and the transaction rolls back as a conflict.
 * Rows are touched in a fixed order (keys, then aliases, each sorted), so two
 * commits do not deadlock; PostgreSQL's deadlock and serialization aborts
 * are reported as conflicts too.
 *
 * Every commit sends `NOTIFY wasmac_keys, '<keyId> <version>'` per key; each
 * store LISTENs on its own connection, re-reads the keys named (in batches)
 * and passes the records to its subscribers. The listening connection is
 * checked every {@link HEARTBEAT_MS}: when it is lost, subscribers are told of
 * the gap (their views reload before they are trusted again), and it
 * reconnects with the next scan. So another endpoint sees a change within the
 * notification delay, and never trusts a view older than the heartbeat bound.
 *
 * Records at rest follow the file store's rules: material in plain base64
 * unless a master key is given; with one, material is AES-256-GCM (a fresh IV,
 * the key ID bound in) and every record is authenticated (HMAC-SHA256 under a
 * key derived from the master key), so a row changed or planted by whoever can
 * write the database is refused by name ({@link MaterialSealer}). A store is
 * sealed whole or not at all: a sealed row without the master key, or a plain
 * row with it, is refused.
 */
import type { Pool, PoolClient } from 'pg';
import { DependencyTimeoutException } from '../kms/errors.js';
import { recordKey, type Commit, type CommitResult, type KeyChange, type KeyStore, type StoredKey, type VersionedKey } from '../kms/key-store.js';
import { MaterialSealer, type SealedRecord } from '../kms/sealed-record.js';
import { SecretBytes, revealSecret } from '../kms/secret.js';
import { KeyStoreError } from './errors.js';

/** How often the listening connection is checked (and the bound on a silent loss of it). */
export const HEARTBEAT_MS = 500;
/** How long a connection attempt or a query may take before the request fails. */
const CONNECT_TIMEOUT_MS = 2000;
const QUERY_TIMEOUT_MS = 5000;
const CHANNEL = 'wasmac_keys';
const FORMAT = 'wasmac-pg/1';

/** Options of {@link PostgresKeyStore.open}. */
export interface PostgresKeyStoreOptions {
  /** 32 bytes: encrypts material at rest with AES-256-GCM (as the file store). */
  masterKey?: Uint8Array;
  /** Connections in the pool (default 10), besides the listening one. */
  poolSize?: number;
}

/** A row's record without a master key: the record, its material in base64. */
type PlainRecord = Omit<StoredKey, 'material'> & { material?: { encoding: 'base64'; data: string } };

interface Row {
  key_id: string;
  version: string;
  record: string;
}

/**
 * The migrations, in order: `MIGRATIONS[n]` takes the schema from version n
 * to n + 1, each in one transaction.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE SEQUENCE wasmac_version;
   CREATE TABLE wasmac_keys (
     key_id  text PRIMARY KEY,
     version bigint NOT NULL,
     record  text NOT NULL
   );
   CREATE TABLE wasmac_aliases (
     account text NOT NULL,
     region  text NOT NULL,
     name    text NOT NULL,
     key_id  text NOT NULL,
     PRIMARY KEY (account, region, name)
   );
   CREATE INDEX wasmac_aliases_key ON wasmac_aliases (key_id);`,
];

/** Errors that mean the database could not be reached (or did not answer in time). */
function unreachable(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  if (typeof e?.code === 'string' && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EHOSTUNREACH|57P0[1-3]|08\w{3})$/.test(e.code)) return true;
  return /timeout|terminated|Connection ended|not queryable|ECONNREFUSED/i.test(e?.message ?? '');
}

function dependency(): DependencyTimeoutException {
  return new DependencyTimeoutException('The key store (PostgreSQL) did not answer in time. Retry the request.');
}

/** Runs a store operation, turning a lost or slow database into DependencyTimeoutException (503, retried by the SDKs). */
async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (unreachable(err)) throw Object.assign(dependency(), { cause: err });
    throw err;
  }
}

/** `postgres://user:secret@host/db` (any scheme) with the password hidden, for messages. */
export function redactUrl(url: string): string {
  // pg also reads `password` (and `sslpassword`) from the query.
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^/]*@/i, '$1:***@').replace(/([?&](?:ssl)?password=)[^&#]*/gi, '$1***');
}

/**
 * A key store on PostgreSQL.
 * @example
 * const store = await PostgresKeyStore.open('postgres://wasmac@127.0.0.1:5432/kms');
 * const client = new KMSClient({ keyStore: store });
 * // ... later
 * await store.close();
 */
export class PostgresKeyStore implements KeyStore {
  readonly shared = true;
  readonly url: string;
  readonly #pool: Pool;
  readonly #connect: () => Promise<PoolClient>;
  readonly #sealer: MaterialSealer | undefined;
  readonly #listeners = new Set<{ change: (c: KeyChange) => void; gap?: (() => void) | undefined }>();
  /** key ID -> the newest version published to subscribers (notifications at or below it need no read). */
  readonly #published = new Map<string, number>();
  #listener: PoolClient | undefined;
  #listening: Promise<void> | undefined;
  #heartbeat: ReturnType<typeof setInterval> | undefined;
  #pending = new Map<string, number>();
  #draining: Promise<void> | undefined;
  #closed = false;

  private constructor(url: string, pool: Pool, sealer: MaterialSealer | undefined) {
    this.url = url;
    this.#pool = pool;
    this.#connect = () => pool.connect();
    this.#sealer = sealer;
  }

  /**
   * Connects, creates or migrates the schema, and starts listening. Throws a
   * {@link KeyStoreError} naming the URL (without its password) when the
   * database cannot be reached or its schema is newer than this version knows.
   */
  static async open(url: string, options: PostgresKeyStoreOptions = {}): Promise<PostgresKeyStore> {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new KeyStoreError(`not a PostgreSQL URL: ${redactUrl(url)} (expected postgres://user@host:port/database)`);
    if (options.masterKey !== undefined && options.masterKey.length !== 32) throw new KeyStoreError('the master key must be 32 bytes');
    const sealer = options.masterKey === undefined ? undefined : new MaterialSealer(options.masterKey, FORMAT);
    // Loaded here, not at import: wasmac/node without PostgreSQL never loads pg.
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
      idleTimeoutMillis: 10_000,
    });
    // An idle connection that dies is replaced on next use; it must not crash the process.
    pool.on('error', () => undefined);
    const store = new PostgresKeyStore(url, pool, sealer);
    try {
      await store.#migrate();
      await store.#listen();
    } catch (err) {
      await store.close();
      if (err instanceof KeyStoreError) throw err;
      const e = err as { code?: string; message?: string };
      throw new KeyStoreError(`cannot use the PostgreSQL key store at ${redactUrl(url)}: ${e?.code ?? ''}${e?.code ? ' ' : ''}${e?.message ?? String(err)}`);
    }
    return store;
  }

  async #migrate(): Promise<void> {
    const client = await this.#connect();
    try {
      // One migrator at a time (several endpoints may start together).
      await client.query('SELECT pg_advisory_lock(74519011)');
      try {
        await client.query('CREATE TABLE IF NOT EXISTS wasmac_schema (version integer NOT NULL)');
        const { rows } = await client.query<{ version: number }>('SELECT version FROM wasmac_schema');
        let version = rows[0]?.version ?? 0;
        if (rows.length === 0) await client.query('INSERT INTO wasmac_schema (version) VALUES (0)');
        if (version > MIGRATIONS.length) {
          throw new KeyStoreError(`the PostgreSQL key store at ${redactUrl(this.url)} has schema version ${version}; this wasmac knows up to ${MIGRATIONS.length}. Upgrade wasmac.`);
        }
        for (; version < MIGRATIONS.length; version++) {
          await client.query('BEGIN');
          try {
            await client.query(MIGRATIONS[version]!);
            await client.query('UPDATE wasmac_schema SET version = $1', [version + 1]);
            await client.query('COMMIT');
          } catch (err) {
            await client.query('ROLLBACK').catch(() => undefined);
            throw err;
          }
        }
      } finally {
        await client.query('SELECT pg_advisory_unlock(74519011)').catch(() => undefined);
      }
    } finally {
      client.release();
    }
  }

  /** Starts (or restarts) the listening connection and its heartbeat. */
  #listen(): Promise<void> {
    this.#listening ??= (async () => {
      const client = await this.#connect();
      const lost = () => {
        if (this.#listener !== client) return;
        this.#listener = undefined;
        this.#listening = undefined;
        clearInterval(this.#heartbeat);
        client.release(true);
        for (const l of this.#listeners) l.gap?.();
      };
      client.on('error', lost);
      client.on('end', lost);
      client.on('notification', (n) => {
        if (n.channel === CHANNEL && n.payload !== undefined) this.#notified(n.payload);
      });
      try {
        await client.query(`LISTEN ${CHANNEL}`);
      } catch (err) {
        client.release(true);
        throw err;
      }
      this.#listener = client;
      let beating = false;
      this.#heartbeat = setInterval(() => {
        if (beating) return lost();
        beating = true;
        client.query('SELECT 1').then(
          () => (beating = false),
          () => lost(),
        );
      }, HEARTBEAT_MS);
      this.#heartbeat.unref?.();
    })().catch((err: unknown) => {
      this.#listening = undefined;
      throw err;
    });
    return this.#listening;
  }

  /** A notification `<keyId> <version>`: queue the key for a batched re-read unless it is known already. */
  #notified(payload: string): void {
    const [keyId, v] = payload.split(' ');
    const version = Number(v);
    if (keyId === undefined || !Number.isFinite(version)) return;
    if ((this.#published.get(keyId) ?? 0) >= version) return;
    this.#pending.set(keyId, Math.max(version, this.#pending.get(keyId) ?? 0));
    // A row that does not open (changed in the database) must not end the process: the
    // views reload, and the reload's error names the key to every caller.
    this.#draining ??= this.#drain()
      .catch(() => this.#gap())
      .finally(() => (this.#draining = undefined));
  }

  async #drain(): Promise<void> {
    while (this.#pending.size > 0 && !this.#closed) {
      const batch = new Map(this.#pending);
      this.#pending.clear();
      let rows: Row[];
      try {
        ({ rows } = await this.#pool.query('SELECT key_id, version, record FROM wasmac_keys WHERE key_id = ANY($1)', [[...batch.keys()]]));
      } catch {
        // The database went away between the notification and the read: the views must reload.
        this.#gap();
        return;
      }
      const found = new Set<string>();
      for (const row of rows) {
        found.add(row.key_id);
        let record: StoredKey | undefined;
        try {
          record = await this.#toRecord(row);
        } catch {
          // A row this store cannot open (sealed under another master key, or
          // altered): not a crash of this process, and not an older version
          // served in its place; the key leaves this view (a read of it fails).
          record = undefined;
        }
        this.#publish({ keyId: row.key_id, version: Number(row.version), record });
      }
      for (const [keyId, version] of batch) if (!found.has(keyId)) this.#publish({ keyId, version, record: undefined });
    }
  }

  /** Tells every subscriber that the feed may have missed changes. */
  #gap(): void {
    for (const l of this.#listeners) l.gap?.();
  }

  #publish(change: KeyChange): void {
    if ((this.#published.get(change.keyId) ?? 0) >= change.version) return;
    this.#published.set(change.keyId, change.version);
    for (const l of this.#listeners) l.change(change);
  }

  async scan(): Promise<VersionedKey[]> {
    return guarded(async () => {
      await this.#listen();
      const { rows } = await this.#pool.query<Row>('SELECT key_id, version, record FROM wasmac_keys');
      const out: VersionedKey[] = [];
      for (const row of rows) {
        const version = Number(row.version);
        if (version > (this.#published.get(row.key_id) ?? 0)) this.#published.set(row.key_id, version);
        out.push({ record: await this.#toRecord(row), version });
      }
      return out;
    });
  }

  async read(keyId: string): Promise<VersionedKey | undefined> {
    return guarded(async () => {
      const { rows } = await this.#pool.query<Row>('SELECT key_id, version, record FROM wasmac_keys WHERE key_id = $1', [keyId]);
      const row = rows[0];
      return row === undefined ? undefined : { record: await this.#toRecord(row), version: Number(row.version) };
    });
  }

  async readAlias(account: string, region: string, name: string): Promise<string | undefined> {
    return guarded(async () => {
      const { rows } = await this.#pool.query<{ key_id: string }>('SELECT key_id FROM wasmac_aliases WHERE account = $1 AND region = $2 AND name = $3', [account, region, name]);
      return rows[0]?.key_id;
    });
  }

  async commit(commit: Commit): Promise<CommitResult> {
    // Serialised before the transaction: material sealing is async and needs no connection.
    const rows = await Promise.all(commit.writes.map(async (w) => (w.record === undefined ? undefined : await this.#toRow(w.record))));
    return guarded(async () => {
      const client = await this.#connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const outcome = await this.#apply(client, commit, rows);
        if (!outcome.ok) {
          await client.query('ROLLBACK');
          return outcome;
        }
        await client.query('COMMIT');
        const changes = commit.writes.map((w, i) => ({ keyId: w.keyId, version: outcome.versions[i]!, record: w.record }));
        for (const c of changes) this.#publish(c);
        return outcome;
      } catch (err) {
        const code = (err as { code?: string }).code;
        await client.query('ROLLBACK').catch(() => (broken = true));
        // Deadlock or serialization failure: another commit won; the caller re-reads and retries.
        if (code === '40P01' || code === '40001') return { ok: false, conflict: { keyId: commit.writes[0]?.keyId ?? commit.checks[0]?.keyId ?? '' } };
        broken = true;
        throw err;
      } finally {
        client.release(broken);
      }
    });
  }

  async #apply(client: PoolClient, commit: Commit, rows: (string | undefined)[]): Promise<CommitResult> {
    const order = commit.writes.map((_, i) => i).sort((a, b) => (commit.writes[a]!.keyId < commit.writes[b]!.keyId ? -1 : 1));
    const versions: number[] = [];
    for (const i of order) {
      const w = commit.writes[i]!;
      const row = rows[i];
      let result;
      if (row === undefined) {
        result = await client.query(
          "WITH d AS (DELETE FROM wasmac_keys WHERE key_id = $1 AND version = $2 RETURNING key_id) SELECT nextval('wasmac_version') AS version FROM d",
          [w.keyId, w.expected],
        );
      } else if (w.expected === 0) {
        result = await client.query(
          "INSERT INTO wasmac_keys (key_id, version, record) VALUES ($1, nextval('wasmac_version'), $2) ON CONFLICT (key_id) DO NOTHING RETURNING version",
          [w.keyId, row],
        );
      } else {
        result = await client.query(
          "UPDATE wasmac_keys SET version = nextval('wasmac_version'), record = $3 WHERE key_id = $1 AND version = $2 RETURNING version",
          [w.keyId, w.expected, row],
        );
      }
      if (result.rows.length === 0) return { ok: false, conflict: { keyId: w.keyId } };
      versions[i] = Number(result.rows[0].version);
    }
    if (commit.checks.length > 0) {
      const ids = commit.checks.map((c) => c.keyId);
      const { rows: found } = await client.query<{ key_id: string; version: string }>(
        'SELECT key_id, version FROM wasmac_keys WHERE key_id = ANY($1) ORDER BY key_id FOR SHARE',
        [ids],
      );
      for (const c of commit.checks) {
        const now = found.find((r) => r.key_id === c.keyId);
        if ((now === undefined ? 0 : Number(now.version)) !== c.expected) return { ok: false, conflict: { keyId: c.keyId } };
      }
    }
    const steps = [...commit.aliases].sort((a, b) => (`${a.account}/${a.region}/${a.name}` < `${b.account}/${b.region}/${b.name}` ? -1 : 1));
    for (const a of steps) {
      const where = [a.account, a.region, a.name];
      let result;
      if (a.from === undefined && a.to === undefined) {
        result = await client.query('SELECT 1 FROM wasmac_aliases WHERE account = $1 AND region = $2 AND name = $3', where);
        if (result.rows.length > 0) return { ok: false, conflict: { alias: a } };
        continue;
      }
      if (a.from === undefined) {
        result = await client.query('INSERT INTO wasmac_aliases (account, region, name, key_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1', [...where, a.to]);
      } else if (a.to === undefined) {
        result = await client.query('DELETE FROM wasmac_aliases WHERE account = $1 AND region = $2 AND name = $3 AND key_id = $4 RETURNING 1', [...where, a.from]);
      } else if (a.from === a.to) {
        result = await client.query('SELECT 1 FROM wasmac_aliases WHERE account = $1 AND region = $2 AND name = $3 AND key_id = $4 FOR SHARE', [...where, a.from]);
      } else {
        result = await client.query('UPDATE wasmac_aliases SET key_id = $5 WHERE account = $1 AND region = $2 AND name = $3 AND key_id = $4 RETURNING 1', [...where, a.from, a.to]);
      }
      if (result.rows.length === 0) return { ok: false, conflict: { alias: a } };
    }
    for (const w of commit.writes) await client.query('SELECT pg_notify($1, $2)', [CHANNEL, `${w.keyId} ${versions[commit.writes.indexOf(w)]}`]);
    return { ok: true, versions };
  }

  subscribe(listener: (change: KeyChange) => void, onGap?: () => void): () => void {
    const entry = { change: listener, gap: onGap };
    this.#listeners.add(entry);
    return () => this.#listeners.delete(entry);
  }

  /** Stops listening and closes the pool. The store must not be used afterwards. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#heartbeat);
    const listener = this.#listener;
    this.#listener = undefined;
    listener?.release(true);
    await this.#pool.end().catch(() => undefined);
  }

  /** A record as its row's text: sealed and authenticated with a master key, else plain with its material in base64. */
  async #toRow(record: StoredKey): Promise<string> {
    if (this.#sealer !== undefined) return JSON.stringify(this.#sealer.sealKnown(record) ?? (await this.#sealer.seal(record)));
    const { material, ...rest } = record;
    const plain: PlainRecord = material === undefined ? rest : { ...rest, material: { encoding: 'base64', data: Buffer.from(revealSecret(material)).toString('base64') } };
    return JSON.stringify(plain);
  }

  /** The record of a row, refused by name when it does not open (see the header). */
  async #toRecord(row: Row): Promise<StoredKey> {
    let stored: SealedRecord | PlainRecord;
    try {
      stored = JSON.parse(row.record);
    } catch {
      throw new KeyStoreError(`key ${row.key_id}: its row is not valid JSON`);
    }
    const sealed = typeof (stored as SealedRecord).mac === 'string';
    if (this.#sealer !== undefined) {
      // With a master key every material was written sealed: plain material was put there by
      // someone else (or before encryption was turned on), and serving it would MAC with their key.
      if ((stored as PlainRecord).material?.encoding === 'base64') {
        throw new KeyStoreError(`key ${row.key_id}: its material is not sealed under the master key (planted in the database, or written without WASMAC_MASTER_KEY); it is not used`);
      }
      if (!sealed) throw new KeyStoreError(`key ${row.key_id}: its row is not authenticated under the master key (written without one, or planted)`);
      try {
        return await this.#sealer.open(stored as SealedRecord, row.key_id);
      } catch (err) {
        throw new KeyStoreError((err as Error).message);
      }
    }
    if (sealed) throw new KeyStoreError(`key ${row.key_id}: its row is sealed under a master key and none was given (set WASMAC_MASTER_KEY)`);
    const { material, ...rest } = stored as PlainRecord;
    // A multi-Region key's record outside its home region is the row `<key ID>@<region>` (recordKey).
    if (recordKey(rest as StoredKey) !== row.key_id) throw new KeyStoreError(`key ${row.key_id}: the row holds key ${JSON.stringify(rest.KeyId)}`);
    const record: StoredKey = rest;
    if (material !== undefined) {
      if (material.encoding !== 'base64' || typeof material.data !== 'string') throw new KeyStoreError(`key ${row.key_id}: unknown material encoding`);
      const bytes = Uint8Array.from(Buffer.from(material.data, 'base64'));
      record.material = new SecretBytes(bytes);
      bytes.fill(0);
    }
    return record;
  }
}
