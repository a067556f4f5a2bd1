import { KMSCommand, type MetadataBearer } from '../command.js';
import { AlreadyExistsException, UnsupportedOperationException, ValidationException, type ResponseMetadata } from '../errors.js';
import { fixedOf } from '../fixed-key.js';
import type { StoredKey } from '../key-store.js';
import { CreateKey } from '../model/operations.js';
import type { CustomerMasterKeySpec, KeyMetadata, KeySpec, KeyUsageType, OriginType, Tag } from '../models.js';
import { SecretBytes } from '../secret.js';
import { hmacSpec, newMaterial, randomHex, uuid, type Service } from '../service.js';
import { checkPolicy } from '../policy.js';
import { checkTagRules } from '../tags.js';
import { readInput } from '../validate.js';

/** CreateKey request (the model's `CreateKeyRequest`). */
export interface CreateKeyRequest {
  /** A JSON key policy (1-131072 chars), stored and returned by GetKeyPolicy, not evaluated (absent: AWS's default key policy). */
  Policy?: string | undefined;
  Description?: string | undefined;
  /** Required for every spec except `SYMMETRIC_DEFAULT`; `GENERATE_VERIFY_MAC` for HMAC specs. */
  KeyUsage?: KeyUsageType | undefined;
  /** Deprecated alias of `KeySpec`. */
  CustomerMasterKeySpec?: CustomerMasterKeySpec | undefined;
  /** Default `SYMMETRIC_DEFAULT`. Only HMAC specs get key material; the others are metadata-only keys. */
  KeySpec?: KeySpec | undefined;
  /** `AWS_KMS` (default) or `EXTERNAL` (the key waits in PendingImport for its material). */
  Origin?: OriginType | undefined;
  CustomKeyStoreId?: string | undefined;
  BypassPolicyLockoutSafetyCheck?: boolean | undefined;
  Tags?: Tag[] | undefined;
  /** Makes an `mrk-` key ID. */
  MultiRegion?: boolean | undefined;
  XksKeyId?: string | undefined;
}

/** CreateKey response (the model's `CreateKeyResponse`). */
export interface CreateKeyResponse {
  KeyMetadata?: KeyMetadata | undefined;
}

/** The input of {@link CreateKeyCommand}. */
export interface CreateKeyCommandInput extends CreateKeyRequest {}
/** The output of {@link CreateKeyCommand}. */
export interface CreateKeyCommandOutput extends CreateKeyResponse, MetadataBearer {}

/** The key usages each spec allows (SEMANTICS.md KEY-2). */
function allowedUsages(spec: string): readonly string[] {
  if (spec === 'SYMMETRIC_DEFAULT') return ['ENCRYPT_DECRYPT'];
  if (spec.startsWith('HMAC_')) return ['GENERATE_VERIFY_MAC'];
  if (spec.startsWith('RSA_')) return ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'];
  if (spec === 'ECC_SECG_P256K1' || spec === 'ECC_NIST_EDWARDS25519' || spec.startsWith('ML_DSA_')) return ['SIGN_VERIFY'];
  if (spec.startsWith('ECC_NIST_P')) return ['SIGN_VERIFY', 'KEY_AGREEMENT'];
  if (spec.startsWith('ML_KEM_')) return ['ENCAPSULATE_DECAPSULATE'];
  if (spec === 'SM2') return ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'KEY_AGREEMENT'];
  return [];
}

/**
 * Creates a key. HMAC specs (`HMAC_224|256|384|512` with `GENERATE_VERIFY_MAC`)
 * get fresh random material of the digest length from `crypto.getRandomValues`;
 * other specs are metadata-only, so that using them for MACs gives AWS's
 * InvalidKeyUsageException. `Origin: EXTERNAL` keys start in PendingImport.
 *
 * Throws ValidationException (`You must specify a KeyUsage value for all KMS
 * keys except for symmetric encryption keys.`, `KeyUsage X is not compatible
 * with KeySpec Y`), TagException, UnsupportedOperationException,
 * KMSInternalException.
 * @example
 * const { KeyMetadata } = await client.send(new CreateKeyCommand({ KeySpec: 'HMAC_384', KeyUsage: 'GENERATE_VERIFY_MAC' }));
 */
export class CreateKeyCommand extends KMSCommand<CreateKeyCommandInput, CreateKeyCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<CreateKeyCommandOutput> {
    const {
      Policy: policy,
      Description: description,
      KeyUsage: usageIn,
      CustomerMasterKeySpec: cmkSpec,
      KeySpec: keySpec,
      Origin: origin,
      CustomKeyStoreId: customKeyStoreId,
      Tags: tagsIn,
      MultiRegion: multiRegion,
      XksKeyId: xksKeyId,
    } = readInput(CreateKey, this.input, s.region);
    const tags = tagsIn ?? [];

    if (keySpec !== undefined && cmkSpec !== undefined) {
      // AWS documents that the two may not be combined (SEMANTICS.md KEY-3).
      throw new ValidationException('You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec is deprecated.');
    }
    const spec: string = keySpec ?? cmkSpec ?? 'SYMMETRIC_DEFAULT';
    let usage: string;
    if (usageIn === undefined) {
      if (spec !== 'SYMMETRIC_DEFAULT') throw new ValidationException('You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.');
      usage = 'ENCRYPT_DECRYPT';
    } else usage = usageIn;
    // Worded as the one recorded pair (SEMANTICS.md KEY-2).
    if (!allowedUsages(spec).includes(usage)) throw new ValidationException(`KeyUsage ${usage} is not compatible with KeySpec ${spec}`);
    if (origin === 'AWS_CLOUDHSM' || origin === 'EXTERNAL_KEY_STORE' || customKeyStoreId !== undefined || xksKeyId !== undefined) {
      // The facade has no custom key stores, and HMAC keys cannot live in one (SEMANTICS.md KEY-4).
      throw new UnsupportedOperationException('Custom key stores are not supported.');
    }
    checkTagRules(tags);
    // A seed's fixed ID and material, checked where the seed fixed them (seed.ts, by fixed-key.ts's rules).
    const fixed = fixedOf(this);
    if (policy !== undefined) checkPolicy(policy);

    const keyId = fixed?.keyId ?? (multiRegion ? `mrk-${randomHex(16)}` : uuid());
    const hmac = hmacSpec(spec);
    const external = origin === 'EXTERNAL';
    const record: StoredKey = {
      KeyId: keyId,
      AccountId: s.accountId,
      Region: s.region,
      Arn: s.keyArn(keyId),
      CreationDate: s.nowMs(),
      Description: description ?? '',
      KeySpec: spec,
      KeyUsage: usage,
      Origin: origin,
      KeyState: external ? 'PendingImport' : 'Enabled',
      MultiRegion: multiRegion,
      aliases: [],
      tags,
      grants: [],
    };
    if (policy !== undefined) record.Policy = policy;
    if (hmac !== undefined && !external) record.material = fixed?.material === undefined ? newMaterial(hmac.length) : new SecretBytes(fixed.material);
    await s.transact((tx) => {
      // A new key: the commit's condition is that no key has this ID. A seed's fixed ID may name one already there.
      if (fixed?.keyId !== undefined && tx.key(keyId) !== undefined) throw new AlreadyExistsException(`${record.Arn} already exists`);
      tx.put(record);
    });
    return { KeyMetadata: s.metadata(record), $metadata };
  }
}
