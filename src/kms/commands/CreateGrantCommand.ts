import { KMSCommand, type MetadataBearer } from '../command.js';
import { DisabledException, LimitExceededException, ValidationException, type ResponseMetadata } from '../errors.js';
import {
  checkOperations,
  GRANT_NAME_PATTERN,
  MAX_GRANTS_PER_KEY,
  PRINCIPAL_PATTERN,
  PRINCIPAL_PATTERN_TEXT,
  readOperations,
  sameOperations,
} from '../grants.js';
import type { StoredGrant } from '../key-store.js';
import type { GrantConstraints, GrantOperation } from '../models.js';
import { toBase64 } from '../../engine/index.js';
import { invalidState, KEY_OR_ARN_CROSS_ACCOUNT, randomHex, tokenHash, type Service } from '../service.js';
import { asInput, Checker, mismatch, structure } from '../validate.js';

/** CreateGrant request ([M] `CreateGrantRequest`). */
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

/** CreateGrant response ([M] `CreateGrantResponse`). */
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
const CONTEXT_CONSTRAINTS = ['EncryptionContextSubset', 'EncryptionContextEquals'];

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
    const c = new Checker(asInput(this.input));
    const keyId = c.string('KeyId', 'keyId', true, 1, 2048);
    // Required before service principals were added to the model (it is
    // optional now only because GranteeServicePrincipal may replace it; the
    // facade has no service principals) [INF].
    const grantee = c.string('GranteePrincipal', 'granteePrincipal', true, 1, 256, PRINCIPAL_PATTERN, PRINCIPAL_PATTERN_TEXT);
    const retiring = c.string('RetiringPrincipal', 'retiringPrincipal', false, 1, 256, PRINCIPAL_PATTERN, PRINCIPAL_PATTERN_TEXT);
    const operations = readOperations(c);
    const constraints = this.#constraints(c);
    const tokens = c.stringList('GrantTokens', 'grantTokens', false, 0, 10, 1, 8192);
    const name = c.string('Name', 'name', false, 1, 256, GRANT_NAME_PATTERN, '^[a-zA-Z0-9:/_-]+$');
    const dryRun = c.boolean('DryRun');
    c.done();

    const record = await s.resolve(keyId!, KEY_OR_ARN_CROSS_ACCOUNT);
    // Key states for CreateGrant ([DOC] key-state table, KMS-SEMANTICS.md §7).
    if (record.KeyState === 'Disabled') throw new DisabledException(`${record.Arn} is disabled.`);
    if (record.KeyState !== 'Enabled' && record.KeyState !== 'Updating') throw invalidState(record);
    checkOperations(record.KeyUsage, operations!);
    if (constraints.length > 0 && record.KeySpec !== 'SYMMETRIC_DEFAULT') {
      // [M] CreateGrant.Constraints: encryption-context constraints are for symmetric encryption keys only; text [INF].
      throw new ValidationException(`Grant constraints ${constraints.join(', ')} are not supported for KeySpec ${record.KeySpec}.`);
    }
    s.checkGrantTokens(record, tokens);

    const token = toBase64(crypto.getRandomValues(new Uint8Array(96)));
    const existing =
      name === undefined
        ? undefined
        : record.grants.find(
            (g) => g.Name === name && g.GranteePrincipal === grantee && g.RetiringPrincipal === retiring && sameOperations(g.Operations, operations!),
          );
    if (existing === undefined && record.grants.length >= MAX_GRANTS_PER_KEY) {
      // [INF] text not recorded.
      throw new LimitExceededException(`${record.Arn} already has ${MAX_GRANTS_PER_KEY} grants.`);
    }
    s.checkDryRun(dryRun);

    let grants: StoredGrant[];
    let grantId: string;
    if (existing !== undefined) {
      grantId = existing.GrantId;
      grants = record.grants.map((g) => (g === existing ? { ...g, TokenHashes: [...g.TokenHashes, tokenHash(token)] } : g));
    } else {
      grantId = randomHex(32);
      const grant: StoredGrant = {
        GrantId: grantId,
        GranteePrincipal: grantee!,
        Operations: [...operations!],
        CreationDate: s.nowMs(),
        IssuingAccount: `arn:${s.partition}:iam::${s.accountId}:root`,
        TokenHashes: [tokenHash(token)],
      };
      if (name !== undefined) grant.Name = name;
      if (retiring !== undefined) grant.RetiringPrincipal = retiring;
      grants = [...record.grants, grant];
    }
    await s.save({ ...record, grants });
    return { GrantToken: token, GrantId: grantId, $metadata };
  }

  /** The encryption-context constraint members given (`SourceArn` is allowed for every key). */
  #constraints(c: Checker): string[] {
    const raw = c.input;
    if (!Object.hasOwn(raw, 'Constraints') || raw.Constraints === null || raw.Constraints === undefined) return [];
    const k = c.child(structure(raw.Constraints));
    const given: string[] = [];
    for (const member of CONTEXT_CONSTRAINTS) {
      if (!Object.hasOwn(k.input, member) || k.input[member] === null || k.input[member] === undefined) continue;
      const map = structure(k.input[member]);
      for (const v of Object.values(map)) if (typeof v !== 'string') throw mismatch(v, 'a String');
      given.push(member);
    }
    k.string('SourceArn', 'constraints.sourceArn', false, 1, 2048);
    return given;
  }
}
