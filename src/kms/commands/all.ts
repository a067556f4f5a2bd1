/**
 * Every command file, one line each: `index.ts` pairs each operation of the
 * model table with its `<Operation>Command` class from here.
 */
export * from './CancelKeyDeletionCommand.js';
export * from './CreateAliasCommand.js';
export * from './CreateGrantCommand.js';
export * from './CreateKeyCommand.js';
export * from './DecryptCommand.js';
export * from './DeleteAliasCommand.js';
export * from './DeleteImportedKeyMaterialCommand.js';
export * from './DeriveSharedSecretCommand.js';
export * from './DescribeKeyCommand.js';
export * from './DisableKeyCommand.js';
export * from './DisableKeyRotationCommand.js';
export * from './EnableKeyCommand.js';
export * from './EnableKeyRotationCommand.js';
export * from './EncryptCommand.js';
export * from './GenerateDataKeyCommand.js';
export * from './GenerateDataKeyPairCommand.js';
export * from './GenerateDataKeyPairWithoutPlaintextCommand.js';
export * from './GenerateDataKeyWithoutPlaintextCommand.js';
export * from './GenerateMacBatchCommand.js';
export * from './GenerateMacCommand.js';
export * from './GetKeyPolicyCommand.js';
export * from './GetKeyRotationStatusCommand.js';
export * from './GetParametersForImportCommand.js';
export * from './GetPublicKeyCommand.js';
export * from './ImportKeyMaterialCommand.js';
export * from './ListAliasesCommand.js';
export * from './ListGrantsCommand.js';
export * from './ListKeyPoliciesCommand.js';
export * from './ListKeyRotationsCommand.js';
export * from './ListKeysCommand.js';
export * from './ListResourceTagsCommand.js';
export * from './PutKeyPolicyCommand.js';
export * from './ReEncryptCommand.js';
export * from './RetireGrantCommand.js';
export * from './RevokeGrantCommand.js';
export * from './RotateKeyOnDemandCommand.js';
export * from './ScheduleKeyDeletionCommand.js';
export * from './SignCommand.js';
export * from './TagResourceCommand.js';
export * from './UntagResourceCommand.js';
export * from './UpdateAliasCommand.js';
export * from './UpdateKeyDescriptionCommand.js';
export * from './VerifyCommand.js';
export * from './VerifyMacCommand.js';
