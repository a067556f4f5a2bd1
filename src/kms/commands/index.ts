/**
 * Every command, and `COMMANDS`: operation name (the `X-Amz-Target` suffix,
 * e.g. `GenerateMac`) -> command class, for dispatch by name. Adding a
 * command is one file here plus one line in each list below.
 */
import { CancelKeyDeletionCommand } from './CancelKeyDeletionCommand.js';
import { CreateKeyCommand } from './CreateKeyCommand.js';
import { DescribeKeyCommand } from './DescribeKeyCommand.js';
import { DisableKeyCommand } from './DisableKeyCommand.js';
import { EnableKeyCommand } from './EnableKeyCommand.js';
import { GenerateMacCommand } from './GenerateMacCommand.js';
import { ScheduleKeyDeletionCommand } from './ScheduleKeyDeletionCommand.js';
import { VerifyMacCommand } from './VerifyMacCommand.js';
import type { KMSCommand, MetadataBearer } from '../command.js';

export * from './CancelKeyDeletionCommand.js';
export * from './CreateKeyCommand.js';
export * from './DescribeKeyCommand.js';
export * from './DisableKeyCommand.js';
export * from './EnableKeyCommand.js';
export * from './GenerateMacCommand.js';
export * from './ScheduleKeyDeletionCommand.js';
export * from './VerifyMacCommand.js';

/** A command class: constructs a command from any input (validated when sent). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CommandClass = new (input: any) => KMSCommand<object, MetadataBearer>;

/**
 * Operation name -> command class. A frozen, prototype-less record, so that
 * `COMMANDS['__proto__']` or `COMMANDS['constructor']` is `undefined`.
 * @example
 * const Command = COMMANDS[target.slice('TrentService.'.length)];
 * if (Command === undefined) throw new UnknownOperationException();
 * const out = await client.send(new Command(body));
 */
export const COMMANDS: Readonly<Record<string, CommandClass | undefined>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, CommandClass>, {
    CancelKeyDeletion: CancelKeyDeletionCommand,
    CreateKey: CreateKeyCommand,
    DescribeKey: DescribeKeyCommand,
    DisableKey: DisableKeyCommand,
    EnableKey: EnableKeyCommand,
    GenerateMac: GenerateMacCommand,
    ScheduleKeyDeletion: ScheduleKeyDeletionCommand,
    VerifyMac: VerifyMacCommand,
  }),
);
