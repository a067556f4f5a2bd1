/**
 * The suite in Deno, Bun and headless Chromium: an esbuild bundle of
 * `lib/remote-node.ts` (the `node` entry) for Deno and Bun and one of
 * `lib/remote-browser.ts` (the main entry) for Chromium, each run in its own
 * process.
 *
 *   npx tsx bench/runtimes.ts [--quick] [--only=...] [deno] [bun] [chromium]
 *
 * Also measures the browser bundle of the main entry (minified + gzip).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { parseArgs } from './lib/options.js';
import { consoleTable } from './lib/ratios.js';
import type { RuntimeName, SuiteResult } from './lib/types.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'node_modules', '.bin');

/** What a remote run gives back: the suite's result, or why there is none. */
export type Outcome = { ok: true; result: SuiteResult } | { ok: false; reason: string };

export type RemoteRuntime = Exclude<RuntimeName, 'node'>;
export const REMOTE_RUNTIMES: readonly RemoteRuntime[] = ['deno', 'bun', 'chromium'];

/** The two bundles of the suite: for Deno and Bun, and for browsers. */
export interface SuiteBundles {
  native: string;
  browser: string;
  cleanup: () => void;
}

/** Bundles the suite into a fresh temporary directory. */
export async function buildSuiteBundle(): Promise<SuiteBundles> {
  const dir = mkdtempSync(join(tmpdir(), 'wasmac-bench-'));
  const files = { native: join(dir, 'bench-node.js'), browser: join(dir, 'bench.js') };
  for (const [kind, entry] of [['native', 'remote-node.ts'], ['browser', 'remote-browser.ts']] as const) {
    await build({
      entryPoints: [join(ROOT, 'bench', 'lib', entry)],
      bundle: true,
      format: 'esm',
      platform: kind === 'browser' ? 'browser' : 'node',
      target: 'es2022',
      external: ['node:*'],
      // package.json "sideEffects" speaks of dist/; the sources' entries load the core as a side effect.
      ignoreAnnotations: true,
      outfile: files[kind],
      logLevel: 'error',
    });
  }
  return { ...files, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The main entry (or with `'engine'`, the engine entry `wasmac/engine`) as a
 * browser would ship it: the built package (dist/, as its package.json
 * resolves it for a consumer, "sideEffects" included) bundled, minified, and
 * gzipped (level 9); bytes. As test/runtimes/bundle.test.ts measures it.
 */
export async function mainBundleSize(entry: 'main' | 'engine' = 'main'): Promise<{ minified: number; gzip: number }> {
  const out = await build({
    stdin: { contents: `export * from '${entry === 'main' ? 'wasmac' : 'wasmac/engine'}';`, resolveDir: ROOT, sourcefile: 'entry.js', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external: ['node:*'],
    write: false,
    logLevel: 'error',
  });
  const code = out.outputFiles[0]!.contents;
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

/** Runs `cmd`, relaying stderr lines through `log`; resolves with stdout. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let partial = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      err += d;
      const lines = (partial + d).split('\n');
      partial = lines.pop() ?? '';
      lines.forEach(log);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd.split(/[\\/]/).pop()} exited with ${signal ?? code}: ${err.trim().split('\n').slice(-3).join(' / ')}`));
    });
  });
}

function parseResult(stdout: string): SuiteResult {
  const line = stdout.split('\n').find((l) => l.startsWith('@@RESULT '));
  if (line === undefined) throw new Error('no result line in the output');
  return JSON.parse(line.slice('@@RESULT '.length)) as SuiteResult;
}

async function runProcess(runtime: 'deno' | 'bun', bundle: string, args: string[], log: (line: string) => void, timeoutMs: number): Promise<Outcome> {
  const bin = join(BIN, runtime);
  if (!existsSync(bin)) return { ok: false, reason: `${runtime} is not installed (no node_modules/.bin/${runtime})` };
  const argv = runtime === 'deno' ? ['run', '--allow-read', '--allow-env', '--allow-sys=loadavg', '--v8-flags=--expose-gc', bundle, ...args] : [bundle, ...args];
  try {
    const out = await run(bin, argv, { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' }, log, timeoutMs);
    return { ok: true, result: parseResult(out) };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
}

/** The Chromium executable: `$CHROMIUM`, else the first chromium on PATH. */
export function findChromium(): string | undefined {
  const fromEnv = process.env['CHROMIUM'];
  if (fromEnv !== undefined && existsSync(fromEnv)) return fromEnv;
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
      const p = join(dir, name);
      if (dir !== '' && existsSync(p)) return p;
    }
  }
  return undefined;
}

/**
 * Serves the bundle from 127.0.0.1 (cross-origin isolated, for the finer
 * timer) and runs it in headless Chromium driven by playwright-core.
 */
async function runChromium(bundle: string, args: string[], log: (line: string) => void, timeoutMs: number): Promise<Outcome> {
  const executablePath = findChromium();
  if (executablePath === undefined) return { ok: false, reason: 'Chromium is not installed (no chromium on PATH)' };
  const { chromium } = await import('playwright-core');
  const code = readFileSync(bundle);
  const page = '<!doctype html><meta charset="utf-8"><title>wasmac bench</title><script type="module" src="/bench.js"></script>';
  const server = createServer((req, res) => {
    const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cache-Control': 'no-store' };
    if (req.url?.startsWith('/bench.js')) res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(code);
    else if (req.url === '/' || req.url?.startsWith('/?')) res.writeHead(200, { ...headers, 'Content-Type': 'text/html' }).end(page);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const tab = await browser.newPage();
    let settle!: { resolve: (r: SuiteResult) => void; reject: (e: Error) => void };
    const done = new Promise<SuiteResult>((resolve, reject) => (settle = { resolve, reject }));
    tab.on('pageerror', (e) => settle.reject(e));
    await tab.exposeFunction('__benchReport', (kind: string, text: string) => {
      if (kind === 'log') log(text);
      else if (kind === 'result') settle.resolve(JSON.parse(text) as SuiteResult);
      else settle.reject(new Error(text.split('\n')[0]));
    });
    const query = args.map((a) => a.replace(/^--/, '')).map((a) => (a.includes('=') ? a : `${a}=`)).join('&');
    await tab.goto(`http://127.0.0.1:${port}/?${query}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no result within ${timeoutMs / 1000} s`)), timeoutMs)));
    const result = await Promise.race([done, timeout]).finally(() => clearTimeout(timer));
    const isolated = await tab.evaluate(() => globalThis.crossOriginIsolated);
    result.version = `Chromium ${browser.version()} headless${isolated ? '' : ' (timer coarsened: not cross-origin isolated)'}`;
    return { ok: true, result };
  } catch (e) {
    return { ok: false, reason: `Chromium: ${(e as Error).message}` };
  } finally {
    await browser.close();
    server.close();
  }
}

/** Runs the bundled suite in `runtime`. */
export function runRemote(runtime: RemoteRuntime, bundles: SuiteBundles, args: string[], log: (line: string) => void, timeoutMs: number): Promise<Outcome> {
  return runtime === 'chromium' ? runChromium(bundles.browser, args, log, timeoutMs) : runProcess(runtime, bundles.native, args, log, timeoutMs);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const argv = process.argv.slice(2);
  const cli = parseArgs(argv);
  const picked = REMOTE_RUNTIMES.filter((r) => argv.includes(r));
  const forward = argv.filter((a) => a.startsWith('--') && a !== '--json' && !a.startsWith('--json='));
  const bundles = await buildSuiteBundle();
  try {
    for (const rt of picked.length > 0 ? picked : REMOTE_RUNTIMES) {
      const outcome = await runRemote(rt, bundles, forward, (l) => process.stderr.write(`[${rt}] ${l}\n`), cli.quick ? 120_000 : 600_000);
      console.log(outcome.ok ? consoleTable(outcome.result) : `${rt}: not run: ${outcome.reason}`);
    }
    console.log('main entry bundle:', await mainBundleSize());
    console.log('engine entry bundle:', await mainBundleSize('engine'));
  } finally {
    bundles.cleanup();
  }
}
