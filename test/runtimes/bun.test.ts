// Bun (npm `bun`): the smoke bundled with esbuild (the package resolved by its
// name, default condition) and run by `bun`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BIN, runtimeAvailable, bundle, mainExports, printResult, reportFrom, runCommand, SMOKE_ENTRY, tempDir } from './harness.js';

/** `node_modules/.bin/bun` needs bun's postinstall; the platform binary works without it. */
async function bunBinary(): Promise<string> {
  const wrapper = await runCommand(BIN.bun, ['--version']).catch(() => undefined);
  return wrapper?.code === 0 ? BIN.bun : BIN.bunDirect;
}

const TITLE = 'bun: the smoke passes';

if (!(await runtimeAvailable('bun', [BIN.bun, BIN.bunDirect]))) test.skip(TITLE, () => {});
else test(TITLE, async () => {
  const tmp = tempDir('bun');
  try {
    writeFileSync(join(tmp.dir, 'smoke.js'), (await bundle({ contents: SMOKE_ENTRY })).code);
    const report = reportFrom(await runCommand(await bunBinary(), ['smoke.js'], { cwd: tmp.dir }), 'bun');
    assert.is(report.runtime, 'bun');
    assert.equal(report.exports, await mainExports(), 'the main entry exports the same names in Bun');
    assert.ok(printResult(report, report.version), 'bun failed (see above)');
  } finally {
    tmp.remove();
  }
});

const NODE_TITLE = 'bun: the smoke passes on the node entry (Bun honours the node condition): long messages to node:crypto';

if (!(await runtimeAvailable('bun', [BIN.bun, BIN.bunDirect]))) test.skip(NODE_TITLE, () => {});
else test(NODE_TITLE, async () => {
  const tmp = tempDir('bun-node');
  try {
    writeFileSync(join(tmp.dir, 'smoke.js'), (await bundle({ contents: SMOKE_ENTRY }, { platform: 'node' })).code);
    const report = reportFrom(await runCommand(await bunBinary(), ['smoke.js'], { cwd: tmp.dir }), 'bun');
    assert.is(report.backend, 'native+simd');
    assert.equal(report.exports, await mainExports(), 'the node entry exports the same names in Bun');
    assert.ok(printResult(report, report.version), 'bun (node entry) failed (see above)');
  } finally {
    tmp.remove();
  }
});

test.run();
