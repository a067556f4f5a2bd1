import { KMSCommand, type MetadataBearer } from '../command.js';
import type { ResponseMetadata } from '../errors.js';
import { TagResource } from '../model/operations.js';
import type { Tag } from '../models.js';
import { invalidState, KEY_OR_ARN, type Service } from '../service.js';
import { checkTagRules, mergeTags } from '../tags.js';
import { readInput } from '../validate.js';

/** TagResource request (the model's `TagResourceRequest`). */
export interface TagResourceRequest {
  /** Key ID or key ARN. */
  KeyId: string | undefined;
  /** Tags to add; a key already present gets the new value. */
  Tags: Tag[] | undefined;
}

/** The input of {@link TagResourceCommand}. */
export interface TagResourceCommandInput extends TagResourceRequest {}
/** The output of {@link TagResourceCommand}: only `$metadata`. */
export interface TagResourceCommandOutput extends MetadataBearer {}

/**
 * Adds or overwrites tags on a key (not while it is pending deletion).
 *
 * Throws ValidationException, TagException (`Tags beginning with aws: are
 * reserved`, `Duplicate tag keys`, `Too many tags`), NotFoundException,
 * KMSInvalidStateException, KMSInternalException.
 * @example
 * await client.send(new TagResourceCommand({ KeyId, Tags: [{ TagKey: 'team', TagValue: 'payments' }] }));
 */
export class TagResourceCommand extends KMSCommand<TagResourceCommandInput, TagResourceCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<TagResourceCommandOutput> {
    const { KeyId: keyId, Tags: tags } = readInput(TagResource, this.input);
    await s.change(keyId!, KEY_OR_ARN, (record) => {
      if (record.KeyState === 'PendingDeletion' || record.KeyState === 'PendingReplicaDeletion') throw invalidState(record);
      checkTagRules(tags!, record.tags);
      return { ...record, tags: mergeTags(record.tags, tags!) };
    });
    return { $metadata };
  }
}
