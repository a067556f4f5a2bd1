/**
 * The vocabulary of the model table: what a member of a request can be, with
 * the constraints AWS's request framework checks (required, length or value
 * bounds, pattern, enum), and the types a validated request has.
 *
 * A member's constraints are data here; `validate.ts` checks a request
 * against them, `wire/codec.ts` decodes blobs and timestamps by them, the
 * CLI builds its options from them (and its help with the lines of
 * `help.ts`, kept apart so that runtimes that never print help do not
 * carry it). Paths in violation messages are
 * the member name in lower camel case (`KeyId` -> `keyId`), as AWS prints
 * them; list items add `.<n>.member` (1-based).
 */
import type * as Errors from '../errors.js';

interface Common {
  /** A request without it gets `Member must not be null`. */
  readonly required?: boolean;
}

/** A string with length bounds and an optional pattern. */
export interface StringMember extends Common {
  readonly kind: 'string';
  readonly min: number;
  readonly max: number;
  readonly pattern?: RegExp;
  /** The pattern as AWS prints it in the violation, where that differs from `pattern.source`. */
  readonly patternText?: string;
}

/**
 * Bytes: base64 on the wire, `Uint8Array` (or a string, taken as UTF-8, as
 * the SDK allows) in process.
 */
export interface BlobMember extends Common {
  readonly kind: 'blob';
  readonly min: number;
  readonly max: number;
  /** Never shown: violations print `Value at ...` without the value, and nothing logs it. */
  readonly sensitive?: boolean;
  /** Usually text: the CLI takes its value as UTF-8 text rather than base64. */
  readonly text?: boolean;
}

/** One of a fixed set of strings. */
export interface EnumMember<T extends string = string> extends Common {
  readonly kind: 'enum';
  /** Every value, in the order AWS lists them in `Member must satisfy enum value set: [...]`. */
  readonly values: readonly T[];
  readonly default?: T;
}

export interface BooleanMember extends Common {
  readonly kind: 'boolean';
  readonly default?: boolean;
}

/** A whole number (a fractional JSON number is truncated, as AWS's framework does). */
export interface IntegerMember extends Common {
  readonly kind: 'integer';
  readonly min: number;
  readonly max: number;
  readonly default?: number;
}

/** A point in time: epoch seconds on the wire, a `Date` in process, epoch milliseconds once validated. */
export interface TimestampMember extends Common {
  readonly kind: 'timestamp';
}

/** A list with item-count bounds; each item is checked as `item` at `<path>.<n>.member`. */
export interface ListMember<I extends Item = Item> extends Common {
  readonly kind: 'list';
  readonly item: I;
  readonly min: number;
  readonly max: number;
}

/** A nested structure (a `Tag`, `GrantConstraints`). */
export interface StructureMember<S extends Members = Members> extends Common {
  readonly kind: 'structure';
  readonly members: S;
}

/** A string-to-string map (an encryption context). */
export interface MapMember extends Common {
  readonly kind: 'map';
}

export type Member = StringMember | BlobMember | EnumMember | BooleanMember | IntegerMember | TimestampMember | ListMember | StructureMember | MapMember;
/** What a list may hold. */
export type Item = StringMember | BlobMember | EnumMember | StructureMember;
/** Members by their wire name, in AWS's model order (the order violations are listed in). */
export type Members = { readonly [name: string]: Member };

/** The value of a member once validated. */
export type Value<M> = M extends { kind: 'string' }
  ? string
  : M extends { kind: 'blob' }
    ? Uint8Array
    : M extends EnumMember<infer T>
      ? T
      : M extends { kind: 'boolean' }
        ? boolean
        : M extends { kind: 'integer' }
          ? number
          : M extends { kind: 'timestamp' }
            ? number
            : M extends ListMember<infer I>
              ? Value<I>[]
              : M extends StructureMember<infer S>
                ? Input<S>
                : M extends { kind: 'map' }
                  ? Record<string, string>
                  : never;

/** A validated request: required members and members with a default are always there. */
export type Input<S extends Members> = {
  -readonly [K in keyof S]: S[K] extends { required: true } | { default: unknown } ? Value<S[K]> : Value<S[K]> | undefined;
};

/** `M`, required. */
export function required<M extends Member>(m: M): M & { readonly required: true } {
  return { ...m, required: true };
}

/** `M` with a default, applied when the request leaves the member out. */
export function withDefault<M extends EnumMember | IntegerMember | BooleanMember>(m: M, value: NonNullable<M['default']>): M & { readonly default: NonNullable<M['default']> } {
  return { ...m, default: value };
}

/** The path AWS prints for member `name`: its lower camel case. */
export function pathOf(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** A string member of `min`-`max` characters, optionally matching `pattern`. */
export function string(min: number, max: number, pattern?: RegExp, patternText?: string): StringMember {
  const m: { -readonly [K in keyof StringMember]: StringMember[K] } = { kind: 'string', min, max };
  if (pattern !== undefined) m.pattern = pattern;
  if (patternText !== undefined) m.patternText = patternText;
  return m;
}

/** A blob member of `min`-`max` bytes. */
export function blob(min: number, max: number, flags: { sensitive?: boolean; text?: boolean } = {}): BlobMember {
  return { kind: 'blob', min, max, ...flags };
}

/** An enum member; `values` in AWS's listed order. */
export function enumeration<T extends string>(values: readonly T[]): EnumMember<T> {
  return { kind: 'enum', values };
}

export function boolean(): BooleanMember {
  return { kind: 'boolean' };
}

export function integer(min: number, max: number): IntegerMember {
  return { kind: 'integer', min, max };
}

export function timestamp(): TimestampMember {
  return { kind: 'timestamp' };
}

/** A list of `min`-`max` items. */
export function list<I extends Item>(item: I, min: number, max: number): ListMember<I> {
  return { kind: 'list', item, min, max };
}

export function structure<S extends Members>(members: S): StructureMember<S> {
  return { kind: 'structure', members };
}

export function map(): MapMember {
  return { kind: 'map' };
}

/** The names of the facade's exception classes (`errors.ts`), checked by the compiler. */
export type ExceptionName = {
  [K in keyof typeof Errors]: (typeof Errors)[K] extends abstract new (...args: never[]) => Errors.KMSServiceException ? K : never;
}[keyof typeof Errors];

/** What an output member is, for help texts and the docs (outputs are encoded by their runtime types). */
export type OutputKind = 'string' | 'blob' | 'enum' | 'boolean' | 'integer' | 'timestamp' | 'list' | 'structure';

/** One operation of the table (what it returns and throws is in `outcomes.ts`). */
export interface Operation<S extends Members = Members> {
  /** The `X-Amz-Target` suffix (`GenerateMac`); the command class is `<name>Command`. */
  readonly name: string;
  /** Request members, in AWS's model order (the order violations are listed in). */
  readonly input: S;
  /** A wasmac extension, not part of the AWS KMS API: the endpoint and the CLI do not offer it. */
  readonly extension?: boolean;
}
