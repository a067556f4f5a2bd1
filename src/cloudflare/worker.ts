/**
 * A KMS endpoint as one Cloudflare Worker: the Worker's `fetch`
 * ({@link handleKmsRequest}) frames the request and verifies its SigV4
 * signature, then hands it to the Durable Object of the caller's account and
 * the Worker's region ({@link KmsDurableObject}), which holds that account's
 * keys in its SQLite storage and answers through the facade.
 *
 * Why one object per account and region, not one per key: in KMS, the
 * account and region are the unit of consistency. An alias is unique within
 * them and UpdateAlias moves one between two keys; ListKeys and ListAliases
 * read them all; a grant token and an ARN resolve within them. In one object
 * each of those is one SQLite transaction. With an object per key, an alias
 * move would span two objects (Durable Objects have no transactions across
 * objects), and a listing would fan out to every key's object. The price: one
 * object (one thread, somewhere in the world) serves all of an account's
 * requests in a region, MACs included; an account that needs more than one
 * object's throughput can be split into several Workers (regions) today.
 *
 * The facade runs inside the object, next to its storage: the object is the
 * only writer of its keys, so the facade's view of them is exact, a
 * DisableKey holds for the next GenerateMac at once, and concurrent changes
 * to one key are serialised by the store's version checks.
 *
 * Bindings (wrangler.toml or a workerd config):
 * - `KMS_KEYS`: the Durable Object namespace of {@link KmsDurableObject}
 *   (a SQLite-backed class: `new_sqlite_classes`, or `enableSql = true`);
 * - `KMS_MASTER_KEY` (secret): 32 bytes, 64 hex digits or base64: seals material at rest;
 * - `KMS_CREDENTIALS` (secret): JSON `[{"accessKeyId","secretAccessKey","accountId"?}]` (or
 *   `{"credentials": [...]}`, or the AWS CLI's INI form, as `wasmac serve --credentials` reads);
 * - `KMS_REGION` (optional, default `us-east-1`), `KMS_ACCOUNT_ID` (optional, default `111122223333`).
 */
import { KMSClient } from '../kms/client.js';
import { parseMasterKey } from '../kms/sealed-record.js';
import { SigV4Verifier } from '../kms/sigv4.js';
import { parseCredentials } from '../kms/credentials.js';
import { answer, authenticate, failure } from '../edge/endpoint.js';
import { DurableObjectKeyStore, type DurableObjectStorageLike } from './durable-object-store.js';

/** What {@link handleKmsRequest} uses of a Durable Object namespace binding. */
export interface DurableObjectNamespaceLike {
  idFromName(name: string): unknown;
  get(id: never): { fetch(input: string, init: RequestInit): Promise<Response> };
}

/** The Worker's bindings (see the module comment). */
export interface KmsEnv {
  KMS_KEYS: DurableObjectNamespaceLike;
  KMS_MASTER_KEY?: string;
  KMS_CREDENTIALS?: string;
  KMS_REGION?: string;
  KMS_ACCOUNT_ID?: string;
}

const DEFAULT_REGION = 'us-east-1';
const DEFAULT_ACCOUNT_ID = '111122223333';
/** Headers from the Worker to the object: who was authenticated, for which region. Objects are reachable only through the binding. */
const ACCOUNT_HEADER = 'x-wasmac-account';
const REGION_HEADER = 'x-wasmac-region';
/** The request headers the object reads. */
const FORWARDED = ['x-amz-target', 'content-type'];

interface WorkerConfig {
  verifier: SigV4Verifier;
  region: string;
  accountId: string;
}

/** The configuration of the bindings this isolate saw last (the verifier keeps its signing keys between requests). */
let cached: { key: string; config: WorkerConfig } | undefined;

function configOf(env: KmsEnv): WorkerConfig {
  const key = JSON.stringify([env.KMS_CREDENTIALS, env.KMS_REGION, env.KMS_ACCOUNT_ID]);
  if (cached?.key !== key) {
    const region = env.KMS_REGION || DEFAULT_REGION;
    const credentials = parseCredentials(env.KMS_CREDENTIALS ?? '', 'KMS_CREDENTIALS');
    cached = { key, config: { verifier: new SigV4Verifier({ credentials, region }), region, accountId: env.KMS_ACCOUNT_ID || DEFAULT_ACCOUNT_ID } };
  }
  return cached.config;
}

/**
 * The Worker's `fetch`: framing and SigV4 here, everything else in the
 * caller's object. Never throws.
 * @example
 * export { KmsDurableObject } from 'wasmac/cloudflare';
 * export default { fetch: handleKmsRequest };
 */
export async function handleKmsRequest(request: Request, env: KmsEnv): Promise<Response> {
  try {
    const config = configOf(env);
    const { credential, body } = await authenticate(request, config.verifier);
    const account = credential.accountId ?? config.accountId;
    const stub = env.KMS_KEYS.get(env.KMS_KEYS.idFromName(`${account}:${config.region}`) as never);
    const headers = new Headers({ [ACCOUNT_HEADER]: account, [REGION_HEADER]: config.region });
    for (const name of FORWARDED) {
      const value = request.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    return await stub.fetch('https://kms-object/', { method: 'POST', headers, body: Uint8Array.from(body) });
  } catch (err) {
    return failure(err, request);
  }
}

/**
 * The Durable Object that holds one account's keys in one region (see the
 * module comment): a {@link DurableObjectKeyStore} on its storage and a
 * `KMSClient` over it. Export it from the Worker under the class name the
 * binding names.
 */
export class KmsDurableObject {
  readonly #storage: DurableObjectStorageLike;
  readonly #env: KmsEnv;
  #client: KMSClient | undefined;
  #owner: string | undefined;

  constructor(ctx: { storage: DurableObjectStorageLike }, env: KmsEnv) {
    this.#storage = ctx.storage;
    this.#env = env;
  }

  async fetch(request: Request): Promise<Response> {
    try {
      const accountId = request.headers.get(ACCOUNT_HEADER) ?? '';
      const region = request.headers.get(REGION_HEADER) ?? '';
      const owner = `${accountId}:${region}`;
      if (this.#client === undefined) {
        const store = new DurableObjectKeyStore(this.#storage, { masterKey: parseMasterKey(this.#env.KMS_MASTER_KEY, 'KMS_MASTER_KEY') });
        this.#client = new KMSClient({ region, accountId, keyStore: store, regions: [region] });
        this.#owner = owner;
      } else if (owner !== this.#owner) {
        throw new Error(`a request for ${owner} reached the object of ${this.#owner}`);
      }
      return await answer(request.headers, new Uint8Array(await request.arrayBuffer()), this.#client);
    } catch (err) {
      return failure(err, request);
    }
  }
}
