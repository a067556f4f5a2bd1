import { KMSCommand, type MetadataBearer } from '../command.js';
import type { ResponseMetadata } from '../errors.js';
import { ListKeys } from '../model/operations.js';
import type { KeyListEntry } from '../models.js';
import { paginate, sortBy } from '../paginate.js';
import type { Service } from '../service.js';
import { readInput } from '../validate.js';

/** ListKeys request (the model's `ListKeysRequest`). */
export interface ListKeysRequest {
  /** 1-1000, default 100. */
  Limit?: number | undefined;
  Marker?: string | undefined;
}

/** ListKeys response (the model's `ListKeysResponse`). */
export interface ListKeysResponse {
  Keys?: KeyListEntry[] | undefined;
  NextMarker?: string | undefined;
  Truncated?: boolean | undefined;
}

/** The input of {@link ListKeysCommand}. */
export interface ListKeysCommandInput extends ListKeysRequest {}
/** The output of {@link ListKeysCommand}. */
export interface ListKeysCommandOutput extends ListKeysResponse, MetadataBearer {}

/**
 * Every key of this account and region, in every key state, by key ID
 * (SEMANTICS.md LIST-2), in pages.
 *
 * Throws ValidationException, InvalidMarkerException, KMSInternalException.
 * @example
 * const { Keys } = await client.send(new ListKeysCommand({}));
 */
export class ListKeysCommand extends KMSCommand<ListKeysCommandInput, ListKeysCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<ListKeysCommandOutput> {
    const { Limit: limit, Marker: marker } = readInput(ListKeys, this.input);
    const entries: KeyListEntry[] = (await s.liveKeys()).map((r) => ({ KeyId: r.KeyId, KeyArn: r.Arn }));
    const page = paginate(sortBy(entries, keyIdOf), keyIdOf, limit, marker);
    const { items, ...more } = page;
    return { Keys: items, ...more, $metadata };
  }
}

function keyIdOf(k: KeyListEntry): string {
  return k.KeyId!;
}
