import { RetireGrant } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import { InvalidGrantIdException, InvalidGrantTokenException, ValidationException, type ResponseMetadata } from '../errors.js';
import type { StoredKey } from '../key-store.js';
import { KEY_OR_ARN_CROSS_ACCOUNT, tokenHash, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** RetireGrant request ([M] `RetireGrantRequest`): a grant token, or a key and a grant ID. */
export interface RetireGrantRequest {
  GrantToken?: string | undefined;
  /** Key ID or key ARN, with `GrantId`. */
  KeyId?: string | undefined;
  GrantId?: string | undefined;
  DryRun?: boolean | undefined;
}

/** The input of {@link RetireGrantCommand}. */
export interface RetireGrantCommandInput extends RetireGrantRequest {}
/** The output of {@link RetireGrantCommand}: only `$metadata`. */
export interface RetireGrantCommandOutput extends MetadataBearer {}

/**
 * Deletes a grant identified by one of its tokens or by key and grant ID, in
 * any key state. The facade has no principals, so the caller may always
 * retire (as the account may).
 *
 * Throws ValidationException, InvalidGrantTokenException,
 * InvalidGrantIdException, NotFoundException, DryRunOperationException,
 * KMSInternalException.
 * @example
 * await client.send(new RetireGrantCommand({ GrantToken }));
 */
export class RetireGrantCommand extends KMSCommand<RetireGrantCommandInput, RetireGrantCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<RetireGrantCommandOutput> {
    const { GrantToken: token, KeyId: keyId, GrantId: grantId, DryRun: dryRun } = readInput(RetireGrant, this.input);
    let record: StoredKey | undefined;
    let id: string;
    if (token !== undefined) {
      const h = tokenHash(token);
      for (const r of await s.store.list()) {
        // Grant tokens are regional, like the keys they are for [INF].
        if (r.Region !== s.region) continue;
        const g = r.grants.find((x) => x.TokenHashes.includes(h));
        if (g !== undefined && !(await s.expired(r))) {
          record = r;
          id = g.GrantId;
          break;
        }
      }
      if (record === undefined) throw new InvalidGrantTokenException('Invalid grant token.');
    } else {
      // [INF] text: LocalStack's; the model marks all three members optional.
      if (keyId === undefined || grantId === undefined) throw new ValidationException('Grant token OR (grant ID, key ID) must be specified');
      record = await s.resolve(keyId, KEY_OR_ARN_CROSS_ACCOUNT);
      if (!record.grants.some((g) => g.GrantId === grantId)) throw new InvalidGrantIdException(`Grant ID ${grantId} is not valid for ${record.Arn}.`);
      id = grantId;
    }
    s.checkDryRun(dryRun);
    await s.save({ ...record, grants: record.grants.filter((g) => g.GrantId !== id!) });
    return { $metadata };
  }
}
