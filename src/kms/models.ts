/**
 * Enums and shapes of the KMS API as `@aws-sdk/client-kms` v3 declares them
 * (`models/enums.ts`, `models/models_0.ts`): enums are `as const` objects with
 * a same-named type whose values are the wire strings; shapes keep the
 * PascalCase member names of the wire. Only what the facade's operations use.
 */

/** The HMAC algorithms (`MacAlgorithmSpec`). */
export const MacAlgorithmSpec = {
  HMAC_SHA_224: 'HMAC_SHA_224',
  HMAC_SHA_256: 'HMAC_SHA_256',
  HMAC_SHA_384: 'HMAC_SHA_384',
  HMAC_SHA_512: 'HMAC_SHA_512',
} as const;
export type MacAlgorithmSpec = (typeof MacAlgorithmSpec)[keyof typeof MacAlgorithmSpec];

/** Key specs (`KeySpec`); only the HMAC ones carry material here, the others are metadata-only keys. */
export const KeySpec = {
  ECC_NIST_EDWARDS25519: 'ECC_NIST_EDWARDS25519',
  ECC_NIST_P256: 'ECC_NIST_P256',
  ECC_NIST_P384: 'ECC_NIST_P384',
  ECC_NIST_P521: 'ECC_NIST_P521',
  ECC_SECG_P256K1: 'ECC_SECG_P256K1',
  HMAC_224: 'HMAC_224',
  HMAC_256: 'HMAC_256',
  HMAC_384: 'HMAC_384',
  HMAC_512: 'HMAC_512',
  ML_DSA_44: 'ML_DSA_44',
  ML_DSA_65: 'ML_DSA_65',
  ML_DSA_87: 'ML_DSA_87',
  ML_KEM_1024: 'ML_KEM_1024',
  ML_KEM_512: 'ML_KEM_512',
  ML_KEM_768: 'ML_KEM_768',
  RSA_2048: 'RSA_2048',
  RSA_3072: 'RSA_3072',
  RSA_4096: 'RSA_4096',
  SM2: 'SM2',
  SYMMETRIC_DEFAULT: 'SYMMETRIC_DEFAULT',
} as const;
export type KeySpec = (typeof KeySpec)[keyof typeof KeySpec];

/** The deprecated `CustomerMasterKeySpec` (KeySpec before the ML_* and Edwards specs). */
export const CustomerMasterKeySpec = {
  ECC_NIST_P256: 'ECC_NIST_P256',
  ECC_NIST_P384: 'ECC_NIST_P384',
  ECC_NIST_P521: 'ECC_NIST_P521',
  ECC_SECG_P256K1: 'ECC_SECG_P256K1',
  HMAC_224: 'HMAC_224',
  HMAC_256: 'HMAC_256',
  HMAC_384: 'HMAC_384',
  HMAC_512: 'HMAC_512',
  RSA_2048: 'RSA_2048',
  RSA_3072: 'RSA_3072',
  RSA_4096: 'RSA_4096',
  SM2: 'SM2',
  SYMMETRIC_DEFAULT: 'SYMMETRIC_DEFAULT',
} as const;
export type CustomerMasterKeySpec = (typeof CustomerMasterKeySpec)[keyof typeof CustomerMasterKeySpec];

/** Key usages (`KeyUsageType`). */
export const KeyUsageType = {
  ENCAPSULATE_DECAPSULATE: 'ENCAPSULATE_DECAPSULATE',
  ENCRYPT_DECRYPT: 'ENCRYPT_DECRYPT',
  GENERATE_VERIFY_MAC: 'GENERATE_VERIFY_MAC',
  KEY_AGREEMENT: 'KEY_AGREEMENT',
  SIGN_VERIFY: 'SIGN_VERIFY',
} as const;
export type KeyUsageType = (typeof KeyUsageType)[keyof typeof KeyUsageType];

/** Key states (`KeyState`). */
export const KeyState = {
  Creating: 'Creating',
  Disabled: 'Disabled',
  Enabled: 'Enabled',
  PendingDeletion: 'PendingDeletion',
  PendingImport: 'PendingImport',
  PendingReplicaDeletion: 'PendingReplicaDeletion',
  Unavailable: 'Unavailable',
  Updating: 'Updating',
} as const;
export type KeyState = (typeof KeyState)[keyof typeof KeyState];

/** Where key material comes from (`OriginType`). */
export const OriginType = {
  AWS_CLOUDHSM: 'AWS_CLOUDHSM',
  AWS_KMS: 'AWS_KMS',
  EXTERNAL: 'EXTERNAL',
  EXTERNAL_KEY_STORE: 'EXTERNAL_KEY_STORE',
} as const;
export type OriginType = (typeof OriginType)[keyof typeof OriginType];

/** Whether imported material expires (`ExpirationModelType`). */
export const ExpirationModelType = {
  KEY_MATERIAL_DOES_NOT_EXPIRE: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
  KEY_MATERIAL_EXPIRES: 'KEY_MATERIAL_EXPIRES',
} as const;
export type ExpirationModelType = (typeof ExpirationModelType)[keyof typeof ExpirationModelType];

/** How imported key material is wrapped for transport (`AlgorithmSpec`, GetParametersForImport). */
export const AlgorithmSpec = {
  RSAES_OAEP_SHA_1: 'RSAES_OAEP_SHA_1',
  RSAES_OAEP_SHA_256: 'RSAES_OAEP_SHA_256',
  RSAES_PKCS1_V1_5: 'RSAES_PKCS1_V1_5',
  RSA_AES_KEY_WRAP_SHA_1: 'RSA_AES_KEY_WRAP_SHA_1',
  RSA_AES_KEY_WRAP_SHA_256: 'RSA_AES_KEY_WRAP_SHA_256',
  SM2PKE: 'SM2PKE',
} as const;
export type AlgorithmSpec = (typeof AlgorithmSpec)[keyof typeof AlgorithmSpec];

/** The wrapping (public) key GetParametersForImport returns (`WrappingKeySpec`). */
export const WrappingKeySpec = {
  RSA_2048: 'RSA_2048',
  RSA_3072: 'RSA_3072',
  RSA_4096: 'RSA_4096',
  SM2: 'SM2',
} as const;
export type WrappingKeySpec = (typeof WrappingKeySpec)[keyof typeof WrappingKeySpec];

/** Whether an import brings new or previously imported material (`ImportType`; symmetric keys only). */
export const ImportType = {
  EXISTING_KEY_MATERIAL: 'EXISTING_KEY_MATERIAL',
  NEW_KEY_MATERIAL: 'NEW_KEY_MATERIAL',
} as const;
export type ImportType = (typeof ImportType)[keyof typeof ImportType];

/** Who manages a key (`KeyManagerType`); every key of the facade is `CUSTOMER`. */
export const KeyManagerType = {
  AWS: 'AWS',
  CUSTOMER: 'CUSTOMER',
} as const;
export type KeyManagerType = (typeof KeyManagerType)[keyof typeof KeyManagerType];

/** Operations a grant may allow (`GrantOperation`). */
export const GrantOperation = {
  CreateGrant: 'CreateGrant',
  Decapsulate: 'Decapsulate',
  Decrypt: 'Decrypt',
  DeriveSharedSecret: 'DeriveSharedSecret',
  DescribeKey: 'DescribeKey',
  Encapsulate: 'Encapsulate',
  Encrypt: 'Encrypt',
  GenerateDataKey: 'GenerateDataKey',
  GenerateDataKeyPair: 'GenerateDataKeyPair',
  GenerateDataKeyPairWithoutPlaintext: 'GenerateDataKeyPairWithoutPlaintext',
  GenerateDataKeyWithoutPlaintext: 'GenerateDataKeyWithoutPlaintext',
  GenerateMac: 'GenerateMac',
  GetPublicKey: 'GetPublicKey',
  ReEncryptFrom: 'ReEncryptFrom',
  ReEncryptTo: 'ReEncryptTo',
  RetireGrant: 'RetireGrant',
  Sign: 'Sign',
  Verify: 'Verify',
  VerifyMac: 'VerifyMac',
} as const;
export type GrantOperation = (typeof GrantOperation)[keyof typeof GrantOperation];

/** Encryption algorithms, as DescribeKey lists them for encryption keys. */
export const EncryptionAlgorithmSpec = {
  RSAES_OAEP_SHA_1: 'RSAES_OAEP_SHA_1',
  RSAES_OAEP_SHA_256: 'RSAES_OAEP_SHA_256',
  SM2PKE: 'SM2PKE',
  SYMMETRIC_DEFAULT: 'SYMMETRIC_DEFAULT',
} as const;
export type EncryptionAlgorithmSpec = (typeof EncryptionAlgorithmSpec)[keyof typeof EncryptionAlgorithmSpec];

/** Signing algorithms, as DescribeKey lists them for signing keys. */
export const SigningAlgorithmSpec = {
  ECDSA_SHA_256: 'ECDSA_SHA_256',
  ECDSA_SHA_384: 'ECDSA_SHA_384',
  ECDSA_SHA_512: 'ECDSA_SHA_512',
  ED25519_PH_SHA_512: 'ED25519_PH_SHA_512',
  ED25519_SHA_512: 'ED25519_SHA_512',
  ML_DSA_SHAKE_256: 'ML_DSA_SHAKE_256',
  RSASSA_PKCS1_V1_5_SHA_256: 'RSASSA_PKCS1_V1_5_SHA_256',
  RSASSA_PKCS1_V1_5_SHA_384: 'RSASSA_PKCS1_V1_5_SHA_384',
  RSASSA_PKCS1_V1_5_SHA_512: 'RSASSA_PKCS1_V1_5_SHA_512',
  RSASSA_PSS_SHA_256: 'RSASSA_PSS_SHA_256',
  RSASSA_PSS_SHA_384: 'RSASSA_PSS_SHA_384',
  RSASSA_PSS_SHA_512: 'RSASSA_PSS_SHA_512',
  SM2DSA: 'SM2DSA',
} as const;
export type SigningAlgorithmSpec = (typeof SigningAlgorithmSpec)[keyof typeof SigningAlgorithmSpec];

/** Key agreement algorithms (`KeyAgreementAlgorithmSpec`). */
export const KeyAgreementAlgorithmSpec = {
  ECDH: 'ECDH',
} as const;
export type KeyAgreementAlgorithmSpec = (typeof KeyAgreementAlgorithmSpec)[keyof typeof KeyAgreementAlgorithmSpec];

/** Key encapsulation algorithms (`EncapsulationAlgorithmSpec`). */
export const EncapsulationAlgorithmSpec = {
  ML_KEM: 'ML_KEM',
} as const;
export type EncapsulationAlgorithmSpec = (typeof EncapsulationAlgorithmSpec)[keyof typeof EncapsulationAlgorithmSpec];

/** Multi-Region key roles (`MultiRegionKeyType`). */
export const MultiRegionKeyType = {
  PRIMARY: 'PRIMARY',
  REPLICA: 'REPLICA',
} as const;
export type MultiRegionKeyType = (typeof MultiRegionKeyType)[keyof typeof MultiRegionKeyType];

/** A resource tag. */
export interface Tag {
  TagKey: string | undefined;
  TagValue: string | undefined;
}

/** One end of a multi-Region key. */
export interface MultiRegionKey {
  Arn?: string | undefined;
  Region?: string | undefined;
}

/** The multi-Region configuration of an `mrk-` key. */
export interface MultiRegionConfiguration {
  MultiRegionKeyType?: MultiRegionKeyType | undefined;
  PrimaryKey?: MultiRegionKey | undefined;
  ReplicaKeys?: MultiRegionKey[] | undefined;
}

/** What DescribeKey and CreateKey return about a key. */
export interface KeyMetadata {
  AWSAccountId?: string | undefined;
  KeyId: string | undefined;
  Arn?: string | undefined;
  CreationDate?: Date | undefined;
  Enabled?: boolean | undefined;
  Description?: string | undefined;
  KeyUsage?: KeyUsageType | undefined;
  KeyState?: KeyState | undefined;
  DeletionDate?: Date | undefined;
  ValidTo?: Date | undefined;
  Origin?: OriginType | undefined;
  ExpirationModel?: ExpirationModelType | undefined;
  KeyManager?: KeyManagerType | undefined;
  CustomerMasterKeySpec?: CustomerMasterKeySpec | undefined;
  KeySpec?: KeySpec | undefined;
  EncryptionAlgorithms?: EncryptionAlgorithmSpec[] | undefined;
  SigningAlgorithms?: SigningAlgorithmSpec[] | undefined;
  KeyAgreementAlgorithms?: KeyAgreementAlgorithmSpec[] | undefined;
  EncapsulationAlgorithms?: EncapsulationAlgorithmSpec[] | undefined;
  MultiRegion?: boolean | undefined;
  MultiRegionConfiguration?: MultiRegionConfiguration | undefined;
  PendingDeletionWindowInDays?: number | undefined;
  MacAlgorithms?: MacAlgorithmSpec[] | undefined;
}

/** Grant constraints (encryption context; not allowed for HMAC keys). */
export interface GrantConstraints {
  EncryptionContextSubset?: Record<string, string> | undefined;
  EncryptionContextEquals?: Record<string, string> | undefined;
  SourceArn?: string | undefined;
}

/** One alias in ListAliases. */
export interface AliasListEntry {
  AliasName?: string | undefined;
  AliasArn?: string | undefined;
  TargetKeyId?: string | undefined;
  CreationDate?: Date | undefined;
  LastUpdatedDate?: Date | undefined;
}

/** One key in ListKeys. */
export interface KeyListEntry {
  KeyId?: string | undefined;
  KeyArn?: string | undefined;
}

/** One grant in ListGrants. */
export interface GrantListEntry {
  KeyId?: string | undefined;
  GrantId?: string | undefined;
  Name?: string | undefined;
  CreationDate?: Date | undefined;
  GranteePrincipal?: string | undefined;
  RetiringPrincipal?: string | undefined;
  IssuingAccount?: string | undefined;
  Operations?: GrantOperation[] | undefined;
  Constraints?: GrantConstraints | undefined;
}
