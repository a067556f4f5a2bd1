/**
 * The CLI's arguments: `--name value` words to a request of an operation, by
 * the operation's entry in the model table, with the AWS CLI's conventions
 * and error texts (`argument --x: expected one argument`, `Unknown options:
 * --x`, `the following arguments are required: --x`).
 *
 * How a member is given depends on its type: a boolean is a flag
 * (`--dry-run`, `--no-dry-run`); a list of strings takes several words
 * (`--grant-tokens a b`); structures and maps take JSON (tags also
 * `TagKey=k,TagValue=v`); a blob is base64 or `fileb://<path>` (text blobs
 * such as `--message` are UTF-8 text); a timestamp is ISO 8601 or epoch
 * seconds; an integer is digits.
 */
import { readFileSync } from 'node:fs';
import { fromBase64 } from '../engine/index.js';
import type { Member, Operation } from '../kms/model/shape.js';

/** A usage mistake: exit code 252, the message after `wasmac: error: `. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Options with values and flags, by option name (without `--`). */
export interface Parsed {
  options: Map<string, string[]>;
  flags: Map<string, boolean>;
}

/** `GenerateMac` -> `generate-mac`, `KeyId` -> `key-id`. */
export function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** `--name value`, `--name=value`, `--flag`, and lists `--name a b c`. */
export function parseArgs(args: readonly string[]): Parsed {
  const options = new Map<string, string[]>();
  const flags = new Map<string, boolean>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`Unknown argument: ${arg}`);
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    if (name === '') throw new UsageError(`Unknown argument: ${arg}`);
    if (eq >= 0) {
      options.set(name, [arg.slice(eq + 1)]);
      continue;
    }
    const values: string[] = [];
    while (i + 1 < args.length && !args[i + 1]!.startsWith('--')) values.push(args[++i]!);
    if (values.length === 0) flags.set(name, true);
    else options.set(name, values);
  }
  return { options, flags };
}

/** The one value of option `name`, or undefined when absent. */
export function single(parsed: Parsed, name: string): string | undefined {
  const v = parsed.options.get(name);
  if (v === undefined) {
    if (parsed.flags.has(name)) throw new UsageError(`argument --${name}: expected one argument`);
    return undefined;
  }
  if (v.length !== 1) throw new UsageError(`argument --${name}: expected one argument, got ${v.length}`);
  return v[0];
}

/** Option `name` with its value(s) or as a flag: taken out of `parsed`, so that what is left are the operation's members. */
export function take(parsed: Parsed, name: string): string | undefined {
  const v = single(parsed, name);
  parsed.options.delete(name);
  return v;
}

/** Flag `name`, taken out of `parsed`; a value is a usage error. */
export function takeFlag(parsed: Parsed, name: string): boolean {
  if (parsed.options.has(name)) throw new UsageError(`argument --${name}: takes no value`);
  const on = parsed.flags.get(name) === true;
  parsed.flags.delete(name);
  return on;
}

function readFileArg(path: string, name: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new UsageError(`Error parsing parameter '--${name}': Unable to load paramfile ${path}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
}

function blobArg(m: Extract<Member, { kind: 'blob' }>, name: string, value: string): Uint8Array {
  if (value.startsWith('fileb://')) return new Uint8Array(readFileArg(value.slice(8), name));
  const text = value.startsWith('file://') ? readFileArg(value.slice(7), name).toString('utf8') : value;
  if (m.text === true) return new TextEncoder().encode(text);
  try {
    return fromBase64(text);
  } catch {
    throw new UsageError(`Error parsing parameter '--${name}': expected base64 or fileb://<path>`);
  }
}

function jsonArg(values: readonly string[], name: string): unknown {
  try {
    return JSON.parse(values.join(' '));
  } catch {
    throw new UsageError(`Error parsing parameter '--${name}': Invalid JSON`);
  }
}

/** `TagKey=k,TagValue=v` words (the AWS CLI's shorthand for a list of structures), or JSON. */
function shorthandArg(values: readonly string[], name: string): unknown {
  if (values.length === 1 && /^\s*[[{]/.test(values[0]!)) return jsonArg(values, name);
  return values.map((v) => {
    const item: Record<string, string> = {};
    for (const part of v.split(',')) {
      const eq = part.indexOf('=');
      if (eq < 0) throw new UsageError(`Error parsing parameter '--${name}': expected Name=value,Name=value or JSON`);
      item[part.slice(0, eq)] = part.slice(eq + 1);
    }
    return item;
  });
}

/** The value of member `m` from the words of option `--name`. */
function valueOf(m: Member, name: string, parsed: Parsed): unknown {
  const values = parsed.options.get(name);
  if (values === undefined) throw new UsageError(`argument --${name}: expected ${m.kind === 'list' ? 'at least ' : ''}one argument`);
  switch (m.kind) {
    case 'list':
      if (m.item.kind === 'structure') return shorthandArg(values, name);
      if (m.item.kind === 'blob') return values.map((v) => blobArg(m.item as Extract<Member, { kind: 'blob' }>, name, v));
      return values;
    case 'structure':
    case 'map':
      return jsonArg(values, name);
    default:
      break;
  }
  const v = single(parsed, name)!;
  switch (m.kind) {
    case 'blob':
      return blobArg(m, name, v);
    case 'integer':
      if (!/^-?\d+$/.test(v)) throw new UsageError(`argument --${name}: invalid int value: '${v}'`);
      return Number(v);
    case 'timestamp': {
      const ms = /^\d+(\.\d+)?$/.test(v) ? Number(v) * 1000 : Date.parse(v);
      if (Number.isNaN(ms)) throw new UsageError(`argument --${name}: not a timestamp (ISO 8601 or epoch seconds): '${v}'`);
      return new Date(ms);
    }
    default:
      return v;
  }
}

/**
 * The request of `op` from what is left of `parsed`: every option must name
 * one of its members, every required member must be there. The facade then
 * checks the values themselves, as it does for any caller.
 */
export function requestOf(op: Operation, parsed: Parsed): Record<string, unknown> {
  const byOption = new Map(Object.entries(op.input).map(([member, m]) => [kebab(member), { member, m }]));
  const input: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const name of new Set([...parsed.options.keys(), ...parsed.flags.keys()])) {
    const negated = name.startsWith('no-') && parsed.flags.has(name) ? byOption.get(name.slice(3)) : undefined;
    if (negated !== undefined && negated.m.kind === 'boolean') {
      input[negated.member] = false;
      continue;
    }
    const known = byOption.get(name);
    if (known === undefined) {
      unknown.push(`--${name}`);
      continue;
    }
    if (known.m.kind === 'boolean') {
      if (!parsed.flags.has(name)) throw new UsageError(`argument --${name}: a flag takes no value (--${name} | --no-${name})`);
      input[known.member] = true;
    } else input[known.member] = valueOf(known.m, name, parsed);
  }
  if (unknown.length > 0) throw new UsageError(`Unknown options: ${unknown.join(', ')}`);
  const missing = Object.entries(op.input)
    .filter(([member, m]) => m.required === true && input[member] === undefined)
    .map(([member]) => `--${kebab(member)}`);
  if (missing.length > 0) throw new UsageError(`the following arguments are required: ${missing.join(', ')}`);
  return input;
}
