// `npm test`: the one command that proves the project. Steps, in order:
//   1. the build (Wasm cores, the generated module, dist/): first, because
//      `npm ci` does not build and the type check needs the generated module;
//   2. the type check (`tsc --noEmit`): the TS runners only strip types;
//   3. every `test/**/*.test.ts` suite (uvu), each in its own process.
// Prints every suite's own report, then one summary line `N passed, N failed`
// (tests, not suites; a step that fails outside any test counts as one failure).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;

function run(title: string, command: string, args: string[]): string {
  console.log(`\n== ${title}`);
  const res = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  process.stdout.write(res.stdout ?? '');
  process.stderr.write(res.stderr ?? '');
  if (res.status !== 0) console.log(`(${title}: exit code ${res.status ?? res.signal})`);
  return res.status === 0 ? (res.stdout ?? '') : `${res.stdout ?? ''}\n__FAILED__`;
}

function step(title: string, command: string, args: string[]): void {
  const out = run(title, command, args);
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
  step('build', 'npm', ['run', '--silent', 'build']);
  step('type check (tsc --noEmit)', 'npx', ['tsc', '--noEmit']);
}

const files = suites('test').filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
for (const file of files) {
  const out = run(file, process.execPath, ['--import', 'tsx', file]);
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
