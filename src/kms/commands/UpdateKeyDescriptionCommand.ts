import { UpdateKeyDescription } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import { KMSInvalidStateException, type ResponseMetadata } from '../errors.js';
import { KEY_OR_ARN, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** UpdateKeyDescription request ([M] `UpdateKeyDescriptionRequest`). */
export interface UpdateKeyDescriptionRequest {
  /** Key ID or key ARN. */
  KeyId: string | undefined;
  /** The new description (0-8192 characters; `""` clears it). */
  Description: string | undefined;
}

/** The input of {@link UpdateKeyDescriptionCommand}. */
export interface UpdateKeyDescriptionCommandInput extends UpdateKeyDescriptionRequest {}
/** The output of {@link UpdateKeyDescriptionCommand}: only `$metadata`. */
export interface UpdateKeyDescriptionCommandOutput extends MetadataBearer {}

/**
 * Replaces the description; DescribeKey shows it at once. Works in every
 * state but PendingDeletion and PendingReplicaDeletion, which answer
 * KMSInvalidStateException `<key ARN> is pending deletion.` ([DOC]). Not
 * synchronized between the keys of a multi-Region key.
 *
 * Throws ValidationException, NotFoundException, KMSInvalidStateException.
 * @example
 * await client.send(new UpdateKeyDescriptionCommand({ KeyId, Description: 'payments MAC key' }));
 */
export class UpdateKeyDescriptionCommand extends KMSCommand<UpdateKeyDescriptionCommandInput, UpdateKeyDescriptionCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<UpdateKeyDescriptionCommandOutput> {
    const { KeyId: keyId, Description: description } = readInput(UpdateKeyDescription, this.input, s.region);
    await s.change(keyId, KEY_OR_ARN, (record) => {
      if (record.KeyState === 'PendingDeletion' || record.KeyState === 'PendingReplicaDeletion') {
        throw new KMSInvalidStateException(`${record.Arn} is pending deletion.`);
      }
      return record.Description === description ? undefined : { ...record, Description: description };
    });
    return { $metadata };
  }
}
