/**
 * `DenoKvKeyStore`: the {@link KeyStore} contract on Deno KV (`Deno.openKv`:
 * a local SQLite file for a Deno server, the global database on Deno Deploy).
 *
 * ```
 * [...prefix, "key", KeyId]                   the record: JSON, material sealed
 * [...prefix, "alias", account, region, name] KeyId
 * [...prefix, "commits"]                      a counter every commit adds 1 to
 * [...prefix, "log", ms, id]                  the KeyIds a commit wrote (expires after 10 minutes)
 * ```
 *
 * A commit is one atomic operation: it reads every key and alias it names,
 * compares their versions and owners with the commit's conditions, and then
 * commits with a `check` of each entry's versionstamp, so a change made in
 * between (by this process or another) fails the operation and nothing is
 * written. A record's version is the commit sequence of its versionstamp
 * (the first 16 hex digits: they grow with every commit of the database), so
 * versions order changes and survive restarts; the writes of one commit
 * share it.
 *
 * Several processes (Deno Deploy isolates) may share the database, so the
 * store is `shared`: the facade reads through it for management operations.
 * The change feed of other processes' commits: every commit also adds 1 to
 * the counter and writes a log entry naming its keys; the store watches the
 * counter (and polls it: `kv.watch` does not see another process's commits
 * to a local file), and when it moved by more than its own commits, reads
 * the log entries it has not seen and re-reads their keys. When the log
 * cannot account for every foreign commit (entries expired, clocks more than
 * a minute apart), it lists every record instead. MACs and listings on one
 * process follow another's changes after that delay; DescribeKey and the
 * other management operations read through at once.
 *
 * Material is sealed with AES-256-GCM under the master key and every record
 * authenticated (the file store's rules, see `sealed-record.ts`); the master
 * key is required. A value is at
 * most 64 KiB in Deno KV: a record with thousands of grants does not fit.
 */
import type { Commit, CommitResult, KeyChange, KeyStore, VersionedKey } from '../kms/key-store.js';
import { ConfigError } from '../kms/config-error.js';
import { checkStoredSize, MaterialSealer, type SealedRecord } from '../kms/sealed-record.js';

/** A Deno KV key. */
export type KvKeyLike = readonly (string | number | bigint | boolean | Uint8Array)[];

/** What the store uses of a Deno KV entry. */
export interface KvEntryLike {
  readonly key: KvKeyLike;
  readonly value: unknown;
  readonly versionstamp: string | null;
}

/** What the store uses of `Deno.AtomicOperation`. */
export interface KvAtomicLike {
  check(...checks: { key: KvKeyLike; versionstamp: string | null }[]): KvAtomicLike;
  set(key: KvKeyLike, value: unknown, options?: { expireIn?: number }): KvAtomicLike;
  delete(key: KvKeyLike): KvAtomicLike;
  sum(key: KvKeyLike, n: bigint): KvAtomicLike;
  commit(): Promise<{ ok: true; versionstamp: string } | { ok: false }>;
}

/** What the store uses of `Deno.Kv`. */
export interface KvLike {
  get(key: KvKeyLike): Promise<KvEntryLike>;
  getMany(keys: KvKeyLike[]): Promise<KvEntryLike[]>;
  list(selector: { prefix: KvKeyLike; start?: KvKeyLike }): AsyncIterable<KvEntryLike>;
  atomic(): KvAtomicLike;
  watch(keys: KvKeyLike[]): ReadableStream<KvEntryLike[]>;
}

/** Options of {@link DenoKvKeyStore}. */
export interface DenoKvKeyStoreOptions {
  /** 32 bytes (see `parseMasterKey`): seals material at rest. Required. */
  masterKey: Uint8Array;
  /** Where in the database the store lives; default `["wasmac"]`. */
  prefix?: readonly string[];
  /**
   * Whether other processes may change the store (default true: Deno Deploy,
   * or several servers on one file). False only when this process is the
   * database's one user: then the view is exact and no watch runs.
   */
  shared?: boolean;
  /**
   * How often (ms) a shared store reads the commit counter, besides
   * watching it; default 500. `kv.watch` reports other isolates' commits on
   * Deno Deploy, but not another process's on a local file (deno 2.9), which
   * only the poll sees. 0: watch only.
   */
  pollMs?: number;
}

/** Associated data of sealed material. */
const FORMAT = 'wasmac-kv/1';
/** How many times a commit is retried when SQLite reports the file locked by another process. */
const LOCK_RETRIES = 50;
/** Deno KV's largest value is 65,536 bytes (V8-serialized); JSON's length, with room for the serialization's overhead. */
const MAX_RECORD_BYTES = 60_000;
/** `getMany` takes at most 10 keys. */
const GET_MANY_MAX = 10;
/** How long a log entry lives (ms): an observer away longer than this lists every record. */
const LOG_TTL_MS = 10 * 60 * 1000;
/** How far back (ms) an observer re-reads the log: the clock difference between processes it tolerates. */
const LOG_SKEW_MS = 60 * 1000;

/** The version of an entry: its versionstamp's commit sequence (0 for none). */
function versionOf(versionstamp: string | null): number {
  return versionstamp === null ? 0 : Number.parseInt(versionstamp.slice(0, 16), 16);
}

function isLocked(err: unknown): boolean {
  return err instanceof Error && /database is locked/i.test(err.message);
}

/**
 * A key store on Deno KV.
 * @example
 * const kv = await Deno.openKv('data/kms.sqlite');
 * const store = new DenoKvKeyStore(kv, { masterKey: parseMasterKey(Deno.env.get('KMS_MASTER_KEY'), 'KMS_MASTER_KEY') });
 * const client = new KMSClient({ region: 'us-east-1', keyStore: store });
 */
export class DenoKvKeyStore implements KeyStore {
  readonly shared: boolean;
  readonly #kv: KvLike;
  readonly #prefix: readonly string[];
  readonly #sealer: MaterialSealer;
  readonly #listeners = new Set<(change: KeyChange) => void>();
  readonly #gapListeners = new Set<() => void>();
  /** The records as last published (version per key): what a rescan compares against. */
  readonly #published = new Map<string, { version: number; gone: boolean }>();
  readonly #pollMs: number;
  #following = false;
  #watch: ReadableStreamDefaultReader<KvEntryLike[]> | undefined;
  #poll: ReturnType<typeof setInterval> | undefined;
  /** The counter as last observed (value and versionstamp: the last commit's). */
  #seenCount: bigint | undefined;
  #seenStamp = '';
  /** Versionstamps of this store's commits newer than {@link #seenStamp}. */
  #ownStamps: string[] = [];
  /** Observations run one at a time (a rescan awaits). */
  #observing: Promise<void> = Promise.resolve();
  /** Log entries already applied (own and read), by id, with their time; and where the next read of the log starts. */
  readonly #logSeen = new Map<string, number>();
  #logFrom = Date.now() - LOG_SKEW_MS;

  constructor(kv: KvLike, options: DenoKvKeyStoreOptions) {
    if (options?.masterKey === undefined) throw new ConfigError('DenoKvKeyStore needs a master key (32 bytes; see parseMasterKey)');
    this.#kv = kv;
    this.#prefix = options.prefix ?? ['wasmac'];
    this.shared = options.shared ?? true;
    this.#pollMs = options.pollMs ?? 500;
    this.#sealer = new MaterialSealer(options.masterKey, FORMAT);
  }

  #keyKey(keyId: string): KvKeyLike {
    return [...this.#prefix, 'key', keyId];
  }

  #aliasKey(account: string, region: string, name: string): KvKeyLike {
    return [...this.#prefix, 'alias', account, region, name];
  }

  #counterKey(): KvKeyLike {
    return [...this.#prefix, 'commits'];
  }

  #logPrefix(): KvKeyLike {
    return [...this.#prefix, 'log'];
  }

  async #open(entry: KvEntryLike): Promise<VersionedKey> {
    return { record: await this.#sealer.open(entry.value as SealedRecord, String(entry.key[entry.key.length - 1])), version: versionOf(entry.versionstamp) };
  }

  async scan(): Promise<VersionedKey[]> {
    const out: VersionedKey[] = [];
    for await (const entry of this.#kv.list({ prefix: [...this.#prefix, 'key'] })) out.push(await this.#open(entry));
    return out;
  }

  async read(keyId: string): Promise<VersionedKey | undefined> {
    const entry = await this.#kv.get(this.#keyKey(keyId));
    return entry.versionstamp === null ? undefined : this.#open(entry);
  }

  async readAlias(account: string, region: string, name: string): Promise<string | undefined> {
    const entry = await this.#kv.get(this.#aliasKey(account, region, name));
    return entry.versionstamp === null ? undefined : String(entry.value);
  }

  async #getMany(keys: KvKeyLike[]): Promise<KvEntryLike[]> {
    const out: KvEntryLike[] = [];
    for (let i = 0; i < keys.length; i += GET_MANY_MAX) out.push(...(await this.#kv.getMany(keys.slice(i, i + GET_MANY_MAX))));
    return out;
  }

  /**
   * Applies `commit` as one atomic operation, checked against the
   * versionstamps read just before. Retries only when the database file is
   * locked by another process, or when the operation failed on a change that
   * is gone again by the time it is re-read.
   */
  async commit(commit: Commit): Promise<CommitResult> {
    const values: (SealedRecord | undefined)[] = [];
    for (const w of commit.writes) {
      if (w.record === undefined) {
        values.push(undefined);
        continue;
      }
      const value = this.#sealer.sealKnown(w.record) ?? (await this.#sealer.seal(w.record));
      checkStoredSize(JSON.stringify(value), MAX_RECORD_BYTES, w.record, 'a Deno KV value');
      values.push(value);
    }
    const keyIds = [...commit.writes.map((w) => w.keyId), ...commit.checks.map((c) => c.keyId)];
    for (let attempt = 1; ; attempt++) {
      let outcome: CommitResult | undefined;
      try {
        outcome = await this.#attempt(commit, keyIds, values);
      } catch (err) {
        if (!isLocked(err) || attempt >= LOCK_RETRIES) throw err;
        await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 8));
        continue;
      }
      // undefined: lost a race between the reads and the commit; the next round's reads name the conflict.
      if (outcome !== undefined) return outcome;
    }
  }

  /** One round of {@link commit}: its result, or undefined when the atomic operation's checks failed. */
  async #attempt(commit: Commit, keyIds: readonly string[], values: readonly (SealedRecord | undefined)[]): Promise<CommitResult | undefined> {
    const entries = await this.#getMany([...keyIds.map((id) => this.#keyKey(id)), ...commit.aliases.map((a) => this.#aliasKey(a.account, a.region, a.name))]);
    const expected = [...commit.writes.map((w) => w.expected), ...commit.checks.map((c) => c.expected)];
    for (let i = 0; i < keyIds.length; i++) {
      if (versionOf(entries[i]!.versionstamp) !== expected[i]) return { ok: false, conflict: { keyId: keyIds[i]! } };
    }
    for (let i = 0; i < commit.aliases.length; i++) {
      const entry = entries[keyIds.length + i]!;
      const owner = entry.versionstamp === null ? undefined : String(entry.value);
      if (owner !== commit.aliases[i]!.from) return { ok: false, conflict: { alias: commit.aliases[i]! } };
    }
    const op = this.#kv.atomic().check(...entries.map((e) => ({ key: e.key, versionstamp: e.versionstamp })));
    commit.writes.forEach((w, i) => {
      const value = values[i];
      if (value === undefined) op.delete(this.#keyKey(w.keyId));
      else op.set(this.#keyKey(w.keyId), value);
    });
    for (const a of commit.aliases) {
      if (a.to === a.from) continue;
      if (a.to === undefined) op.delete(this.#aliasKey(a.account, a.region, a.name));
      else op.set(this.#aliasKey(a.account, a.region, a.name), a.to);
    }
    op.sum(this.#counterKey(), 1n);
    const now = Date.now();
    const logId = crypto.randomUUID();
    this.#logSeen.set(logId, now);
    op.set([...this.#logPrefix(), now, logId], keyIds.slice(0, commit.writes.length), { expireIn: LOG_TTL_MS });
    const result = await op.commit();
    if (!result.ok) return undefined;
    if (result.versionstamp > this.#seenStamp) this.#ownStamps.push(result.versionstamp);
    const version = versionOf(result.versionstamp);
    const changes = commit.writes.map((w) => ({ keyId: w.keyId, version, record: w.record }));
    this.#publish(changes);
    return { ok: true, versions: changes.map((c) => c.version) };
  }

  #publish(changes: readonly KeyChange[]): void {
    for (const change of changes) {
      const seen = this.#published.get(change.keyId);
      if (seen !== undefined && seen.version >= change.version) continue;
      this.#published.set(change.keyId, { version: change.version, gone: change.record === undefined });
      for (const listener of this.#listeners) listener(change);
    }
  }

  subscribe(listener: (change: KeyChange) => void, onGap?: () => void): () => void {
    this.#listeners.add(listener);
    if (onGap !== undefined) this.#gapListeners.add(onGap);
    if (this.shared && !this.#following) this.#follow();
    return () => {
      this.#listeners.delete(listener);
      if (onGap !== undefined) this.#gapListeners.delete(onGap);
    };
  }

  /** Follows other processes' commits (see the module comment) until {@link close}. */
  #follow(): void {
    this.#following = true;
    const reader = this.#kv.watch([this.#counterKey()]).getReader();
    this.#watch = reader;
    void (async () => {
      for (;;) {
        let next: ReadableStreamReadResult<KvEntryLike[]>;
        try {
          next = await reader.read();
        } catch {
          return; // closed with the database
        }
        if (next.done) return;
        if (next.value[0] !== undefined) this.#queueObserve(next.value[0]);
      }
    })();
    if (this.#pollMs > 0) {
      this.#poll = setInterval(() => {
        this.#kv.get(this.#counterKey()).then(
          (entry) => this.#queueObserve(entry),
          () => undefined, // closed, or a transient error: the next poll reads again
        );
      }, this.#pollMs);
      // A Deno server stays up for its listener, not for this poll.
      (this.#poll as { unref?: () => void }).unref?.();
    }
  }

  /** Observes the counter after the observations before it; one that fails is a gap (the view reloads from `scan`). */
  #queueObserve(entry: KvEntryLike): void {
    this.#observing = this.#observing
      .then(() => this.#observe(entry))
      .catch((err: unknown) => {
        console.error(`wasmac: DenoKvKeyStore could not follow the store's changes: ${(err as Error)?.message}`);
        this.#seenCount = undefined;
        for (const onGap of this.#gapListeners) onGap();
      });
  }

  /**
   * The counter moved: if it moved by exactly this store's own commits
   * between the two versionstamps, nothing else changed; otherwise another
   * process committed, and the records are read again. (The counter's
   * versionstamp is the last commit's, so an own commit is recognised by its
   * versionstamp, whatever the order in which its result and the
   * observation arrive: one not yet recorded counts as foreign, which only
   * costs a rescan.)
   */
  async #observe(entry: KvEntryLike): Promise<void> {
    const stamp = entry.versionstamp ?? '';
    if (stamp <= this.#seenStamp && this.#seenCount !== undefined) return;
    const raw = entry.value as { value: bigint } | bigint | null;
    const count = raw === null ? 0n : typeof raw === 'bigint' ? raw : BigInt(raw.value);
    const own = BigInt(this.#ownStamps.filter((s) => s > this.#seenStamp && s <= stamp).length);
    const foreign = this.#seenCount === undefined ? undefined : count - this.#seenCount - own;
    const from = this.#seenStamp;
    this.#ownStamps = this.#ownStamps.filter((s) => s > stamp);
    this.#seenCount = count;
    this.#seenStamp = stamp;
    if (foreign === 0n) return;
    const found = await this.#readLog(from, stamp);
    if (foreign !== undefined && found < foreign) await this.#rescan();
  }

  /**
   * Applies the log entries not seen yet: re-reads the keys they name.
   * Returns how many of them were committed in (`from`, `to`] (versionstamps).
   */
  async #readLog(from: string, to: string): Promise<bigint> {
    const keyIds = new Set<string>();
    let found = 0n;
    let newest = this.#logFrom + LOG_SKEW_MS;
    for await (const entry of this.#kv.list({ prefix: this.#logPrefix(), start: [...this.#logPrefix(), this.#logFrom] })) {
      const ms = Number(entry.key[entry.key.length - 2]);
      const id = String(entry.key[entry.key.length - 1]);
      if (this.#logSeen.has(id)) continue;
      const stamp = entry.versionstamp ?? '';
      if (stamp > from && stamp <= to) found++;
      this.#logSeen.set(id, ms);
      newest = Math.max(newest, ms);
      for (const keyId of entry.value as string[]) keyIds.add(keyId);
    }
    this.#logFrom = newest - LOG_SKEW_MS;
    for (const [id, ms] of this.#logSeen) if (ms < this.#logFrom) this.#logSeen.delete(id);
    const ids = [...keyIds];
    const entries = await this.#getMany(ids.map((id) => this.#keyKey(id)));
    const changes: KeyChange[] = [];
    for (let i = 0; i < ids.length; i++) {
      const now = entries[i]!;
      const seen = this.#published.get(ids[i]!);
      if (now.versionstamp !== null) changes.push({ keyId: ids[i]!, ...(await this.#open(now)) });
      else if (seen !== undefined && !seen.gone) changes.push({ keyId: ids[i]!, version: seen.version + 0.5, record: undefined });
    }
    this.#publish(changes);
    return found;
  }

  /**
   * Publishes every record whose version differs from what was published,
   * and the deletions: a key published before the listing began that the
   * listing lacks, confirmed by a read of its own (a key this store created
   * while the listing ran is not in it, and is not gone).
   */
  async #rescan(): Promise<void> {
    const before = new Map(this.#published);
    const present = new Set<string>();
    const changes: KeyChange[] = [];
    for await (const entry of this.#kv.list({ prefix: [...this.#prefix, 'key'] })) {
      const keyId = String(entry.key[entry.key.length - 1]);
      present.add(keyId);
      if (this.#published.get(keyId)?.version !== versionOf(entry.versionstamp)) changes.push({ keyId, ...(await this.#open(entry)) });
    }
    for (const [keyId, seen] of before) {
      if (seen.gone || present.has(keyId)) continue;
      const now = await this.#kv.get(this.#keyKey(keyId));
      // Gone: a deletion newer than the version last seen; half a step keeps it below any later write.
      if (now.versionstamp === null) changes.push({ keyId, version: seen.version + 0.5, record: undefined });
      else changes.push({ keyId, ...(await this.#open(now)) });
    }
    this.#publish(changes);
  }

  /** Stops following other processes' commits. Close the `Deno.Kv` afterwards yourself. */
  close(): void {
    void this.#watch?.cancel().catch(() => undefined);
    clearInterval(this.#poll);
    this.#watch = undefined;
    this.#poll = undefined;
  }
}
