import { DisableKeyRotation } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import type { ResponseMetadata } from '../errors.js';
import { refuseRotation } from '../rotation.js';
import { KEY_OR_ARN, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** DisableKeyRotation request ([M] `DisableKeyRotationRequest`). */
export interface DisableKeyRotationRequest {
  /** Key ID or key ARN. */
  KeyId: string | undefined;
}

/** DisableKeyRotation response ([M]). */
export interface DisableKeyRotationResponse {
}

/** The input of {@link DisableKeyRotationCommand}. */
export interface DisableKeyRotationCommandInput extends DisableKeyRotationRequest {}
/** The output of {@link DisableKeyRotationCommand}. */
export interface DisableKeyRotationCommandOutput extends DisableKeyRotationResponse, MetadataBearer {}

/**
 * HMAC keys do not rotate: after the key-state checks (DisabledException,
 * KMSInvalidStateException), UnsupportedOperationException with no message,
 * as AWS answers for keys that cannot rotate (docs/SEMANTICS.md ROT-2..4).
 * A symmetric encryption key (metadata only here) gets an
 * UnsupportedOperationException saying the operation is not implemented.
 *
 * Throws ValidationException, NotFoundException, DisabledException, KMSInvalidStateException, UnsupportedOperationException.
 * @example
 * await client.send(new DisableKeyRotationCommand({ KeyId })); // UnsupportedOperationException
 */
export class DisableKeyRotationCommand extends KMSCommand<DisableKeyRotationCommandInput, DisableKeyRotationCommandOutput> {
  async run(s: Service, _$metadata: ResponseMetadata): Promise<DisableKeyRotationCommandOutput> {
    const { KeyId: keyId } = readInput(DisableKeyRotation, this.input, s.region);
    refuseRotation(await s.resolve(keyId, KEY_OR_ARN), 'DisableKeyRotation');
  }
}
