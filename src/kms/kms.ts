/**
 * `KMS`: the aggregated client, as the SDK has it: one camelCase method per
 * operation of the model table, each `(input) => send(new XCommand(input))`.
 * The methods are made from the table, their types from the command classes.
 */
import { KMSClient } from './client.js';
import type { KMSCommand, MetadataBearer } from './command.js';
import * as all from './commands/all.js';
import { commandOf } from './commands/index.js';
import { OPERATIONS } from './model/index.js';

type Commands = typeof all;

/** `generateMac(input)` for `GenerateMacCommand`, with the command's input and output types; input optional where every member is. */
type Methods = {
  [K in keyof Commands as K extends `${infer Op}Command` ? Uncapitalize<Op> : never]: Commands[K] extends new (input: infer I) => KMSCommand<object, infer O extends MetadataBearer>
    ? {} extends I
      ? (input?: I) => Promise<O>
      : (input: I) => Promise<O>
    : never;
};

/**
 * The aggregated client: `kms.generateMac(input)` for every operation,
 * `kms.generateMacBatch(input)` (the wasmac extension, not part of the AWS
 * KMS API) included.
 * @example
 * const kms = new KMS();
 * const { KeyMetadata } = await kms.createKey({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
 * const { Mac } = await kms.generateMac({ KeyId: KeyMetadata!.KeyId, Message: 'hi', MacAlgorithm: 'HMAC_SHA_256' });
 */
export class KMS extends KMSClient {}
export interface KMS extends Methods {}

for (const op of OPERATIONS) {
  const Command = commandOf(op);
  Object.defineProperty(KMS.prototype, op.name.charAt(0).toLowerCase() + op.name.slice(1), {
    value: function (this: KMS, input: object = {}) {
      return this.send(new Command(input));
    },
    writable: true,
    configurable: true,
  });
}
