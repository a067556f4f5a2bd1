/**
 * Routing long messages to a native, synchronous SHA-2 (node:crypto in Node,
 * Deno and Bun), and short ones to the Wasm core.
 *
 * Wasm has no SHA instructions; OpenSSL on a CPU with SHA-NI hashes a long
 * message several times faster than any portable core, but every call into it
 * pays a fixed cost that the one-call Wasm core does not. So each operation
 * has a break-even length: below it the core wins, from it on native does.
 * This module holds the table of those lengths and the provider, if any; it
 * imports nothing native itself. The `node` entry (`index.node.ts`) installs
 * node:crypto, so bundles for browsers and workerd never reference it.
 */
import type { HashName } from './hash.js';

/** The runtimes with a synchronous node:crypto. */
export type NativeRuntime = 'node' | 'deno' | 'bun';

/** A key held by the native side (a node:crypto `KeyObject` behind it). */
export interface NativeKey {
  /** The tag of `message` (a string is UTF-8 encoded). */
  mac(message: Uint8Array | string): Uint8Array;
  /** Writes the tag of `message` to `out` at `offset` (no array of its own in between). */
  macInto(message: Uint8Array | string, out: Uint8Array, offset: number): void;
  /** Wipes whatever copy of the key this side holds in JavaScript. */
  destroy(): void;
}

/** What the `node` entry installs: node:crypto behind three calls. */
export interface NativeProvider {
  readonly runtime: NativeRuntime;
  /** The digest of `data` (a string is UTF-8 encoded). */
  hash(hash: HashName, data: Uint8Array | string): Uint8Array;
  /** A native copy of `key`; null if the runtime cannot hold it (the core is used). */
  key(hash: HashName, key: Uint8Array): NativeKey | null;
  /** One tag with a key used once; null if the runtime refuses the key (the core is used). */
  hmac(hash: HashName, key: Uint8Array, message: Uint8Array | string): Uint8Array | null;
}

/** Break-even lengths in bytes for one runtime: messages this long or longer go native. */
export interface BreakEven {
  /** `HmacKey.mac`, `macInto`, `verify` and the `hmac()` function. */
  readonly hmac: Readonly<Record<HashName, number>>;
  /** `sha224()` .. `sha512()`. */
  readonly hash: Readonly<Record<HashName, number>>;
  /** A message of a batch: against the SIMD lanes, not against one-call Wasm. */
  readonly batch: Readonly<Record<HashName, number>>;
}

/**
 * The measured break-evens (`npm run bench` re-measures them on both sides
 * and reports any that moved), on x86-64 with SHA-NI: Node 20 (OpenSSL 3);
 * Deno 2, whose node:crypto costs several microseconds a call, so the core
 * wins up to kilobytes; Bun 1.x, whose native calls are cheap and whose Wasm
 * is slower: every SHA-256 MAC and every digest goes native there; HMAC-SHA-384
 * and -512 of short messages stay in the core (three runs on 2026-11-28: the
 * core 1.20-1.29x node:crypto at 32 B, about even at 256 B), and so do
 * batches of short messages.
 */
export const BREAK_EVEN: Readonly<Record<NativeRuntime, BreakEven>> = {
  node: {
    hmac: { sha224: 896, sha256: 896, sha384: 2048, sha512: 2048 },
    hash: { sha224: 320, sha256: 320, sha384: 768, sha512: 768 },
    batch: { sha224: 1536, sha256: 1536, sha384: 1792, sha512: 1792 },
  },
  deno: {
    hmac: { sha224: 2048, sha256: 2048, sha384: 16384, sha512: 16384 },
    hash: { sha224: 3072, sha256: 3072, sha384: 8192, sha512: 8192 },
    batch: { sha224: 24576, sha256: 24576, sha384: 24576, sha512: 24576 },
  },
  bun: {
    hmac: { sha224: 0, sha256: 0, sha384: 256, sha512: 256 },
    hash: { sha224: 0, sha256: 0, sha384: 0, sha512: 0 },
    batch: { sha224: 192, sha256: 192, sha384: 512, sha512: 512 },
  },
};

const ALG_NAMES = ['sha224', 'sha256', 'sha384', 'sha512'] as const;
const NEVER = [Infinity, Infinity, Infinity, Infinity] as const;

let provider: NativeProvider | null = null;
let enabled = true;

/**
 * The current thresholds by the core's algorithm id (0..3); Infinity where
 * nothing goes native. Read on every call, so they are plain arrays.
 */
export const nativeFrom = { hmac: [...NEVER], hash: [...NEVER], batch: [...NEVER] };

function refresh(): void {
  const table = provider !== null && enabled ? BREAK_EVEN[provider.runtime] : null;
  for (let alg = 0; alg < 4; alg++) {
    const name = ALG_NAMES[alg]!;
    nativeFrom.hmac[alg] = table?.hmac[name] ?? Infinity;
    nativeFrom.hash[alg] = table?.hash[name] ?? Infinity;
    nativeFrom.batch[alg] = table?.batch[name] ?? Infinity;
  }
}

/** Called once by the `node` entry. */
export function installNative(p: NativeProvider): void {
  provider = p;
  refresh();
}

/** The installed provider, whether or not routing is on (a key made while one is installed may go native later). */
export function nativeProvider(): NativeProvider | null {
  return provider;
}

/** Turns routing on or off (`useBackend('wasm')` turns it off). */
export function setNativeRouting(on: boolean): void {
  enabled = on;
  refresh();
}

/** Whether long messages go native right now. */
export function nativeRouting(): boolean {
  return provider !== null && enabled;
}

/** The runtime whose break-evens apply, if a provider is installed. */
export function nativeRuntime(): NativeRuntime | null {
  return provider?.runtime ?? null;
}
