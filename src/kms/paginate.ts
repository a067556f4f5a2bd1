/**
 * Pagination as the KMS list operations do it: `Limit` / `Marker` in,
 * `NextMarker` / `Truncated` out. Markers are opaque to callers; ours carry
 * the sort key of the last item returned, so a page boundary survives
 * items added or removed between calls.
 */
import { fromBase64, toBase64 } from '../engine/index.js';
import { InvalidMarkerException } from './errors.js';

const PREFIX = 'wasmac1:';
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** One page of `items` (already sorted by `keyOf`, ascending). */
export interface Page<T> {
  items: T[];
  NextMarker?: string;
  Truncated: boolean;
}

function decodeMarker(marker: string): string {
  let text: string;
  try {
    text = decoder.decode(fromBase64(marker));
  } catch {
    text = '';
  }
  // AWS's text for a marker it did not issue is not recorded (SEMANTICS.md LIST-1).
  if (!text.startsWith(PREFIX)) throw new InvalidMarkerException('Invalid marker');
  return text.slice(PREFIX.length);
}

/**
 * The page of sorted `items` after `marker` (from the start without one),
 * at most `limit` long.
 * @throws InvalidMarkerException for a marker no response of ours returned
 */
export function paginate<T>(items: readonly T[], keyOf: (item: T) => string, limit: number, marker: string | undefined): Page<T> {
  let start = 0;
  if (marker !== undefined) {
    const after = decodeMarker(marker);
    while (start < items.length && keyOf(items[start]!) <= after) start++;
  }
  const page = items.slice(start, start + limit);
  if (start + limit >= items.length) return { items: page, Truncated: false };
  const last = keyOf(page[page.length - 1]!);
  return { items: page, NextMarker: toBase64(encoder.encode(PREFIX + last)), Truncated: true };
}

/** Sorts by `keyOf` in code-unit order (the order `paginate` relies on). */
export function sortBy<T>(items: T[], keyOf: (item: T) => string): T[] {
  return items.sort((a, b) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}
