/**
 * The value sets of the enums that requests carry, each in the order AWS
 * lists it in `Member must satisfy enum value set: [...]`. That order is not
 * the model's: AWS prints a set in its own (hash) order, recorded for some
 * sets and not for others (docs/SEMANTICS.md ENUM-1..ENUM-3). `models.ts`
 * builds the SDK-shaped `as const` objects from these lists.
 */

/** `MacAlgorithmSpec`, recorded for GenerateMac and VerifyMac (ENUM-1). */
export const MAC_ALGORITHM_SPECS = ['HMAC_SHA_384', 'HMAC_SHA_256', 'HMAC_SHA_224', 'HMAC_SHA_512'] as const;

/** The deprecated `CustomerMasterKeySpec`: the order recorded for CreateKey on 2023-04-13 (ENUM-1). */
export const CUSTOMER_MASTER_KEY_SPECS = [
  'RSA_2048', 'ECC_NIST_P384', 'ECC_NIST_P256', 'ECC_NIST_P521', 'HMAC_384', 'RSA_3072', 'ECC_SECG_P256K1', 'RSA_4096', 'SYMMETRIC_DEFAULT',
  'HMAC_256', 'HMAC_224', 'HMAC_512', 'SM2',
] as const;

/**
 * `KeySpec`: the same recorded order, with the specs added since appended
 * (where AWS prints them now is not recorded: ENUM-1).
 */
export const KEY_SPECS = [...CUSTOMER_MASTER_KEY_SPECS, 'ECC_NIST_EDWARDS25519', 'ML_DSA_44', 'ML_DSA_65', 'ML_DSA_87', 'ML_KEM_512', 'ML_KEM_768', 'ML_KEM_1024'] as const;

/** `KeyUsageType`, recorded for CreateKey (ENUM-1). */
export const KEY_USAGES = ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'GENERATE_VERIFY_MAC', 'KEY_AGREEMENT', 'ENCAPSULATE_DECAPSULATE'] as const;

/** `OriginType`: not recorded, the model's order (ENUM-2). */
export const ORIGINS = ['AWS_KMS', 'EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'] as const;

/** `ExpirationModelType`, as local-kms prints it (ENUM-2). */
export const EXPIRATION_MODELS = ['KEY_MATERIAL_DOES_NOT_EXPIRE', 'KEY_MATERIAL_EXPIRES'] as const;

/** `ImportType`: the model's order (ENUM-2). */
export const IMPORT_TYPES = ['NEW_KEY_MATERIAL', 'EXISTING_KEY_MATERIAL'] as const;

/** `AlgorithmSpec`, the wrapping algorithms of GetParametersForImport: the model's order (ENUM-2). */
export const WRAPPING_ALGORITHMS = ['RSAES_PKCS1_V1_5', 'RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'RSA_AES_KEY_WRAP_SHA_1', 'RSA_AES_KEY_WRAP_SHA_256', 'SM2PKE'] as const;

/** `WrappingKeySpec`: the model's order (ENUM-2). */
export const WRAPPING_KEY_SPECS = ['RSA_2048', 'RSA_3072', 'RSA_4096', 'SM2'] as const;

/** `GrantOperation`: the model's order (ENUM-2). */
export const GRANT_OPERATIONS = [
  'CreateGrant', 'Decapsulate', 'Decrypt', 'DeriveSharedSecret', 'DescribeKey', 'Encapsulate', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext', 'GenerateDataKeyWithoutPlaintext', 'GenerateMac', 'GetPublicKey', 'ReEncryptFrom', 'ReEncryptTo',
  'RetireGrant', 'Sign', 'Verify', 'VerifyMac',
] as const;

/** `{ A: 'A', B: 'B' }` for `['A', 'B']`: the SDK's shape of an enum, frozen. */
export function enumObject<T extends string>(values: readonly T[]): { readonly [K in T]: K } {
  const out = {} as { [K in T]: K };
  for (const v of [...values].sort()) out[v] = v;
  return Object.freeze(out);
}

/** `EncryptionAlgorithmSpec`: the model's order (not recorded). */
export const ENCRYPTION_ALGORITHMS = ['SYMMETRIC_DEFAULT', 'RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'SM2PKE'] as const;

/** `SigningAlgorithmSpec`: the model's order (not recorded). */
export const SIGNING_ALGORITHMS = [
  'RSASSA_PSS_SHA_256', 'RSASSA_PSS_SHA_384', 'RSASSA_PSS_SHA_512', 'RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_384', 'RSASSA_PKCS1_V1_5_SHA_512',
  'ECDSA_SHA_256', 'ECDSA_SHA_384', 'ECDSA_SHA_512', 'SM2DSA', 'ML_DSA_SHAKE_256', 'ED25519_SHA_512', 'ED25519_PH_SHA_512',
] as const;

/** `MessageType`: the model's order. */
export const MESSAGE_TYPES = ['RAW', 'DIGEST', 'EXTERNAL_MU'] as const;

/** `DataKeySpec`: the model's order. */
export const DATA_KEY_SPECS = ['AES_256', 'AES_128'] as const;

/** `DataKeyPairSpec`: the model's order. */
export const DATA_KEY_PAIR_SPECS = ['RSA_2048', 'RSA_3072', 'RSA_4096', 'ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'ECC_SECG_P256K1', 'SM2', 'ECC_NIST_EDWARDS25519'] as const;

/** `KeyAgreementAlgorithmSpec`, recorded (`[ECDH]`, NONMAC-1). */
export const KEY_AGREEMENT_ALGORITHMS = ['ECDH'] as const;

/** `KeyEncryptionMechanism` of a `Recipient` (Nitro enclaves). */
export const KEY_ENCRYPTION_MECHANISMS = ['RSAES_OAEP_SHA_256'] as const;

/** `IncludeKeyMaterial` of ListKeyRotations: the model's order. */
export const INCLUDE_KEY_MATERIAL = ['ALL_KEY_MATERIAL', 'ROTATIONS_ONLY'] as const;

/**
 * Values AWS offers only in the China Regions (`cn-*`): elsewhere they are
 * left out of the value set and its message. Recorded: a commercial Region's
 * `keySpec` list lacks `SM2` (ENUM-CN); the China list with it is [INF].
 */
export const CHINA_ONLY_VALUES: ReadonlySet<string> = new Set(['SM2']);
