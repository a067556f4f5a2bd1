/** The endpoint's SigV4 verifier: runtime-neutral, in `src/kms/sigv4.ts` (Workers and Deno use it too). */
import * as crypto from 'node:crypto';

export { amzDate, REGION_NAME, SigV4Verifier, type Credential, type ParsedAuthorization, type SignedRequest, type VerifierOptions } from '../kms/sigv4.js';

/** `crypto.hash` (Node 20.12+): one call, no Hash object; older Node falls back to createHash. */
const oneShot = (crypto as { hash?: (alg: string, data: Uint8Array | string, enc: 'hex') => string }).hash;

/**
 * SHA-256 as hex by node:crypto, for the verifier's two digests per request
 * (the body, the canonical request): on a few hundred bytes a single native
 * call that returns hex costs half what the engine's digest and `toHex` do.
 */
export function nodeSha256Hex(data: Uint8Array | string): string {
  return oneShot !== undefined ? oneShot('sha256', data, 'hex') : crypto.createHash('sha256').update(data).digest('hex');
}
