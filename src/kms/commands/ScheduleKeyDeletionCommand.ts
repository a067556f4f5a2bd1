import { KMSCommand, type MetadataBearer } from '../command.js';
import { ValidationException, type ResponseMetadata } from '../errors.js';
import { ScheduleKeyDeletion } from '../model/operations.js';
import type { KeyState } from '../models.js';
import { invalidState, KEY_OR_ARN, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** ScheduleKeyDeletion request (the model's `ScheduleKeyDeletionRequest`). */
export interface ScheduleKeyDeletionRequest {
  /** Key ID or key ARN (no aliases). */
  KeyId: string | undefined;
  /** 7-30 days, default 30. */
  PendingWindowInDays?: number | undefined;
}

/** ScheduleKeyDeletion response (the model's `ScheduleKeyDeletionResponse`). */
export interface ScheduleKeyDeletionResponse {
  /** The key ARN. */
  KeyId?: string | undefined;
  DeletionDate?: Date | undefined;
  KeyState?: KeyState | undefined;
  PendingWindowInDays?: number | undefined;
}

/** The input of {@link ScheduleKeyDeletionCommand}. */
export interface ScheduleKeyDeletionCommandInput extends ScheduleKeyDeletionRequest {}
/** The output of {@link ScheduleKeyDeletionCommand}. */
export interface ScheduleKeyDeletionCommandOutput extends ScheduleKeyDeletionResponse, MetadataBearer {}

/** States from which a deletion may be scheduled (SEMANTICS.md LIFE-2). */
const SCHEDULABLE = new Set(['Enabled', 'Disabled', 'PendingImport', 'Unavailable', 'Creating']);

/**
 * Enabled, Disabled, PendingImport, Unavailable or Creating -> PendingDeletion
 * until `now + PendingWindowInDays`; a multi-Region primary that still has
 * replicas -> PendingReplicaDeletion with no date, until its last replica is
 * deleted (then PendingDeletion, the window starting then); the key (with its aliases and grants) is
 * deleted for good once that date has passed by the client's clock.
 *
 * Throws ValidationException, NotFoundException, KMSInvalidStateException
 * (`<key ARN> is pending deletion.`), KMSInternalException.
 * @example
 * const { DeletionDate } = await client.send(new ScheduleKeyDeletionCommand({ KeyId, PendingWindowInDays: 7 }));
 */
export class ScheduleKeyDeletionCommand extends KMSCommand<ScheduleKeyDeletionCommandInput, ScheduleKeyDeletionCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<ScheduleKeyDeletionCommandOutput> {
    const { KeyId: keyId, PendingWindowInDays: days } = readInput(ScheduleKeyDeletion, this.input);
    // Within the model's bounds, the service's own rule and text (recorded for 1: MODEL-3).
    if (days < 7 || days > 30) throw new ValidationException('PendingWindowInDays must be between 7 and 30');
    const deletionDate = s.nowMs() + days * 86_400_000;
    const record = await s.change(keyId!, KEY_OR_ARN, (record) => {
      if (!SCHEDULABLE.has(record.KeyState)) throw invalidState(record);
      // A multi-Region primary with replicas waits for them: no date yet (MRK-6).
      if ((record.ReplicaRegions?.length ?? 0) > 0) return { ...record, KeyState: 'PendingReplicaDeletion', PendingWindowInDays: days };
      return { ...record, KeyState: 'PendingDeletion', DeletionDate: deletionDate, PendingWindowInDays: days };
    });
    if (record.KeyState === 'PendingReplicaDeletion') return { KeyId: record.Arn, KeyState: 'PendingReplicaDeletion', PendingWindowInDays: days, $metadata };
    return { KeyId: record.Arn, DeletionDate: new Date(deletionDate), KeyState: 'PendingDeletion', PendingWindowInDays: days, $metadata };
  }
}
