/**
 * A tiny deterministic PRNG (mulberry32) so that the differential suites draw
 * the same inputs on every run: a failure names its seed and reproduces.
 */

/** Random draws from one seeded stream. */
export interface Prng {
  /** A uniform 32-bit unsigned integer. */
  u32(): number;
  /** A uniform integer in [0, n). */
  below(n: number): number;
  /** A uniform integer in [lo, hi], both included. */
  between(lo: number, hi: number): number;
  /** `n` random bytes. */
  bytes(n: number): Uint8Array;
  /** A random element of `items`. */
  pick<T>(items: readonly T[]): T;
  /** Sorted cut points that split `length` into at most `pieces` pieces (empty pieces allowed). */
  cuts(length: number, pieces: number): number[];
  /** A string of `n` code points mixing 1-, 2-, 3- and 4-byte UTF-8 characters. */
  text(n: number): string;
}

/** Code point ranges by UTF-8 length: ASCII, Latin/Greek/Cyrillic, CJK and symbols, emoji and other astral planes. */
const RANGES: readonly (readonly [number, number])[] = [
  [0x00, 0x7f],
  [0x80, 0x7ff],
  [0x800, 0xd7ff],
  [0xe000, 0xfffd],
  [0x10000, 0x10ffff],
];

export function prng(seed: number): Prng {
  let state = seed >>> 0;
  const u32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const below = (n: number): number => Math.floor((u32() / 0x1_0000_0000) * n);
  const between = (lo: number, hi: number): number => lo + below(hi - lo + 1);
  return {
    u32,
    below,
    between,
    bytes(n) {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i += 4) {
        const r = u32();
        out[i] = r;
        if (i + 1 < n) out[i + 1] = r >>> 8;
        if (i + 2 < n) out[i + 2] = r >>> 16;
        if (i + 3 < n) out[i + 3] = r >>> 24;
      }
      return out;
    },
    pick(items) {
      return items[below(items.length)]!;
    },
    cuts(length, pieces) {
      return Array.from({ length: pieces - 1 }, () => between(0, length)).sort((a, b) => a - b);
    },
    text(n) {
      let out = '';
      for (let i = 0; i < n; i++) {
        const [lo, hi] = RANGES[below(RANGES.length)]!;
        out += String.fromCodePoint(between(lo, hi));
      }
      return out;
    },
  };
}

/** `data` cut at `cuts` (sorted offsets), as views. */
export function splitAt(data: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const bounds = [0, ...cuts, data.length];
  return bounds.slice(1).map((end, i) => data.subarray(bounds[i]!, end));
}

/** `text` cut at `cuts` (sorted offsets counted in code points, so no surrogate pair is broken). */
export function splitText(text: string, cuts: readonly number[]): string[] {
  const points = Array.from(text);
  const bounds = [0, ...cuts.map((c) => Math.min(c, points.length)), points.length];
  return bounds.slice(1).map((end, i) => points.slice(bounds[i]!, end).join(''));
}

/** The core's input window (256 KiB): larger inputs are fed to it in chunks. */
export const WINDOW = 256 * 1024;

/**
 * Message lengths above 1100 bytes worth testing: around the input window and
 * its multiples, up to 1 MiB, plus a few drawn from `rng`.
 */
export function largeLengths(rng: Prng): number[] {
  const fixed = [1535, 4096, 65537, WINDOW - 1, WINDOW, WINDOW + 1, 2 * WINDOW - 1, 2 * WINDOW + 1, 3 * WINDOW, 4 * WINDOW - 1, 4 * WINDOW];
  const drawn = Array.from({ length: 3 }, () => rng.between(1101, 4 * WINDOW));
  return [...fixed, ...drawn];
}
