/**
 * Ratios: each row against its runtime's native baseline, measured in the same run.
 */
import { BATCH_COUNT, FACADE_SIZE, fmtOps, rowId } from './suite.js';
import type { NativeName, Row, SuiteResult } from './types.js';

/** The id of the native row that `row` is compared with. */
export function baselineId(row: Row, native: NativeName): string {
  switch (row.group) {
    case 'hmac':
    case 'hash':
      return rowId(row.group, row.hash, row.size, native);
    case 'batch':
      return rowId('batch', row.hash, row.size, native === 'node:crypto' ? `node:crypto x${BATCH_COUNT}` : `WebCrypto x${BATCH_COUNT} (Promise.all)`);
    case 'facade':
      return rowId('hmac', 'sha256', FACADE_SIZE, native);
  }
}

/** `row.ops` over the ops of the row with id `id` in `suite`, if that row ran. */
export function ratioTo(suite: SuiteResult, row: Row, id: string): number | undefined {
  const base = suite.rows.find((r) => r.id === id);
  return base === undefined || base.ops === 0 ? undefined : row.ops / base.ops;
}

export function ratio(suite: SuiteResult, row: Row): number | undefined {
  return ratioTo(suite, row, baselineId(row, suite.native));
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
