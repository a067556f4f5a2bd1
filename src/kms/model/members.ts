/**
 * Members that several operations share, written once: the shapes of the
 * KMS service model (`KeyIdType`, `GrantTokenList`, `TagList`, ...) with
 * their bounds and patterns (docs/SEMANTICS.md MODEL-1).
 */
import { MAC_ALGORITHM_SPECS } from './enums.js';
import { blob, boolean, described, enumeration, integer, list, required, string, structure } from './shape.js';

/** `KeyIdType`: 1-2048 characters; which forms resolve is the operation's rule (ID-1..ID-4). */
export const KEY_ID = string(1, 2048, 'Key ID or key ARN.');
/** `KeyIdType` where aliases resolve too (GenerateMac, VerifyMac, DescribeKey). */
export const KEY_ID_ANY = described(KEY_ID, 'Key ID, key ARN, alias name (alias/...) or alias ARN.');

/** `AliasNameType`: `alias/<name>`, 1-256 characters of this pattern. */
export const ALIAS_NAME = string(1, 256, 'alias/<name>: letters, digits and :/_- (not alias/aws/...).', /^[a-zA-Z0-9:/_-]+$/, '^[a-zA-Z0-9:/_-]+$');

/** `GrantTokenList`: 0-10 tokens of 1-8192 characters. */
export const GRANT_TOKENS = list(string(1, 8192, 'A grant token.'), 0, 10, 'Grant tokens from CreateGrant.');

export const DRY_RUN = boolean('Check everything but do nothing: succeeds with DryRunOperationException.');

/** `LimitType`; each list operation has its own default and cap. */
export const LIMIT = integer(1, 1000, 'At most this many items in one answer.');

/** `MarkerType`: 1-1024 characters of U+0020-U+00FF. */
export const MARKER = string(1, 1024, 'NextMarker of an earlier, truncated answer.', /^[\u0020-\u00FF]*$/, '[\\u0020-\\u00FF]*');

/** `PrincipalIdType`: 1-256 characters of this pattern. */
export const PRINCIPAL = string(1, 256, 'An AWS principal (ARN).', /^[\w+=,.@:/-]+$/, '^[\\w+=,.@:/-]+$');

/** `GrantIdType`. */
export const GRANT_ID = string(1, 128, 'A grant ID (CreateGrant returns it).');

/** `GrantNameType`. */
export const GRANT_NAME = string(1, 256, 'A name that makes CreateGrant idempotent.', /^[a-zA-Z0-9:/_-]+$/, '^[a-zA-Z0-9:/_-]+$');

/** `TagKeyType`. */
export const TAG_KEY = string(1, 128, 'A tag key.');

/** `TagList`: tags as `{TagKey, TagValue}` (violations at `tags.<n>.member.tagKey`, recorded). */
export const TAGS = list(
  structure({ TagKey: required(TAG_KEY), TagValue: required(string(0, 256, 'A tag value.')) }, 'A tag.'),
  0,
  Number.MAX_SAFE_INTEGER,
  'Tags.',
);

/** `BackingKeyIdType` (KeyMaterialId): 64 lower-case hex digits; symmetric encryption keys only. */
export const KEY_MATERIAL_ID = string(64, 64, 'Key material ID (symmetric encryption keys only).', /^[a-f0-9]+$/);

/** `MacAlgorithmSpec`. */
export const MAC_ALGORITHM = enumeration(MAC_ALGORITHM_SPECS, "The key's HMAC algorithm.");

/** GenerateMac's and VerifyMac's `Message` (`PlaintextType`: sensitive, 1-4096 bytes). */
export const MESSAGE = blob(1, 4096, 'The message.', { sensitive: true, text: true });

/** The most messages one GenerateMacBatch (the wasmac extension) takes. */
export const GENERATE_MAC_BATCH_MAX = 10_000;
