/**
 * Members that several operations share, written once: the shapes of the
 * KMS service model (`KeyIdType`, `GrantTokenList`, `TagList`, ...) with
 * their bounds and patterns (docs/SEMANTICS.md MODEL-1).
 */
import { MAC_ALGORITHM_SPECS } from './enums.js';
import { blob, boolean, enumeration, integer, list, required, string, structure } from './shape.js';

/** `KeyIdType`: 1-2048 characters; which forms resolve is the operation's rule (SEMANTICS.md ID-2, ID-3). */
export const KEY_ID = string(1, 2048);

/** `AliasNameType`: `alias/<name>`, 1-256 characters of this pattern. */
export const ALIAS_NAME = string(1, 256, /^[a-zA-Z0-9:/_-]+$/, '^[a-zA-Z0-9:/_-]+$');

/** `GrantTokenList`: 0-10 tokens of 1-8192 characters. */
export const GRANT_TOKENS = list(string(1, 8192), 0, 10);

export const DRY_RUN = boolean();

/** `PolicyType`: 1-131072 characters of tab, LF, CR and U+0020-U+00FF ([M]); CreateKey, PutKeyPolicy, ReplicateKey. */
export const POLICY = string(
  1,
  131072,
  /^[\u0009\u000A\u000D\u0020-\u00FF]+$/,
  '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+',
);

/** `LimitType`; each list operation has its own default and cap. */
export const LIMIT = integer(1, 1000);

/** `MarkerType`: 1-1024 characters of U+0020-U+00FF. */
export const MARKER = string(1, 1024, /^[\u0020-\u00FF]*$/, '[\\u0020-\\u00FF]*');

/** `PrincipalIdType`: 1-256 characters of this pattern. */
export const PRINCIPAL = string(1, 256, /^[\w+=,.@:/-]+$/, '^[\\w+=,.@:/-]+$');

/** `GrantIdType`. */
export const GRANT_ID = string(1, 128);

/** `GrantNameType`. */
export const GRANT_NAME = string(1, 256, /^[a-zA-Z0-9:/_-]+$/, '^[a-zA-Z0-9:/_-]+$');

/** `TagKeyType`. */
export const TAG_KEY = string(1, 128);

/** `TagList`: tags as `{TagKey, TagValue}` (violations at `tags.<n>.member.tagKey`, SEMANTICS.md REQ-9). */
export const TAGS = list(structure({ TagKey: required(TAG_KEY), TagValue: required(string(0, 256)) }), 0, Number.MAX_SAFE_INTEGER);

/** `BackingKeyIdType` (KeyMaterialId): 64 lower-case hex digits; symmetric encryption keys only. */
export const KEY_MATERIAL_ID = string(64, 64, /^[a-f0-9]+$/);

/** `MacAlgorithmSpec`. */
export const MAC_ALGORITHM = enumeration(MAC_ALGORITHM_SPECS);

/** GenerateMac's and VerifyMac's `Message` (`PlaintextType`: sensitive, 1-4096 bytes). */
export const MESSAGE = blob(1, 4096, { sensitive: true, text: true });

/** The most messages one GenerateMacBatch (the wasmac extension) takes. */
export const GENERATE_MAC_BATCH_MAX = 10_000;
