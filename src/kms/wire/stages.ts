/**
 * The KMS endpoint as stages, in any runtime (docs/SEMANTICS.md WIRE-1..WIRE-6):
 *
 *     frame -> authenticate -> decode (operationOf, decode) -> dispatch -> encode
 *
 * Each stage is a small function that refuses with its own errors
 * (`WireError` before the facade, `KMSServiceException` from it); `encode`
 * turns a result or any error into the response AWS would send. A runtime's
 * HTTP glue (`src/node/server.ts`, an SDK request handler) reads the request,
 * runs the stages and writes the response; {@link handleRequest} runs them
 * all for a request whose body is already read.
 */
import type { KMSClient } from '../client.js';
import { commandOf } from '../commands/index.js';
import { errorBody, KMSServiceException } from '../errors.js';
import { AWS_OPERATIONS } from '../model/index.js';
import type { Operation } from '../model/shape.js';
import { decodeRequest, encodeError, encodeResponse } from './codec.js';
import { WireError } from './errors.js';

/** What the stages read of an HTTP request. Header names are lower case, as `node:http` and `Headers` give them. */
export interface WireRequest {
  method: string;
  /** The request target as sent: path and query, still percent-encoded. */
  url: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** A request with its body read. */
export interface WireRequestWithBody extends WireRequest {
  body: Uint8Array;
}

/** One accepted access key. `accountId` overrides the endpoint's account for this caller. */
export interface Credential {
  accessKeyId: string;
  secretAccessKey: string;
  accountId?: string;
}

/**
 * Checks who sends a request: `precheck` on the headers, before the body is
 * read (cheap refusals first), `verify` on the whole request. The SigV4
 * verifier of `wasmac/node` is one.
 */
export interface Authenticator {
  precheck(headers: WireRequest['headers']): unknown;
  verify(request: WireRequestWithBody, prechecked: never): Credential;
}

/** What the endpoint sends back. */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** For the log line: the operation (`-` before it is known) and the error's name with detail, never key material. */
  operation: string;
  error?: string;
}

/** The request-body types the endpoint takes; the answer echoes the one used. */
const JSON_TYPES = new Set(['application/x-amz-json-1.1', 'application/x-amz-json-1.0']);
const DEFAULT_TYPE = 'application/x-amz-json-1.1';
const TARGET_PREFIX = 'TrentService.';

function header(req: WireRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The request's JSON content type, lower case, without parameters; undefined when absent. */
function requestedType(req: WireRequest): string | undefined {
  const raw = header(req, 'content-type');
  // What the SDKs send, as it is: no parameters to cut, no case to fold.
  if (raw === DEFAULT_TYPE) return raw;
  return raw === undefined ? undefined : raw.split(';')[0]!.trim().toLowerCase();
}

/** The content type of the answer: the request's JSON type, or JSON 1.1. */
export function responseType(req: WireRequest): string {
  const t = requestedType(req);
  return t !== undefined && JSON_TYPES.has(t) ? t : DEFAULT_TYPE;
}

/** The 413 for a body over `limit` bytes. */
export function tooLarge(limit: number): WireError {
  return new WireError('RequestEntityTooLargeException', 413, `Request body is larger than ${limit} bytes`);
}

/**
 * Stage 1, framing: `POST /` with a body no larger than `maxBodyBytes` as far
 * as the headers say (a runtime that streams the body enforces the limit
 * while reading, too).
 */
export function frame(req: WireRequest, maxBodyBytes: number): void {
  const q = req.url.indexOf('?');
  const path = q < 0 ? req.url : req.url.slice(0, q);
  if (path !== '/') throw new WireError('UnknownOperationException', 404, 'The KMS endpoint is POST /');
  if (req.method !== 'POST') throw new WireError('UnknownOperationException', 405, 'The KMS endpoint is POST /');
  const declared = header(req, 'content-length');
  if (declared !== undefined && Number(declared) > maxBodyBytes) throw tooLarge(maxBodyBytes);
}

/**
 * Stage 2, authentication, after `authenticator.precheck` has passed on the
 * headers: the caller's credential, or the endpoint's own caller when no
 * authenticator is given (an in-process endpoint).
 */
export function authenticate(req: WireRequestWithBody, authenticator: Authenticator | undefined, prechecked: unknown): Credential | undefined {
  return authenticator === undefined ? undefined : authenticator.verify(req, prechecked as never);
}

/**
 * Stage 3a: the operation of `X-Amz-Target: TrentService.<Op>`;
 * UnknownOperationException without a message for any other target (WIRE-2).
 */
export function operationOf(req: WireRequest): Operation {
  const target = header(req, 'x-amz-target');
  const operation = typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? AWS_OPERATIONS[target.slice(TARGET_PREFIX.length)] : undefined;
  if (operation === undefined) {
    // No message on the wire, as AWS sends it; the log names what was asked for (quoted and cut, never raw).
    const asked = target === undefined ? 'no X-Amz-Target' : `X-Amz-Target ${JSON.stringify(target.length > 100 ? `${target.slice(0, 100)}...` : target)}`;
    throw new WireError('UnknownOperationException', 400, undefined, asked);
  }
  return operation;
}

/** Stage 3b: the content type (SerializationException unless JSON 1.0 or 1.1), then the body, by the operation's model. */
export function decode(req: WireRequestWithBody, operation: Operation): unknown {
  const requested = requestedType(req);
  if (requested === undefined || !JSON_TYPES.has(requested)) {
    throw new WireError('SerializationException', 400, 'Content-Type must be application/x-amz-json-1.1 or application/x-amz-json-1.0');
  }
  return decodeRequest(req.body, operation);
}

/** Stage 4, dispatch: the operation's command with `input`, run by `client`. */
export function dispatch(client: KMSClient, operation: Operation, input: unknown): Promise<object> {
  const Command = commandOf(operation);
  return client.send(new Command(input));
}

/** Stage 5, encoding a result: HTTP 200 and the output as JSON (`{}` for operations without output). */
export function encodeSuccess(req: WireRequest, operation: string, output: object): WireResponse {
  return { status: 200, headers: { 'Content-Type': responseType(req) }, body: encodeResponse(output as Record<string, unknown>), operation };
}

/**
 * Stage 5, encoding a refusal: `{"__type","message"}` with the status AWS
 * sends (WIRE-4). Anything that is neither a WireError nor a
 * KMSServiceException is a bug, not a KMS answer: the client gets a
 * KMSInternalException, the log line the error's name and message only
 * (never the objects it holds).
 */
export function encodeFailure(req: WireRequest, operation: string, err: unknown): WireResponse {
  const type = responseType(req);
  const respond = (status: number, name: string, message: string | undefined, error: string): WireResponse => ({
    status,
    headers: { 'Content-Type': type, 'x-amzn-ErrorType': name },
    body: encodeError(name, message),
    operation,
    error,
  });
  if (err instanceof WireError) return respond(err.status, err.name, err.hasMessage ? err.message : undefined, err.logDetail === undefined ? err.name : `${err.name} (${err.logDetail})`);
  if (err instanceof KMSServiceException) {
    const body = errorBody(err);
    // The facade keeps the cause of a KMSInternalException out of its message; the operator sees it in the log.
    const cause = (err as { cause?: unknown }).cause;
    const detail = cause instanceof Error ? ` (cause: ${cause.name}: ${cause.message})` : '';
    return respond(err.httpStatusCode, body.__type, body.message, `${err.name}${detail}`);
  }
  const e = err as Error | undefined;
  return respond(500, 'KMSInternalException', 'An internal error occurred.', `KMSInternalException (${e?.name ?? 'Error'}: ${e?.message ?? String(err)})`);
}

/** How {@link handleRequest} finds the facade for a caller. */
export interface Endpoint {
  /** The client for a caller (`undefined`: no authenticator, the endpoint's own caller). */
  clientFor(credential: Credential | undefined): KMSClient;
  authenticator?: Authenticator;
  /** Largest request body; default 256 KiB. */
  maxBodyBytes?: number;
}

/** 256 KiB: KMS's largest members (a 128 KiB policy) fit. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/**
 * Every stage for a request whose body is already read: the response to
 * send (never throws).
 * @example
 * const res = await handleRequest({ method: 'POST', url: '/', headers, body }, { clientFor: () => client });
 */
export async function handleRequest(req: WireRequestWithBody, endpoint: Endpoint): Promise<WireResponse> {
  let operation = '-';
  try {
    const limit = endpoint.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    frame(req, limit);
    if (req.body.length > limit) throw tooLarge(limit);
    const prechecked = endpoint.authenticator?.precheck(req.headers);
    const credential = authenticate(req, endpoint.authenticator, prechecked);
    const op = operationOf(req);
    operation = op.name;
    const input = decode(req, op);
    const output = await dispatch(endpoint.clientFor(credential), op, input);
    return encodeSuccess(req, operation, output);
  } catch (err) {
    return encodeFailure(req, operation, err);
  }
}
