/**
 * Key material in a box that does not open by accident: `JSON.stringify`,
 * `String()`, template literals and Node's `util.inspect` all print
 * `[SecretBytes]`, never the bytes. Only {@link revealSecret} opens it, and
 * that function is not exported from any package entry: key stores (to
 * persist material) and the facade (to build the engine's `HmacKey`) use it.
 */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');
const contents = new WeakMap<SecretBytes, Uint8Array>();

export class SecretBytes {
  /** Takes a private copy of `bytes`; the caller may wipe its own copy afterwards. */
  constructor(bytes: Uint8Array) {
    contents.set(this, Uint8Array.from(bytes));
  }

  get length(): number {
    return revealSecret(this).length;
  }

  /** Overwrites the material with zeros. */
  wipe(): void {
    revealSecret(this).fill(0);
  }

  toJSON(): string {
    return '[SecretBytes]';
  }

  toString(): string {
    return '[SecretBytes]';
  }

  [INSPECT](): string {
    return '[SecretBytes]';
  }
}

/** The bytes inside `secret`, not a copy: read them, never keep or return them. */
export function revealSecret(secret: SecretBytes): Uint8Array {
  const bytes = contents.get(secret);
  if (bytes === undefined) throw new TypeError('not a SecretBytes');
  return bytes;
}
