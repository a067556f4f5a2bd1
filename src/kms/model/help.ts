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
  CiphertextBlob: 'A ciphertext.',
  Constraints: 'Encryption-context constraints (symmetric encryption keys only).',
  CustomerMasterKeySpec: 'Deprecated name of KeySpec.',
  CustomKeyStoreId: 'Custom key stores are not supported.',
  Description: 'Free text.',
  DestinationEncryptionAlgorithm: 'The encryption algorithm for the new ciphertext.',
  DestinationEncryptionContext: 'Encryption context for the new ciphertext (JSON).',
  DestinationKeyId: 'Key ID, key ARN, alias name or alias ARN of the key for the new ciphertext.',
  DryRun: 'Check everything but do nothing: succeeds with DryRunOperationException.',
  EncryptedKeyMaterial: 'The material, wrapped under the public key of the same GetParametersForImport.',
  EncryptionAlgorithm: 'The encryption algorithm.',
  EncryptionContext: 'Encryption context (JSON string pairs).',
  ExpirationModel: 'Whether the material expires (then ValidTo is required).',
  GranteePrincipal: 'The principal the grant is for.',
  GrantId: 'A grant ID (CreateGrant returns it).',
  GrantToken: 'A token of the grant.',
  GrantTokens: 'Grant tokens from CreateGrant.',
  ImportToken: 'The import token from GetParametersForImport.',
  ImportType: 'Symmetric encryption keys only.',
  IncludeKeyMaterial: 'Which material to list (symmetric keys only).',
  KeyAgreementAlgorithm: 'The key agreement algorithm (ECDH).',
  KeyId: 'Key ID or key ARN.',
  KeyMaterialDescription: 'Symmetric encryption keys only.',
  KeyMaterialId: 'Key material ID (symmetric encryption keys only).',
  KeyPairSpec: 'The data key pair type.',
  KeySpec: 'HMAC_224, HMAC_256, HMAC_384 or HMAC_512 for HMAC keys (other specs: metadata only).',
  KeyUsage: 'GENERATE_VERIFY_MAC for HMAC keys (required for every spec but SYMMETRIC_DEFAULT).',
  Limit: 'At most this many items in one answer.',
  Mac: 'The MAC to check.',
  MacAlgorithm: "The key's HMAC algorithm.",
  Marker: 'NextMarker of an earlier, truncated answer.',
  Message: 'The message.',
  Messages: 'The messages.',
  MessageType: 'RAW (default), DIGEST or EXTERNAL_MU.',
  MultiRegion: 'A multi-Region key (mrk-...).',
  Name: 'A name that makes CreateGrant idempotent.',
  NumberOfBytes: 'Length of the data key in bytes.',
  Operations: 'The operations the grant allows.',
  Origin: 'AWS_KMS (material made here) or EXTERNAL (imported later).',
  PendingWindowInDays: 'Days before the key is deleted.',
  Plaintext: 'The plaintext.',
  Policy: 'A key policy (accepted, not evaluated).',
  PolicyName: 'The policy name: default (the only one).',
  PrimaryRegion: 'The region of the replica that becomes the primary key.',
  PublicKey: 'The other party\'s public key (DER).',
  Recipient: 'A Nitro enclave recipient (JSON).',
  ReplicaRegion: 'The region of the replica.',
  RetiringPrincipal: 'The principal that may retire the grant.',
  RotationPeriodInDays: 'Days between rotations.',
  Signature: 'The signature.',
  SigningAlgorithm: 'The signing algorithm.',
  SourceEncryptionAlgorithm: 'The encryption algorithm of the ciphertext.',
  SourceEncryptionContext: 'Encryption context of the ciphertext (JSON).',
  SourceKeyId: 'Key ID, key ARN, alias name or alias ARN of the key of the ciphertext.',
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
  Decrypt: { help: 'Not for HMAC keys: IncorrectKeyException, as AWS answers.', members: { KeyId: ANY_KEY } },
  DeriveSharedSecret: { help: 'Not for HMAC keys: InvalidKeyUsageException, as AWS answers.', members: { KeyId: ANY_KEY } },
  DisableKeyRotation: { help: 'Not for HMAC keys: UnsupportedOperationException, as AWS answers.' },
  EnableKeyRotation: { help: 'Not for HMAC keys: UnsupportedOperationException, as AWS answers.' },
  Encrypt: { help: 'Not for HMAC keys: InvalidKeyUsageException, as AWS answers.', members: { KeyId: ANY_KEY } },
  GenerateDataKey: { help: 'Not for HMAC keys: InvalidKeyUsageException, as AWS answers.', members: { KeyId: ANY_KEY } },
  GenerateDataKeyPair: { help: 'Not for HMAC keys: InvalidKeyUsageException, as AWS answers.', members: { KeyId: ANY_KEY } },
  GenerateDataKeyPairWithoutPlaintext: { help: 'Not for HMAC keys: InvalidKeyUsageException, as AWS answers.', members: { KeyId: ANY_KEY } },
  GenerateDataKeyWithoutPlaintext: { help: 'Not for HMAC keys: InvalidKeyUsageException, as AWS answers.', members: { KeyId: ANY_KEY } },
  GetKeyPolicy: { help: 'Shows the key policy (stored, not evaluated).' },
  GetKeyRotationStatus: { help: 'Whether automatic rotation is on: always false for HMAC keys.' },
  GetPublicKey: { help: 'Not for HMAC keys: UnsupportedOperationException.', members: { KeyId: ANY_KEY } },
  ListKeyPolicies: { help: 'Lists the names of the key policies: default.' },
  ListKeyRotations: { help: 'Not for HMAC keys: AWS refuses it.' },
  PutKeyPolicy: { help: 'Replaces the key policy (stored, not evaluated).' },
  ReEncrypt: { help: 'Not for HMAC keys: IncorrectKeyException, as AWS answers.' },
  ReplicateKey: { help: 'Makes a replica of a multi-Region primary key in another region (same key ID and material).', members: { KeyId: 'Key ID or key ARN of the multi-Region primary key.' } },
  RotateKeyOnDemand: { help: 'Not for HMAC keys: UnsupportedOperationException, as AWS answers.' },
  Sign: { help: 'Not for HMAC keys: InvalidKeyUsageException, as AWS answers.', members: { KeyId: ANY_KEY } },
  UpdateKeyDescription: { help: 'Replaces the description of a key.' },
  UpdatePrimaryRegion: { help: 'Makes the replica in another region the primary key (this one becomes a replica).', members: { KeyId: 'Key ID or key ARN of the multi-Region primary key.' } },
  Verify: { help: 'Not for HMAC keys: InvalidKeyUsageException, as AWS answers.', members: { KeyId: ANY_KEY } },
};

/** The help line of operation `name`. */
export function operationHelp(name: string): string {
  return OPERATION_HELP[name]?.help ?? '';
}

/** The help line of member `member` of operation `name`. */
export function memberHelp(name: string, member: string): string {
  return OPERATION_HELP[name]?.members?.[member] ?? MEMBER_HELP[member] ?? '';
}
