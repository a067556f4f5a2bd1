/**
 * wasmac/deno: a key store on Deno KV ({@link DenoKvKeyStore}) and the KMS
 * endpoint over the Fetch API, for `Deno.serve` on a Deno server or Deno
 * Deploy. Importing this entry loads the Wasm core through the main entry.
 * @example
 * import { KMSClient } from 'wasmac';
 * import { DenoKvKeyStore, parseMasterKey, serveKms, SigV4Verifier } from 'wasmac/deno';
 * const kv = await Deno.openKv('data/kms.sqlite');
 * const keyStore = new DenoKvKeyStore(kv, { masterKey: parseMasterKey(Deno.env.get('KMS_MASTER_KEY'), 'KMS_MASTER_KEY') });
 * const client = new KMSClient({ region: 'us-east-1', keyStore });
 * const verifier = new SigV4Verifier({ credentials: [{ accessKeyId: 'test', secretAccessKey: 'test' }], region: 'us-east-1' });
 * Deno.serve((request) => serveKms(request, verifier, () => client));
 */
import '../index.js';

export { DenoKvKeyStore, type DenoKvKeyStoreOptions, type KvAtomicLike, type KvEntryLike, type KvKeyLike, type KvLike } from './kv-store.js';
export { serve as serveKms } from '../edge/endpoint.js';
export { parseCredentials } from '../kms/credentials.js';
export { SigV4Verifier, type Credential } from '../kms/sigv4.js';
export { EdgeStoreError, parseMasterKey } from '../kms/sealed-record.js';
