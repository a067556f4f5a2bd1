/**
 * Entries of the model table for the cryptographic operations other than
 * GenerateMac and VerifyMac. wasmac holds HMAC keys only, so these answer
 * with AWS's errors for the key they name (docs/SEMANTICS.md NONMAC-*):
 * their requests are still checked against AWS's model first, as AWS does.
 * Re-exported by `operations.ts`.
 */
import {
  DATA_KEY_PAIR_SPECS,
  DATA_KEY_SPECS,
  ENCRYPTION_ALGORITHMS,
  KEY_AGREEMENT_ALGORITHMS,
  KEY_ENCRYPTION_MECHANISMS,
  MESSAGE_TYPES,
  SIGNING_ALGORITHMS,
} from './enums.js';
import { DRY_RUN, GRANT_TOKENS, KEY_ID } from './members.js';
import { blob, enumeration, integer, map, required, structure, type Members, type Operation } from './shape.js';

function op<S extends Members>(o: Operation<S>): Operation<S> {
  return o;
}

const CONTEXT = map();
const CIPHERTEXT = blob(1, 6144);
const RECIPIENT = structure(
  {
    KeyEncryptionAlgorithm: enumeration(KEY_ENCRYPTION_MECHANISMS),
    AttestationDocument: blob(1, 262144),
  },
);
const ENCRYPTION_ALGORITHM = enumeration(ENCRYPTION_ALGORITHMS);
const SIGNING_ALGORITHM = enumeration(SIGNING_ALGORITHMS);
const SIGN_MESSAGE = blob(1, 4096, { sensitive: true, text: true });

export const Encrypt = op({
  name: 'Encrypt',
  input: {
    KeyId: required(KEY_ID),
    Plaintext: required(blob(1, 4096, { sensitive: true, text: true })),
    EncryptionContext: CONTEXT,
    GrantTokens: GRANT_TOKENS,
    EncryptionAlgorithm: ENCRYPTION_ALGORITHM,
    DryRun: DRY_RUN,
  },
});

export const Decrypt = op({
  name: 'Decrypt',
  input: {
    CiphertextBlob: required(CIPHERTEXT),
    EncryptionContext: CONTEXT,
    GrantTokens: GRANT_TOKENS,
    KeyId: KEY_ID,
    EncryptionAlgorithm: ENCRYPTION_ALGORITHM,
    Recipient: RECIPIENT,
    DryRun: DRY_RUN,
  },
});

export const ReEncrypt = op({
  name: 'ReEncrypt',
  input: {
    CiphertextBlob: required(CIPHERTEXT),
    SourceEncryptionContext: CONTEXT,
    SourceKeyId: KEY_ID,
    DestinationKeyId: required(KEY_ID),
    DestinationEncryptionContext: CONTEXT,
    SourceEncryptionAlgorithm: ENCRYPTION_ALGORITHM,
    DestinationEncryptionAlgorithm: ENCRYPTION_ALGORITHM,
    GrantTokens: GRANT_TOKENS,
    DryRun: DRY_RUN,
  },
});

const NUMBER_OF_BYTES = integer(1, 1024);
const DATA_KEY_SPEC = enumeration(DATA_KEY_SPECS);

export const GenerateDataKey = op({
  name: 'GenerateDataKey',
  input: {
    KeyId: required(KEY_ID),
    EncryptionContext: CONTEXT,
    NumberOfBytes: NUMBER_OF_BYTES,
    KeySpec: DATA_KEY_SPEC,
    GrantTokens: GRANT_TOKENS,
    Recipient: RECIPIENT,
    DryRun: DRY_RUN,
  },
});

export const GenerateDataKeyWithoutPlaintext = op({
  name: 'GenerateDataKeyWithoutPlaintext',
  input: {
    KeyId: required(KEY_ID),
    EncryptionContext: CONTEXT,
    KeySpec: DATA_KEY_SPEC,
    NumberOfBytes: NUMBER_OF_BYTES,
    GrantTokens: GRANT_TOKENS,
    DryRun: DRY_RUN,
  },
});

const KEY_PAIR_SPEC = required(enumeration(DATA_KEY_PAIR_SPECS));

export const GenerateDataKeyPair = op({
  name: 'GenerateDataKeyPair',
  input: { EncryptionContext: CONTEXT, KeyId: required(KEY_ID), KeyPairSpec: KEY_PAIR_SPEC, GrantTokens: GRANT_TOKENS, Recipient: RECIPIENT, DryRun: DRY_RUN },
});

export const GenerateDataKeyPairWithoutPlaintext = op({
  name: 'GenerateDataKeyPairWithoutPlaintext',
  input: { EncryptionContext: CONTEXT, KeyId: required(KEY_ID), KeyPairSpec: KEY_PAIR_SPEC, GrantTokens: GRANT_TOKENS, DryRun: DRY_RUN },
});

export const Sign = op({
  name: 'Sign',
  input: {
    KeyId: required(KEY_ID),
    Message: required(SIGN_MESSAGE),
    MessageType: enumeration(MESSAGE_TYPES),
    GrantTokens: GRANT_TOKENS,
    SigningAlgorithm: required(SIGNING_ALGORITHM),
    DryRun: DRY_RUN,
  },
});

export const Verify = op({
  name: 'Verify',
  input: {
    KeyId: required(KEY_ID),
    Message: required(SIGN_MESSAGE),
    MessageType: enumeration(MESSAGE_TYPES),
    Signature: required(blob(1, 6144)),
    SigningAlgorithm: required(SIGNING_ALGORITHM),
    GrantTokens: GRANT_TOKENS,
    DryRun: DRY_RUN,
  },
});

export const GetPublicKey = op({
  name: 'GetPublicKey',
  input: { KeyId: required(KEY_ID), GrantTokens: GRANT_TOKENS },
});

export const DeriveSharedSecret = op({
  name: 'DeriveSharedSecret',
  input: {
    KeyId: required(KEY_ID),
    KeyAgreementAlgorithm: required(enumeration(KEY_AGREEMENT_ALGORITHMS)),
    PublicKey: required(blob(1, 8192)),
    GrantTokens: GRANT_TOKENS,
    DryRun: DRY_RUN,
    Recipient: RECIPIENT,
  },
});
