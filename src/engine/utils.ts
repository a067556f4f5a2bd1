/**
 * Byte helpers shared by the engine and the facade: argument checks that name
 * the argument, UTF-8, hex, base64 and a constant-time comparison.
 */

/** A message: bytes, or a string that is UTF-8 encoded. */
export type Bytes = Uint8Array | string;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an Array';
  if (typeof value === 'object') return `a ${value.constructor?.name ?? 'Object'}`;
  return `a ${typeof value}`;
}

/** Throws a TypeError naming `name` unless `value` is a Uint8Array. */
export function abytes(value: unknown, name: string): asserts value is Uint8Array {
  if (value instanceof Uint8Array) return;
  throw new TypeError(`${name} must be a Uint8Array, got ${describe(value)}`);
}

/** Throws a TypeError naming `name` unless `value` is a Uint8Array or a string. */
export function abytesOrString(value: unknown, name: string): asserts value is Bytes {
  if (value instanceof Uint8Array || typeof value === 'string') return;
  throw new TypeError(`${name} must be a Uint8Array or a string, got ${describe(value)}`);
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a string; a Uint8Array is returned as it is. */
export function utf8(data: Bytes): Uint8Array {
  return typeof data === 'string' ? encoder.encode(data) : data;
}

/** Encodes `text` as UTF-8 into `target`; returns the bytes written, or -1 when it might not fit. */
export function utf8Into(text: string, target: Uint8Array): number {
  if (text.length * 3 > target.length) return -1;
  return encoder.encodeInto(text, target).written;
}

/**
 * Compares two byte arrays in time that depends only on their lengths: every
 * byte is XORed into an accumulator, with no early exit. Arrays of different
 * lengths are unequal (that much is not secret).
 */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  abytes(a, 'a');
  abytes(b, 'b');
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lower-case hex of `bytes`. */
export function toHex(bytes: Uint8Array): string {
  abytes(bytes, 'bytes');
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!];
  return out;
}

function hexNibble(code: number): number {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 97 && code <= 102) return code - 87; // a-f
  if (code >= 65 && code <= 70) return code - 55; // A-F
  return -1;
}

/** Bytes of a hex string (either case, even length, nothing else). */
export function fromHex(hex: string): Uint8Array {
  if (typeof hex !== 'string') throw new TypeError(`hex must be a string, got ${describe(hex)}`);
  if (hex.length % 2 !== 0) throw new SyntaxError(`hex must have an even length, got ${hex.length}`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = hexNibble(hex.charCodeAt(2 * i));
    const lo = hexNibble(hex.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) throw new SyntaxError(`hex has a non-hex character at index ${hi < 0 ? 2 * i : 2 * i + 1}`);
    out[i] = (hi << 4) | lo;
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** Standard base64 (RFC 4648 section 4) with padding. */
export function toBase64(bytes: Uint8Array): string {
  abytes(bytes, 'bytes');
  let out = '';
  const full = bytes.length - (bytes.length % 3);
  for (let i = 0; i < full; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - full;
  if (rest === 1) {
    const n = bytes[full]! << 16;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const n = (bytes[full]! << 16) | (bytes[full + 1]! << 8);
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + '=';
  }
  return out;
}

/** By padding length: the bits of the last group that decode to no byte. */
const UNUSED_BITS = [0, 0xff, 0xffff] as const;

/**
 * Bytes of standard, padded base64 (RFC 4648 section 4). Anything else (other
 * alphabets, missing padding, whitespace, non-zero trailing bits) is refused.
 */
export function fromBase64(base64: string): Uint8Array {
  if (typeof base64 !== 'string') throw new TypeError(`base64 must be a string, got ${describe(base64)}`);
  if (base64.length % 4 !== 0) throw new SyntaxError(`base64 must have a length that is a multiple of 4, got ${base64.length}`);
  const pad = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((base64.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < base64.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const code = base64.charCodeAt(i + j);
      const isPad = code === 61 && i + 4 === base64.length && j >= 4 - pad;
      const v = isPad ? 0 : code < 128 ? B64_INDEX[code]! : -1;
      if (v < 0) throw new SyntaxError(`base64 has an invalid character at index ${i + j}`);
      n = (n << 6) | v;
    }
    // The padded last group carries 8 or 16 bits that no byte uses: they must be zero.
    if (i + 4 === base64.length && (n & UNUSED_BITS[pad]!) !== 0) {
      throw new SyntaxError('base64 has non-zero bits after its last byte');
    }
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
