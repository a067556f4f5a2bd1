/**
 * Request checks at the boundary, in the two layers AWS's request framework
 * (Coral) has, in its order:
 *
 * 1. deserialization: a member of the wrong JSON type is a
 *    `SerializationException` at once, before any constraint is looked at
 *    (KMS-SEMANTICS.md V12). The texts are Coral's, as recorded from another
 *    Coral service (Athena) answering the same mistakes: `NUMBER_VALUE can not
 *    be converted to a String`, `Start of list found where not expected`, ...
 *    [INF for KMS: same framework, not recorded from KMS itself];
 * 2. constraints from the service model (required, length, range, enum,
 *    pattern): every violation is collected and one `ValidationException`
 *    says `1 validation error detected: <v>` or
 *    `N validation errors detected: <v1>; <v2>` (V1-V11).
 *
 * A member is read only when it is an own property of the input, so that
 * `__proto__`, `constructor` or anything inherited changes nothing; `null`
 * is the same as absent, as in JSON 1.1.
 */
import { SerializationException, ValidationException } from './errors.js';

/** A request as it arrives: any object (or anything at all from untyped callers). */
export type RawInput = Record<string, unknown>;

const hasOwn = Object.prototype.hasOwnProperty;
const encoder = new TextEncoder();

/** The input as a record to read members from; `undefined`/`null` is an empty request. */
export function asInput(input: unknown): RawInput {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input) || input instanceof Uint8Array) {
    // A body that is not a JSON object: Coral answers an array with this text
    // and other non-objects with no message at all [INF from Athena, V12].
    throw new SerializationException(Array.isArray(input) ? 'Start of list found where not expected' : {});
  }
  return input as RawInput;
}

/** The own member `name` of `input`, with `null` read as absent. */
function member(input: RawInput, name: string): unknown {
  if (!hasOwn.call(input, name)) return undefined;
  const v = input[name];
  return v === null ? undefined : v;
}

/** Coral's name for the JSON token that `value` would be. */
function token(value: unknown): string {
  if (typeof value === 'string') return 'STRING_VALUE';
  if (typeof value === 'number' || typeof value === 'bigint') return 'NUMBER_VALUE';
  if (value === true) return 'TRUE_VALUE';
  if (value === false) return 'FALSE_VALUE';
  return 'VALUE';
}

/** The SerializationException for `value` where a `target` (`a String`, `an Integer`...) was expected. */
export function mismatch(value: unknown, target: string): SerializationException {
  if (Array.isArray(value)) return new SerializationException('Start of list found where not expected');
  if (typeof value === 'object' || typeof value === 'function' || typeof value === 'symbol') {
    return new SerializationException('Start of structure or map found where not expected.');
  }
  return new SerializationException(`${token(value)} can not be converted to ${target}`);
}

function lengthRule(min: number, max: number, len: number): string | undefined {
  if (len < min) return `Member must have length greater than or equal to ${min}`;
  if (len > max) return `Member must have length less than or equal to ${max}`;
  return undefined;
}

/**
 * Collects the constraint violations of one request. Success paths allocate
 * nothing; a message is built only for a violation.
 */
export class Checker {
  readonly input: RawInput;
  /** Where violations go: the request's checker, for nested structures. */
  readonly #root: Checker;
  #list: string[] | undefined;

  constructor(input: RawInput, root?: Checker) {
    this.input = input;
    this.#root = root ?? this;
  }

  /** A checker for a nested structure (a `Tag`) that records into this one's violations. */
  child(input: RawInput): Checker {
    return new Checker(input, this.#root);
  }

  /**
   * Records `Value '<shown>' at '<path>' failed to satisfy constraint: <rule>`;
   * `null` shows `Value null`, `undefined` (a sensitive member) just `Value`.
   */
  fail(shown: string | null | undefined, path: string, rule: string): void {
    const value = shown === null ? 'Value null' : shown === undefined ? 'Value' : `Value '${shown}'`;
    (this.#root.#list ??= []).push(`${value} at '${path}' failed to satisfy constraint: ${rule}`);
  }

  /** Records a missing required member. */
  missing(path: string): void {
    this.fail(null, path, 'Member must not be null');
  }

  /** Throws the ValidationException for everything recorded, if anything was. */
  done(): void {
    const v = this.#root.#list;
    if (v === undefined) return;
    const n = v.length;
    throw new ValidationException(`${n} validation error${n === 1 ? '' : 's'} detected: ${v.join('; ')}`);
  }

  /** A string member with model length bounds and an optional pattern. */
  string(name: string, path: string, required: boolean, min: number, max: number, pattern?: RegExp, patternText?: string): string | undefined {
    const v = member(this.input, name);
    if (v === undefined) {
      if (required) this.missing(path);
      return undefined;
    }
    if (typeof v !== 'string') throw mismatch(v, 'a String');
    const rule = lengthRule(min, max, v.length);
    if (rule !== undefined) this.fail(v, path, rule);
    if (pattern !== undefined && !pattern.test(v)) this.fail(v, path, `Member must satisfy regular expression pattern: ${patternText ?? pattern.source}`);
    return v;
  }

  /**
   * A blob member. A string is taken as UTF-8, as the SDK's serializer does.
   * Sensitive members (`Message`) leave the value out of the message; others
   * show it the way Coral prints a Java ByteBuffer (recorded for KMS Decrypt
   * `ciphertextBlob` and for Rekognition `image.bytes`).
   */
  blob(name: string, path: string, required: boolean, min: number, max: number, sensitive: boolean): Uint8Array | undefined {
    const v = member(this.input, name);
    if (v === undefined) {
      if (required) this.missing(path);
      return undefined;
    }
    let bytes: Uint8Array;
    if (v instanceof Uint8Array) bytes = v;
    else if (typeof v === 'string') bytes = encoder.encode(v);
    else throw mismatch(v, 'a Blob');
    const rule = lengthRule(min, max, bytes.length);
    if (rule !== undefined) {
      const n = bytes.length;
      this.fail(sensitive ? undefined : `java.nio.HeapByteBuffer[pos=0 lim=${n} cap=${n}]`, path, rule);
    }
    return bytes;
  }

  /** An enum member; `listed` is the value set as AWS prints it (its own order). */
  enum<T extends string>(name: string, path: string, required: boolean, values: Readonly<Record<string, T>>, listed: string): T | undefined {
    const v = member(this.input, name);
    if (v === undefined) {
      if (required) this.missing(path);
      return undefined;
    }
    if (typeof v !== 'string') throw mismatch(v, 'a String');
    if (!hasOwn.call(values, v) || values[v] !== v) {
      this.fail(v, path, `Member must satisfy enum value set: [${listed}]`);
      return undefined;
    }
    return v as T;
  }

  /** A boolean member. */
  boolean(name: string): boolean | undefined {
    const v = member(this.input, name);
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') throw mismatch(v, 'a Boolean');
    return v;
  }

  /**
   * An integer member with a range. A fractional JSON number is truncated,
   * as Coral does (recorded for Athena: 1.5 reads as 1).
   */
  integer(name: string, path: string, min: number, max: number): number | undefined {
    const v = member(this.input, name);
    if (v === undefined) return undefined;
    if (typeof v !== 'number') throw mismatch(v, 'an Integer');
    const n = Number.isNaN(v) ? min - 1 : Math.trunc(v);
    if (n < min) this.fail(String(n), path, `Member must have value greater than or equal to ${min}`);
    else if (n > max) this.fail(String(n), path, `Member must have value less than or equal to ${max}`);
    return n;
  }

  /**
   * A list of strings with item-count bounds and per-item length bounds
   * (items addressed `<path>.<n>.member`, 1-based, as recorded for
   * `tags.1.member.tagKey`). Returns the items that are strings.
   */
  stringList(name: string, path: string, required: boolean, minItems: number, maxItems: number, min: number, max: number): string[] | undefined {
    const v = this.list(name, path, required, minItems, maxItems);
    if (v === undefined) return undefined;
    const out: string[] = [];
    for (let i = 0; i < v.length; i++) {
      const item = v[i];
      const itemPath = `${path}.${i + 1}.member`;
      if (item === undefined || item === null) {
        this.missing(itemPath);
        continue;
      }
      if (typeof item !== 'string') throw mismatch(item, 'a String');
      const rule = lengthRule(min, max, item.length);
      if (rule !== undefined) this.fail(item, itemPath, rule);
      out.push(item);
    }
    return out;
  }

  /** A list member with item-count bounds; items are the caller's to check. */
  list(name: string, path: string, required: boolean, minItems: number, maxItems: number): unknown[] | undefined {
    const v = member(this.input, name);
    if (v === undefined) {
      if (required) this.missing(path);
      return undefined;
    }
    if (!Array.isArray(v)) {
      if (typeof v === 'object') throw new SerializationException('Start of structure or map found where not expected.');
      throw new SerializationException('Expected list or null');
    }
    const rule = lengthRule(minItems, maxItems, v.length);
    if (rule !== undefined) this.fail(`[${v.map(showItem).join(', ')}]`, path, rule);
    return v;
  }
}

function showItem(item: unknown): string {
  return typeof item === 'string' ? item : item === null || item === undefined ? 'null' : typeof item === 'object' ? '{}' : String(item);
}

/** The structure (object) at `value`, for nested shapes such as `Tag`; `Expected null` otherwise (Coral). */
export function structure(value: unknown): RawInput {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)) return value as RawInput;
  if (Array.isArray(value)) throw new SerializationException('Start of list found where not expected');
  throw new SerializationException('Expected null');
}
