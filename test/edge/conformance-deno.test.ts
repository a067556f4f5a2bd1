/**
 * The store conformance cases (test/store/cases.ts) on DenoKvKeyStore, in
 * Deno with a local KV file:
 * - in process, one store: one Deno process runs every case with wasmac's
 *   `KMS` clients on one DenoKvKeyStore (a Deno server's own file), and
 *   prints each outcome;
 * - in process, two stores: the same on two DenoKvKeyStores, each over its
 *   own `Deno.openKv` of one file (as two isolates on Deno Deploy share a
 *   database). Every case runs: a store learns of another's commits
 *   through its change feed a few milliseconds later, and the cases wait
 *   for listings and MACs to follow (`eventually`), as the README promises
 *   of a shared store; DescribeKey reads through at once;
 * - over HTTP: the SDK's `KMS` (Node) against examples/deno-kms.
 * Then: SIGKILL of the server in the middle of writes loses no acknowledged
 * key; and two server processes on one KV file (which `kv.watch` does not
 * connect: the store polls) agree: management operations read through at
 * once, MACs follow within the poll interval.
 */
import { KMS as SdkKMS } from '@aws-sdk/client-kms';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BIN, bundle, runCommand, tempDir } from '../runtimes/harness.js';
import { STORE_CASES, type Api } from '../store/cases.js';
import { TEST_ENV } from './workerd.js';

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const MARK = 'WASMAC_CASE ';
const DENO_ENV = { DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1', ...TEST_ENV };

function requireDeno(): void {
  if (!existsSync(BIN.deno)) throw new Error(`deno is not installed (${BIN.deno}): run npm ci; this suite needs it and counts as failed without it`);
}

const IN_PROCESS = `
import { KMS } from 'wasmac';
import { DenoKvKeyStore, parseMasterKey } from 'wasmac/deno';
import { STORE_CASES } from './test/store/cases.ts';
const masterKey = parseMasterKey(Deno.env.get('KMS_MASTER_KEY'), 'KMS_MASTER_KEY');
for (const handles of [1, 2]) {
  const path = Deno.args[0] + '-' + handles + '.sqlite';
  const kvs = [];
  for (let i = 0; i < handles; i++) kvs.push(await Deno.openKv(path));
  const stores = kvs.map((kv) => new DenoKvKeyStore(kv, { masterKey, pollMs: 50 }));
  const all = [0, 1, 2].map((i) => new KMS({ keyStore: stores[i % stores.length], region: ${JSON.stringify(REGION)}, accountId: ${JSON.stringify(ACCOUNT)} }));
  for (const c of STORE_CASES) {
    let outcome;
    try {
      await c.run({ all, account: ${JSON.stringify(ACCOUNT)}, region: ${JSON.stringify(REGION)} });
      outcome = { handles, name: c.name, ok: true };
    } catch (err) {
      outcome = { handles, name: c.name, ok: false, error: String((err && err.stack) || err) };
    }
    console.log(${JSON.stringify(MARK)} + JSON.stringify(outcome));
  }
  for (const s of stores) s.close();
  for (const kv of kvs) kv.close();
}
`;

interface Server {
  url: string;
  child: ChildProcess;
  log(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the bundled example on a free port over `kvPath`; resolves once it listens. */
function startServer(dir: string, kvPath: string): Promise<Server> {
  // The README's permissions: data/ only (relative to the example's folder), created by the example on the first run.
  const child = spawn(BIN.deno, ['run', '--unstable-kv', '--allow-env', '--allow-net=127.0.0.1', '--allow-read=data', '--allow-write=data', 'example.js'], {
    cwd: dir,
    env: { ...process.env, ...DENO_ENV, KMS_KV_PATH: kvPath, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`the Deno example did not listen within 20 s\n${log}`));
    }, 20_000);
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (log += d));
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      log += d;
      const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (m !== null) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child, log: () => log, stop });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the Deno example exited (${code ?? signal}) before listening\n${log}`));
    });
  });
}

function sdkClient(url: string): SdkKMS {
  return new SdkKMS({ endpoint: url, region: REGION, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
}

/** Outcomes of the in-process run, by number of stores and case name. */
let inProcess: Promise<{ outcomes: Map<string, { ok: boolean; error?: string }>; output: string }> | undefined;

function runInProcess(): NonNullable<typeof inProcess> {
  inProcess ??= (async () => {
    requireDeno();
    const tmp = tempDir('deno-conformance');
    try {
      writeFileSync(join(tmp.dir, 'cases.js'), (await bundle({ contents: IN_PROCESS })).code);
      const ran = await runCommand(BIN.deno, ['run', '--unstable-kv', '--allow-env', `--allow-read=${tmp.dir}`, `--allow-write=${tmp.dir}`, 'cases.js', join(tmp.dir, 'kv')], {
        cwd: tmp.dir,
        env: DENO_ENV,
        timeoutMs: 240_000, // a guard against a hang: 28 cases on a loaded machine take a while
      });
      const outcomes = new Map(
        ran.stdout
          .split('\n')
          .filter((l) => l.startsWith(MARK))
          .map((l) => JSON.parse(l.slice(MARK.length)) as { handles: number; name: string; ok: boolean; error?: string })
          .map((o) => [`${o.handles} ${o.name}`, o]),
      );
      return { outcomes, output: `exit ${ran.code ?? ran.signal}\n${ran.stdout}${ran.stderr}` };
    } finally {
      tmp.remove();
    }
  })();
  return inProcess;
}

for (const handles of [1, 2]) {
  const s = suite(`DenoKvKeyStore in Deno, in process, ${handles === 1 ? 'one store' : 'two stores on one KV file'}`);
  for (const c of STORE_CASES) {
    s(c.name, async () => {
      const { outcomes, output } = await runInProcess();
      const outcome = outcomes.get(`${handles} ${c.name}`);
      if (outcome === undefined) throw new Error(`deno printed no outcome for this case:\n${output}`);
      if (!outcome.ok) throw new Error(outcome.error);
    });
  }
  s.run();
}

{
  const s = suite('DenoKvKeyStore in Deno, over HTTP');
  const tmp = tempDir('deno-kms');
  let servers: Server[] = [];
  let sdk: SdkKMS[] = [];
  s.before(async () => {
    requireDeno();
    writeFileSync(join(tmp.dir, 'example.js'), (await bundle({ file: 'examples/deno-kms/main.ts' })).code);
    servers = [await startServer(tmp.dir, join(tmp.dir, 'data/kms.sqlite'))];
    sdk = [0, 1, 2].map(() => sdkClient(servers[0]!.url));
  });
  s.after(async () => {
    for (const c of sdk) c.destroy();
    await Promise.all(servers.map((srv) => srv.stop()));
    tmp.remove();
  });
  for (const c of STORE_CASES) {
    s(c.name, async () => {
      if (servers.length === 0) throw new Error('the Deno servers did not start (see the error above)');
      try {
        await c.run({ all: sdk as unknown as Api[], account: ACCOUNT, region: REGION });
      } catch (err) {
        for (const srv of servers) console.log(`deno output:\n${srv.log()}`);
        throw err;
      }
    });
  }
  s('SIGKILL in the middle of writes: every acknowledged key is there after the restart', async () => {
    const kill = servers[0]!;
    const kms = sdkClient(kill.url);
    const acknowledged: string[] = [];
    let stopped = false;
    const writers = Array.from({ length: 4 }, async () => {
      while (!stopped) {
        try {
          const out = await kms.createKey({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
          acknowledged.push(out.KeyMetadata!.KeyId!);
        } catch {
          return;
        }
      }
    });
    let writing = writers.length;
    for (const w of writers) void w.finally(() => writing--);
    while (acknowledged.length < 30) {
      // Writers that all stopped before the kill would leave this loop waiting for ever.
      if (writing === 0) throw new Error(`the writers stopped after ${acknowledged.length} keys, before the kill\n${kill.log()}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await kill.stop('SIGKILL');
    stopped = true;
    await Promise.all(writers);
    kms.destroy();
    servers[0] = await startServer(tmp.dir, join(tmp.dir, 'data/kms.sqlite'));
    const again = sdkClient(servers[0].url);
    const listed = new Set<string>();
    let marker: string | undefined;
    do {
      const page = await again.listKeys({ Limit: 1000, ...(marker === undefined ? {} : { Marker: marker }) });
      for (const k of page.Keys ?? []) listed.add(k.KeyId!);
      marker = page.Truncated ? page.NextMarker : undefined;
    } while (marker !== undefined);
    again.destroy();
    const lost = acknowledged.filter((id) => !listed.has(id));
    assert.equal(lost, [], `${lost.length} of ${acknowledged.length} acknowledged keys were lost`);
  });
  s('a record that would not fit a Deno KV value: LimitExceededException, and the key is unharmed', async () => {
    const kms = sdkClient(servers[0]!.url);
    try {
      const keyId = (await kms.createKey({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' })).KeyMetadata!.KeyId!;
      const grantee = `arn:aws:iam::111122223333:role/${'r'.repeat(200)}`;
      let refused: Error | undefined;
      let granted = 0;
      for (let i = 0; i < 400 && refused === undefined; i++) {
        await kms.createGrant({ KeyId: keyId, GranteePrincipal: grantee, RetiringPrincipal: grantee, Name: `${'n'.repeat(200)}-${i}`, Operations: ['GenerateMac', 'VerifyMac'] }).then(
          () => granted++,
          (e: Error) => (refused = e),
        );
      }
      assert.ok(refused !== undefined, `${granted} grants fit, none refused`);
      assert.is(refused!.name, 'LimitExceededException');
      assert.match(refused!.message, /cannot be changed: its record would be \d+ bytes, more than a Deno KV value holds \(60000\)\.$/);
      assert.is((await kms.listGrants({ KeyId: keyId, Limit: 1000 })).Grants!.length, granted, 'every acknowledged grant kept, the refused one not');
      assert.is((await kms.generateMac({ KeyId: keyId, Message: new Uint8Array([1]), MacAlgorithm: 'HMAC_SHA_256' })).Mac!.length, 32);
    } finally {
      kms.destroy();
    }
  });
  s('two servers on one KV file: DescribeKey reads through at once, GenerateMac follows a DisableKey within the poll, racing changes from both are all kept', async () => {
    servers.push(await startServer(tmp.dir, join(tmp.dir, 'data/kms.sqlite')));
    const [a, b] = servers.map((srv) => sdkClient(srv.url)) as [SdkKMS, SdkKMS];
    try {
      const keyId = (await a.createKey({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' })).KeyMetadata!.KeyId!;
      assert.is((await b.describeKey({ KeyId: keyId })).KeyMetadata!.KeyState, 'Enabled', 'B reads the new key through');
      const mac = { KeyId: keyId, Message: new Uint8Array([1, 2, 3]), MacAlgorithm: 'HMAC_SHA_256' as const };
      assert.equal((await b.generateMac(mac)).Mac, (await a.generateMac(mac)).Mac, 'one key, one MAC');
      await a.disableKey({ KeyId: keyId });
      assert.is((await b.describeKey({ KeyId: keyId })).KeyMetadata!.KeyState, 'Disabled', 'B reads the DisableKey through');
      // Within a poll (500 ms) or a few; the deadline leaves room for a loaded machine. Without the poll it never comes.
      const until = Date.now() + 10_000;
      let answer = '';
      while (Date.now() < until && answer !== 'DisabledException') {
        answer = await b.generateMac(mac).then(
          () => 'made a MAC',
          (e: Error) => e.name,
        );
      }
      assert.is(answer, 'DisabledException', 'B refuses MACs once it has seen the DisableKey');
      // Changes from both servers at once: every acknowledged one kept (versionstamp checks, retries on a locked file).
      const clients = { all: [a, b, a] as unknown as Api[], account: ACCOUNT, region: REGION };
      for (const c of STORE_CASES.slice(0, 2)) await c.run(clients);
    } finally {
      a.destroy();
      b.destroy();
    }
  });
  s.run();
}
