import { KMSCommand, type MetadataBearer } from '../command.js';
import { InvalidGrantIdException, InvalidGrantTokenException, ValidationException, type ResponseMetadata } from '../errors.js';
import type { StoredKey } from '../key-store.js';
import { RetireGrant } from '../model/operations.js';
import { KEY_OR_ARN_CROSS_ACCOUNT, tokenHash, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** RetireGrant request (the model's `RetireGrantRequest`): a grant token, or a key and a grant ID. */
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
    let keyRef: string;
    let id: string;
    if (token !== undefined) {
      const h = tokenHash(token);
      let found: StoredKey | undefined;
      for (const record of await s.liveKeys(false)) {
        const g = record.grants.find((x) => x.TokenHashes.includes(h));
        if (g !== undefined) {
          found = record;
          id = g.GrantId;
          break;
        }
      }
      if (found === undefined) throw new InvalidGrantTokenException('Invalid grant token.');
      keyRef = found.Arn;
    } else {
      // The model marks all three members optional (SEMANTICS.md GRANT-5).
      if (keyId === undefined || grantId === undefined) throw new ValidationException('Grant token OR (grant ID, key ID) must be specified');
      keyRef = keyId;
      id = grantId;
    }
    await s.change(keyRef, KEY_OR_ARN_CROSS_ACCOUNT, (record) => {
      if (!record.grants.some((g) => g.GrantId === id)) {
        if (token !== undefined) throw new InvalidGrantTokenException('Invalid grant token.');
        throw new InvalidGrantIdException(`Grant ID ${id} is not valid for ${record.Arn}.`);
      }
      s.checkDryRun(dryRun);
      return { ...record, grants: record.grants.filter((g) => g.GrantId !== id) };
    });
    return { $metadata };
  }
}
