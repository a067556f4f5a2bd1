/**
 * Ratios: each row against its runtime's native baseline, measured in the same
 * run. The suite times both rows of a ratio in every round, close in time, so
 * a ratio is the median of the per-round ratios, with their range as spread.
 */
import { BATCH_COUNT, FACADE_SIZE, fmtOps, rowId } from './suite.js';
import type { NativeName, Row, SuiteResult } from './types.js';

/** The id of the native row that `row` is compared with. */
export function baselineId(row: Row, native: NativeName): string {
  switch (row.group) {
    case 'hmac':
      return rowId('hmac', row.hash, row.size, native);
    case 'hash':
      return rowId('hash', row.hash, row.size, native === 'node:crypto' ? 'node:crypto hash' : 'WebCrypto digest');
    case 'batch':
      return rowId('batch', row.hash, row.size, native === 'node:crypto' ? `node:crypto x${BATCH_COUNT}` : `WebCrypto x${BATCH_COUNT}`);
    case 'facade':
      return rowId('facade', 'sha256', FACADE_SIZE, native);
    case 'crossover':
      return rowId('crossover', row.hash, row.size, 'node:crypto KeyObject');
  }
}

/** A ratio over rounds: the median of the per-round ratios and their range. */
export interface RatioStat {
  median: number;
  lo: number;
  hi: number;
  rounds: number;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** `row` against the row with id `id` in `suite`, round by round, if that row ran. */
export function statTo(suite: SuiteResult, row: Row, id: string): RatioStat | undefined {
  const base = suite.rows.find((r) => r.id === id);
  if (base === undefined) return undefined;
  const n = Math.min(row.rounds.length, base.rounds.length);
  const rs: number[] = [];
  for (let i = 0; i < n; i++) if (base.rounds[i]! > 0) rs.push(row.rounds[i]! / base.rounds[i]!);
  if (rs.length === 0) return undefined;
  return { median: median(rs), lo: Math.min(...rs), hi: Math.max(...rs), rounds: rs.length };
}

export function stat(suite: SuiteResult, row: Row): RatioStat | undefined {
  return statTo(suite, row, baselineId(row, suite.native));
}

export function ratioTo(suite: SuiteResult, row: Row, id: string): number | undefined {
  return statTo(suite, row, id)?.median;
}

export function ratio(suite: SuiteResult, row: Row): number | undefined {
  return stat(suite, row)?.median;
}

export type Verdict = 'met' | 'missed' | 'inconclusive';

/**
 * Whether `s` meets `target` (at least it, or at most it with `atMost`): a
 * spread (half the range of the per-round ratios) wider than the margin
 * between the median and the target is inconclusive, whatever the median says.
 */
export function verdict(s: RatioStat, target: number, atMost = false): Verdict {
  const spread = (s.hi - s.lo) / 2;
  if (spread > Math.abs(s.median - target)) return 'inconclusive';
  return (atMost ? s.median <= target : s.median >= target) ? 'met' : 'missed';
}

/** `1.23x [1.10-1.31]`. */
export function fmtStat(s: RatioStat | undefined): string {
  if (s === undefined) return '-';
  return `${fmtRatio(s.median)} [${s.lo.toFixed(2)}-${s.hi.toFixed(2)}]`;
}

export function fmtRatio(r: number | undefined): string {
  if (r === undefined) return '-';
  return r >= 10 ? `${r.toFixed(1)}x` : `${r.toFixed(2)}x`;
}

export function fmtSize(n: number): string {
  if (n >= 1 << 20) return `${n / (1 << 20)} MiB`;
  if (n >= 1024 && n % 1024 === 0 && n !== 4096) return `${n / 1024} KiB`;
  return `${n} B`;
}

/** MB/s (10^6 bytes) of message data. */
export function mbps(row: Row): number {
  return (row.ops * row.size) / 1e6;
}

export function groupTitle(row: Row): string {
  const h = row.hash === 'sha256' ? 'SHA-256' : 'SHA-512';
  switch (row.group) {
    case 'hmac':
      return `HMAC-${h}`;
    case 'hash':
      return h;
    case 'batch':
      return `HMAC-${h} batch of ${BATCH_COUNT}`;
    case 'facade':
      return 'Facade';
    case 'crossover':
      return `HMAC-${h} break-even check`;
  }
}

/** A plain-text table of one suite for the console. */
export function consoleTable(suite: SuiteResult): string {
  const lines = [`${suite.runtime} (${suite.version}); ratios vs ${suite.native}; wasmac backend ${suite.backend}`];
  let last = '';
  for (const row of suite.rows) {
    const head = `${groupTitle(row)} ${fmtSize(row.size)}`;
    if (head !== last) {
      lines.push(`-- ${head}${row.group === 'batch' ? ' (per message)' : ''}`);
      last = head;
    }
    lines.push(
      `   ${row.impl.padEnd(36)} ${fmtOps(row.ops).padStart(9)} msg/s ${mbps(row).toFixed(1).padStart(8)} MB/s ${fmtRatio(ratio(suite, row)).padStart(7)}`,
    );
  }
  lines.push(...suite.notes.map((n) => `note: ${n}`));
  return lines.join('\n');
}
