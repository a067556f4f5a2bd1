import { KMSCommand, type MetadataBearer } from '../command.js';
import { InvalidGrantIdException, type ResponseMetadata } from '../errors.js';
import { RevokeGrant } from '../model/operations.js';
import { KEY_OR_ARN_CROSS_ACCOUNT, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** RevokeGrant request (the model's `RevokeGrantRequest`). */
export interface RevokeGrantRequest {
  /** Key ID or key ARN (another account's key by ARN). */
  KeyId: string | undefined;
  GrantId: string | undefined;
  DryRun?: boolean | undefined;
}

/** The input of {@link RevokeGrantCommand}. */
export interface RevokeGrantCommandInput extends RevokeGrantRequest {}
/** The output of {@link RevokeGrantCommand}: only `$metadata`. */
export interface RevokeGrantCommandOutput extends MetadataBearer {}

/**
 * Deletes a grant, in any key state; its tokens stop being valid at once.
 *
 * Throws ValidationException, NotFoundException, InvalidGrantIdException,
 * DryRunOperationException, KMSInternalException.
 * @example
 * await client.send(new RevokeGrantCommand({ KeyId, GrantId }));
 */
export class RevokeGrantCommand extends KMSCommand<RevokeGrantCommandInput, RevokeGrantCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<RevokeGrantCommandOutput> {
    const { KeyId: keyId, GrantId: grantId, DryRun: dryRun } = readInput(RevokeGrant, this.input);
    await s.change(keyId!, KEY_OR_ARN_CROSS_ACCOUNT, (record) => {
      // An unknown grant: InvalidGrantIdException (SEMANTICS.md GRANT-5).
      if (!record.grants.some((g) => g.GrantId === grantId)) throw new InvalidGrantIdException(`Grant ID ${grantId} is not valid for ${record.Arn}.`);
      s.checkDryRun(dryRun);
      return { ...record, grants: record.grants.filter((g) => g.GrantId !== grantId) };
    });
    return { $metadata };
  }
}
