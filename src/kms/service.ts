/**
 * The facade's shared machinery, used by every command: key identifiers and
 * their resolution through the store, key-state rules, the engine `HmacKey`
 * cache, grant tokens, key metadata. One `Service` per `KMSClient`; internal
 * (not exported from the package).
 */
import { HmacKey, sha256, timingSafeEqual, toHex, type HashName } from '../engine/index.js';
import {
  DisabledException,
  DryRunOperationException,
  InvalidGrantTokenException,
  InvalidKeyUsageException,
  KeyUnavailableException,
  KMSInvalidStateException,
  NotFoundException,
} from './errors.js';
import type { KeyStore, StoredKey } from './key-store.js';
import type { KeyMetadata, MacAlgorithmSpec } from './models.js';
import { revealSecret, SecretBytes } from './secret.js';

/** The message of DryRunOperationException, as recorded from AWS (KMS-SEMANTICS.md V24). */
const DRY_RUN_MESSAGE = 'The request would have succeeded, but the DryRun option is set.';

/** HMAC key specs: the algorithm each supports, the engine's hash, and the material length. */
const HMAC_SPECS: Readonly<Record<string, { alg: MacAlgorithmSpec; hash: HashName; length: number }>> = {
  HMAC_224: { alg: 'HMAC_SHA_224', hash: 'sha224', length: 28 },
  HMAC_256: { alg: 'HMAC_SHA_256', hash: 'sha256', length: 32 },
  HMAC_384: { alg: 'HMAC_SHA_384', hash: 'sha384', length: 48 },
  HMAC_512: { alg: 'HMAC_SHA_512', hash: 'sha512', length: 64 },
};

/** The HMAC spec entry for `keySpec`, or undefined for non-HMAC specs. */
export function hmacSpec(keySpec: string): { alg: MacAlgorithmSpec; hash: HashName; length: number } | undefined {
  return Object.hasOwn(HMAC_SPECS, keySpec) ? HMAC_SPECS[keySpec] : undefined;
}

// Key IDs: a UUID (AWS issues lower-case v4), or `mrk-` + 32 hex digits for
// multi-Region keys (KMS-SEMANTICS.md §4). Upper-case hex is well-formed but
// names no key we issue, so it ends in "does not exist" [INF].
const KEY_ID = /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$/;

/** Whether `id` is a syntactically valid key ID. */
function isKeyId(id: string): boolean {
  return KEY_ID.test(id);
}

/** Which identifier forms an operation accepts (KMS-SEMANTICS.md §4). */
export interface ResolveOptions {
  /** `alias/<name>` and alias ARNs (cryptographic operations and DescribeKey only). */
  aliases: boolean;
  /** A key ARN (or alias ARN) of another account. */
  crossAccount: boolean;
}

/** GenerateMac, VerifyMac, DescribeKey: every form, cross-account by ARN. */
export const ANY_IDENTIFIER: ResolveOptions = { aliases: true, crossAccount: true };
/** CreateGrant, ListGrants, RevokeGrant, RetireGrant: key ID or key ARN, cross-account by ARN. */
export const KEY_OR_ARN_CROSS_ACCOUNT: ResolveOptions = { aliases: false, crossAccount: true };
/** Management operations: key ID or key ARN in the caller's account only. */
export const KEY_OR_ARN: ResolveOptions = { aliases: false, crossAccount: false };

/** States in which the key material may be used (GenerateMac / VerifyMac, KMS-SEMANTICS.md §2). */
const USABLE = new Set(['Enabled', 'Updating']);

/** `<key ARN> is <...>.`: the KMSInvalidStateException / DisabledException text for each state ([DOC] key-state footnotes). */
const STATE_PHRASE: Readonly<Record<string, string>> = {
  Disabled: 'is disabled.',
  PendingDeletion: 'is pending deletion.',
  // [INF] not observed; the key-state table only says "pending replica deletion".
  PendingReplicaDeletion: 'is pending replica deletion.',
  PendingImport: 'is pending import.',
  Creating: 'is creating.',
  // [INF] the key-state table's footnote [15] for Updating, worded like the others.
  Updating: 'is updating.',
  Unavailable: 'is unavailable.',
};

/** The KMSInvalidStateException for `record` in its current state. */
export function invalidState(record: StoredKey): KMSInvalidStateException {
  return new KMSInvalidStateException(`${record.Arn} ${Object.hasOwn(STATE_PHRASE, record.KeyState) ? STATE_PHRASE[record.KeyState] : `is ${record.KeyState}.`}`);
}

function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  crypto.getRandomValues(out);
  return out;
}

/**
 * Request IDs in UUID form, cheap enough for every call (`crypto.randomUUID`
 * per call costs as much as a third of a MAC): a random 27-digit prefix and
 * a 9-digit decimal counter (a small integer, so no float formatting); the
 * prefix is re-drawn when the counter wraps.
 * Unique within the process, like the `x-amzn-RequestId` they stand in for.
 */
let requestEpoch = '';
let requestCounter = 999_999_999;
export function requestId(): string {
  if (++requestCounter > 999_999_999) {
    // Drawn on first use, not at import: workerd forbids random values in global scope.
    requestCounter = 100_000_000;
    requestEpoch = uuid().slice(0, 24) + randomHex(2).slice(1);
  }
  return requestEpoch + requestCounter;
}

/** A UUID v4 (RFC 9562), from `crypto.randomUUID` where the runtime has it. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = randomBytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = toHex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Random lower-case hex of `n` bytes. */
export function randomHex(n: number): string {
  return toHex(randomBytes(n));
}

/** Fresh random key material for an HMAC spec, boxed; the temporary copy is wiped. */
export function newMaterial(length: number): SecretBytes {
  const bytes = randomBytes(length);
  const secret = new SecretBytes(bytes);
  bytes.fill(0);
  return secret;
}

/** The hex SHA-256 of a grant token: all the store ever keeps of it. */
export function tokenHash(token: string): string {
  return toHex(sha256(token));
}

/** The partition of a region (`aws`, `aws-cn`, `aws-us-gov`, ...). */
function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}

/** How many parsed identifiers a client remembers before starting over. */
const PARSE_CACHE_SIZE = 1024;

interface CachedKey {
  secret: SecretBytes;
  hash: HashName;
  key: HmacKey;
}

/** A parsed key ID or key ARN. */
export interface KeyTarget {
  readonly kind: 'key';
  readonly keyId: string;
  readonly account: string;
}
/** A parsed alias name or alias ARN. */
export interface AliasTarget {
  readonly kind: 'alias';
  readonly name: string;
  readonly account: string;
}
/** A parsed key identifier. */
export type Target = KeyTarget | AliasTarget;

/** The facade's state and rules for one client. */
export class Service {
  readonly region: string;
  readonly accountId: string;
  readonly partition: string;
  readonly store: KeyStore;
  readonly now: () => Date;
  readonly #hmacKeys = new Map<string, CachedKey>();
  /** alias name (alias ARN for other accounts) -> key ID: a hint only, checked against the store on every use. */
  readonly #aliasHints = new Map<string, string>();
  /** Identifier -> its parse with {@link ANY_IDENTIFIER} (the MAC operations' form). */
  readonly #parsedAny = new Map<string, Target>();

  constructor(region: string, accountId: string, store: KeyStore, now: () => Date) {
    this.region = region;
    this.accountId = accountId;
    this.partition = partitionOf(region);
    this.store = store;
    this.now = now;
  }

  /** The current time in epoch milliseconds, by the client's clock. */
  nowMs(): number {
    return this.now().getTime();
  }

  /** The ARN of key `keyId` of `account` in this client's region. */
  keyArn(keyId: string, account: string = this.accountId): string {
    return `arn:${this.partition}:kms:${this.region}:${account}:key/${keyId}`;
  }

  /** The ARN of alias `aliasName` (`alias/...`) of `account` in this client's region. */
  aliasArn(aliasName: string, account: string = this.accountId): string {
    return `arn:${this.partition}:kms:${this.region}:${account}:${aliasName}`;
  }

  /**
   * Parses a key identifier (key ID, key ARN, `alias/<name>`, alias ARN),
   * raising AWS's NotFoundException texts: `Invalid arn <region>` for an ARN
   * of another region (V15, [REC]) and `Invalid keyId '<id>'` for anything
   * malformed (V13, [REC]). A malformed ARN, and an alias where the operation
   * takes only a key ID or ARN, get the `Invalid keyId` text too [INF].
   */
  parse(id: string, opts: ResolveOptions): Target {
    if (id.startsWith('arn:')) {
      const parts = id.split(':');
      const resource = parts.slice(5).join(':');
      const [, partition, service, region, account] = parts;
      if (parts.length >= 6 && service === 'kms' && region !== undefined && region !== this.region && /^[a-z0-9-]+$/.test(region)) {
        throw new NotFoundException(`Invalid arn ${region}`);
      }
      if (parts.length < 6 || partition !== this.partition || service !== 'kms' || !/^\d{12}$/.test(account ?? '')) throw invalidKeyId(id);
      if (!opts.crossAccount && account !== this.accountId) {
        // Operations without cross-account use look in the caller's account only [INF].
        throw new NotFoundException(`Key '${id}' does not exist`);
      }
      if (resource.startsWith('key/') && isKeyId(resource.slice(4))) return { kind: 'key', keyId: resource.slice(4), account: account! };
      if (opts.aliases && resource.startsWith('alias/') && resource.length > 6) return { kind: 'alias', name: resource, account: account! };
      throw invalidKeyId(id);
    }
    if (id.startsWith('alias/')) {
      if (opts.aliases && id.length > 6) return { kind: 'alias', name: id, account: this.accountId };
      throw invalidKeyId(id);
    }
    if (isKeyId(id)) return { kind: 'key', keyId: id, account: this.accountId };
    throw invalidKeyId(id);
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
   * The live record for `id`, resolved through the store on every call (other
   * processes may share it). A PendingDeletion key whose deletion date has
   * passed by the client's clock is deleted here and reported missing.
   * @throws NotFoundException (V13-V16)
   */
  async resolve(id: string, opts: ResolveOptions): Promise<StoredKey> {
    const target = this.parseCached(id, opts);
    if (target.kind === 'alias') return this.resolveAlias(target);
    return this.checkKey(await this.store.get(target.keyId), target);
  }

  /**
   * The checks after the store read for a key ID (split out so that the MAC
   * operations await the store directly, one async frame fewer): the record,
   * or a promise of it when something must be written first (a deletion or
   * material expiry that has come due).
   */
  checkKey(record: StoredKey | undefined, target: KeyTarget): StoredKey | Promise<StoredKey> {
    if (record === undefined || record.AccountId !== target.account || record.Region !== this.region) throw this.#keyNotFound(target);
    if (this.isPastDeletion(record)) {
      return this.expired(record).then(() => {
        throw this.#keyNotFound(target);
      });
    }
    // The common case (no expiring material) stays synchronous.
    return record.ValidTo === undefined ? record : this.expireMaterial(record);
  }

  #keyNotFound(target: KeyTarget): NotFoundException {
    return new NotFoundException(`Key '${this.keyArn(target.keyId, target.account)}' does not exist`);
  }

  /**
   * `resolve` with every identifier form, for the MAC operations' hot path:
   * the record itself, with no promise at all, for a key ID in a store with
   * `getSync`; otherwise a promise of it. Throws or rejects as `resolve`.
   */
  resolveForMac(id: string): StoredKey | Promise<StoredKey> {
    const target = this.parseCached(id, ANY_IDENTIFIER);
    if (target.kind === 'alias') return this.resolveAlias(target);
    const read = this.readKey(target.keyId);
    return read instanceof Promise ? read.then((record) => this.checkKey(record, target)) : this.checkKey(read, target);
  }

  /** The store's record for `keyId`: synchronously when the store offers `getSync`, else a promise. */
  readKey(keyId: string): StoredKey | undefined | Promise<StoredKey | undefined> {
    const store = this.store;
    return store.getSync !== undefined ? store.getSync(keyId) : store.get(keyId);
  }

  /** The record an alias points at (V16 when there is none), by its hint when the hint still holds. */
  async resolveAlias(target: AliasTarget): Promise<StoredKey> {
    const hint = this.#aliasHints.get(this.#hintKey(target.name, target.account));
    let record = hint === undefined ? undefined : await this.readKey(hint);
    if (record === undefined || !this.holdsAlias(record, target.name, target.account) || this.isPastDeletion(record)) {
      record = await this.findAlias(target.name, target.account);
    }
    if (record === undefined) throw new NotFoundException(`Alias ${this.aliasArn(target.name, target.account)} is not found.`);
    return record.ValidTo === undefined ? record : this.expireMaterial(record);
  }

  /** The alias-hint key: the alias name for this account (no string building per call), the alias ARN for others. */
  #hintKey(name: string, account: string): string {
    return account === this.accountId ? name : this.aliasArn(name, account);
  }

  /**
   * Imported material whose `ValidTo` has passed by the client's clock is
   * deleted, as DeleteImportedKeyMaterial does: the key returns to
   * PendingImport (PendingDeletion stays) and its cached `HmacKey` is dropped
   * ([M] ImportKeyMaterial `ValidTo`: "When the key material expires, KMS
   * deletes the key material"). Returns the record as it now is.
   */
  async expireMaterial(record: StoredKey): Promise<StoredKey> {
    if (record.ValidTo === undefined || record.material === undefined || record.ValidTo > this.nowMs()) return record;
    const { material: _material, ExpirationModel: _model, ValidTo: _validTo, ...rest } = record;
    const next: StoredKey = { ...rest, KeyState: record.KeyState === 'PendingDeletion' ? 'PendingDeletion' : 'PendingImport' };
    await this.save(next, true);
    return next;
  }

  /** The key that alias `name` of `account` points at, or undefined. */
  async findAlias(name: string, account: string = this.accountId): Promise<StoredKey | undefined> {
    const arn = this.#hintKey(name, account);
    const hint = this.#aliasHints.get(arn);
    if (hint !== undefined) {
      const record = await this.store.get(hint);
      if (record !== undefined && this.holdsAlias(record, name, account)) {
        return this.isPastDeletion(record) && (await this.expired(record)) ? undefined : record;
      }
      this.#aliasHints.delete(arn);
    }
    for (const record of await this.store.list()) {
      if (!this.holdsAlias(record, name, account)) continue;
      if (await this.expired(record)) return undefined;
      this.#aliasHints.set(arn, record.KeyId);
      return record;
    }
    return undefined;
  }

  /** Whether `record` is a key of `account` in this region with alias `name`. */
  holdsAlias(record: StoredKey, name: string, account: string = this.accountId): boolean {
    if (record.AccountId !== account || record.Region !== this.region) return false;
    for (const a of record.aliases) if (a.AliasName === name) return true;
    return false;
  }

  /** Whether `record` is PendingDeletion and its deletion date has passed (a synchronous check, for the hot path). */
  isPastDeletion(record: StoredKey): boolean {
    return record.KeyState === 'PendingDeletion' && record.DeletionDate !== undefined && record.DeletionDate <= this.nowMs();
  }

  /** Deletes `record` if it is PendingDeletion and its date has passed; whether it did. */
  async expired(record: StoredKey): Promise<boolean> {
    if (!this.isPastDeletion(record)) return false;
    this.forget(record.KeyId);
    await this.store.delete(record.KeyId);
    return true;
  }

  /** Every live record of this account and region (expired ones are deleted on the way). */
  async liveKeys(): Promise<StoredKey[]> {
    const out: StoredKey[] = [];
    for (const record of await this.store.list()) {
      if (record.AccountId !== this.accountId || record.Region !== this.region) continue;
      if (await this.expired(record)) continue;
      out.push(record);
    }
    return out;
  }

  /** Stores `record`; `stateChanged` drops the cached `HmacKey` (it is rebuilt on next use). */
  async save(record: StoredKey, stateChanged = false): Promise<void> {
    if (stateChanged) this.forget(record.KeyId);
    await this.store.put(record);
  }

  /** Drops and wipes the cached `HmacKey` of `keyId`. */
  forget(keyId: string): void {
    const cached = this.#hmacKeys.get(keyId);
    if (cached === undefined) return;
    cached.key.destroy();
    this.#hmacKeys.delete(keyId);
  }

  /**
   * The engine key for a MAC with `alg` on `record`, after the checks in the
   * order LocalStack, local-kms and ministack use (KMS-SEMANTICS.md §1.4 "Order
   * of the checks": not observed from AWS): key state (V17-V20), key usage
   * (V21), algorithm against the key spec (V22).
   */
  macKey(record: StoredKey, alg: MacAlgorithmSpec, operation: 'GenerateMac' | 'VerifyMac'): HmacKey {
    if (!USABLE.has(record.KeyState)) {
      // PendingDeletion could be DisabledException by footnote [2]; the
      // KMSInvalidStateException of footnote [3] is what users report (V18).
      if (record.KeyState === 'Disabled') throw new DisabledException(`${record.Arn} is disabled.`);
      throw invalidState(record);
    }
    if (record.KeyUsage !== 'GENERATE_VERIFY_MAC') {
      // Recorded for GenerateMac; the VerifyMac wording (`... for VerifyMac.`) is [INF].
      throw new InvalidKeyUsageException(`${record.Arn} key usage is ${record.KeyUsage} which is not valid for ${operation}.`);
    }
    const spec = hmacSpec(record.KeySpec);
    if (spec === undefined || spec.alg !== alg) throw new InvalidKeyUsageException(`Algorithm ${alg} is incompatible with key spec ${record.KeySpec}.`);
    return this.hmacKey(record, spec.hash);
  }

  /**
   * The cached engine key of `record`, so that a MAC costs no key setup. The
   * cache holds only the engine's pad states; it is reused while the record's
   * material is the same object (a memory store) or has equal bytes (a store
   * that reads records afresh), and rebuilt otherwise.
   */
  hmacKey(record: StoredKey, hash: HashName): HmacKey {
    const secret = record.material;
    // An enabled HMAC key without material: the material is not available (V27).
    if (secret === undefined) throw new KeyUnavailableException(`${record.Arn} key material is not available.`);
    const cached = this.#hmacKeys.get(record.KeyId);
    if (cached !== undefined && cached.hash === hash) {
      if (cached.secret === secret) return cached.key;
      if (timingSafeEqual(revealSecret(cached.secret), revealSecret(secret))) {
        cached.secret = secret;
        return cached.key;
      }
    }
    this.forget(record.KeyId);
    const key = new HmacKey(hash, revealSecret(secret));
    this.#hmacKeys.set(record.KeyId, { secret, hash, key });
    return key;
  }

  /**
   * Grant tokens (V23): each must be a token that CreateGrant issued for a
   * grant that still exists on this key. AWS's message is unknown (§9.7):
   * [INF] `Invalid grant token.`
   */
  checkGrantTokens(record: StoredKey, tokens: readonly string[] | undefined): void {
    if (tokens === undefined || tokens.length === 0) return;
    for (const token of tokens) {
      const h = tokenHash(token);
      if (!record.grants.some((g) => g.TokenHashes.includes(h))) throw new InvalidGrantTokenException('Invalid grant token.');
    }
  }

  /** DryRun is answered last, once everything else would have succeeded (V24). */
  checkDryRun(dryRun: boolean | undefined): void {
    if (dryRun === true) throw new DryRunOperationException(DRY_RUN_MESSAGE);
  }

  /** KeyMetadata as DescribeKey returns it (KMS-SEMANTICS.md §3, §7). */
  metadata(record: StoredKey): KeyMetadata {
    return keyMetadata(record, this.region);
  }
}

function invalidKeyId(id: string): NotFoundException {
  return new NotFoundException(`Invalid keyId '${id}'`);
}

/** Specs the deprecated `CustomerMasterKeySpec` member can name. */
const CMK_SPECS = new Set([
  'ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'ECC_SECG_P256K1', 'HMAC_224', 'HMAC_256', 'HMAC_384', 'HMAC_512', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'SM2', 'SYMMETRIC_DEFAULT',
]);

const RSA_SIGNING = ['RSASSA_PSS_SHA_256', 'RSASSA_PSS_SHA_384', 'RSASSA_PSS_SHA_512', 'RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_384', 'RSASSA_PKCS1_V1_5_SHA_512'] as const;
const ECDSA: Readonly<Record<string, 'ECDSA_SHA_256' | 'ECDSA_SHA_384' | 'ECDSA_SHA_512'>> = {
  ECC_NIST_P256: 'ECDSA_SHA_256',
  ECC_NIST_P384: 'ECDSA_SHA_384',
  ECC_NIST_P521: 'ECDSA_SHA_512',
  ECC_SECG_P256K1: 'ECDSA_SHA_256',
};

/**
 * KeyMetadata for a record: the members DescribeKey shows for its spec and
 * usage (HMAC keys: `MacAlgorithms` and no encryption or signing algorithms,
 * recorded 2025-11-10), `DeletionDate` only while PendingDeletion,
 * `ExpirationModel`/`ValidTo` only for EXTERNAL keys ([M] KeyMetadata docs).
 */
function keyMetadata(record: StoredKey, region: string): KeyMetadata {
  const spec = record.KeySpec;
  const usage = record.KeyUsage;
  const md: KeyMetadata = {
    AWSAccountId: record.AccountId,
    KeyId: record.KeyId,
    Arn: record.Arn,
    CreationDate: new Date(record.CreationDate),
    Enabled: record.KeyState === 'Enabled',
    Description: record.Description,
    KeyUsage: usage as KeyMetadata['KeyUsage'],
    KeyState: record.KeyState as KeyMetadata['KeyState'],
    Origin: record.Origin as KeyMetadata['Origin'],
    KeyManager: 'CUSTOMER',
    KeySpec: spec as KeyMetadata['KeySpec'],
    MultiRegion: record.MultiRegion,
  };
  if (CMK_SPECS.has(spec)) md.CustomerMasterKeySpec = spec as KeyMetadata['CustomerMasterKeySpec'];
  if (record.KeyState === 'PendingDeletion' && record.DeletionDate !== undefined) md.DeletionDate = new Date(record.DeletionDate);
  if (record.KeyState === 'PendingReplicaDeletion' && record.PendingWindowInDays !== undefined) md.PendingDeletionWindowInDays = record.PendingWindowInDays;
  if (record.Origin === 'EXTERNAL' && record.ExpirationModel !== undefined) {
    md.ExpirationModel = record.ExpirationModel as KeyMetadata['ExpirationModel'];
    if (record.ValidTo !== undefined) md.ValidTo = new Date(record.ValidTo);
  }
  const hmac = hmacSpec(spec);
  if (hmac !== undefined) md.MacAlgorithms = [hmac.alg];
  else if (usage === 'ENCRYPT_DECRYPT') {
    md.EncryptionAlgorithms = spec === 'SYMMETRIC_DEFAULT' ? ['SYMMETRIC_DEFAULT'] : spec === 'SM2' ? ['SM2PKE'] : ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'];
  } else if (usage === 'SIGN_VERIFY') {
    if (spec.startsWith('RSA_')) md.SigningAlgorithms = [...RSA_SIGNING];
    else if (Object.hasOwn(ECDSA, spec)) md.SigningAlgorithms = [ECDSA[spec]!];
    else if (spec === 'ECC_NIST_EDWARDS25519') md.SigningAlgorithms = ['ED25519_SHA_512', 'ED25519_PH_SHA_512'];
    else if (spec.startsWith('ML_DSA_')) md.SigningAlgorithms = ['ML_DSA_SHAKE_256'];
    else if (spec === 'SM2') md.SigningAlgorithms = ['SM2DSA'];
  } else if (usage === 'KEY_AGREEMENT') md.KeyAgreementAlgorithms = ['ECDH'];
  else if (usage === 'ENCAPSULATE_DECAPSULATE') md.EncapsulationAlgorithms = ['ML_KEM'];
  if (record.MultiRegion) {
    md.MultiRegionConfiguration = { MultiRegionKeyType: 'PRIMARY', PrimaryKey: { Arn: record.Arn, Region: region }, ReplicaKeys: [] };
  }
  return md;
}
