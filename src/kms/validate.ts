/**
 * Request checks at the boundary, against the operation's entry in the model
 * table, in the two layers AWS's request framework (Coral) has, in its order:
 *
 * 1. deserialization: a member of the wrong JSON type is a
 *    `SerializationException` at once, before any constraint is looked at
 *    (docs/SEMANTICS.md SER-1);
 * 2. constraints (required, length, range, enum, pattern): every violation
 *    is collected and one `ValidationException` says
 *    `1 validation error detected: <v>` or
 *    `N validation errors detected: <v1>; <v2>` (REQ-1..REQ-10), members
 *    in the model's order.
 *
 * A member is read only when it is an own property of the input (REQ-11).
 */
import { SerializationException, ValidationException } from './errors.js';
import { CHINA_ONLY_VALUES } from './model/enums.js';
import { pathOf, type Input, type Member, type Members, type Operation } from './model/shape.js';

/** A request as it arrives: any object (or anything at all from untyped callers). */
export type RawInput = Record<string, unknown>;

const hasOwn = Object.prototype.hasOwnProperty;
const encoder = new TextEncoder();

/** The input as a record to read members from; `undefined`/`null` is an empty request. */
export function asInput(input: unknown): RawInput {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input) || input instanceof Uint8Array) {
    // A body that is not a JSON object: Coral answers an array with this text
    // and other non-objects with no message at all (SER-1).
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

/**
 * The text of Coral's SerializationException for `value` where a `target`
 * (`a String`, `an Integer`, `a Blob`...) was expected (SER-1). The one home
 * of these texts: the wire codec words its own refusals with it too.
 */
export function mismatchText(value: unknown, target: string): string {
  if (Array.isArray(value)) return 'Start of list found where not expected';
  if (typeof value === 'object' || typeof value === 'function' || typeof value === 'symbol') return 'Start of structure or map found where not expected.';
  return `${token(value)} can not be converted to ${target}`;
}

/** The SerializationException for `value` where a `target` was expected. */
export function mismatch(value: unknown, target: string): SerializationException {
  return new SerializationException(mismatchText(value, target));
}

/** The structure (object) at `value`, for nested shapes such as `Tag`; `Expected null` otherwise (Coral). */
function structure(value: unknown): RawInput {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)) return value as RawInput;
  if (Array.isArray(value)) throw new SerializationException('Start of list found where not expected');
  throw new SerializationException('Expected null');
}

function lengthRule(min: number, max: number, len: number): string | undefined {
  if (len < min) return `Member must have length greater than or equal to ${min}`;
  if (len > max) return `Member must have length less than or equal to ${max}`;
  return undefined;
}

function showItem(item: unknown): string {
  return typeof item === 'string' ? item : item === null || item === undefined ? 'null' : typeof item === 'object' ? '{}' : String(item);
}

/** The violations of one request. Nothing is allocated until there is one. */
class Violations {
  list: string[] | undefined;
  /** Whether enum values offered only in the China Regions (SM2) are left out: a request of another region. */
  readonly outsideChina: boolean;

  constructor(region: string | undefined) {
    this.outsideChina = region !== undefined && !region.startsWith('cn-');
  }

  /** The values of an enum as the request's region offers them (ENUM-CN). */
  offered(values: readonly string[]): readonly string[] {
    return this.outsideChina && values.some((x) => CHINA_ONLY_VALUES.has(x)) ? values.filter((x) => !CHINA_ONLY_VALUES.has(x)) : values;
  }

  /**
   * Records `Value '<shown>' at '<path>' failed to satisfy constraint: <rule>`;
   * `null` shows `Value null`, `undefined` (a sensitive member) just `Value`.
   */
  fail(shown: string | null | undefined, path: string, rule: string): void {
    const value = shown === null ? 'Value null' : shown === undefined ? 'Value' : `Value '${shown}'`;
    (this.list ??= []).push(`${value} at '${path}' failed to satisfy constraint: ${rule}`);
  }

  missing(path: string): void {
    this.fail(null, path, 'Member must not be null');
  }
}

/**
 * The request `raw` of operation `op`, checked against its model entry:
 * members in the model's order, strings given for blobs taken as UTF-8,
 * timestamps as epoch milliseconds, defaults filled in. With the request's
 * `region`, enums offer what AWS offers there (`SM2` only in China Regions).
 * @throws SerializationException at the first member of the wrong type
 * @throws ValidationException listing every constraint violation
 * @example
 * const { KeyId, GrantTokens } = readInput(DescribeKey, this.input);
 */
export function readInput<S extends Members>(op: Operation<S>, raw: unknown, region?: string): Input<S> {
  const v = new Violations(region);
  const out = readMembers(op.input, asInput(raw), '', v);
  if (v.list !== undefined) {
    const n = v.list.length;
    throw new ValidationException(`${n} validation error${n === 1 ? '' : 's'} detected: ${v.list.join('; ')}`);
  }
  return out as Input<S>;
}

function readMembers(members: Members, input: RawInput, prefix: string, v: Violations): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(members)) {
    const m = members[name]!;
    const path = prefix + pathOf(name);
    const value = member(input, name);
    let result: unknown;
    if (value === undefined) {
      if (m.required === true) v.missing(path);
    } else result = readValue(m, value, path, v);
    if (result === undefined && 'default' in m) result = m.default;
    out[name] = result;
  }
  return out;
}

/** One present (non-null) value as member `m`; `undefined` where it is not usable (a violation was recorded). */
function readValue(m: Member, value: unknown, path: string, v: Violations): unknown {
  switch (m.kind) {
    case 'string': {
      if (typeof value !== 'string') throw mismatch(value, 'a String');
      const rule = lengthRule(m.min, m.max, value.length);
      if (rule !== undefined) v.fail(value, path, rule);
      if (m.pattern !== undefined && !m.pattern.test(value)) {
        v.fail(value, path, `Member must satisfy regular expression pattern: ${m.patternText ?? m.pattern.source}`);
      }
      return value;
    }
    case 'blob': {
      let bytes: Uint8Array;
      if (value instanceof Uint8Array) bytes = value;
      else if (typeof value === 'string') bytes = encoder.encode(value);
      else throw mismatch(value, 'a Blob');
      const rule = lengthRule(m.min, m.max, bytes.length);
      if (rule !== undefined) {
        // Sensitive members leave the value out; others show it the way Coral
        // prints a Java ByteBuffer (recorded for Decrypt and Rekognition: SER-2).
        const n = bytes.length;
        v.fail(m.sensitive === true ? undefined : `java.nio.HeapByteBuffer[pos=0 lim=${n} cap=${n}]`, path, rule);
      }
      return bytes;
    }
    case 'enum': {
      if (typeof value !== 'string') throw mismatch(value, 'a String');
      const values = v.offered(m.values);
      if (!values.includes(value)) {
        v.fail(value, path, `Member must satisfy enum value set: [${values.join(', ')}]`);
        return undefined;
      }
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw mismatch(value, 'a Boolean');
      return value;
    case 'integer': {
      if (typeof value !== 'number') throw mismatch(value, 'an Integer');
      // A fractional JSON number is truncated, as Coral does (recorded for Athena: 1.5 reads as 1; SER-1).
      const n = Number.isNaN(value) ? m.min - 1 : Math.trunc(value);
      if (n < m.min) v.fail(String(n), path, `Member must have value greater than or equal to ${m.min}`);
      else if (n > m.max) v.fail(String(n), path, `Member must have value less than or equal to ${m.max}`);
      return n;
    }
    case 'timestamp':
      // The endpoint's codec turns epoch seconds into a Date; an invalid Date is no timestamp either.
      if (value instanceof Date) {
        const ms = value.getTime();
        if (!Number.isNaN(ms)) return ms;
        throw new SerializationException('VALUE can not be converted to a Timestamp');
      }
      throw mismatch(value, 'a Timestamp');
    case 'list':
      return readList(m, value, path, v);
    case 'structure':
      return readMembers(m.members, structure(value), `${path}.`, v);
    case 'map': {
      const map = structure(value);
      for (const item of Object.values(map)) if (typeof item !== 'string') throw mismatch(item, 'a String');
      return map;
    }
  }
}

function readList(m: Extract<Member, { kind: 'list' }>, value: unknown, path: string, v: Violations): unknown[] | undefined {
  if (!Array.isArray(value)) {
    if (typeof value === 'object') throw new SerializationException('Start of structure or map found where not expected.');
    throw new SerializationException('Expected list or null');
  }
  const item = m.item;
  const rule = lengthRule(m.min, m.max, value.length);
  if (rule !== undefined) v.fail(item.kind === 'blob' && item.sensitive === true ? undefined : `[${value.map(showItem).join(', ')}]`, path, rule);
  if (item.kind === 'enum') return readEnumList(v.offered(item.values), value, path, v);
  const out: unknown[] = [];
  for (let i = 0; i < value.length; i++) {
    const x = value[i];
    const itemPath = `${path}.${i + 1}.member`;
    if (x === undefined || x === null) {
      v.missing(itemPath);
      continue;
    }
    const read = readValue(item, x, itemPath, v);
    if (read !== undefined) out.push(read);
  }
  return out;
}

/**
 * A list of enum values. A value outside the set is reported the way the
 * framework reports list members, once for the whole list:
 * `Member must satisfy constraint: [Member must satisfy enum value set: [...]]`.
 */
function readEnumList(values: readonly string[], list: unknown[], path: string, v: Violations): string[] | undefined {
  let bad = false;
  for (const x of list) {
    if (typeof x === 'string') bad ||= !values.includes(x);
    else if (x === null || x === undefined) bad = true;
    else throw mismatch(x, 'a String');
  }
  if (!bad) return list.slice() as string[];
  const shown = `[${list.map((x) => (typeof x === 'string' ? x : 'null')).join(', ')}]`;
  v.fail(shown, path, `Member must satisfy constraint: [Member must satisfy enum value set: [${values.join(', ')}]]`);
  return undefined;
}
