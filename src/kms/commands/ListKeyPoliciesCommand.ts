import { ListKeyPolicies } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import type { ResponseMetadata } from '../errors.js';
import { paginate } from '../paginate.js';
import { KEY_OR_ARN, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** ListKeyPolicies request ([M] `ListKeyPoliciesRequest`). */
export interface ListKeyPoliciesRequest {
  /** Key ID or key ARN. */
  KeyId: string | undefined;
  Limit?: number | undefined;
  Marker?: string | undefined;
}

/** ListKeyPolicies response ([M] `ListKeyPoliciesResponse`). */
export interface ListKeyPoliciesResponse {
  PolicyNames?: string[] | undefined;
  NextMarker?: string | undefined;
  Truncated?: boolean | undefined;
}

/** The input of {@link ListKeyPoliciesCommand}. */
export interface ListKeyPoliciesCommandInput extends ListKeyPoliciesRequest {}
/** The output of {@link ListKeyPoliciesCommand}. */
export interface ListKeyPoliciesCommandOutput extends ListKeyPoliciesResponse, MetadataBearer {}

/**
 * `{ PolicyNames: ['default'], Truncated: false }` for every key in every
 * state (recorded).
 *
 * Throws ValidationException, NotFoundException, InvalidMarkerException.
 * @example
 * const { PolicyNames } = await client.send(new ListKeyPoliciesCommand({ KeyId })); // ['default']
 */
export class ListKeyPoliciesCommand extends KMSCommand<ListKeyPoliciesCommandInput, ListKeyPoliciesCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<ListKeyPoliciesCommandOutput> {
    const { KeyId: keyId, Limit: limit, Marker: marker } = readInput(ListKeyPolicies, this.input, s.region);
    await s.resolve(keyId, KEY_OR_ARN);
    const page = paginate(['default'], (n) => n, limit, marker);
    return { PolicyNames: page.items, ...(page.NextMarker === undefined ? {} : { NextMarker: page.NextMarker }), Truncated: page.Truncated, $metadata };
  }
}
