/**
 * Errors of `wasmac/node`. `WireError` (what the endpoint refuses before the
 * facade: framing, authentication, serialization) lives with the
 * runtime-neutral stages and is re-exported here.
 */
export { WireError } from '../kms/wire/errors.js';
export { ConfigError } from '../kms/config-error.js';

/** A data directory that cannot be used as it is; the message names the file and what to do. */
export class KeyStoreError extends Error {
  override readonly name = 'KeyStoreError';
}
