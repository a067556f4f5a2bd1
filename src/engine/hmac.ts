/**
 * HMAC (RFC 2104, FIPS 198-1) over the SHA-2 core.
 *
 * An `HmacKey` runs the key through the pads once: the core compresses
 * K0 ^ ipad and K0 ^ opad from the IV and the key keeps the two resulting
 * states (its "pads"). Each MAC then resumes from them: for a message that
 * fits the input window that is one call into the core, and the key itself
 * is never touched again.
 *
 * Under the `node` entry (Node, Deno, Bun) a key also has a native half, a
 * node:crypto KeyObject, and messages from the measured break-even length up
 * go to it instead (native.ts): OpenSSL with SHA instructions is faster there.
 * The tag is the same RFC 2104 HMAC either way. The native half is made on
 * the first such message, not in the constructor: making it loads node:crypto
 * and OpenSSL's key, milliseconds that a key which only MACs short messages
 * (the common case, and a cold start's first MAC) never needs.
 */
import { activateKey, adoptKey, evictContext, forgetKey, getCore, type KeyOwner } from './core.js';
import { algorithmId, aoutput, copyDigest, createHash, outputLength, StreamingHasher, type HashName, type Hasher } from './hash.js';
import { feed, stage } from './input.js';
import { nativeFrom, nativeProvider, type NativeKey } from './native.js';
import { abytes, abytesOrString, timingSafeEqual, utf8, type Bytes } from './utils.js';

/**
 * Computes `owner`'s pad states from `key` in the core (leaving them active)
 * and returns a copy of them. Keys longer than the input window are hashed
 * here first, which is what RFC 2104 does to any key longer than a block.
 */
function derivePads(owner: KeyOwner, alg: number, hash: HashName, key: Uint8Array): Uint8Array {
  const c = getCore();
  let k = key;
  if (key.length > c.INPUT_SIZE) {
    k = createHash(hash).update(key).digest();
    // The hash went through the input window a window at a time and left its
    // digest (K0, as good as the key) at OUT: wipe both.
    c.input.fill(0);
    c.mem.fill(0, c.OUT, c.OUT + k.length);
  }
  evictContext();
  c.input.set(k);
  c.exports.hmacSetKey(alg, k.length);
  c.input.fill(0, 0, k.length);
  if (k !== key) k.fill(0);
  adoptKey(owner);
  return c.mem.slice(c.KEY, c.KEY + c.KEY_SIZE);
}

/** A key's pad states, for {@link HmacHasher}; set by HmacKey's static block. */
let padsOf: (key: HmacKey) => Uint8Array;

/** Set while `hmac()` makes its one-use key: that key never goes native, so it needs no native half. */
let coreOnly = false;

/** Where each message of the batch group in the core came from (its index in the batch). */
let slots = new Int32Array(0);

/**
 * A reusable HMAC key: the pad states are computed once, here, and every
 * `mac` resumes from them. Under the `node` entry, long messages go to
 * node:crypto (see {@link backend}).
 * @example
 * const key = new HmacKey('sha256', fromHex('000102...1f'));
 * const tag = key.mac('Hello World');
 * key.verify('Hello World', tag); // true
 */
export class HmacKey {
  /** The hash this key MACs with. */
  readonly hash: HashName;
  /** Tag length in bytes: 28, 32, 48 or 64. */
  readonly outputLen: number;
  readonly #alg: number;
  #pads: Uint8Array;
  /** The native half once made; null if there is none (no provider, refused, destroyed). */
  #native: NativeKey | null = null;
  /** A copy of the key until the native half is made from it; null once it is, or if none will be. */
  #material: Uint8Array | null;
  #destroyed = false;

  constructor(hash: HashName, key: Uint8Array) {
    this.#alg = algorithmId(hash);
    abytes(key, 'key');
    this.hash = hash;
    this.outputLen = outputLength(this.#alg);
    this.#pads = derivePads(this, this.#alg, hash, key);
    // A copy made by the constructor: `key.slice()` of a Node Buffer is a view of the caller's
    // memory, which the wipes below would zero (and a later change to it would reach the native half).
    this.#material = coreOnly || nativeProvider() === null ? null : new Uint8Array(key);
  }

  /** The native half, made (and the copy of the key wiped) on first use; null if there is none. */
  #nativeKey(): NativeKey | null {
    const material = this.#material;
    if (material !== null) {
      this.#material = null;
      this.#native = nativeProvider()?.key(this.hash, material) ?? null;
      material.fill(0);
    }
    return this.#native;
  }

  /** Whether this key may go native at all (a provider was installed when it was made, and it was not refused). */
  get #mayGoNative(): boolean {
    return this.#material !== null || this.#native !== null;
  }

  /**
   * Where native routing starts for this key, in bytes (Infinity: never);
   * a subclass may move it (AcceleratedHmacKey's `nativeFrom`).
   */
  protected get nativeFrom(): number {
    return nativeFrom.hmac[this.#alg]!;
  }

  static {
    // The streaming HMAC below activates a key it holds; nothing outside
    // this module can read the pads (they are as good as the key).
    padsOf = (key) => key.#pads;
  }

  #check(): void {
    if (this.#destroyed) throw new Error('HmacKey was destroyed');
  }

  /** Runs the MAC of `message` in the core; the tag is at OUT. */
  #run(message: Bytes): void {
    this.#check();
    abytesOrString(message, 'message');
    const c = getCore();
    evictContext();
    activateKey(this, this.#pads);
    const len = stage(c, message);
    if (len >= 0) {
      c.exports.hmac(len);
      return;
    }
    c.exports.hmacInit();
    feed(c, message, c.exports.hashUpdate);
    c.exports.hmacFinal();
  }

  /**
   * The native tag of `message` if it is long enough to go native, else null.
   * A string's length in UTF-16 units is a lower bound of its UTF-8 length:
   * a string of mostly multi-byte characters stays in the core somewhat past
   * the break-even, which costs little there.
   */
  #nativeMac(message: Bytes): Uint8Array | null {
    return this.#nativeFor(message)?.mac(message) ?? null;
  }

  /** The native half if `message` is long enough to go native, else null. */
  #nativeFor(message: Bytes): NativeKey | null {
    if (!this.#mayGoNative) return null; // also after destroy(): the core path says so
    abytesOrString(message, 'message');
    if (message.length < this.nativeFrom) return null;
    return this.#nativeKey();
  }

  /** The tag of `message` (a string is UTF-8 encoded), as a fresh array. */
  mac(message: Bytes): Uint8Array {
    const tag = this.#nativeMac(message);
    if (tag !== null) return tag;
    this.#run(message);
    const c = getCore();
    return c.mem.slice(c.OUT, c.OUT + this.outputLen);
  }

  /** Writes the tag of `message` to the first `outputLen` bytes of `out`. */
  macInto(message: Bytes, out: Uint8Array): void {
    aoutput(out, this.outputLen);
    const native = this.#nativeFor(message);
    if (native !== null) {
      native.macInto(message, out, 0);
      return;
    }
    this.#run(message);
    copyDigest(out, this.outputLen);
  }

  /**
   * Whether `tag` is the full-length tag of `message`, compared in constant
   * time. Truncated or overlong tags are `false`.
   */
  verify(message: Bytes, tag: Uint8Array): boolean {
    abytes(tag, 'tag');
    const computed = this.#nativeMac(message);
    if (computed !== null) return timingSafeEqual(computed, tag);
    this.#run(message);
    const c = getCore();
    return timingSafeEqual(c.mem.subarray(c.OUT, c.OUT + this.outputLen), tag);
  }

  /**
   * Tags of many messages under this key, in as few calls into the core as the
   * input window allows; on the SIMD build SHA-256 runs four messages at a
   * time and SHA-512 two. Each tag is a fresh array (views of one new buffer).
   * Messages may be bytes or strings (UTF-8 encoded), as everywhere else.
   * @example const tags = key.macBatch(['a', 'b', new Uint8Array([1, 2])]);
   */
  macBatch(messages: Bytes[]): Uint8Array[] {
    const n = this.outputLen;
    const buffer = new ArrayBuffer(this.#batchLength(messages) * n);
    this.#batch(messages, new Uint8Array(buffer));
    // Views made by the constructor, not subarray(): subarray looks up the
    // species constructor each time, which costs more than the MAC here.
    const tags = new Array<Uint8Array>(messages.length);
    for (let i = 0; i < messages.length; i++) tags[i] = new Uint8Array(buffer, i * n, n);
    return tags;
  }

  /** Writes the tags of `messages` end to end into `out` (at least `messages.length * outputLen` bytes). */
  macBatchInto(messages: Bytes[], out: Uint8Array): void {
    aoutput(out, this.#batchLength(messages) * this.outputLen);
    this.#batch(messages, out);
  }

  /** For each message, whether its tag is the full-length tag, compared in constant time. */
  verifyBatch(messages: Bytes[], tags: Uint8Array[]): boolean[] {
    const count = this.#batchLength(messages);
    if (!Array.isArray(tags)) throw new TypeError('tags must be an Array of Uint8Array');
    if (tags.length !== count) throw new RangeError(`tags must have one tag per message (${count}), got ${tags.length}`);
    for (let i = 0; i < count; i++) {
      // The name is built only to throw: a template per element costs more than a short MAC.
      if (!(tags[i] instanceof Uint8Array)) abytes(tags[i], `tags[${i}]`);
    }
    const computed = this.macBatch(messages);
    return computed.map((tag, i) => timingSafeEqual(tag, tags[i]!));
  }

  /** Checks the batch and returns its length. */
  #batchLength(messages: Bytes[]): number {
    this.#check();
    if (!Array.isArray(messages)) throw new TypeError('messages must be an Array of Uint8Array or string');
    for (let i = 0; i < messages.length; i++) {
      // The name is built only to throw: a template per message costs more than a short MAC.
      const m = messages[i];
      if (typeof m !== 'string' && !(m instanceof Uint8Array)) abytesOrString(m, `messages[${i}]`);
    }
    return messages.length;
  }

  /**
   * Runs the batch: groups of messages that fill the input window go to the
   * core in one call each; a message larger than the window goes alone
   * through the streaming path, and under the `node` entry a message from the
   * batch break-even up goes to node:crypto. A group's tags come back end to
   * end and are copied out in one piece unless a message that went elsewhere
   * sits between them.
   */
  #batch(messages: Bytes[], out: Uint8Array): void {
    const c = getCore();
    const n = this.outputLen;
    const nativeFromBatch = this.#mayGoNative ? nativeFrom.batch[this.#alg]! : Infinity;
    evictContext();
    activateKey(this, this.#pads);
    if (slots.length < c.BATCH_MAX) slots = new Int32Array(c.BATCH_MAX);
    let first = 0;
    let count = 0;
    let used = 0;
    let scattered = false;
    const flush = (): void => {
      if (count === 0) return;
      c.exports.hmacBatch(count);
      if (!scattered) {
        out.set(c.mem.subarray(c.OUT, c.OUT + count * n), first * n);
      } else {
        for (let k = 0; k < count; k++) out.set(c.mem.subarray(c.OUT + k * n, c.OUT + (k + 1) * n), slots[k]! * n);
      }
      count = 0;
      used = 0;
      scattered = false;
    };
    for (let i = 0; i < messages.length; i++) {
      const message = messages[i]!;
      const native = message.length >= nativeFromBatch ? this.#nativeKey() : null;
      if (native !== null) {
        native.macInto(message, out, i * n);
        continue;
      }
      // A string is encoded first (its UTF-8 length decides where it goes).
      const m = utf8(message);
      if (m.length > c.INPUT_SIZE) {
        flush();
        this.#run(m);
        out.set(c.mem.subarray(c.OUT, c.OUT + n), i * n);
        continue;
      }
      if (used + m.length > c.INPUT_SIZE || count === c.BATCH_MAX) flush();
      if (count === 0) first = i;
      else scattered ||= slots[count - 1] !== i - 1;
      c.input.set(m, used);
      slots[count] = i;
      c.lens[count++] = m.length;
      used += m.length;
    }
    flush();
  }

  /** Wipes the pad states (here and in the core); the key cannot be used afterwards. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    forgetKey(this);
    this.#pads.fill(0);
    this.#material?.fill(0);
    this.#material = null;
    this.#native?.destroy();
    this.#native = null;
  }
}

/**
 * The tag of `message` under `key`, in one call.
 * @example toHex(hmac('sha256', key, 'Hello World'))
 */
export function hmac(hash: HashName, key: Uint8Array, message: Bytes): Uint8Array {
  const native = nativeProvider();
  if (native !== null) {
    const alg = algorithmId(hash);
    abytes(key, 'key');
    abytesOrString(message, 'message');
    if (message.length >= nativeFrom.hmac[alg]!) {
      const tag = native.hmac(hash, key, message);
      if (tag !== null) return tag;
    }
  }
  coreOnly = true;
  let k: HmacKey;
  try {
    k = new HmacKey(hash, key);
  } finally {
    coreOnly = false;
  }
  try {
    return k.mac(message);
  } finally {
    k.destroy();
  }
}

class HmacHasher extends StreamingHasher {
  readonly #key: HmacKey;

  constructor(hash: HashName, key: Uint8Array) {
    super(algorithmId(hash));
    this.#key = new HmacKey(hash, key);
    this.begin();
  }

  protected start(): void {
    activateKey(this.#key, padsOf(this.#key));
    getCore().exports.hmacInit();
  }

  protected finish(): void {
    activateKey(this.#key, padsOf(this.#key));
    getCore().exports.hmacFinal();
  }

  protected dispose(): void {
    this.#key.destroy();
  }
}

/**
 * A streaming HMAC, for messages that arrive in pieces.
 * @example
 * const h = createHmac('sha512', key);
 * for await (const chunk of stream) h.update(chunk);
 * const tag = h.digest();
 */
export function createHmac(hash: HashName, key: Uint8Array): Hasher {
  return new HmacHasher(hash, key);
}
