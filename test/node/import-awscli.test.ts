/**
 * The README's "Same MACs as AWS KMS" steps, run as written: its `byok` shell
 * function (AWS CLI + OpenSSL) taken from the README, pointed at the endpoint,
 * then GenerateMac through the AWS CLI compared with node:crypto's HMAC of the
 * material file. Skipped (saying so) without `aws`, `openssl` or `bash`.
 */
import { execFile, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MemoryKeyStore } from '../../src/kms/key-store.js';
import { startServer } from '../../src/node/index.js';
import { tempDir } from './helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const missing = ['aws', 'openssl', 'bash'].filter((tool) => spawnSync(tool, ['--version'], { encoding: 'utf8' }).error !== undefined);

/** The `byok() { ... }` function of the README section. */
function byokFunction(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Same MACs as AWS KMS'));
  const start = section.indexOf('byok() {');
  const end = section.indexOf('\n}\n', start);
  assert.ok(start >= 0 && end > start, 'the README section has the byok function');
  return section.slice(start, end + 2);
}

if (missing.length > 0) {
  console.log(`\n  README import steps SKIPPED: ${missing.join(', ')} not on PATH (sudo apt-get install -y awscli openssl).\n`);
} else {
  test('the README steps: byok through the AWS CLI and OpenSSL into wasmac serve; GenerateMac = HMAC of material.bin', async () => {
    const t = tempDir('wasmac-byok-');
    const server = await startServer({ port: 0, keyStore: new MemoryKeyStore() });
    try {
      const script = `set -euo pipefail
openssl rand -out material.bin 32
${byokFunction()}
key=$(byok --endpoint-url ${server.url} --region us-east-1)
printf 'Hello World' > message.bin
aws kms generate-mac --endpoint-url ${server.url} --region us-east-1 --key-id "$key" \\
    --mac-algorithm HMAC_SHA_256 --message fileb://message.bin --query Mac --output text
`;
      const out = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          'bash',
          ['-c', script],
          {
            cwd: t.dir,
            encoding: 'utf8',
            env: {
              PATH: process.env.PATH,
              HOME: t.dir,
              AWS_ACCESS_KEY_ID: 'test',
              AWS_SECRET_ACCESS_KEY: 'test',
              AWS_CONFIG_FILE: join(t.dir, 'none'),
              AWS_SHARED_CREDENTIALS_FILE: join(t.dir, 'none'),
              AWS_PAGER: '',
              AWS_EC2_METADATA_DISABLED: 'true',
              AWS_MAX_ATTEMPTS: '1',
            },
          },
          (err, stdout, stderr) => resolve({ code: err === null ? 0 : ((err as { code?: number }).code ?? 1), stdout, stderr }),
        );
      });
      assert.is(out.code, 0, out.stderr);
      const material = readFileSync(join(t.dir, 'material.bin'));
      assert.is(material.length, 32);
      assert.is(out.stdout.trim(), createHmac('sha256', material).update('Hello World').digest('base64'));
    } finally {
      await server.close();
      t.cleanup();
    }
  });

  test.run();
}
