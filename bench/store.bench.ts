/**
 * The state layer's figures (issue: atomic key changes, many endpoints on
 * PostgreSQL), each side of a ratio timed in alternating rounds:
 *
 * 1. GenerateMac through an alias with 10,000 keys in the store against 10
 *    keys (in process, MemoryKeyStore): the alias index must make them equal
 *    (target: within 1.2x).
 * 2. Conflicts retried: 40 parallel TagResource on one key from two
 *    PostgresKeyStores on one database (and from two clients of one
 *    MemoryKeyStore / FileKeyStore), per round.
 * 3. Staleness: DisableKey acknowledged by endpoint A -> GenerateMac refused
 *    by endpoint B (two `wasmac serve --store` processes).
 * 4. Requests/s of GenerateMac under a light keep-alive load: one process on
 *    the file store, one on PostgreSQL, `--workers 2` on PostgreSQL (the file
 *    store refuses `--workers`: its directory belongs to one process).
 *
 * Needs PostgreSQL at 127.0.0.1:5432 (or WASMAC_TEST_PG) and a build (dist/).
 *
 *   npx tsx bench/store.bench.ts [--rounds 5] [--only alias|conflicts|endpoints] [--out bench/results/store-latest.md]
 */
import { KMS as SdkKMS } from '@aws-sdk/client-kms';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { KMS, MemoryKeyStore, type KeyStore } from '../src/index.js';
import { Repository } from '../src/kms/repository.js';
import { FileKeyStore, PostgresKeyStore } from '../src/node/index.js';
import { signedRequest } from '../test/node/helpers.js';
import { runLoad, type LoadRequest } from '../test/node/load-client.js';
import { createDatabase } from '../test/store/pg.js';

const CLI = new URL('../dist/node/cli.js', import.meta.url).pathname;
const ROUNDS = Number(process.argv[process.argv.indexOf('--rounds') + 1] ?? 5) || 5;
const OUT = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : undefined;
const lines: string[] = [];

function report(line: string): void {
  console.log(line);
  lines.push(line);
}

function stats(xs: readonly number[]): { median: number; min: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[s.length >> 1]!, min: s[0]!, max: s[s.length - 1]! };
}

const fmt = (x: number, d = 0) => x.toFixed(d);

// 1. Alias resolution: 10,000 keys against 10.
async function aliasBench(): Promise<void> {
  const clients: { n: number; kms: KMS }[] = [];
  for (const n of [10, 10_000]) {
    const kms = new KMS({ keyStore: new MemoryKeyStore() });
    for (let i = 0; i < n; i++) {
      const { KeyMetadata } = await kms.createKey({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
      await kms.createAlias({ AliasName: `alias/k-${i}`, TargetKeyId: KeyMetadata!.KeyId! });
    }
    clients.push({ n, kms });
  }
  const message = new Uint8Array(64);
  const calls = 100_000;
  const time = async (kms: KMS) => {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) await kms.generateMac({ KeyId: 'alias/k-5', Message: message, MacAlgorithm: 'HMAC_SHA_256' });
    return calls / ((performance.now() - t0) / 1000);
  };
  for (const c of clients) await time(c.kms);
  const ratios: number[] = [];
  const rates: Record<number, number[]> = { 10: [], 10_000: [] };
  const rounds = ROUNDS * 2 + 1;
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? clients : [...clients].reverse();
    const got: Record<number, number> = {};
    for (const c of order) got[c.n] = await time(c.kms);
    rates[10]!.push(got[10]!);
    rates[10_000]!.push(got[10_000]!);
    ratios.push(got[10]! / got[10_000]!);
  }
  const a = stats(rates[10]!);
  const b = stats(rates[10_000]!);
  const q = stats(ratios);
  report(`## GenerateMac through an alias, in process (MemoryKeyStore), ${rounds} alternating rounds of ${calls} calls`);
  report(`- 10 keys: median ${fmt(a.median)} calls/s (${fmt(a.min)}-${fmt(a.max)})`);
  report(`- 10,000 keys: median ${fmt(b.median)} calls/s (${fmt(b.min)}-${fmt(b.max)})`);
  const best = a.max / b.max;
  report(`- time with 10,000 keys / time with 10: median of the rounds' ratios ${fmt(q.median, 3)}x (rounds ${fmt(q.min, 3)}-${fmt(q.max, 3)}x), best round against best round ${fmt(best, 3)}x`);
  report(`- target within 1.2x: ${q.median <= 1.2 && best <= 1.2 ? 'met' : 'NOT met'}${q.max - q.min > 0.2 ? ' (the rounds spread more than the margin: the machine was busy)' : ''}`);
}

// 2. Conflicts retried.
async function conflictBench(): Promise<void> {
  report('\n## Conflicts retried: 40 parallel TagResource on one key from two clients, per round');
  const db = await createDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'wasmac-bench-'));
  try {
    const memory = new MemoryKeyStore();
    const file = await FileKeyStore.open(dir);
    const pgA = await PostgresKeyStore.open(db.url);
    const pgB = await PostgresKeyStore.open(db.url);
    const kinds: [string, KeyStore, KeyStore][] = [
      ['MemoryKeyStore (one store)', memory, memory],
      ['FileKeyStore (one store)', file, file],
      ['PostgresKeyStore (two stores, one database)', pgA, pgB],
    ];
    for (const [name, a, b] of kinds) {
      const ka = new KMS({ keyStore: a });
      const kb = new KMS({ keyStore: b });
      const per: number[] = [];
      const ms: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const { KeyMetadata } = await ka.createKey({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
        const before = Repository.of(a).stats.conflicts + (a === b ? 0 : Repository.of(b).stats.conflicts);
        const t0 = performance.now();
        await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? ka : kb).tagResource({ KeyId: KeyMetadata!.KeyId, Tags: [{ TagKey: `t${i}`, TagValue: 'v' }] })));
        ms.push(performance.now() - t0);
        per.push(Repository.of(a).stats.conflicts + (a === b ? 0 : Repository.of(b).stats.conflicts) - before);
        const tags = (await ka.listResourceTags({ KeyId: KeyMetadata!.KeyId })).Tags!.length;
        if (tags !== 40) throw new Error(`${name}: ${tags} tags stored, 40 acknowledged`);
      }
      const c = stats(per);
      const t = stats(ms);
      report(`- ${name}: conflicts retried per 40 changes median ${c.median} (${c.min}-${c.max}); 40 changes in ${fmt(t.median)} ms (${fmt(t.min)}-${fmt(t.max)}); 40 of 40 stored every round`);
    }
    await file.close();
    await pgA.close();
    await pgB.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  }
}

interface Served {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

function serve(args: string[]): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--quiet', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stderr!.on('data', (d) => (out += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /(?:listening on|workers \(pids [\d, ]+\) on) (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m !== null && (!args.includes('--workers') || /workers \(pids/.test(out))) {
        resolve({
          url: m[1]!,
          child,
          async stop() {
            const exited = new Promise((r) => child.once('exit', r));
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

const KEY_ID = '5b0c7c1e-9a2d-4f3e-8b1a-6c7d8e9f0a1b';
const MATERIAL_HEX = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

// 3. Staleness between two endpoints, and 4. requests/s.
async function endpointsBench(): Promise<void> {
  const db = await createDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'wasmac-bench-'));
  const seedFile = join(dir, 'seed.json');
  writeFileSync(seedFile, JSON.stringify({ keys: [{ KeyId: KEY_ID, KeySpec: 'HMAC_256', MaterialHex: MATERIAL_HEX }] }));
  const servers: Served[] = [];
  try {
    const a = await serve(['--store', db.url, '--seed', seedFile]);
    const b = await serve(['--store', db.url]);
    servers.push(a, b);
    const sdk = (url: string) => new SdkKMS({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
    const ka = sdk(a.url);
    const kb = sdk(b.url);
    const waits: number[] = [];
    for (let r = 0; r < 40; r++) {
      const { KeyMetadata } = await ka.createKey({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
      const id = KeyMetadata!.KeyId!;
      await kb.generateMac({ KeyId: id, Message: new Uint8Array(1), MacAlgorithm: 'HMAC_SHA_256' });
      await ka.disableKey({ KeyId: id });
      const acked = performance.now();
      for (;;) {
        const refused = await kb.generateMac({ KeyId: id, Message: new Uint8Array(1), MacAlgorithm: 'HMAC_SHA_256' }).then(
          () => false,
          () => true,
        );
        if (refused) break;
      }
      waits.push(performance.now() - acked);
    }
    ka.destroy();
    kb.destroy();
    const w = stats(waits);
    const p95 = [...waits].sort((x, y) => x - y)[Math.floor(waits.length * 0.95)]!;
    report('\n## Staleness: DisableKey acknowledged by endpoint A -> GenerateMac refused by endpoint B (two processes, one database)');
    report(`- ${waits.length} samples: median ${fmt(w.median, 1)} ms, p95 ${fmt(p95, 1)} ms, max ${fmt(w.max, 1)} ms (bound set: 2,000 ms; a silent loss of the feed is detected within 2 x 500 ms heartbeats)`);
    await Promise.all(servers.splice(0).map((s) => s.stop()));

    // 4. Requests/s.
    const fileDir = join(dir, 'store');
    const configs: { name: string; args: string[] }[] = [
      { name: 'file store, 1 process', args: ['--data-dir', fileDir, '--seed', seedFile] },
      { name: 'PostgreSQL, 1 process', args: ['--store', db.url] },
      { name: 'PostgreSQL, --workers 2', args: ['--store', db.url, '--workers', '2'] },
    ];
    const running: { name: string; served: Served }[] = [];
    for (const c of configs) running.push({ name: c.name, served: await serve(c.args) });
    servers.push(...running.map((r) => r.served));
    const message = Buffer.from('a message of some length to MAC, 48 bytes long.').toString('base64');
    const body = JSON.stringify({ KeyId: KEY_ID, Message: message, MacAlgorithm: 'HMAC_SHA_256' });
    const requestsFor = async (url: string): Promise<LoadRequest[]> => {
      const req = await signedRequest({ url, op: 'GenerateMac', body });
      return [{ headers: req.headers, body: req.body, check: (status) => status === 200 }];
    };
    const total = 6000;
    const connections = 16;
    const rates: Record<string, number[]> = {};
    const load0 = loadavg()[0]!;
    for (const r of running) {
      rates[r.name] = [];
      await runLoad(r.served.url, await requestsFor(r.served.url), 1000, connections);
    }
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? running : [...running].reverse();
      for (const r of order) {
        const res = await runLoad(r.served.url, await requestsFor(r.served.url), total, connections);
        if (res.errors > 0) throw new Error(`${r.name}: ${res.errors} errors (${res.firstError})`);
        rates[r.name]!.push(res.perSecond);
      }
    }
    const load1 = loadavg()[0]!;
    report(`\n## GenerateMac requests/s, ${connections} keep-alive connections, ${total} requests per round, ${ROUNDS} alternating rounds`);
    report(`- machine: ${cpus().length} cores shared with other work; 1-minute load average ${fmt(load0, 2)} before, ${fmt(load1, 2)} after`);
    for (const r of running) {
      const s = stats(rates[r.name]!);
      report(`- ${r.name}: median ${fmt(s.median)} req/s (${fmt(s.min)}-${fmt(s.max)})`);
    }
    const one = stats(rates['PostgreSQL, 1 process']!);
    const two = stats(rates['PostgreSQL, --workers 2']!);
    const ratio = two.median / one.median;
    const noise = Math.max((one.max - one.min) / one.median, (two.max - two.min) / two.median);
    report(`- --workers 2 / 1 process on PostgreSQL: ${fmt(ratio, 2)}x by the medians; spread within a configuration up to ${fmt(noise * 100)}%${noise > Math.abs(ratio - 1) ? ' (inconclusive: the noise exceeds the difference)' : ''}`);
    report('- the file store with --workers 2: refused by design (its directory belongs to one process)');
  } finally {
    await Promise.all(servers.map((s) => s.stop().catch(() => undefined)));
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  }
}

report(`# wasmac state layer bench, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}`);
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (ONLY === undefined || ONLY === 'alias') await aliasBench();
if (ONLY === undefined || ONLY === 'conflicts') await conflictBench();
if (ONLY === undefined || ONLY === 'endpoints') await endpointsBench();
if (OUT !== undefined) writeFileSync(OUT, `${lines.join('\n')}\n`);
