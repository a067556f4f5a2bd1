/**
 * The one instance of the Wasm core and the bookkeeping of its shared regions.
 *
 * The core has one streaming context (CTX) and one active HMAC key (KEY). Many
 * JavaScript objects may want them: a `Hasher` owns CTX between its calls, and
 * an `HmacKey` owns KEY. Ownership moves lazily: the owner keeps using the
 * region with no copies until someone else claims it, and only then is the old
 * owner's state saved to its own bytes. One-shot functions evict the CTX owner
 * before they use CTX.
 */
/** The exports of `assembly/index.ts`. */
export interface CoreExports {
  readonly memory: WebAssembly.Memory;
  readonly INPUT_SIZE: WebAssembly.Global;
  readonly BATCH_MAX: WebAssembly.Global;
  readonly CTX_SIZE: WebAssembly.Global;
  readonly KEY_SIZE: WebAssembly.Global;
  inputPtr(): number;
  outputPtr(): number;
  lensPtr(): number;
  ctxPtr(): number;
  keyPtr(): number;
  digestLen(alg: number): number;
  hashInit(alg: number): void;
  hashUpdate(len: number): void;
  hashFinal(): void;
  hash(alg: number, len: number): void;
  hmacSetKey(alg: number, keyLen: number): void;
  hmacInit(): void;
  hmacFinal(): void;
  hmac(len: number): void;
  hmacBatch(count: number): void;
  wipe(): void;
}

/** Which build of the core runs: `simd` (4-lane SHA-256, 2-lane SHA-512 batches) or `scalar`. */
export type Backend = 'simd' | 'scalar';

/** Something that holds CTX between calls and can save it to its own bytes. */
export interface ContextOwner {
  saveContext(): void;
}
/** Something whose pad states go in KEY (an `HmacKey`; the pads stay private to it). */
export type KeyOwner = object;

/** Everything the engine needs from the instance, gathered once per backend. */
export interface Core {
  readonly backend: Backend;
  readonly exports: CoreExports;
  /** A view of the whole memory; it never detaches because memory never grows. */
  readonly mem: Uint8Array;
  /** A view of the input window alone. */
  readonly input: Uint8Array;
  /** A view of the batch lengths (u32). */
  readonly lens: Uint32Array;
  readonly INPUT: number;
  readonly INPUT_SIZE: number;
  readonly OUT: number;
  readonly LENS: number;
  readonly BATCH_MAX: number;
  readonly CTX: number;
  readonly CTX_SIZE: number;
  readonly KEY: number;
  readonly KEY_SIZE: number;
}

/** Where an entry gets a core from: inline bytes, or a `.wasm` module import (already compiled). */
export type CoreSource = (backend: Backend) => WebAssembly.Module | Uint8Array<ArrayBuffer>;

let core: Core | undefined;
/**
 * Every build instantiated so far, at most one of each: the core is compiled
 * once per build, and switching back to a build finds its instance (and the
 * code V8 has already optimised) instead of compiling the bytes again.
 */
const instances: Partial<Record<Backend, Core>> = {};
let source: CoreSource | undefined;
let simdSupported = false;
let ctxOwner: ContextOwner | null = null;
let keyOwner: KeyOwner | null = null;

/**
 * Compiles (unless the runtime already did) and instantiates one build of the
 * core, synchronously: the entries have no top-level await, so that
 * `require()` of an ES module (Node >= 20.19) and CommonJS test runners can
 * load them. Synchronous compilation of a module this size (13-17 KB) is
 * allowed everywhere we run, browser main threads included (Chromium's old
 * 4 KB main-thread limit is gone; the runtimes suite loads the entry in a
 * Chromium and a Firefox page); workerd compiles the `.wasm` modules before
 * any code runs, and refuses to compile bytes.
 */
function instantiateCore(backend: Backend): Core {
  if (source === undefined) throw new Error('wasmac: no core source installed');
  const from = source(backend);
  // The core imports nothing (asconfig: `abort=` disabled, `stub` runtime), so
  // the plain constructors do; @assemblyscript/loader's glue for strings and
  // arrays would add 5 KB to every bundle for no use. The build checks each
  // core's exports with the loader instead (scripts/embed-wasm.ts).
  const instance = new WebAssembly.Instance(from instanceof WebAssembly.Module ? from : new WebAssembly.Module(from), {});
  const exports = instance.exports as unknown as CoreExports;
  const mem = new Uint8Array(exports.memory.buffer);
  const INPUT = exports.inputPtr();
  const INPUT_SIZE = exports.INPUT_SIZE.value as number;
  selfTest(exports, mem, INPUT, backend);
  return {
    backend,
    exports,
    mem,
    input: mem.subarray(INPUT, INPUT + INPUT_SIZE),
    lens: new Uint32Array(exports.memory.buffer, exports.lensPtr(), exports.BATCH_MAX.value as number),
    INPUT,
    INPUT_SIZE,
    OUT: exports.outputPtr(),
    LENS: exports.lensPtr(),
    BATCH_MAX: exports.BATCH_MAX.value,
    CTX: exports.ctxPtr(),
    CTX_SIZE: exports.CTX_SIZE.value,
    KEY: exports.keyPtr(),
    KEY_SIZE: exports.KEY_SIZE.value,
  };
}

/** SHA-256 and SHA-512 of "abc" (FIPS 180-4's first examples). */
const KNOWN: readonly (readonly [alg: number, digest: string])[] = [
  [1, 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  [3, 'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f'],
];

/**
 * A known answer from each compression function before the instance is used.
 * The core travels inline as a string that bundlers and minifiers re-escape;
 * bytes damaged on the way often still compile (a changed round constant
 * does) and would give wrong digests silently. A few microseconds at load
 * turn that into an error.
 */
function selfTest(exports: CoreExports, mem: Uint8Array, input: number, backend: Backend): void {
  const out = exports.outputPtr();
  for (const [alg, want] of KNOWN) {
    mem.set([0x61, 0x62, 0x63], input);
    exports.hash(alg, 3);
    let got = '';
    for (let i = 0; i < want.length / 2; i++) got += mem[out + i]!.toString(16).padStart(2, '0');
    if (got !== want) throw new Error(`wasmac: the ${backend} Wasm core gives wrong digests (its bytes were damaged on the way, e.g. by a bundler re-encoding the inline core); refusing to use it`);
  }
  // Nothing secret was hashed: clearing the two regions used is enough.
  mem.fill(0, input, input + 3);
  mem.fill(0, out, out + 64);
}

/**
 * Called once by each package entry at import: records where cores come from
 * and instantiates the SIMD build where `simdProbe` validates, else the scalar one.
 */
export function installCore(from: CoreSource, simd: boolean): void {
  source = from;
  simdSupported = simd;
  // A new source means new cores: none made from the old one is reused.
  delete instances.simd;
  delete instances.scalar;
  core = instanceOf(simd ? 'simd' : 'scalar');
}

function instanceOf(backend: Backend): Core {
  return (instances[backend] ??= instantiateCore(backend));
}

/** Whether this runtime runs the SIMD build. */
export function simdAvailable(): boolean {
  return simdSupported;
}

/** The running build of the core. */
export function backend(): Backend {
  return getCore().backend;
}

/**
 * Switches the running build, e.g. to test or benchmark the scalar core on a
 * machine with SIMD; a no-op when `next` is already running. Existing hashers
 * and keys carry over: their states live in JavaScript and move into the
 * other instance on their next call (the one left is wiped). The switch
 * is done when this returns; the promise is kept for callers that await it.
 */
export async function useBackend(next: Backend): Promise<void> {
  if (next !== 'simd' && next !== 'scalar') throw new TypeError(`backend must be 'simd' or 'scalar', got ${String(next)}`);
  if (next === 'simd' && !simdSupported) throw new Error('wasmac: this runtime does not support Wasm SIMD');
  if (core?.backend === next) return;
  const other = instanceOf(next);
  evictContext();
  if (core !== undefined) core.exports.wipe();
  keyOwner = null;
  core = other;
}

/** The running core; throws if no entry installed one (import from `wasmac`, not from a source file). */
export function getCore(): Core {
  if (core === undefined) throw new Error('wasmac: the Wasm core is not loaded; import the package entry');
  return core;
}

/** Saves the CTX owner's state to its own bytes and frees CTX. */
export function evictContext(): void {
  if (ctxOwner !== null) {
    ctxOwner.saveContext();
    ctxOwner = null;
  }
}

/** Makes `owner` the CTX owner, copying its `saved` state in (if any) unless it already owns CTX. */
export function claimContext(owner: ContextOwner, saved: Uint8Array | null): void {
  if (ctxOwner === owner) return;
  evictContext();
  if (saved !== null) getCore().mem.set(saved, getCore().CTX);
  ctxOwner = owner;
}

/** Frees CTX if `owner` holds it, without saving. */
export function releaseContext(owner: ContextOwner): void {
  if (ctxOwner === owner) ctxOwner = null;
}

export function isContextOwner(owner: ContextOwner): boolean {
  return ctxOwner === owner;
}

/** Puts `owner`'s pad states (`pads`) in KEY unless they are there already. */
export function activateKey(owner: KeyOwner, pads: Uint8Array): void {
  if (keyOwner === owner) return;
  const c = getCore();
  c.mem.set(pads, c.KEY);
  keyOwner = owner;
}

/** Records that KEY now holds `owner`'s pads (just computed there). */
export function adoptKey(owner: KeyOwner): void {
  keyOwner = owner;
}

/** Wipes KEY if `owner` is the active key. */
export function forgetKey(owner: KeyOwner): void {
  if (keyOwner !== owner) return;
  const c = getCore();
  c.mem.fill(0, c.KEY, c.KEY + c.KEY_SIZE);
  keyOwner = null;
}
