/**
 * What the runtime suites share: bundling with esbuild (the package resolved by
 * its own name, so that its `exports` conditions are what is tested), temp
 * dirs, child processes with a time limit, free ports, and the one-line
 * report every runtime prints. Runs in Node only; what runs inside the
 * runtimes is `smoke.ts` and the examples.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import type { SmokeReport } from './smoke.js';

/** The package root (where package.json is). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The binaries the suites drive: the pinned devDependencies (`npm ci` installs
 * them; they are most of its download), or a system install named by
 * `DENO_PATH`, `BUN_PATH`, `WORKERD_PATH`.
 */
export const BIN = {
  deno: process.env.DENO_PATH ?? join(ROOT, 'node_modules/.bin/deno'),
  bun: process.env.BUN_PATH ?? join(ROOT, 'node_modules/.bin/bun'),
  /** What to run when the `bun` wrapper fails (its postinstall did not run). */
  bunDirect: process.env.BUN_PATH ?? join(ROOT, 'node_modules/@oven/bun-linux-x64/bin/bun'),
  workerd: process.env.WORKERD_PATH ?? join(ROOT, 'node_modules/.bin/workerd'),
};

/**
 * Whether `runtime`'s binary runs (`--version` exits 0); when it does not,
 * prints the suite's SKIPPED lines with how to get it, and the suite skips.
 */
export async function runtimeAvailable(runtime: 'deno' | 'bun' | 'workerd', binaries: string[]): Promise<boolean> {
  for (const bin of binaries) {
    const ran = await runCommand(bin, ['--version'], { timeoutMs: 20_000 }).catch(() => undefined);
    if (ran?.code === 0) return true;
  }
  const env = `${runtime.toUpperCase()}_PATH`;
  console.log([
    `SKIPPED: the ${runtime} suite did not run: ${binaries.join(' or ')} does not run.`,
    `         \`npm ci\` installs the pinned \`${runtime}\` devDependency; or point ${env} at a ${runtime} binary, then rerun.`,
    `runtime: ${runtime.padEnd(8)} -                                    -      SKIPPED`,
  ].join('\n'));
  return false;
}

/** Marks the smoke report's line on a child's stdout. */
export const REPORT_MARK = 'WASMAC_SMOKE ';

/**
 * The smoke's entry for Node, Deno, Bun and Chromium: imports the package by
 * its name (its default condition: the main entry) and runs the smoke. In a
 * page the report goes to `globalThis.__wasmacSmoke`, elsewhere to stdout.
 */
export const SMOKE_ENTRY = `
import * as api from 'wasmac';
import * as sdk from '@aws-sdk/client-kms';
import { runSmoke } from './test/runtimes/smoke.ts';
import { runSdkSmoke } from './test/runtimes/sdk-smoke.ts';
const report = await runSmoke(api).catch((err) => ({ ok: false, error: String(err && err.stack || err) }));
report.sdk = await runSdkSmoke(api, sdk).catch((err) => ({ checks: 0, failures: ['sdk: ' + String(err && err.stack || err)] }));
if (typeof document !== 'undefined') globalThis.__wasmacSmoke = report;
else console.log(${JSON.stringify(REPORT_MARK)} + JSON.stringify(report));
`;

/** The smoke as a workerd module worker: GET any path returns the report as JSON. */
export const WORKER_SMOKE_ENTRY = `
import * as api from 'wasmac';
import * as sdk from '@aws-sdk/client-kms';
import { runSmoke } from './test/runtimes/smoke.ts';
import { runSdkSmoke } from './test/runtimes/sdk-smoke.ts';
export default {
  async fetch() {
    const report = await runSmoke(api).catch((err) => ({ ok: false, error: String(err && err.stack || err) }));
    report.sdk = await runSdkSmoke(api, sdk).catch((err) => ({ checks: 0, failures: ['sdk: ' + String(err && err.stack || err)] }));
    return new Response(JSON.stringify(report), { headers: { 'content-type': 'application/json' } });
  },
};
`;

export interface Bundle {
  code: string;
  metafile: Metafile;
}

/**
 * Bundles `entry` (a file under ROOT, or source text resolved from ROOT) into
 * one ESM file in memory. `wasmac` resolves to this package through its
 * `exports`, under the platform's conditions plus `conditions`.
 */
export async function bundle(entry: { file: string } | { contents: string }, options: BuildOptions = {}): Promise<Bundle> {
  const res = await build({
    ...('file' in entry
      ? { entryPoints: [join(ROOT, entry.file)] }
      : { stdin: { contents: entry.contents, resolveDir: ROOT, sourcefile: 'entry.ts', loader: 'ts' as const } }),
    absWorkingDir: ROOT,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    ...options,
  });
  return { code: res.outputFiles![0]!.text, metafile: res.metafile! };
}

/** A fresh temp dir and a function that removes it. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `wasmac-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion, killing it (by its PID) after `timeoutMs`. */
export function runCommand(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** The smoke report a child printed on its stdout; throws with the child's output when there is none. */
export function reportFrom(ran: Ran, what: string): SmokeReport {
  const line = ran.stdout.split('\n').find((l) => l.startsWith(REPORT_MARK));
  if (line === undefined) {
    throw new Error(`${what} printed no smoke report (exit ${ran.code ?? ran.signal})\n--- stdout\n${ran.stdout}\n--- stderr\n${ran.stderr}`);
  }
  return JSON.parse(line.slice(REPORT_MARK.length)) as SmokeReport;
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The version of an installed npm package. */
export function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The export names of the main entry, as Node resolves `wasmac`: what every entry must match. */
export async function mainExports(): Promise<string[]> {
  const specifier = 'wasmac';
  return Object.keys((await import(specifier)) as object).sort();
}

/**
 * Prints the runtime's one line (runtime, version, SIMD or scalar, passed or
 * failed) and, under it, every failure; returns whether everything passed.
 * `extra` are further results (e.g. the example) that must all be true.
 */
export function printResult(report: SmokeReport & { error?: string }, version: string, extra: Record<string, boolean> = {}): boolean {
  const runs = report.runs ?? [];
  const failures = runs.flatMap((r) => r.failures.map((f) => `[${r.backend}] ${f}`));
  // The SDK over KmsRequestHandler: required in every runtime.
  if (report.sdk === undefined) failures.push('sdk: the @aws-sdk/client-kms smoke did not run');
  else failures.push(...report.sdk.failures);
  if (report.error !== undefined) failures.push(report.error);
  for (const [name, ok] of Object.entries(extra)) if (!ok) failures.push(`${name} failed`);
  const ok = report.ok === true && failures.length === 0;
  const backend = report.backend?.replace('simd', 'SIMD') ?? '?';
  const detail = [
    ...runs.map((r) => `${r.backend === report.backend ? '' : 'forced '}${r.backend} ${r.checks} checks`),
    ...(report.sdk === undefined ? [] : [`@aws-sdk/client-kms ${report.sdk.checks} checks`]),
    ...Object.entries(extra).map(([name, good]) => `${name} ${good ? 'ok' : 'FAILED'}`),
  ].join(', ');
  console.log(`runtime: ${(report.runtime ?? '?').padEnd(8)} ${version.padEnd(36)} ${backend.padEnd(6)} ${ok ? 'passed' : 'FAILED'}  (${detail})`);
  for (const f of failures) console.log(`  - ${f}`);
  return ok;
}

/**
 * The files `npm pack` puts in the tarball (package.json `files`), listed by
 * `npm pack --dry-run` without running the build again: what a consumer's
 * `npm install` of the tarball gets.
 */
export function packedFiles(): Promise<string[]> {
  packed ??= listPacked();
  return packed;
}
let packed: Promise<string[]> | undefined;

async function listPacked(): Promise<string[]> {
  const ran = await runCommand('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { env: { npm_config_loglevel: 'error' } });
  if (ran.code !== 0) throw new Error(`npm pack --dry-run failed\n${ran.stderr}`);
  return (JSON.parse(ran.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path).sort();
}

/**
 * Puts the package into `dir/node_modules/wasmac` as an install of its
 * tarball would (the packed files, copied: not a link, so that tools that
 * treat node_modules specially, such as Jest, see what a consumer has).
 */
export async function installPacked(dir: string): Promise<void> {
  const target = join(dir, 'node_modules', 'wasmac');
  for (const file of await packedFiles()) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(target, file));
  }
}
