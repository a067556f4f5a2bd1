import { KMSCommand, type MetadataBearer } from '../command.js';
import type { ResponseMetadata } from '../errors.js';
import { UntagResource } from '../model/operations.js';
import { invalidState, KEY_OR_ARN, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** UntagResource request (the model's `UntagResourceRequest`). */
export interface UntagResourceRequest {
  /** Key ID or key ARN. */
  KeyId: string | undefined;
  /** Tag keys to remove; keys that are not there are ignored. */
  TagKeys: string[] | undefined;
}

/** The input of {@link UntagResourceCommand}. */
export interface UntagResourceCommandInput extends UntagResourceRequest {}
/** The output of {@link UntagResourceCommand}: only `$metadata`. */
export interface UntagResourceCommandOutput extends MetadataBearer {}

/**
 * Removes tags from a key (not while it is pending deletion). Removing a tag
 * that is not there is not an error (LocalStack's AWS-validated behaviour).
 *
 * Throws ValidationException, NotFoundException, KMSInvalidStateException, KMSInternalException.
 * @example
 * await client.send(new UntagResourceCommand({ KeyId, TagKeys: ['team'] }));
 */
export class UntagResourceCommand extends KMSCommand<UntagResourceCommandInput, UntagResourceCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<UntagResourceCommandOutput> {
    const { KeyId: keyId, TagKeys: tagKeys } = readInput(UntagResource, this.input);
    const remove = new Set(tagKeys);
    await s.change(keyId!, KEY_OR_ARN, (record) => {
      if (record.KeyState === 'PendingDeletion' || record.KeyState === 'PendingReplicaDeletion') throw invalidState(record);
      return record.tags.some((t) => remove.has(t.TagKey)) ? { ...record, tags: record.tags.filter((t) => !remove.has(t.TagKey)) } : undefined;
    });
    return { $metadata };
  }
}
