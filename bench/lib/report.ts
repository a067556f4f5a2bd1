/**
 * The report: markdown (tables of ops/s, MB/s and ratios; targets; a column
 * per runtime; cold start) and a hand-written SVG chart of the ratios per
 * message size.
 */
import { baselineId, fmtRatio, fmtSize, fmtStat, groupTitle, mbps, ratio, stat, statTo, verdict, type RatioStat, type Verdict } from './ratios.js';
import { BATCH_COUNT, BATCH_SIZES, FACADE_SIZE, fmtOps, HASH_SIZE, HASHES, HMAC_SIZES, rowId } from './suite.js';
import { BREAK_EVEN } from '../../src/index.js';
import { COLD_ENGINE, COLD_MAIN, COLD_NODE, type ColdStartRow, type Report, type Row, type RuntimeName, type SuiteResult } from './types.js';

const RUNTIME_TITLE: Record<RuntimeName, string> = { node: 'Node', deno: 'Deno', bun: 'Bun', chromium: 'Chromium' };

export interface Target {
  name: string;
  target: string;
  measured: string;
  verdict: Verdict | undefined;
  how: string;
}

function suite(report: Report, runtime: RuntimeName): SuiteResult | undefined {
  return report.suites.find((s) => s.runtime === runtime);
}

function find(s: SuiteResult | undefined, id: string): Row | undefined {
  return s?.rows.find((r) => r.id === id);
}

/** The stat of row `id` against row `base` (its native baseline when omitted) in `s`. */
function statOf(s: SuiteResult | undefined, id: string, base?: string): RatioStat | undefined {
  const row = find(s, id);
  if (s === undefined || row === undefined) return undefined;
  return base === undefined ? stat(s, row) : statTo(s, row, base);
}

/** The targets of PERFORMANCE.md: Node unless a row names its runtime. */
export function targets(report: Report): Target[] {
  const node = suite(report, 'node');
  const out: Target[] = [];
  const add = (name: string, target: string, st: RatioStat | undefined, min: number, how: string, atMost = false): void => {
    out.push({ name, target, measured: st === undefined ? 'not measured' : fmtStat(st), verdict: st === undefined ? undefined : verdict(st, min, atMost), how });
  };
  add('HMAC-SHA-256, 32 B, reusable key, one call', '>= 4x node:crypto', statOf(node, rowId('hmac', 'sha256', 32, 'wasmac HmacKey.mac')), 4, '`HmacKey.mac`');
  add('HMAC-SHA-512, 32 B, reusable key', '>= 3.5x node:crypto', statOf(node, rowId('hmac', 'sha512', 32, 'wasmac HmacKey.mac')), 3.5, '`HmacKey.mac`');
  add(`HMAC-SHA-256 batch, ${BATCH_COUNT} x 64 B, per message`, '>= 6x node:crypto', statOf(node, rowId('batch', 'sha256', 64, 'wasmac macBatch')), 6, `\`macBatch\` vs ${BATCH_COUNT} \`createHmac\``);
  add(`HMAC-SHA-256 batch, ${BATCH_COUNT} x 64 B, \`macBatchInto\``, '>= 8x node:crypto', statOf(node, rowId('batch', 'sha256', 64, 'wasmac macBatchInto')), 8, 'one output array');
  add(`HMAC-SHA-256 batch, ${BATCH_COUNT} x 4096 B, per message`, '>= 1x node:crypto', statOf(node, rowId('batch', 'sha256', 4096, 'wasmac macBatch')), 1, 'native route above the batch break-even');
  for (const rt of ['node', 'deno', 'bun'] as const) {
    const s = suite(report, rt);
    if (s === undefined) continue;
    for (const hash of HASHES) {
      const stats = HMAC_SIZES.map((size) => ({ size, st: statOf(s, rowId('hmac', hash, size, 'wasmac HmacKey.mac')) })).filter((x): x is { size: number; st: RatioStat } => x.st !== undefined);
      const worst = stats.reduce<{ size: number; st: RatioStat } | undefined>((w, x) => (w === undefined || x.st.median < w.st.median ? x : w), undefined);
      out.push({
        name: `\`HmacKey.mac\` (HMAC-${hash === 'sha256' ? 'SHA-256' : 'SHA-512'}) at every size 0 B..1 MiB, ${RUNTIME_TITLE[rt]}`,
        target: '>= 0.95x node:crypto',
        measured: worst === undefined ? 'not measured' : `lowest ${fmtStat(worst.st)} at ${fmtSize(worst.size)}`,
        verdict: worst === undefined ? undefined : verdict(worst.st, 0.95),
        how: `${stats.length} sizes; the lowest median counts`,
      });
    }
  }
  add(`\`client.send(GenerateMacCommand)\`, ${FACADE_SIZE} B`, '>= 1x node:crypto', statOf(node, rowId('facade', 'sha256', FACADE_SIZE, 'wasmac GenerateMac (facade)')), 1, "awaited, vs node's bare `createHmac`");
  for (const [hash, min] of [['sha256', 1.1], ['sha512', 1.5]] as const) {
    add(
      `${hash === 'sha256' ? 'SHA-256' : 'SHA-512'}, 1 MiB, scalar core`,
      `>= ${min}x hash-wasm`,
      statOf(node, rowId('hash', hash, HASH_SIZE, 'wasmac sha() (scalar core)'), rowId('hash', hash, HASH_SIZE, 'hash-wasm hash')),
      min,
      `\`${hash}()\` under \`useBackend('scalar')\``,
    );
  }
  const cold = (impl: string): ColdStartRow | undefined => report.coldStart.find((c) => c.impl === impl);
  const n = cold(COLD_NODE);
  /** Per-process ratios of `w` to node:crypto (the i-th process of each, spawned in the same round). */
  const perRun = (w: ColdStartRow | undefined, pick: (c: ColdStartRow) => number[]): RatioStat | undefined => {
    if (w === undefined || n === undefined) return undefined;
    const a = pick(w);
    const b = pick(n);
    const rs = a.slice(0, Math.min(a.length, b.length)).map((x, i) => x / b[i]!);
    if (rs.length === 0) return undefined;
    const sorted = [...rs].sort((x, y) => x - y);
    return { median: sorted[sorted.length >> 1]!, lo: sorted[0]!, hi: sorted[sorted.length - 1]!, rounds: rs.length };
  };
  const coldRow = (w: ColdStartRow | undefined, pick: (c: ColdStartRow) => number[], ms: (c: ColdStartRow) => number): string => {
    const r = perRun(w, pick);
    return r === undefined ? 'not measured' : `${fmtStat(r)} (${ms(w!).toFixed(1)} ms vs ${ms(n!).toFixed(1)} ms)`;
  };
  // Reports from before the engine entry have only the main entry's row, which then carries the target.
  const engine = cold(COLD_ENGINE) ?? cold(COLD_MAIN);
  const main = cold(COLD_ENGINE) === undefined ? undefined : cold(COLD_MAIN);
  const inside = perRun(engine, (c) => c.firstMacRuns);
  out.push({
    name: `import + first MAC, timed inside a fresh process: \`${engine?.impl.split(' ')[0] ?? 'wasmac/engine'}\``,
    target: "<= 1.5x node:crypto's",
    measured: coldRow(engine, (c) => c.firstMacRuns, (c) => c.firstMac),
    verdict: inside === undefined ? undefined : verdict(inside, 1.5, true),
    how: `${engine?.runs ?? 0} processes each, rotating order`,
  });
  if (main !== undefined) {
    out.push({
      name: 'the same, main entry `wasmac` (engine + KMS facade)',
      target: '(reported)',
      measured: coldRow(main, (c) => c.firstMacRuns, (c) => c.firstMac),
      verdict: undefined,
      how: 'the same processes',
    });
  }
  for (const w of [engine, main].filter((c) => c !== undefined)) {
    out.push({
      name: `whole process: spawn, import, first MAC, exit: \`${w.impl.split(' ')[0]}\``,
      target: '(reported)',
      measured: coldRow(w, (c) => c.wholeRuns, (c) => c.whole),
      verdict: undefined,
      how: 'wall clock around the child process',
    });
  }
  if (engine === undefined) {
    out.push({ name: 'whole process: spawn, import, first MAC, exit', target: '(reported)', measured: 'not measured', verdict: undefined, how: 'wall clock around the child process' });
  }
  const ep = report.endpoint;
  out.push({
    name: `endpoint GenerateMac req/s, ${ep?.connections ?? 32} keep-alive connections, SigV4 on, default logging`,
    target: '>= 0.8x a bare node:http + createHmac server',
    measured: ep === undefined ? 'not measured' : `${fmtStat(ep.ratio)} (${Math.round(ep.wasmac.perSecond)} vs ${Math.round(ep.bare.perSecond)} req/s; CPU ${ep.wasmac.cpuUsPerRequest.toFixed(0)} vs ${ep.bare.cpuUsPerRequest.toFixed(0)} us/request${ep.cpuRatio === undefined ? '' : ` = ${fmtStat(ep.cpuRatio)}`})`,
    verdict: ep === undefined ? undefined : verdict(ep.ratio, 0.8),
    how: `\`bench/server.bench.ts\`, alternating rounds${ep?.workers === undefined ? '' : `; \`--workers ${ep.workers.n}\`: ${Math.round(ep.workers.perSecond)} req/s (${(ep.workers.perSecond / ep.wasmac.perSecond).toFixed(2)}x one process)`}`,
  });
  // KB as the target says it: 1000 bytes (KiB, 1024, alongside).
  const size = (b: { minified: number; gzip: number }): string => `${(b.gzip / 1000).toFixed(1)} KB = ${(b.gzip / 1024).toFixed(1)} KiB (${(b.minified / 1000).toFixed(1)} KB minified)`;
  const b = report.bundle;
  out.push({
    name: 'browser bundle of the main entry `wasmac`, minified + gzip',
    target: '< 40 KB',
    measured: b === undefined ? 'not measured' : size(b),
    verdict: b === undefined ? undefined : b.gzip < 40_000 ? 'met' : 'missed',
    how: 'esbuild, ESM, browser; gzip -9',
  });
  const e = report.engineBundle;
  if (e !== undefined) {
    out.push({ name: 'the same, engine entry `wasmac/engine`', target: '(reported)', measured: size(e), verdict: undefined, how: 'esbuild, ESM, browser; gzip -9' });
  }
  return out;
}

/** The break-even table re-checked: the core alone against node:crypto at half and twice each HMAC break-even. */
export function breakEvenRows(report: Report): string[][] {
  const rows: string[][] = [];
  for (const s of report.suites) {
    for (const row of s.rows) {
      if (row.group !== 'crossover' || row.impl !== 'wasmac HmacKey.mac (core only)') continue;
      const st = stat(s, row);
      const at = s.runtime === 'chromium' ? 0 : BREAK_EVEN[s.runtime].hmac[row.hash];
      const below = row.size < at;
      // Below the break-even the core must be at least as fast (>= 1x), above it native (<= 1x).
      const v = st === undefined ? undefined : below ? verdict(st, 1) : verdict(st, 1, true);
      const where = at === 0 ? 'everything native' : below ? 'half of it' : 'twice it';
      rows.push([RUNTIME_TITLE[s.runtime], row.hash, fmtSize(at), `${fmtSize(row.size)} (${where})`, fmtStat(st), v === undefined ? '-' : v === 'met' ? 'holds' : v === 'missed' ? '**moved**' : 'inconclusive']);
    }
  }
  return rows;
}

function table(head: string[], rows: string[][], align: ('l' | 'r')[]): string {
  const sep = align.map((a) => (a === 'r' ? '--:' : '---'));
  return [head, sep, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

function shown(v: Verdict | undefined): string {
  return v === undefined ? '' : v === 'missed' ? '**missed**' : v;
}

/** Ratios of the HMAC implementations at every size, in one runtime: the compact view. */
export function ratioMatrix(s: SuiteResult, hash: 'sha256' | 'sha512'): string {
  const impls = [...new Set(s.rows.filter((r) => r.group === 'hmac' && r.hash === hash).map((r) => r.impl))];
  const rows = impls.map((impl) => [
    impl,
    ...HMAC_SIZES.map((size) => {
      const row = find(s, rowId('hmac', hash, size, impl));
      return row === undefined ? '-' : fmtRatio(ratio(s, row));
    }),
  ]);
  return table([`HMAC-${hash === 'sha256' ? 'SHA-256' : 'SHA-512'} vs ${s.native}`, ...HMAC_SIZES.map(fmtSize)], rows, ['l', ...HMAC_SIZES.map(() => 'r' as const)]);
}

function fullTable(s: SuiteResult): string {
  const rows = s.rows.map((row) => [
    `${groupTitle(row)}${row.group === 'batch' ? ' (per msg)' : ''}`,
    fmtSize(row.size),
    row.impl,
    fmtOps(row.ops),
    mbps(row).toFixed(1),
    row.id === baselineId(row, s.native) ? 'baseline' : fmtStat(stat(s, row)),
    `±${row.rme.toFixed(1)}%`,
  ]);
  return table(['case', 'size', 'implementation', 'msg/s', 'MB/s', `vs ${s.native}`, 'rme'], rows, ['l', 'r', 'l', 'r', 'r', 'r', 'r']);
}

/** The rows of the summary: the cases the targets name, and the large sizes. */
export const SUMMARY_IDS = [
  rowId('hmac', 'sha256', 32, 'wasmac HmacKey.mac'),
  rowId('hmac', 'sha256', 256, 'wasmac HmacKey.mac'),
  rowId('hmac', 'sha256', 4096, 'wasmac HmacKey.mac'),
  rowId('hmac', 'sha256', HASH_SIZE, 'wasmac HmacKey.mac'),
  rowId('hmac', 'sha512', 32, 'wasmac HmacKey.mac'),
  rowId('hmac', 'sha512', 4096, 'wasmac HmacKey.mac'),
  rowId('hmac', 'sha512', HASH_SIZE, 'wasmac HmacKey.mac'),
  rowId('hmac', 'sha256', 32, 'wasmac hmac()'),
  rowId('batch', 'sha256', 64, 'wasmac macBatch'),
  rowId('batch', 'sha256', 64, 'wasmac macBatchInto'),
  rowId('batch', 'sha256', 4096, 'wasmac macBatch'),
  rowId('batch', 'sha512', 64, 'wasmac macBatch'),
  rowId('hash', 'sha256', HASH_SIZE, 'wasmac sha()'),
  rowId('hash', 'sha512', HASH_SIZE, 'wasmac sha()'),
  rowId('facade', 'sha256', FACADE_SIZE, 'wasmac GenerateMac (facade)'),
];

/**
 * One column per runtime: each row's ratio to that runtime's own native
 * baseline. All non-native rows, or only `ids`.
 */
export function runtimeTable(report: Report, ids?: readonly string[]): string {
  const order: RuntimeName[] = ['node', 'deno', 'bun', 'chromium'];
  const suites = order.map((r) => suite(report, r)).filter((s): s is SuiteResult => s !== undefined);
  const isNative = (row: Row): boolean => row.impl.startsWith('node:crypto') || row.impl.startsWith('WebCrypto');
  if (ids === undefined) {
    const all: string[] = [];
    for (const s of suites) for (const row of s.rows) if (!isNative(row) && !all.includes(row.id)) all.push(row.id);
    ids = all;
  }
  ids = ids.filter((id) => suites.some((s) => find(s, id) !== undefined));
  const rows = ids.map((id) => {
    const any = suites.map((s) => find(s, id)).find((r) => r !== undefined)!;
    return [
      `${groupTitle(any)} ${fmtSize(any.size)}`,
      any.impl,
      ...suites.map((s) => {
        const row = find(s, id);
        return row === undefined ? '-' : fmtStat(stat(s, row));
      }),
    ];
  });
  return table(['case', 'implementation', ...suites.map((s) => `${RUNTIME_TITLE[s.runtime]} (vs ${s.native})`)], rows, ['l', 'l', ...suites.map(() => 'r' as const)]);
}

function coldTable(report: Report): string {
  const node = report.coldStart.find((c) => c.impl === COLD_NODE);
  const rows = report.coldStart.map((c) => [
    c.impl,
    c.imported.toFixed(2),
    c.firstMac.toFixed(2),
    node === undefined ? '-' : fmtRatio(c.firstMac / node.firstMac),
    c.whole.toFixed(1),
    node === undefined ? '-' : fmtRatio(c.whole / node.whole),
    c.tenThousand.toFixed(2),
  ]);
  return table(
    ['implementation', 'import (ms)', 'import + first MAC (ms)', "first MAC / node:crypto's", 'whole process (ms)', "whole / node:crypto's", 'import + 10,000 MACs (ms)'],
    rows,
    ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

/** The machine's load during the run, and whether something else was running. */
function loadLines(report: Report): string[] {
  const out: string[] = [];
  const l = report.load;
  if (l !== undefined) {
    const busy = l.max > 1.5;
    out.push(
      `- Machine load (1-minute average, sampled every 5 s): min ${l.min.toFixed(2)}, median ${l.median.toFixed(2)}, max ${l.max.toFixed(2)} on ${report.machine.cores} cores${busy ? ' — **other work was running**: absolute numbers are low, ratios noisier (see each spread)' : ''}`,
    );
  }
  for (const s of report.suites) if (s.load !== undefined) out.push(`  - during the ${RUNTIME_TITLE[s.runtime]} suite: ${s.load[0].toFixed(2)} at the start, ${s.load[1].toFixed(2)} at the end`);
  return out;
}

export function markdown(report: Report, versions: Record<string, string>): string {
  const node = suite(report, 'node');
  const out: string[] = [];
  out.push(`# wasmac benchmark report, ${report.date}${report.quick ? ' (quick run: short tasks, rough numbers)' : ''}`);
  out.push('');
  out.push(`- Machine: ${report.machine.cpu}, ${report.machine.cores} cores, ${report.machine.memoryGiB} GiB, ${report.machine.os}`);
  for (const s of report.suites) out.push(`- ${RUNTIME_TITLE[s.runtime]}: ${s.version}; baseline ${s.native}; wasmac core ${s.backend}`);
  for (const m of report.missing) out.push(`- ${RUNTIME_TITLE[m.runtime]}: **not run**: ${m.reason}`);
  out.push(`- Libraries: ${Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  out.push(...loadLines(report));
  const t = node ?? report.suites[0];
  if (t !== undefined) {
    out.push(
      `- Method: tinybench; every task is timed in each of ${t.rounds} rounds (${t.timeMs} ms after a warmup), the two sides of every ratio next to each other and every other round in reverse order; each sample times a loop of calls lasting about ${t.sampleMs} ms (2 ms in the browser, whose timer is coarse). A ratio is the **median of the per-round ratios**, shown with their range \`[lowest-highest]\`; a target whose spread (half that range) is wider than the margin between median and target is **inconclusive**, never met. msg/s columns are medians over rounds. Batch rows count messages, ${BATCH_COUNT} per call. Every result is checked against the runtime's native implementation before it is timed.`,
    );
  }
  out.push(`- Whole run: ${Math.round(report.seconds)} s`);
  out.push('');
  out.push('![ratios to node:crypto per message size](ratios.svg)');
  out.push('');
  out.push("## Summary: wasmac's ratio to each runtime's native baseline");
  out.push('');
  out.push(runtimeTable(report, SUMMARY_IDS));
  out.push('');
  out.push('## Targets (`PERFORMANCE.md`), measured in Node unless named');
  out.push('');
  out.push(table(['case', 'target', 'median [range]', 'verdict', 'how'], targets(report).map((x) => [x.name, x.target, x.measured, shown(x.verdict), x.how]), ['l', 'l', 'r', 'l', 'l']));
  out.push('');
  const be = breakEvenRows(report);
  if (be.length > 0) {
    out.push('## Break-evens of native routing (`BREAK_EVEN`), re-checked');
    out.push('');
    out.push('`HmacKey.mac` on the core alone (`useBackend(\'wasm\')`) against node:crypto with a `KeyObject`, at half and at twice the table\'s length: below it the core must be at least as fast, above it node:crypto.');
    out.push('');
    out.push(table(['runtime', 'hash', 'break-even', 'size', 'core / node:crypto', ''], be, ['l', 'l', 'r', 'l', 'r', 'l']));
    out.push('');
  }
  if (node !== undefined) {
    out.push('## HMAC ratios in Node');
    out.push('');
    out.push(ratioMatrix(node, 'sha256'));
    out.push('');
    out.push(ratioMatrix(node, 'sha512'));
    out.push('');
  }
  out.push("## Per runtime, every row: ratio to that runtime's native baseline");
  out.push('');
  out.push(runtimeTable(report));
  out.push('');
  out.push('## Cold start: fresh `node` process, HMAC-SHA-256 of 32 B');
  out.push('');
  out.push(coldTable(report));
  out.push('');
  out.push('wasmac is the package\'s built `node` entry (dist/index.node.js and its chunks, inline Wasm), as Node resolves `wasmac`; inside-process times run from the script\'s first line, whole-process times from spawn to the exit of a process that stops after its first MAC; medians over processes.');
  out.push('');
  for (const o of report.others) {
    out.push(`## \`bench/${o.file}\`${o.ok ? '' : ' (failed)'}`);
    out.push('');
    out.push(`Its own suite, run as \`npx tsx bench/${[o.file, ...o.args].join(' ')}\` (${Math.round(o.seconds)} s); as it printed:`);
    out.push('');
    out.push('```text', o.output.trimEnd(), '```');
    out.push('');
  }
  for (const s of report.suites) {
    out.push(`## ${RUNTIME_TITLE[s.runtime]}: all rows`);
    out.push('');
    out.push(fullTable(s));
    out.push('');
    for (const n of s.notes) out.push(`- ${n}`);
    if (s.notes.length > 0) out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

// ---------------------------------------------------------------- SVG chart

const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf'];

interface Series {
  name: string;
  values: (number | undefined)[];
}

interface Panel {
  title: string;
  xs: string[];
  series: Series[];
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One panel of grouped bars on a log scale, with a line at 1x. */
function panelSvg(p: Panel, x0: number, y0: number, w: number, h: number, lo: number, hi: number): string {
  const parts: string[] = [];
  const left = 46;
  const top = 28;
  const bottom = 36;
  const plotW = w - left - 12;
  const perRow = p.series.some((s) => s.name.length > 20) ? 2 : 3;
  const plotH = h - top - bottom - 16 * Math.ceil(p.series.length / perRow);
  const y = (v: number): number => y0 + top + plotH * (1 - (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)));
  parts.push(`<text x="${x0 + w / 2}" y="${y0 + 16}" text-anchor="middle" font-weight="bold">${esc(p.title)}</text>`);
  for (let t = lo; t <= hi * 1.001; t *= 2) {
    const yy = y(t).toFixed(1);
    parts.push(`<line x1="${x0 + left}" x2="${x0 + left + plotW}" y1="${yy}" y2="${yy}" stroke="${t === 1 ? '#000' : '#ddd'}" stroke-width="${t === 1 ? 1.5 : 1}"/>`);
    parts.push(`<text x="${x0 + left - 4}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" font-size="11">${t >= 1 ? t : `1/${Math.round(1 / t)}`}x</text>`);
  }
  const groupW = plotW / p.xs.length;
  const barW = Math.min(18, (groupW * 0.8) / p.series.length);
  p.xs.forEach((label, i) => {
    const gx = x0 + left + groupW * i + (groupW - barW * p.series.length) / 2;
    p.series.forEach((s, j) => {
      const v = s.values[i];
      if (v === undefined || !(v > 0)) return;
      const clamped = Math.min(hi, Math.max(lo, v));
      const y1 = y(Math.max(clamped, 1));
      const y2 = y(Math.min(clamped, 1));
      parts.push(
        `<rect x="${(gx + j * barW).toFixed(1)}" y="${y1.toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${Math.max(1, y2 - y1).toFixed(1)}" fill="${COLORS[j % COLORS.length]}"><title>${esc(`${s.name}, ${label}: ${fmtRatio(v)}`)}</title></rect>`,
      );
    });
    parts.push(`<text x="${(x0 + left + groupW * (i + 0.5)).toFixed(1)}" y="${y0 + top + plotH + 16}" text-anchor="middle" font-size="11">${esc(label)}</text>`);
  });
  p.series.forEach((s, j) => {
    const lx = x0 + left + (j % perRow) * (plotW / perRow);
    const ly = y0 + top + plotH + 32 + 16 * Math.floor(j / perRow);
    parts.push(`<rect x="${lx}" y="${ly - 9}" width="10" height="10" fill="${COLORS[j % COLORS.length]}"/>`);
    parts.push(`<text x="${lx + 14}" y="${ly}" font-size="11">${esc(s.name)}</text>`);
  });
  return parts.join('\n');
}

function ratioSeries(s: SuiteResult | undefined, group: 'hmac' | 'batch', hash: 'sha256' | 'sha512', sizes: readonly number[], impl: string): (number | undefined)[] {
  return sizes.map((size) => {
    const row = find(s, rowId(group, hash, size, impl));
    return s !== undefined && row !== undefined ? ratio(s, row) : undefined;
  });
}

export function chartSvg(report: Report): string {
  const node = suite(report, 'node');
  const hmacImpls = ['wasmac HmacKey.mac', 'wasmac hmac()', 'hash-wasm', '@noble/hashes reused', 'WebCrypto'];
  const hmacPanel = (hash: 'sha256' | 'sha512'): Panel => ({
    title: `HMAC-${hash === 'sha256' ? 'SHA-256' : 'SHA-512'} in Node, vs node:crypto`,
    xs: HMAC_SIZES.map(fmtSize),
    series: hmacImpls.map((impl) => ({ name: impl, values: ratioSeries(node, 'hmac', hash, HMAC_SIZES, impl) })),
  });
  const batchImpls = [`wasmac HmacKey.mac x${BATCH_COUNT}`, 'wasmac macBatch (scalar core)', 'wasmac macBatch', 'wasmac macBatchInto'];
  const batchPanel: Panel = {
    title: `Batches of ${BATCH_COUNT} in Node, per message, vs node:crypto`,
    xs: (['sha256', 'sha512'] as const).flatMap((h) => BATCH_SIZES.map((size) => `${h === 'sha256' ? 'SHA-256' : 'SHA-512'} ${fmtSize(size)}`)),
    series: batchImpls.map((impl) => ({
      name: impl,
      values: (['sha256', 'sha512'] as const).flatMap((h) => ratioSeries(node, 'batch', h, BATCH_SIZES, impl)),
    })),
  };
  const runtimePanel: Panel = {
    title: 'HmacKey.mac (HMAC-SHA-256) per runtime, vs its native',
    xs: HMAC_SIZES.map(fmtSize),
    series: report.suites.map((s) => ({ name: `${RUNTIME_TITLE[s.runtime]} vs ${s.native}`, values: ratioSeries(s, 'hmac', 'sha256', HMAC_SIZES, 'wasmac HmacKey.mac') })),
  };
  const panels = [hmacPanel('sha256'), hmacPanel('sha512'), batchPanel, runtimePanel];
  const all = panels.flatMap((p) => p.series.flatMap((s) => s.values)).filter((v): v is number => v !== undefined && v > 0);
  let lo = 1;
  while (lo > 1 / 64 && all.some((v) => v < lo)) lo /= 2;
  let hi = 2;
  while (hi < 64 && all.some((v) => v > hi)) hi *= 2;
  const W = 1000;
  const H = 380;
  const body = panels.map((p, i) => panelSvg(p, (i % 2) * (W / 2), 30 + Math.floor(i / 2) * H, W / 2, H, lo, hi)).join('\n');
  const caption = `wasmac benchmark ${report.date}: ${report.machine.cpu}, ${report.machine.cores} cores; ops/s ratio to the native baseline (1x line), log scale`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${30 + 2 * H}" viewBox="0 0 ${W} ${30 + 2 * H}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="#fff"/>
<text x="${W / 2}" y="18" text-anchor="middle" font-size="13">${esc(caption)}</text>
${body}
</svg>
`;
}
