// Multi-buffer HMAC: many independent messages under one key, SHA-256 four
// lanes at a time (i32x4) and SHA-512 two lanes at a time (i64x2). Compiled
// only into the SIMD build (callers check ASC_FEATURE_SIMD).
//
// Each lane works through its own message block by block; a lane whose
// message ends takes the next message, so messages of mixed lengths keep all
// lanes busy. The inner hashes run first (from the key's inner state), their
// digests go to the output area, then the outer hashes (one block each, from
// the outer state) overwrite them with the tags.
//
// Two shortcuts for SHA-256, where short messages spend most of their time
// on padding: a block of padding alone (0x80 or nothing, zeros, the length)
// is the same in every lane whose message has the same length, so when all
// busy lanes compress one, its schedule is computed once (sharedPadStep); and
// the outer hashes take the inner digests as words, straight into the
// schedule, without building, swapping or transposing a padded block per
// message (outer256x4).
//
// Scratch layout (at `tmp`, 1 KiB):
//   STATE  8 x v128  the working state: word k of lane l at STATE + 16 k + (4 or 8) l
//   LANE   4 x 32 B  per lane: message index (i32, -1 = idle), next byte, bytes left, phase, message length (u32 each)
//   PAD    4 x 128 B per lane: the block being built when a message's tail needs padding
// and at `w` (2 KiB): the message schedule, 64 x v128 for SHA-256 (80 for
// SHA-512), then for SHA-256 the shared padding block's schedule (64 x v128).

import { store32be, store64be } from './bytes';
import { K256 } from './sha256';
import { K512 } from './sha512';

const STATE: usize = 0;
const LANE: usize = 128;
const PAD: usize = 256;

const L_JOB: usize = 0;
const L_NEXT: usize = 4;
const L_LEFT: usize = 8;
const L_PHASE: usize = 12;
const L_LEN: usize = 16;

// Phases of a lane's message: its data blocks, the extra block that only
// carries the length (when the tail leaves no room for it), done.
const DATA: u32 = 0;
const LENGTH_ONLY: u32 = 1;
const LAST: u32 = 2;

// ---- SHA-256, four lanes --------------------------------------------------

// @ts-ignore: decorator
@inline function rotr4(x: v128, n: i32): v128 { return v128.or(i32x4.shr_u(x, n), i32x4.shl(x, 32 - n)); }
// @ts-ignore: decorator
@inline function Ch4(x: v128, y: v128, z: v128): v128 { return v128.bitselect(y, z, x); }
// @ts-ignore: decorator
@inline function Maj4(x: v128, y: v128, z: v128): v128 { return v128.bitselect(z, x, v128.xor(x, y)); }
// @ts-ignore: decorator
@inline function Sigma0x4(x: v128): v128 { return v128.xor(v128.xor(rotr4(x, 2), rotr4(x, 13)), rotr4(x, 22)); }
// @ts-ignore: decorator
@inline function Sigma1x4(x: v128): v128 { return v128.xor(v128.xor(rotr4(x, 6), rotr4(x, 11)), rotr4(x, 25)); }
// @ts-ignore: decorator
@inline function sigma0x4(x: v128): v128 { return v128.xor(v128.xor(rotr4(x, 7), rotr4(x, 18)), i32x4.shr_u(x, 3)); }
// @ts-ignore: decorator
@inline function sigma1x4(x: v128): v128 { return v128.xor(v128.xor(rotr4(x, 17), rotr4(x, 19)), i32x4.shr_u(x, 10)); }

/** T1 of round t (FIPS 180-4 6.2.2 step 3): h + Sigma1(e) + Ch(e, f, g) + K[t] + W[t], four lanes, W[t] at `w`. */
// @ts-ignore: decorator
@inline function round4(e: v128, f: v128, g: v128, h: v128, w: usize, t: usize): v128 {
  const kw = i32x4.add(v128.load32_splat(changetype<usize>(K256) + (t << 2)), v128.load(w + (t << 4)));
  return i32x4.add(i32x4.add(h, Sigma1x4(e)), i32x4.add(Ch4(e, f, g), kw));
}

/** Byte swap of each 32-bit lane: SHA-2 words are big-endian. */
// @ts-ignore: decorator
@inline function bswap32x4(x: v128): v128 {
  return i8x16.shuffle(x, x, 3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12);
}

/**
 * Transposes four rows of four words (row l = four words of lane l) into four
 * columns (column k = word k of every lane) and stores them at `p`, 16 B
 * apart, byte-swapped when `swap`. The same shuffles turn columns back into
 * rows. Shuffles are long instructions and the bundle carries the Wasm, so
 * each use sits in a loop rather than being repeated.
 */
// @ts-ignore: decorator
@inline function transpose4(p: usize, r0: v128, r1: v128, r2: v128, r3: v128, swap: bool): void {
  const t0 = i32x4.shuffle(r0, r1, 0, 4, 1, 5), t1 = i32x4.shuffle(r2, r3, 0, 4, 1, 5);
  const t2 = i32x4.shuffle(r0, r1, 2, 6, 3, 7), t3 = i32x4.shuffle(r2, r3, 2, 6, 3, 7);
  let c0 = i32x4.shuffle(t0, t1, 0, 1, 4, 5), c1 = i32x4.shuffle(t0, t1, 2, 3, 6, 7);
  let c2 = i32x4.shuffle(t2, t3, 0, 1, 4, 5), c3 = i32x4.shuffle(t2, t3, 2, 3, 6, 7);
  if (swap) { c0 = bswap32x4(c0); c1 = bswap32x4(c1); c2 = bswap32x4(c2); c3 = bswap32x4(c3); }
  v128.store(p, c0, 0);
  v128.store(p, c1, 16);
  v128.store(p, c2, 32);
  v128.store(p, c3, 48);
}

/** W[16..63] from W[0..15] at `w` (FIPS 180-4 6.2.2 step 1), four lanes. */
function schedule256x4(w: usize): void {
  // W[t] = sigma1(W[t-2]) + W[t-7] + sigma0(W[t-15]) + W[t-16]; p = &W[t-16]. W[t-2]
  // and W[t-1] stay in registers: reading them back would wait on their stores.
  let w2 = v128.load(w, 224), w1 = v128.load(w, 240);
  for (let p = w; p < w + 768; p += 16) {
    const wt = i32x4.add(i32x4.add(sigma1x4(w2), v128.load(p, 144)), i32x4.add(sigma0x4(v128.load(p, 16)), v128.load(p)));
    v128.store(p, wt, 256);
    w2 = w1; w1 = wt;
  }
}

/** The 64 rounds over the schedule at `w` and the final additions into the state at `st`, four lanes. */
function rounds256x4(st: usize, w: usize): void {
  let a = v128.load(st, 0), b = v128.load(st, 16), c = v128.load(st, 32), d = v128.load(st, 48);
  let e = v128.load(st, 64), f = v128.load(st, 80), g = v128.load(st, 96), h = v128.load(st, 112);
  // One round per iteration, the variables moving down as in FIPS 180-4: the
  // moves cost about nothing, and eight renamed rounds would take 1.4 KB more
  // of Wasm in the bundle.
  for (let t: usize = 0; t < 64; t++) {
    const T1 = round4(e, f, g, h, w, t);
    const T2 = i32x4.add(Sigma0x4(a), Maj4(a, b, c));
    h = g; g = f; f = e; e = i32x4.add(d, T1);
    d = c; c = b; b = a; a = i32x4.add(T1, T2);
  }
  v128.store(st, i32x4.add(v128.load(st, 0), a), 0);
  v128.store(st, i32x4.add(v128.load(st, 16), b), 16);
  v128.store(st, i32x4.add(v128.load(st, 32), c), 32);
  v128.store(st, i32x4.add(v128.load(st, 48), d), 48);
  v128.store(st, i32x4.add(v128.load(st, 64), e), 64);
  v128.store(st, i32x4.add(v128.load(st, 80), f), 80);
  v128.store(st, i32x4.add(v128.load(st, 96), g), 96);
  v128.store(st, i32x4.add(v128.load(st, 112), h), 112);
}

/**
 * One SHA-256 compression in each of four lanes: lane l compresses the block at
 * `bl` into its state. The four blocks are transposed 4x4 words at a time so
 * that W[t] holds word t of every lane.
 */
function compress256x4(st: usize, b0: usize, b1: usize, b2: usize, b3: usize, w: usize): void {
  for (let t: usize = 0; t < 64; t += 16) {
    transpose4(w + (t << 2), v128.load(b0 + t), v128.load(b1 + t), v128.load(b2 + t), v128.load(b3 + t), true);
  }
  schedule256x4(w);
  rounds256x4(st, w);
}

/**
 * The schedule of a block of padding alone, at `ws`: `first` as word 0
 * (0x80000000 when the message ended on a block boundary, 0 when its 0x80
 * went in the block before), zeros, and the bit length as word 15, the same
 * in all four lanes. Such a block is the same in every lane whose message has
 * the same length, so its schedule is computed once, not once per step.
 */
function padSchedule256(ws: usize, first: u32, bits: u32): void {
  v128.store(ws, i32x4.splat(first));
  memory.fill(ws + 16, 0, 14 * 16);
  v128.store(ws + 15 * 16, i32x4.splat(bits));
  schedule256x4(ws);
}

// ---- SHA-512, two lanes ---------------------------------------------------

// @ts-ignore: decorator
@inline function rotr2(x: v128, n: i32): v128 { return v128.or(i64x2.shr_u(x, n), i64x2.shl(x, 64 - n)); }
// @ts-ignore: decorator
@inline function Sigma0x2(x: v128): v128 { return v128.xor(v128.xor(rotr2(x, 28), rotr2(x, 34)), rotr2(x, 39)); }
// @ts-ignore: decorator
@inline function Sigma1x2(x: v128): v128 { return v128.xor(v128.xor(rotr2(x, 14), rotr2(x, 18)), rotr2(x, 41)); }
// @ts-ignore: decorator
@inline function sigma0x2(x: v128): v128 { return v128.xor(v128.xor(rotr2(x, 1), rotr2(x, 8)), i64x2.shr_u(x, 7)); }
// @ts-ignore: decorator
@inline function sigma1x2(x: v128): v128 { return v128.xor(v128.xor(rotr2(x, 19), rotr2(x, 61)), i64x2.shr_u(x, 6)); }

/** T1 of round t (FIPS 180-4 6.4.2 step 3), two lanes, W[t] at `w`. */
// @ts-ignore: decorator
@inline function round2(e: v128, f: v128, g: v128, h: v128, w: usize, t: usize): v128 {
  const kw = i64x2.add(v128.load64_splat(changetype<usize>(K512) + (t << 3)), v128.load(w + (t << 4)));
  return i64x2.add(i64x2.add(h, Sigma1x2(e)), i64x2.add(Ch4(e, f, g), kw));
}

/** Byte swap of each 64-bit lane. */
// @ts-ignore: decorator
@inline function bswap64x2(x: v128): v128 {
  return i8x16.shuffle(x, x, 7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8);
}

/** One SHA-512 compression in each of two lanes (blocks at `b0`, `b1`). */
function compress512x2(st: usize, b0: usize, b1: usize, w: usize): void {
  for (let t: usize = 0; t < 128; t += 16) {
    const r0 = v128.load(b0 + t), r1 = v128.load(b1 + t);
    const p = w + (t << 1);
    v128.store(p, bswap64x2(i64x2.shuffle(r0, r1, 0, 2)), 0);
    v128.store(p, bswap64x2(i64x2.shuffle(r0, r1, 1, 3)), 16);
  }
  // As in compress256x4, W[t-2] and W[t-1] stay in registers; p = &W[t-16].
  let w2 = v128.load(w, 224), w1 = v128.load(w, 240);
  for (let p = w; p < w + 1024; p += 16) {
    const wt = i64x2.add(i64x2.add(sigma1x2(w2), v128.load(p, 144)), i64x2.add(sigma0x2(v128.load(p, 16)), v128.load(p)));
    v128.store(p, wt, 256);
    w2 = w1; w1 = wt;
  }
  let a = v128.load(st, 0), b = v128.load(st, 16), c = v128.load(st, 32), d = v128.load(st, 48);
  let e = v128.load(st, 64), f = v128.load(st, 80), g = v128.load(st, 96), h = v128.load(st, 112);
  // One round per iteration, as in rounds256x4.
  for (let t: usize = 0; t < 80; t++) {
    const T1 = round2(e, f, g, h, w, t);
    const T2 = i64x2.add(Sigma0x2(a), Maj4(a, b, c));
    h = g; g = f; f = e; e = i64x2.add(d, T1);
    d = c; c = b; b = a; a = i64x2.add(T1, T2);
  }
  v128.store(st, i64x2.add(v128.load(st, 0), a), 0);
  v128.store(st, i64x2.add(v128.load(st, 16), b), 16);
  v128.store(st, i64x2.add(v128.load(st, 32), c), 32);
  v128.store(st, i64x2.add(v128.load(st, 48), d), 48);
  v128.store(st, i64x2.add(v128.load(st, 64), e), 64);
  v128.store(st, i64x2.add(v128.load(st, 80), f), 80);
  v128.store(st, i64x2.add(v128.load(st, 96), g), 96);
  v128.store(st, i64x2.add(v128.load(st, 112), h), 112);
}

// ---- The lane scheduler ---------------------------------------------------

/** Puts the 8-word state at `from` (host-endian words of `wordSize` bytes) into lane `l`. */
function setLaneState(tmp: usize, l: usize, from: usize, wordSize: usize): void {
  for (let k: usize = 0; k < 8; k++) {
    if (wordSize == 8) store<u64>(tmp + STATE + (k << 4) + (l << 3), load<u64>(from + (k << 3)));
    else store<u32>(tmp + STATE + (k << 4) + (l << 2), load<u32>(from + (k << 2)));
  }
}

/**
 * Writes lane `l`'s state at `out`: for SHA-512 the first `n` digest bytes,
 * big-endian; for SHA-256 all eight words as they are (host-endian), which
 * the outer pass (outer256x4) reads back as the next block's words.
 */
function laneDigest(tmp: usize, l: usize, out: usize, n: usize, wordSize: usize): void {
  if (wordSize == 4) {
    for (let k: usize = 0; k < 8; k++) store<u32>(out + (k << 2), load<u32>(tmp + STATE + (k << 4) + (l << 2)));
    return;
  }
  for (let i: usize = 0, k: usize = 0; i < n; i += 8, k++) store64be(out + i, load<u64>(tmp + STATE + (k << 4) + (l << 3)));
}

/** Gives lane `l` message `job` (`len` bytes at `p`), starting from the key's inner state. */
function startLane(tmp: usize, l: usize, job: u32, p: usize, len: u32, inner: usize, wordSize: usize): void {
  const lane = tmp + LANE + (l << 5);
  store<i32>(lane, <i32>job, L_JOB);
  store<u32>(lane, <u32>p, L_NEXT);
  store<u32>(lane, len, L_LEFT);
  store<u32>(lane, DATA, L_PHASE);
  store<u32>(lane, len, L_LEN);
  setLaneState(tmp, l, inner, wordSize);
}

/**
 * The block lane `l` compresses next: a data block in place, or its PAD block
 * with the tail, 0x80, zeros and the bit length of one key block plus the
 * message (FIPS 180-4 section 5.1). Advances the lane's phase.
 */
function nextBlock(tmp: usize, l: usize, block: usize, lengthField: usize): usize {
  const lane = tmp + LANE + (l << 5);
  const left = <usize>load<u32>(lane, L_LEFT);
  const phase = load<u32>(lane, L_PHASE);
  const next = <usize>load<u32>(lane, L_NEXT);
  if (phase == DATA && left >= block) {
    store<u32>(lane, <u32>(next + block), L_NEXT);
    store<u32>(lane, <u32>(left - block), L_LEFT);
    return next;
  }
  const pad = tmp + PAD + (l << 7);
  let used: usize = 0;
  if (phase == DATA) {
    memory.copy(pad, next, left);
    store<u8>(pad + left, 0x80);
    used = left + 1;
    store<u32>(lane, 0, L_LEFT);
  }
  if (used + lengthField > block) {
    memory.fill(pad + used, 0, block - used);
    store<u32>(lane, LENGTH_ONLY, L_PHASE);
    return pad;
  }
  memory.fill(pad + used, 0, block - used - 8);
  store64be(pad + block - 8, (<u64>block + <u64>load<u32>(lane, L_LEN)) << 3);
  store<u32>(lane, LAST, L_PHASE);
  return pad;
}

/**
 * Word 0 of the SHA-256 block lane `l` compresses next if that block is
 * padding alone (0x80000000: the message ended on a block boundary; 0: its
 * 0x80 went in the block before), else -1. The block's other words are zero
 * but the bit length, word 15.
 */
function padOnlyFirst(tmp: usize, l: usize): i64 {
  const lane = tmp + LANE + (l << 5);
  const phase = load<u32>(lane, L_PHASE);
  if (phase == LENGTH_ONLY) return 0;
  if (phase == DATA && load<u32>(lane, L_LEFT) == 0) return 0x80000000;
  return -1;
}

/**
 * The SHA-256 step when every busy lane's next block is padding alone with
 * the same word 0 and bit length, as in a batch of equal lengths that are
 * multiples of 64 (64 B messages among them): one shared schedule,
 * precomputed at `ws` unless the last shared step had the same block (`cached`).
 * Returns the block's key (word 0's top bit << 32 | bit length, never
 * negative), or -1 if the lanes differ (nothing done).
 */
function sharedPadStep(tmp: usize, lanes: usize, ws: usize, cached: i64): i64 {
  let key: i64 = -1;
  for (let l: usize = 0; l < lanes; l++) {
    const lane = tmp + LANE + (l << 5);
    if (load<i32>(lane, L_JOB) < 0) continue;
    const first = padOnlyFirst(tmp, l);
    if (first < 0) return -1;
    const laneKey = ((first >>> 31) << 32) | <i64>((64 + <u64>load<u32>(lane, L_LEN)) << 3);
    if (key >= 0 && laneKey != key) return -1;
    key = laneKey;
  }
  if (key < 0) return -1;
  if (key != cached) padSchedule256(ws, <u32>(key >>> 32) << 31, <u32>key);
  rounds256x4(tmp + STATE, ws);
  for (let l: usize = 0; l < lanes; l++) {
    const lane = tmp + LANE + (l << 5);
    store<u32>(lane, 0, L_LEFT);
    store<u32>(lane, LAST, L_PHASE);
  }
  return key;
}

// @ts-ignore: decorator
@inline function compressLanes(wide: bool, tmp: usize, b0: usize, b1: usize, b2: usize, b3: usize, w: usize): void {
  if (wide) compress512x2(tmp + STATE, b0, b1, w);
  else compress256x4(tmp + STATE, b0, b1, b2, b3, w);
}

/**
 * The outer hashes of a SHA-256 batch, four messages per step: each is one
 * block from the key's outer state, the inner digest (host-endian words,
 * 32 B apart at `out`, as laneDigest left them) then 0x80, zeros and the bit
 * length of one key block plus the digest. The digest words go straight into
 * W: no bytes to pad, swap or transpose per message. The `n`-byte tags
 * replace the inner digests, end to end at `out`.
 */
function outer256x4(key: usize, out: usize, count: u32, n: usize, w: usize, tmp: usize): void {
  const st = tmp + STATE;
  const rows = tmp + PAD;
  const words = n >> 2; // 7 (SHA-224) or 8
  for (let i: usize = 0; i < <usize>count; i += 4) {
    // Lanes past `count` hash what is in OUT there; their tags are not kept.
    const d = out + (i << 5);
    // (Loops over the two halves keep one copy of each transpose in the code.)
    for (let half: usize = 0; half < 32; half += 16) {
      const r = d + half;
      transpose4(w + (half << 2), v128.load(r), v128.load(r, 32), v128.load(r, 64), v128.load(r, 96), false);
    }
    v128.store(w + (words << 4), i32x4.splat(0x80000000));
    for (let t = words + 1; t < 15; t++) v128.store(w + (t << 4), i32x4.splat(0));
    v128.store(w + (15 << 4), i32x4.splat(<i32>((64 + <u32>n) << 3)));
    for (let k: usize = 0; k < 8; k++) v128.store(st + (k << 4), v128.load32_splat(key + 64 + (k << 2)));
    schedule256x4(w);
    rounds256x4(st, w);
    // Words back to lanes (rows), big-endian: lane l's tag is rows + 16 l and rows + 64 + 16 l.
    for (let half: usize = 0; half < 128; half += 64) {
      const c = st + half;
      transpose4(rows + half, v128.load(c), v128.load(c, 16), v128.load(c, 32), v128.load(c, 48), true);
    }
    // In order, 32 B each even when n = 28: a tag's last 4 B land where the
    // next tag starts and that tag overwrites them; the inner digests of the
    // next group start at 32 (i + 4), past 28 (i + 3) + 32.
    for (let l: usize = 0; l < 4 && i + l < <usize>count; l++) {
      const p = out + (i + l) * n;
      v128.store(p, v128.load(rows + (l << 4)));
      v128.store(p, v128.load(rows + 64 + (l << 4)), 16);
    }
  }
}

/**
 * HMAC of `count` messages (lengths at `lens`, bytes end to end at `input`)
 * under the key whose inner and outer states are at `key` and `key + 64`;
 * `n`-byte tags end to end at `out`. `alg` as in index.ts; `w` and `tmp` are
 * scratch (2 KiB and 1 KiB).
 */
export function hmacBatchSimd(key: usize, input: usize, lens: usize, out: usize, count: u32, alg: u32, n: usize, w: usize, tmp: usize): void {
  const wide = alg >= 2;
  const lanes: usize = wide ? 2 : 4;
  const block: usize = wide ? 128 : 64;
  const lengthField: usize = wide ? 16 : 8;
  const wordSize: usize = wide ? 8 : 4;
  // Where lane digests go: SHA-256 keeps whole states 32 B apart for outer256x4.
  const stride: usize = wide ? n : 32;
  const blocks = tmp + PAD + 4 * 128; // four block pointers for the step
  const ws = w + 1024; // a shared padding block's schedule (SHA-256 only, whose schedule uses w .. w + 1 KiB)
  let cached: i64 = -1;
  // Inner hashes: every lane runs messages until none is left.
  let job: u32 = 0;
  let p = input;
  let active = 0;
  for (let l: usize = 0; l < lanes; l++) {
    if (job < count) {
      const len = load<u32>(lens + (<usize>job << 2));
      startLane(tmp, l, job, p, len, key, wordSize);
      p += len; job++; active++;
    } else {
      store<i32>(tmp + LANE + (l << 5), -1, L_JOB);
    }
  }
  while (active > 0) {
    const shared = wide ? -1 : sharedPadStep(tmp, lanes, ws, cached);
    if (shared >= 0) {
      cached = shared;
    } else {
      for (let l: usize = 0; l < 4; l++) {
        const busy = l < lanes && load<i32>(tmp + LANE + (l << 5), L_JOB) >= 0;
        store<u32>(blocks + (l << 2), <u32>(busy ? nextBlock(tmp, l, block, lengthField) : tmp + PAD + (l << 7)));
      }
      compressLanes(wide, tmp, load<u32>(blocks), load<u32>(blocks, 4), load<u32>(blocks, 8), load<u32>(blocks, 12), w);
    }
    for (let l: usize = 0; l < lanes; l++) {
      const lane = tmp + LANE + (l << 5);
      const current = load<i32>(lane, L_JOB);
      if (current < 0 || load<u32>(lane, L_PHASE) != LAST) continue;
      laneDigest(tmp, l, out + <usize>current * stride, n, wordSize);
      if (job < count) {
        const len = load<u32>(lens + (<usize>job << 2));
        startLane(tmp, l, job, p, len, key, wordSize);
        p += len; job++;
      } else {
        store<i32>(lane, -1, L_JOB);
        active--;
      }
    }
  }
  if (!wide) {
    outer256x4(key, out, count, n, w, tmp);
    return;
  }
  // SHA-512 outer hashes: one block each (inner digest, 0x80, zeros, length), two lanes at a time.
  for (let i: u32 = 0; i < count; i += <u32>lanes) {
    for (let l: usize = 0; l < 4; l++) {
      const pad = tmp + PAD + (l << 7);
      store<u32>(blocks + (l << 2), <u32>pad);
      if (l >= lanes || i + <u32>l >= count) continue;
      memory.copy(pad, out + (<usize>i + l) * n, n);
      store<u8>(pad + n, 0x80);
      memory.fill(pad + n + 1, 0, block - n - 9);
      store64be(pad + block - 8, (<u64>block + <u64>n) << 3);
      setLaneState(tmp, l, key + 64, wordSize);
    }
    compressLanes(wide, tmp, load<u32>(blocks), load<u32>(blocks, 4), load<u32>(blocks, 8), load<u32>(blocks, 12), w);
    for (let l: usize = 0; l < lanes; l++) {
      if (i + <u32>l < count) laneDigest(tmp, l, out + (<usize>i + l) * n, n, wordSize);
    }
  }
}
