/**
 * `KMSClient`: the in-process KMS endpoint. `send(command)` validates and runs
 * the command against the key store and resolves to the SDK's output shape
 * with `$metadata`, or rejects with a {@link KMSServiceException} subclass.
 */
import { KMSCommand, type MetadataBearer } from './command.js';
import { KMSInternalException, KMSServiceException, UnknownOperationException, type ResponseMetadata } from './errors.js';
import { MemoryKeyStore, type KeyStore } from './key-store.js';
import { requestId, Service } from './service.js';

/** Options of {@link KMSClient}; every member is optional. */
export interface KMSClientConfig {
  /** The region of the emulated endpoint; default `us-east-1`. */
  region?: string;
  /** The caller's account; default `111122223333`. */
  accountId?: string;
  /** Where keys live; default a fresh {@link MemoryKeyStore}. */
  keyStore?: KeyStore;
  /** The clock (deletion dates, creation dates); default `() => new Date()`. */
  now?: () => Date;
  /** The regions ReplicateKey and UpdatePrimaryRegion may name (an endpoint's `--regions`); default every region. */
  regions?: readonly string[];
}

/**
 * A KMS client that needs no network: keys live in `keyStore`, MACs are
 * computed by the Wasm engine.
 * @example
 * const client = new KMSClient({ region: 'us-east-1' });
 * const { KeyMetadata } = await client.send(new CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }));
 * const { Mac } = await client.send(new GenerateMacCommand({ KeyId: KeyMetadata!.KeyId, Message: 'Hello World', MacAlgorithm: 'HMAC_SHA_256' }));
 */
export class KMSClient {
  /**
   * The resolved configuration. `region` is a provider function, as in the
   * SDK's resolved config (`await client.config.region()`); the key store is
   * not repeated here.
   */
  readonly config: { readonly region: () => Promise<string>; readonly accountId: string };
  readonly #service: Service;

  constructor(config: KMSClientConfig = {}) {
    const region = config.region ?? 'us-east-1';
    const accountId = config.accountId ?? '111122223333';
    this.config = { region: () => Promise.resolve(region), accountId };
    this.#service = new Service(region, accountId, config.keyStore ?? new MemoryKeyStore(), config.now ?? (() => new Date()), config.regions);
  }

  /**
   * Runs `command`. Resolves to its output with `$metadata` (`httpStatusCode:
   * 200`, a fresh `requestId`, `attempts: 1`, `totalRetryDelay: 0`); rejects
   * with a KMSServiceException subclass whose `$metadata` carries the HTTP
   * status AWS would send. Anything else thrown inside an operation becomes a
   * KMSInternalException (its cause kept as `cause`, never in the message).
   */
  send<Input extends object, Output extends MetadataBearer>(command: KMSCommand<Input, Output>): Promise<Output> {
    const id = requestId();
    // Not an async function with try/await: one promise reaction fewer per
    // call on the hot path. `run` is async, so it never throws synchronously.
    if (!(command instanceof KMSCommand)) return Promise.reject(failure(new UnknownOperationException(''), id));
    return command.run(this.#service, { httpStatusCode: 200, requestId: id, attempts: 1, totalRetryDelay: 0 }).then(undefined, (e: unknown) => {
      throw failure(e, id);
    });
  }

  /** Nothing to release (no sockets); present for parity with the SDK. */
  destroy(): void {}
}

function failure(e: unknown, requestId: string): KMSServiceException {
  let err: KMSServiceException;
  if (e instanceof KMSServiceException) err = e;
  else {
    // Never the original message: it could quote input or internals.
    err = new KMSInternalException('An internal error occurred.');
    Object.defineProperty(err, 'cause', { value: e, enumerable: false, configurable: true, writable: true });
  }
  const meta: ResponseMetadata = { httpStatusCode: err.httpStatusCode, requestId, attempts: 1, totalRetryDelay: 0 };
  err.$metadata = meta;
  return err;
}
