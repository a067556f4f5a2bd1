import { KMSCommand, type MetadataBearer } from '../command.js';
import type { ResponseMetadata } from '../errors.js';
import { DisableKey } from '../model/operations.js';
import { invalidState, KEY_OR_ARN, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** DisableKey request (the model's `DisableKeyRequest`). */
export interface DisableKeyRequest {
  /** Key ID or key ARN (no aliases). */
  KeyId: string | undefined;
}

/** The input of {@link DisableKeyCommand}. */
export interface DisableKeyCommandInput extends DisableKeyRequest {}
/** The output of {@link DisableKeyCommand}: only `$metadata`. */
export interface DisableKeyCommandOutput extends MetadataBearer {}

/**
 * Enabled or Disabled -> Disabled (idempotent). Any other state is a
 * KMSInvalidStateException (SEMANTICS.md LIFE-1).
 *
 * Throws ValidationException, NotFoundException, KMSInvalidStateException, KMSInternalException.
 * @example
 * await client.send(new DisableKeyCommand({ KeyId }));
 */
export class DisableKeyCommand extends KMSCommand<DisableKeyCommandInput, DisableKeyCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<DisableKeyCommandOutput> {
    const { KeyId: keyId } = readInput(DisableKey, this.input);
    await s.change(keyId!, KEY_OR_ARN, (record) => {
      if (record.KeyState !== 'Enabled' && record.KeyState !== 'Disabled') throw invalidState(record);
      return record.KeyState === 'Enabled' ? { ...record, KeyState: 'Disabled' } : undefined;
    });
    return { $metadata };
  }
}
