/**
 * The KMS facade: `KMSClient` / `KMS`, one command class per operation, the
 * enums and shapes of `@aws-sdk/client-kms`, the error tree and the key store.
 * Key material never leaves the store and the engine: `revealSecret` is not
 * exported here.
 */
export { KMSClient, type KMSClientConfig } from './client.js';
export { KMS } from './kms.js';
export { KMSCommand, type MetadataBearer } from './command.js';
// GenerateMacBatchCommand is among them: a wasmac extension, not part of the
// AWS KMS API (not in COMMANDS, so the endpoint and the CLI do not offer it).
export * from './commands/index.js';
export * from './errors.js';
export * from './models.js';
export {
  MemoryKeyStore,
  SecretBytes,
  type AliasStep,
  type Commit,
  type CommitResult,
  type KeyChange,
  type KeyStore,
  type KeyWrite,
  type StoredAlias,
  type StoredGrant,
  type StoredKey,
  type VersionedKey,
} from './key-store.js';
// The real @aws-sdk/client-kms in process: a request handler for its KMSClient.
export { KmsRequestHandler, type KmsRequestHandlerOptions, type SdkHttpRequest, type SdkHttpResponse } from './request-handler.js';
// Seeds (known keys and aliases, e.g. from a secret) through the facade, in any runtime.
export { applySeed, validateSeed, DEMO_SEED, type Seed, type SeedKey, type SeedContext, type SeedResult } from './seed.js';
export { ConfigError } from './config-error.js';
