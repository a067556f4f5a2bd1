/**
 * The AWS CLI (`aws`, Debian's `awscli` package; v1 or v2) against the
 * endpoint: create-key, create-alias, generate-mac, verify-mac, and its
 * refusals. botocore signs without x-amz-content-sha256, unlike the JS SDK.
 * Without `aws` on PATH the suite says it was skipped and how to install it.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryKeyStore } from '../../src/kms/key-store.js';
import { startServer, type KmsServer } from '../../src/node/index.js';
import { tempDir } from './helpers.js';

const found = spawnSync('aws', ['--version'], { encoding: 'utf8' });
const available = found.status === 0;

if (!available) {
  console.log(
    '\n  AWS CLI suite SKIPPED: `aws` is not on PATH.\n' +
      '  Install it to run this suite: sudo apt-get install -y awscli (Debian/Ubuntu; .ci/run does this as root),\n' +
      '  or see https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html\n',
  );
} else {
  const MATERIAL = Uint8Array.from({ length: 48 }, (_, i) => 255 - i);
  const SEEDED = '5c1d7e3a-9b2f-4c8e-a6d0-1f2e3d4c5b6a';
  const t = tempDir('wasmac-awscli-');
  let server: KmsServer;
  let version = '';

  interface Result {
    code: number;
    stdout: string;
    stderr: string;
    json: any;
  }

  const aws = (args: string[], secret = 'test'): Promise<Result> =>
    new Promise((resolve) => {
      execFile(
        'aws',
        ['kms', ...args, '--endpoint-url', server.url, '--region', 'us-east-1', '--output', 'json'],
        {
          env: {
            PATH: process.env.PATH,
            HOME: t.dir,
            AWS_ACCESS_KEY_ID: 'test',
            AWS_SECRET_ACCESS_KEY: secret,
            AWS_CONFIG_FILE: join(t.dir, 'none'),
            AWS_SHARED_CREDENTIALS_FILE: join(t.dir, 'none'),
            AWS_PAGER: '',
            AWS_EC2_METADATA_DISABLED: 'true',
            AWS_MAX_ATTEMPTS: '1',
          },
          encoding: 'utf8',
        },
        (err, stdout, stderr) => {
          let json: unknown;
          try {
            json = stdout.trim() === '' ? undefined : JSON.parse(stdout);
          } catch {
            json = undefined;
          }
          resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr, json });
        },
      );
    });

  const file = (name: string, data: string | Uint8Array): string => {
    const path = join(t.dir, name);
    writeFileSync(path, data);
    return `fileb://${path}`;
  };

  test.before(async () => {
    version = found.stdout.trim() || found.stderr.trim();
    console.log(`  using ${version}`);
    server = await startServer({
      port: 0,
      keyStore: new MemoryKeyStore(),
      seed: { keys: [{ KeyId: SEEDED, KeySpec: 'HMAC_384', MaterialBase64: Buffer.from(MATERIAL).toString('base64'), Aliases: ['alias/seeded'] }] },
    });
  });

  test.after(async () => {
    await server.close();
    t.cleanup();
  });

  test('create-key, create-alias, generate-mac, verify-mac', async () => {
    const created = await aws(['create-key', '--key-spec', 'HMAC_256', '--key-usage', 'GENERATE_VERIFY_MAC', '--description', 'from the AWS CLI']);
    assert.is(created.code, 0, created.stderr);
    const keyId = created.json.KeyMetadata.KeyId as string;
    assert.is(created.json.KeyMetadata.KeySpec, 'HMAC_256');
    assert.equal(created.json.KeyMetadata.MacAlgorithms, ['HMAC_SHA_256']);
    const alias = await aws(['create-alias', '--alias-name', 'alias/cli', '--target-key-id', keyId]);
    assert.is(alias.code, 0, alias.stderr);
    const message = file('message.txt', 'Hello World');
    const mac = await aws(['generate-mac', '--key-id', 'alias/cli', '--mac-algorithm', 'HMAC_SHA_256', '--message', message]);
    assert.is(mac.code, 0, mac.stderr);
    assert.is(mac.json.KeyId, `arn:aws:kms:us-east-1:111122223333:key/${keyId}`);
    const macBytes = Buffer.from(mac.json.Mac, 'base64');
    assert.is(macBytes.length, 32);
    const ok = await aws(['verify-mac', '--key-id', 'alias/cli', '--mac-algorithm', 'HMAC_SHA_256', '--message', message, '--mac', file('mac.bin', macBytes)]);
    assert.is(ok.code, 0, ok.stderr);
    assert.is(ok.json.MacValid, true);
    const tampered = Buffer.from(macBytes);
    tampered[0]! ^= 1;
    const bad = await aws(['verify-mac', '--key-id', 'alias/cli', '--mac-algorithm', 'HMAC_SHA_256', '--message', message, '--mac', file('bad.bin', tampered)]);
    assert.ok(bad.code === 254 || bad.code === 255, `exit ${bad.code}`);
    assert.match(bad.stderr, /An error occurred \(KMSInvalidMacException\) when calling the VerifyMac operation/);
  });

  test('generate-mac with seeded material equals node:crypto', async () => {
    const res = await aws(['generate-mac', '--key-id', 'alias/seeded', '--mac-algorithm', 'HMAC_SHA_384', '--message', file('m2.txt', 'Hello World')]);
    assert.is(res.code, 0, res.stderr);
    assert.is(res.json.Mac, createHmac('sha384', MATERIAL).update('Hello World').digest('base64'));
  });

  test('describe-key of a missing alias, and a wrong secret key, fail as with AWS', async () => {
    const missing = await aws(['describe-key', '--key-id', 'alias/none']);
    assert.ok(missing.code === 254 || missing.code === 255);
    // v2 adds " (reached max retries: 0)" before the colon; v1 does not.
    assert.match(missing.stderr, /\(NotFoundException\) when calling the DescribeKey operation( \(reached max retries: \d+\))?: Alias arn:aws:kms:us-east-1:111122223333:alias\/none is not found\./);
    const wrong = await aws(['list-keys'], 'not-the-secret');
    assert.ok(wrong.code === 254 || wrong.code === 255);
    assert.match(wrong.stderr, /InvalidSignatureException/);
  });
}

test.run();
