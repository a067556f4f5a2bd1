import { checkAliasName } from '../aliases.js';
import { DeleteAlias } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import { NotFoundException, type ResponseMetadata } from '../errors.js';
import type { Service } from '../service.js';
import { readInput } from '../validate.js';

/** DeleteAlias request (the model's `DeleteAliasRequest`). */
export interface DeleteAliasRequest {
  /** `alias/<name>`. */
  AliasName: string | undefined;
}

/** The input of {@link DeleteAliasCommand}. */
export interface DeleteAliasCommandInput extends DeleteAliasRequest {}
/** The output of {@link DeleteAliasCommand}: only `$metadata`. */
export interface DeleteAliasCommandOutput extends MetadataBearer {}

/**
 * Deletes an alias, whatever the state of its key.
 *
 * Throws ValidationException, NotFoundException (`Alias <alias ARN> is not found.`), KMSInternalException.
 * @example
 * await client.send(new DeleteAliasCommand({ AliasName: 'alias/my-hmac' }));
 */
export class DeleteAliasCommand extends KMSCommand<DeleteAliasCommandInput, DeleteAliasCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<DeleteAliasCommandOutput> {
    const { AliasName: name } = readInput(DeleteAlias, this.input);
    checkAliasName(name!, false);
    await s.findAlias(name!);
    await s.transact((tx) => {
      const record = s.aliasIn(tx, name!);
      if (record === undefined) throw new NotFoundException(`Alias ${s.aliasArn(name!)} is not found.`);
      tx.put({ ...record, aliases: record.aliases.filter((a) => a.AliasName !== name) });
    });
    return { $metadata };
  }
}
