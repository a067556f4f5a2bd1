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

// FIPS 180-4 section 4.1.2, functions (4.2) to (4.7).
// @ts-ignore: decorator
@inline function Ch(x: u32, y: u32, z: u32): u32 { return (x & y) ^ (~x & z); }
// @ts-ignore: decorator
@inline function Maj(x: u32, y: u32, z: u32): u32 { return (x & y) ^ (x & z) ^ (y & z); }
// @ts-ignore: decorator
@inline function Sigma0(x: u32): u32 { return rotr<u32>(x, 2) ^ rotr<u32>(x, 13) ^ rotr<u32>(x, 22); }
// @ts-ignore: decorator
@inline function Sigma1(x: u32): u32 { return rotr<u32>(x, 6) ^ rotr<u32>(x, 11) ^ rotr<u32>(x, 25); }
// @ts-ignore: decorator
@inline function sigma0(x: u32): u32 { return rotr<u32>(x, 7) ^ rotr<u32>(x, 18) ^ (x >>> 3); }
// @ts-ignore: decorator
@inline function sigma1(x: u32): u32 { return rotr<u32>(x, 17) ^ rotr<u32>(x, 19) ^ (x >>> 10); }

/**
 * One SHA-256 compression (FIPS 180-4 section 6.2.2) of the 64-byte block at
 * `block` into the eight-word state at `state` (host-endian u32 words).
 * `w` is 256 bytes of scratch for the message schedule.
 */
export function compress256(state: usize, block: usize, w: usize): void {
  // Step 1: prepare the message schedule W[0..63].
  for (let t: usize = 0; t < 16; t++) {
    store<u32>(w + (t << 2), load32be(block + (t << 2)));
  }
  for (let t: usize = 16; t < 64; t++) {
    const p = w + (t << 2);
    store<u32>(p,
      sigma1(load<u32>(p - 8)) + load<u32>(p - 28) + sigma0(load<u32>(p - 60)) + load<u32>(p - 64));
  }

  // Step 2: initialise the working variables with the previous hash value.
  let a = load<u32>(state, 0), b = load<u32>(state, 4), c = load<u32>(state, 8), d = load<u32>(state, 12);
  let e = load<u32>(state, 16), f = load<u32>(state, 20), g = load<u32>(state, 24), h = load<u32>(state, 28);

  // Step 3: 64 rounds, eight at a time so that the variables rotate by renaming
  // instead of by moves.
  for (let t: i32 = 0; t < 64; t += 8) {
    const kw = w + (<usize>t << 2);
    let T1: u32;
    T1 = h + Sigma1(e) + Ch(e, f, g) + unchecked(K256[t]) + load<u32>(kw, 0);
    d += T1; h = T1 + Sigma0(a) + Maj(a, b, c);
    T1 = g + Sigma1(d) + Ch(d, e, f) + unchecked(K256[t + 1]) + load<u32>(kw, 4);
    c += T1; g = T1 + Sigma0(h) + Maj(h, a, b);
    T1 = f + Sigma1(c) + Ch(c, d, e) + unchecked(K256[t + 2]) + load<u32>(kw, 8);
    b += T1; f = T1 + Sigma0(g) + Maj(g, h, a);
    T1 = e + Sigma1(b) + Ch(b, c, d) + unchecked(K256[t + 3]) + load<u32>(kw, 12);
    a += T1; e = T1 + Sigma0(f) + Maj(f, g, h);
    T1 = d + Sigma1(a) + Ch(a, b, c) + unchecked(K256[t + 4]) + load<u32>(kw, 16);
    h += T1; d = T1 + Sigma0(e) + Maj(e, f, g);
    T1 = c + Sigma1(h) + Ch(h, a, b) + unchecked(K256[t + 5]) + load<u32>(kw, 20);
    g += T1; c = T1 + Sigma0(d) + Maj(d, e, f);
    T1 = b + Sigma1(g) + Ch(g, h, a) + unchecked(K256[t + 6]) + load<u32>(kw, 24);
    f += T1; b = T1 + Sigma0(c) + Maj(c, d, e);
    T1 = a + Sigma1(f) + Ch(f, g, h) + unchecked(K256[t + 7]) + load<u32>(kw, 28);
    e += T1; a = T1 + Sigma0(b) + Maj(b, c, d);
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
