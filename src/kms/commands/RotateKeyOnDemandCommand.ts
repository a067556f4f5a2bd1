import { RotateKeyOnDemand } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import type { ResponseMetadata } from '../errors.js';
import { refuseRotation } from '../rotation.js';
import { KEY_OR_ARN, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** RotateKeyOnDemand request ([M] `RotateKeyOnDemandRequest`). */
export interface RotateKeyOnDemandRequest {
  /** Key ID or key ARN. */
  KeyId: string | undefined;
}

/** RotateKeyOnDemand response ([M]). */
export interface RotateKeyOnDemandResponse {
  KeyId?: string | undefined;
}

/** The input of {@link RotateKeyOnDemandCommand}. */
export interface RotateKeyOnDemandCommandInput extends RotateKeyOnDemandRequest {}
/** The output of {@link RotateKeyOnDemandCommand}. */
export interface RotateKeyOnDemandCommandOutput extends RotateKeyOnDemandResponse, MetadataBearer {}

/**
 * HMAC keys do not rotate: after the key-state checks (DisabledException,
 * KMSInvalidStateException), UnsupportedOperationException with no message,
 * as AWS answers for keys that cannot rotate (docs/SEMANTICS.md ROT-2..4).
 * A symmetric encryption key (metadata only here) gets an
 * UnsupportedOperationException saying the operation is not implemented.
 *
 * Throws ValidationException, NotFoundException, DisabledException, KMSInvalidStateException, UnsupportedOperationException.
 * @example
 * await client.send(new RotateKeyOnDemandCommand({ KeyId })); // UnsupportedOperationException
 */
export class RotateKeyOnDemandCommand extends KMSCommand<RotateKeyOnDemandCommandInput, RotateKeyOnDemandCommandOutput> {
  async run(s: Service, _$metadata: ResponseMetadata): Promise<RotateKeyOnDemandCommandOutput> {
    const { KeyId: keyId } = readInput(RotateKeyOnDemand, this.input, s.region);
    refuseRotation(await s.resolve(keyId, KEY_OR_ARN), 'RotateKeyOnDemand');
  }
}
