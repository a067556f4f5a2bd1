/**
 * The repository over a {@link KeyStore}: one per store, shared by every
 * client of it. It keeps an in-memory view of the store current through the
 * store's change feed (records, an alias index, the MAC-key cache), answers
 * the MAC operations' lookups synchronously from it, and applies every
 * change as one atomic commit: a transaction function runs against the view,
 * the reads it made become the commit's conditions, and on a conflict the
 * repository re-reads what changed and runs the function again, so the
 * function re-checks its rules on the fresh records. Reads never write.
 */
import { KMSInternalException } from './errors.js';
import { aliasKey, aliasSteps, recordKey, type AliasStep, type Commit, type KeyChange, type KeyStore, type StoredKey, type VersionedKey } from './key-store.js';
import { MacKeyCache } from './mac-keys.js';

/** How often a transaction is run again after conflicts before giving up. */
const MAX_ATTEMPTS = 100;

/** What a transaction function sees and changes. Every read becomes a condition of the commit. */
export interface Tx {
  /** The record of `keyId` (undefined: none), as this attempt sees it. */
  key(keyId: string): StoredKey | undefined;
  /** The key ID alias `name` of `account` in `region` belongs to, as this attempt sees it. */
  alias(account: string, region: string, name: string): string | undefined;
  /** Creates or replaces a record (its aliases in the index follow its `aliases`). */
  put(record: StoredKey): void;
  /** Deletes a record and its aliases. */
  remove(keyId: string): void;
}

/** Counters for reports and benches. */
export interface RepositoryStats {
  /** Attempts that lost a race (a condition failed) and were run again. */
  conflicts: number;
}

const repositories = new WeakMap<KeyStore, Repository>();

export class Repository {
  readonly store: KeyStore;
  readonly macKeys = new MacKeyCache();
  readonly stats: RepositoryStats = { conflicts: 0 };
  readonly #keys = new Map<string, VersionedKey>();
  /** key ID -> the tail of this process's queue of changes to it. */
  readonly #queues = new Map<string, Promise<unknown>>();
  /** aliasKey -> key ID, from the records in the view. */
  readonly #aliases = new Map<string, string>();
  /** key ID -> version of its deletion: older changes that arrive late are ignored. */
  readonly #deleted = new Map<string, number>();
  #loading: Promise<void> | undefined;
  #loaded = false;
  /** Keys the feed changed while a load was running (a scan that lacks them is older than they are). */
  #touched: Set<string> | undefined;

  private constructor(store: KeyStore) {
    this.store = store;
    // Subscribed before the scan, so nothing committed meanwhile is missed (versions order both).
    store.subscribe(
      (change) => this.apply(change),
      () => this.#gap(),
    );
  }

  /** The repository of `store` (created on first use). */
  static of(store: KeyStore): Repository {
    let repo = repositories.get(store);
    if (repo === undefined) {
      repo = new Repository(store);
      repositories.set(store, repo);
    }
    return repo;
  }

  /** Whether the view is loaded: then {@link live} and {@link aliasOwner} answer. */
  get loaded(): boolean {
    return this.#loaded;
  }

  /** Loads the view (once; again after a failed load). */
  ready(): Promise<void> {
    if (this.#loaded) return Promise.resolve();
    if (this.#loading !== undefined) return this.#loading;
    const touched = new Set<string>();
    this.#touched = touched;
    const loading = this.store.scan().then(
      (all) => {
        if (this.#loading !== loading) return this.ready();
        const seen = new Set<string>();
        for (const v of all) {
          seen.add(recordKey(v.record));
          this.apply({ keyId: recordKey(v.record), version: v.version, record: v.record });
        }
        // A reload after a gap: what the scan lacks was deleted meanwhile.
        for (const [keyId, v] of [...this.#keys]) {
          if (!seen.has(keyId) && !touched.has(keyId)) this.apply({ keyId, version: v.version + 0.5, record: undefined });
        }
        this.#touched = undefined;
        this.#loaded = true;
      },
      (err: unknown) => {
        if (this.#loading === loading) this.#loading = undefined;
        throw err;
      },
    );
    this.#loading = loading;
    return loading;
  }

  /** The record of `keyId` in the view (synchronous; the view must be loaded). */
  live(keyId: string): StoredKey | undefined {
    return this.#keys.get(keyId)?.record;
  }

  /** The key ID alias `name` of `account` in `region` belongs to, in the view. */
  aliasOwner(account: string, region: string, name: string): string | undefined {
    return this.#aliases.get(aliasKey(account, region, name));
  }

  /** {@link aliasOwner} by the alias's index key (`aliasKey`), for the MAC operations' hot path. */
  aliasOwnerAt(index: string): string | undefined {
    return this.#aliases.get(index);
  }

  /** Every record in the view. */
  all(): IterableIterator<VersionedKey> {
    return this.#keys.values();
  }

  /**
   * The record of `keyId` as the store has it now: the view for a store only
   * this process changes, a read through (applied to the view) for a shared one.
   */
  async fresh(keyId: string): Promise<StoredKey | undefined> {
    await this.ready();
    if (!this.store.shared) return this.live(keyId);
    await this.#refreshKey(keyId);
    return this.live(keyId);
  }

  /** The owner of an alias as the store has it now (see {@link fresh}). */
  async freshAlias(account: string, region: string, name: string): Promise<string | undefined> {
    await this.ready();
    if (this.store.shared) await this.#refreshAlias(account, region, name);
    return this.aliasOwner(account, region, name);
  }

  /**
   * Runs `fn` and commits what it changed, atomically, on the condition that
   * everything it read is unchanged; on a conflict, refreshes and runs it
   * again. `fn` must be free of side effects other than `tx` (it may run
   * several times) and may throw to refuse the change. On a shared store, an
   * attempt that ends without writing (a refusal, or nothing to change) is
   * checked against the store first, so that no answer rests on a stale view.
   * With `serialize` (a key ID), changes of that key from this process run one at a time.
   */
  transact<R>(fn: (tx: Tx) => R, serialize?: string): Promise<R> {
    if (serialize === undefined) return this.#transact(fn);
    // Changes of one key from this process queue here rather than race in the
    // store: on a shared store a lost race costs a round trip.
    const queues = this.#queues;
    const run = (queues.get(serialize) ?? Promise.resolve()).then(() => this.#transact(fn));
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    queues.set(serialize, tail);
    void tail.then(() => queues.get(serialize) === tail && queues.delete(serialize));
    return run;
  }

  async #transact<R>(fn: (tx: Tx) => R): Promise<R> {
    await this.ready();
    for (let attempt = 1; ; attempt++) {
      const tx = new Attempt(this);
      let result: R;
      try {
        result = fn(tx);
      } catch (err) {
        if (this.store.shared && (await this.#refreshStale(tx))) continue;
        throw err;
      }
      if (tx.writes.size === 0) {
        if (this.store.shared && (await this.#refreshStale(tx))) continue;
        return result;
      }
      const outcome = await this.store.commit(tx.commit());
      if (outcome.ok) return result;
      this.stats.conflicts++;
      if (attempt >= MAX_ATTEMPTS) throw new KMSInternalException('Too many concurrent changes; retry.');
      if ('keyId' in outcome.conflict) await this.#refreshKey(outcome.conflict.keyId);
      else await this.#refreshAlias(outcome.conflict.alias.account, outcome.conflict.alias.region, outcome.conflict.alias.name);
      await this.#refreshStale(tx);
      // Many writers on one key: spread the retries out.
      if (attempt > 2) await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(attempt, 20)));
    }
  }

  /** The feed may have missed changes: the view is not trusted until reloaded. */
  #gap(): void {
    this.#loaded = false;
    this.#loading = undefined;
  }

  /** Applies a change from the feed (or a read) to the view, unless the view already has something newer. */
  apply(change: KeyChange): void {
    this.#touched?.add(change.keyId);
    const current = this.#keys.get(change.keyId);
    if (current !== undefined && change.version <= current.version) return;
    const gone = this.#deleted.get(change.keyId);
    if (gone !== undefined && change.version <= gone) return;
    if (current !== undefined) {
      for (const a of current.record.aliases) {
        const k = aliasKey(current.record.AccountId, current.record.Region, a.AliasName);
        if (this.#aliases.get(k) === change.keyId) this.#aliases.delete(k);
      }
    }
    const record = change.record;
    if (record === undefined) {
      this.#keys.delete(change.keyId);
      this.#deleted.set(change.keyId, change.version);
      this.macKeys.forget(change.keyId);
      return;
    }
    this.#keys.set(change.keyId, { record, version: change.version });
    for (const a of record.aliases) this.#aliases.set(aliasKey(record.AccountId, record.Region, a.AliasName), change.keyId);
    if (current !== undefined && current.record.material !== record.material && record.material === undefined) this.macKeys.forget(change.keyId);
  }

  async #refreshKey(keyId: string): Promise<void> {
    const now = await this.store.read(keyId);
    if (now !== undefined) this.apply({ keyId, version: now.version, record: now.record });
    else {
      const current = this.#keys.get(keyId);
      // Gone from the store: a deletion newer than anything the view holds.
      if (current !== undefined) this.apply({ keyId, version: current.version + 0.5, record: undefined });
    }
  }

  async #refreshAlias(account: string, region: string, name: string): Promise<void> {
    const owner = await this.store.readAlias(account, region, name);
    const seen = this.aliasOwner(account, region, name);
    if (owner !== undefined) await this.#refreshKey(owner);
    if (seen !== undefined && seen !== owner) await this.#refreshKey(seen);
  }

  /** Re-reads what `tx` read; whether anything had changed (the view is then updated). */
  async #refreshStale(tx: Attempt): Promise<boolean> {
    let stale = false;
    for (const [keyId, seen] of tx.reads) {
      const now = await this.store.read(keyId);
      if ((now?.version ?? 0) !== (seen?.version ?? 0)) {
        stale = true;
        await this.#refreshKey(keyId);
      }
    }
    for (const a of tx.aliasReads.values()) {
      const owner = await this.store.readAlias(a.account, a.region, a.name);
      if (owner !== a.from) {
        stale = true;
        await this.#refreshAlias(a.account, a.region, a.name);
      }
    }
    return stale;
  }

  /** The view entry of `keyId` (for attempts). */
  entry(keyId: string): VersionedKey | undefined {
    return this.#keys.get(keyId);
  }
}

/** One run of a transaction function: what it read (with versions) and what it wrote. */
class Attempt implements Tx {
  readonly reads = new Map<string, VersionedKey | undefined>();
  readonly aliasReads = new Map<string, AliasStep>();
  readonly writes = new Map<string, StoredKey | undefined>();
  readonly #repo: Repository;

  constructor(repo: Repository) {
    this.#repo = repo;
  }

  key(keyId: string): StoredKey | undefined {
    if (this.writes.has(keyId)) return this.writes.get(keyId);
    if (!this.reads.has(keyId)) this.reads.set(keyId, this.#repo.entry(keyId));
    return this.reads.get(keyId)?.record;
  }

  alias(account: string, region: string, name: string): string | undefined {
    const k = aliasKey(account, region, name);
    let read = this.aliasReads.get(k);
    if (read === undefined) {
      const owner = this.#repo.aliasOwner(account, region, name);
      read = { account, region, name, from: owner, to: owner };
      this.aliasReads.set(k, read);
    }
    return read.from;
  }

  put(record: StoredKey): void {
    const keyId = recordKey(record);
    this.key(keyId);
    this.writes.set(keyId, record);
  }

  remove(keyId: string): void {
    this.key(keyId);
    this.writes.set(keyId, undefined);
  }

  /** The commit: each write conditional on the version read, each other read checked, alias steps merged per name. */
  commit(): Commit {
    const writes = [];
    const checks = [];
    const steps = new Map<string, { account: string; region: string; name: string; from: string | undefined; to: string | undefined }>();
    for (const [keyId, read] of this.reads) {
      if (!this.writes.has(keyId)) {
        checks.push({ keyId, expected: read?.version ?? 0 });
        continue;
      }
      const record = this.writes.get(keyId);
      writes.push({ keyId, expected: read?.version ?? 0, record });
      if (read === undefined && record === undefined) continue;
      for (const s of aliasSteps(read?.record, record)) {
        const k = aliasKey(s.account, s.region, s.name);
        const merged = steps.get(k);
        if (merged === undefined) steps.set(k, { ...s });
        else {
          // A release and a claim of one name (UpdateAlias): one move.
          if (s.from !== undefined) merged.from = s.from;
          if (s.to !== undefined) merged.to = s.to;
        }
      }
    }
    for (const [k, read] of this.aliasReads) {
      const step = steps.get(k);
      if (step === undefined) steps.set(k, { ...read });
      else if (step.from === undefined) step.from = read.from;
    }
    return { writes, checks, aliases: [...steps.values()] };
  }
}
