/**
 * Enums and shapes of the KMS API as `@aws-sdk/client-kms` v3 declares them
 * (`models/enums.ts`, `models/models_0.ts`): enums are `as const` objects with
 * a same-named type whose values are the wire strings; shapes keep the
 * PascalCase member names of the wire. Only what the facade's operations use.
 */
import {
  CUSTOMER_MASTER_KEY_SPECS,
  DATA_KEY_PAIR_SPECS,
  DATA_KEY_SPECS,
  ENCRYPTION_ALGORITHMS,
  enumObject,
  EXPIRATION_MODELS,
  GRANT_OPERATIONS,
  IMPORT_TYPES,
  KEY_SPECS,
  KEY_USAGES,
  INCLUDE_KEY_MATERIAL,
  KEY_AGREEMENT_ALGORITHMS,
  KEY_ENCRYPTION_MECHANISMS,
  MAC_ALGORITHM_SPECS,
  MESSAGE_TYPES,
  ORIGINS,
  SIGNING_ALGORITHMS,
  WRAPPING_ALGORITHMS,
  WRAPPING_KEY_SPECS,
} from './model/enums.js';

/** The HMAC algorithms (`MacAlgorithmSpec`). */
export const MacAlgorithmSpec = enumObject(MAC_ALGORITHM_SPECS);
export type MacAlgorithmSpec = (typeof MAC_ALGORITHM_SPECS)[number];

/** Key specs (`KeySpec`); only the HMAC ones carry material here, the others are metadata-only keys. */
export const KeySpec = enumObject(KEY_SPECS);
export type KeySpec = (typeof KEY_SPECS)[number];

/** The deprecated `CustomerMasterKeySpec` (KeySpec before the ML_* and Edwards specs). */
export const CustomerMasterKeySpec = enumObject(CUSTOMER_MASTER_KEY_SPECS);
export type CustomerMasterKeySpec = (typeof CUSTOMER_MASTER_KEY_SPECS)[number];

/** Key usages (`KeyUsageType`). */
export const KeyUsageType = enumObject(KEY_USAGES);
export type KeyUsageType = (typeof KEY_USAGES)[number];

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
export const OriginType = enumObject(ORIGINS);
export type OriginType = (typeof ORIGINS)[number];

/** Whether imported material expires (`ExpirationModelType`). */
export const ExpirationModelType = enumObject(EXPIRATION_MODELS);
export type ExpirationModelType = (typeof EXPIRATION_MODELS)[number];

/** How imported key material is wrapped for transport (`AlgorithmSpec`, GetParametersForImport). */
export const AlgorithmSpec = enumObject(WRAPPING_ALGORITHMS);
export type AlgorithmSpec = (typeof WRAPPING_ALGORITHMS)[number];

/** The wrapping (public) key GetParametersForImport returns (`WrappingKeySpec`). */
export const WrappingKeySpec = enumObject(WRAPPING_KEY_SPECS);
export type WrappingKeySpec = (typeof WRAPPING_KEY_SPECS)[number];

/** Whether an import brings new or previously imported material (`ImportType`; symmetric keys only). */
export const ImportType = enumObject(IMPORT_TYPES);
export type ImportType = (typeof IMPORT_TYPES)[number];

/** Who manages a key (`KeyManagerType`); every key of the facade is `CUSTOMER`. */
export const KeyManagerType = {
  AWS: 'AWS',
  CUSTOMER: 'CUSTOMER',
} as const;
export type KeyManagerType = (typeof KeyManagerType)[keyof typeof KeyManagerType];

/** Operations a grant may allow (`GrantOperation`). */
export const GrantOperation = enumObject(GRANT_OPERATIONS);
export type GrantOperation = (typeof GRANT_OPERATIONS)[number];

/** Data key lengths (`DataKeySpec`). */
export const DataKeySpec = enumObject(DATA_KEY_SPECS);
export type DataKeySpec = (typeof DATA_KEY_SPECS)[number];

/** Data key pair types (`DataKeyPairSpec`). */
export const DataKeyPairSpec = enumObject(DATA_KEY_PAIR_SPECS);
export type DataKeyPairSpec = (typeof DATA_KEY_PAIR_SPECS)[number];

/** What Sign and Verify take as `Message` (`MessageType`). */
export const MessageType = enumObject(MESSAGE_TYPES);
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** ListKeyRotations' `IncludeKeyMaterial`. */
export const IncludeKeyMaterial = enumObject(INCLUDE_KEY_MATERIAL);
export type IncludeKeyMaterial = (typeof INCLUDE_KEY_MATERIAL)[number];

/** A Nitro enclave recipient of a cryptographic operation's result (`RecipientInfo`). */
export interface RecipientInfo {
  KeyEncryptionAlgorithm?: (typeof KEY_ENCRYPTION_MECHANISMS)[number] | undefined;
  AttestationDocument?: Uint8Array | undefined;
}

/** Encryption algorithms, as DescribeKey lists them for encryption keys. */
export const EncryptionAlgorithmSpec = enumObject(ENCRYPTION_ALGORITHMS);
export type EncryptionAlgorithmSpec = (typeof ENCRYPTION_ALGORITHMS)[number];

/** Signing algorithms, as DescribeKey lists them for signing keys. */
export const SigningAlgorithmSpec = enumObject(SIGNING_ALGORITHMS);
export type SigningAlgorithmSpec = (typeof SIGNING_ALGORITHMS)[number];

/** Key agreement algorithms (`KeyAgreementAlgorithmSpec`). */
export const KeyAgreementAlgorithmSpec = enumObject(KEY_AGREEMENT_ALGORITHMS);
export type KeyAgreementAlgorithmSpec = (typeof KEY_AGREEMENT_ALGORITHMS)[number];

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
  /** Symmetric encryption keys only (64 lower-case hex digits); never on HMAC keys. */
  CurrentKeyMaterialId?: string | undefined;
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
