/**
 * The KMS facade: `KMSClient` / `KMS`, one command class per operation, the
 * enums and shapes of `@aws-sdk/client-kms`, the error tree and the key store.
 * Key material never leaves the store and the engine: `revealSecret` is not
 * exported here.
 */
export { KMSClient, type KMSClientConfig } from './client.js';
export { KMS } from './kms.js';
export { KMSCommand, type MetadataBearer } from './command.js';
export * from './commands/index.js';
// A wasmac extension, not part of the AWS KMS API (not in COMMANDS, so the endpoint does not offer it).
export {
  GenerateMacBatchCommand,
  GENERATE_MAC_BATCH_MAX,
  type GenerateMacBatchCommandInput,
  type GenerateMacBatchCommandOutput,
  type GenerateMacBatchRequest,
  type GenerateMacBatchResponse,
} from './commands/GenerateMacBatchCommand.js';
export * from './errors.js';
export * from './models.js';
export { MemoryKeyStore, SecretBytes, type KeyStore, type StoredAlias, type StoredGrant, type StoredKey } from './key-store.js';
