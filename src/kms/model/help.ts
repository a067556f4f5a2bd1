/**
 * One line of help per operation and per request member, for the CLI's
 * `--help` (`src/node/cli-help.ts`). Apart from the model entries so that a
 * runtime that never prints help (a browser bundle) does not carry the text;
 * `test/kms/model.test.ts` checks that every operation and member of the
 * table has its line and nothing else does.
 */

/** A member's usual meaning, by member name; an operation may say more in {@link OPERATION_HELP}. */
export const MEMBER_HELP: Readonly<Record<string, string>> = {
  AliasName: 'alias/<name>: letters, digits and :/_- (not alias/aws/...).',
  BypassPolicyLockoutSafetyCheck: 'Accepted, not evaluated.',
  Constraints: 'Encryption-context constraints (symmetric encryption keys only).',
  CustomKeyStoreId: 'Custom key stores are not supported.',
  CustomerMasterKeySpec: 'Deprecated name of KeySpec.',
  Description: 'Free text.',
  DryRun: 'Check everything but do nothing: succeeds with DryRunOperationException.',
  EncryptedKeyMaterial: 'The material, wrapped under the public key of the same GetParametersForImport.',
  ExpirationModel: 'Whether the material expires (then ValidTo is required).',
  GrantId: 'A grant ID (CreateGrant returns it).',
  GrantToken: 'A token of the grant.',
  GrantTokens: 'Grant tokens from CreateGrant.',
  GranteePrincipal: 'The principal the grant is for.',
  ImportToken: 'The import token from GetParametersForImport.',
  ImportType: 'Symmetric encryption keys only.',
  KeyId: 'Key ID or key ARN.',
  KeyMaterialDescription: 'Symmetric encryption keys only.',
  KeyMaterialId: 'Key material ID (symmetric encryption keys only).',
  KeySpec: 'HMAC_224, HMAC_256, HMAC_384 or HMAC_512 for HMAC keys (other specs: metadata only).',
  KeyUsage: 'GENERATE_VERIFY_MAC for HMAC keys (required for every spec but SYMMETRIC_DEFAULT).',
  Limit: 'At most this many items in one answer.',
  Mac: 'The MAC to check.',
  MacAlgorithm: "The key's HMAC algorithm.",
  Marker: 'NextMarker of an earlier, truncated answer.',
  Message: 'The message.',
  Messages: 'The messages.',
  MultiRegion: 'A multi-Region key (mrk-...).',
  Name: 'A name that makes CreateGrant idempotent.',
  Operations: 'The operations the grant allows.',
  Origin: 'AWS_KMS (material made here) or EXTERNAL (imported later).',
  PendingWindowInDays: 'Days before the key is deleted.',
  Policy: 'A key policy (accepted, not evaluated).',
  RetiringPrincipal: 'The principal that may retire the grant.',
  TagKeys: 'Tag keys to remove.',
  Tags: 'Tags.',
  TargetKeyId: 'Key ID or key ARN.',
  ValidTo: 'When the material expires (with KEY_MATERIAL_EXPIRES), at most 365 days ahead.',
  WrappingAlgorithm: 'RSAES_OAEP_SHA_1 or RSAES_OAEP_SHA_256 for HMAC material.',
  WrappingKeySpec: 'RSA_2048, RSA_3072 or RSA_4096 for HMAC material.',
  XksKeyId: 'External key stores are not supported.',
};

const ANY_KEY = 'Key ID, key ARN, alias name (alias/...) or alias ARN.';

/** What each operation does, and what its members mean where that is more than {@link MEMBER_HELP} says. */
export const OPERATION_HELP: Readonly<Record<string, { help: string; members?: Readonly<Record<string, string>> }>> = {
  CancelKeyDeletion: { help: 'Cancels a scheduled deletion: the key becomes Disabled.' },
  CreateAlias: { help: 'Gives a key a friendly name.' },
  CreateGrant: { help: 'Lets a principal use a key for some operations; returns a grant token.' },
  CreateKey: { help: 'Creates an HMAC key (or a metadata-only key of another spec).' },
  DeleteAlias: { help: 'Deletes an alias (not its key).' },
  DeleteImportedKeyMaterial: { help: 'Deletes the imported material of an EXTERNAL key: it waits for an import again.' },
  DescribeKey: { help: 'Shows the metadata of a key.', members: { KeyId: ANY_KEY } },
  DisableKey: { help: 'Disables a key: MAC operations fail until it is enabled.' },
  EnableKey: { help: 'Enables a disabled key.' },
  GenerateMac: { help: 'Computes the HMAC of a message.', members: { KeyId: ANY_KEY } },
  GenerateMacBatch: { help: 'GenerateMac for many messages under one key (a wasmac extension).', members: { KeyId: ANY_KEY } },
  GetParametersForImport: { help: 'Gets a wrapping public key and an import token for an EXTERNAL key.' },
  ImportKeyMaterial: { help: 'Imports wrapped HMAC material into an EXTERNAL key.' },
  ListAliases: {
    help: 'Lists the aliases of the account and region, or of one key.',
    members: { Limit: 'At most this many aliases (at most 100 are sent).' },
  },
  ListGrants: {
    help: 'Lists the grants of a key.',
    members: { Limit: 'At most this many grants (at most 100 are sent).', GrantId: 'Only this grant.', GranteePrincipal: "Only this principal's grants." },
  },
  ListKeys: { help: 'Lists the keys of the account and region.', members: { Limit: 'At most this many keys.' } },
  ListResourceTags: { help: 'Lists the tags of a key.', members: { Limit: 'At most this many tags (at most 50 are sent).' } },
  RetireGrant: { help: 'Deletes a grant, by one of its tokens or by key and grant ID.', members: { KeyId: 'Key ID or key ARN (with --grant-id).' } },
  RevokeGrant: { help: 'Deletes a grant of a key.' },
  ScheduleKeyDeletion: { help: 'Schedules a key for deletion after a waiting period.' },
  TagResource: { help: 'Adds or overwrites tags on a key.' },
  UntagResource: { help: 'Removes tags from a key.' },
  UpdateAlias: { help: 'Points an alias at another key of the same type and usage.', members: { TargetKeyId: 'Key ID or key ARN of the new target.' } },
  VerifyMac: { help: 'Checks an HMAC; fails with KMSInvalidMacException when it does not match.', members: { KeyId: ANY_KEY } },
};

/** The help line of operation `name`. */
export function operationHelp(name: string): string {
  return OPERATION_HELP[name]?.help ?? '';
}

/** The help line of member `member` of operation `name`. */
export function memberHelp(name: string, member: string): string {
  return OPERATION_HELP[name]?.members?.[member] ?? MEMBER_HELP[member] ?? '';
}
