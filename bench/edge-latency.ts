/**
 * Request latency of the KMS endpoint in workerd (examples/cloudflare-kms:
 * SigV4 in the Worker, the facade in the account's Durable Object, keys in
 * its SQLite file) against `wasmac serve` (Node, FileKeyStore), both on this
 * machine, both with material sealed under a master key.
 *
 * One client (this process, one keep-alive connection per endpoint) sends
 * signed requests one at a time, so each figure is one request's round trip:
 * GenerateMac (a read: the key's MAC state in memory), and DisableKey /
 * EnableKey in turn (a durable write). Rounds alternate which endpoint goes
 * first; each round gives each endpoint its median; the report is the median
 * of those and their range, and the ratio workerd / serve per round.
 *
 *   npx tsx bench/edge-latency.ts [rounds] [requests per round]
 */
import * as sdk from '@aws-sdk/client-kms';
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT, tempDir } from '../test/runtimes/harness.js';
import { buildExample, startWorkerd, TEST_ENV } from '../test/edge/workerd.js';
import { signedRequest, type RawRequest } from '../test/node/helpers.js';

const ROUNDS = Number(process.argv[2] ?? 8);
const PER_ROUND = Number(process.argv[3] ?? 100);

interface Target {
  name: string;
  url: string;
  agent: Agent;
  mac: RawRequest;
  writes: [RawRequest, RawRequest];
}

/** `wasmac serve` as a child process on a free port; resolves with its URL. */
function startServe(dir: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [join(ROOT, 'dist/node/cli.js'), 'serve', '--port', '0', '--data-dir', dir, '--quiet'], {
    env: { ...process.env, WASMAC_MASTER_KEY: TEST_ENV.KMS_MASTER_KEY },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m !== null) resolve({ url: m[1]!, stop: () => child.pid !== undefined && process.kill(child.pid, 'SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`wasmac serve exited (${code}): ${out}`)));
  });
}

function send(target: Target, req: RawRequest): Promise<number> {
  const u = new URL(target.url);
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const r = request({ host: u.hostname, port: u.port, method: 'POST', path: '/', headers: req.headers, agent: target.agent }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(Number(process.hrtime.bigint() - started) / 1e6) : reject(new Error(`${target.name}: HTTP ${res.statusCode}`))));
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

async function prepare(name: string, url: string): Promise<Target> {
  const kms = new sdk.KMSClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  const keyId = (await kms.send(new sdk.CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }))).KeyMetadata!.KeyId!;
  kms.destroy();
  // Signed once: a signature stays valid for 15 minutes, and nothing here takes that long.
  const sign = (op: string, body: object) => signedRequest({ url, op, body: JSON.stringify(body) });
  return {
    name,
    url,
    agent: new Agent({ keepAlive: true, maxSockets: 1 }),
    mac: await sign('GenerateMac', { KeyId: keyId, Message: Buffer.alloc(32, 7).toString('base64'), MacAlgorithm: 'HMAC_SHA_256' }),
    writes: [await sign('DisableKey', { KeyId: keyId }), await sign('EnableKey', { KeyId: keyId })],
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function measure(target: Target, kind: 'mac' | 'write', n: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(await send(target, kind === 'mac' ? target.mac : target.writes[i % 2]!));
  return median(times);
}

const tmp = tempDir('edge-latency');
await buildExample(tmp.dir);
const workerd = await startWorkerd(tmp.dir, join(tmp.dir, 'do'));
const serve = await startServe(join(tmp.dir, 'serve'));
try {
  const targets = [await prepare('workerd', workerd.url), await prepare('wasmac serve', serve.url)];
  // Warm-up: JIT, connections, each endpoint's view of its keys.
  for (const t of targets) {
    await measure(t, 'mac', 50);
    await measure(t, 'write', 10);
  }
  const results: Record<string, Record<'mac' | 'write', number[]>> = {};
  for (const t of targets) results[t.name] = { mac: [], write: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const kind of ['mac', 'write'] as const) {
      for (const t of order) results[t.name]![kind].push(await measure(t, kind, kind === 'mac' ? PER_ROUND : Math.max(10, PER_ROUND / 5)));
    }
  }
  console.log(`${new Date().toISOString()}  ${cpus().length} cores (${cpus()[0]?.model}), load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`${ROUNDS} alternating rounds; per round ${PER_ROUND} GenerateMac and ${Math.max(10, PER_ROUND / 5)} DisableKey/EnableKey per endpoint, one at a time`);
  for (const kind of ['mac', 'write'] as const) {
    const label = kind === 'mac' ? 'GenerateMac' : 'DisableKey/EnableKey';
    for (const t of targets) {
      const xs = results[t.name]![kind];
      console.log(`  ${label.padEnd(21)} ${t.name.padEnd(13)} median ${median(xs).toFixed(2)} ms  (rounds ${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)})`);
    }
    const ratios = results['workerd']![kind].map((w, i) => w / results['wasmac serve']![kind][i]!);
    console.log(`  ${label.padEnd(21)} workerd / serve: median ${median(ratios).toFixed(2)}x (rounds ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)})`);
  }
} finally {
  serve.stop();
  await workerd.stop();
  tmp.remove();
}
