// Deno (npm `deno`, pinned): the smoke and the Deno example, each bundled with
// esbuild (the package resolved by its name, default condition) and run by
// `deno run` with read and env permissions only.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BIN, bundle, mainExports, printResult, reportFrom, runCommand, SMOKE_ENTRY, tempDir } from './harness.js';

const env = { DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };

test('deno: the smoke and examples/deno pass', async () => {
  const tmp = tempDir('deno');
  try {
    writeFileSync(join(tmp.dir, 'smoke.js'), (await bundle({ contents: SMOKE_ENTRY })).code);
    writeFileSync(join(tmp.dir, 'example.js'), (await bundle({ file: 'examples/deno/main.ts' })).code);
    const smoke = await runCommand(BIN.deno, ['run', '--allow-read', '--allow-env', 'smoke.js'], { cwd: tmp.dir, env });
    const report = reportFrom(smoke, 'deno');
    const example = await runCommand(BIN.deno, ['run', '--allow-read', '--allow-env', 'example.js', 'Hello from Deno'], { cwd: tmp.dir, env });
    const exampleOk = example.code === 0 && /^MacValid: true$/m.test(example.stdout);
    if (!exampleOk) console.log(`examples/deno output:\n${example.stdout}${example.stderr}`);
    assert.is(report.runtime, 'deno');
    assert.equal(report.exports, await mainExports(), 'the main entry exports the same names in Deno');
    assert.ok(printResult(report, report.version, { 'examples/deno': exampleOk }), 'deno failed (see above)');
  } finally {
    tmp.remove();
  }
});

test.run();
