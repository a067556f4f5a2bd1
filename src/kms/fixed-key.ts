/**
 * CreateKey with a fixed key ID and key material: what a seed needs (the
 * same MACs on every run). It travels beside the command, never in its
 * request, so that nothing on the wire or in an SDK-shaped input can fix a
 * key's ID or material. Internal: not exported from the package.
 */
import { ValidationException } from './errors.js';
import { isIssuedKeyId } from './ids.js';
import { materialLengthProblem } from './import/state.js';

/** What a seed fixes of a key. */
export interface FixedKey {
  /** A key ID as CreateKey issues them; `mrk-...` for (and only for) a multi-Region key. */
  keyId?: string;
  /** HMAC material, of a length ImportKeyMaterial accepts for the spec (MAT-1). */
  material?: Uint8Array;
}

const FIXED = new WeakMap<object, FixedKey>();

/** `command`, to run with `fixed`. */
export function fixKey<C extends object>(command: C, fixed: FixedKey): C {
  FIXED.set(command, fixed);
  return command;
}

/** What was fixed for `command`, if anything. */
export function fixedOf(command: object): FixedKey | undefined {
  return FIXED.get(command);
}

/**
 * The rules for a fixed key, after the request's own (wasmac only: the texts
 * are ours; SEMANTICS.md EXT-2). ValidationException when the ID is not one
 * CreateKey would issue for this request, or the material does not fit the
 * spec. Whoever fixes a key checks it (`seed.ts`); CreateKey trusts what it
 * is given, so that the browser bundle does not carry these checks.
 */
export function checkFixedKey(fixed: FixedKey, spec: string, origin: string, multiRegion: boolean): void {
  const { keyId, material } = fixed;
  if (keyId !== undefined) {
    if (!isIssuedKeyId(keyId)) throw new ValidationException(`KeyId must be a lower-case UUID, or mrk- and 32 lower-case hex digits: '${keyId}'`);
    if (keyId.startsWith('mrk-') !== multiRegion) throw new ValidationException(`KeyId must start with mrk- exactly when the key is multi-Region: '${keyId}'`);
  }
  if (material !== undefined) {
    if (origin !== 'AWS_KMS') throw new ValidationException(`Key material is given by ImportKeyMaterial for a key of origin ${origin}.`);
    const problem = materialLengthProblem(spec, material.length);
    if (problem !== undefined) throw new ValidationException(problem);
  }
}
