// SHA-224 and SHA-256 compression, FIPS 180-4 section 6.2 (SHA-256) and 6.3 (SHA-224).

import { load32be } from './bytes';
import { schedule256x4 } from './simd';

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

// FIPS 180-4 section 4.1.2, functions (4.2) to (4.7). Ch and Maj are written
// in equivalent forms with fewer operations: z ^ (x & (y ^ z)) picks y where x
// is set and z elsewhere; (x & y) | (z & (x | y)) is set where two of three are.
// @ts-ignore: decorator
@inline function Ch(x: u32, y: u32, z: u32): u32 { return z ^ (x & (y ^ z)); }
// @ts-ignore: decorator
@inline function Maj(x: u32, y: u32, z: u32): u32 { return (x & y) | (z & (x | y)); }
// @ts-ignore: decorator
@inline function Sigma0(x: u32): u32 { return rotr<u32>(x, 2) ^ rotr<u32>(x, 13) ^ rotr<u32>(x, 22); }
// @ts-ignore: decorator
@inline function Sigma1(x: u32): u32 { return rotr<u32>(x, 6) ^ rotr<u32>(x, 11) ^ rotr<u32>(x, 25); }
// @ts-ignore: decorator
@inline function sigma0(x: u32): u32 { return rotr<u32>(x, 7) ^ rotr<u32>(x, 18) ^ (x >>> 3); }
// @ts-ignore: decorator
@inline function sigma1(x: u32): u32 { return rotr<u32>(x, 17) ^ rotr<u32>(x, 19) ^ (x >>> 10); }

/**
 * K[t] + W[t] for t = 0..63: the message schedule (FIPS 180-4 section 6.2.2
 * step 1) with each round's constant added ahead, so that a round loads one
 * word. A static region at a constant address: every access is an immediate
 * offset from the loop counter.
 */
export const KW256: usize = memory.data(256, 16);
const K: usize = changetype<usize>(K256);

/** Fills KW256 from the 64-byte block at `block`, one word at a time (the SIMD build has schedule256x4). */
function schedule256(block: usize): void {
  for (let i: usize = 0; i < 64; i += 4) {
    store<u32>(i, load32be(block + i), KW256);
  }
  // W[t] = sigma1(W[t-2]) + W[t-7] + sigma0(W[t-15]) + W[t-16], two per
  // iteration; i is the byte offset of W[t-16].
  for (let i: usize = 0; i < 192; i += 8) {
    store<u32>(i, sigma1(load<u32>(i, KW256 + 56)) + load<u32>(i, KW256 + 36)
      + sigma0(load<u32>(i, KW256 + 4)) + load<u32>(i, KW256), KW256 + 64);
    store<u32>(i, sigma1(load<u32>(i, KW256 + 60)) + load<u32>(i, KW256 + 40)
      + sigma0(load<u32>(i, KW256 + 8)) + load<u32>(i, KW256 + 4), KW256 + 68);
  }
  for (let i: usize = 0; i < 256; i += 8) {
    store<u32>(i, load<u32>(i, KW256) + load<u32>(i, K), KW256);
    store<u32>(i, load<u32>(i, KW256 + 4) + load<u32>(i, K + 4), KW256 + 4);
  }
}

/**
 * One SHA-256 compression (FIPS 180-4 section 6.2.2) of the 64-byte block at
 * `block` into the eight-word state at `state` (host-endian u32 words).
 */
export function compress256(state: usize, block: usize): void {
  // Step 1: the message schedule, with K[t] added.
  if (ASC_FEATURE_SIMD) schedule256x4(KW256, block);
  else schedule256(block);

  // Step 2: initialise the working variables with the previous hash value.
  let a = load<u32>(state, 0), b = load<u32>(state, 4), c = load<u32>(state, 8), d = load<u32>(state, 12);
  let e = load<u32>(state, 16), f = load<u32>(state, 20), g = load<u32>(state, 24), h = load<u32>(state, 28);

  // Step 3: 64 rounds, eight at a time so that the variables rotate by
  // renaming instead of by moves; i is the byte offset of K[t] + W[t]. T1 adds
  // Sigma1(e) last and T2 = Sigma0(a) + Maj(a, b, c) is added Sigma0 last: the
  // terms that wait on the previous round come last, which keeps the chain
  // from one round to the next short.
  for (let i: usize = 0; i < 256; i += 32) {
    let T1: u32;
    T1 = load<u32>(i, KW256) + h + Ch(e, f, g) + Sigma1(e);
    d += T1; h = T1 + Maj(a, b, c) + Sigma0(a);
    T1 = load<u32>(i, KW256 + 4) + g + Ch(d, e, f) + Sigma1(d);
    c += T1; g = T1 + Maj(h, a, b) + Sigma0(h);
    T1 = load<u32>(i, KW256 + 8) + f + Ch(c, d, e) + Sigma1(c);
    b += T1; f = T1 + Maj(g, h, a) + Sigma0(g);
    T1 = load<u32>(i, KW256 + 12) + e + Ch(b, c, d) + Sigma1(b);
    a += T1; e = T1 + Maj(f, g, h) + Sigma0(f);
    T1 = load<u32>(i, KW256 + 16) + d + Ch(a, b, c) + Sigma1(a);
    h += T1; d = T1 + Maj(e, f, g) + Sigma0(e);
    T1 = load<u32>(i, KW256 + 20) + c + Ch(h, a, b) + Sigma1(h);
    g += T1; c = T1 + Maj(d, e, f) + Sigma0(d);
    T1 = load<u32>(i, KW256 + 24) + b + Ch(g, h, a) + Sigma1(g);
    f += T1; b = T1 + Maj(c, d, e) + Sigma0(c);
    T1 = load<u32>(i, KW256 + 28) + a + Ch(f, g, h) + Sigma1(f);
    e += T1; a = T1 + Maj(b, c, d) + Sigma0(b);
  }

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
