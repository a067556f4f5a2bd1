import { KMSCommand, type MetadataBearer } from '../command.js';
import { DisabledException, LimitExceededException, ValidationException, type ResponseMetadata } from '../errors.js';
import { checkOperations, MAX_GRANTS_PER_KEY, sameOperations } from '../grants.js';
import type { StoredGrant } from '../key-store.js';
import { CreateGrant } from '../model/operations.js';
import type { GrantConstraints, GrantOperation } from '../models.js';
import { toBase64 } from '../../engine/index.js';
import { invalidState, KEY_OR_ARN_CROSS_ACCOUNT, randomHex, tokenHash, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** CreateGrant request (the model's `CreateGrantRequest`). */
export interface CreateGrantRequest {
  /** Key ID or key ARN (another account's key by ARN). */
  KeyId: string | undefined;
  GranteePrincipal?: string | undefined;
  RetiringPrincipal?: string | undefined;
  /** For HMAC keys: GenerateMac, VerifyMac, DescribeKey, CreateGrant, RetireGrant. */
  Operations: GrantOperation[] | undefined;
  /** Encryption-context constraints are not allowed for HMAC keys. */
  Constraints?: GrantConstraints | undefined;
  GrantTokens?: string[] | undefined;
  /** Makes the request idempotent: the same parameters return the same GrantId (and a new token). */
  Name?: string | undefined;
  DryRun?: boolean | undefined;
}

/** CreateGrant response (the model's `CreateGrantResponse`). */
export interface CreateGrantResponse {
  /** Valid at once in `GrantTokens` of this key's operations. */
  GrantToken?: string | undefined;
  /** 64 hex digits. */
  GrantId?: string | undefined;
}

/** The input of {@link CreateGrantCommand}. */
export interface CreateGrantCommandInput extends CreateGrantRequest {}
/** The output of {@link CreateGrantCommand}. */
export interface CreateGrantCommandOutput extends CreateGrantResponse, MetadataBearer {}

/** Constraint members that only make sense for symmetric encryption keys. */
const CONTEXT_CONSTRAINTS = ['EncryptionContextSubset', 'EncryptionContextEquals'] as const;

/**
 * Creates a grant on a key and returns its ID and a grant token. Only the
 * token's SHA-256 is stored; the token is valid in `GrantTokens` of
 * GenerateMac, VerifyMac and DescribeKey for this key until the grant is
 * retired or revoked.
 *
 * Throws ValidationException, NotFoundException, DisabledException,
 * KMSInvalidStateException, InvalidGrantTokenException,
 * DryRunOperationException, LimitExceededException, KMSInternalException.
 * @example
 * const { GrantToken, GrantId } = await client.send(new CreateGrantCommand({ KeyId, GranteePrincipal: 'arn:aws:iam::111122223333:role/app', Operations: ['GenerateMac'] }));
 */
export class CreateGrantCommand extends KMSCommand<CreateGrantCommandInput, CreateGrantCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<CreateGrantCommandOutput> {
    const {
      KeyId: keyId,
      GranteePrincipal: grantee,
      RetiringPrincipal: retiring,
      Operations: operations,
      Constraints: constraintsIn,
      GrantTokens: tokens,
      Name: name,
      DryRun: dryRun,
    } = readInput(CreateGrant, this.input);
    // The encryption-context constraints given (`SourceArn` is allowed for every key).
    const constraints = CONTEXT_CONSTRAINTS.filter((m) => constraintsIn?.[m] !== undefined);

    const token = toBase64(crypto.getRandomValues(new Uint8Array(96)));
    const newGrantId = randomHex(32);
    const now = s.nowMs();
    let grantId = newGrantId;
    await s.change(keyId!, KEY_OR_ARN_CROSS_ACCOUNT, (record) => {
      // Key states for CreateGrant (SEMANTICS.md GRANT-4).
      if (record.KeyState === 'Disabled') throw new DisabledException(`${record.Arn} is disabled.`);
      if (record.KeyState !== 'Enabled' && record.KeyState !== 'Updating') throw invalidState(record);
      checkOperations(record.KeyUsage, operations!);
      if (constraints.length > 0 && record.KeySpec !== 'SYMMETRIC_DEFAULT') {
        // Encryption-context constraints are for symmetric encryption keys only (SEMANTICS.md GRANT-2).
        throw new ValidationException(`Grant constraints ${constraints.join(', ')} are not supported for KeySpec ${record.KeySpec}.`);
      }
      s.checkGrantTokens(record, tokens);
      const existing =
        name === undefined
          ? undefined
          : record.grants.find(
              (g) => g.Name === name && g.GranteePrincipal === grantee && g.RetiringPrincipal === retiring && sameOperations(g.Operations, operations!),
            );
      if (existing === undefined && record.grants.length >= MAX_GRANTS_PER_KEY) {
        // SEMANTICS.md GRANT-4.
        throw new LimitExceededException(`${record.Arn} already has ${MAX_GRANTS_PER_KEY} grants.`);
      }
      s.checkDryRun(dryRun);
      let grants: StoredGrant[];
      if (existing !== undefined) {
        grantId = existing.GrantId;
        grants = record.grants.map((g) => (g === existing ? { ...g, TokenHashes: [...g.TokenHashes, tokenHash(token)] } : g));
      } else {
        grantId = newGrantId;
        const grant: StoredGrant = {
          GrantId: newGrantId,
          GranteePrincipal: grantee!,
          Operations: [...operations!],
          CreationDate: now,
          IssuingAccount: `arn:${s.partition}:iam::${s.accountId}:root`,
          TokenHashes: [tokenHash(token)],
        };
        if (name !== undefined) grant.Name = name;
        if (retiring !== undefined) grant.RetiringPrincipal = retiring;
        grants = [...record.grants, grant];
      }
      return { ...record, grants };
    });
    return { GrantToken: token, GrantId: grantId, $metadata };
  }
}
