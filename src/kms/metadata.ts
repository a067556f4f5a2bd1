/**
 * Key specs and metadata rendering: what each HMAC spec uses (algorithm,
 * engine hash, material length), fresh material for a spec, and `KeyMetadata`
 * as DescribeKey returns it for a stored record.
 */
import { sha256, toHex, type HashName } from '../engine/index.js';
import { partitionOf } from './ids.js';
import type { StoredKey } from './key-store.js';
import { CUSTOMER_MASTER_KEY_SPECS } from './model/enums.js';
import type { KeyMetadata, MacAlgorithmSpec } from './models.js';
import { SecretBytes } from './secret.js';

/** HMAC key specs: the algorithm each supports, the engine's hash, and the material length. */
const HMAC_SPECS: Readonly<Record<string, { alg: MacAlgorithmSpec; hash: HashName; length: number }>> = {
  HMAC_224: { alg: 'HMAC_SHA_224', hash: 'sha224', length: 28 },
  HMAC_256: { alg: 'HMAC_SHA_256', hash: 'sha256', length: 32 },
  HMAC_384: { alg: 'HMAC_SHA_384', hash: 'sha384', length: 48 },
  HMAC_512: { alg: 'HMAC_SHA_512', hash: 'sha512', length: 64 },
};

/** The HMAC spec entry for `keySpec`, or undefined for non-HMAC specs. */
export function hmacSpec(keySpec: string): { alg: MacAlgorithmSpec; hash: HashName; length: number } | undefined {
  return Object.hasOwn(HMAC_SPECS, keySpec) ? HMAC_SPECS[keySpec] : undefined;
}

/** Fresh random key material for an HMAC spec, boxed; the temporary copy is wiped. */
export function newMaterial(length: number): SecretBytes {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  const secret = new SecretBytes(bytes);
  bytes.fill(0);
  return secret;
}

/** Specs the deprecated `CustomerMasterKeySpec` member can name. */
const CMK_SPECS: ReadonlySet<string> = new Set(CUSTOMER_MASTER_KEY_SPECS);

const RSA_SIGNING = ['RSASSA_PSS_SHA_256', 'RSASSA_PSS_SHA_384', 'RSASSA_PSS_SHA_512', 'RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_384', 'RSASSA_PKCS1_V1_5_SHA_512'] as const;
const ECDSA: Readonly<Record<string, 'ECDSA_SHA_256' | 'ECDSA_SHA_384' | 'ECDSA_SHA_512'>> = {
  ECC_NIST_P256: 'ECDSA_SHA_256',
  ECC_NIST_P384: 'ECDSA_SHA_384',
  ECC_NIST_P521: 'ECDSA_SHA_512',
  ECC_SECG_P256K1: 'ECDSA_SHA_256',
};

/**
 * KeyMetadata for a record: the members DescribeKey shows for its spec and
 * usage (HMAC keys: `MacAlgorithms` and no encryption or signing algorithms,
 * recorded 2025-11-10), `DeletionDate` only while PendingDeletion,
 * `ExpirationModel`/`ValidTo` only for EXTERNAL keys (SEMANTICS.md MD-1, MD-2).
 */
export function keyMetadata(record: StoredKey, replicaRegions?: readonly string[]): KeyMetadata {
  const spec = record.KeySpec;
  const usage = record.KeyUsage;
  const md: KeyMetadata = {
    AWSAccountId: record.AccountId,
    KeyId: record.KeyId,
    Arn: record.Arn,
    CreationDate: new Date(record.CreationDate),
    Enabled: record.KeyState === 'Enabled',
    Description: record.Description,
    KeyUsage: usage as KeyMetadata['KeyUsage'],
    KeyState: record.KeyState as KeyMetadata['KeyState'],
    Origin: record.Origin as KeyMetadata['Origin'],
    KeyManager: 'CUSTOMER',
    KeySpec: spec as KeyMetadata['KeySpec'],
    MultiRegion: record.MultiRegion,
  };
  if (CMK_SPECS.has(spec)) md.CustomerMasterKeySpec = spec as KeyMetadata['CustomerMasterKeySpec'];
  if (record.KeyState === 'PendingDeletion' && record.DeletionDate !== undefined) md.DeletionDate = new Date(record.DeletionDate);
  if (record.KeyState === 'PendingReplicaDeletion' && record.PendingWindowInDays !== undefined) md.PendingDeletionWindowInDays = record.PendingWindowInDays;
  if (record.Origin === 'EXTERNAL' && record.ExpirationModel !== undefined) {
    md.ExpirationModel = record.ExpirationModel as KeyMetadata['ExpirationModel'];
    if (record.ValidTo !== undefined) md.ValidTo = new Date(record.ValidTo);
  }
  const hmac = hmacSpec(spec);
  if (hmac !== undefined) md.MacAlgorithms = [hmac.alg];
  else if (usage === 'ENCRYPT_DECRYPT') {
    md.EncryptionAlgorithms = spec === 'SYMMETRIC_DEFAULT' ? ['SYMMETRIC_DEFAULT'] : spec === 'SM2' ? ['SM2PKE'] : ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'];
  } else if (usage === 'SIGN_VERIFY') {
    if (spec.startsWith('RSA_')) md.SigningAlgorithms = [...RSA_SIGNING];
    else if (Object.hasOwn(ECDSA, spec)) md.SigningAlgorithms = [ECDSA[spec]!];
    else if (spec === 'ECC_NIST_EDWARDS25519') md.SigningAlgorithms = ['ED25519_SHA_512', 'ED25519_PH_SHA_512'];
    else if (spec.startsWith('ML_DSA_')) md.SigningAlgorithms = ['ML_DSA_SHAKE_256'];
    else if (spec === 'SM2') md.SigningAlgorithms = ['SM2DSA'];
  } else if (usage === 'KEY_AGREEMENT') md.KeyAgreementAlgorithms = ['ECDH'];
  else if (usage === 'ENCAPSULATE_DECAPSULATE') md.EncapsulationAlgorithms = ['ML_KEM'];
  const materialId = currentKeyMaterialId(record);
  if (materialId !== undefined) md.CurrentKeyMaterialId = materialId;
  if (record.MultiRegion) {
    // Present only on multi-Region keys; a fresh primary lists `ReplicaKeys: []`
    // and a replica lists every replica, itself included (recorded, MRK-2).
    const primary = record.PrimaryRegion ?? record.Region;
    const at = (region: string) => ({ Arn: `arn:${partitionOf(region)}:kms:${region}:${record.AccountId}:key/${record.KeyId}`, Region: region });
    md.MultiRegionConfiguration = {
      MultiRegionKeyType: primary === record.Region ? 'PRIMARY' : 'REPLICA',
      PrimaryKey: at(primary),
      ReplicaKeys: (replicaRegions ?? record.ReplicaRegions ?? []).map(at),
    };
  }
  return md;
}

/**
 * `CurrentKeyMaterialId`: 64 lower-case hex digits on symmetric encryption
 * keys of AWS_KMS origin, never on HMAC or asymmetric keys, absent while a
 * replica is Creating (recorded 2025, KMID-1). AWS derives it from the key ID
 * and the material; a metadata-only key here has no material, so it is the
 * SHA-256 of the key ID: stable, distinct per key, and the same for every
 * key of a multi-Region key, as AWS's is [INF].
 */
export function currentKeyMaterialId(record: StoredKey): string | undefined {
  if (record.KeySpec !== 'SYMMETRIC_DEFAULT' || record.Origin !== 'AWS_KMS' || record.KeyState === 'Creating') return undefined;
  return toHex(sha256(`wasmac key material ${record.KeyId}`));
}
