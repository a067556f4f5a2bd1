import { KMSCommand, type MetadataBearer } from '../command.js';
import type { ResponseMetadata } from '../errors.js';
import { EnableKey } from '../model/operations.js';
import { invalidState, KEY_OR_ARN, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** EnableKey request (the model's `EnableKeyRequest`). */
export interface EnableKeyRequest {
  /** Key ID or key ARN (no aliases). */
  KeyId: string | undefined;
}

/** The input of {@link EnableKeyCommand}. */
export interface EnableKeyCommandInput extends EnableKeyRequest {}
/** The output of {@link EnableKeyCommand}: only `$metadata`. */
export interface EnableKeyCommandOutput extends MetadataBearer {}

/**
 * Enabled or Disabled -> Enabled. Any other state is a
 * KMSInvalidStateException `<key ARN> is pending deletion.` / `is pending
 * import.` / ... (SEMANTICS.md LIFE-1).
 *
 * Throws ValidationException, NotFoundException, KMSInvalidStateException, KMSInternalException.
 * @example
 * await client.send(new EnableKeyCommand({ KeyId }));
 */
export class EnableKeyCommand extends KMSCommand<EnableKeyCommandInput, EnableKeyCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<EnableKeyCommandOutput> {
    const { KeyId: keyId } = readInput(EnableKey, this.input);
    await s.change(keyId!, KEY_OR_ARN, (record) => {
      if (record.KeyState !== 'Enabled' && record.KeyState !== 'Disabled') throw invalidState(record);
      return record.KeyState === 'Disabled' ? { ...record, KeyState: 'Enabled' } : undefined;
    });
    return { $metadata };
  }
}
