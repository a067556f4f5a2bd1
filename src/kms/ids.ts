/**
 * Key identifiers and ARNs, as pure functions: the forms KMS accepts
 * (docs/SEMANTICS.md ID-1..ID-10), their parse, the ARNs of keys and aliases, the
 * partition of a region, and the random IDs the facade issues.
 */
import { sha256, toHex } from '../engine/index.js';
import { NotFoundException } from './errors.js';
import { aliasKey } from './key-store.js';

/** A key ID written with hex digits `hex`: a UUID, or `mrk-` + 32 digits for a multi-Region key. */
function keyIdForm(hex: string): RegExp {
  return new RegExp(`^(?:${hex}{8}-${hex}{4}-${hex}{4}-${hex}{4}-${hex}{12}|mrk-${hex}{32})$`);
}

// Key IDs: AWS issues lower-case hex. Upper-case hex is well-formed but
// names no key we issue, so it ends in "does not exist" (SEMANTICS.md ID-8).
const KEY_ID = keyIdForm('[0-9a-fA-F]');
const ISSUED_KEY_ID = keyIdForm('[0-9a-f]');

const ACCOUNT_ID = /^\d{12}$/;

/** Whether `id` is an AWS account ID: 12 digits. */
export function isAccountId(id: string): boolean {
  return ACCOUNT_ID.test(id);
}

/** Whether `id` is a syntactically valid key ID. */
export function isKeyId(id: string): boolean {
  return KEY_ID.test(id);
}

/** Whether `id` is a key ID as CreateKey issues them (lower-case hex): what a seed may fix a key's ID to. */
export function isIssuedKeyId(id: string): boolean {
  return ISSUED_KEY_ID.test(id);
}

/** Which identifier forms an operation accepts (SEMANTICS.md ID-2, ID-3). */
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
  /** Its key in the alias index (see `aliasKey`), made once per parse. */
  readonly index: string;
}
/** A parsed key identifier. */
export type Target = KeyTarget | AliasTarget;

/** Where identifiers are parsed: the caller's region, partition and account. */
export interface Scope {
  readonly region: string;
  readonly partition: string;
  readonly accountId: string;
}

/** The partition of a region (`aws`, `aws-cn`, `aws-us-gov`, ...). */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}

/** The ARN of key `keyId` of `account` in `scope`'s region. */
export function keyArn(scope: Scope, keyId: string, account: string = scope.accountId): string {
  return `arn:${scope.partition}:kms:${scope.region}:${account}:key/${keyId}`;
}

/** The ARN of alias `aliasName` (`alias/...`) of `account` in `scope`'s region. */
export function aliasArn(scope: Scope, aliasName: string, account: string = scope.accountId): string {
  return `arn:${scope.partition}:kms:${scope.region}:${account}:${aliasName}`;
}

/** `Invalid keyId '<id>'` (SEMANTICS.md ID-4). */
export function invalidKeyId(id: string): NotFoundException {
  return new NotFoundException(`Invalid keyId '${id}'`);
}

/**
 * Parses a key identifier (key ID, key ARN, `alias/<name>`, alias ARN),
 * raising AWS's NotFoundException texts: `Invalid arn <region>` for an ARN
 * of another region (SEMANTICS.md ID-6) and `Invalid keyId '<id>'` for
 * anything malformed, a malformed ARN, and an alias where the operation
 * takes only a key ID or ARN (ID-4).
 */
export function parseIdentifier(scope: Scope, id: string, opts: ResolveOptions): Target {
  if (id.startsWith('arn:')) {
    const parts = id.split(':');
    const resource = parts.slice(5).join(':');
    const [, partition, service, region, account] = parts;
    if (parts.length >= 6 && service === 'kms' && region !== undefined && region !== scope.region && /^[a-z0-9-]+$/.test(region)) {
      throw new NotFoundException(`Invalid arn ${region}`);
    }
    if (parts.length < 6 || partition !== scope.partition || service !== 'kms' || !isAccountId(account ?? '')) throw invalidKeyId(id);
    if (!opts.crossAccount && account !== scope.accountId) {
      // Operations without cross-account use look in the caller's account only (SEMANTICS.md ID-3).
      throw new NotFoundException(`Key '${id}' does not exist`);
    }
    if (resource.startsWith('key/') && isKeyId(resource.slice(4))) return { kind: 'key', keyId: resource.slice(4), account: account! };
    if (opts.aliases && resource.startsWith('alias/') && resource.length > 6) return { kind: 'alias', name: resource, account: account!, index: aliasKey(account!, scope.region, resource) };
    throw invalidKeyId(id);
  }
  if (id.startsWith('alias/')) {
    if (opts.aliases && id.length > 6) return { kind: 'alias', name: id, account: scope.accountId, index: aliasKey(scope.accountId, scope.region, id) };
    throw invalidKeyId(id);
  }
  if (isKeyId(id)) return { kind: 'key', keyId: id, account: scope.accountId };
  throw invalidKeyId(id);
}

function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  crypto.getRandomValues(out);
  return out;
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

/** The hex SHA-256 of a grant token: all the store ever keeps of it. */
export function tokenHash(token: string): string {
  return toHex(sha256(token));
}
