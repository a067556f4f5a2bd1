import { EnableKeyRotation } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import type { ResponseMetadata } from '../errors.js';
import { refuseRotation } from '../rotation.js';
import { KEY_OR_ARN, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** EnableKeyRotation request ([M] `EnableKeyRotationRequest`). */
export interface EnableKeyRotationRequest {
  /** Key ID or key ARN. */
  KeyId: string | undefined;
  /** Days between rotations (90-2560). */
  RotationPeriodInDays?: number | undefined;
}

/** EnableKeyRotation response ([M]). */
export interface EnableKeyRotationResponse {
}

/** The input of {@link EnableKeyRotationCommand}. */
export interface EnableKeyRotationCommandInput extends EnableKeyRotationRequest {}
/** The output of {@link EnableKeyRotationCommand}. */
export interface EnableKeyRotationCommandOutput extends EnableKeyRotationResponse, MetadataBearer {}

/**
 * HMAC keys do not rotate: after the key-state checks (DisabledException,
 * KMSInvalidStateException), UnsupportedOperationException with no message,
 * as AWS answers for keys that cannot rotate (docs/SEMANTICS.md ROT-2..4).
 * A symmetric encryption key (metadata only here) gets an
 * UnsupportedOperationException saying the operation is not implemented.
 *
 * Throws ValidationException, NotFoundException, DisabledException, KMSInvalidStateException, UnsupportedOperationException.
 * @example
 * await client.send(new EnableKeyRotationCommand({ KeyId })); // UnsupportedOperationException
 */
export class EnableKeyRotationCommand extends KMSCommand<EnableKeyRotationCommandInput, EnableKeyRotationCommandOutput> {
  async run(s: Service, _$metadata: ResponseMetadata): Promise<EnableKeyRotationCommandOutput> {
    const { KeyId: keyId } = readInput(EnableKeyRotation, this.input, s.region);
    refuseRotation(await s.resolve(keyId, KEY_OR_ARN), 'EnableKeyRotation');
  }
}
