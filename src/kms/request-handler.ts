/**
 * wasmac behind the real `@aws-sdk/client-kms`, in process: a request handler
 * for the SDK's `requestHandler` option. The SDK serialises each command as
 * it would for AWS (AWS JSON 1.1, signed); the handler runs that request
 * through the endpoint's own stages (`./wire/`, the same code as `wasmac
 * serve`) and answers with the bytes the endpoint would send, so the SDK
 * deserialises its own output shapes and exception classes
 * (`NotFoundException` is `@aws-sdk/client-kms`'s). No network, no server, any
 * runtime; the SDK stays the caller's dependency (nothing here imports it).
 */
import { KMSClient, type KMSClientConfig } from './client.js';
import { handleRequest } from './wire/index.js';

/** The parts of the SDK's `HttpRequest` (`@smithy/protocol-http`) the handler reads. */
export interface SdkHttpRequest {
  method: string;
  path: string;
  query?: Record<string, string | (string | null)[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

/** The SDK's `HttpResponse` shape: the deserialisers read a `Uint8Array` body in every runtime. */
export interface SdkHttpResponse {
  statusCode: number;
  reason?: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** Options: a facade client to serve, or the configuration of a new one (`keyStore`, `region`, `accountId`, `now`). */
export interface KmsRequestHandlerOptions extends KMSClientConfig {
  client?: KMSClient;
}

const encoder = new TextEncoder();

/** The request body as bytes: the SDK sends JSON as a string. */
function bodyBytes(body: unknown): Uint8Array {
  if (body === undefined || body === null) return new Uint8Array(0);
  if (typeof body === 'string') return encoder.encode(body);
  if (body instanceof Uint8Array) return body;
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError('KmsRequestHandler: the request body must be a string or bytes (a stream body is not a KMS request)');
}

/** Throws the SDK's `AbortError` once the caller's signal has fired. */
function checkAborted(signal: { aborted: boolean } | undefined): void {
  if (signal?.aborted === true) throw Object.assign(new Error('Request aborted'), { name: 'AbortError' });
}

/** `path?query`, as the request line would carry it. */
function target(request: SdkHttpRequest): string {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(request.query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) {
      pairs.push(v === null ? encodeURIComponent(name) : `${encodeURIComponent(name)}=${encodeURIComponent(v)}`);
    }
  }
  return pairs.length === 0 ? request.path : `${request.path}?${pairs.join('&')}`;
}

/**
 * An `HttpHandler` for `@aws-sdk/client-kms`'s `KMSClient` that answers from
 * a wasmac facade instead of the network.
 * @example
 * import { KMSClient, GenerateMacCommand } from '@aws-sdk/client-kms';
 * import { KmsRequestHandler } from 'wasmac';
 * const kms = new KMSClient({ region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
 *   requestHandler: new KmsRequestHandler() }); // or new KmsRequestHandler({ keyStore })
 */
export class KmsRequestHandler {
  /** What the SDK asks of a handler. */
  readonly metadata = { handlerProtocol: 'http/1.1' };
  /** The facade that answers. */
  readonly client: KMSClient;

  constructor(options: KmsRequestHandlerOptions = {}) {
    const { client, ...config } = options;
    this.client = client ?? new KMSClient(config);
  }

  /** Answers one serialised request as the endpoint would. */
  async handle(request: SdkHttpRequest, options: { abortSignal?: { aborted: boolean } } = {}): Promise<{ response: SdkHttpResponse }> {
    checkAborted(options.abortSignal);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
    const res = await handleRequest(
      { method: request.method, url: target(request), headers, body: bodyBytes(request.body) },
      { clientFor: () => this.client },
    );
    checkAborted(options.abortSignal);
    const out: Record<string, string> = { 'x-amzn-requestid': crypto.randomUUID() };
    for (const [name, value] of Object.entries(res.headers)) out[name.toLowerCase()] = value;
    const body = encoder.encode(res.body);
    out['content-length'] = String(body.length);
    return { response: { statusCode: res.status, headers: out, body } };
  }

  /** The SDK calls these on any handler; there is no connection to configure. */
  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}
