import { KMSCommand, type MetadataBearer } from '../command.js';
import type { ResponseMetadata } from '../errors.js';
import type { Tag } from '../models.js';
import { invalidState, KEY_OR_ARN, type Service } from '../service.js';
import { checkTagRules, mergeTags, readTags } from '../tags.js';
import { asInput, Checker } from '../validate.js';

/** TagResource request ([M] `TagResourceRequest`). */
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
    const c = new Checker(asInput(this.input));
    const keyId = c.string('KeyId', 'keyId', true, 1, 2048);
    const tags = readTags(c, 'Tags', 'tags', true);
    c.done();
    const record = await s.resolve(keyId!, KEY_OR_ARN);
    if (record.KeyState === 'PendingDeletion' || record.KeyState === 'PendingReplicaDeletion') throw invalidState(record);
    checkTagRules(tags!, record.tags);
    await s.save({ ...record, tags: mergeTags(record.tags, tags!) });
    return { $metadata };
  }
}
