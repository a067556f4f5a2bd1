import { KMSCommand, type MetadataBearer } from '../command.js';
import { KMSInvalidStateException, type ResponseMetadata } from '../errors.js';
import type { StoredKey } from '../key-store.js';
import { CancelKeyDeletion } from '../model/operations.js';
import { KEY_OR_ARN, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** CancelKeyDeletion request (the model's `CancelKeyDeletionRequest`). */
export interface CancelKeyDeletionRequest {
  /** Key ID or key ARN (no aliases). */
  KeyId: string | undefined;
}

/** CancelKeyDeletion response (the model's `CancelKeyDeletionResponse`). */
export interface CancelKeyDeletionResponse {
  /** The key ARN. */
  KeyId?: string | undefined;
}

/** The input of {@link CancelKeyDeletionCommand}. */
export interface CancelKeyDeletionCommandInput extends CancelKeyDeletionRequest {}
/** The output of {@link CancelKeyDeletionCommand}. */
export interface CancelKeyDeletionCommandOutput extends CancelKeyDeletionResponse, MetadataBearer {}

/**
 * PendingDeletion or PendingReplicaDeletion -> Disabled, not Enabled (MRK-6).
 * An EXTERNAL key that never got its material goes back to PendingImport
 * instead (SEMANTICS.md LIFE-3).
 *
 * Throws ValidationException, NotFoundException, KMSInvalidStateException
 * (`<key ARN> is not pending deletion.`), KMSInternalException.
 * @example
 * await client.send(new CancelKeyDeletionCommand({ KeyId }));
 */
export class CancelKeyDeletionCommand extends KMSCommand<CancelKeyDeletionCommandInput, CancelKeyDeletionCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<CancelKeyDeletionCommandOutput> {
    const { KeyId: keyId } = readInput(CancelKeyDeletion, this.input);
    const record = await s.change(keyId!, KEY_OR_ARN, (record) => {
      if (record.KeyState !== 'PendingDeletion' && record.KeyState !== 'PendingReplicaDeletion') throw new KMSInvalidStateException(`${record.Arn} is not pending deletion.`);
      const next: StoredKey = { ...record, KeyState: record.Origin === 'EXTERNAL' && record.material === undefined ? 'PendingImport' : 'Disabled' };
      delete next.DeletionDate;
      delete next.PendingWindowInDays;
      return next;
    });
    return { KeyId: record.Arn, $metadata };
  }
}
