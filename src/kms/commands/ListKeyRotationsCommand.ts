import { ListKeyRotations } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import { UnsupportedOperationException, ValidationException, type ResponseMetadata } from '../errors.js';
import type { IncludeKeyMaterial } from '../models.js';
import { KEY_OR_ARN, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** ListKeyRotations request ([M] `ListKeyRotationsRequest`). */
export interface ListKeyRotationsRequest {
  /** Key ID or key ARN. */
  KeyId: string | undefined;
  IncludeKeyMaterial?: IncludeKeyMaterial | undefined;
  Limit?: number | undefined;
  Marker?: string | undefined;
}

/** One rotation ([M] `RotationsListEntry`); wasmac never has any. */
export interface RotationsListEntry {
  KeyId?: string | undefined;
  KeyMaterialId?: string | undefined;
  RotationDate?: Date | undefined;
  RotationType?: string | undefined;
}

/** ListKeyRotations response ([M] `ListKeyRotationsResponse`). */
export interface ListKeyRotationsResponse {
  Rotations?: RotationsListEntry[] | undefined;
  NextMarker?: string | undefined;
  Truncated?: boolean | undefined;
}

/** The input of {@link ListKeyRotationsCommand}. */
export interface ListKeyRotationsCommandInput extends ListKeyRotationsRequest {}
/** The output of {@link ListKeyRotationsCommand}. */
export interface ListKeyRotationsCommandOutput extends ListKeyRotationsResponse, MetadataBearer {}

/**
 * On an HMAC (or asymmetric) key: with `IncludeKeyMaterial`,
 * ValidationException `Input parameter includeKeyMaterial can only be used
 * with symmetric keys.` (recorded); without it UnsupportedOperationException
 * with no message (the model lists it; [INF]). A symmetric encryption key
 * has never rotated here: `{ Rotations: [], Truncated: false }`.
 *
 * Throws ValidationException, NotFoundException, UnsupportedOperationException.
 * @example
 * await client.send(new ListKeyRotationsCommand({ KeyId })); // UnsupportedOperationException for an HMAC key
 */
export class ListKeyRotationsCommand extends KMSCommand<ListKeyRotationsCommandInput, ListKeyRotationsCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<ListKeyRotationsCommandOutput> {
    const { KeyId: keyId, IncludeKeyMaterial: include } = readInput(ListKeyRotations, this.input, s.region);
    const record = await s.resolve(keyId, KEY_OR_ARN);
    if (record.KeySpec !== 'SYMMETRIC_DEFAULT') {
      if (include !== undefined) throw new ValidationException('Input parameter includeKeyMaterial can only be used with symmetric keys.');
      throw new UnsupportedOperationException({});
    }
    return { Rotations: [], Truncated: false, $metadata };
  }
}
