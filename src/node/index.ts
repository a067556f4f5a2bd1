/**
 * wasmac/node: what only Node has. The local KMS endpoint ({@link startServer}),
 * the durable key store ({@link FileKeyStore}), seed and credential files.
 * The `wasmac` CLI (`cli.ts`) is built on these.
 *
 * Importing this entry loads the Wasm core through the main entry, so the
 * facade behind the endpoint is ready.
 * @example
 * import { startServer } from 'wasmac/node';
 * const kms = await startServer({ port: 0, dataDir: '.wasmac' });
 * console.log(kms.url); // endpoint for @aws-sdk/client-kms or aws kms --endpoint-url
 * await kms.close();
 */
import '../index.node.js';

export {
  startServer,
  DEFAULT_ACCOUNT_ID,
  DEFAULT_CREDENTIAL,
  DEFAULT_DATA_DIR,
  DEFAULT_HOST,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_PORT,
  DEFAULT_REGION,
  type KmsServer,
  type ServerOptions,
} from './server.js';
export { FileKeyStore, parseMasterKey, type FileKeyStoreOptions } from './file-store.js';
export { PostgresKeyStore, type PostgresKeyStoreOptions } from './pg-store.js';
export { applySeed, validateSeed, DEMO_SEED, type Seed, type SeedKey, type SeedContext, type SeedResult } from '../kms/seed.js';
export { loadCredentials, loadSeed, parseCredentials } from './config.js';
export { SigV4Verifier, type Credential } from './sigv4.js';
export { ConfigError, KeyStoreError } from './errors.js';
export { runCli, EXIT, type CliIO } from './cli-main.js';
export { AcceleratedHmacKey, NATIVE_FROM, type AcceleratedHmacKeyOptions } from './accelerated-key.js';
