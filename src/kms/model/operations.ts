/**
 * The operations of the facade, one entry each: request members (in AWS's
 * model order, with their constraints). Everything that needs to know an
 * operation reads it here: request validation (`validate.ts`,
 * `mac-request.ts`), the wire codec, the list of commands and `KMS`'s
 * methods, the CLI's options. Its help lines are in `help.ts`, its response
 * members and exceptions in `outcomes.ts` (neither is in a browser bundle).
 * Adding an operation is an entry here, its help lines, its outcome and its
 * command file.
 *
 * Bounds and patterns are the service model's (docs/SEMANTICS.md MODEL-1)
 * unless a comment says otherwise.
 */
import {
  CUSTOMER_MASTER_KEY_SPECS,
  EXPIRATION_MODELS,
  GRANT_OPERATIONS,
  IMPORT_TYPES,
  KEY_SPECS,
  KEY_USAGES,
  ORIGINS,
  WRAPPING_ALGORITHMS,
  WRAPPING_KEY_SPECS,
} from './enums.js';
import {
  ALIAS_NAME,
  DRY_RUN,
  GENERATE_MAC_BATCH_MAX,
  GRANT_ID,
  GRANT_NAME,
  GRANT_TOKENS,
  KEY_ID,
  KEY_MATERIAL_ID,
  LIMIT,
  MAC_ALGORITHM,
  MARKER,
  MESSAGE,
  POLICY,
  PRINCIPAL,
  TAG_KEY,
  TAGS,
} from './members.js';
import {
  blob,
  boolean,
  enumeration,
  integer,
  list,
  map,
  required,
  string,
  structure,
  timestamp,
  withDefault,
  type Members,
  type Operation,
} from './shape.js';

function op<S extends Members>(o: Operation<S>): Operation<S> {
  return o;
}

const KEY_ONLY = { KeyId: required(KEY_ID) };

export const CancelKeyDeletion = op({
  name: 'CancelKeyDeletion',
  input: KEY_ONLY,
});

export const CreateAlias = op({
  name: 'CreateAlias',
  input: { AliasName: required(ALIAS_NAME), TargetKeyId: required(KEY_ID) },
});

export const CreateGrant = op({
  name: 'CreateGrant',
  input: {
    KeyId: required(KEY_ID),
    // Required before service principals joined the model (it is optional now
    // only because GranteeServicePrincipal may replace it, which the facade
    // does not have): SEMANTICS.md MODEL-2.
    GranteePrincipal: required(PRINCIPAL),
    RetiringPrincipal: PRINCIPAL,
    Operations: required(list(enumeration(GRANT_OPERATIONS), 0, Number.MAX_SAFE_INTEGER)),
    Constraints: structure({ EncryptionContextSubset: map(), EncryptionContextEquals: map(), SourceArn: string(1, 2048) }),
    GrantTokens: GRANT_TOKENS,
    Name: GRANT_NAME,
    DryRun: DRY_RUN,
  },
});

export const CreateKey = op({
  name: 'CreateKey',
  input: {
    Policy: POLICY,
    Description: string(0, 8192),
    KeyUsage: enumeration(KEY_USAGES),
    CustomerMasterKeySpec: enumeration(CUSTOMER_MASTER_KEY_SPECS),
    KeySpec: enumeration(KEY_SPECS),
    Origin: withDefault(enumeration(ORIGINS), 'AWS_KMS'),
    CustomKeyStoreId: string(1, 64),
    BypassPolicyLockoutSafetyCheck: boolean(),
    Tags: TAGS,
    MultiRegion: withDefault(boolean(), false),
    XksKeyId: string(1, 128),
  },
});

export const DeleteAlias = op({
  name: 'DeleteAlias',
  input: { AliasName: required(ALIAS_NAME) },
});

export const DeleteImportedKeyMaterial = op({
  name: 'DeleteImportedKeyMaterial',
  input: { KeyId: required(KEY_ID), KeyMaterialId: KEY_MATERIAL_ID },
});

export const DescribeKey = op({
  name: 'DescribeKey',
  input: { KeyId: required(KEY_ID), GrantTokens: GRANT_TOKENS },
});

export const DisableKey = op({
  name: 'DisableKey',
  input: KEY_ONLY,
});

export const EnableKey = op({
  name: 'EnableKey',
  input: KEY_ONLY,
});

export const GenerateMac = op({
  name: 'GenerateMac',
  input: {
    Message: required(MESSAGE),
    KeyId: required(KEY_ID),
    MacAlgorithm: required(MAC_ALGORITHM),
    GrantTokens: GRANT_TOKENS,
    DryRun: DRY_RUN,
  },
});

export const GenerateMacBatch = op({
  name: 'GenerateMacBatch',
  input: {
    Messages: required(list(MESSAGE, 1, GENERATE_MAC_BATCH_MAX)),
    KeyId: required(KEY_ID),
    MacAlgorithm: required(MAC_ALGORITHM),
    GrantTokens: GRANT_TOKENS,
    DryRun: DRY_RUN,
  },
  extension: true,
});

export const GetParametersForImport = op({
  name: 'GetParametersForImport',
  input: {
    KeyId: required(KEY_ID),
    WrappingAlgorithm: required(enumeration(WRAPPING_ALGORITHMS)),
    WrappingKeySpec: required(enumeration(WRAPPING_KEY_SPECS)),
  },
});

export const ImportKeyMaterial = op({
  name: 'ImportKeyMaterial',
  input: {
    KeyId: required(KEY_ID),
    ImportToken: required(blob(1, 6144)),
    EncryptedKeyMaterial: required(blob(1, 6144)),
    ValidTo: timestamp(),
    ExpirationModel: withDefault(enumeration(EXPIRATION_MODELS), 'KEY_MATERIAL_EXPIRES'),
    ImportType: enumeration(IMPORT_TYPES),
    KeyMaterialDescription: string(0, 256),
    KeyMaterialId: KEY_MATERIAL_ID,
  },
});

export const ListAliases = op({
  name: 'ListAliases',
  input: { KeyId: KEY_ID, Limit: withDefault(LIMIT, 50), Marker: MARKER },
});

export const ListGrants = op({
  name: 'ListGrants',
  input: {
    Limit: withDefault(LIMIT, 50),
    Marker: MARKER,
    KeyId: required(KEY_ID),
    GrantId: GRANT_ID,
    GranteePrincipal: PRINCIPAL,
  },
});

export const ListKeys = op({
  name: 'ListKeys',
  input: { Limit: withDefault(LIMIT, 100), Marker: MARKER },
});

export const ListResourceTags = op({
  name: 'ListResourceTags',
  input: { KeyId: required(KEY_ID), Limit: withDefault(LIMIT, 50), Marker: MARKER },
});

export const RetireGrant = op({
  name: 'RetireGrant',
  input: {
    GrantToken: string(1, 8192),
    KeyId: KEY_ID,
    GrantId: GRANT_ID,
    DryRun: DRY_RUN,
  },
});

export const RevokeGrant = op({
  name: 'RevokeGrant',
  input: { KeyId: required(KEY_ID), GrantId: required(GRANT_ID), DryRun: DRY_RUN },
});

export const ScheduleKeyDeletion = op({
  name: 'ScheduleKeyDeletion',
  input: {
    KeyId: required(KEY_ID),
    // The model's 1-365 here; the service's 7-30 is checked by the command,
    // in the service's own text (SEMANTICS.md MODEL-3).
    PendingWindowInDays: withDefault(integer(1, 365), 30),
  },
});

export const TagResource = op({
  name: 'TagResource',
  input: { KeyId: required(KEY_ID), Tags: required(TAGS) },
});

export const UntagResource = op({
  name: 'UntagResource',
  input: { KeyId: required(KEY_ID), TagKeys: required(list(TAG_KEY, 0, Number.MAX_SAFE_INTEGER)) },
});

export const UpdateAlias = op({
  name: 'UpdateAlias',
  input: { AliasName: required(ALIAS_NAME), TargetKeyId: required(KEY_ID) },
});

export const VerifyMac = op({
  name: 'VerifyMac',
  input: {
    Message: required(MESSAGE),
    KeyId: required(KEY_ID),
    MacAlgorithm: required(MAC_ALGORITHM),
    Mac: required(blob(1, 6144)),
    GrantTokens: GRANT_TOKENS,
    DryRun: DRY_RUN,
  },
});

// The operations tools call on an HMAC key besides the MAC operations, kept
// in their own files by theme; they are entries of this table like the above.
export * from './crypto-operations.js';
export * from './key-operations.js';
