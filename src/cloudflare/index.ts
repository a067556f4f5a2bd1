/**
 * wasmac/cloudflare: a KMS endpoint as a Cloudflare Worker, with keys in
 * Durable Objects. The Worker verifies SigV4 and hands each request to the
 * object of the caller's account and region ({@link KmsDurableObject}),
 * which keeps the keys in its SQLite storage ({@link DurableObjectKeyStore}).
 *
 * Importing this entry loads the Wasm core through the workerd entry (the
 * core arrives as `.wasm` modules), so it runs in workerd and Workers only.
 * @example
 * // src/index.js of a Worker; wrangler.toml binds KMS_KEYS to KmsDurableObject
 * export { KmsDurableObject } from 'wasmac/cloudflare';
 * import { handleKmsRequest } from 'wasmac/cloudflare';
 * export default { fetch: handleKmsRequest };
 */
import '../index.workerd.js';

export { DurableObjectKeyStore, type DurableObjectKeyStoreOptions, type DurableObjectStorageLike, type SqlStorageLike } from './durable-object-store.js';
export { handleKmsRequest, KmsDurableObject, type DurableObjectNamespaceLike, type KmsEnv } from './worker.js';
export { EdgeStoreError, parseMasterKey } from '../kms/sealed-record.js';
