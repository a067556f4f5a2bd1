/**
 * Getting messages into the core's input window: one copy in, straight from the
 * caller's bytes (or, for a string, straight from the UTF-8 encoder).
 */
import type { Core } from './core.js';
import { utf8, utf8Into, type Bytes } from './utils.js';

/** Copies `data` into the input window; returns its length, or -1 if it needs more than one window. */
export function stage(c: Core, data: Bytes): number {
  if (typeof data === 'string') return utf8Into(data, c.input);
  if (data.length > c.INPUT_SIZE) return -1;
  c.input.set(data);
  return data.length;
}

/** Feeds `data` through the input window a window at a time, calling `absorb(len)` after each copy. */
export function feed(c: Core, data: Bytes, absorb: (len: number) => void): void {
  const bytes = utf8(data);
  for (let off = 0; off < bytes.length; off += c.INPUT_SIZE) {
    const n = Math.min(c.INPUT_SIZE, bytes.length - off);
    c.input.set(bytes.subarray(off, off + n));
    absorb(n);
  }
}
