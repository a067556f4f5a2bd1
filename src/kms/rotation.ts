/**
 * The rotation operations' answers. wasmac rotates nothing: HMAC and
 * asymmetric keys cannot rotate in AWS either (GetKeyRotationStatus says
 * `false`, the others refuse with UnsupportedOperationException), and a
 * symmetric encryption key here is metadata only. docs/SEMANTICS.md ROT-1..4.
 */
import { UnsupportedOperationException } from './errors.js';
import type { StoredKey } from './key-store.js';
import { checkUsable, notImplemented } from './non-mac.js';

/**
 * EnableKeyRotation, DisableKeyRotation, RotateKeyOnDemand: the key state
 * first (recorded order for an RSA key: Disabled -> DisabledException,
 * PendingImport -> KMSInvalidStateException), then an UnsupportedOperation.
 * AWS sends it with an empty message for keys that cannot rotate (recorded
 * for RSA_4096; for HMAC keys [INF]); an EXTERNAL key's Enable/Disable names
 * the origin (recorded before imported-key rotation existed; [INF] now).
 */
export function refuseRotation(record: StoredKey, operation: string): never {
  checkUsable(record);
  if (record.KeySpec === 'SYMMETRIC_DEFAULT') throw notImplemented(operation, record);
  if (record.Origin === 'EXTERNAL' && operation !== 'RotateKeyOnDemand') {
    throw new UnsupportedOperationException(`${record.Arn} origin is EXTERNAL which is not valid for this operation.`);
  }
  throw new UnsupportedOperationException({});
}
