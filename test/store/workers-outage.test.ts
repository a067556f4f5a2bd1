/**
 * `wasmac serve --workers 2` on PostgreSQL through a TCP proxy: a worker
 * killed while the database is unreachable is replaced by one that cannot
 * open the store. That one must exit (not linger, holding a place without
 * serving), its replacements must be spaced out (not a fork loop), and once
 * the database is back a worker listens again: two serve, as asked.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createDatabase } from './pg.js';

const CLI = new URL('../../dist/node/cli.js', import.meta.url).pathname;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('a worker that cannot open the store exits; replacements back off; the pool is whole again when the database is back', async () => {
  let down = false;
  const sockets = new Set<net.Socket>();
  const proxy = net.createServer((client) => {
    if (down) return client.destroy();
    const upstream = net.connect(5432, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const end = () => (client.destroy(), upstream.destroy());
    for (const s of [client, upstream]) s.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const db = await createDatabase();
  const url = db.url.replace('127.0.0.1:5432', `127.0.0.1:${(proxy.address() as net.AddressInfo).port}`);
  const child = spawn(process.execPath, [CLI, 'serve', '--store', url, '--port', '0', '--workers', '2', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  try {
    for (let i = 0; i < 100 && !/workers \(pids/.test(out); i++) await sleep(100);
    const first = /pids (\d+), \d+/.exec(out)?.[1];
    assert.ok(first !== undefined, `no pool: ${out}`);
    down = true;
    for (const s of sockets) s.destroy();
    process.kill(Number(first), 'SIGKILL');
    await sleep(3000);
    const failed = [...out.matchAll(/worker (\d+) exited \(code/g)].map((m) => Number(m[1]));
    assert.ok(failed.length >= 1, `a replacement that cannot open the store exits: ${out}`);
    assert.ok(failed.length <= 4, `replacements are spaced out, not a fork loop (${failed.length} in 3 s)`);
    for (const pid of failed) assert.not.ok(alive(pid), `worker ${pid} lingers`);
    down = false;
    const listening = () => out.match(/worker \d+ listening/g)?.length ?? 0;
    for (let i = 0; i < 120 && listening() < 3; i++) await sleep(100);
    assert.is(listening(), 3, `a worker listens again once the database is back: ${out}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    proxy.close();
    for (const s of sockets) s.destroy();
    await db.drop();
  }
});

test.run();
