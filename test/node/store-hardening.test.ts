/**
 * The key store against someone who can write its directory, and against a
 * careless operator: records authenticated under the master key, turning
 * encryption on (`wasmac store encrypt`), the lock under racing openers, the
 * directory's mode, temporary files of failed writes, and the warning for a
 * wildcard host with the default credentials.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fork } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoredKey } from '../../src/kms/key-store.js';
import { SecretBytes, revealSecret } from '../../src/kms/secret.js';
import { KeyStoreError } from '../../src/node/errors.js';
import { FileKeyStore, parseMasterKey } from '../../src/node/file-store.js';
import { startServer } from '../../src/node/index.js';
import { runWasmac, tempDir } from './helpers.js';

const MASTER_B64 = Buffer.alloc(32, 5).toString('base64');
const MASTER = parseMasterKey(MASTER_B64);
const ID1 = '11111111-1111-4111-8111-111111111111';
const ID2 = '22222222-2222-4222-8222-222222222222';
const MATERIAL = Uint8Array.from({ length: 32 }, (_, i) => i);
const PLANTED = new Uint8Array(32).fill(0xaa);

function record(keyId: string, material = MATERIAL): StoredKey {
  return {
    KeyId: keyId,
    AccountId: '111122223333',
    Region: 'us-east-1',
    Arn: `arn:aws:kms:us-east-1:111122223333:key/${keyId}`,
    CreationDate: 1_700_000_000_123,
    Description: 'd',
    KeySpec: 'HMAC_256',
    KeyUsage: 'GENERATE_VERIFY_MAC',
    Origin: 'AWS_KMS',
    KeyState: 'Enabled',
    MultiRegion: false,
    material: new SecretBytes(material),
    aliases: [],
    tags: [],
    grants: [],
  };
}

async function storeError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    assert.instance(err, KeyStoreError);
    return (err as Error).message;
  }
  assert.unreachable('expected a KeyStoreError');
  return '';
}

const keyFile = (dir: string, id: string) => join(dir, 'keys', `${id}.json`);

/** What someone who can write the directory can do without the master key: a well-formed file with their material and a valid SHA-256. */
function plant(dir: string, id: string, change: (key: Record<string, any>) => void): void {
  const file = JSON.parse(readFileSync(keyFile(dir, id), 'utf8'));
  change(file.key);
  writeFileSync(keyFile(dir, id), JSON.stringify({ format: file.format, checksum: createHash('sha256').update(JSON.stringify(file.key)).digest('hex'), key: file.key }));
}

test('with a master key, planted plain material (valid SHA-256) is refused at open, naming the file', async () => {
  const t = tempDir();
  try {
    const s = await FileKeyStore.open(t.dir, { masterKey: MASTER });
    await s.put(record(ID1));
    await s.put(record(ID2));
    await s.close();
    plant(t.dir, ID1, (key) => (key.material = { encoding: 'base64', data: Buffer.from(PLANTED).toString('base64') }));
    const m = await storeError(FileKeyStore.open(t.dir, { masterKey: MASTER }));
    assert.match(m, new RegExp(`not authenticated under the master key:\\n  keys/${ID1}\\.json\\n`));
    assert.not.match(m, new RegExp(ID2));
    // The endpoint does not start on it either.
    assert.match(await storeError(startServer({ port: 0, dataDir: t.dir, masterKey: MASTER })), /not authenticated under the master key/);
  } finally {
    t.cleanup();
  }
});

test('with a master key, an edited record (metadata, or a MAC from another key) is refused', async () => {
  const t = tempDir();
  try {
    const s = await FileKeyStore.open(t.dir, { masterKey: MASTER });
    await s.put({ ...record(ID1), KeyState: 'Disabled' });
    await s.close();
    const file = JSON.parse(readFileSync(keyFile(t.dir, ID1), 'utf8'));
    assert.match(file.mac, /^[0-9a-f]{64}$/);
    assert.is(file.checksum, undefined);
    file.key.KeyState = 'Enabled';
    writeFileSync(keyFile(t.dir, ID1), JSON.stringify(file));
    assert.match(await storeError(FileKeyStore.open(t.dir, { masterKey: MASTER })), new RegExp(`keys/${ID1}\\.json: not authenticated under this master key`));
    // A MAC computed as the old checksum was (SHA-256) or with the master key used directly does not pass.
    file.mac = createHmac('sha256', MASTER).update(JSON.stringify(file.key)).digest('hex');
    writeFileSync(keyFile(t.dir, ID1), JSON.stringify(file));
    assert.match(await storeError(FileKeyStore.open(t.dir, { masterKey: MASTER })), /not authenticated under this master key/);
  } finally {
    t.cleanup();
  }
});

test('one alias claimed by two key files (one file restored from a backup) is refused at open, naming both', async () => {
  // Alias names are unique per account and region; a store where two records
  // claim one would list it twice and resolve it to either key.
  for (const masterKey of [undefined, MASTER]) {
    const t = tempDir();
    try {
      const opts = masterKey === undefined ? {} : { masterKey };
      const s = await FileKeyStore.open(t.dir, opts);
      const alias = { AliasName: 'alias/x', CreationDate: 1, LastUpdatedDate: 1 };
      await s.put({ ...record(ID1), aliases: [alias] });
      await s.put(record(ID2));
      const backup = readFileSync(keyFile(t.dir, ID1), 'utf8');
      // UpdateAlias moves alias/x from ID1 to ID2 (and ID1 is disabled).
      await s.put({ ...record(ID1), KeyState: 'Disabled' });
      await s.put({ ...record(ID2), aliases: [alias] });
      await s.close();
      writeFileSync(keyFile(t.dir, ID1), backup);
      const m = await storeError(FileKeyStore.open(t.dir, opts));
      assert.match(m, /alias\/x/);
      assert.match(m, new RegExp(`keys/${ID1}\\.json`));
      assert.match(m, new RegExp(`keys/${ID2}\\.json`));
    } finally {
      t.cleanup();
    }
  }
});

test('a plaintext store opened with a master key is refused with the command that encrypts it; store encrypt does, once', async () => {
  const t = tempDir();
  try {
    const plain = await FileKeyStore.open(t.dir);
    await plain.put(record(ID1));
    await plain.put({ ...record(ID2, new Uint8Array(48).fill(3)), KeySpec: 'HMAC_384' });
    await plain.close();
    const m = await storeError(FileKeyStore.open(t.dir, { masterKey: MASTER }));
    assert.match(m, /has 2 key file\(s\) that are not authenticated under the master key/);
    assert.match(m, new RegExp(`wasmac store encrypt --data-dir ${t.dir}`));
    // Nothing was changed by the refused open.
    assert.match(readFileSync(keyFile(t.dir, ID1), 'utf8'), /"encoding":"base64"/);

    // The CLI: serve refuses (no banner claiming encryption), store encrypt converts.
    const serve = await runWasmac(['serve', '--port', '0', '--data-dir', t.dir], { WASMAC_MASTER_KEY: MASTER_B64 });
    assert.is(serve.code, 255);
    assert.match(serve.err, /wasmac store encrypt/);
    assert.not.match(serve.out, /material encrypted/);
    assert.is((await runWasmac(['store', 'encrypt', '--data-dir', t.dir])).code, 252, 'needs WASMAC_MASTER_KEY');
    const run = await runWasmac(['store', 'encrypt', '--data-dir', t.dir], { WASMAC_MASTER_KEY: MASTER_B64 });
    assert.is(run.code, 0, run.err);
    assert.match(run.out, /2 key file\(s\) encrypted and authenticated under WASMAC_MASTER_KEY\n  keys\/1111.*\n  keys\/2222.*\n0 already were\./);
    for (const id of [ID1, ID2]) {
      const text = readFileSync(keyFile(t.dir, id), 'utf8');
      assert.match(text, /"encoding":"aes-256-gcm"/);
      assert.match(text, /"mac":"[0-9a-f]{64}"/);
      assert.not.ok(text.includes(Buffer.from(MATERIAL).toString('base64')));
    }
    const again = await runWasmac(['store', 'encrypt', '--data-dir', t.dir], { WASMAC_MASTER_KEY: MASTER_B64 });
    assert.match(again.out, /0 key file\(s\) encrypted[^]*2 already were\./);
    const s = await FileKeyStore.open(t.dir, { masterKey: MASTER });
    assert.equal(revealSecret((await s.get(ID1))!.material!), MATERIAL);
    await s.close();
    // And the reverse: without the key, the encrypted store does not open.
    assert.match(await storeError(FileKeyStore.open(t.dir)), /no master key was given \(set WASMAC_MASTER_KEY\)\nNothing was changed\. The store was written with a master key: set WASMAC_MASTER_KEY to it\.$/);
  } finally {
    t.cleanup();
  }
});

test('an interrupted store encrypt (some files converted) is refused by name, and a second run finishes it', async () => {
  const t = tempDir();
  try {
    const enc = await FileKeyStore.open(t.dir, { masterKey: MASTER });
    await enc.put(record(ID1));
    await enc.close();
    // A file written without the key, as a crash halfway through leaves it.
    const other = tempDir();
    const plain = await FileKeyStore.open(other.dir);
    await plain.put(record(ID2));
    await plain.close();
    writeFileSync(keyFile(t.dir, ID2), readFileSync(keyFile(other.dir, ID2)));
    other.cleanup();
    const m = await storeError(FileKeyStore.open(t.dir, { masterKey: MASTER }));
    assert.match(m, new RegExp(`has 1 key file\\(s\\) that are not authenticated under the master key:\\n  keys/${ID2}\\.json\\n`));
    const { converted, already } = await FileKeyStore.encryptStore(t.dir, MASTER);
    assert.equal(converted, [`keys/${ID2}.json`]);
    assert.is(already, 1);
    await (await FileKeyStore.open(t.dir, { masterKey: MASTER })).close();
  } finally {
    t.cleanup();
  }
});

test('the lock under four simultaneous openers and a stale lock: exactly one wins, every round', async () => {
  const t = tempDir();
  const children = [0, 1, 2, 3].map(() => fork(join(import.meta.dirname, 'lock-opener.ts'), [t.dir], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  const next = (c: (typeof children)[number]) => new Promise<string>((resolve) => c.once('message', (m) => resolve(String(m))));
  try {
    await Promise.all(children.map(next));
    for (let round = 0; round < 40; round++) {
      writeFileSync(join(t.dir, 'lock'), '2147483646\n');
      const at = Date.now() + 30;
      const answers = await Promise.all(children.map((c) => {
        const answer = next(c);
        c.send(`open:${at}`);
        return answer;
      }));
      const winners = answers.filter((a) => a === 'ok');
      assert.is(winners.length, 1, `round ${round}: ${answers.join(' | ')}`);
      for (const a of answers) if (a !== "ok") assert.match(a, /in use by process \d+/, a);
      await Promise.all(children.map((c) => {
        const answer = next(c);
        c.send('close');
        return answer;
      }));
    }
  } finally {
    for (const c of children) c.send('exit');
    await Promise.all(children.map((c) => new Promise((r) => c.once('exit', r))));
    t.cleanup();
  }
});

test('the lock: not reopened in the same process; an empty lock file is not stale until it is old', async () => {
  const t = tempDir();
  try {
    const first = await FileKeyStore.open(t.dir);
    assert.match(await storeError(FileKeyStore.open(t.dir)), /already open in this process/);
    assert.match(await storeError(FileKeyStore.open(join(t.dir, '.'))), /already open in this process/);
    assert.is(readFileSync(join(t.dir, 'lock'), 'utf8'), `${process.pid}\n`, 'the refused open left the lock alone');
    await first.put(record(ID1));
    await first.close();
    assert.not.ok(readdirSync(t.dir).includes('lock'));
    writeFileSync(join(t.dir, 'lock'), '');
    assert.match(await storeError(FileKeyStore.open(t.dir)), /lock file that is not a process id/);
    const old = (Date.now() - 60_000) / 1000;
    utimesSync(join(t.dir, 'lock'), old, old);
    const s = await FileKeyStore.open(t.dir);
    assert.is((await s.list()).length, 1);
    await s.close();
    assert.equal(readdirSync(t.dir).filter((n) => n.startsWith('.lock')), [], 'no temporary lock files left');
  } finally {
    t.cleanup();
  }
});

test('a data directory with mode 0777 is tightened to 0700; a shared (sticky) one is refused', async () => {
  const t = tempDir();
  try {
    const dir = join(t.dir, 'store');
    mkdirSync(join(dir, 'keys'), { recursive: true });
    chmodSync(dir, 0o777);
    chmodSync(join(dir, 'keys'), 0o755);
    const s = await FileKeyStore.open(dir);
    await s.close();
    assert.is(statSync(dir).mode & 0o777, 0o700);
    assert.is(statSync(join(dir, 'keys')).mode & 0o777, 0o700);
    const shared = join(t.dir, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    assert.match(await storeError(FileKeyStore.open(shared)), /has mode 0777: other users can reach the keys, and it is (shared)/);
    assert.is(statSync(shared).mode & 0o1777, 0o1777, 'left as it was');
  } finally {
    t.cleanup();
  }
});

test('a write that fails (a full disk) leaves no temporary file behind', async () => {
  const t = tempDir();
  const probe = await open(join(t.dir, 'probe'), 'w');
  const proto = Object.getPrototypeOf(probe) as { sync: () => Promise<void> };
  await probe.close();
  const sync = proto.sync;
  try {
    const s = await FileKeyStore.open(t.dir);
    proto.sync = async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    };
    let failed = false;
    try {
      await s.put(record(ID1));
    } catch (err) {
      failed = (err as NodeJS.ErrnoException).code === 'ENOSPC';
    }
    proto.sync = sync;
    assert.ok(failed, 'the write failed');
    assert.equal(readdirSync(join(t.dir, 'keys')), []);
    await s.put(record(ID1));
    assert.equal(readdirSync(join(t.dir, 'keys')), [`${ID1}.json`]);
    await s.close();
  } finally {
    proto.sync = sync;
    t.cleanup();
  }
});

test('serve on a wildcard or LAN address with the default test/test credentials warns; loopback or own credentials do not', async () => {
  const t = tempDir();
  try {
    const serve = (args: string[], env: NodeJS.ProcessEnv = {}) =>
      runWasmacServe([...args, '--port', '0', '--data-dir', join(t.dir, 'store'), '--quiet'], env);
    const wild = await serve(['--host', '0.0.0.0']);
    assert.match(wild.err, /WARNING: listening on 0\.0\.0\.0 with the default credentials test\/test: anyone who can reach port \d+ can use and change the keys/);
    assert.not.match((await serve(['--host', '127.0.0.1'])).err, /WARNING/);
    assert.not.match((await serve(['--host', '0.0.0.0'], { WASMAC_ACCESS_KEY_ID: 'AKIDOWN', WASMAC_SECRET_ACCESS_KEY: 'own-secret' })).err, /WARNING/);
  } finally {
    t.cleanup();
  }
});

/** `wasmac serve` in this process, stopped as soon as it listens. */
async function runWasmacServe(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  const { runCli } = await import('../../src/node/cli-main.js');
  let out = '';
  let err = '';
  const code = await runCli(['serve', ...args], { stdout: (x) => (out += x), stderr: (x) => (err += x), env, waitForStop: async () => 'SIGTERM' });
  return { code, out, err };
}

test.run();
