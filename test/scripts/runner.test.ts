/**
 * `npm test`'s runner (scripts/test.ts) on a fixture suite that starts a
 * process and leaves it running: each suite runs in its own process group,
 * and whatever the suite left in it is killed when the suite ends, so that
 * a run leaves nothing behind (a server a suite forgot, a worker it lost).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const ROOT = new URL('../..', import.meta.url).pathname;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A killed process whose parent is gone may stay a zombie (state Z) until its new parent reaps it: dead all the same.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc: kill(pid, 0) has the last word
  }
}

test('a process a suite leaves running is killed when the suite ends', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wasmac-runner-'));
  let leaked = 0;
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    mkdirSync(join(dir, 'test'));
    // Passes, and leaves a process behind that holds none of its pipes.
    writeFileSync(
      join(dir, 'test', 'leaves.test.ts'),
      "import { spawn } from 'node:child_process';\n" +
        "import { writeFileSync } from 'node:fs';\n" +
        "const c = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });\n" +
        'c.unref();\n' +
        "writeFileSync('leaked.pid', String(c.pid));\n" +
        "console.log('  Total:     1\\n  Passed:    1\\n  Skipped:   0');\n",
    );
    const runner = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/test.ts'), 'leaves'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    runner.stdout.on('data', (d) => (out += d));
    runner.stderr.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => runner.on('close', resolve));
    assert.is(code, 0, out);
    assert.match(out, /1 passed, 0 failed/);
    leaked = Number(readFileSync(join(dir, 'leaked.pid'), 'utf8'));
    // The kill is sent before the runner moves on; give the kernel a moment to reap.
    for (let i = 0; i < 50 && alive(leaked); i++) await new Promise((r) => setTimeout(r, 20));
    assert.not.ok(alive(leaked), `the process the suite left (pid ${leaked}) is still running`);
  } finally {
    if (leaked > 0 && alive(leaked)) process.kill(leaked, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
