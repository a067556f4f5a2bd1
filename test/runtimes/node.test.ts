// Node: the smoke in this process, against the package as Node resolves it by
// name (`wasmac` -> the `default` condition -> dist/index.js). The rest of the
// Node coverage is every other suite.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { printResult } from './harness.js';
import { runSmoke, type Api } from './smoke.js';

test('node: the smoke passes against the built main entry', async () => {
  const specifier = 'wasmac';
  const api = (await import(specifier)) as Api;
  const report = await runSmoke(api);
  assert.is(report.runtime, 'node');
  assert.ok(printResult(report, report.version), 'node smoke failed (see above)');
});

test.run();
