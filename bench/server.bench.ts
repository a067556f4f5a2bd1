/**
 * Requests per second of the wasmac KMS endpoint (`wasmac serve`: SigV4
 * verification, the AWS JSON 1.1 codec, the facade, the Wasm HMAC, a
 * FileKeyStore) against the same load on a bare baseline: `node:http` +
 * `node:crypto` createHmac, no signature, no facade.
 *
 * Each server runs in its own child process; this process is the client:
 * 32 keep-alive connections, 10,000 GenerateMac requests (HMAC_SHA_384,
 * messages of 16 to 300 bytes), after a warm-up. The client is light
 * (`test/node/load-client.ts`: requests prepared as bytes, plain sockets, a
 * minimal response reader), so that on a 2-core machine it takes as little
 * as possible from the servers; its own CPU per request is reported. wasmac runs as `wasmac
 * serve` does by default: SigV4 verified, one log line per request to its
 * stdout (a file here, as a deployment would redirect it). Five rounds, the servers alternating
 * (A, B, B, A, ...); the ratio is the median of the per-round ratios, shown
 * with their range. Every answer is checked against node:crypto; errors are
 * reported. Besides requests/s, the server process's CPU time per request is
 * reported (Linux /proc), which depends less on what else the machine runs.
 *
 * `wasmac serve --workers 2` is timed in the same rounds (a PostgreSQL
 * store, which the workers share; its CPU is the primary's and the
 * workers', not PostgreSQL's).
 *
 *   npx tsx bench/server.bench.ts [--requests 10000] [--connections 32] [--rounds 5] [--workers 2] [--out file.json]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { signedRequest } from '../test/node/helpers.js';
import { createDatabase } from '../test/store/pg.js';
import { runLoad, type LoadRequest, type LoadResult } from '../test/node/load-client.js';

const ROOT = new URL('../', import.meta.url).pathname;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
}
const REQUESTS = arg('requests', 10_000);
const CONNECTIONS = arg('connections', 32);
const ROUNDS = arg('rounds', 5);
const WORKERS = arg('workers', 2);
const OUT = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : undefined;

const MATERIAL = Uint8Array.from({ length: 48 }, (_, i) => (i * 7 + 1) & 255);
const KEY_ID = '7d3c0b9e-2f41-4a6b-8c5d-9e0f1a2b3c4d';

/** The baseline: what a hand-written HMAC service on node:http does for the same request. */
const BARE_SERVER = `
import { createServer } from 'node:http';
import { createHmac, randomUUID } from 'node:crypto';
const key = Buffer.from(${JSON.stringify(Buffer.from(MATERIAL).toString('hex'))}, 'hex');
const arn = 'arn:aws:kms:us-east-1:111122223333:key/${KEY_ID}';
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const mac = createHmac('sha384', key).update(Buffer.from(input.Message, 'base64')).digest('base64');
    const body = JSON.stringify({ Mac: mac, MacAlgorithm: input.MacAlgorithm, KeyId: arn });
    res.setHeader('x-amzn-RequestId', randomUUID());
    res.setHeader('Content-Type', 'application/x-amz-json-1.1');
    res.setHeader('Content-Length', Buffer.byteLength(body));
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));
`;

interface Child {
  child: ChildProcess;
  url: string;
}

/**
 * Starts a server whose stdout goes to `logFile` (where `wasmac serve` writes
 * its request log, as a deployment would send it to a file or journal) and
 * resolves with its URL once the file says it listens.
 */
function start(args: string[], logFile: string): Promise<Child> {
  const fd = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', fd, 'inherit'], env: { ...process.env, WASMAC_MASTER_KEY: '' } });
  closeSync(fd);
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      const m = /listening on (http:\/\/\S+)/.exec(readFileSync(logFile, 'utf8').slice(0, 4096));
      if (m) {
        clearInterval(poll);
        resolve({ child, url: m[1]! });
      }
    }, 20);
    child.on('exit', (code) => {
      clearInterval(poll);
      reject(new Error(`server exited with ${code}: ${readFileSync(logFile, 'utf8').slice(0, 2000)}`));
    });
  });
}

async function requestsFor(url: string, sign: boolean): Promise<LoadRequest[]> {
  const out: LoadRequest[] = [];
  for (let i = 0; i < 64; i++) {
    const message = `benchmark message ${i} `.repeat(1 + (i % 14));
    const want = createHmac('sha384', MATERIAL).update(message).digest('base64');
    const body = JSON.stringify({ KeyId: 'alias/bench', Message: Buffer.from(message).toString('base64'), MacAlgorithm: 'HMAC_SHA_384' });
    const headers = sign
      ? (await signedRequest({ url, op: 'GenerateMac', body })).headers
      : { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'TrentService.GenerateMac' };
    out.push({ headers, body, check: (status, text) => status === 200 && JSON.parse(text).Mac === want });
  }
  return out;
}

/**
 * CPU seconds (user + system) a process has used, from /proc (Linux; 0 elsewhere).
 * On a shared machine the wall-clock rate moves with the neighbours' load; the
 * server's CPU time per request is the steadier figure.
 */
function cpuSeconds(pid: number | undefined): number {
  const path = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(path)) return 0;
  try {
    const fields = readFileSync(path, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100 + childrenOf(pid).reduce((sum, child) => sum + cpuSeconds(child), 0);
  } catch {
    return 0; // gone meanwhile
  }
}

/** The live child processes of `pid` (`--workers`' workers), from /proc; none where the kernel does not list them. */
function childrenOf(pid: number): number[] {
  const tasks = `/proc/${pid}/task`;
  if (!existsSync(tasks)) return [];
  return readdirSync(tasks).flatMap((tid) => {
    try {
      return readFileSync(`${tasks}/${tid}/children`, 'utf8').split(' ').filter((p) => p !== '').map(Number);
    } catch {
      return [];
    }
  });
}

function stop(c: Child): Promise<void> {
  return new Promise((resolve) => {
    c.child.removeAllListeners('exit');
    c.child.once('exit', () => resolve());
    c.child.kill('SIGTERM');
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'wasmac-bench-'));
const seedFile = join(dataDir, 'seed.json');
writeFileSync(seedFile, JSON.stringify({ keys: [{ KeyId: KEY_ID, KeySpec: 'HMAC_384', MaterialHex: Buffer.from(MATERIAL).toString('hex'), Aliases: ['alias/bench'] }] }));

const wasmac = await start(['dist/node/cli.js', 'serve', '--port', '0', '--data-dir', join(dataDir, 'store'), '--seed', seedFile], join(dataDir, 'wasmac.log'));
const bare = await start(['--input-type=module', '-e', BARE_SERVER], join(dataDir, 'bare.log'));
// `--workers 2` (node:cluster) needs a store the workers share: PostgreSQL, a
// database of its own on the machine's server (as the store suites use), dropped after.
const pgDb = WORKERS > 1 ? await createDatabase().catch((err: Error) => (console.log(`--workers ${WORKERS}: not run (${err.message})`), undefined)) : undefined;
const workers = pgDb === undefined
  ? undefined
  : await start(['dist/node/cli.js', 'serve', '--workers', String(WORKERS), '--port', '0', '--store', pgDb.url, '--seed', seedFile], join(dataDir, 'workers.log')).catch((err: Error) => {
      console.log(`--workers ${WORKERS}: not run (${err.message.split('\n')[0]})`);
      return undefined;
    });
const servers = [
  { name: 'wasmac serve (SigV4 + facade + Wasm HMAC)', c: wasmac, requests: await requestsFor(wasmac.url, true) },
  { name: 'bare node:http + node:crypto createHmac', c: bare, requests: await requestsFor(bare.url, false) },
  ...(workers === undefined ? [] : [{ name: `wasmac serve --workers ${WORKERS}`, c: workers, requests: await requestsFor(workers.url, true) }]),
];

const rounds = new Map<string, LoadResult[]>(servers.map((s) => [s.name, []]));
const cpuPerRequest = new Map<string, number[]>(servers.map((s) => [s.name, []]));
const clientCpu: number[] = [];
try {
  for (const s of servers) await runLoad(s.c.url, s.requests, Math.min(2000, REQUESTS), CONNECTIONS);
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? servers : [...servers].reverse();
    for (const s of order) {
      const cpu0 = cpuSeconds(s.c.child.pid);
      const r = await runLoad(s.c.url, s.requests, REQUESTS, CONNECTIONS);
      const cpuUs = ((cpuSeconds(s.c.child.pid) - cpu0) / REQUESTS) * 1e6;
      cpuPerRequest.get(s.name)!.push(cpuUs);
      rounds.get(s.name)!.push(r);
      clientCpu.push(r.clientCpuUs);
      console.log(
        `round ${round + 1}: ${s.name}: ${Math.round(r.perSecond)} requests/s, server CPU ${cpuUs.toFixed(0)} us/request, ` +
          `client CPU ${r.clientCpuUs.toFixed(0)} us/request, ${r.errors} errors${r.firstError ? ` (${r.firstError})` : ''}`,
      );
    }
  }
} finally {
  await stop(wasmac);
  await stop(bare);
  if (workers !== undefined) await stop(workers);
  await pgDb?.drop();
  rmSync(dataDir, { recursive: true, force: true });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const summary = servers.map((s) => {
  const rs = rounds.get(s.name)!;
  return {
    perSecond: median(rs.map((r) => r.perSecond)),
    perSecondRounds: rs.map((r) => r.perSecond),
    cpuUsPerRequest: median(cpuPerRequest.get(s.name)!),
    errors: rs.reduce((n, r) => n + r.errors, 0),
  };
});
const [w, b, wk] = summary as [(typeof summary)[0], (typeof summary)[0], (typeof summary)[0] | undefined];
const ratios = w.perSecondRounds.map((x, i) => x / b.perSecondRounds[i]!);
const ratio = { median: median(ratios), lo: Math.min(...ratios), hi: Math.max(...ratios), rounds: ratios.length };
// CPU per request, wasmac over bare, round by round: steadier than requests/s on a shared machine.
const cpuRatios = cpuPerRequest.get(servers[0]!.name)!.map((x, i) => x / cpuPerRequest.get(servers[1]!.name)![i]!);
const cpuRatio = { median: median(cpuRatios), lo: Math.min(...cpuRatios), hi: Math.max(...cpuRatios), rounds: cpuRatios.length };
const clientCpuUsPerRequest = median(clientCpu);
const machine = `${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}, node ${process.version}`;
console.log(`\nserver benchmark, ${new Date().toISOString()}, ${machine}`);
console.log(`${REQUESTS} GenerateMac requests over ${CONNECTIONS} keep-alive connections, medians of ${ROUNDS} alternating rounds:`);
console.log(`  wasmac endpoint (SigV4, default logging): ${Math.round(w.perSecond)} requests/s, server CPU ${w.cpuUsPerRequest.toFixed(0)} us/request (${w.errors} errors in all rounds)`);
console.log(`  bare node:http+createHmac:                ${Math.round(b.perSecond)} requests/s, server CPU ${b.cpuUsPerRequest.toFixed(0)} us/request (${b.errors} errors in all rounds)`);
if (wk !== undefined) {
  console.log(
    `  wasmac serve --workers ${WORKERS}:             ${Math.round(wk.perSecond)} requests/s (${(wk.perSecond / w.perSecond).toFixed(2)}x one process), ` +
      `server CPU ${wk.cpuUsPerRequest.toFixed(0)} us/request (${wk.errors} errors in all rounds)`,
  );
}
console.log(`  ratio (wasmac / bare): ${ratio.median.toFixed(2)}x [${ratio.lo.toFixed(2)}-${ratio.hi.toFixed(2)}] requests/s, ${cpuRatio.median.toFixed(2)}x [${cpuRatio.lo.toFixed(2)}-${cpuRatio.hi.toFixed(2)}] CPU per request`);
console.log(`  the load client's own CPU: ${clientCpuUsPerRequest.toFixed(0)} us/request (median of every timed round)`);
if (OUT !== undefined) {
  writeFileSync(
    OUT,
    `${JSON.stringify({ date: new Date().toISOString(), machine, requests: REQUESTS, connections: CONNECTIONS, rounds: ROUNDS, wasmac: w, bare: b, ratio, cpuRatio, clientCpuUsPerRequest, ...(wk === undefined ? {} : { workers: { n: WORKERS, perSecond: wk.perSecond, cpuUsPerRequest: wk.cpuUsPerRequest, errors: wk.errors } }) }, null, 2)}\n`,
  );
}
