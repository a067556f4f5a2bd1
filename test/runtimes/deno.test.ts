// Deno (npm `deno`, pinned): the smoke, bundled with esbuild (the package
// resolved by its name, default condition) and run by `deno run` with read and
// env permissions only; and examples/deno as its header says to run it, in its
// directory with its deno.json (type-checked by `deno check`, then run with no
// permissions).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BIN, runtimeAvailable, bundle, mainExports, printResult, reportFrom, runCommand, ROOT, SMOKE_ENTRY, tempDir } from './harness.js';

const env = { DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };

const TITLE = 'deno: the smoke and examples/deno pass';

if (!(await runtimeAvailable('deno', [BIN.deno]))) test.skip(TITLE, () => {});
else test(TITLE, async () => {
  const tmp = tempDir('deno');
  try {
    writeFileSync(join(tmp.dir, 'smoke.js'), (await bundle({ contents: SMOKE_ENTRY })).code);
    const smoke = await runCommand(BIN.deno, ['run', '--allow-read', '--allow-env', 'smoke.js'], { cwd: tmp.dir, env });
    const report = reportFrom(smoke, 'deno');
    const cwd = join(ROOT, 'examples/deno');
    const check = await runCommand(BIN.deno, ['check', 'main.ts'], { cwd, env });
    const example = await runCommand(BIN.deno, ['run', 'main.ts', 'Hello from Deno'], { cwd, env });
    const exampleOk = check.code === 0 && example.code === 0 && /^MacValid: true$/m.test(example.stdout);
    if (!exampleOk) console.log(`examples/deno output:\n${check.stdout}${check.stderr}${example.stdout}${example.stderr}`);
    assert.is(report.runtime, 'deno');
    assert.equal(report.exports, await mainExports(), 'the main entry exports the same names in Deno');
    assert.ok(printResult(report, report.version, { 'examples/deno': exampleOk }), 'deno failed (see above)');
  } finally {
    tmp.remove();
  }
});

const NODE_TITLE = 'deno: the smoke passes on the node entry (Deno honours the node condition): long messages to node:crypto';

if (!(await runtimeAvailable('deno', [BIN.deno]))) test.skip(NODE_TITLE, () => {});
else test(NODE_TITLE, async () => {
  const tmp = tempDir('deno-node');
  try {
    // The AWS SDK's Node HTTP handler require()s node:https; an ES module bundle needs a require for it.
    const banner = { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" };
    writeFileSync(join(tmp.dir, 'smoke.js'), (await bundle({ contents: SMOKE_ENTRY }, { platform: 'node', banner })).code);
    const report = reportFrom(await runCommand(BIN.deno, ['run', '--allow-read', '--allow-env', '--allow-sys', 'smoke.js'], { cwd: tmp.dir, env }), 'deno');
    assert.is(report.backend, 'native+simd');
    assert.equal(report.exports, await mainExports(), 'the node entry exports the same names in Deno');
    assert.ok(printResult(report, report.version), 'deno (node entry) failed (see above)');
  } finally {
    tmp.remove();
  }
});

test.run();
