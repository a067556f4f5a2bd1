/**
 * What the three import operations share: the rules for EXTERNAL keys, the
 * import bookkeeping kept in `StoredKey.importState`, the fingerprint that
 * pins an HMAC key to its first material, and the material lengths.
 *
 * `importState` is plain JSON (a FileKeyStore writes it as is):
 *
 *     { "v": 2, "sets": ParameterSet[], "fingerprint"?: hex }
 *
 * It holds no secret: parameter sets keep only the SHA-256 of their token and
 * a private key sealed under the token (see `wrapping.ts`); the fingerprint
 * is a hash of an HMAC under the material: neither the material nor a MAC.
 */
import { fromHex, hmac, sha256, timingSafeEqual, toHex } from '../../engine/index.js';
import { UnsupportedOperationException } from '../errors.js';
import type { StoredKey } from '../key-store.js';
import { hmacSpec, invalidState } from '../service.js';
import type { ParameterSet } from './wrapping.js';

/** The import bookkeeping of one key. */
export interface ImportState {
  /** Parameter sets issued by GetParametersForImport, oldest first. */
  sets: ParameterSet[];
  /** hex fingerprint of the material first imported; kept when the material is deleted or expires. */
  fingerprint?: string;
}

/**
 * Parameter sets kept per key. Older ones are dropped (their tokens then get
 * InvalidImportTokenException); AWS documents no such limit (SEMANTICS.md IMP-3).
 */
export const MAX_SETS = 10;

/** `ParametersValidTo` is 24 hours after GetParametersForImport (SEMANTICS.md IMP-3). */
export const PARAMETERS_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** ValidTo may be at most 365 days after the request (SEMANTICS.md IMP-4). */
export const MAX_VALID_TO_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * Accepted material lengths per HMAC spec: from the digest length to the
 * hash's block size. AWS is recorded accepting exactly 28/32/48/64 bytes
 * (SEMANTICS.md MAT-1), and LocalStack, whose KMS tests are validated
 * against AWS, reads the AWS requirements as 28-64 / 32-64 / 48-128 /
 * 64-128 bytes. We take the ranges: they
 * contain every recorded length, they refuse material shorter than the
 * digest (which RFC 2104 §3 discourages), and up to the block size no
 * material is pre-hashed, so a key that AWS accepts is never refused here,
 * which is the point of bringing the same key to both.
 */
export const MATERIAL_LENGTHS: Readonly<Record<string, { min: number; max: number }>> = {
  HMAC_224: { min: 28, max: 64 },
  HMAC_256: { min: 32, max: 64 },
  HMAC_384: { min: 48, max: 128 },
  HMAC_512: { min: 64, max: 128 },
};

/** What is wrong with `length` bytes of material for `keySpec` (an HMAC spec), or undefined when nothing is. */
export function materialLengthProblem(keySpec: string, length: number): string | undefined {
  const lengths = Object.hasOwn(MATERIAL_LENGTHS, keySpec) ? MATERIAL_LENGTHS[keySpec]! : undefined;
  if (lengths === undefined) return `Key spec ${keySpec} takes no key material.`;
  if (length >= lengths.min && length <= lengths.max) return undefined;
  return `Key material for key spec ${keySpec} must be ${lengths.min} to ${lengths.max} bytes long.`;
}

function isSet(value: unknown): value is ParameterSet {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  if (typeof s.id !== 'string' || typeof s.algorithm !== 'string' || typeof s.keySpec !== 'string' || typeof s.validTo !== 'number') return false;
  if (s.sealed === undefined) return true;
  const sealed = s.sealed as Record<string, unknown> | null;
  return typeof sealed === 'object' && sealed !== null && typeof sealed.iv === 'string' && typeof sealed.data === 'string';
}

/** The import state of `record`, read defensively (it came through JSON). */
export function readImportState(record: StoredKey): ImportState {
  const raw = record.importState;
  const sets = Array.isArray(raw?.sets) ? (raw.sets as unknown[]).filter(isSet) : [];
  let fingerprint = typeof raw?.fingerprint === 'string' ? raw.fingerprint : undefined;
  // Version 1 kept the HMAC itself, a usable MAC of a fixed message; its
  // version 2 form is derived from it without the material.
  if (fingerprint !== undefined && raw?.v === 1 && /^[0-9a-f]{64}$/.test(fingerprint)) fingerprint = toHex(sha256(fromHex(fingerprint)));
  return fingerprint === undefined ? { sets } : { sets, fingerprint };
}

/** `state` as `importState`. */
export function writeImportState(state: ImportState): Record<string, unknown> {
  const out: Record<string, unknown> = { v: 2, sets: state.sets };
  if (state.fingerprint !== undefined) out.fingerprint = state.fingerprint;
  return out;
}

const FINGERPRINT_LABEL = 'wasmac imported key material fingerprint v1 ';

/**
 * The fingerprint of `material` for key `keyId`: the SHA-256 of the
 * HMAC-SHA-256 under the material of a fixed label, the key ID and the
 * material's length. The length is in the message because HMAC pads keys
 * with zeros (RFC 2104 §2): without it, `K` and `K || 00` would have the same
 * fingerprint. The outer hash is what keeps it from being a MAC: the HMAC
 * alone is exactly what GenerateMac (HMAC_SHA_256) returns for that message,
 * so anyone who can read the store could have presented it as one.
 */
export function fingerprint(material: Uint8Array, keyId: string): string {
  return toHex(sha256(hmac('sha256', material, `${FINGERPRINT_LABEL}${keyId} ${material.length}`)));
}

/** Whether `material` is the material `state` was first imported with (constant time). */
export function sameMaterial(state: ImportState, material: Uint8Array, keyId: string): boolean {
  if (state.fingerprint === undefined) return true;
  return timingSafeEqual(fromHex(state.fingerprint), fromHex(fingerprint(material, keyId)));
}

/**
 * The import operations take EXTERNAL keys only: others get AWS's
 * `<key ARN> origin is AWS_KMS which is not valid for this operation.`
 * (SEMANTICS.md IMP-1).
 */
export function checkExternal(record: StoredKey): void {
  if (record.Origin !== 'EXTERNAL') {
    throw new UnsupportedOperationException(`${record.Arn} origin is ${record.Origin} which is not valid for this operation.`);
  }
}

/**
 * The states in which material may be (re)imported or parameters fetched:
 * Enabled, Disabled and PendingImport (SEMANTICS.md IMP-8). PendingDeletion
 * and the others get KMSInvalidStateException `<key ARN> is pending deletion.`
 */
export function checkImportState(record: StoredKey): void {
  if (record.KeyState !== 'Enabled' && record.KeyState !== 'Disabled' && record.KeyState !== 'PendingImport') throw invalidState(record);
}

/**
 * The facade imports HMAC material only (other specs are metadata-only keys
 * here): UnsupportedOperationException for the rest, a limit of the facade
 * (SEMANTICS.md KEY-5).
 */
export function checkHmacSpec(record: StoredKey): void {
  if (hmacSpec(record.KeySpec) === undefined) {
    throw new UnsupportedOperationException(`${record.Arn} has key spec ${record.KeySpec}; this KMS imports HMAC key material only.`);
  }
}
