/**
 * The KMS endpoint over the Fetch API (`Request` in, `Response` out), for the
 * runtimes that serve with it: a Cloudflare Worker and its Durable Object,
 * `Deno.serve`. The stages are the runtime-neutral ones of `wasmac serve`
 * (`src/kms/wire/`): framing, the SigV4 header check, the body (read up to
 * the limit as it streams), the signature, then the operation, the content
 * type, the JSON codec and the facade. A Worker splits them in two:
 * {@link authenticate} in the stateless Worker, {@link answer} in the object
 * that holds the keys.
 */
import type { KMSClient } from '../kms/client.js';
import type { SigV4Verifier } from '../kms/sigv4.js';
import {
  authenticate as verifySignature,
  decode,
  DEFAULT_MAX_BODY_BYTES,
  dispatch,
  encodeFailure,
  encodeSuccess,
  frame,
  operationOf,
  tooLarge,
  type Credential,
  type WireRequest,
  type WireResponse,
} from '../kms/wire/index.js';

export { DEFAULT_MAX_BODY_BYTES };

/** What the stages read of a Fetch API request: headers as own properties with lower-case names. */
function wireRequest(method: string, url: string, headers: Headers): WireRequest {
  const record: Record<string, string> = Object.create(null);
  for (const [name, value] of headers) record[name] = value;
  return { method, url, headers: record };
}

/** The stages' answer as a Response; refusals the facade did not expect (status 500) go to the operator's log. */
function toResponse(out: WireResponse): Response {
  if (out.status >= 500) console.error(`wasmac: ${out.operation} ${out.status} ${out.error ?? ''}`);
  return new Response(out.body, { status: out.status, headers: { ...out.headers, 'x-amzn-RequestId': crypto.randomUUID() } });
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

/** The response AWS would send for `err`, thrown before the facade (or a configuration error: KMSInternalException, logged). */
export function failure(err: unknown, request: Request): Response {
  const url = new URL(request.url);
  return toResponse(encodeFailure(wireRequest(request.method, `${url.pathname}${url.search}`, request.headers), '-', err));
}

/** What {@link authenticate} hands on: the verified caller and the body it signed. */
export interface Authenticated {
  credential: Credential;
  body: Uint8Array;
}

/** Framing and SigV4: throws a `WireError` (answer it with {@link failure}) or returns the caller and the body. */
export async function authenticate(request: Request, verifier: SigV4Verifier, maxBodyBytes = DEFAULT_MAX_BODY_BYTES): Promise<Authenticated> {
  const url = new URL(request.url);
  const req = wireRequest(request.method, `${url.pathname}${url.search}`, request.headers);
  frame(req, maxBodyBytes);
  const prechecked = verifier.precheck(req.headers);
  const body = await readBody(request, maxBodyBytes);
  return { credential: verifySignature({ ...req, body }, verifier, prechecked)!, body };
}

/**
 * The operation, the content type, the codec and the facade: the answer to
 * an authenticated request (never throws). `headers` are the request's
 * (`X-Amz-Target`, `Content-Type`).
 */
export async function answer(headers: Headers, body: Uint8Array, client: KMSClient): Promise<Response> {
  const req = { ...wireRequest('POST', '/', headers), body };
  let operation = '-';
  try {
    const op = operationOf(req);
    operation = op.name;
    return toResponse(encodeSuccess(req, operation, await dispatch(client, op, decode(req, op))));
  } catch (err) {
    return toResponse(encodeFailure(req, operation, err));
  }
}

/**
 * Every stage for one process that holds the keys itself (`Deno.serve`):
 * the response to send (never throws).
 * @example
 * Deno.serve((request) => serveKms(request, verifier, () => client));
 */
export async function serve(request: Request, verifier: SigV4Verifier, clientFor: (credential: Credential) => KMSClient, maxBodyBytes = DEFAULT_MAX_BODY_BYTES): Promise<Response> {
  try {
    const { credential, body } = await authenticate(request, verifier, maxBodyBytes);
    return await answer(request.headers, body, clientFor(credential));
  } catch (err) {
    return failure(err, request);
  }
}
