import { GetKeyRotationStatus } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import { UnsupportedOperationException, type ResponseMetadata } from '../errors.js';
import { KEY_OR_ARN_CROSS_ACCOUNT, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** GetKeyRotationStatus request ([M] `GetKeyRotationStatusRequest`). */
export interface GetKeyRotationStatusRequest {
  /** Key ID or key ARN. */
  KeyId: string | undefined;
}

/** GetKeyRotationStatus response ([M] `GetKeyRotationStatusResponse`). */
export interface GetKeyRotationStatusResponse {
  KeyRotationEnabled?: boolean | undefined;
  KeyId?: string | undefined;
  RotationPeriodInDays?: number | undefined;
  NextRotationDate?: Date | undefined;
  OnDemandRotationStartDate?: Date | undefined;
}

/** The input of {@link GetKeyRotationStatusCommand}. */
export interface GetKeyRotationStatusCommandInput extends GetKeyRotationStatusRequest {}
/** The output of {@link GetKeyRotationStatusCommand}. */
export interface GetKeyRotationStatusCommandOutput extends GetKeyRotationStatusResponse, MetadataBearer {}

/**
 * `{ KeyId: <key ARN>, KeyRotationEnabled: false }` for every key, in every
 * state: "KeyRotationEnabled will always be false" for HMAC keys ([DOC]), and
 * wasmac rotates no key. An EXTERNAL key still waiting for its material gets
 * UnsupportedOperationException (the key-state table's footnote; text [INF]).
 *
 * Throws ValidationException, NotFoundException, UnsupportedOperationException.
 * @example
 * const { KeyRotationEnabled } = await client.send(new GetKeyRotationStatusCommand({ KeyId })); // false
 */
export class GetKeyRotationStatusCommand extends KMSCommand<GetKeyRotationStatusCommandInput, GetKeyRotationStatusCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<GetKeyRotationStatusCommandOutput> {
    const { KeyId: keyId } = readInput(GetKeyRotationStatus, this.input, s.region);
    const record = await s.resolve(keyId, KEY_OR_ARN_CROSS_ACCOUNT);
    if (record.KeyState === 'PendingImport') throw new UnsupportedOperationException(`${record.Arn} origin is EXTERNAL which is not valid for this operation.`);
    return { KeyId: record.Arn, KeyRotationEnabled: false, $metadata };
  }
}
