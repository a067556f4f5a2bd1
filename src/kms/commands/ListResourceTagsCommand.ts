import { KMSCommand, type MetadataBearer } from '../command.js';
import type { ResponseMetadata } from '../errors.js';
import { ListResourceTags } from '../model/operations.js';
import type { Tag } from '../models.js';
import { paginate, sortBy } from '../paginate.js';
import { KEY_OR_ARN, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** ListResourceTags request (the model's `ListResourceTagsRequest`). */
export interface ListResourceTagsRequest {
  /** Key ID or key ARN. */
  KeyId: string | undefined;
  /** 1-50, default 50 (the model allows up to 1000; larger values return 50). */
  Limit?: number | undefined;
  Marker?: string | undefined;
}

/** ListResourceTags response (the model's `ListResourceTagsResponse`). */
export interface ListResourceTagsResponse {
  Tags?: Tag[] | undefined;
  NextMarker?: string | undefined;
  Truncated?: boolean | undefined;
}

/** The input of {@link ListResourceTagsCommand}. */
export interface ListResourceTagsCommandInput extends ListResourceTagsRequest {}
/** The output of {@link ListResourceTagsCommand}. */
export interface ListResourceTagsCommandOutput extends ListResourceTagsResponse, MetadataBearer {}

/**
 * The tags of a key, in any key state, by tag key (SEMANTICS.md LIST-2), in pages.
 *
 * Throws ValidationException, InvalidMarkerException, NotFoundException, KMSInternalException.
 * @example
 * const { Tags } = await client.send(new ListResourceTagsCommand({ KeyId }));
 */
export class ListResourceTagsCommand extends KMSCommand<ListResourceTagsCommandInput, ListResourceTagsCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<ListResourceTagsCommandOutput> {
    const { KeyId: keyId, Limit: limit, Marker: marker } = readInput(ListResourceTags, this.input);
    const record = await s.resolve(keyId!, KEY_OR_ARN);
    const tags: Tag[] = record.tags.map((t) => ({ TagKey: t.TagKey, TagValue: t.TagValue }));
    const { items, ...more } = paginate(sortBy(tags, tagKey), tagKey, Math.min(limit, 50), marker);
    return { Tags: items, ...more, $metadata };
  }
}

function tagKey(t: Tag): string {
  return t.TagKey!;
}
