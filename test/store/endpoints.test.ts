/**
 * Several endpoints on one PostgreSQL database are one KMS: three `wasmac
 * serve --store` processes (the built CLI) share keys and MACs, a DisableKey
 * on one is refused by the others within the measured bound, aliases stay
 * unique across them, a `kill -9` under CreateKey load loses nothing
 * acknowledged and a restarted endpoint serves every key with the same MACs.
 * And the faults: PostgreSQL unreachable at start (a clear error and exit
 * code) and while serving (a KMS server error within the SDK's time, then
 * service again without a restart; through a TCP proxy this suite cuts and
 * restores, so the machine's server is never stopped). Also the CLI's store
 * options: `--store` / `WASMAC_STORE`, exclusive with `--data-dir`, and
 * `--workers` refused on the file store.
 */
import { KMS as SdkKMS } from '@aws-sdk/client-kms';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import pg from 'pg';
import { KMS } from '../../src/index.js';
import { PostgresKeyStore, startServer, type KmsServer } from '../../src/node/index.js';
import { rejection, runWasmac, tempDir } from '../node/helpers.js';
import { createDatabase, type TestDatabase } from './pg.js';

const CLI = new URL('../../dist/node/cli.js', import.meta.url).pathname;
/** The bound the issue sets; the measured figure is printed. */
const STALENESS_BOUND_MS = 2000;

let db: TestDatabase;

test.before(async () => {
  db = await createDatabase();
});
test.after(async () => {
  await db?.drop();
});

function sdk(url: string, maxAttempts = 1): SdkKMS {
  return new SdkKMS({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts });
}

interface Endpoint {
  url: string;
  child: ChildProcess;
  kms: SdkKMS;
  stop(): Promise<void>;
}

/** `wasmac serve --store <db> --port 0` as a process; resolves once it listens. */
function serve(extra: string[] = []): Promise<Endpoint> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--store', db.url, '--port', '0', '--quiet', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`the endpoint did not start: ${out}${err}`)), 15_000);
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m !== null) {
        clearTimeout(timer);
        const url = m[1]!;
        const kms = sdk(url);
        resolve({
          url,
          child,
          kms,
          stop: async () => {
            kms.destroy();
            if (child.exitCode !== null || child.signalCode !== null) return;
            const exited = new Promise((r) => child.once('exit', r));
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the endpoint exited with ${code}: ${out}${err}`));
    });
  });
}

async function hmacKey(kms: SdkKMS): Promise<{ id: string; arn: string }> {
  const out = await kms.createKey({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
  return { id: out.KeyMetadata!.KeyId!, arn: out.KeyMetadata!.Arn! };
}

async function macOf(kms: SdkKMS, keyId: string, message = 'same message'): Promise<string> {
  const out = await kms.generateMac({ KeyId: keyId, Message: new TextEncoder().encode(message), MacAlgorithm: 'HMAC_SHA_256' });
  return Buffer.from(out.Mac!).toString('hex');
}

function errorName(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'ok',
    (e: Error) => e.name,
  );
}

test('the CLI: --store and --data-dir are exclusive, a bad URL is a usage error, --workers needs a shared store', async () => {
  const t = tempDir();
  try {
    const both = await runWasmac(['serve', '--data-dir', t.dir, '--store', db.url]);
    assert.is(both.code, 252);
    assert.match(both.err, /--data-dir and --store are exclusive/);
    const envBoth = await runWasmac(['list-keys'], { WASMAC_STORE: db.url, WASMAC_DATA_DIR: t.dir });
    assert.is(envBoth.code, 252);
    assert.match(envBoth.err, /WASMAC_STORE and WASMAC_DATA_DIR are exclusive/);
    const bad = await runWasmac(['list-keys', '--store', 'mysql://root:hunter2@db/x']);
    assert.is(bad.code, 252);
    assert.match(bad.err, /is not a PostgreSQL URL like postgres:\/\/user@host:5432\/database/);
    assert.not.match(bad.err, /hunter2/, 'the password is never printed');
    const workers = await runWasmac(['serve', '--data-dir', t.dir, '--workers', '2']);
    assert.is(workers.code, 252);
    assert.match(workers.err, /--workers needs a shared key store: the file store \(--data-dir\) belongs to one process/);
    const zero = await runWasmac(['serve', '--store', db.url, '--workers', '0']);
    assert.is(zero.code, 252);
    // WASMAC_STORE works for the local commands too (a flag beats the other's variable).
    const created = await runWasmac(['create-key', '--key-spec', 'HMAC_256', '--key-usage', 'GENERATE_VERIFY_MAC'], { WASMAC_STORE: db.url, WASMAC_DATA_DIR: '' });
    assert.is(created.code, 0, created.err);
    const listed = await runWasmac(['list-keys', '--store', db.url], { WASMAC_DATA_DIR: t.dir });
    assert.ok(listed.json.Keys.some((k: { KeyId: string }) => k.KeyId === created.json.KeyMetadata.KeyId));
  } finally {
    t.cleanup();
  }
});

test('PostgreSQL unreachable at start: a clear error naming the URL (without its password) and exit code 255', async () => {
  const closed = await freePort();
  const started = performance.now();
  const out = await runWasmac(['serve', '--store', `postgres://postgres:s3cret@127.0.0.1:${closed}/nowhere`, '--port', '0']);
  assert.is(out.code, 255);
  assert.match(out.err, new RegExp(`wasmac: cannot use the PostgreSQL key store at postgres://postgres:\\*\\*\\*@127\\.0\\.0\\.1:${closed}/nowhere: ECONNREFUSED`));
  assert.not.match(out.err, /s3cret/);
  assert.ok(performance.now() - started < 5000, 'fails fast');
});

test('three endpoints on one database: one key set, one MAC, DisableKey refused everywhere within the bound, unique aliases', async () => {
  const endpoints = await Promise.all([serve(), serve(), serve()]);
  try {
    const [a, b, c] = endpoints as [Endpoint, Endpoint, Endpoint];
    const key = await hmacKey(a.kms);
    const macs = await Promise.all(endpoints.map((e) => macOf(e.kms, key.id)));
    assert.ok(macs.every((m) => m === macs[0]), 'every endpoint makes the same MAC');

    // Staleness: DisableKey on one endpoint, then how long until each other one refuses.
    const bounds: number[] = [];
    for (let round = 0; round < 10; round++) {
      const k = await hmacKey(endpoints[round % 3]!.kms);
      const others = endpoints.filter((_, i) => i !== round % 3);
      await Promise.all(others.map((e) => macOf(e.kms, k.id)));
      const t0 = performance.now();
      await endpoints[round % 3]!.kms.disableKey({ KeyId: k.id });
      const acked = performance.now();
      const waits = await Promise.all(
        others.map(async (e) => {
          for (;;) {
            const name = await errorName(macOf(e.kms, k.id));
            if (name === 'DisabledException') return performance.now() - acked;
            assert.is(name, 'ok');
            if (performance.now() - t0 > 5000) return Infinity;
          }
        }),
      );
      bounds.push(...waits);
    }
    bounds.sort((x, y) => x - y);
    console.log(`staleness, DisableKey acknowledged on one endpoint -> refused on another: median ${bounds[bounds.length >> 1]!.toFixed(1)} ms, max ${bounds[bounds.length - 1]!.toFixed(1)} ms (${bounds.length} samples)`);
    assert.ok(bounds[bounds.length - 1]! <= STALENESS_BOUND_MS, `a disabled key was still used after ${bounds[bounds.length - 1]} ms`);

    // Alias uniqueness across endpoints.
    for (let round = 0; round < 5; round++) {
      const [k1, k2, k3] = await Promise.all(endpoints.map((e) => hmacKey(e.kms)));
      const name = `alias/across-${round}-${k1!.id.slice(0, 8)}`;
      const results = await Promise.all([a, b, c].map((e, i) => errorName(e.kms.createAlias({ AliasName: name, TargetKeyId: [k1, k2, k3][i]!.id }))));
      assert.is(results.filter((r) => r === 'ok').length, 1, `round ${round}: ${results.join(', ')}`);
      assert.is(results.filter((r) => r === 'AlreadyExistsException').length, 2);
      const owners = new Set(await Promise.all(endpoints.map(async (e) => (await e.kms.generateMac({ KeyId: name, Message: new Uint8Array(1), MacAlgorithm: 'HMAC_SHA_256' })).KeyId)));
      assert.is(owners.size, 1, 'every endpoint resolves the alias to the same key');
    }
  } finally {
    await Promise.all(endpoints.map((e) => e.stop()));
  }
});

test('kill -9 of one endpoint under CreateKey load on three: every acknowledged key is served, also by the restarted endpoint, with the same MACs', async () => {
  const endpoints = await Promise.all([serve(), serve(), serve()]);
  const acked: { id: string; arn: string }[] = [];
  try {
    const victim = endpoints[2]!;
    let running = true;
    const load = endpoints.flatMap((e) =>
      Array.from({ length: 3 }, async () => {
        while (running) {
          try {
            acked.push(await hmacKey(e.kms));
          } catch {
            // The killed endpoint's calls fail: they were never acknowledged.
            if (e !== victim) throw new Error('a survivor refused a CreateKey');
            return;
          }
        }
      }),
    );
    // Under load, then the kill: wait for the keys rather than a fixed time (a loaded machine makes fewer).
    const until = performance.now() + 30_000;
    while (acked.length <= 20 && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
    victim.child.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    running = false;
    await Promise.all(load);
    assert.ok(acked.length > 20, `load ran (${acked.length} keys)`);
    const survivors = endpoints.slice(0, 2);
    const macs = new Map<string, string>();
    for (const k of acked) {
      const [m1, m2] = await Promise.all(survivors.map((e) => macOf(e.kms, k.id)));
      assert.is(m1, m2, `key ${k.id}: the survivors disagree`);
      macs.set(k.id, m1!);
    }
    const restarted = await serve();
    endpoints[2] = restarted;
    for (const k of acked) assert.is(await macOf(restarted.kms, k.id), macs.get(k.id), `key ${k.id}: another MAC after the restart`);
    console.log(`kill -9 under load: ${acked.length} keys acknowledged, all served by the survivors and the restarted endpoint`);
  } finally {
    await Promise.all(endpoints.map((e) => e.stop()));
  }
});

/** A TCP proxy to PostgreSQL that the test can cut (refuse and drop every connection) and restore. */
class Proxy {
  readonly #sockets = new Set<Socket>();
  #server: Server | undefined;
  port = 0;

  async start(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(5432, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.#sockets.add(s);
        s.on('close', () => this.#sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.#server = server;
  }

  async cut(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    const closed = new Promise((r) => server?.close(r));
    for (const s of this.#sockets) s.destroy();
    await closed;
  }
}

test('PostgreSQL lost while serving: KMS server errors within the SDK time, then service again without a restart', async () => {
  const proxy = new Proxy();
  await proxy.start();
  const store = await PostgresKeyStore.open(db.url.replace(':5432/', `:${proxy.port}/`));
  let server: KmsServer | undefined;
  const kms = sdk('http://unused', 1);
  try {
    server = await startServer({ port: 0, keyStore: store });
    const client = sdk(server.url, 1);
    const key = await hmacKey(client);
    const before = await macOf(client, key.id);
    await proxy.cut();
    // Within the heartbeat the endpoint stops trusting its view; every call is then a server error.
    await new Promise((r) => setTimeout(r, 1200));
    for (const call of [() => macOf(client, key.id), () => client.describeKey({ KeyId: key.id }), () => client.tagResource({ KeyId: key.id, Tags: [{ TagKey: 'a', TagValue: 'b' }] }), () => hmacKey(client)]) {
      const t0 = performance.now();
      const err = await call().then(
        () => undefined,
        (e: Error & { $fault?: string; $metadata?: { httpStatusCode?: number } }) => e,
      );
      const ms = performance.now() - t0;
      assert.ok(err !== undefined, 'a call succeeded with the database gone');
      assert.ok(['DependencyTimeoutException', 'KMSInternalException'].includes(err!.name), `got ${err!.name}`);
      assert.is(err!.$fault, 'server');
      assert.ok(ms < 5000, `the error took ${ms} ms`);
    }
    await proxy.start();
    const t0 = performance.now();
    let after: string | undefined;
    while (after === undefined && performance.now() - t0 < 10_000) {
      after = await macOf(client, key.id).catch(async () => {
        await new Promise((r) => setTimeout(r, 100));
        return undefined;
      });
    }
    assert.is(after, before, 'the same MAC once the database is back');
    await client.tagResource({ KeyId: key.id, Tags: [{ TagKey: 'back', TagValue: '1' }] });
    console.log(`PostgreSQL restored: served again after ${(performance.now() - t0).toFixed(0)} ms, no restart`);
    client.destroy();
  } finally {
    kms.destroy();
    await server?.close();
    await store.close();
    await proxy.cut();
  }
});

test('serve --workers 2 on PostgreSQL: one port, both workers serve the same keys', async () => {
  const child = spawn(process.execPath, [CLI, 'serve', '--store', db.url, '--port', '0', '--workers', '2', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 20_000);
      const check = () => {
        const m = /2 workers \(pids \d+, \d+\) on (http:\/\/[\d.]+:\d+)/.exec(out);
        if (m !== null) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stdout!.on('data', check);
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    const pids = /pids (\d+), (\d+)/.exec(out)!.slice(1).map(Number);
    const kms = sdk(url);
    const key = await hmacKey(kms);
    const macs = new Set<string>();
    // Fresh connections, so that both workers answer (the primary hands connections round-robin).
    for (let i = 0; i < 8; i++) {
      const fresh = sdk(url);
      macs.add(await macOf(fresh, key.id));
      fresh.destroy();
    }
    assert.is(macs.size, 1);
    kms.destroy();
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    child.kill('SIGTERM');
    assert.is(await exited, 0);
    for (const pid of pids) assert.throws(() => process.kill(pid, 0), 'the workers stopped with the primary');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('a master key: material sealed and every row authenticated; a changed row or a missing key is refused by name', async () => {
  const other = await createDatabase();
  const masterKey = new Uint8Array(32).fill(7);
  try {
    const sealed = await PostgresKeyStore.open(other.url, { masterKey });
    const kms = new KMS({ keyStore: sealed });
    const { KeyMetadata } = await kms.createKey({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
    const id = KeyMetadata!.KeyId!;
    const mac = await kms.generateMac({ KeyId: id, Message: 'm', MacAlgorithm: 'HMAC_SHA_256' });
    await sealed.close();
    const admin = new pg.Client({ connectionString: other.url });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ record: string }>('SELECT record FROM wasmac_keys WHERE key_id = $1', [id]);
      const material = JSON.parse(rows[0]!.record).material;
      assert.is(material.encoding, 'aes-256-gcm', 'the material is sealed in the row');
      const again = await PostgresKeyStore.open(other.url, { masterKey });
      const back = await new KMS({ keyStore: again }).generateMac({ KeyId: id, Message: 'm', MacAlgorithm: 'HMAC_SHA_256' });
      assert.equal(back.Mac, mac.Mac, 'the same MAC after a reopen');
      await again.close();
      const without = await PostgresKeyStore.open(other.url);
      assert.is((await rejection(without.scan())).message, `key ${id}: its row is sealed under a master key and none was given (set WASMAC_MASTER_KEY)`);
      await without.close();
      // A serving store that is told of a changed row does not crash; reads of the row are refused until it is right again.
      const serving = await PostgresKeyStore.open(other.url, { masterKey });
      const live = new KMS({ keyStore: serving });
      assert.equal((await live.generateMac({ KeyId: id, Message: 'm', MacAlgorithm: 'HMAC_SHA_256' })).Mac, mac.Mac);
      const good = (await admin.query<{ record: string }>('SELECT record FROM wasmac_keys WHERE key_id = $1', [id])).rows[0]!.record;
      await admin.query("UPDATE wasmac_keys SET record = replace(record, '\"Enabled\"', '\"Disabled\"') WHERE key_id = $1", [id]);
      await admin.query("SELECT pg_notify('wasmac_keys', $1)", [`${id} 999999999`]);
      await new Promise((r) => setTimeout(r, 300));
      // Still alive; a read through to the changed row is refused.
      assert.is((await rejection(live.describeKey({ KeyId: id }))).name, 'KMSInternalException');
      await admin.query('UPDATE wasmac_keys SET record = $1 WHERE key_id = $2', [good, id]);
      assert.is((await live.describeKey({ KeyId: id })).KeyMetadata!.KeyState, 'Enabled', 'read again once the row is right');
      await serving.close();
      await admin.query("UPDATE wasmac_keys SET record = replace(record, '\"Enabled\"', '\"Disabled\"') WHERE key_id = $1", [id]);
      const tampered = await PostgresKeyStore.open(other.url, { masterKey });
      const refused = await rejection(tampered.scan());
      assert.match(refused.message, /its record is not authenticated under the master key/);
      assert.ok(refused.message.includes(id));
      await tampered.close();
    } finally {
      await admin.end();
    }
  } finally {
    await other.drop();
  }
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

test.run();
