/**
 * What each operation returns (its response members, by kind) and the
 * exceptions it may throw besides ValidationException, SerializationException
 * and KMSInternalException, as AWS's service model lists them. No code path
 * reads them (responses are encoded from their runtime values, and a command
 * throws what it throws): they are for the docs and the tests. Apart from the
 * operations' entries (`operations.ts`), as the help lines are (`help.ts`),
 * so that a browser bundle does not carry them; `test/kms/model.test.ts`
 * checks that every operation has its entry, that nothing else does, and
 * that the exceptions named are the facade's.
 */
import type { ExceptionName, OutputKind } from './shape.js';

/** What one operation returns and may throw. */
export interface Outcome {
  readonly output: { readonly [name: string]: OutputKind };
  readonly errors: readonly ExceptionName[];
}

const KEY_ARN_OUT = { KeyId: 'string' } as const;
const LIST_OUT = { NextMarker: 'string', Truncated: 'boolean' } as const;
const MAC_ERRORS = [
  'NotFoundException',
  'DisabledException',
  'KMSInvalidStateException',
  'InvalidKeyUsageException',
  'InvalidGrantTokenException',
  'DryRunOperationException',
  'KeyUnavailableException',
] as const;
const CRYPTO_ERRORS: readonly ExceptionName[] = [
  'NotFoundException',
  'DisabledException',
  'KMSInvalidStateException',
  'InvalidKeyUsageException',
  'InvalidGrantTokenException',
  'DryRunOperationException',
  'UnsupportedOperationException',
];

/** By operation name (`Operation.name`). */
export const OUTCOMES: Readonly<Record<string, Outcome>> = {
  CancelKeyDeletion: {
    output: KEY_ARN_OUT,
    errors: ['NotFoundException', 'KMSInvalidStateException'],
  },
  CreateAlias: {
    output: {},
    errors: ['InvalidAliasNameException', 'AlreadyExistsException', 'NotFoundException', 'KMSInvalidStateException', 'LimitExceededException'],
  },
  CreateGrant: {
    output: { GrantToken: 'string', GrantId: 'string' },
    errors: ['NotFoundException', 'DisabledException', 'KMSInvalidStateException', 'InvalidGrantTokenException', 'DryRunOperationException', 'LimitExceededException'],
  },
  CreateKey: {
    output: { KeyMetadata: 'structure' },
    errors: ['TagException', 'UnsupportedOperationException'],
  },
  Decrypt: {
    output: { KeyId: 'string', Plaintext: 'blob', EncryptionAlgorithm: 'enum' },
    errors: [...CRYPTO_ERRORS, 'IncorrectKeyException', 'InvalidCiphertextException'],
  },
  DeleteAlias: {
    output: {},
    errors: ['NotFoundException'],
  },
  DeleteImportedKeyMaterial: {
    output: { KeyId: 'string', KeyMaterialId: 'string' },
    errors: ['NotFoundException', 'UnsupportedOperationException', 'KMSInvalidStateException'],
  },
  DeriveSharedSecret: {
    output: { KeyId: 'string', SharedSecret: 'blob', CiphertextForRecipient: 'blob', KeyAgreementAlgorithm: 'enum', KeyOrigin: 'enum' },
    errors: CRYPTO_ERRORS,
  },
  DescribeKey: {
    output: { KeyMetadata: 'structure' },
    errors: ['NotFoundException', 'InvalidGrantTokenException'],
  },
  DisableKey: {
    output: {},
    errors: ['NotFoundException', 'KMSInvalidStateException'],
  },
  DisableKeyRotation: {
    output: {},
    errors: ['NotFoundException', 'DisabledException', 'KMSInvalidStateException', 'UnsupportedOperationException'],
  },
  EnableKey: {
    output: {},
    errors: ['NotFoundException', 'KMSInvalidStateException'],
  },
  EnableKeyRotation: {
    output: {},
    errors: ['NotFoundException', 'DisabledException', 'KMSInvalidStateException', 'UnsupportedOperationException'],
  },
  Encrypt: {
    output: { CiphertextBlob: 'blob', KeyId: 'string', EncryptionAlgorithm: 'enum' },
    errors: CRYPTO_ERRORS,
  },
  GenerateDataKey: {
    output: { CiphertextBlob: 'blob', Plaintext: 'blob', KeyId: 'string' },
    errors: CRYPTO_ERRORS,
  },
  GenerateDataKeyPair: {
    output: { PrivateKeyCiphertextBlob: 'blob', PrivateKeyPlaintext: 'blob', PublicKey: 'blob', KeyId: 'string', KeyPairSpec: 'enum' },
    errors: CRYPTO_ERRORS,
  },
  GenerateDataKeyPairWithoutPlaintext: {
    output: { PrivateKeyCiphertextBlob: 'blob', PublicKey: 'blob', KeyId: 'string', KeyPairSpec: 'enum' },
    errors: CRYPTO_ERRORS,
  },
  GenerateDataKeyWithoutPlaintext: {
    output: { CiphertextBlob: 'blob', KeyId: 'string' },
    errors: CRYPTO_ERRORS,
  },
  GenerateMac: {
    output: { Mac: 'blob', MacAlgorithm: 'enum', KeyId: 'string' },
    errors: MAC_ERRORS,
  },
  GenerateMacBatch: {
    output: { Macs: 'list', MacAlgorithm: 'enum', KeyId: 'string' },
    errors: MAC_ERRORS,
  },
  GetKeyPolicy: {
    output: { Policy: 'string', PolicyName: 'string' },
    errors: ['NotFoundException', 'KMSInvalidStateException'],
  },
  GetKeyRotationStatus: {
    output: { KeyRotationEnabled: 'boolean', KeyId: 'string' },
    errors: ['NotFoundException', 'KMSInvalidStateException', 'UnsupportedOperationException'],
  },
  GetParametersForImport: {
    output: { KeyId: 'string', ImportToken: 'blob', PublicKey: 'blob', ParametersValidTo: 'timestamp' },
    errors: ['NotFoundException', 'UnsupportedOperationException', 'KMSInvalidStateException'],
  },
  GetPublicKey: {
    output: { KeyId: 'string', PublicKey: 'blob', KeySpec: 'enum', KeyUsage: 'enum' },
    errors: ['NotFoundException', 'DisabledException', 'KMSInvalidStateException', 'InvalidKeyUsageException', 'InvalidGrantTokenException', 'UnsupportedOperationException'],
  },
  ImportKeyMaterial: {
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
  },
  ListAliases: {
    output: { Aliases: 'list', ...LIST_OUT },
    errors: ['InvalidMarkerException', 'NotFoundException'],
  },
  ListGrants: {
    output: { Grants: 'list', ...LIST_OUT },
    errors: ['NotFoundException', 'InvalidGrantIdException', 'InvalidMarkerException'],
  },
  ListKeyPolicies: {
    output: { PolicyNames: 'list', NextMarker: 'string', Truncated: 'boolean' },
    errors: ['NotFoundException', 'KMSInvalidStateException'],
  },
  ListKeyRotations: {
    output: { Rotations: 'list', NextMarker: 'string', Truncated: 'boolean' },
    errors: ['NotFoundException', 'KMSInvalidStateException', 'UnsupportedOperationException'],
  },
  ListKeys: {
    output: { Keys: 'list', ...LIST_OUT },
    errors: ['InvalidMarkerException'],
  },
  ListResourceTags: {
    output: { Tags: 'list', ...LIST_OUT },
    errors: ['InvalidMarkerException', 'NotFoundException'],
  },
  PutKeyPolicy: {
    output: {},
    errors: ['NotFoundException', 'MalformedPolicyDocumentException', 'KMSInvalidStateException', 'LimitExceededException'],
  },
  ReEncrypt: {
    output: { CiphertextBlob: 'blob', SourceKeyId: 'string', KeyId: 'string' },
    errors: [...CRYPTO_ERRORS, 'IncorrectKeyException', 'InvalidCiphertextException'],
  },
  ReplicateKey: {
    output: { ReplicaKeyMetadata: 'structure', ReplicaPolicy: 'string', ReplicaTags: 'list' },
    errors: [
      'AlreadyExistsException',
      'DisabledException',
      'KMSInvalidStateException',
      'LimitExceededException',
      'MalformedPolicyDocumentException',
      'NotFoundException',
      'TagException',
      'UnsupportedOperationException',
    ],
  },
  RetireGrant: {
    output: {},
    errors: ['InvalidGrantTokenException', 'InvalidGrantIdException', 'NotFoundException', 'DryRunOperationException'],
  },
  RevokeGrant: {
    output: {},
    errors: ['NotFoundException', 'InvalidGrantIdException', 'DryRunOperationException'],
  },
  RotateKeyOnDemand: {
    output: { KeyId: 'string' },
    errors: ['NotFoundException', 'DisabledException', 'KMSInvalidStateException', 'UnsupportedOperationException'],
  },
  ScheduleKeyDeletion: {
    output: { KeyId: 'string', DeletionDate: 'timestamp', KeyState: 'enum', PendingWindowInDays: 'integer' },
    errors: ['NotFoundException', 'KMSInvalidStateException'],
  },
  Sign: {
    output: { KeyId: 'string', Signature: 'blob', SigningAlgorithm: 'enum' },
    errors: CRYPTO_ERRORS,
  },
  TagResource: {
    output: {},
    errors: ['TagException', 'NotFoundException', 'KMSInvalidStateException'],
  },
  UntagResource: {
    output: {},
    errors: ['NotFoundException', 'KMSInvalidStateException'],
  },
  UpdateAlias: {
    output: {},
    errors: ['NotFoundException', 'KMSInvalidStateException'],
  },
  UpdateKeyDescription: {
    output: {},
    errors: ['NotFoundException', 'KMSInvalidStateException'],
  },
  UpdatePrimaryRegion: {
    output: {},
    errors: ['DisabledException', 'KMSInvalidStateException', 'NotFoundException', 'UnsupportedOperationException'],
  },
  Verify: {
    output: { KeyId: 'string', SignatureValid: 'boolean', SigningAlgorithm: 'enum' },
    errors: [...CRYPTO_ERRORS, 'KMSInvalidSignatureException'],
  },
  VerifyMac: {
    output: { KeyId: 'string', MacValid: 'boolean', MacAlgorithm: 'enum' },
    errors: [...MAC_ERRORS, 'KMSInvalidMacException'],
  },
};
