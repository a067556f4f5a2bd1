/**
 * `npm run bench`: the whole suite, then the report.
 *
 * 1. the suite in Node (`hmac.bench.ts`, its own process);
 * 2. the same suite in Deno, Bun and headless Chromium (`runtimes.ts`);
 * 3. cold start (`coldstart.ts`), the other suites here (`facade.bench.ts`,
 *    `server.bench.ts`) and the size of the browser bundles of the main entry
 *    and the engine entry;
 * 4. `bench/results/<date>.md`, `latest.md`, `<date>.json`, `latest.json`, `ratios.svg`.
 *
 *   npm run bench -- [--quick] [--only=hmac/sha256/32/,batch] [--skip=deno,bun,chromium,cold,facade,server]
 *
 * Runtimes run one after another, never together: the machine has 2 cores.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coldStart } from './coldstart.js';
import { parseArgs } from './lib/options.js';
import { consoleTable } from './lib/ratios.js';
import { chartSvg, markdown, targets } from './lib/report.js';
import type { OtherSuite, Report, SuiteResult } from './lib/types.js';
import { buildSuiteBundle, mainBundleSize, REMOTE_RUNTIMES, runRemote } from './runtimes.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'bench', 'results');

const started = performance.now();
const argv = process.argv.slice(2);
const cli = parseArgs(argv);
const skip = (argv.find((a) => a.startsWith('--skip='))?.slice(7) ?? '').split(',');
const forward = [...(cli.quick ? ['--quick'] : []), ...(cli.only.length > 0 ? [`--only=${cli.only.join(',')}`] : [])];
const say = (line: string): void => void process.stderr.write(`${line}\n`);
const elapsed = (): string => `${Math.round((performance.now() - started) / 1000)} s`;

/** The CPU model as /proc/cpuinfo names it (os.cpus() elsewhere), and whether it has SHA-NI. */
function cpuModel(): string {
  let model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  let flags = '';
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    model = /^model name\s*:\s*(.+)$/m.exec(info)?.[1]?.trim() ?? model;
    flags = /^flags\s*:\s*(.+)$/m.exec(info)?.[1] ?? '';
  } catch {
    // Not Linux: os.cpus() it is, flags unknown.
  }
  const has = ['sha_ni', 'avx2', 'avx512f'].filter((f) => flags.split(' ').includes(f));
  return has.length > 0 ? `${model} (${has.join(', ')})` : model;
}

function version(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

/**
 * Other developers' suites in `bench/`, if present: run as they are meant to
 * be run (fewer rounds of the endpoint load to keep the whole run short), their
 * output kept as printed.
 */
const endpointJson = join(mkdtempSync(join(tmpdir(), 'wasmac-endpoint-')), 'endpoint.json');
const OTHERS: { file: string; args: string[] }[] = [
  { file: 'facade.bench.ts', args: cli.quick ? ['--time=200'] : [] },
  { file: 'server.bench.ts', args: [...(cli.quick ? ['--requests', '2000', '--rounds', '3'] : ['--requests', '8000', '--rounds', '5']), '--out', endpointJson] },
];

function otherSuite(file: string, args: string[]): Promise<OtherSuite> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', file), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const take = (d: string): void => {
      out += d;
      for (const l of d.split('\n')) if (l.trim() !== '') say(`[${file}] ${l}`);
    };
    child.stdout.setEncoding('utf8').on('data', take);
    child.stderr.setEncoding('utf8').on('data', take);
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    const done = (ok: boolean, tail = ''): void => {
      clearTimeout(timer);
      const output = (out + tail).replace(/\x1b\[[0-9;]*m/g, '');
      resolve({ file, args, seconds: (performance.now() - t0) / 1000, output, ok });
    };
    child.on('error', (e) => done(false, `\n${e.message}`));
    child.on('close', (code, signal) => done(code === 0, code === 0 ? '' : `\nexited with ${signal ?? code}`));
  });
}

/** Runs the Node suite in its own process (so that this one's loaded tools do not weigh on it). */
function nodeSuite(): Promise<SuiteResult> {
  const dir = mkdtempSync(join(tmpdir(), 'wasmac-node-'));
  const out = join(dir, 'node.json');
  return new Promise<SuiteResult>((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(ROOT, 'bench', 'hmac.bench.ts'), ...forward, `--json=${out}`], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let partial = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      const lines = (partial + d).split('\n');
      partial = lines.pop() ?? '';
      for (const l of lines) say(`[node] ${l}`);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        if (code !== 0) throw new Error(`the Node suite exited with ${code}`);
        resolve(JSON.parse(readFileSync(out, 'utf8')) as SuiteResult);
      } catch (e) {
        reject(e as Error);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

const report: Report = {
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  machine: { cpu: cpuModel(), cores: cpus().length, os: `${type()} ${release()}`, memoryGiB: Math.round(totalmem() / 2 ** 30) },
  quick: cli.quick,
  suites: [],
  missing: [],
  coldStart: [],
  others: [],
  seconds: 0,
};

// The machine's load through the run: the report says when other work was running.
const loads: number[] = [loadavg()[0]!];
const sampler = setInterval(() => loads.push(loadavg()[0]!), 5000);
sampler.unref();

say('== node');
report.suites.push(await nodeSuite());

const bundle = await buildSuiteBundle();
try {
  for (const rt of REMOTE_RUNTIMES) {
    if (skip.includes(rt)) continue;
    say(`== ${rt} (${elapsed()})`);
    const outcome = await runRemote(rt, bundle, forward, (l) => say(`[${rt}] ${l}`), cli.quick ? 180_000 : 420_000);
    if (outcome.ok) report.suites.push(outcome.result);
    else {
      report.missing.push({ runtime: rt, reason: outcome.reason });
      say(`[${rt}] not run: ${outcome.reason}`);
    }
  }
} finally {
  bundle.cleanup();
}

if (!skip.includes('cold')) {
  say(`== cold start (${elapsed()})`);
  report.coldStart = await coldStart(cli.quick ? 3 : 11, (l) => say(`[cold] ${l}`));
}
for (const { file, args } of OTHERS) {
  if (skip.includes(file.split('.')[0]!) || !existsSync(join(ROOT, 'bench', file))) continue;
  say(`== ${file} (${elapsed()})`);
  report.others.push(await otherSuite(file, args));
}
if (existsSync(endpointJson)) report.endpoint = JSON.parse(readFileSync(endpointJson, 'utf8')) as Report['endpoint'];
rmSync(dirname(endpointJson), { recursive: true, force: true });
report.bundle = await mainBundleSize();
report.engineBundle = await mainBundleSize('engine');
report.seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
loads.push(loadavg()[0]!);
const sortedLoads = [...loads].sort((a, b) => a - b);
report.load = { min: sortedLoads[0]!, median: sortedLoads[sortedLoads.length >> 1]!, max: sortedLoads[sortedLoads.length - 1]!, samples: loads.length };

const versions = {
  tinybench: version('tinybench'),
  'hash-wasm': version('hash-wasm'),
  '@noble/hashes': version('@noble/hashes'),
  esbuild: version('esbuild'),
  'playwright-core': version('playwright-core'),
};
const md = markdown(report, versions);
const day = report.date.slice(0, 10);
mkdirSync(RESULTS, { recursive: true });
const json = `${JSON.stringify({ ...report, versions }, null, 1)}\n`;
for (const name of [`${day}.md`, 'latest.md']) writeFileSync(join(RESULTS, name), md);
for (const name of [`${day}.json`, 'latest.json']) writeFileSync(join(RESULTS, name), json);
writeFileSync(join(RESULTS, 'ratios.svg'), chartSvg(report));

for (const s of report.suites) console.log(`${consoleTable(s)}\n`);
for (const t of targets(report)) console.log(`${(t.verdict ?? '').padEnd(12)}  ${t.name}: ${t.measured} (target ${t.target})`);
for (const m of report.missing) console.log(`not run: ${m.runtime}: ${m.reason}`);
console.log(`\nwrote bench/results/${day}.md, latest.md, ${day}.json, latest.json, ratios.svg in ${elapsed()}`);
