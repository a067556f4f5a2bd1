import { KMSCommand, type MetadataBearer } from '../command.js';
import { InvalidGrantIdException, type ResponseMetadata } from '../errors.js';
import { grantEntry } from '../grants.js';
import { ListGrants } from '../model/operations.js';
import type { GrantListEntry } from '../models.js';
import { paginate, sortBy } from '../paginate.js';
import { KEY_OR_ARN_CROSS_ACCOUNT, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** ListGrants request (the model's `ListGrantsRequest`). */
export interface ListGrantsRequest {
  /** 1-100, default 50 (the model allows up to 1000; larger values return 100). */
  Limit?: number | undefined;
  Marker?: string | undefined;
  /** Key ID or key ARN (another account's key by ARN). */
  KeyId: string | undefined;
  /** Only this grant. */
  GrantId?: string | undefined;
  /** Only grants to this principal. */
  GranteePrincipal?: string | undefined;
}

/** ListGrants response (the model's `ListGrantsResponse`). */
export interface ListGrantsResponse {
  Grants?: GrantListEntry[] | undefined;
  NextMarker?: string | undefined;
  Truncated?: boolean | undefined;
}

/** The input of {@link ListGrantsCommand}. */
export interface ListGrantsCommandInput extends ListGrantsRequest {}
/** The output of {@link ListGrantsCommand}. */
export interface ListGrantsCommandOutput extends ListGrantsResponse, MetadataBearer {}

/**
 * The grants of a key, in any key state, by grant ID (SEMANTICS.md LIST-2:
 * no documented
 * order), in pages. Grant tokens are never listed.
 *
 * Throws ValidationException, NotFoundException, InvalidGrantIdException,
 * InvalidMarkerException, KMSInternalException.
 * @example
 * const { Grants } = await client.send(new ListGrantsCommand({ KeyId }));
 */
export class ListGrantsCommand extends KMSCommand<ListGrantsCommandInput, ListGrantsCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<ListGrantsCommandOutput> {
    const { Limit: limit, Marker: marker, KeyId: keyId, GrantId: grantId, GranteePrincipal: grantee } = readInput(ListGrants, this.input);
    const record = await s.resolve(keyId!, KEY_OR_ARN_CROSS_ACCOUNT);
    let grants = record.grants;
    if (grantId !== undefined) {
      grants = grants.filter((g) => g.GrantId === grantId);
      // As for an unknown grant elsewhere (SEMANTICS.md GRANT-5).
      if (grants.length === 0) throw new InvalidGrantIdException(`Grant ID ${grantId} is not valid for ${record.Arn}.`);
    }
    if (grantee !== undefined) grants = grants.filter((g) => g.GranteePrincipal === grantee);
    const entries = sortBy(grants.map((g) => grantEntry(record.Arn, g)), grantIdOf);
    const { items, ...more } = paginate(entries, grantIdOf, Math.min(limit, 100), marker);
    return { Grants: items, ...more, $metadata };
  }
}

function grantIdOf(g: GrantListEntry): string {
  return g.GrantId!;
}
