// SHA-384 and SHA-512 compression, FIPS 180-4 section 6.4 (SHA-512) and 6.5 (SHA-384).

import { load64be } from './bytes';

// FIPS 180-4 section 4.2.3: the first 64 bits of the fractional parts of the
// cube roots of the first 80 primes.
export const K512: StaticArray<u64> = [
  0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
  0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
  0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
  0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
  0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
  0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
  0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
  0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
  0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
  0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
  0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
  0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
  0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
  0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
  0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
  0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
  0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
  0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
  0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
  0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
];

// FIPS 180-4 section 5.3.5: SHA-512 initial hash value.
export const IV512: StaticArray<u64> = [
  0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
  0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
];

// FIPS 180-4 section 5.3.4: SHA-384 initial hash value.
export const IV384: StaticArray<u64> = [
  0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
  0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4,
];

// FIPS 180-4 section 4.1.3, functions (4.8) to (4.13); Ch in the form of
// sha256.ts, Maj written into the rounds. The schedule's sigma0 and sigma1
// nest their rotations as sha256.ts does (ROTR^1(x) ^ ROTR^8(x) =
// ROTR^1(ROTR^7(x) ^ x): one copy of x instead of two); Sigma0 and Sigma1 stay
// flat: nested, they lengthen the chain from one round to the next, and in
// this looped form that measured slower than the copies it saves.
// @ts-ignore: decorator
@inline function Ch(x: u64, y: u64, z: u64): u64 { return z ^ (x & (y ^ z)); }
// @ts-ignore: decorator
@inline function Sigma0(x: u64): u64 { return rotr<u64>(x, 28) ^ rotr<u64>(x, 34) ^ rotr<u64>(x, 39); }
// @ts-ignore: decorator
@inline function Sigma1(x: u64): u64 { return rotr<u64>(x, 14) ^ rotr<u64>(x, 18) ^ rotr<u64>(x, 41); }
// @ts-ignore: decorator
@inline function sigma0(x: u64): u64 { return rotr<u64>(rotr<u64>(x, 7) ^ x, 1) ^ (x >>> 7); }
// @ts-ignore: decorator
@inline function sigma1(x: u64): u64 { return rotr<u64>(rotr<u64>(x, 42) ^ x, 19) ^ (x >>> 6); }

const K: usize = changetype<usize>(K512);

/**
 * One SHA-512 compression (FIPS 180-4 section 6.4.2) of the 128-byte block at
 * `block` into the eight-word state at `state` (host-endian u64 words).
 * Written like compress256 in sha256.ts (the schedule in sixteen locals, Maj
 * with the carried x = b ^ c), but as a loop of sixteen written-out rounds,
 * K[t] loaded from the table, the next sixteen words of the schedule computed
 * after each sixteen rounds: written out in full it measured about 10 %
 * faster but 2 KB larger gzipped in each build, and the main entry's browser
 * bundle carries both builds; this form is near 1.9x hash-wasm already.
 */
export function compress512(state: usize, block: usize): void {
  let a = load<u64>(state, 0), b = load<u64>(state, 8), c = load<u64>(state, 16), d = load<u64>(state, 24);
  let e = load<u64>(state, 32), f = load<u64>(state, 40), g = load<u64>(state, 48), h = load<u64>(state, 56);
  let T1: u64, x = b ^ c, y: u64;

  // W[0..15]: the words of the block, big-endian.
  let w0 = load64be(block + 0);
  let w1 = load64be(block + 8);
  let w2 = load64be(block + 16);
  let w3 = load64be(block + 24);
  let w4 = load64be(block + 32);
  let w5 = load64be(block + 40);
  let w6 = load64be(block + 48);
  let w7 = load64be(block + 56);
  let w8 = load64be(block + 64);
  let w9 = load64be(block + 72);
  let w10 = load64be(block + 80);
  let w11 = load64be(block + 88);
  let w12 = load64be(block + 96);
  let w13 = load64be(block + 104);
  let w14 = load64be(block + 112);
  let w15 = load64be(block + 120);

  // Sixteen rounds per iteration; i is the byte offset of K[t] for the first.
  for (let i: usize = 0; ; i += 128) {
    T1 = w0 + load<u64>(i, K + 0) + h + Ch(e, f, g) + Sigma1(e); d += T1; y = a ^ b; h = T1 + (b ^ (y & x)) + Sigma0(a); x = y;
    T1 = w1 + load<u64>(i, K + 8) + g + Ch(d, e, f) + Sigma1(d); c += T1; y = h ^ a; g = T1 + (a ^ (y & x)) + Sigma0(h); x = y;
    T1 = w2 + load<u64>(i, K + 16) + f + Ch(c, d, e) + Sigma1(c); b += T1; y = g ^ h; f = T1 + (h ^ (y & x)) + Sigma0(g); x = y;
    T1 = w3 + load<u64>(i, K + 24) + e + Ch(b, c, d) + Sigma1(b); a += T1; y = f ^ g; e = T1 + (g ^ (y & x)) + Sigma0(f); x = y;
    T1 = w4 + load<u64>(i, K + 32) + d + Ch(a, b, c) + Sigma1(a); h += T1; y = e ^ f; d = T1 + (f ^ (y & x)) + Sigma0(e); x = y;
    T1 = w5 + load<u64>(i, K + 40) + c + Ch(h, a, b) + Sigma1(h); g += T1; y = d ^ e; c = T1 + (e ^ (y & x)) + Sigma0(d); x = y;
    T1 = w6 + load<u64>(i, K + 48) + b + Ch(g, h, a) + Sigma1(g); f += T1; y = c ^ d; b = T1 + (d ^ (y & x)) + Sigma0(c); x = y;
    T1 = w7 + load<u64>(i, K + 56) + a + Ch(f, g, h) + Sigma1(f); e += T1; y = b ^ c; a = T1 + (c ^ (y & x)) + Sigma0(b); x = y;
    T1 = w8 + load<u64>(i, K + 64) + h + Ch(e, f, g) + Sigma1(e); d += T1; y = a ^ b; h = T1 + (b ^ (y & x)) + Sigma0(a); x = y;
    T1 = w9 + load<u64>(i, K + 72) + g + Ch(d, e, f) + Sigma1(d); c += T1; y = h ^ a; g = T1 + (a ^ (y & x)) + Sigma0(h); x = y;
    T1 = w10 + load<u64>(i, K + 80) + f + Ch(c, d, e) + Sigma1(c); b += T1; y = g ^ h; f = T1 + (h ^ (y & x)) + Sigma0(g); x = y;
    T1 = w11 + load<u64>(i, K + 88) + e + Ch(b, c, d) + Sigma1(b); a += T1; y = f ^ g; e = T1 + (g ^ (y & x)) + Sigma0(f); x = y;
    T1 = w12 + load<u64>(i, K + 96) + d + Ch(a, b, c) + Sigma1(a); h += T1; y = e ^ f; d = T1 + (f ^ (y & x)) + Sigma0(e); x = y;
    T1 = w13 + load<u64>(i, K + 104) + c + Ch(h, a, b) + Sigma1(h); g += T1; y = d ^ e; c = T1 + (e ^ (y & x)) + Sigma0(d); x = y;
    T1 = w14 + load<u64>(i, K + 112) + b + Ch(g, h, a) + Sigma1(g); f += T1; y = c ^ d; b = T1 + (d ^ (y & x)) + Sigma0(c); x = y;
    T1 = w15 + load<u64>(i, K + 120) + a + Ch(f, g, h) + Sigma1(f); e += T1; y = b ^ c; a = T1 + (c ^ (y & x)) + Sigma0(b); x = y;
    if (i == 512) break;
    // W[t] = sigma1(W[t-2]) + W[t-7] + sigma0(W[t-15]) + W[t-16] for the next sixteen t.
    w0 += sigma1(w14) + w9 + sigma0(w1);
    w1 += sigma1(w15) + w10 + sigma0(w2);
    w2 += sigma1(w0) + w11 + sigma0(w3);
    w3 += sigma1(w1) + w12 + sigma0(w4);
    w4 += sigma1(w2) + w13 + sigma0(w5);
    w5 += sigma1(w3) + w14 + sigma0(w6);
    w6 += sigma1(w4) + w15 + sigma0(w7);
    w7 += sigma1(w5) + w0 + sigma0(w8);
    w8 += sigma1(w6) + w1 + sigma0(w9);
    w9 += sigma1(w7) + w2 + sigma0(w10);
    w10 += sigma1(w8) + w3 + sigma0(w11);
    w11 += sigma1(w9) + w4 + sigma0(w12);
    w12 += sigma1(w10) + w5 + sigma0(w13);
    w13 += sigma1(w11) + w6 + sigma0(w14);
    w14 += sigma1(w12) + w7 + sigma0(w15);
    w15 += sigma1(w13) + w8 + sigma0(w0);
  }

  // The intermediate hash value.
  store<u64>(state, load<u64>(state, 0) + a, 0);
  store<u64>(state, load<u64>(state, 8) + b, 8);
  store<u64>(state, load<u64>(state, 16) + c, 16);
  store<u64>(state, load<u64>(state, 24) + d, 24);
  store<u64>(state, load<u64>(state, 32) + e, 32);
  store<u64>(state, load<u64>(state, 40) + f, 40);
  store<u64>(state, load<u64>(state, 48) + g, 48);
  store<u64>(state, load<u64>(state, 56) + h, 56);
}
