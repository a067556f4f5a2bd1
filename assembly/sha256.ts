// SHA-224 and SHA-256 compression, FIPS 180-4 section 6.2 (SHA-256) and 6.3 (SHA-224).

import { load32be } from './bytes';

// FIPS 180-4 section 4.2.2: the first 32 bits of the fractional parts of the
// cube roots of the first 64 primes.
export const K256: StaticArray<u32> = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

// FIPS 180-4 section 5.3.3: SHA-256 initial hash value.
export const IV256: StaticArray<u32> = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

// FIPS 180-4 section 5.3.2: SHA-224 initial hash value.
export const IV224: StaticArray<u32> = [
  0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4,
];

// FIPS 180-4 section 4.1.2, functions (4.2) to (4.7). Ch is written in an
// equivalent form with fewer operations: z ^ (x & (y ^ z)) picks y where x is
// set and z elsewhere. Maj is written into the rounds (see compress256).
// The Sigmas nest their rotations, which distribute over XOR:
// ROTR^2(x) ^ ROTR^13(x) ^ ROTR^22(x) = ROTR^2(ROTR^11(ROTR^9(x) ^ x) ^ x),
// and likewise for the others. The same operations, but an x86-64 rotate
// overwrites its operand: the flat form copies x three times and holds two
// temporaries, the nested one copies it once and holds one. With 25 live
// words in a round, that is fewer spills: the scalar build ~12 % faster.
// @ts-ignore: decorator
@inline function Ch(x: u32, y: u32, z: u32): u32 { return z ^ (x & (y ^ z)); }
// @ts-ignore: decorator
@inline function Sigma0(x: u32): u32 { return rotr<u32>(rotr<u32>(rotr<u32>(x, 9) ^ x, 11) ^ x, 2); }
// @ts-ignore: decorator
@inline function Sigma1(x: u32): u32 { return rotr<u32>(rotr<u32>(rotr<u32>(x, 14) ^ x, 5) ^ x, 6); }
// @ts-ignore: decorator
@inline function sigma0(x: u32): u32 { return rotr<u32>(rotr<u32>(x, 11) ^ x, 7) ^ (x >>> 3); }
// @ts-ignore: decorator
@inline function sigma1(x: u32): u32 { return rotr<u32>(rotr<u32>(x, 2) ^ x, 17) ^ (x >>> 10); }

const K: usize = changetype<usize>(K256);

/**
 * One SHA-256 compression (FIPS 180-4 section 6.2.2) of the 64-byte block at
 * `block` into the eight-word state at `state` (host-endian u32 words).
 *
 * Written for what Wasm engines make of it (a portable core has no SHA
 * instructions, so this loop is the speed of every long message):
 * - all 64 rounds are written out, so each K[t] is an immediate and the
 *   working variables rotate by renaming, never by moves;
 * - the message schedule (step 1) lives in sixteen locals w0..w15, a window
 *   over W[t-16..t-1]: W[t] replaces W[t-16] just before round t uses it, so
 *   the schedule never goes through memory and the engine interleaves it with
 *   the rounds' chain of dependent additions;
 * - Maj(a, b, c) = b ^ ((a ^ b) & (b ^ c)), and a ^ b is the next round's
 *   b ^ c (x carries it): one operation fewer per round.
 * Measured against the looped form with the schedule in memory: about 1.4x.
 * This is the scalar build's; the SIMD build takes compressLooped (smaller).
 */
// @ts-ignore: decorator
@inline function compressUnrolled(state: usize, block: usize): void {
  // Step 2: the working variables start from the previous hash value.
  let a = load<u32>(state, 0), b = load<u32>(state, 4), c = load<u32>(state, 8), d = load<u32>(state, 12);
  let e = load<u32>(state, 16), f = load<u32>(state, 20), g = load<u32>(state, 24), h = load<u32>(state, 28);
  let T1: u32;
  let x = b ^ c, y: u32, u: u32, ch: u32, s1: u32;

  // Rounds 0..15: W[t] is word t of the block, big-endian.
  let w0 = load32be(block + 0);
  let w1 = load32be(block + 4);
  let w2 = load32be(block + 8);
  let w3 = load32be(block + 12);
  let w4 = load32be(block + 16);
  let w5 = load32be(block + 20);
  let w6 = load32be(block + 24);
  let w7 = load32be(block + 28);
  let w8 = load32be(block + 32);
  let w9 = load32be(block + 36);
  let w10 = load32be(block + 40);
  let w11 = load32be(block + 44);
  let w12 = load32be(block + 48);
  let w13 = load32be(block + 52);
  let w14 = load32be(block + 56);
  let w15 = load32be(block + 60);
  T1 = w0 + <u32>0x428a2f98 + h + Ch(e, f, g) + Sigma1(e); d += T1; y = a ^ b; h = T1 + (b ^ (y & x)) + Sigma0(a); x = y;
  T1 = w1 + <u32>0x71374491 + g + Ch(d, e, f) + Sigma1(d); c += T1; y = h ^ a; g = T1 + (a ^ (y & x)) + Sigma0(h); x = y;
  T1 = w2 + <u32>0xb5c0fbcf + f + Ch(c, d, e) + Sigma1(c); b += T1; y = g ^ h; f = T1 + (h ^ (y & x)) + Sigma0(g); x = y;
  T1 = w3 + <u32>0xe9b5dba5 + e + Ch(b, c, d) + Sigma1(b); a += T1; y = f ^ g; e = T1 + (g ^ (y & x)) + Sigma0(f); x = y;
  T1 = w4 + <u32>0x3956c25b + d + Ch(a, b, c) + Sigma1(a); h += T1; y = e ^ f; d = T1 + (f ^ (y & x)) + Sigma0(e); x = y;
  T1 = w5 + <u32>0x59f111f1 + c + Ch(h, a, b) + Sigma1(h); g += T1; y = d ^ e; c = T1 + (e ^ (y & x)) + Sigma0(d); x = y;
  T1 = w6 + <u32>0x923f82a4 + b + Ch(g, h, a) + Sigma1(g); f += T1; y = c ^ d; b = T1 + (d ^ (y & x)) + Sigma0(c); x = y;
  T1 = w7 + <u32>0xab1c5ed5 + a + Ch(f, g, h) + Sigma1(f); e += T1; y = b ^ c; a = T1 + (c ^ (y & x)) + Sigma0(b); x = y;
  T1 = w8 + <u32>0xd807aa98 + h + Ch(e, f, g) + Sigma1(e); d += T1; y = a ^ b; h = T1 + (b ^ (y & x)) + Sigma0(a); x = y;
  T1 = w9 + <u32>0x12835b01 + g + Ch(d, e, f) + Sigma1(d); c += T1; y = h ^ a; g = T1 + (a ^ (y & x)) + Sigma0(h); x = y;
  T1 = w10 + <u32>0x243185be + f + Ch(c, d, e) + Sigma1(c); b += T1; y = g ^ h; f = T1 + (h ^ (y & x)) + Sigma0(g); x = y;
  T1 = w11 + <u32>0x550c7dc3 + e + Ch(b, c, d) + Sigma1(b); a += T1; y = f ^ g; e = T1 + (g ^ (y & x)) + Sigma0(f); x = y;
  T1 = w12 + <u32>0x72be5d74 + d + Ch(a, b, c) + Sigma1(a); h += T1; y = e ^ f; d = T1 + (f ^ (y & x)) + Sigma0(e); x = y;
  T1 = w13 + <u32>0x80deb1fe + c + Ch(h, a, b) + Sigma1(h); g += T1; y = d ^ e; c = T1 + (e ^ (y & x)) + Sigma0(d); x = y;
  T1 = w14 + <u32>0x9bdc06a7 + b + Ch(g, h, a) + Sigma1(g); f += T1; y = c ^ d; b = T1 + (d ^ (y & x)) + Sigma0(c); x = y;
  T1 = w15 + <u32>0xc19bf174 + a + Ch(f, g, h) + Sigma1(f); e += T1; y = b ^ c; a = T1 + (c ^ (y & x)) + Sigma0(b); x = y;

  // Rounds 16..63: W[t] = sigma1(W[t-2]) + W[t-7] + sigma0(W[t-15]) + W[t-16].
  w0 += sigma1(w14) + w9 + sigma0(w1);
  T1 = w0 + <u32>0xe49b69c1 + h + Ch(e, f, g) + Sigma1(e); d += T1; y = a ^ b; h = T1 + (b ^ (y & x)) + Sigma0(a); x = y;
  w1 += sigma1(w15) + w10 + sigma0(w2);
  T1 = w1 + <u32>0xefbe4786 + g + Ch(d, e, f) + Sigma1(d); c += T1; y = h ^ a; g = T1 + (a ^ (y & x)) + Sigma0(h); x = y;
  w2 += sigma1(w0) + w11 + sigma0(w3);
  T1 = w2 + <u32>0x0fc19dc6 + f + Ch(c, d, e) + Sigma1(c); b += T1; y = g ^ h; f = T1 + (h ^ (y & x)) + Sigma0(g); x = y;
  w3 += sigma1(w1) + w12 + sigma0(w4);
  T1 = w3 + <u32>0x240ca1cc + e + Ch(b, c, d) + Sigma1(b); a += T1; y = f ^ g; e = T1 + (g ^ (y & x)) + Sigma0(f); x = y;
  w4 += sigma1(w2) + w13 + sigma0(w5);
  T1 = w4 + <u32>0x2de92c6f + d + Ch(a, b, c) + Sigma1(a); h += T1; y = e ^ f; d = T1 + (f ^ (y & x)) + Sigma0(e); x = y;
  w5 += sigma1(w3) + w14 + sigma0(w6);
  T1 = w5 + <u32>0x4a7484aa + c + Ch(h, a, b) + Sigma1(h); g += T1; y = d ^ e; c = T1 + (e ^ (y & x)) + Sigma0(d); x = y;
  w6 += sigma1(w4) + w15 + sigma0(w7);
  T1 = w6 + <u32>0x5cb0a9dc + b + Ch(g, h, a) + Sigma1(g); f += T1; y = c ^ d; b = T1 + (d ^ (y & x)) + Sigma0(c); x = y;
  w7 += sigma1(w5) + w0 + sigma0(w8);
  T1 = w7 + <u32>0x76f988da + a + Ch(f, g, h) + Sigma1(f); e += T1; y = b ^ c; a = T1 + (c ^ (y & x)) + Sigma0(b); x = y;
  w8 += sigma1(w6) + w1 + sigma0(w9);
  T1 = w8 + <u32>0x983e5152 + h + Ch(e, f, g) + Sigma1(e); d += T1; y = a ^ b; h = T1 + (b ^ (y & x)) + Sigma0(a); x = y;
  w9 += sigma1(w7) + w2 + sigma0(w10);
  T1 = w9 + <u32>0xa831c66d + g + Ch(d, e, f) + Sigma1(d); c += T1; y = h ^ a; g = T1 + (a ^ (y & x)) + Sigma0(h); x = y;
  w10 += sigma1(w8) + w3 + sigma0(w11);
  T1 = w10 + <u32>0xb00327c8 + f + Ch(c, d, e) + Sigma1(c); b += T1; y = g ^ h; f = T1 + (h ^ (y & x)) + Sigma0(g); x = y;
  w11 += sigma1(w9) + w4 + sigma0(w12);
  T1 = w11 + <u32>0xbf597fc7 + e + Ch(b, c, d) + Sigma1(b); a += T1; y = f ^ g; e = T1 + (g ^ (y & x)) + Sigma0(f); x = y;
  w12 += sigma1(w10) + w5 + sigma0(w13);
  T1 = w12 + <u32>0xc6e00bf3 + d + Ch(a, b, c) + Sigma1(a); h += T1; y = e ^ f; d = T1 + (f ^ (y & x)) + Sigma0(e); x = y;
  w13 += sigma1(w11) + w6 + sigma0(w14);
  T1 = w13 + <u32>0xd5a79147 + c + Ch(h, a, b) + Sigma1(h); g += T1; y = d ^ e; c = T1 + (e ^ (y & x)) + Sigma0(d); x = y;
  w14 += sigma1(w12) + w7 + sigma0(w15);
  T1 = w14 + <u32>0x06ca6351 + b + Ch(g, h, a) + Sigma1(g); f += T1; y = c ^ d; b = T1 + (d ^ (y & x)) + Sigma0(c); x = y;
  w15 += sigma1(w13) + w8 + sigma0(w0);
  T1 = w15 + <u32>0x14292967 + a + Ch(f, g, h) + Sigma1(f); e += T1; y = b ^ c; a = T1 + (c ^ (y & x)) + Sigma0(b); x = y;
  w0 += sigma1(w14) + w9 + sigma0(w1);
  T1 = w0 + <u32>0x27b70a85 + h + Ch(e, f, g) + Sigma1(e); d += T1; y = a ^ b; h = T1 + (b ^ (y & x)) + Sigma0(a); x = y;
  w1 += sigma1(w15) + w10 + sigma0(w2);
  T1 = w1 + <u32>0x2e1b2138 + g + Ch(d, e, f) + Sigma1(d); c += T1; y = h ^ a; g = T1 + (a ^ (y & x)) + Sigma0(h); x = y;
  w2 += sigma1(w0) + w11 + sigma0(w3);
  T1 = w2 + <u32>0x4d2c6dfc + f + Ch(c, d, e) + Sigma1(c); b += T1; y = g ^ h; f = T1 + (h ^ (y & x)) + Sigma0(g); x = y;
  w3 += sigma1(w1) + w12 + sigma0(w4);
  T1 = w3 + <u32>0x53380d13 + e + Ch(b, c, d) + Sigma1(b); a += T1; y = f ^ g; e = T1 + (g ^ (y & x)) + Sigma0(f); x = y;
  w4 += sigma1(w2) + w13 + sigma0(w5);
  T1 = w4 + <u32>0x650a7354 + d + Ch(a, b, c) + Sigma1(a); h += T1; y = e ^ f; d = T1 + (f ^ (y & x)) + Sigma0(e); x = y;
  w5 += sigma1(w3) + w14 + sigma0(w6);
  T1 = w5 + <u32>0x766a0abb + c + Ch(h, a, b) + Sigma1(h); g += T1; y = d ^ e; c = T1 + (e ^ (y & x)) + Sigma0(d); x = y;
  w6 += sigma1(w4) + w15 + sigma0(w7);
  T1 = w6 + <u32>0x81c2c92e + b + Ch(g, h, a) + Sigma1(g); f += T1; y = c ^ d; b = T1 + (d ^ (y & x)) + Sigma0(c); x = y;
  w7 += sigma1(w5) + w0 + sigma0(w8);
  T1 = w7 + <u32>0x92722c85 + a + Ch(f, g, h) + Sigma1(f); e += T1; y = b ^ c; a = T1 + (c ^ (y & x)) + Sigma0(b); x = y;
  w8 += sigma1(w6) + w1 + sigma0(w9);
  T1 = w8 + <u32>0xa2bfe8a1 + h + Ch(e, f, g) + Sigma1(e); d += T1; y = a ^ b; h = T1 + (b ^ (y & x)) + Sigma0(a); x = y;
  w9 += sigma1(w7) + w2 + sigma0(w10);
  T1 = w9 + <u32>0xa81a664b + g + Ch(d, e, f) + Sigma1(d); c += T1; y = h ^ a; g = T1 + (a ^ (y & x)) + Sigma0(h); x = y;
  w10 += sigma1(w8) + w3 + sigma0(w11);
  T1 = w10 + <u32>0xc24b8b70 + f + Ch(c, d, e) + Sigma1(c); b += T1; y = g ^ h; f = T1 + (h ^ (y & x)) + Sigma0(g); x = y;
  w11 += sigma1(w9) + w4 + sigma0(w12);
  T1 = w11 + <u32>0xc76c51a3 + e + Ch(b, c, d) + Sigma1(b); a += T1; y = f ^ g; e = T1 + (g ^ (y & x)) + Sigma0(f); x = y;
  w12 += sigma1(w10) + w5 + sigma0(w13);
  T1 = w12 + <u32>0xd192e819 + d + Ch(a, b, c) + Sigma1(a); h += T1; y = e ^ f; d = T1 + (f ^ (y & x)) + Sigma0(e); x = y;
  w13 += sigma1(w11) + w6 + sigma0(w14);
  T1 = w13 + <u32>0xd6990624 + c + Ch(h, a, b) + Sigma1(h); g += T1; y = d ^ e; c = T1 + (e ^ (y & x)) + Sigma0(d); x = y;
  w14 += sigma1(w12) + w7 + sigma0(w15);
  T1 = w14 + <u32>0xf40e3585 + b + Ch(g, h, a) + Sigma1(g); f += T1; y = c ^ d; b = T1 + (d ^ (y & x)) + Sigma0(c); x = y;
  w15 += sigma1(w13) + w8 + sigma0(w0);
  T1 = w15 + <u32>0x106aa070 + a + Ch(f, g, h) + Sigma1(f); e += T1; y = b ^ c; a = T1 + (c ^ (y & x)) + Sigma0(b); x = y;
  w0 += sigma1(w14) + w9 + sigma0(w1);
  T1 = w0 + <u32>0x19a4c116 + h + Ch(e, f, g) + Sigma1(e); d += T1; y = a ^ b; h = T1 + (b ^ (y & x)) + Sigma0(a); x = y;
  w1 += sigma1(w15) + w10 + sigma0(w2);
  T1 = w1 + <u32>0x1e376c08 + g + Ch(d, e, f) + Sigma1(d); c += T1; y = h ^ a; g = T1 + (a ^ (y & x)) + Sigma0(h); x = y;
  w2 += sigma1(w0) + w11 + sigma0(w3);
  T1 = w2 + <u32>0x2748774c + f + Ch(c, d, e) + Sigma1(c); b += T1; y = g ^ h; f = T1 + (h ^ (y & x)) + Sigma0(g); x = y;
  w3 += sigma1(w1) + w12 + sigma0(w4);
  T1 = w3 + <u32>0x34b0bcb5 + e + Ch(b, c, d) + Sigma1(b); a += T1; y = f ^ g; e = T1 + (g ^ (y & x)) + Sigma0(f); x = y;
  w4 += sigma1(w2) + w13 + sigma0(w5);
  T1 = w4 + <u32>0x391c0cb3 + d + Ch(a, b, c) + Sigma1(a); h += T1; y = e ^ f; d = T1 + (f ^ (y & x)) + Sigma0(e); x = y;
  w5 += sigma1(w3) + w14 + sigma0(w6);
  T1 = w5 + <u32>0x4ed8aa4a + c + Ch(h, a, b) + Sigma1(h); g += T1; y = d ^ e; c = T1 + (e ^ (y & x)) + Sigma0(d); x = y;
  w6 += sigma1(w4) + w15 + sigma0(w7);
  T1 = w6 + <u32>0x5b9cca4f + b + Ch(g, h, a) + Sigma1(g); f += T1; y = c ^ d; b = T1 + (d ^ (y & x)) + Sigma0(c); x = y;
  w7 += sigma1(w5) + w0 + sigma0(w8);
  T1 = w7 + <u32>0x682e6ff3 + a + Ch(f, g, h) + Sigma1(f); e += T1; y = b ^ c; a = T1 + (c ^ (y & x)) + Sigma0(b); x = y;
  w8 += sigma1(w6) + w1 + sigma0(w9);
  T1 = w8 + <u32>0x748f82ee + h + Ch(e, f, g) + Sigma1(e); d += T1; y = a ^ b; h = T1 + (b ^ (y & x)) + Sigma0(a); x = y;
  w9 += sigma1(w7) + w2 + sigma0(w10);
  T1 = w9 + <u32>0x78a5636f + g + Ch(d, e, f) + Sigma1(d); c += T1; y = h ^ a; g = T1 + (a ^ (y & x)) + Sigma0(h); x = y;
  w10 += sigma1(w8) + w3 + sigma0(w11);
  T1 = w10 + <u32>0x84c87814 + f + Ch(c, d, e) + Sigma1(c); b += T1; y = g ^ h; f = T1 + (h ^ (y & x)) + Sigma0(g); x = y;
  w11 += sigma1(w9) + w4 + sigma0(w12);
  T1 = w11 + <u32>0x8cc70208 + e + Ch(b, c, d) + Sigma1(b); a += T1; y = f ^ g; e = T1 + (g ^ (y & x)) + Sigma0(f); x = y;
  w12 += sigma1(w10) + w5 + sigma0(w13);
  T1 = w12 + <u32>0x90befffa + d + Ch(a, b, c) + Sigma1(a); h += T1; y = e ^ f; d = T1 + (f ^ (y & x)) + Sigma0(e); x = y;
  w13 += sigma1(w11) + w6 + sigma0(w14);
  T1 = w13 + <u32>0xa4506ceb + c + Ch(h, a, b) + Sigma1(h); g += T1; y = d ^ e; c = T1 + (e ^ (y & x)) + Sigma0(d); x = y;
  w14 += sigma1(w12) + w7 + sigma0(w15);
  T1 = w14 + <u32>0xbef9a3f7 + b + Ch(g, h, a) + Sigma1(g); f += T1; y = c ^ d; b = T1 + (d ^ (y & x)) + Sigma0(c); x = y;
  w15 += sigma1(w13) + w8 + sigma0(w0);
  T1 = w15 + <u32>0xc67178f2 + a + Ch(f, g, h) + Sigma1(f); e += T1; y = b ^ c; a = T1 + (c ^ (y & x)) + Sigma0(b); x = y;

  // Step 4: the intermediate hash value.
  store<u32>(state, load<u32>(state, 0) + a, 0);
  store<u32>(state, load<u32>(state, 4) + b, 4);
  store<u32>(state, load<u32>(state, 8) + c, 8);
  store<u32>(state, load<u32>(state, 12) + d, 12);
  store<u32>(state, load<u32>(state, 16) + e, 16);
  store<u32>(state, load<u32>(state, 20) + f, 20);
  store<u32>(state, load<u32>(state, 24) + g, 24);
  store<u32>(state, load<u32>(state, 28) + h, 28);
}

/**
 * compressUnrolled with rounds 16..63 as a loop of sixteen written-out rounds,
 * K[t] loaded from the table: about 10 % slower, 1.6 KB smaller gzipped. The
 * SIMD build uses it, to keep the main entry's browser bundle under 40 KB
 * (both builds ship inline, base64).
 */
// @ts-ignore: decorator
@inline function compressLooped(state: usize, block: usize): void {
  let a = load<u32>(state, 0), b = load<u32>(state, 4), c = load<u32>(state, 8), d = load<u32>(state, 12);
  let e = load<u32>(state, 16), f = load<u32>(state, 20), g = load<u32>(state, 24), h = load<u32>(state, 28);
  let T1: u32;
  let x = b ^ c, y: u32, u: u32, ch: u32, s1: u32;
  let w0 = load32be(block + 0);
  let w1 = load32be(block + 4);
  let w2 = load32be(block + 8);
  let w3 = load32be(block + 12);
  let w4 = load32be(block + 16);
  let w5 = load32be(block + 20);
  let w6 = load32be(block + 24);
  let w7 = load32be(block + 28);
  let w8 = load32be(block + 32);
  let w9 = load32be(block + 36);
  let w10 = load32be(block + 40);
  let w11 = load32be(block + 44);
  let w12 = load32be(block + 48);
  let w13 = load32be(block + 52);
  let w14 = load32be(block + 56);
  let w15 = load32be(block + 60);
  T1 = w0 + <u32>0x428a2f98 + h + Ch(e, f, g) + Sigma1(e); d += T1; y = a ^ b; h = T1 + (b ^ (y & x)) + Sigma0(a); x = y;
  T1 = w1 + <u32>0x71374491 + g + Ch(d, e, f) + Sigma1(d); c += T1; y = h ^ a; g = T1 + (a ^ (y & x)) + Sigma0(h); x = y;
  T1 = w2 + <u32>0xb5c0fbcf + f + Ch(c, d, e) + Sigma1(c); b += T1; y = g ^ h; f = T1 + (h ^ (y & x)) + Sigma0(g); x = y;
  T1 = w3 + <u32>0xe9b5dba5 + e + Ch(b, c, d) + Sigma1(b); a += T1; y = f ^ g; e = T1 + (g ^ (y & x)) + Sigma0(f); x = y;
  T1 = w4 + <u32>0x3956c25b + d + Ch(a, b, c) + Sigma1(a); h += T1; y = e ^ f; d = T1 + (f ^ (y & x)) + Sigma0(e); x = y;
  T1 = w5 + <u32>0x59f111f1 + c + Ch(h, a, b) + Sigma1(h); g += T1; y = d ^ e; c = T1 + (e ^ (y & x)) + Sigma0(d); x = y;
  T1 = w6 + <u32>0x923f82a4 + b + Ch(g, h, a) + Sigma1(g); f += T1; y = c ^ d; b = T1 + (d ^ (y & x)) + Sigma0(c); x = y;
  T1 = w7 + <u32>0xab1c5ed5 + a + Ch(f, g, h) + Sigma1(f); e += T1; y = b ^ c; a = T1 + (c ^ (y & x)) + Sigma0(b); x = y;
  T1 = w8 + <u32>0xd807aa98 + h + Ch(e, f, g) + Sigma1(e); d += T1; y = a ^ b; h = T1 + (b ^ (y & x)) + Sigma0(a); x = y;
  T1 = w9 + <u32>0x12835b01 + g + Ch(d, e, f) + Sigma1(d); c += T1; y = h ^ a; g = T1 + (a ^ (y & x)) + Sigma0(h); x = y;
  T1 = w10 + <u32>0x243185be + f + Ch(c, d, e) + Sigma1(c); b += T1; y = g ^ h; f = T1 + (h ^ (y & x)) + Sigma0(g); x = y;
  T1 = w11 + <u32>0x550c7dc3 + e + Ch(b, c, d) + Sigma1(b); a += T1; y = f ^ g; e = T1 + (g ^ (y & x)) + Sigma0(f); x = y;
  T1 = w12 + <u32>0x72be5d74 + d + Ch(a, b, c) + Sigma1(a); h += T1; y = e ^ f; d = T1 + (f ^ (y & x)) + Sigma0(e); x = y;
  T1 = w13 + <u32>0x80deb1fe + c + Ch(h, a, b) + Sigma1(h); g += T1; y = d ^ e; c = T1 + (e ^ (y & x)) + Sigma0(d); x = y;
  T1 = w14 + <u32>0x9bdc06a7 + b + Ch(g, h, a) + Sigma1(g); f += T1; y = c ^ d; b = T1 + (d ^ (y & x)) + Sigma0(c); x = y;
  T1 = w15 + <u32>0xc19bf174 + a + Ch(f, g, h) + Sigma1(f); e += T1; y = b ^ c; a = T1 + (c ^ (y & x)) + Sigma0(b); x = y;

  // Rounds 16..63, sixteen per iteration; i is the byte offset of K[t] for the first.
  for (let i: usize = 64; i < 256; i += 64) {
    w0 += sigma1(w14) + w9 + sigma0(w1);
    T1 = w0 + load<u32>(i, K + 0) + h + Ch(e, f, g) + Sigma1(e); d += T1; y = a ^ b; h = T1 + (b ^ (y & x)) + Sigma0(a); x = y;
    w1 += sigma1(w15) + w10 + sigma0(w2);
    T1 = w1 + load<u32>(i, K + 4) + g + Ch(d, e, f) + Sigma1(d); c += T1; y = h ^ a; g = T1 + (a ^ (y & x)) + Sigma0(h); x = y;
    w2 += sigma1(w0) + w11 + sigma0(w3);
    T1 = w2 + load<u32>(i, K + 8) + f + Ch(c, d, e) + Sigma1(c); b += T1; y = g ^ h; f = T1 + (h ^ (y & x)) + Sigma0(g); x = y;
    w3 += sigma1(w1) + w12 + sigma0(w4);
    T1 = w3 + load<u32>(i, K + 12) + e + Ch(b, c, d) + Sigma1(b); a += T1; y = f ^ g; e = T1 + (g ^ (y & x)) + Sigma0(f); x = y;
    w4 += sigma1(w2) + w13 + sigma0(w5);
    T1 = w4 + load<u32>(i, K + 16) + d + Ch(a, b, c) + Sigma1(a); h += T1; y = e ^ f; d = T1 + (f ^ (y & x)) + Sigma0(e); x = y;
    w5 += sigma1(w3) + w14 + sigma0(w6);
    T1 = w5 + load<u32>(i, K + 20) + c + Ch(h, a, b) + Sigma1(h); g += T1; y = d ^ e; c = T1 + (e ^ (y & x)) + Sigma0(d); x = y;
    w6 += sigma1(w4) + w15 + sigma0(w7);
    T1 = w6 + load<u32>(i, K + 24) + b + Ch(g, h, a) + Sigma1(g); f += T1; y = c ^ d; b = T1 + (d ^ (y & x)) + Sigma0(c); x = y;
    w7 += sigma1(w5) + w0 + sigma0(w8);
    T1 = w7 + load<u32>(i, K + 28) + a + Ch(f, g, h) + Sigma1(f); e += T1; y = b ^ c; a = T1 + (c ^ (y & x)) + Sigma0(b); x = y;
    w8 += sigma1(w6) + w1 + sigma0(w9);
    T1 = w8 + load<u32>(i, K + 32) + h + Ch(e, f, g) + Sigma1(e); d += T1; y = a ^ b; h = T1 + (b ^ (y & x)) + Sigma0(a); x = y;
    w9 += sigma1(w7) + w2 + sigma0(w10);
    T1 = w9 + load<u32>(i, K + 36) + g + Ch(d, e, f) + Sigma1(d); c += T1; y = h ^ a; g = T1 + (a ^ (y & x)) + Sigma0(h); x = y;
    w10 += sigma1(w8) + w3 + sigma0(w11);
    T1 = w10 + load<u32>(i, K + 40) + f + Ch(c, d, e) + Sigma1(c); b += T1; y = g ^ h; f = T1 + (h ^ (y & x)) + Sigma0(g); x = y;
    w11 += sigma1(w9) + w4 + sigma0(w12);
    T1 = w11 + load<u32>(i, K + 44) + e + Ch(b, c, d) + Sigma1(b); a += T1; y = f ^ g; e = T1 + (g ^ (y & x)) + Sigma0(f); x = y;
    w12 += sigma1(w10) + w5 + sigma0(w13);
    T1 = w12 + load<u32>(i, K + 48) + d + Ch(a, b, c) + Sigma1(a); h += T1; y = e ^ f; d = T1 + (f ^ (y & x)) + Sigma0(e); x = y;
    w13 += sigma1(w11) + w6 + sigma0(w14);
    T1 = w13 + load<u32>(i, K + 52) + c + Ch(h, a, b) + Sigma1(h); g += T1; y = d ^ e; c = T1 + (e ^ (y & x)) + Sigma0(d); x = y;
    w14 += sigma1(w12) + w7 + sigma0(w15);
    T1 = w14 + load<u32>(i, K + 56) + b + Ch(g, h, a) + Sigma1(g); f += T1; y = c ^ d; b = T1 + (d ^ (y & x)) + Sigma0(c); x = y;
    w15 += sigma1(w13) + w8 + sigma0(w0);
    T1 = w15 + load<u32>(i, K + 60) + a + Ch(f, g, h) + Sigma1(f); e += T1; y = b ^ c; a = T1 + (c ^ (y & x)) + Sigma0(b); x = y;
  }
  store<u32>(state, load<u32>(state, 0) + a, 0);
  store<u32>(state, load<u32>(state, 4) + b, 4);
  store<u32>(state, load<u32>(state, 8) + c, 8);
  store<u32>(state, load<u32>(state, 12) + d, 12);
  store<u32>(state, load<u32>(state, 16) + e, 16);
  store<u32>(state, load<u32>(state, 20) + f, 20);
  store<u32>(state, load<u32>(state, 24) + g, 24);
  store<u32>(state, load<u32>(state, 28) + h, 28);
}

/** One SHA-256 compression (FIPS 180-4 section 6.2.2) of the block at `block` into the state at `state`. */
export function compress256(state: usize, block: usize): void {
  if (ASC_FEATURE_SIMD) compressLooped(state, block);
  else compressUnrolled(state, block);
}
