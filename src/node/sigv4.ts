/** The endpoint's SigV4 verifier: runtime-neutral, in `src/kms/sigv4.ts` (Workers and Deno use it too). */
export { amzDate, REGION_NAME, SigV4Verifier, type Credential, type ParsedAuthorization, type SignedRequest, type VerifierOptions } from '../kms/sigv4.js';
