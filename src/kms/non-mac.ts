/**
 * What the cryptographic operations other than GenerateMac and VerifyMac
 * answer. wasmac holds HMAC material only, so none of them succeeds: a key
 * of the wrong usage (an HMAC key above all) gets AWS's error for that key,
 * and a key the operation would suit (a metadata-only key of another spec,
 * which CreateKey accepts) gets an UnsupportedOperationException that says
 * so plainly. docs/SEMANTICS.md NONMAC-1..5.
 */
import { DisabledException, IncorrectKeyException, InvalidKeyUsageException, UnsupportedOperationException } from './errors.js';
import type { StoredKey } from './key-store.js';
import { ANY_IDENTIFIER, invalidState, USABLE, type Service } from './service.js';

/**
 * The key `id` names, usable now: resolved (any identifier form, as for the
 * cryptographic operations), its state checked before anything else about it
 * (a disabled RSA key answers DisabledException before UnsupportedOperation,
 * recorded; the same order for HMAC keys is [INF]), grant tokens checked.
 */
export async function usableKey(s: Service, id: string, tokens: readonly string[] | undefined): Promise<StoredKey> {
  const record = await s.resolve(id, ANY_IDENTIFIER);
  checkUsable(record);
  s.checkGrantTokens(record, tokens);
  return record;
}

/** Throws the DisabledException or KMSInvalidStateException of `record`'s state unless it is usable. */
export function checkUsable(record: StoredKey): void {
  if (USABLE.has(record.KeyState)) return;
  if (record.KeyState === 'Disabled') throw new DisabledException(`${record.Arn} is disabled.`);
  throw invalidState(record);
}

/** `<key ARN> key usage is <usage> which is not valid for <operation>.` (recorded for Sign on an HMAC key). */
export function wrongUsage(record: StoredKey, operation: string): InvalidKeyUsageException {
  return new InvalidKeyUsageException(`${record.Arn} key usage is ${record.KeyUsage} which is not valid for ${operation}.`);
}

/** Decrypt / ReEncrypt naming a key that cannot decrypt (recorded for an HMAC key). */
export function incorrectKey(): IncorrectKeyException {
  return new IncorrectKeyException('The key ID in the request does not identify a CMK that can perform this operation.');
}

/** The operation would suit the key, but wasmac does not implement it. */
export function notImplemented(operation: string, record: StoredKey): UnsupportedOperationException {
  return new UnsupportedOperationException(
    `${operation} is not implemented: this KMS implements the HMAC operations (GenerateMac, VerifyMac); ${record.Arn} is a ${record.KeySpec} key without material here.`,
  );
}

/**
 * The answer of an operation that needs key usage `usage`: AWS's
 * InvalidKeyUsageException for a key of another usage (an HMAC key), else
 * {@link notImplemented}.
 */
export async function refuse(s: Service, operation: string, id: string, tokens: readonly string[] | undefined, usage: string): Promise<never> {
  const record = await usableKey(s, id, tokens);
  if (record.KeyUsage !== usage) throw wrongUsage(record, operation);
  throw notImplemented(operation, record);
}
