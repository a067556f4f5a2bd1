/**
 * Every command file, one line each: `index.ts` pairs each operation of the
 * model table with its `<Operation>Command` class from here.
 */
export * from './CancelKeyDeletionCommand.js';
export * from './CreateAliasCommand.js';
export * from './CreateGrantCommand.js';
export * from './CreateKeyCommand.js';
export * from './DeleteAliasCommand.js';
export * from './DeleteImportedKeyMaterialCommand.js';
export * from './DescribeKeyCommand.js';
export * from './DisableKeyCommand.js';
export * from './EnableKeyCommand.js';
export * from './GenerateMacBatchCommand.js';
export * from './GenerateMacCommand.js';
export * from './GetParametersForImportCommand.js';
export * from './ImportKeyMaterialCommand.js';
export * from './ListAliasesCommand.js';
export * from './ListGrantsCommand.js';
export * from './ListKeysCommand.js';
export * from './ListResourceTagsCommand.js';
export * from './RetireGrantCommand.js';
export * from './RevokeGrantCommand.js';
export * from './ScheduleKeyDeletionCommand.js';
export * from './TagResourceCommand.js';
export * from './UntagResourceCommand.js';
export * from './UpdateAliasCommand.js';
export * from './VerifyMacCommand.js';
