import { checkAliasName, keyFamily } from '../aliases.js';
import { UpdateAlias } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import { NotFoundException, ValidationException, type ResponseMetadata } from '../errors.js';
import { invalidState, KEY_OR_ARN, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** UpdateAlias request (the model's `UpdateAliasRequest`). */
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
 * target may be PendingDeletion; the new one may not (SEMANTICS.md ALIAS-4).
 *
 * Throws ValidationException, NotFoundException, KMSInvalidStateException, KMSInternalException.
 * @example
 * await client.send(new UpdateAliasCommand({ AliasName: 'alias/my-hmac', TargetKeyId: newKeyId }));
 */
export class UpdateAliasCommand extends KMSCommand<UpdateAliasCommandInput, UpdateAliasCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<UpdateAliasCommandOutput> {
    const { AliasName: name, TargetKeyId: targetId } = readInput(UpdateAlias, this.input);
    checkAliasName(name!, false);
    if ((await s.findAlias(name!)) === undefined) throw new NotFoundException(`Alias ${s.aliasArn(name!)} is not found.`);
    const first = await s.resolve(targetId!, KEY_OR_ARN);
    const now = s.nowMs();
    // One atomic step: the alias moves in the index and between the two records.
    await s.transact((tx) => {
      const current = s.aliasIn(tx, name!);
      if (current === undefined) throw new NotFoundException(`Alias ${s.aliasArn(name!)} is not found.`);
      const target = s.lookup(tx, first.KeyId);
      if (target.KeyState === 'PendingDeletion') throw invalidState(target);
      if (keyFamily(target.KeySpec) !== keyFamily(current.KeySpec) || target.KeyUsage !== current.KeyUsage) {
        // "both symmetric or both asymmetric or both HMAC", same KeyUsage (SEMANTICS.md ALIAS-5).
        throw new ValidationException(
          `${target.Arn} is not compatible with the current target of ${s.aliasArn(name!)}: an alias can only move to a key of the same key type and key usage.`,
        );
      }
      const old = current.aliases.find((a) => a.AliasName === name)!;
      const moved = { AliasName: name!, CreationDate: old.CreationDate, LastUpdatedDate: now };
      if (target.KeyId === current.KeyId) {
        tx.put({ ...current, aliases: current.aliases.map((a) => (a.AliasName === name ? moved : a)) });
      } else {
        tx.put({ ...current, aliases: current.aliases.filter((a) => a.AliasName !== name) });
        tx.put({ ...target, aliases: [...target.aliases, moved] });
      }
    });
    return { $metadata };
  }
}
