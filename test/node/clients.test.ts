/**
 * The three real clients the endpoint promises to serve, each signing as it
 * does, with a session token so that one more x-amz-* header is sent:
 * `@aws-sdk/client-kms`, boto3 (python3) and the AWS CLI (`aws`). The endpoint
 * refuses any x-amz-* header left out of the signature, so this suite is what
 * proves those clients sign every one they send.
 *
 * A missing boto3 or `aws` fails its test, saying how to install it
 * (`.ci/run` installs both).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as sdk from '@aws-sdk/client-kms';
import { MemoryKeyStore } from '../../src/kms/key-store.js';
import { startServer, type KmsServer } from '../../src/node/index.js';
import { tempDir } from './helpers.js';

const MATERIAL = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
const KEY_ID = '6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
const HELLO = 'Hello World';
const EXPECTED = createHmac('sha256', MATERIAL).update(HELLO).digest('base64');
const t = tempDir('wasmac-clients-');
let server: KmsServer;

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { env, encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : 1, stdout, stderr });
    });
  });
}

const awsEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: t.dir,
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_SESSION_TOKEN: 'a-session-token',
  AWS_CONFIG_FILE: join(t.dir, 'none'),
  AWS_SHARED_CREDENTIALS_FILE: join(t.dir, 'none'),
  AWS_PAGER: '',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_MAX_ATTEMPTS: '1',
});

test.before(async () => {
  server = await startServer({
    port: 0,
    keyStore: new MemoryKeyStore(),
    seed: { keys: [{ KeyId: KEY_ID, KeySpec: 'HMAC_256', MaterialHex: Buffer.from(MATERIAL).toString('hex'), Aliases: ['alias/clients'] }] },
  });
});

test.after(async () => {
  await server.close();
  t.cleanup();
});

test('@aws-sdk/client-kms with a session token: every x-amz-* header it sends is signed', async () => {
  const client = new sdk.KMSClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test', sessionToken: 'a-session-token' },
    maxAttempts: 1,
  });
  try {
    const { Mac } = await client.send(new sdk.GenerateMacCommand({ KeyId: 'alias/clients', Message: new TextEncoder().encode(HELLO), MacAlgorithm: 'HMAC_SHA_256' }));
    assert.is(Buffer.from(Mac!).toString('base64'), EXPECTED);
    const created = await client.send(new sdk.CreateKeyCommand({ KeySpec: 'HMAC_384', KeyUsage: 'GENERATE_VERIFY_MAC' }));
    assert.is(created.KeyMetadata!.KeySpec, 'HMAC_384');
  } finally {
    client.destroy();
  }
});

test('boto3 (python3) with a session token', async () => {
  const probe = spawnSync('python3', ['-c', 'import boto3; print(boto3.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    assert.unreachable('boto3 is not importable by python3: install it (sudo apt-get install -y python3-boto3, or pip install boto3); .ci/run does this as root');
  }
  const script = [
    'import base64, json, os, sys, boto3',
    "kms = boto3.client('kms', endpoint_url=os.environ['ENDPOINT'], region_name='us-east-1')",
    "mac = kms.generate_mac(KeyId='alias/clients', Message=b'Hello World', MacAlgorithm='HMAC_SHA_256')['Mac']",
    "ok = kms.verify_mac(KeyId='alias/clients', Message=b'Hello World', MacAlgorithm='HMAC_SHA_256', Mac=mac)['MacValid']",
    "key = kms.create_key(KeySpec='HMAC_512', KeyUsage='GENERATE_VERIFY_MAC')['KeyMetadata']['KeyId']",
    "kms.create_alias(AliasName='alias/boto3', TargetKeyId=key)",
    "names = [a['AliasName'] for a in kms.list_aliases()['Aliases']]",
    "print(json.dumps({'mac': base64.b64encode(mac).decode(), 'valid': ok, 'aliases': names}))",
  ].join('\n');
  const path = join(t.dir, 'client.py');
  writeFileSync(path, script);
  const r = await run('python3', [path], { ...awsEnv(), ENDPOINT: server.url });
  assert.is(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.is(out.mac, EXPECTED);
  assert.is(out.valid, true);
  assert.ok(out.aliases.includes('alias/boto3'));
});

test('the AWS CLI with a session token', async () => {
  if (spawnSync('aws', ['--version'], { encoding: 'utf8' }).status !== 0) {
    assert.unreachable('`aws` is not on PATH: install it (sudo apt-get install -y awscli); .ci/run does this as root');
  }
  writeFileSync(join(t.dir, 'message.bin'), HELLO);
  const common = ['--endpoint-url', server.url, '--region', 'us-east-1', '--output', 'json'];
  const r = await run(
    'aws',
    ['kms', 'generate-mac', '--key-id', 'alias/clients', '--mac-algorithm', 'HMAC_SHA_256', '--message', `fileb://${join(t.dir, 'message.bin')}`, ...common],
    awsEnv(),
  );
  assert.is(r.code, 0, r.stderr);
  assert.is(JSON.parse(r.stdout).Mac, EXPECTED);
  const d = await run('aws', ['kms', 'describe-key', '--key-id', KEY_ID, ...common], awsEnv());
  assert.is(d.code, 0, d.stderr);
  assert.is(JSON.parse(d.stdout).KeyMetadata.KeySpec, 'HMAC_256');
});

test.run();
