/**
 * Regenerates the top-level README's Performance section (its last section)
 * from `bench/results/latest.json`, the latest full `npm run bench`.
 *
 *   npx tsx bench/readme.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { breakEvenRows, runtimeTable, SUMMARY_IDS, targets } from './lib/report.js';
import { COLD_NODE, type Report } from './lib/types.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const report = JSON.parse(readFileSync(`${ROOT}bench/results/latest.json`, 'utf8')) as Report;

const table = (head: string[], rows: string[][]): string =>
  [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
const RUNTIME: Record<string, string> = { node: 'Node', deno: 'Deno', bun: 'Bun', chromium: 'Chromium' };

const lines: string[] = [];
lines.push('## Performance', '');
lines.push(
  '`npm run bench` times wasmac against node:crypto, WebCrypto, hash-wasm and',
  '@noble/hashes in the same run, in Node, Deno, Bun and headless Chromium, plus',
  'the cold start of a fresh process and the HTTP endpoint, and writes',
  '[bench/results/latest.md](bench/results/latest.md) (every row, with its spread),',
  'the raw numbers as JSON, and the chart below. Every ratio is the median of',
  'per-round ratios (the two sides timed in alternating rounds) with its range;',
  'a target whose spread is wider than its margin is "inconclusive". The method',
  'and the options are in [bench/README.md](bench/README.md).',
  '',
  '![wasmac\'s ops/s over the native baseline\'s, per message size](bench/results/ratios.svg)',
  '',
);
const l = report.load;
lines.push(
  `The run of ${report.date}: ${report.machine.cpu}, ${report.machine.cores} cores, ${report.machine.memoryGiB} GiB, ${report.machine.os}` +
    (l === undefined ? '.' : `; machine load (1-minute average) ${l.min.toFixed(1)} to ${l.max.toFixed(1)}, median ${l.median.toFixed(1)}${l.max > 1.5 ? ': **other work was running**, so absolute numbers are low and ratios noisier than on a quiet machine' : ''}.`),
  '',
);
for (const s of report.suites) lines.push(`- ${RUNTIME[s.runtime]}: ${s.version}; baseline ${s.native}; wasmac backend ${s.backend}`);
for (const m of report.missing) lines.push(`- ${RUNTIME[m.runtime]}: not run: ${m.reason}`);
lines.push('', 'Against the project\'s performance targets (Node unless named):', '');
lines.push(table(['case', 'target', 'median [range]', 'verdict'], targets(report).map((t) => [t.name, t.target, t.measured, t.verdict === 'missed' ? '**missed**' : (t.verdict ?? '')])));
lines.push('', 'Each runtime against its own native baseline (higher is faster; in Node, Deno and Bun the `node` entry, which sends long messages to node:crypto):', '');
lines.push(runtimeTable(report, SUMMARY_IDS));
const be = breakEvenRows(report);
if (be.length > 0) {
  lines.push('', 'The break-evens of native routing (`BREAK_EVEN`), re-checked: the core alone against node:crypto at half and twice each length.', '');
  lines.push(table(['runtime', 'hash', 'break-even', 'size', 'core / node:crypto', ''], be));
}
if (report.coldStart.length > 0) {
  lines.push('', 'Cold start, fresh `node` processes (medians): inside the process from its first line to the first MAC, and the whole process from spawn to exit.', '');
  const n = report.coldStart.find((c) => c.impl === COLD_NODE);
  lines.push(
    table(
      ['implementation', 'import + first MAC (ms)', "/ node:crypto's", 'whole process (ms)', "/ node:crypto's"],
      report.coldStart.map((c) => [c.impl, c.firstMac.toFixed(1), n ? `${(c.firstMac / n.firstMac).toFixed(2)}x` : '-', c.whole.toFixed(1), n ? `${(c.whole / n.whole).toFixed(2)}x` : '-']),
    ),
  );
}
lines.push('');

const readme = readFileSync(`${ROOT}README.md`, 'utf8');
const at = readme.indexOf('\n## Performance\n');
if (at < 0) throw new Error('README.md has no "## Performance" section');
const rest = readme.slice(at + 1);
const next = rest.indexOf('\n## ', 4);
writeFileSync(`${ROOT}README.md`, readme.slice(0, at + 1) + lines.join('\n') + (next < 0 ? '' : rest.slice(next)));
console.log('README.md: Performance section regenerated from bench/results/latest.json');
