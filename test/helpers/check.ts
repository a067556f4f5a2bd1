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

  /** Records a failure unless `fn` throws. */
  throws(label: string, fn: () => unknown): void {
    this.#checked++;
    try {
      fn();
    } catch {
      return;
    }
    this.#failures.push(`${label}: did not throw`);
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

/** Asserts that `fn` throws an instance of `type` whose message matches `message`. */
export function throwsWith(fn: () => unknown, type: ErrorClass, message?: RegExp): void {
  let error: unknown;
  let threw = false;
  try {
    fn();
  } catch (e) {
    threw = true;
    error = e;
  }
  if (!threw) assert.unreachable(`expected a ${type.name}${message ? ` matching ${message}` : ''}, nothing was thrown`);
  if (!(error instanceof type)) assert.unreachable(`expected a ${type.name}, got ${String(error)}`);
  if (message !== undefined && !message.test((error as Error).message)) {
    assert.unreachable(`expected a ${type.name} matching ${message}, got "${(error as Error).message}"`);
  }
}
