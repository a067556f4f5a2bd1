/**
 * The KMS endpoint over the Fetch API (`Request` in, `Response` out), for the
 * runtimes that serve with it: a Cloudflare Worker and its Durable Object,
 * `Deno.serve`. The same order of checks as `wasmac serve`: framing (POST /,
 * the announced size), the SigV4 header check, the body (read up to the
 * limit), the signature, then the operation, the content type, the JSON
 * codec and the facade. A Worker splits it in two: {@link authenticate} in
 * the stateless Worker, {@link answer} in the object that holds the keys.
 */
import type { KMSClient } from '../kms/client.js';
import { COMMANDS } from '../kms/commands/index.js';
import { errorBody, KMSServiceException } from '../kms/errors.js';
import type { Credential, SigV4Verifier } from '../kms/sigv4.js';
import { EdgeStoreError } from '../kms/sealed-record.js';
import { WireError } from '../node/errors.js';
import { decodeRequest, encodeError, encodeResponse } from '../node/wire.js';

/** 256 KiB, as `wasmac serve`: KMS's largest members (a 128 KiB policy) fit. */
export const MAX_BODY_BYTES = 256 * 1024;

const JSON_TYPES = new Set(['application/x-amz-json-1.1', 'application/x-amz-json-1.0']);
const DEFAULT_TYPE = 'application/x-amz-json-1.1';
const TARGET_PREFIX = 'TrentService.';

function tooLarge(limit: number): WireError {
  return new WireError('RequestEntityTooLargeException', 413, `Request body is larger than ${limit} bytes`);
}

/** The request's JSON content type (lower case, no parameters), or undefined. */
function requestedType(headers: Headers): string | undefined {
  const raw = headers.get('content-type');
  return raw === null ? undefined : raw.split(';')[0]!.trim().toLowerCase();
}

/** The content type of the answer: the request's JSON type, or JSON 1.1. */
function responseType(headers: Headers): string {
  const t = requestedType(headers);
  return t !== undefined && JSON_TYPES.has(t) ? t : DEFAULT_TYPE;
}

/** A request's headers as the verifier reads them: own properties, lower-case names. */
function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [name, value] of headers) out[name] = value;
  return out;
}

/** The body, refused as soon as it passes `limit` bytes (the announced length is checked before). */
async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  if (request.body === null) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.length;
  }
  return body;
}

/** The response AWS would send for `err` (a WireError, a KMSServiceException, or a bug: KMSInternalException). */
export function failure(err: unknown, headers: Headers): Response {
  let status: number;
  let name: string;
  let message: string | undefined;
  if (err instanceof WireError) {
    status = err.status;
    name = err.name;
    message = err.hasMessage ? err.message : undefined;
  } else if (err instanceof KMSServiceException) {
    // The facade keeps the cause of a KMSInternalException out of its message; the operator's log gets it.
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof Error) console.error(`wasmac: ${err.name} (cause: ${cause.name}: ${cause.message})`);
    const body = errorBody(err);
    status = err.httpStatusCode;
    name = body.__type;
    message = body.message;
  } else {
    // A bug or a configuration error, not a KMS answer: the operator's log
    // gets the error's name and message (never the objects it holds), the
    // client a KMSInternalException.
    const e = err as Error | undefined;
    console.error(`wasmac: KMSInternalException (${e?.name ?? 'Error'}: ${e?.message ?? String(err)})`);
    status = 500;
    name = 'KMSInternalException';
    message = 'An internal error occurred.';
  }
  return new Response(encodeError(name, message), {
    status,
    headers: { 'Content-Type': responseType(headers), 'x-amzn-ErrorType': name, 'x-amzn-RequestId': crypto.randomUUID() },
  });
}

/** What {@link authenticate} hands on: the verified caller and the body it signed. */
export interface Authenticated {
  credential: Credential;
  body: Uint8Array;
}

/**
 * Framing and SigV4: throws a {@link WireError} (answer it with
 * {@link failure}) or returns the caller and the body.
 */
export async function authenticate(request: Request, verifier: SigV4Verifier, maxBodyBytes = MAX_BODY_BYTES): Promise<Authenticated> {
  const url = new URL(request.url);
  if (url.pathname !== '/') throw new WireError('UnknownOperationException', 404, 'The KMS endpoint is POST /');
  if (request.method !== 'POST') throw new WireError('UnknownOperationException', 405, 'The KMS endpoint is POST /');
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBodyBytes) throw tooLarge(maxBodyBytes);
  const headers = headerRecord(request.headers);
  const prechecked = verifier.precheck(headers);
  const body = await readBody(request, maxBodyBytes);
  const credential = verifier.verify({ method: request.method, url: `${url.pathname}${url.search}`, headers, body }, prechecked);
  return { credential, body };
}

/**
 * The operation, the content type, the codec and the facade: the answer to
 * an authenticated request (never throws). `headers` are the request's
 * (`X-Amz-Target`, `Content-Type`).
 */
export async function answer(headers: Headers, body: Uint8Array, client: KMSClient): Promise<Response> {
  try {
    const target = headers.get('x-amz-target');
    const op = target !== null && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
    const Command = op !== undefined && Object.hasOwn(COMMANDS, op) ? COMMANDS[op] : undefined;
    if (Command === undefined) throw new WireError('UnknownOperationException', 400);
    const requested = requestedType(headers);
    if (requested === undefined || !JSON_TYPES.has(requested)) {
      throw new WireError('SerializationException', 400, 'Content-Type must be application/x-amz-json-1.1 or application/x-amz-json-1.0');
    }
    const output = await client.send(new Command(decodeRequest(body)));
    return new Response(encodeResponse(output as unknown as Record<string, unknown>), {
      status: 200,
      headers: { 'Content-Type': responseType(headers), 'x-amzn-RequestId': crypto.randomUUID() },
    });
  } catch (err) {
    return failure(err, headers);
  }
}

/**
 * Every stage for one process that holds the keys itself (`Deno.serve`):
 * the response to send (never throws).
 * @example
 * Deno.serve((request) => serve(request, verifier, (credential) => clientFor(credential)));
 */
export async function serve(request: Request, verifier: SigV4Verifier, clientFor: (credential: Credential) => KMSClient, maxBodyBytes = MAX_BODY_BYTES): Promise<Response> {
  try {
    const { credential, body } = await authenticate(request, verifier, maxBodyBytes);
    return await answer(request.headers, body, clientFor(credential));
  } catch (err) {
    return failure(err, request.headers);
  }
}

/**
 * Accepted access keys from text (a secret binding, an environment variable):
 * a JSON array of `{ "accessKeyId", "secretAccessKey", "accountId"? }`. The
 * {@link EdgeStoreError} names `source`, never the text.
 */
export function parseCredentialList(text: unknown, source: string): Credential[] {
  let list: unknown;
  try {
    list = typeof text === 'string' ? JSON.parse(text) : undefined;
  } catch {
    list = undefined;
  }
  const good =
    Array.isArray(list) &&
    list.length > 0 &&
    list.every(
      (c) =>
        typeof c === 'object' &&
        c !== null &&
        typeof c.accessKeyId === 'string' &&
        c.accessKeyId !== '' &&
        typeof c.secretAccessKey === 'string' &&
        c.secretAccessKey !== '' &&
        (c.accountId === undefined || (typeof c.accountId === 'string' && /^\d{12}$/.test(c.accountId))),
    );
  if (!good) {
    throw new EdgeStoreError(
      `${source} ${typeof text === 'string' ? 'is not' : 'is missing: it must be'} a JSON array of {"accessKeyId","secretAccessKey","accountId"?} (accountId: 12 digits)`,
    );
  }
  return (list as Credential[]).map((c) => ({ accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, ...(c.accountId === undefined ? {} : { accountId: c.accountId }) }));
}
