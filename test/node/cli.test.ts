/**
 * The `wasmac` CLI: the aws-kms-shaped local commands (JSON output, blobs in
 * base64, text and fileb:// messages, exit codes 252/254/255 with the
 * exception on stderr, --help everywhere), and `wasmac serve` as a real child
 * process (banner, PORT, credentials file, master key, SIGTERM / SIGINT).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as sdk from '@aws-sdk/client-kms';
import { COMMANDS } from '../../src/kms/commands/index.js';
import { revealSecret } from '../../src/kms/secret.js';
import { FileKeyStore, EXIT } from '../../src/node/index.js';
import { runWasmac as wasmac, tempDir } from './helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;


test('create-key, create-alias, generate-mac (text and fileb://), verify-mac on the data directory', async () => {
  const t = tempDir();
  try {
    const d = ['--data-dir', t.dir];
    const created = await wasmac(['create-key', '--key-spec', 'HMAC_256', '--key-usage', 'GENERATE_VERIFY_MAC', '--description', 'cli key', ...d]);
    assert.is(created.code, EXIT.ok, created.err);
    assert.match(created.out, /^\{\n {4}"KeyMetadata": \{\n {8}"AWSAccountId"/, 'AWS CLI layout: 4-space indent');
    const keyId = created.json.KeyMetadata.KeyId as string;
    assert.match(created.json.KeyMetadata.CreationDate, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
    assert.is((await wasmac(['create-alias', '--alias-name', 'alias/cli', '--target-key-id', keyId, ...d])).code, EXIT.ok);

    const store = await FileKeyStore.open(t.dir);
    const material = Uint8Array.from(revealSecret((await store.get(keyId))!.material!));
    await store.close();
    const want = createHmac('sha256', material).update('Hello World').digest('base64');

    const text = await wasmac(['generate-mac', '--key-id', 'alias/cli', '--message', 'Hello World', '--mac-algorithm', 'HMAC_SHA_256', ...d]);
    assert.is(text.code, EXIT.ok, text.err);
    assert.is(text.json.Mac, want);
    assert.is(text.json.KeyId, `arn:aws:kms:us-east-1:111122223333:key/${keyId}`);
    writeFileSync(join(t.dir, 'm.bin'), 'Hello World');
    const file = await wasmac(['generate-mac', `--key-id=${keyId}`, '--message', `fileb://${join(t.dir, 'm.bin')}`, '--mac-algorithm', 'HMAC_SHA_256', ...d]);
    assert.is(file.json.Mac, want);

    const ok = await wasmac(['verify-mac', '--key-id', 'alias/cli', '--message', 'Hello World', '--mac-algorithm', 'HMAC_SHA_256', '--mac', want, ...d]);
    assert.is(ok.code, EXIT.ok, ok.err);
    assert.is(ok.json.MacValid, true);
    writeFileSync(join(t.dir, 'mac.bin'), Buffer.from(want, 'base64'));
    const okFile = await wasmac(['verify-mac', '--key-id', 'alias/cli', '--message', 'Hello World', '--mac-algorithm', 'HMAC_SHA_256', '--mac', `fileb://${join(t.dir, 'mac.bin')}`, ...d]);
    assert.is(okFile.json.MacValid, true);
    const bad = await wasmac(['verify-mac', '--key-id', 'alias/cli', '--message', 'Hello there', '--mac-algorithm', 'HMAC_SHA_256', '--mac', want, ...d]);
    assert.is(bad.code, EXIT.service);
    assert.is(bad.out, '');
    assert.is(bad.err, '\nAn error occurred (KMSInvalidMacException) when calling the VerifyMac operation: \n');
  } finally {
    t.cleanup();
  }
});

test('describe-key, list-keys, disable-key, enable-key, schedule-key-deletion; service errors exit 254', async () => {
  const t = tempDir();
  try {
    const d = ['--data-dir', t.dir, '--region', 'eu-west-1', '--account-id', '444455556666'];
    const keyId = (await wasmac(['create-key', '--key-spec', 'HMAC_512', '--key-usage', 'GENERATE_VERIFY_MAC', ...d])).json.KeyMetadata.KeyId;
    const described = await wasmac(['describe-key', '--key-id', keyId, ...d]);
    assert.is(described.json.KeyMetadata.Arn, `arn:aws:kms:eu-west-1:444455556666:key/${keyId}`);
    assert.equal((await wasmac(['list-keys', ...d])).json.Keys.map((k: { KeyId: string }) => k.KeyId), [keyId]);
    const disabled = await wasmac(['disable-key', '--key-id', keyId, ...d]);
    assert.is(disabled.code, EXIT.ok);
    assert.is(disabled.out, '', 'no output for an empty response, as the AWS CLI');
    const refused = await wasmac(['generate-mac', '--key-id', keyId, '--message', 'x', '--mac-algorithm', 'HMAC_SHA_512', ...d]);
    assert.is(refused.code, EXIT.service);
    assert.match(refused.err, /An error occurred \(DisabledException\) when calling the GenerateMac operation: arn:aws:kms:eu-west-1:444455556666:key\/.* is disabled\./);
    assert.is((await wasmac(['enable-key', '--key-id', keyId, ...d])).code, EXIT.ok);
    const scheduled = await wasmac(['schedule-key-deletion', '--key-id', keyId, '--pending-window-in-days', '7', ...d]);
    assert.is(scheduled.json.KeyState, 'PendingDeletion');
    assert.is(scheduled.json.PendingWindowInDays, 7);
    const missing = await wasmac(['describe-key', '--key-id', 'alias/nope', ...d]);
    assert.is(missing.code, EXIT.service);
    assert.match(missing.err, /\(NotFoundException\) when calling the DescribeKey operation: Alias arn:aws:kms:eu-west-1:444455556666:alias\/nope is not found\./);
  } finally {
    t.cleanup();
  }
});

test('--help on every command, exit 0', async () => {
  const commands = ['serve', ...Object.keys(COMMANDS).map((op) => op.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase())];
  for (const command of commands) {
    const r = await wasmac([command, '--help']);
    assert.is(r.code, EXIT.ok, command);
    assert.match(r.out, new RegExp(`^usage: wasmac ${command} \\[options\\]`), command);
  }
  const g = await wasmac(['--help']);
  assert.is(g.code, EXIT.ok);
  for (const c of ['serve', 'create-key', 'describe-key', 'list-keys', 'create-alias', 'generate-mac', 'verify-mac', 'enable-key', 'disable-key', 'schedule-key-deletion']) {
    assert.match(g.out, new RegExp(`\\n  ${c} `), c);
  }
  assert.match((await wasmac(['generate-mac', '--help'])).out, /--message <value>.*fileb:\/\//);
});

test('usage errors exit 252 with the problem named', async () => {
  const t = tempDir();
  try {
    const d = ['--data-dir', t.dir];
    const cases: [string[], RegExp][] = [
      [['generate-mac', '--key-id', 'k', ...d], /the following arguments are required: --message, --mac-algorithm/],
      [['describe-key', '--key-id', 'k', '--bogus', 'x', ...d], /Unknown options: --bogus/],
      [['no-such-command'], /Invalid choice 'no-such-command'/],
      [['schedule-key-deletion', '--key-id', 'k', '--pending-window-in-days', 'seven', ...d], /invalid int value: 'seven'/],
      [['generate-mac', '--key-id', 'k', '--message', 'fileb:///nonexistent/file', '--mac-algorithm', 'HMAC_SHA_256', ...d], /Unable to load paramfile/],
      [['verify-mac', '--key-id', 'k', '--message', 'm', '--mac', 'not base64!', '--mac-algorithm', 'HMAC_SHA_256', ...d], /expected base64/],
      [['serve', '--port', 'http'], /not a port number/],
    ];
    for (const [args, pattern] of cases) {
      const r = await wasmac(args);
      assert.is(r.code, EXIT.usage, args.join(' '));
      assert.match(r.err, pattern, args.join(' '));
    }
  } finally {
    t.cleanup();
  }
});

test('an unreadable store or a master key of the wrong size exits 255 with a clear message', async () => {
  const t = tempDir();
  try {
    const keyId = (await wasmac(['create-key', '--key-spec', 'HMAC_256', '--key-usage', 'GENERATE_VERIFY_MAC', '--data-dir', t.dir])).json.KeyMetadata.KeyId;
    const path = join(t.dir, 'keys', `${keyId}.json`);
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, 50));
    const r = await wasmac(['list-keys', '--data-dir', t.dir]);
    assert.is(r.code, EXIT.other);
    assert.match(r.err, new RegExp(`keys/${keyId}\\.json: truncated or corrupt`));
    const k = await wasmac(['list-keys', '--data-dir', t.dir], { WASMAC_MASTER_KEY: 'short-and-secret' });
    assert.is(k.code, EXIT.other);
    assert.match(k.err, /WASMAC_MASTER_KEY must be 32 bytes/);
    assert.not.match(k.err, /short-and-secret/);
  } finally {
    t.cleanup();
  }
});

/** A port nobody listens on right now (bound, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

interface Served {
  child: ChildProcess;
  url: string;
  output: () => string;
  exit: Promise<{ code: number | null; signal: string | null }>;
}

function serve(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/node/cli.ts'), 'serve', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WASMAC_MASTER_KEY: '', PORT: '', WASMAC_ACCESS_KEY_ID: '', WASMAC_SECRET_ACCESS_KEY: '', ...env },
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exit = new Promise<{ code: number | null; signal: string | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner:\n${out}`)), 20_000);
    child.stdout!.on('data', () => {
      const m = /Ctrl-C stops the server/.test(out) ? /listening on (http:\/\/\S+)/.exec(out) : null;
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => out, exit });
      }
    });
    void exit.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${out}`));
    });
  });
}

test('wasmac serve: banner with endpoint and examples, PORT, seed, SIGTERM stops it cleanly', async () => {
  const t = tempDir();
  const port = await freePort();
  try {
    writeFileSync(join(t.dir, 'seed.json'), JSON.stringify({ keys: [{ KeySpec: 'HMAC_256', MaterialHex: '00'.repeat(32), Aliases: ['alias/seeded'] }] }));
    const s = await serve(['--data-dir', join(t.dir, 'store'), '--seed', join(t.dir, 'seed.json'), '--demo'], { PORT: String(port) });
    try {
      const out = s.output();
      assert.is(s.url, `http://127.0.0.1:${port}`);
      assert.match(out, /accepting access key "test" with secret "test"/);
      assert.match(out, /new KMSClient\(\{ endpoint: 'http:\/\/127\.0\.0\.1:\d+'/);
      assert.match(out, new RegExp(`aws kms generate-mac --endpoint-url http://127\\.0\\.0\\.1:${port}`));
      assert.match(out, /material NOT encrypted at rest/);
      const client = new sdk.KMSClient({ endpoint: s.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
      const mac = await client.send(new sdk.GenerateMacCommand({ KeyId: 'alias/seeded', Message: new TextEncoder().encode('Hello World'), MacAlgorithm: 'HMAC_SHA_256' }));
      assert.is(Buffer.from(mac.Mac!).toString('base64'), createHmac('sha256', Buffer.alloc(32)).update('Hello World').digest('base64'));
      const demo = await client.send(new sdk.DescribeKeyCommand({ KeyId: 'alias/demo' }));
      assert.is(demo.KeyMetadata!.KeySpec, 'HMAC_384');
      client.destroy();
      // The log line follows the response: give the child a moment to write it.
      for (let i = 0; i < 500 && !/GenerateMac 200/.test(s.output()); i++) await new Promise((r) => setTimeout(r, 20));
      assert.match(s.output(), /GenerateMac 200/, 'a line per request');
    } finally {
      s.child.kill('SIGTERM');
    }
    const { code } = await s.exit;
    assert.is(code, 0);
    assert.match(s.output(), /SIGTERM: stopping.*\n.*stopped/s);
    assert.not.ok(readdirSync(join(t.dir, 'store')).includes('lock'), 'lock released');
  } finally {
    t.cleanup();
  }
});

test('wasmac serve: --credentials file, WASMAC_MASTER_KEY, SIGINT; secrets never printed', async () => {
  const t = tempDir();
  try {
    writeFileSync(
      join(t.dir, 'creds.json'),
      JSON.stringify({ credentials: [{ accessKeyId: 'AKIDLOCAL', secretAccessKey: 'very-secret-value' }, { accessKeyId: 'AKIDOTHER', secretAccessKey: 'other-secret', accountId: '444455556666' }] }),
    );
    const masterKey = Buffer.alloc(32, 9).toString('base64');
    const s = await serve(['--port', '0', '--data-dir', join(t.dir, 'store'), '--credentials', join(t.dir, 'creds.json'), '--demo'], { WASMAC_MASTER_KEY: masterKey });
    try {
      assert.match(s.output(), /accepting 2 access key\(s\): AKIDLOCAL, AKIDOTHER/);
      assert.match(s.output(), /material encrypted \(AES-256-GCM/);
      const mk = (id: string, secret: string) => new sdk.KMSClient({ endpoint: s.url, region: 'us-east-1', credentials: { accessKeyId: id, secretAccessKey: secret }, maxAttempts: 1 });
      const local = mk('AKIDLOCAL', 'very-secret-value');
      assert.ok((await local.send(new sdk.DescribeKeyCommand({ KeyId: 'alias/demo' }))).KeyMetadata);
      const other = mk('AKIDOTHER', 'other-secret');
      const created = await other.send(new sdk.CreateKeyCommand({ KeySpec: 'HMAC_224', KeyUsage: 'GENERATE_VERIFY_MAC' }));
      assert.is(created.KeyMetadata!.AWSAccountId, '444455556666', 'the access key decides the caller');
      const test_ = mk('test', 'test');
      try {
        await test_.send(new sdk.ListKeysCommand({}));
        assert.unreachable('test/test must be refused once credentials are configured');
      } catch (err) {
        assert.is((err as Error).name, 'UnrecognizedClientException');
      }
      for (const c of [local, other, test_]) c.destroy();
    } finally {
      s.child.kill('SIGINT');
    }
    const { code } = await s.exit;
    assert.is(code, 0);
    assert.not.match(s.output(), /very-secret-value|other-secret/);
    const files = readdirSync(join(t.dir, 'store', 'keys'));
    assert.is(files.length, 2);
    for (const f of files) assert.match(readFileSync(join(t.dir, 'store', 'keys', f), 'utf8'), /"encoding":"aes-256-gcm"/);
  } finally {
    t.cleanup();
  }
});

test('a second process on the same data directory is refused while a server holds it', async () => {
  const t = tempDir();
  try {
    const s = await serve(['--port', '0', '--data-dir', t.dir, '--quiet']);
    try {
      const r = await wasmac(['list-keys', '--data-dir', t.dir]);
      assert.is(r.code, EXIT.other);
      assert.match(r.err, new RegExp(`in use by process ${s.child.pid}`));
    } finally {
      s.child.kill('SIGTERM');
      await s.exit;
    }
    assert.is((await wasmac(['list-keys', '--data-dir', t.dir])).code, EXIT.ok);
  } finally {
    t.cleanup();
  }
});

test.run();
