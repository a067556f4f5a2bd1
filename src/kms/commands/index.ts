/**
 * Every command, and `COMMANDS`: operation name (the `X-Amz-Target` suffix,
 * e.g. `GenerateMac`) -> command class, for dispatch by name. Adding a
 * command is one file here plus one line in each list below.
 */
import type { KMSCommand, MetadataBearer } from '../command.js';
import { CancelKeyDeletionCommand } from './CancelKeyDeletionCommand.js';
import { CreateAliasCommand } from './CreateAliasCommand.js';
import { CreateGrantCommand } from './CreateGrantCommand.js';
import { CreateKeyCommand } from './CreateKeyCommand.js';
import { DeleteAliasCommand } from './DeleteAliasCommand.js';
import { DeleteImportedKeyMaterialCommand } from './DeleteImportedKeyMaterialCommand.js';
import { DescribeKeyCommand } from './DescribeKeyCommand.js';
import { DisableKeyCommand } from './DisableKeyCommand.js';
import { EnableKeyCommand } from './EnableKeyCommand.js';
import { GenerateMacCommand } from './GenerateMacCommand.js';
import { GetParametersForImportCommand } from './GetParametersForImportCommand.js';
import { ImportKeyMaterialCommand } from './ImportKeyMaterialCommand.js';
import { ListAliasesCommand } from './ListAliasesCommand.js';
import { ListGrantsCommand } from './ListGrantsCommand.js';
import { ListKeysCommand } from './ListKeysCommand.js';
import { ListResourceTagsCommand } from './ListResourceTagsCommand.js';
import { RetireGrantCommand } from './RetireGrantCommand.js';
import { RevokeGrantCommand } from './RevokeGrantCommand.js';
import { ScheduleKeyDeletionCommand } from './ScheduleKeyDeletionCommand.js';
import { TagResourceCommand } from './TagResourceCommand.js';
import { UntagResourceCommand } from './UntagResourceCommand.js';
import { UpdateAliasCommand } from './UpdateAliasCommand.js';
import { VerifyMacCommand } from './VerifyMacCommand.js';

export * from './CancelKeyDeletionCommand.js';
export * from './CreateAliasCommand.js';
export * from './CreateGrantCommand.js';
export * from './CreateKeyCommand.js';
export * from './DeleteAliasCommand.js';
export * from './DeleteImportedKeyMaterialCommand.js';
export * from './DescribeKeyCommand.js';
export * from './DisableKeyCommand.js';
export * from './EnableKeyCommand.js';
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

/** A command class: constructs a command from any input (validated when sent). */
export type CommandClass = new (input: any) => KMSCommand<object, MetadataBearer>;

/**
 * Operation name -> command class. A frozen, prototype-less record, so that
 * `COMMANDS['__proto__']` or `COMMANDS['constructor']` is `undefined`.
 * @example
 * const Command = COMMANDS[target.slice('TrentService.'.length)];
 * if (Command === undefined) throw new UnknownOperationException('');
 * const out = await client.send(new Command(body));
 */
export const COMMANDS: Readonly<Record<string, CommandClass | undefined>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, CommandClass>, {
    CancelKeyDeletion: CancelKeyDeletionCommand,
    CreateAlias: CreateAliasCommand,
    CreateGrant: CreateGrantCommand,
    CreateKey: CreateKeyCommand,
    DeleteAlias: DeleteAliasCommand,
    DeleteImportedKeyMaterial: DeleteImportedKeyMaterialCommand,
    DescribeKey: DescribeKeyCommand,
    DisableKey: DisableKeyCommand,
    EnableKey: EnableKeyCommand,
    GenerateMac: GenerateMacCommand,
    GetParametersForImport: GetParametersForImportCommand,
    ImportKeyMaterial: ImportKeyMaterialCommand,
    ListAliases: ListAliasesCommand,
    ListGrants: ListGrantsCommand,
    ListKeys: ListKeysCommand,
    ListResourceTags: ListResourceTagsCommand,
    RetireGrant: RetireGrantCommand,
    RevokeGrant: RevokeGrantCommand,
    ScheduleKeyDeletion: ScheduleKeyDeletionCommand,
    TagResource: TagResourceCommand,
    UntagResource: UntagResourceCommand,
    UpdateAlias: UpdateAliasCommand,
    VerifyMac: VerifyMacCommand,
  }),
);
