/**
 * The operations of the facade, one entry each: request members (in AWS's
 * model order, with their constraints), response members, the exceptions it
 * may throw, one line of help. Everything that needs to know an operation
 * reads it here: request validation (`validate.ts`, `mac-request.ts`), the
 * wire codec, the list of commands and `KMS`'s methods, the CLI's options
 * and help. Adding an operation is an entry here and its command file.
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
  KEY_ID_ANY,
  KEY_MATERIAL_ID,
  LIMIT,
  MAC_ALGORITHM,
  MARKER,
  MESSAGE,
  PRINCIPAL,
  TAG_KEY,
  TAGS,
} from './members.js';
import {
  blob,
  boolean,
  described,
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
const KEY_ARN_OUT = { KeyId: 'string' } as const;
const LIST_OUT = { NextMarker: 'string', Truncated: 'boolean' } as const;

export const CancelKeyDeletion = op({
  name: 'CancelKeyDeletion',
  help: 'Cancels a scheduled deletion: the key becomes Disabled.',
  input: KEY_ONLY,
  output: KEY_ARN_OUT,
  errors: ['NotFoundException', 'KMSInvalidStateException'],
});

export const CreateAlias = op({
  name: 'CreateAlias',
  help: 'Gives a key a friendly name.',
  input: { AliasName: required(ALIAS_NAME), TargetKeyId: required(KEY_ID) },
  output: {},
  errors: ['InvalidAliasNameException', 'AlreadyExistsException', 'NotFoundException', 'KMSInvalidStateException', 'LimitExceededException'],
});

export const CreateGrant = op({
  name: 'CreateGrant',
  help: 'Lets a principal use a key for some operations; returns a grant token.',
  input: {
    KeyId: required(KEY_ID),
    // Required before service principals joined the model (it is optional now
    // only because GranteeServicePrincipal may replace it, which the facade
    // does not have): GRANT-1.
    GranteePrincipal: required(described(PRINCIPAL, 'The principal the grant is for.')),
    RetiringPrincipal: described(PRINCIPAL, 'The principal that may retire the grant.'),
    Operations: required(list(enumeration(GRANT_OPERATIONS, 'An operation.'), 0, Number.MAX_SAFE_INTEGER, 'The operations the grant allows.')),
    Constraints: structure(
      {
        EncryptionContextSubset: map('Encryption context the request must contain.'),
        EncryptionContextEquals: map('Encryption context the request must equal.'),
        SourceArn: string(1, 2048, 'The ARN of the resource the request must come from.'),
      },
      'Encryption-context constraints (symmetric encryption keys only).',
    ),
    GrantTokens: GRANT_TOKENS,
    Name: GRANT_NAME,
    DryRun: DRY_RUN,
  },
  output: { GrantToken: 'string', GrantId: 'string' },
  errors: ['NotFoundException', 'DisabledException', 'KMSInvalidStateException', 'InvalidGrantTokenException', 'DryRunOperationException', 'LimitExceededException'],
});

export const CreateKey = op({
  name: 'CreateKey',
  help: 'Creates an HMAC key (or a metadata-only key of another spec).',
  input: {
    Policy: string(1, 131072, 'A key policy (accepted, not evaluated).'),
    Description: string(0, 8192, 'Free text.'),
    KeyUsage: enumeration(KEY_USAGES, 'GENERATE_VERIFY_MAC for HMAC keys (required for every spec but SYMMETRIC_DEFAULT).'),
    CustomerMasterKeySpec: enumeration(CUSTOMER_MASTER_KEY_SPECS, 'Deprecated name of KeySpec.'),
    KeySpec: enumeration(KEY_SPECS, 'HMAC_224, HMAC_256, HMAC_384 or HMAC_512 for HMAC keys (other specs: metadata only).'),
    Origin: withDefault(enumeration(ORIGINS, 'AWS_KMS (material made here) or EXTERNAL (imported later).'), 'AWS_KMS'),
    CustomKeyStoreId: string(1, 64, 'Custom key stores are not supported.'),
    BypassPolicyLockoutSafetyCheck: boolean('Accepted, not evaluated.'),
    Tags: TAGS,
    MultiRegion: withDefault(boolean('A multi-Region key (mrk-...).'), false),
    XksKeyId: string(1, 128, 'External key stores are not supported.'),
  },
  output: { KeyMetadata: 'structure' },
  errors: ['TagException', 'UnsupportedOperationException'],
});

export const DeleteAlias = op({
  name: 'DeleteAlias',
  help: 'Deletes an alias (not its key).',
  input: { AliasName: required(ALIAS_NAME) },
  output: {},
  errors: ['NotFoundException'],
});

export const DeleteImportedKeyMaterial = op({
  name: 'DeleteImportedKeyMaterial',
  help: 'Deletes the imported material of an EXTERNAL key: it waits for an import again.',
  input: { KeyId: required(KEY_ID), KeyMaterialId: KEY_MATERIAL_ID },
  output: { KeyId: 'string', KeyMaterialId: 'string' },
  errors: ['NotFoundException', 'UnsupportedOperationException', 'KMSInvalidStateException'],
});

export const DescribeKey = op({
  name: 'DescribeKey',
  help: 'Shows the metadata of a key.',
  input: { KeyId: required(KEY_ID_ANY), GrantTokens: GRANT_TOKENS },
  output: { KeyMetadata: 'structure' },
  errors: ['NotFoundException', 'InvalidGrantTokenException'],
});

export const DisableKey = op({
  name: 'DisableKey',
  help: 'Disables a key: MAC operations fail until it is enabled.',
  input: KEY_ONLY,
  output: {},
  errors: ['NotFoundException', 'KMSInvalidStateException'],
});

export const EnableKey = op({
  name: 'EnableKey',
  help: 'Enables a disabled key.',
  input: KEY_ONLY,
  output: {},
  errors: ['NotFoundException', 'KMSInvalidStateException'],
});

const MAC_ERRORS = [
  'NotFoundException',
  'DisabledException',
  'KMSInvalidStateException',
  'InvalidKeyUsageException',
  'InvalidGrantTokenException',
  'DryRunOperationException',
  'KeyUnavailableException',
] as const;

export const GenerateMac = op({
  name: 'GenerateMac',
  help: 'Computes the HMAC of a message.',
  input: {
    Message: required(MESSAGE),
    KeyId: required(KEY_ID_ANY),
    MacAlgorithm: required(MAC_ALGORITHM),
    GrantTokens: GRANT_TOKENS,
    DryRun: DRY_RUN,
  },
  output: { Mac: 'blob', MacAlgorithm: 'enum', KeyId: 'string' },
  errors: MAC_ERRORS,
});

export const GenerateMacBatch = op({
  name: 'GenerateMacBatch',
  help: 'GenerateMac for many messages under one key (a wasmac extension).',
  input: {
    Messages: required(list(MESSAGE, 1, GENERATE_MAC_BATCH_MAX, 'The messages.')),
    KeyId: required(KEY_ID_ANY),
    MacAlgorithm: required(MAC_ALGORITHM),
    GrantTokens: GRANT_TOKENS,
    DryRun: DRY_RUN,
  },
  output: { Macs: 'list', MacAlgorithm: 'enum', KeyId: 'string' },
  errors: MAC_ERRORS,
  extension: true,
});

export const GetParametersForImport = op({
  name: 'GetParametersForImport',
  help: 'Gets a wrapping public key and an import token for an EXTERNAL key.',
  input: {
    KeyId: required(KEY_ID),
    WrappingAlgorithm: required(enumeration(WRAPPING_ALGORITHMS, 'RSAES_OAEP_SHA_1 or RSAES_OAEP_SHA_256 for HMAC material.')),
    WrappingKeySpec: required(enumeration(WRAPPING_KEY_SPECS, 'RSA_2048, RSA_3072 or RSA_4096 for HMAC material.')),
  },
  output: { KeyId: 'string', ImportToken: 'blob', PublicKey: 'blob', ParametersValidTo: 'timestamp' },
  errors: ['NotFoundException', 'UnsupportedOperationException', 'KMSInvalidStateException'],
});

export const ImportKeyMaterial = op({
  name: 'ImportKeyMaterial',
  help: 'Imports wrapped HMAC material into an EXTERNAL key.',
  input: {
    KeyId: required(KEY_ID),
    ImportToken: required(blob(1, 6144, 'The import token from GetParametersForImport.')),
    EncryptedKeyMaterial: required(blob(1, 6144, 'The material, wrapped under the public key of the same GetParametersForImport.')),
    ValidTo: timestamp('When the material expires (with KEY_MATERIAL_EXPIRES), at most 365 days ahead.'),
    ExpirationModel: withDefault(enumeration(EXPIRATION_MODELS, 'Whether the material expires (then ValidTo is required).'), 'KEY_MATERIAL_EXPIRES'),
    ImportType: enumeration(IMPORT_TYPES, 'Symmetric encryption keys only.'),
    KeyMaterialDescription: string(0, 256, 'Symmetric encryption keys only.'),
    KeyMaterialId: KEY_MATERIAL_ID,
  },
  output: { KeyId: 'string', KeyMaterialId: 'string' },
  errors: [
    'NotFoundException',
    'UnsupportedOperationException',
    'KMSInvalidStateException',
    'InvalidImportTokenException',
    'ExpiredImportTokenException',
    'InvalidCiphertextException',
    'IncorrectKeyMaterialException',
  ],
});

export const ListAliases = op({
  name: 'ListAliases',
  help: 'Lists the aliases of the account and region, or of one key.',
  input: { KeyId: KEY_ID, Limit: withDefault(described(LIMIT, 'At most this many aliases (1-1000, at most 100 are sent).'), 50), Marker: MARKER },
  output: { Aliases: 'list', ...LIST_OUT },
  errors: ['InvalidMarkerException', 'NotFoundException'],
});

export const ListGrants = op({
  name: 'ListGrants',
  help: 'Lists the grants of a key.',
  input: {
    Limit: withDefault(described(LIMIT, 'At most this many grants (1-1000, at most 100 are sent).'), 50),
    Marker: MARKER,
    KeyId: required(KEY_ID),
    GrantId: described(GRANT_ID, 'Only this grant.'),
    GranteePrincipal: described(PRINCIPAL, "Only this principal's grants."),
  },
  output: { Grants: 'list', ...LIST_OUT },
  errors: ['NotFoundException', 'InvalidGrantIdException', 'InvalidMarkerException'],
});

export const ListKeys = op({
  name: 'ListKeys',
  help: 'Lists the keys of the account and region.',
  input: { Limit: withDefault(described(LIMIT, 'At most this many keys.'), 100), Marker: MARKER },
  output: { Keys: 'list', ...LIST_OUT },
  errors: ['InvalidMarkerException'],
});

export const ListResourceTags = op({
  name: 'ListResourceTags',
  help: 'Lists the tags of a key.',
  input: { KeyId: required(KEY_ID), Limit: withDefault(described(LIMIT, 'At most this many tags (1-1000, at most 50 are sent).'), 50), Marker: MARKER },
  output: { Tags: 'list', ...LIST_OUT },
  errors: ['InvalidMarkerException', 'NotFoundException'],
});

export const RetireGrant = op({
  name: 'RetireGrant',
  help: 'Deletes a grant, by one of its tokens or by key and grant ID.',
  input: {
    GrantToken: string(1, 8192, 'A token of the grant.'),
    KeyId: described(KEY_ID, 'Key ID or key ARN (with --grant-id).'),
    GrantId: GRANT_ID,
    DryRun: DRY_RUN,
  },
  output: {},
  errors: ['InvalidGrantTokenException', 'InvalidGrantIdException', 'NotFoundException', 'DryRunOperationException'],
});

export const RevokeGrant = op({
  name: 'RevokeGrant',
  help: 'Deletes a grant of a key.',
  input: { KeyId: required(KEY_ID), GrantId: required(GRANT_ID), DryRun: DRY_RUN },
  output: {},
  errors: ['NotFoundException', 'InvalidGrantIdException', 'DryRunOperationException'],
});

export const ScheduleKeyDeletion = op({
  name: 'ScheduleKeyDeletion',
  help: 'Schedules a key for deletion after a waiting period.',
  input: {
    KeyId: required(KEY_ID),
    // The model allows 1-365; the service and its documentation say 7-30, in
    // the framework's wording (DEL-1).
    PendingWindowInDays: withDefault(integer(7, 30, 'Days before the key is deleted.'), 30),
  },
  output: { KeyId: 'string', DeletionDate: 'timestamp', KeyState: 'enum', PendingWindowInDays: 'integer' },
  errors: ['NotFoundException', 'KMSInvalidStateException'],
});

export const TagResource = op({
  name: 'TagResource',
  help: 'Adds or overwrites tags on a key.',
  input: { KeyId: required(KEY_ID), Tags: required(TAGS) },
  output: {},
  errors: ['TagException', 'NotFoundException', 'KMSInvalidStateException'],
});

export const UntagResource = op({
  name: 'UntagResource',
  help: 'Removes tags from a key.',
  input: { KeyId: required(KEY_ID), TagKeys: required(list(TAG_KEY, 0, Number.MAX_SAFE_INTEGER, 'Tag keys to remove.')) },
  output: {},
  errors: ['NotFoundException', 'KMSInvalidStateException'],
});

export const UpdateAlias = op({
  name: 'UpdateAlias',
  help: 'Points an alias at another key of the same type and usage.',
  input: { AliasName: required(ALIAS_NAME), TargetKeyId: required(described(KEY_ID, 'Key ID or key ARN of the new target.')) },
  output: {},
  errors: ['NotFoundException', 'KMSInvalidStateException'],
});

export const VerifyMac = op({
  name: 'VerifyMac',
  help: 'Checks an HMAC; fails with KMSInvalidMacException when it does not match.',
  input: {
    Message: required(MESSAGE),
    KeyId: required(KEY_ID_ANY),
    MacAlgorithm: required(MAC_ALGORITHM),
    Mac: required(blob(1, 6144, 'The MAC to check.')),
    GrantTokens: GRANT_TOKENS,
    DryRun: DRY_RUN,
  },
  output: { KeyId: 'string', MacValid: 'boolean', MacAlgorithm: 'enum' },
  errors: [...MAC_ERRORS, 'KMSInvalidMacException'],
});
