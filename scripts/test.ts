// `npm test`: the one command that proves the project. Steps, in order:
//   1. the build (Wasm cores, the generated module, dist/): first, because
//      `npm ci` does not build and the type check needs the generated module;
//   2. the type check (`tsc --noEmit`): the TS runners only strip types;
//   3. every `test/**/*.test.ts` suite (uvu), each in its own process.
// Prints every suite's own report, then one summary line `N passed, N failed`
// (tests, not suites; a step that fails outside any test counts as one failure).
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;

/**
 * How long one step may run. The slowest suite takes about two minutes on a
 * quiet 2-core machine and several under load; a suite still running after
 * this is hung (a server that never answers, a lock never released), and a
 * hung suite must fail the run, not hold CI until its own time limit.
 */
const STEP_LIMIT_MS = 15 * 60_000;

/** Kills the process group led by `pid`, if anything of it is left. */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Nothing left.
  }
}

/** The running step's process group, killed with this runner on Ctrl-C (the group does not get the terminal's signal). */
let current: number | undefined;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    killGroup(current);
    process.exit(sig === 'SIGINT' ? 130 : 143); // 128 + the signal's number, as a shell reports it
  });
}

/**
 * Runs one step in its own process group, so that on timeout the suite and
 * everything it started (servers, workers, databases) are killed together.
 */
function run(title: string, command: string, args: string[]): Promise<string> {
  console.log(`\n== ${title}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    current = child.pid;
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, STEP_LIMIT_MS);
    const finish = (status: number | null, signal: string | null): void => {
      clearTimeout(timer);
      current = undefined;
      // Whatever the suite left in its group (a server it forgot, a worker it lost) ends with it.
      killGroup(child.pid);
      child.stdout.destroy();
      child.stderr.destroy();
      process.stdout.write(stdout);
      process.stderr.write(stderr);
      if (timedOut) console.log(`(${title}: killed after ${STEP_LIMIT_MS / 60_000} minutes, counted as a failure)`);
      else if (status !== 0) console.log(`(${title}: exit code ${status ?? signal})`);
      resolve(status === 0 && !timedOut ? stdout : `${stdout}\n__FAILED__`);
    };
    child.on('error', (e) => {
      stderr += `${e.message}\n`;
      end(null, 'spawn error');
    });
    // 'close' comes once the pipes are drained too. A grandchild that outlives
    // the suite and holds them would keep a finished step open, so an exit
    // without a close within a few seconds ends the step anyway.
    let ended = false;
    const end = (status: number | null, signal: string | null): void => {
      if (ended) return;
      ended = true;
      finish(status, signal);
    };
    child.on('close', end);
    child.on('exit', (status, signal) => setTimeout(() => end(status, signal), 5000).unref());
  });
}

async function step(title: string, command: string, args: string[]): Promise<void> {
  const out = await run(title, command, args);
  if (out.endsWith('__FAILED__')) failed++;
  else passed++;
}

function suites(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return suites(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

function count(label: string, text: string): number {
  const m = new RegExp(`^\\s*${label}:\\s+(\\d+)`, 'm').exec(text.replace(/\x1b\[[0-9;]*m/g, ''));
  return m ? Number(m[1]) : 0;
}

if (only.length === 0) {
  await step('build', 'npm', ['run', '--silent', 'build']);
  await step('type check (tsc --noEmit)', 'npx', ['tsc', '--noEmit']);
}

const files = suites('test').filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
for (const file of files) {
  const out = await run(file, process.execPath, ['--import', 'tsx', file]);
  const total = count('Total', out);
  const ok = count('Passed', out);
  const skipped = count('Skipped', out);
  // uvu's Total leaves skipped tests out; a suite that says it skipped something has printed why.
  passed += ok;
  failed += total - ok;
  if (skipped > 0) console.log(`(${file}: ${skipped} skipped)`);
  if (out.endsWith('__FAILED__') && total - ok === 0) failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
