/**
 * `KMS`: the aggregated client, as the SDK has it: one camelCase method per
 * command, each `(input) => send(new XCommand(input))`.
 */
import { KMSClient } from './client.js';
import {
  CancelKeyDeletionCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  GenerateMacCommand,
  ScheduleKeyDeletionCommand,
  VerifyMacCommand,
  type CancelKeyDeletionCommandInput,
  type CancelKeyDeletionCommandOutput,
  type CreateKeyCommandInput,
  type CreateKeyCommandOutput,
  type DescribeKeyCommandInput,
  type DescribeKeyCommandOutput,
  type DisableKeyCommandInput,
  type DisableKeyCommandOutput,
  type EnableKeyCommandInput,
  type EnableKeyCommandOutput,
  type GenerateMacCommandInput,
  type GenerateMacCommandOutput,
  type ScheduleKeyDeletionCommandInput,
  type ScheduleKeyDeletionCommandOutput,
  type VerifyMacCommandInput,
  type VerifyMacCommandOutput,
} from './commands/index.js';

/**
 * The aggregated client.
 * @example
 * const kms = new KMS();
 * const { KeyMetadata } = await kms.createKey({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
 * const { Mac } = await kms.generateMac({ KeyId: KeyMetadata!.KeyId, Message: 'hi', MacAlgorithm: 'HMAC_SHA_256' });
 */
export class KMS extends KMSClient {
  cancelKeyDeletion(input: CancelKeyDeletionCommandInput): Promise<CancelKeyDeletionCommandOutput> {
    return this.send(new CancelKeyDeletionCommand(input));
  }
  createKey(input: CreateKeyCommandInput = {}): Promise<CreateKeyCommandOutput> {
    return this.send(new CreateKeyCommand(input));
  }
  describeKey(input: DescribeKeyCommandInput): Promise<DescribeKeyCommandOutput> {
    return this.send(new DescribeKeyCommand(input));
  }
  disableKey(input: DisableKeyCommandInput): Promise<DisableKeyCommandOutput> {
    return this.send(new DisableKeyCommand(input));
  }
  enableKey(input: EnableKeyCommandInput): Promise<EnableKeyCommandOutput> {
    return this.send(new EnableKeyCommand(input));
  }
  generateMac(input: GenerateMacCommandInput): Promise<GenerateMacCommandOutput> {
    return this.send(new GenerateMacCommand(input));
  }
  scheduleKeyDeletion(input: ScheduleKeyDeletionCommandInput): Promise<ScheduleKeyDeletionCommandOutput> {
    return this.send(new ScheduleKeyDeletionCommand(input));
  }
  verifyMac(input: VerifyMacCommandInput): Promise<VerifyMacCommandOutput> {
    return this.send(new VerifyMacCommand(input));
  }
}
