import { checkAliasName, MAX_ALIASES_PER_KEY } from '../aliases.js';
import { CreateAlias } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import { LimitExceededException, type ResponseMetadata } from '../errors.js';
import { invalidState, KEY_OR_ARN, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** CreateAlias request (the model's `CreateAliasRequest`). */
export interface CreateAliasRequest {
  /** `alias/<name>`, 1-256 chars of `[a-zA-Z0-9:/_-]`; not `alias/aws/...`. */
  AliasName: string | undefined;
  /** Key ID or key ARN (no aliases) of a key in this account and region. */
  TargetKeyId: string | undefined;
}

/** The input of {@link CreateAliasCommand}. */
export interface CreateAliasCommandInput extends CreateAliasRequest {}
/** The output of {@link CreateAliasCommand}: only `$metadata`. */
export interface CreateAliasCommandOutput extends MetadataBearer {}

/**
 * Gives a key an alias. Allowed in every key state except PendingDeletion.
 *
 * Throws ValidationException (`Alias must start with the prefix "alias/". ...`),
 * InvalidAliasNameException, AlreadyExistsException (`An alias with the name
 * <alias ARN> already exists`), NotFoundException, KMSInvalidStateException,
 * LimitExceededException, KMSInternalException.
 * @example
 * await client.send(new CreateAliasCommand({ AliasName: 'alias/my-hmac', TargetKeyId: KeyId }));
 */
export class CreateAliasCommand extends KMSCommand<CreateAliasCommandInput, CreateAliasCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<CreateAliasCommandOutput> {
    const { AliasName: name, TargetKeyId: targetId } = readInput(CreateAlias, this.input);
    checkAliasName(name!, true);
    // The duplicate check before the target, as LocalStack's AWS-validated provider does.
    if ((await s.findAlias(name!)) !== undefined) throw s.aliasExists(name!);
    const target = await s.resolve(targetId!, KEY_OR_ARN);
    const now = s.nowMs();
    // One atomic step: the alias index entry (unique per account and region
    // in the store) and the key record, both re-checked on a concurrent change.
    await s.transact((tx) => {
      if (s.aliasIn(tx, name!) !== undefined) throw s.aliasExists(name!);
      const record = s.lookup(tx, target.KeyId);
      if (record.KeyState === 'PendingDeletion') throw invalidState(record);
      // SEMANTICS.md ALIAS-6.
      if (record.aliases.length >= MAX_ALIASES_PER_KEY) throw new LimitExceededException(`${record.Arn} already has ${MAX_ALIASES_PER_KEY} aliases.`);
      tx.put({ ...record, aliases: [...record.aliases, { AliasName: name!, CreationDate: now, LastUpdatedDate: now }] });
    });
    return { $metadata };
  }
}
