import { checkAliasName, keyFamily } from '../aliases.js';
import { UpdateAlias } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import { NotFoundException, ValidationException, type ResponseMetadata } from '../errors.js';
import { invalidState, KEY_OR_ARN, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** UpdateAlias request ([M] `UpdateAliasRequest`). */
export interface UpdateAliasRequest {
  /** An existing `alias/<name>` (not an ARN). */
  AliasName: string | undefined;
  /** Key ID or key ARN of the new target: same key family (HMAC -> HMAC) and key usage. */
  TargetKeyId: string | undefined;
}

/** The input of {@link UpdateAliasCommand}. */
export interface UpdateAliasCommandInput extends UpdateAliasRequest {}
/** The output of {@link UpdateAliasCommand}: only `$metadata`. */
export interface UpdateAliasCommandOutput extends MetadataBearer {}

/**
 * Points an alias at another key of the same type and usage. The current
 * target may be PendingDeletion; the new one may not ([DOC] key-state table).
 *
 * Throws ValidationException, NotFoundException, KMSInvalidStateException, KMSInternalException.
 * @example
 * await client.send(new UpdateAliasCommand({ AliasName: 'alias/my-hmac', TargetKeyId: newKeyId }));
 */
export class UpdateAliasCommand extends KMSCommand<UpdateAliasCommandInput, UpdateAliasCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<UpdateAliasCommandOutput> {
    const { AliasName: name, TargetKeyId: targetId } = readInput(UpdateAlias, this.input);
    checkAliasName(name!, false);
    const current = await s.findAlias(name!);
    if (current === undefined) throw new NotFoundException(`Alias ${s.aliasArn(name!)} is not found.`);
    const target = await s.resolve(targetId!, KEY_OR_ARN);
    if (target.KeyState === 'PendingDeletion') throw invalidState(target);
    if (keyFamily(target.KeySpec) !== keyFamily(current.KeySpec) || target.KeyUsage !== current.KeyUsage) {
      // "both symmetric or both asymmetric or both HMAC", same KeyUsage ([M] UpdateAlias); text [INF].
      throw new ValidationException(
        `${target.Arn} is not compatible with the current target of ${s.aliasArn(name!)}: an alias can only move to a key of the same key type and key usage.`,
      );
    }
    const now = s.nowMs();
    const old = current.aliases.find((a) => a.AliasName === name)!;
    const moved = { AliasName: name!, CreationDate: old.CreationDate, LastUpdatedDate: now };
    if (target.KeyId === current.KeyId) {
      await s.save({ ...current, aliases: current.aliases.map((a) => (a.AliasName === name ? moved : a)) });
    } else {
      await s.save({ ...current, aliases: current.aliases.filter((a) => a.AliasName !== name) });
      await s.save({ ...target, aliases: [...target.aliases, moved] });
    }
    return { $metadata };
  }
}
