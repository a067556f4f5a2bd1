// Big-endian loads and stores: SHA-2 reads and writes words most significant byte first
// (FIPS 180-4 section 3.1); Wasm memory is little-endian, so each is a byte swap.

// @ts-ignore: decorator
@inline export function load32be(p: usize): u32 { return bswap<u32>(load<u32>(p)); }
// @ts-ignore: decorator
@inline export function load64be(p: usize): u64 { return bswap<u64>(load<u64>(p)); }
// @ts-ignore: decorator
@inline export function store32be(p: usize, v: u32): void { store<u32>(p, bswap<u32>(v)); }
// @ts-ignore: decorator
@inline export function store64be(p: usize, v: u64): void { store<u64>(p, bswap<u64>(v)); }
