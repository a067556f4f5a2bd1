/**
 * SHA-224/256/384/512: one-shot functions and the streaming `Hasher`. Under
 * the `node` entry the one-shot functions send data from the break-even
 * length up to node:crypto (native.ts).
 */
import { claimContext, evictContext, getCore, isContextOwner, releaseContext, type ContextOwner } from './core.js';
import { feed, stage } from './input.js';
import { nativeFrom, nativeProvider } from './native.js';
import { abytes, abytesOrString, type Bytes } from './utils.js';

/** The hash functions of FIPS 180-4 that wasmac implements. */
export type HashName = 'sha224' | 'sha256' | 'sha384' | 'sha512';

const ALGS: Record<HashName, number> = { sha224: 0, sha256: 1, sha384: 2, sha512: 3 };
const HASH_NAMES = ['sha224', 'sha256', 'sha384', 'sha512'] as const;
const OUTPUT_LEN = [28, 32, 48, 64] as const;
const BLOCK_LEN = [64, 64, 128, 128] as const;

/** The core's id of `hash`; a TypeError listing the valid names otherwise. */
export function algorithmId(hash: unknown): number {
  if (typeof hash === 'string' && Object.hasOwn(ALGS, hash)) return ALGS[hash as HashName];
  throw new TypeError(`hash must be one of sha224, sha256, sha384, sha512, got ${typeof hash === 'string' ? `'${hash}'` : typeof hash}`);
}

export function outputLength(alg: number): number {
  return OUTPUT_LEN[alg]!;
}

export function blockLength(alg: number): number {
  return BLOCK_LEN[alg]!;
}

/** Throws unless `out` is a Uint8Array with room for `n` bytes. */
export function aoutput(out: unknown, n: number): asserts out is Uint8Array {
  abytes(out, 'out');
  if (out.length < n) throw new RangeError(`out must have room for ${n} bytes, got ${out.length}`);
}

/** Copies the `n`-byte digest at OUT into `out` (checked by {@link aoutput}). */
export function copyDigest(out: Uint8Array, n: number): void {
  const c = getCore();
  out.set(c.mem.subarray(c.OUT, c.OUT + n));
}

/** A streaming hash or HMAC: feed it with `update`, finish it once with `digest` or `digestInto`. */
export interface Hasher {
  /** Digest length in bytes. */
  readonly outputLen: number;
  /** Block length in bytes. */
  readonly blockLen: number;
  /** Absorbs `data` (a string is UTF-8 encoded); returns this hasher. */
  update(data: Bytes): Hasher;
  /** Finishes and returns the digest as a fresh array; the hasher cannot be used afterwards. */
  digest(): Uint8Array;
  /** Finishes and writes the digest to the first `outputLen` bytes of `out`. */
  digestInto(out: Uint8Array): void;
  /** Wipes the state; the hasher cannot be used afterwards. */
  destroy(): void;
}

/**
 * The streaming machinery shared by hashes and HMACs: holds the core's context
 * while in use and saves it to `saved` when another hasher needs the core.
 * Subclasses say how to finish.
 */
export abstract class StreamingHasher implements Hasher, ContextOwner {
  readonly outputLen: number;
  readonly blockLen: number;
  #saved: Uint8Array | null = null;
  #status: 'open' | 'finished' | 'destroyed' = 'open';

  constructor(alg: number) {
    this.outputLen = outputLength(alg);
    this.blockLen = blockLength(alg);
  }

  /** Starts the core's context for this hasher (it owns CTX when this returns). */
  protected abstract start(): void;
  /** Finishes the core's context; the digest is at OUT. */
  protected abstract finish(): void;
  /** Called when the hasher finishes or is destroyed. */
  protected abstract dispose(): void;

  protected begin(): void {
    evictContext();
    this.start();
    claimContext(this, null);
  }

  saveContext(): void {
    const c = getCore();
    this.#saved ??= new Uint8Array(c.CTX_SIZE);
    this.#saved.set(c.mem.subarray(c.CTX, c.CTX + c.CTX_SIZE));
  }

  #check(): void {
    if (this.#status === 'open') return;
    throw new Error(this.#status === 'finished'
      ? 'Hasher already finished: digest() was called; create a new hasher'
      : 'Hasher was destroyed; create a new hasher');
  }

  update(data: Bytes): this {
    this.#check();
    abytesOrString(data, 'data');
    const c = getCore();
    claimContext(this, this.#saved);
    const absorb = c.exports.hashUpdate;
    const len = stage(c, data);
    if (len >= 0) absorb(len);
    else feed(c, data, absorb);
    return this;
  }

  digest(): Uint8Array {
    this.#finishInCore();
    const c = getCore();
    return c.mem.slice(c.OUT, c.OUT + this.outputLen);
  }

  digestInto(out: Uint8Array): void {
    this.#check();
    aoutput(out, this.outputLen);
    this.#finishInCore();
    copyDigest(out, this.outputLen);
  }

  #finishInCore(): void {
    this.#check();
    claimContext(this, this.#saved);
    this.finish();
    this.#status = 'finished';
    this.#close();
  }

  destroy(): void {
    if (this.#status === 'destroyed') return;
    this.#status = 'destroyed';
    this.#close();
  }

  #close(): void {
    if (isContextOwner(this)) {
      const c = getCore();
      c.mem.fill(0, c.CTX, c.CTX + c.CTX_SIZE);
      releaseContext(this);
    }
    this.#saved?.fill(0);
    this.#saved = null;
    this.dispose();
  }
}

class Sha2Hasher extends StreamingHasher {
  readonly #alg: number;

  constructor(alg: number) {
    super(alg);
    this.#alg = alg;
    this.begin();
  }

  protected start(): void {
    getCore().exports.hashInit(this.#alg);
  }

  protected finish(): void {
    getCore().exports.hashFinal();
  }

  protected dispose(): void {}
}

/**
 * A streaming hash.
 * @example
 * const h = createHash('sha256');
 * h.update('Hello ').update('World');
 * toHex(h.digest());
 */
export function createHash(hash: HashName): Hasher {
  return new Sha2Hasher(algorithmId(hash));
}

/** Digest of `data` with the core's `alg`; a fresh array. */
function digestOf(alg: number, data: Bytes): Uint8Array {
  abytesOrString(data, 'data');
  if (data.length >= nativeFrom.hash[alg]!) return nativeProvider()!.hash(HASH_NAMES[alg]!, data);
  const c = getCore();
  evictContext();
  const len = stage(c, data);
  if (len >= 0) {
    c.exports.hash(alg, len);
    return c.mem.slice(c.OUT, c.OUT + outputLength(alg));
  }
  const h = new Sha2Hasher(alg);
  h.update(data);
  return h.digest();
}

/** SHA-224 of `data` (a string is UTF-8 encoded). @example toHex(sha224('abc')) */
export function sha224(data: Bytes): Uint8Array {
  return digestOf(0, data);
}

/** SHA-256 of `data` (a string is UTF-8 encoded). @example toHex(sha256('abc')) */
export function sha256(data: Bytes): Uint8Array {
  return digestOf(1, data);
}

/** SHA-384 of `data` (a string is UTF-8 encoded). @example toHex(sha384('abc')) */
export function sha384(data: Bytes): Uint8Array {
  return digestOf(2, data);
}

/** SHA-512 of `data` (a string is UTF-8 encoded). @example toHex(sha512('abc')) */
export function sha512(data: Bytes): Uint8Array {
  return digestOf(3, data);
}
