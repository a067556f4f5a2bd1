/**
 * `KMS`: the aggregated client, as the SDK has it: one camelCase method per
 * command, each `(input) => send(new XCommand(input))`.
 */
import { KMSClient } from './client.js';
import { GenerateMacBatchCommand, type GenerateMacBatchCommandInput, type GenerateMacBatchCommandOutput } from './commands/GenerateMacBatchCommand.js';
import {
  CancelKeyDeletionCommand,
  CreateAliasCommand,
  CreateGrantCommand,
  CreateKeyCommand,
  DeleteAliasCommand,
  DeleteImportedKeyMaterialCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  GenerateMacCommand,
  GetParametersForImportCommand,
  ImportKeyMaterialCommand,
  ListAliasesCommand,
  ListGrantsCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  RetireGrantCommand,
  RevokeGrantCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAliasCommand,
  VerifyMacCommand,
  type CancelKeyDeletionCommandInput,
  type CancelKeyDeletionCommandOutput,
  type CreateAliasCommandInput,
  type CreateAliasCommandOutput,
  type CreateGrantCommandInput,
  type CreateGrantCommandOutput,
  type CreateKeyCommandInput,
  type CreateKeyCommandOutput,
  type DeleteAliasCommandInput,
  type DeleteAliasCommandOutput,
  type DeleteImportedKeyMaterialCommandInput,
  type DeleteImportedKeyMaterialCommandOutput,
  type DescribeKeyCommandInput,
  type DescribeKeyCommandOutput,
  type DisableKeyCommandInput,
  type DisableKeyCommandOutput,
  type EnableKeyCommandInput,
  type EnableKeyCommandOutput,
  type GenerateMacCommandInput,
  type GenerateMacCommandOutput,
  type GetParametersForImportCommandInput,
  type GetParametersForImportCommandOutput,
  type ImportKeyMaterialCommandInput,
  type ImportKeyMaterialCommandOutput,
  type ListAliasesCommandInput,
  type ListAliasesCommandOutput,
  type ListGrantsCommandInput,
  type ListGrantsCommandOutput,
  type ListKeysCommandInput,
  type ListKeysCommandOutput,
  type ListResourceTagsCommandInput,
  type ListResourceTagsCommandOutput,
  type RetireGrantCommandInput,
  type RetireGrantCommandOutput,
  type RevokeGrantCommandInput,
  type RevokeGrantCommandOutput,
  type ScheduleKeyDeletionCommandInput,
  type ScheduleKeyDeletionCommandOutput,
  type TagResourceCommandInput,
  type TagResourceCommandOutput,
  type UntagResourceCommandInput,
  type UntagResourceCommandOutput,
  type UpdateAliasCommandInput,
  type UpdateAliasCommandOutput,
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
  /** Sends a {@link CancelKeyDeletionCommand}. */
  cancelKeyDeletion(input: CancelKeyDeletionCommandInput): Promise<CancelKeyDeletionCommandOutput> {
    return this.send(new CancelKeyDeletionCommand(input));
  }
  /** Sends a {@link CreateAliasCommand}. */
  createAlias(input: CreateAliasCommandInput): Promise<CreateAliasCommandOutput> {
    return this.send(new CreateAliasCommand(input));
  }
  /** Sends a {@link CreateGrantCommand}. */
  createGrant(input: CreateGrantCommandInput): Promise<CreateGrantCommandOutput> {
    return this.send(new CreateGrantCommand(input));
  }
  /** Sends a {@link CreateKeyCommand}. */
  createKey(input: CreateKeyCommandInput = {}): Promise<CreateKeyCommandOutput> {
    return this.send(new CreateKeyCommand(input));
  }
  /** Sends a {@link DeleteAliasCommand}. */
  deleteAlias(input: DeleteAliasCommandInput): Promise<DeleteAliasCommandOutput> {
    return this.send(new DeleteAliasCommand(input));
  }
  /** Sends a {@link DeleteImportedKeyMaterialCommand}. */
  deleteImportedKeyMaterial(input: DeleteImportedKeyMaterialCommandInput): Promise<DeleteImportedKeyMaterialCommandOutput> {
    return this.send(new DeleteImportedKeyMaterialCommand(input));
  }
  /** Sends a {@link DescribeKeyCommand}. */
  describeKey(input: DescribeKeyCommandInput): Promise<DescribeKeyCommandOutput> {
    return this.send(new DescribeKeyCommand(input));
  }
  /** Sends a {@link DisableKeyCommand}. */
  disableKey(input: DisableKeyCommandInput): Promise<DisableKeyCommandOutput> {
    return this.send(new DisableKeyCommand(input));
  }
  /** Sends a {@link EnableKeyCommand}. */
  enableKey(input: EnableKeyCommandInput): Promise<EnableKeyCommandOutput> {
    return this.send(new EnableKeyCommand(input));
  }
  /** Sends a {@link GenerateMacCommand}. */
  generateMac(input: GenerateMacCommandInput): Promise<GenerateMacCommandOutput> {
    return this.send(new GenerateMacCommand(input));
  }
  /** Sends a {@link GenerateMacBatchCommand}: a wasmac extension, not part of the AWS KMS API. */
  generateMacBatch(input: GenerateMacBatchCommandInput): Promise<GenerateMacBatchCommandOutput> {
    return this.send(new GenerateMacBatchCommand(input));
  }
  /** Sends a {@link GetParametersForImportCommand}. */
  getParametersForImport(input: GetParametersForImportCommandInput): Promise<GetParametersForImportCommandOutput> {
    return this.send(new GetParametersForImportCommand(input));
  }
  /** Sends a {@link ImportKeyMaterialCommand}. */
  importKeyMaterial(input: ImportKeyMaterialCommandInput): Promise<ImportKeyMaterialCommandOutput> {
    return this.send(new ImportKeyMaterialCommand(input));
  }
  /** Sends a {@link ListAliasesCommand}. */
  listAliases(input: ListAliasesCommandInput = {}): Promise<ListAliasesCommandOutput> {
    return this.send(new ListAliasesCommand(input));
  }
  /** Sends a {@link ListGrantsCommand}. */
  listGrants(input: ListGrantsCommandInput): Promise<ListGrantsCommandOutput> {
    return this.send(new ListGrantsCommand(input));
  }
  /** Sends a {@link ListKeysCommand}. */
  listKeys(input: ListKeysCommandInput = {}): Promise<ListKeysCommandOutput> {
    return this.send(new ListKeysCommand(input));
  }
  /** Sends a {@link ListResourceTagsCommand}. */
  listResourceTags(input: ListResourceTagsCommandInput): Promise<ListResourceTagsCommandOutput> {
    return this.send(new ListResourceTagsCommand(input));
  }
  /** Sends a {@link RetireGrantCommand}. */
  retireGrant(input: RetireGrantCommandInput = {}): Promise<RetireGrantCommandOutput> {
    return this.send(new RetireGrantCommand(input));
  }
  /** Sends a {@link RevokeGrantCommand}. */
  revokeGrant(input: RevokeGrantCommandInput): Promise<RevokeGrantCommandOutput> {
    return this.send(new RevokeGrantCommand(input));
  }
  /** Sends a {@link ScheduleKeyDeletionCommand}. */
  scheduleKeyDeletion(input: ScheduleKeyDeletionCommandInput): Promise<ScheduleKeyDeletionCommandOutput> {
    return this.send(new ScheduleKeyDeletionCommand(input));
  }
  /** Sends a {@link TagResourceCommand}. */
  tagResource(input: TagResourceCommandInput): Promise<TagResourceCommandOutput> {
    return this.send(new TagResourceCommand(input));
  }
  /** Sends a {@link UntagResourceCommand}. */
  untagResource(input: UntagResourceCommandInput): Promise<UntagResourceCommandOutput> {
    return this.send(new UntagResourceCommand(input));
  }
  /** Sends a {@link UpdateAliasCommand}. */
  updateAlias(input: UpdateAliasCommandInput): Promise<UpdateAliasCommandOutput> {
    return this.send(new UpdateAliasCommand(input));
  }
  /** Sends a {@link VerifyMacCommand}. */
  verifyMac(input: VerifyMacCommandInput): Promise<VerifyMacCommandOutput> {
    return this.send(new VerifyMacCommand(input));
  }
}
