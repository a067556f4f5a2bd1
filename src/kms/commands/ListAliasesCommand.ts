import { KMSCommand, type MetadataBearer } from '../command.js';
import type { ResponseMetadata } from '../errors.js';
import { ListAliases } from '../model/operations.js';
import type { AliasListEntry } from '../models.js';
import { paginate, sortBy } from '../paginate.js';
import { KEY_OR_ARN, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** ListAliases request (the model's `ListAliasesRequest`). */
export interface ListAliasesRequest {
  /** Only the aliases of this key (key ID or key ARN). */
  KeyId?: string | undefined;
  /** 1-100, default 50 (the model allows up to 1000; larger values return 100). */
  Limit?: number | undefined;
  Marker?: string | undefined;
}

/** ListAliases response (the model's `ListAliasesResponse`). */
export interface ListAliasesResponse {
  Aliases?: AliasListEntry[] | undefined;
  NextMarker?: string | undefined;
  Truncated?: boolean | undefined;
}

/** The input of {@link ListAliasesCommand}. */
export interface ListAliasesCommandInput extends ListAliasesRequest {}
/** The output of {@link ListAliasesCommand}. */
export interface ListAliasesCommandOutput extends ListAliasesResponse, MetadataBearer {}

/**
 * The aliases of this account and region (or of one key), by name, in pages.
 *
 * Throws ValidationException, InvalidMarkerException, NotFoundException, KMSInternalException.
 * @example
 * const { Aliases, Truncated, NextMarker } = await client.send(new ListAliasesCommand({ Limit: 10 }));
 */
export class ListAliasesCommand extends KMSCommand<ListAliasesCommandInput, ListAliasesCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<ListAliasesCommandOutput> {
    const { KeyId: keyId, Limit: limit, Marker: marker } = readInput(ListAliases, this.input);
    const records = keyId === undefined ? await s.liveKeys() : [await s.resolve(keyId, KEY_OR_ARN)];
    const entries: AliasListEntry[] = [];
    for (const r of records) {
      for (const a of r.aliases) {
        entries.push({
          AliasName: a.AliasName,
          AliasArn: s.aliasArn(a.AliasName),
          TargetKeyId: r.KeyId,
          CreationDate: new Date(a.CreationDate),
          LastUpdatedDate: new Date(a.LastUpdatedDate),
        });
      }
    }
    const page = paginate(sortBy(entries, aliasName), aliasName, Math.min(limit, 100), marker);
    const { items, ...more } = page;
    return { Aliases: items, ...more, $metadata };
  }
}

function aliasName(a: AliasListEntry): string {
  return a.AliasName!;
}
