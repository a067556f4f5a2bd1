/**
 * Assertions the suites share: node:crypto as the reference, mismatch lists
 * that report every failing case at once, and error checks by type and message.
 */
import { Buffer } from 'node:buffer';
import { createHash as nodeCreateHash, createHmac as nodeCreateHmac } from 'node:crypto';
import * as assert from 'uvu/assert';
import type { HashName } from '../../src/index.js';

/** Lower-case hex via node's Buffer, so that reports do not depend on the engine's `toHex`. */
export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex');
}

/** The digest of `data` by node:crypto (OpenSSL). */
export function nodeHash(hash: HashName, data: Uint8Array): Uint8Array {
  return nodeCreateHash(hash).update(data).digest();
}

/** The HMAC of `data` under `key` by node:crypto (OpenSSL). */
export function nodeHmac(hash: HashName, key: Uint8Array, data: Uint8Array): Uint8Array {
  return nodeCreateHmac(hash, key).update(data).digest();
}

/**
 * Collects failing cases of a data-driven loop so that one test reports all of
 * them (the first few in full) rather than stopping at the first.
 */
export class Mismatches {
  readonly #failures: string[] = [];
  #checked = 0;

  /** Records a failure unless `got` equals `want` byte for byte. */
  bytes(label: string, got: Uint8Array, want: Uint8Array): void {
    this.#checked++;
    const g = hex(got);
    const w = hex(want);
    if (g !== w) this.#failures.push(`${label}: got ${g}, want ${w}`);
  }

  /** Records a failure unless `ok`. */
  that(label: string, ok: boolean): void {
    this.#checked++;
    if (!ok) this.#failures.push(label);
  }

  /** Records a failure unless `fn` throws a `type` (default: any Error) whose message matches `message`. */
  throws(label: string, fn: () => unknown, type: ErrorClass = Error, message?: RegExp): void {
    this.#checked++;
    const problem = throwProblem(fn, type, message);
    if (problem !== null) this.#failures.push(`${label}: ${problem}`);
  }

  /** Fails the test if anything was recorded (listing the first few); also fails if nothing was checked. */
  assertNone(): void {
    assert.ok(this.#checked > 0, 'no cases were checked');
    const n = this.#failures.length;
    if (n === 0) return;
    assert.equal(this.#failures.slice(0, 8), [], `${n} of ${this.#checked} checks failed${n > 8 ? ' (first 8 listed)' : ''}`);
  }
}

type ErrorClass = new (...args: never[]) => Error;

/** What is wrong with how `fn` throws, or null if it throws a `type` whose message matches `message`. */
function throwProblem(fn: () => unknown, type: ErrorClass, message?: RegExp): string | null {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof type)) return `expected a ${type.name}, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
    if (message !== undefined && !message.test(e.message)) return `expected a ${type.name} matching ${message}, got "${e.message}"`;
    return null;
  }
  return `expected a ${type.name}${message ? ` matching ${message}` : ''}, nothing was thrown`;
}

/** Asserts that `fn` throws an instance of `type` whose message matches `message`. */
export function throwsWith(fn: () => unknown, type: ErrorClass, message?: RegExp): void {
  const problem = throwProblem(fn, type, message);
  if (problem !== null) assert.unreachable(problem);
}

/**
 * Values that are neither a Uint8Array nor a string, labelled: what a caller
 * might pass by mistake. (Typed arrays other than Uint8Array are refused too.)
 */
export const NOT_BYTES: readonly (readonly [string, unknown])[] = [
  ['a number', 42],
  ['NaN', Number.NaN],
  ['a bigint', 1n],
  ['a boolean', true],
  ['null', null],
  ['undefined', undefined],
  ['a symbol', Symbol('x')],
  ['a function', () => new Uint8Array(4)],
  ['an array of numbers', [1, 2, 3]],
  ['an empty array', []],
  ['an object', { length: 4, 0: 1 }],
  ['a null-prototype object', Object.create(null) as object],
  ['an ArrayBuffer', new ArrayBuffer(8)],
  ['a DataView', new DataView(new ArrayBuffer(8))],
  ['a Uint16Array', new Uint16Array(4)],
  ['an Int8Array', new Int8Array(4)],
  ['a Uint8ClampedArray', new Uint8ClampedArray(4)],
];

/** `NOT_BYTES` plus a string: for arguments that must be bytes (keys, tags, output buffers). */
export const NOT_UINT8ARRAY: readonly (readonly [string, unknown])[] = [...NOT_BYTES, ['a string', 'abc']];

/**
 * A pattern for an error message that names the argument `name`: the name as
 * a word, or, for one-letter names, the name starting the message (so that
 * "got a number" does not count as naming `a`).
 */
export function names(name: string): RegExp {
  return name.length === 1 ? new RegExp(`^${name}\\b`) : new RegExp(`\\b${name}\\b`);
}
