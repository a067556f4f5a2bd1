// The wasmac core: SHA-224/256/384/512 (FIPS 180-4) and HMAC (RFC 2104) over
// fixed memory regions. No allocation, no imports; JavaScript writes inputs
// into the regions below and reads digests out.
//
// Memory layout (memory is fixed at 8 pages = 512 KiB and never grows, so the
// views JavaScript makes once never detach):
//
//   HEAP_BASE (64-aligned)
//   ├─ KEY    256 B   active HMAC key: inner state 64 B | outer state 64 B | alg u32
//   ├─ CTX    256 B   streaming context: state 64 B | buffer 128 B | buffered u32 | alg u32 | total bytes u64
//   ├─ W      2 KiB   message schedule scratch of the SIMD lanes
//   ├─ TMP    1 KiB   scratch: the padded key block, the inner digest, SIMD lane blocks
//   ├─ OUT    64 KiB  digests; a batch lays them end to end (BATCH_MAX x 64 B)
//   ├─ LENS   4 KiB   batch message lengths, u32 each (BATCH_MAX of them)
//   └─ INPUT  256 KiB the input window: data for update/hash/hmac, messages of a batch end to end
//
// Below HEAP_BASE, in static data: the round constants. The one-message
// compressions keep their schedule in locals (sha256.ts, sha512.ts).
//
// Algorithm ids: 0 = SHA-224, 1 = SHA-256, 2 = SHA-384, 3 = SHA-512.

import { store32be, store64be } from './bytes';
import { compress256, IV224, IV256 } from './sha256';
import { compress512, IV384, IV512 } from './sha512';
import { hmacBatchSimd } from './simd';

export const INPUT_SIZE: u32 = 256 << 10;
export const BATCH_MAX: u32 = 1024;

const HEAP_BASE: usize = (__heap_base + 63) & ~<usize>63;
const KEY: usize = HEAP_BASE;
const CTX: usize = KEY + 256;
const W: usize = CTX + 256;
const TMP: usize = W + 2048;
const OUT: usize = TMP + 1024;
const LENS: usize = OUT + (<usize>BATCH_MAX << 6);
const INPUT: usize = LENS + (<usize>BATCH_MAX << 2);
const END: usize = INPUT + INPUT_SIZE;

// Offsets inside CTX.
const CTX_STATE: usize = 0;
const CTX_BUFFER: usize = 64;
const CTX_BUFFERED: usize = 192;
const CTX_ALG: usize = 196;
const CTX_TOTAL: usize = 200;
export const CTX_SIZE: u32 = 208;
// Offsets inside KEY.
const KEY_INNER: usize = 0;
const KEY_OUTER: usize = 64;
const KEY_ALG: usize = 128;
export const KEY_SIZE: u32 = 132;

// The layout must fit the fixed memory: a build with too little memory traps at start.
if (END > (<usize>memory.size() << 16)) unreachable();

export function inputPtr(): usize { return INPUT; }
export function outputPtr(): usize { return OUT; }
export function lensPtr(): usize { return LENS; }
export function ctxPtr(): usize { return CTX; }
export function keyPtr(): usize { return KEY; }

// @ts-ignore: decorator
@inline function isWide(alg: u32): bool { return alg >= 2; }
// @ts-ignore: decorator
@inline function blockLen(alg: u32): usize { return isWide(alg) ? 128 : 64; }
/** Digest length in bytes: 28, 32, 48, 64. */
export function digestLen(alg: u32): u32 {
  return alg == 0 ? 28 : alg == 1 ? 32 : alg == 2 ? 48 : 64;
}

// @ts-ignore: decorator
@inline function compress(alg: u32, state: usize, block: usize): void {
  if (isWide(alg)) compress512(state, block);
  else compress256(state, block);
}

/** Writes the initial hash value of `alg` at `state`. */
function loadIV(alg: u32, state: usize): void {
  const iv: usize = alg == 0 ? changetype<usize>(IV224) : alg == 1 ? changetype<usize>(IV256)
    : alg == 2 ? changetype<usize>(IV384) : changetype<usize>(IV512);
  memory.copy(state, iv, 64);
}

/** Starts the context on `alg` from `state` (64 bytes) after `total` bytes were hashed. */
function ctxStart(alg: u32, state: usize, total: u64): void {
  memory.copy(CTX + CTX_STATE, state, 64);
  store<u32>(CTX + CTX_BUFFERED, 0);
  store<u32>(CTX + CTX_ALG, alg);
  store<u64>(CTX + CTX_TOTAL, total);
}

/** Absorbs `len` bytes at `p` into the context. */
function ctxAbsorb(p: usize, len: usize): void {
  const alg = load<u32>(CTX + CTX_ALG);
  const block = blockLen(alg);
  const state = CTX + CTX_STATE;
  const buffer = CTX + CTX_BUFFER;
  store<u64>(CTX + CTX_TOTAL, load<u64>(CTX + CTX_TOTAL) + <u64>len);
  let buffered = <usize>load<u32>(CTX + CTX_BUFFERED);
  if (buffered > 0) {
    const take = min(block - buffered, len);
    memory.copy(buffer + buffered, p, take);
    buffered += take; p += take; len -= take;
    if (buffered < block) {
      store<u32>(CTX + CTX_BUFFERED, <u32>buffered);
      return;
    }
    compress(alg, state, buffer);
  }
  while (len >= block) {
    compress(alg, state, p);
    p += block; len -= block;
  }
  memory.copy(buffer, p, len);
  store<u32>(CTX + CTX_BUFFERED, <u32>len);
}

/**
 * Pads (FIPS 180-4 section 5.1), compresses the last block(s) and writes the
 * digest, big-endian and truncated for SHA-224/384 (section 6.3, 6.5), at `out`.
 */
function ctxFinish(out: usize): void {
  const alg = load<u32>(CTX + CTX_ALG);
  const block = blockLen(alg);
  const lengthField: usize = isWide(alg) ? 16 : 8;
  const state = CTX + CTX_STATE;
  const buffer = CTX + CTX_BUFFER;
  let buffered = <usize>load<u32>(CTX + CTX_BUFFERED);
  store<u8>(buffer + buffered, 0x80);
  buffered++;
  if (buffered > block - lengthField) {
    memory.fill(buffer + buffered, 0, block - buffered);
    compress(alg, state, buffer);
    buffered = 0;
  }
  memory.fill(buffer + buffered, 0, block - buffered - 8);
  const total = load<u64>(CTX + CTX_TOTAL);
  if (isWide(alg)) store64be(buffer + block - 16, total >>> 61);
  store64be(buffer + block - 8, total << 3);
  compress(alg, state, buffer);
  const n = <usize>digestLen(alg);
  if (isWide(alg)) {
    for (let i: usize = 0; i < n; i += 8) store64be(out + i, load<u64>(state + i));
  } else {
    for (let i: usize = 0; i < n; i += 4) store32be(out + i, load<u32>(state + i));
  }
}

// ---- Hashing --------------------------------------------------------------

/** Starts a streaming hash of `alg` in the context. */
export function hashInit(alg: u32): void {
  loadIV(alg, TMP);
  ctxStart(alg, TMP, 0);
}

/** Absorbs the first `len` bytes of the input window. */
export function hashUpdate(len: u32): void {
  ctxAbsorb(INPUT, len);
}

/** Finishes the streaming hash; the digest is at OUT. */
export function hashFinal(): void {
  ctxFinish(OUT);
}

/** One call: the digest of the first `len` bytes of the input window, at OUT. */
export function hash(alg: u32, len: u32): void {
  hashInit(alg);
  ctxAbsorb(INPUT, len);
  ctxFinish(OUT);
}

// ---- HMAC (RFC 2104) ------------------------------------------------------

/**
 * Sets the active key from the first `keyLen` bytes of the input window:
 * K0 is the key, or its digest when longer than the block (RFC 2104 section 2),
 * zero-padded to the block; the inner and outer states are the compressions
 * of K0 ^ ipad and K0 ^ opad from the IV. They go to KEY; the scratch is wiped.
 */
export function hmacSetKey(alg: u32, keyLen: u32): void {
  const block = blockLen(alg);
  const k0 = TMP;
  let used = <usize>keyLen;
  if (used > block) {
    hashInit(alg);
    ctxAbsorb(INPUT, keyLen);
    ctxFinish(k0);
    used = <usize>digestLen(alg);
  } else {
    memory.copy(k0, INPUT, used);
  }
  memory.fill(k0 + used, 0, block - used);
  for (let i: usize = 0; i < block; i++) store<u8>(k0 + i, load<u8>(k0 + i) ^ 0x36);
  loadIV(alg, KEY + KEY_INNER);
  compress(alg, KEY + KEY_INNER, k0);
  for (let i: usize = 0; i < block; i++) store<u8>(k0 + i, load<u8>(k0 + i) ^ (0x36 ^ 0x5c));
  loadIV(alg, KEY + KEY_OUTER);
  compress(alg, KEY + KEY_OUTER, k0);
  store<u32>(KEY + KEY_ALG, alg);
  memory.fill(k0, 0, block);
  memory.fill(CTX, 0, CTX_SIZE);
  wipeSchedules();
}

/** Zeroes the SIMD lanes' message schedules, which hold words of the last blocks hashed. */
function wipeSchedules(): void {
  memory.fill(W, 0, 2048);
}

/** Starts a streaming HMAC with the active key: the context resumes from the inner state. */
export function hmacInit(): void {
  const alg = load<u32>(KEY + KEY_ALG);
  ctxStart(alg, KEY + KEY_INNER, <u64>blockLen(alg));
}

/** Finishes the streaming HMAC: inner digest, then the outer hash over it; the tag is at OUT. */
export function hmacFinal(): void {
  hmacFinishInto(OUT);
}

function hmacFinishInto(out: usize): void {
  const alg = load<u32>(KEY + KEY_ALG);
  const inner = TMP;
  ctxFinish(inner);
  ctxStart(alg, KEY + KEY_OUTER, <u64>blockLen(alg));
  ctxAbsorb(inner, digestLen(alg));
  ctxFinish(out);
}

/** One call: the HMAC tag of the first `len` bytes of the input window under the active key, at OUT. */
export function hmac(len: u32): void {
  hmacInit();
  ctxAbsorb(INPUT, len);
  hmacFinishInto(OUT);
}

/**
 * One call for many messages under the active key: LENS holds `count` lengths,
 * the input window the messages end to end; the tags go to OUT end to end.
 * The SIMD build runs SHA-256 four lanes and SHA-512 two lanes at a time.
 */
export function hmacBatch(count: u32): void {
  const alg = load<u32>(KEY + KEY_ALG);
  const n = <usize>digestLen(alg);
  if (ASC_FEATURE_SIMD) {
    hmacBatchSimd(KEY, INPUT, LENS, OUT, count, alg, n, W, TMP);
    return;
  }
  let p = INPUT;
  for (let i: usize = 0; i < <usize>count; i++) {
    const len = <usize>load<u32>(LENS + (i << 2));
    hmacInit();
    ctxAbsorb(p, len);
    hmacFinishInto(OUT + i * n);
    p += len;
  }
}

/** Zeroes every region that may have held key-derived data or messages. */
export function wipe(): void {
  memory.fill(KEY, 0, END - KEY);
  wipeSchedules();
}
