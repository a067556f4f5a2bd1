/**
 * The facade's shared machinery, used by every command: identifier
 * resolution through the repository's view, key-state rules, the MAC keys,
 * grant tokens, explicit transitions (a deletion date or an imported
 * material's `ValidTo` that has passed), atomic changes. One `Service` per
 * client (account and region); every client of a store shares its
 * {@link Repository}. Internal (not exported from the package).
 */
import type { HmacKey } from '../engine/index.js';
import {
  AlreadyExistsException,
  DisabledException,
  DryRunOperationException,
  InvalidGrantTokenException,
  InvalidKeyUsageException,
  KeyUnavailableException,
  KMSInvalidStateException,
  NotFoundException,
} from './errors.js';
import { aliasArn, ANY_IDENTIFIER, keyArn, parseIdentifier, partitionOf, tokenHash, type KeyTarget, type ResolveOptions, type Target } from './ids.js';
import { recordKey, regionalKey, type KeyStore, type StoredKey } from './key-store.js';
import { hmacSpec, keyMetadata } from './metadata.js';
import type { KeyMetadata, MacAlgorithmSpec } from './models.js';
import { Repository, type Tx } from './repository.js';

// Re-exported for the command modules, which import their helpers from here.
export { ANY_IDENTIFIER, KEY_OR_ARN, KEY_OR_ARN_CROSS_ACCOUNT, randomHex, requestId, tokenHash, uuid, type ResolveOptions, type Target } from './ids.js';
export { hmacSpec, newMaterial } from './metadata.js';
export type { Tx } from './repository.js';

/** The message of DryRunOperationException (SEMANTICS.md MAC-6). */
const DRY_RUN_MESSAGE = 'The request would have succeeded, but the DryRun option is set.';

/**
 * States in which the key material may be used (GenerateMac / VerifyMac,
 * SEMANTICS.md STATE-1..STATE-4; the other cryptographic operations too, in
 * non-mac.ts: [DOC] key-state table, Updating included).
 */
export const USABLE: ReadonlySet<string> = new Set(['Enabled', 'Updating']);

/** `<key ARN> is <...>.`: the KMSInvalidStateException / DisabledException text for each state (SEMANTICS.md STATE-1..STATE-4). */
const STATE_PHRASE: Readonly<Record<string, string>> = {
  Disabled: 'is disabled.',
  PendingDeletion: 'is pending deletion.',
  // Not observed; the key-state table only says "pending replica deletion" (STATE-2).
  PendingReplicaDeletion: 'is pending replica deletion.',
  PendingImport: 'is pending import.',
  Creating: 'is creating.',
  // The key-state table's footnote for Updating, worded like the others (STATE-4).
  Updating: 'is updating.',
  Unavailable: 'is unavailable.',
};

/** The KMSInvalidStateException for `record` in its current state. */
export function invalidState(record: StoredKey): KMSInvalidStateException {
  return new KMSInvalidStateException(`${record.Arn} ${Object.hasOwn(STATE_PHRASE, record.KeyState) ? STATE_PHRASE[record.KeyState] : `is ${record.KeyState}.`}`);
}

/** How many parsed identifiers a client remembers before starting over. */
const PARSE_CACHE_SIZE = 1024;

/** The facade's state and rules for one client (one account in one region). */
export class Service {
  readonly region: string;
  readonly accountId: string;
  readonly partition: string;
  readonly store: KeyStore;
  readonly repo: Repository;
  readonly now: () => Date;
  /** The regions replicas may be made in (an endpoint's `--regions`), or undefined for every region. */
  readonly regions: ReadonlySet<string> | undefined;
  /** Identifier -> its parse with {@link ANY_IDENTIFIER} (the MAC operations' form). */
  readonly #parsedAny = new Map<string, Target>();

  constructor(region: string, accountId: string, store: KeyStore, now: () => Date, regions?: readonly string[]) {
    this.regions = regions === undefined ? undefined : new Set(regions);
    this.region = region;
    this.accountId = accountId;
    this.partition = partitionOf(region);
    this.store = store;
    this.repo = Repository.of(store);
    this.now = now;
  }

  /** The current time in epoch milliseconds, by the client's clock. */
  nowMs(): number {
    return this.now().getTime();
  }

  /** The ARN of key `keyId` of `account` in this client's region. */
  keyArn(keyId: string, account: string = this.accountId): string {
    return keyArn(this, keyId, account);
  }

  /** The ARN of alias `aliasName` (`alias/...`) of `account` in this client's region. */
  aliasArn(aliasName: string, account: string = this.accountId): string {
    return aliasArn(this, aliasName, account);
  }

  /** Parses a key identifier; see {@link parseIdentifier}. */
  parse(id: string, opts: ResolveOptions): Target {
    return parseIdentifier(this, id, opts);
  }

  /**
   * `parse`, remembered per identifier form (the regex and the split cost
   * about a tenth of a MAC; callers repeat the same few identifiers). Only
   * successful parses are kept, which depend on nothing but the identifier,
   * the options and this client's fixed region and account.
   */
  parseCached(id: string, opts: ResolveOptions): Target {
    const cache = opts === ANY_IDENTIFIER ? this.#parsedAny : undefined;
    const hit = cache?.get(id);
    if (hit !== undefined) return hit;
    const target = this.parse(id, opts);
    if (cache !== undefined) {
      if (cache.size >= PARSE_CACHE_SIZE) cache.clear();
      cache.set(id, target);
    }
    return target;
  }

  /**
   * The live record for `id`, as the store has it now (a read through on a
   * shared store). A transition that has come due (deletion date or `ValidTo`
   * passed by the client's clock) is made first, as its own atomic change.
   * @throws NotFoundException (SEMANTICS.md ID-4..ID-7)
   */
  async resolve(id: string, opts: ResolveOptions): Promise<StoredKey> {
    const target = this.parseCached(id, opts);
    for (;;) {
      const keyId = target.kind === 'alias' ? await this.repo.freshAlias(target.account, this.region, target.name) : target.keyId;
      const record = keyId === undefined ? undefined : target.kind === 'alias' ? await this.repo.fresh(keyId) : await this.#freshKey(keyId);
      if (record === undefined || record.AccountId !== target.account || record.Region !== this.region) throw this.#notFound(target);
      if (!this.isDue(record)) return record;
      await this.settle(recordKey(record));
    }
  }

  /** Key `keyId` in this region as the store has it now: a multi-Region key's record of this region (see {@link recordKey}). */
  async #freshKey(keyId: string): Promise<StoredKey | undefined> {
    const record = await this.repo.fresh(keyId);
    if ((record !== undefined && record.Region === this.region) || !keyId.startsWith('mrk-')) return record;
    return (await this.repo.fresh(`${keyId}@${this.region}`)) ?? record;
  }

  /** {@link #freshKey} in the view (synchronous). */
  #liveKey(keyId: string): StoredKey | undefined {
    const record = this.repo.live(keyId);
    if ((record !== undefined && record.Region === this.region) || !keyId.startsWith('mrk-')) return record;
    return this.repo.live(`${keyId}@${this.region}`) ?? record;
  }

  #notFound(target: Target): NotFoundException {
    if (target.kind === 'alias') return new NotFoundException(`Alias ${this.aliasArn(target.name, target.account)} is not found.`);
    return this.#keyNotFound(target);
  }

  #keyNotFound(target: KeyTarget): NotFoundException {
    return new NotFoundException(`Key '${this.keyArn(target.keyId, target.account)}' does not exist`);
  }

  /**
   * `resolve` with every identifier form, for the MAC operations' hot path:
   * synchronous lookups in the view (key ID or alias index), the record
   * itself with no promise at all. A promise only on the rare paths: the
   * view still loading, a transition come due, or a miss on a shared store
   * (the key may be younger than the view).
   */
  resolveForMac(id: string): StoredKey | Promise<StoredKey> {
    const repo = this.repo;
    if (!repo.loaded) return repo.ready().then(() => this.resolveForMac(id));
    const target = this.parseCached(id, ANY_IDENTIFIER);
    let record: StoredKey | undefined;
    if (target.kind === 'alias') {
      const owner = repo.aliasOwnerAt(target.index);
      record = owner === undefined ? undefined : repo.live(owner);
    } else {
      record = this.#liveKey(target.keyId);
      if (record !== undefined && (record.AccountId !== target.account || record.Region !== this.region)) record = undefined;
    }
    if (record === undefined) {
      if (this.store.shared) return this.resolve(id, ANY_IDENTIFIER);
      throw this.#notFound(target);
    }
    // A primary in PendingReplicaDeletion comes due when its last replica is deleted.
    if ((record.KeyState === 'PendingDeletion' || record.KeyState === 'PendingReplicaDeletion' || record.ValidTo !== undefined) && this.isDue(record)) {
      return this.settle(recordKey(record)).then(() => this.resolve(id, ANY_IDENTIFIER));
    }
    return record;
  }

  /** The record alias `name` of this account belongs to, as the store has it now (transitions made), or undefined. */
  async findAlias(name: string): Promise<StoredKey | undefined> {
    try {
      return await this.resolve(name, ANY_IDENTIFIER);
    } catch (err) {
      if (err instanceof NotFoundException) return undefined;
      throw err;
    }
  }

  /** Whether `record` is PendingDeletion and its deletion date has passed. */
  isPastDeletion(record: StoredKey): boolean {
    return record.KeyState === 'PendingDeletion' && record.DeletionDate !== undefined && record.DeletionDate <= this.nowMs();
  }

  /** Whether imported material of `record` has passed its `ValidTo`. */
  isMaterialExpired(record: StoredKey): boolean {
    return record.ValidTo !== undefined && record.material !== undefined && record.ValidTo <= this.nowMs();
  }

  /** Whether a transition of `record` has come due (see {@link settle}): its own, or a replica's deletion. */
  isDue(record: StoredKey): boolean {
    return this.isPastDeletion(record) || this.isMaterialExpired(record) || (record.ReplicaRegions !== undefined && this.#replicaDue(record));
  }

  /** Whether a replica of primary `record` is past its deletion date (or gone). */
  #replicaDue(record: StoredKey): boolean {
    for (const region of record.ReplicaRegions!) {
      // A primary that never moved has no HomeRegion: its own region is home.
      const replica = this.repo.live(regionalKey(record.KeyId, region, record.HomeRegion ?? record.Region));
      if (replica === undefined || this.isPastDeletion(replica)) return true;
    }
    return false;
  }

  /**
   * Makes the transitions of `keyId` that have come due by the client's
   * clock, as one atomic change: a PendingDeletion key whose date has passed
   * is deleted with its aliases; imported material whose `ValidTo` has passed
   * is deleted, as DeleteImportedKeyMaterial does: the key returns to
   * PendingImport (PendingDeletion stays) (SEMANTICS.md STATE-5, IMP-7).
   */
  async settle(keyId: string): Promise<void> {
    await this.repo.transact((tx) => {
      const record = tx.key(keyId);
      if (record === undefined) return;
      if (this.isPastDeletion(record)) {
        tx.remove(keyId);
        // A replica deleted for good leaves its primary's list in the same change.
        if (isReplica(record)) {
          const primaryKey = regionalKey(record.KeyId, record.PrimaryRegion!, record.HomeRegion);
          const primary = tx.key(primaryKey);
          if (primary !== undefined) this.#dropReplicas(tx, primary, [record.Region]);
        }
        return;
      }
      let next = this.isMaterialExpired(record) ? withoutMaterial(record) : record;
      if (next.ReplicaRegions !== undefined) {
        const gone: string[] = [];
        for (const region of next.ReplicaRegions) {
          const replicaKey = regionalKey(next.KeyId, region, next.HomeRegion ?? next.Region);
          const replica = tx.key(replicaKey);
          if (replica === undefined || this.isPastDeletion(replica)) {
            if (replica !== undefined) tx.remove(replicaKey);
            gone.push(region);
          }
        }
        if (gone.length > 0) next = this.#withoutReplicas(next, gone);
      }
      if (next !== record) tx.put(next);
    });
  }

  /** Inside a transaction: `primary` without the replicas of `regions` (see {@link #withoutReplicas}). */
  #dropReplicas(tx: Tx, primary: StoredKey, regions: readonly string[]): void {
    tx.put(this.#withoutReplicas(primary, regions));
  }

  /**
   * `primary` without the replicas of `regions`. A primary in
   * PendingReplicaDeletion whose last replica is gone becomes PendingDeletion:
   * its waiting period starts now ([DOC] multi-region-keys-delete).
   */
  #withoutReplicas(primary: StoredKey, regions: readonly string[]): StoredKey {
    const left = (primary.ReplicaRegions ?? []).filter((r) => !regions.includes(r));
    const next: StoredKey = { ...primary, ReplicaRegions: left };
    if (primary.KeyState === 'PendingReplicaDeletion' && left.length === 0) {
      next.KeyState = 'PendingDeletion';
      next.DeletionDate = this.nowMs() + (primary.PendingWindowInDays ?? 30) * 86_400_000;
    }
    return next;
  }

  /**
   * Every live record of this region, of this account unless `ownAccount`
   * is false (transitions come due are made first).
   */
  async liveKeys(ownAccount = true): Promise<StoredKey[]> {
    await this.repo.ready();
    const out: StoredKey[] = [];
    const due: string[] = [];
    for (const { record } of this.repo.all()) {
      if ((ownAccount && record.AccountId !== this.accountId) || record.Region !== this.region) continue;
      if (this.isDue(record)) due.push(recordKey(record));
      else out.push(record);
    }
    for (const keyId of due) {
      await this.settle(keyId);
      const record = this.repo.live(keyId);
      if (record !== undefined) out.push(record);
    }
    return out;
  }

  /**
   * Changes one key atomically: `mutate` gets the current record (re-read
   * and given again after any concurrent change, so it must re-check its
   * rules) and returns the new record, or undefined for no change. Resolves
   * to the record as it now is.
   */
  async change(id: string, opts: ResolveOptions, mutate: (record: StoredKey) => StoredKey | undefined): Promise<StoredKey> {
    const first = await this.resolve(id, opts);
    return this.repo.transact(
      (tx) => {
        const record = this.lookup(tx, first.KeyId, first.AccountId);
        const next = mutate(record);
        if (next === undefined) return record;
        tx.put(next);
        return next;
      },
      first.KeyId,
    );
  }

  /** Runs an atomic change of several records and aliases (see {@link Repository.transact}). */
  transact<R>(fn: (tx: Tx) => R): Promise<R> {
    return this.repo.transact(fn);
  }

  /** Inside a transaction: the live record of key `keyId` of `account`, or NotFoundException. */
  lookup(tx: Tx, keyId: string, account: string = this.accountId): StoredKey {
    let record = tx.key(keyId);
    if ((record === undefined || record.Region !== this.region) && keyId.startsWith('mrk-')) record = tx.key(`${keyId}@${this.region}`) ?? record;
    if (record === undefined || record.AccountId !== account || record.Region !== this.region || this.isPastDeletion(record)) {
      throw this.#keyNotFound({ kind: 'key', keyId, account });
    }
    return record;
  }

  /**
   * Inside a transaction: the record alias `name` of this account belongs
   * to, or undefined. An owner past its deletion date is deleted in the same
   * change (its aliases are free again).
   */
  aliasIn(tx: Tx, name: string): StoredKey | undefined {
    const owner = tx.alias(this.accountId, this.region, name);
    if (owner === undefined) return undefined;
    const record = tx.key(owner);
    if (record === undefined) return undefined;
    if (this.isPastDeletion(record)) {
      tx.remove(owner);
      return undefined;
    }
    return record;
  }

  /** AlreadyExistsException for alias `name` of this account. */
  aliasExists(name: string): AlreadyExistsException {
    return new AlreadyExistsException(`An alias with the name ${this.aliasArn(name)} already exists`);
  }

  /**
   * The engine key for a MAC with `alg` on `record`, after the checks in
   * the order of SEMANTICS.md MAC-1: key state (STATE-1..STATE-4), key usage
   * (MAC-2), algorithm against the key spec (MAC-3).
   */
  macKey(record: StoredKey, alg: MacAlgorithmSpec, operation: 'GenerateMac' | 'VerifyMac'): HmacKey {
    if (!USABLE.has(record.KeyState)) {
      // PendingDeletion could be DisabledException too; KMSInvalidStateException
      // is what users report (SEMANTICS.md STATE-2).
      if (record.KeyState === 'Disabled') throw new DisabledException(`${record.Arn} is disabled.`);
      throw invalidState(record);
    }
    if (record.KeyUsage !== 'GENERATE_VERIFY_MAC') {
      // Recorded for GenerateMac; the VerifyMac wording is inferred (SEMANTICS.md MAC-2).
      throw new InvalidKeyUsageException(`${record.Arn} key usage is ${record.KeyUsage} which is not valid for ${operation}.`);
    }
    const spec = hmacSpec(record.KeySpec);
    if (spec === undefined || spec.alg !== alg) throw new InvalidKeyUsageException(`Algorithm ${alg} is incompatible with key spec ${record.KeySpec}.`);
    const secret = record.material;
    // An enabled HMAC key without material: the material is not available (SEMANTICS.md MAC-9).
    if (secret === undefined) throw new KeyUnavailableException(`${record.Arn} key material is not available.`);
    return this.repo.macKeys.get(recordKey(record), secret, spec.hash);
  }

  /**
   * Grant tokens: each must be a token that CreateGrant issued for a grant
   * that still exists on this key (SEMANTICS.md MAC-8).
   */
  checkGrantTokens(record: StoredKey, tokens: readonly string[] | undefined): void {
    if (tokens === undefined || tokens.length === 0) return;
    for (const token of tokens) {
      const h = tokenHash(token);
      if (!record.grants.some((g) => g.TokenHashes.includes(h))) throw new InvalidGrantTokenException('Invalid grant token.');
    }
  }

  /** DryRun is answered last, once everything else would have succeeded (SEMANTICS.md MAC-6). */
  checkDryRun(dryRun: boolean | undefined): void {
    if (dryRun === true) throw new DryRunOperationException(DRY_RUN_MESSAGE);
  }

  /** KeyMetadata as DescribeKey returns it (SEMANTICS.md MD-1..MD-3). */
  metadata(record: StoredKey): KeyMetadata {
    return keyMetadata(record, this.replicaRegionsOf(record));
  }

  /**
   * The replica regions of the multi-Region key `record` belongs to, as its
   * primary lists them (undefined for a single-Region key). A replica whose
   * primary is gone lists only itself.
   */
  replicaRegionsOf(record: StoredKey): readonly string[] | undefined {
    if (!record.MultiRegion) return undefined;
    if (!isReplica(record)) return record.ReplicaRegions ?? [];
    const primary = this.repo.live(regionalKey(record.KeyId, record.PrimaryRegion!, record.HomeRegion));
    return primary?.ReplicaRegions ?? [record.Region];
  }
}

/**
 * `record` without its imported material (DeleteImportedKeyMaterial, or
 * `ValidTo` passed): PendingImport, or PendingDeletion if it was. The old
 * SecretBytes is dropped, not wiped: a reader may still hold the record.
 */
export function withoutMaterial(record: StoredKey): StoredKey {
  const { material: _material, ExpirationModel: _model, ValidTo: _validTo, ...rest } = record;
  return { ...rest, KeyState: record.KeyState === 'PendingDeletion' ? 'PendingDeletion' : 'PendingImport' };
}

/** Whether `record` is a multi-Region replica (its primary is in another region). */
export function isReplica(record: StoredKey): boolean {
  return record.PrimaryRegion !== undefined && record.PrimaryRegion !== record.Region;
}
