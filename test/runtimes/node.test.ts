// Node: the smoke in this process, against the package as Node resolves it by
// name (`wasmac` -> dist/index.js), and @aws-sdk/client-kms over
// KmsRequestHandler. The rest of the Node coverage is every other suite.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { printResult } from './harness.js';
import * as sdk from '@aws-sdk/client-kms';
import { runSdkSmoke } from './sdk-smoke.js';
import { runSmoke, type Api } from './smoke.js';

test('node: the smoke passes against the built main entry', async () => {
  const specifier = 'wasmac';
  const api = (await import(specifier)) as Api;
  const report = await runSmoke(api);
  report.sdk = await runSdkSmoke(api, sdk);
  assert.is(report.runtime, 'node');
  assert.ok(printResult(report, report.version), 'node smoke failed (see above)');
});

test.run();
