/**
 * Every command, and `COMMANDS`: operation name (the `X-Amz-Target` suffix,
 * e.g. `GenerateMac`) -> command class, for dispatch by name. Both come from
 * the model table: each operation's class is the `<Operation>Command` that
 * `all.ts` exports. Adding a command is its table entry
 * (`model/operations.ts`), its file here and one line in `all.ts`.
 */
import type { KMSCommand, MetadataBearer } from '../command.js';
import { OPERATIONS, type Operation } from '../model/index.js';
import * as all from './all.js';

export * from './all.js';

/** A command class: constructs a command from any input (validated when sent). */
export type CommandClass = new (input: any) => KMSCommand<object, MetadataBearer>;

/** Command classes by operation, found once (the endpoint asks on every request). */
const classes = new Map<Operation, CommandClass>();

/** The command class of `op`. */
export function commandOf(op: Operation): CommandClass {
  const known = classes.get(op);
  if (known !== undefined) return known;
  const C = (all as Record<string, unknown>)[`${op.name}Command`];
  // A table entry without its command file is a build mistake: fail at load, not per request.
  if (typeof C !== 'function') throw new Error(`no ${op.name}Command for the model's ${op.name}`);
  classes.set(op, C as CommandClass);
  return C as CommandClass;
}

/**
 * Operation name -> command class, for the operations of the AWS API (not
 * the wasmac extension). A frozen, prototype-less record, so that
 * `COMMANDS['__proto__']` or `COMMANDS['constructor']` is `undefined`.
 * @example
 * const Command = COMMANDS[target.slice('TrentService.'.length)];
 * if (Command === undefined) throw new UnknownOperationException('');
 * const out = await client.send(new Command(body));
 */
export const COMMANDS: Readonly<Record<string, CommandClass | undefined>> = Object.freeze(
  Object.assign(
    Object.create(null) as Record<string, CommandClass>,
    Object.fromEntries(OPERATIONS.filter((op) => op.extension !== true).map((op) => [op.name, commandOf(op)])),
  ),
);
