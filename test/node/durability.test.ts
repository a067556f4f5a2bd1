/**
 * Durability: a `wasmac serve` child process creates keys for concurrent
 * clients and is killed with SIGKILL in the middle of it. After a restart on
 * the same data directory, every key whose CreateKey (and CreateAlias) was
 * acknowledged is there, and its MACs are the ones computed before the kill.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as sdk from '@aws-sdk/client-kms';
import { tempDir } from './helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const MESSAGE = new TextEncoder().encode('durable?');

function serve(dataDir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/node/cli.ts'), 'serve', '--port', '0', '--data-dir', dataDir, '--quiet'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WASMAC_MASTER_KEY: '', PORT: '' },
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20_000);
    const check = () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve({ child, url: m[1]!, output: () => out });
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

function clientFor(url: string): sdk.KMSClient {
  return new sdk.KMSClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
}

test('SIGKILL mid-run loses no acknowledged key; MACs match after restart', async () => {
  const t = tempDir('wasmac-durability-');
  const children: ChildProcess[] = [];
  try {
    const first = await serve(t.dir);
    children.push(first.child);
    const client = clientFor(first.url);
    const acknowledged = new Map<string, { alias: string; mac: string; spec: sdk.MacAlgorithmSpec }>();
    const specs = [
      ['HMAC_224', 'HMAC_SHA_224'],
      ['HMAC_256', 'HMAC_SHA_256'],
      ['HMAC_384', 'HMAC_SHA_384'],
      ['HMAC_512', 'HMAC_SHA_512'],
    ] as const;
    let killed = false;
    let failuresAfterKill = 0;
    const worker = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const [spec, alg] = specs[(w + i) % 4]!;
        try {
          const { KeyMetadata } = await client.send(new sdk.CreateKeyCommand({ KeySpec: spec, KeyUsage: 'GENERATE_VERIFY_MAC' }));
          const alias = `alias/w${w}-${i}`;
          await client.send(new sdk.CreateAliasCommand({ AliasName: alias, TargetKeyId: KeyMetadata!.KeyId }));
          const { Mac } = await client.send(new sdk.GenerateMacCommand({ KeyId: KeyMetadata!.KeyId, Message: MESSAGE, MacAlgorithm: alg }));
          acknowledged.set(KeyMetadata!.KeyId!, { alias, mac: Buffer.from(Mac!).toString('base64'), spec: alg });
        } catch (err) {
          if (!killed) throw err;
          failuresAfterKill++;
        }
      }
    };
    const workers = Array.from({ length: 8 }, (_, w) => worker(w));
    // Let the workers get going, then kill the server while requests are in flight.
    while (acknowledged.size < 60) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    killed = true;
    await Promise.all(workers);
    client.destroy();
    await new Promise((r) => (first.child.exitCode !== null || first.child.signalCode !== null ? r(null) : first.child.once('exit', r)));
    assert.is(first.child.signalCode, 'SIGKILL');

    const second = await serve(t.dir);
    children.push(second.child);
    const after = clientFor(second.url);
    try {
      assert.ok(acknowledged.size >= 60);
      const listed = new Set<string>();
      let Marker: string | undefined;
      do {
        const page = await after.send(new sdk.ListKeysCommand({ Limit: 1000, ...(Marker ? { Marker } : {}) }));
        for (const k of page.Keys ?? []) listed.add(k.KeyId!);
        Marker = page.Truncated ? page.NextMarker : undefined;
      } while (Marker !== undefined);
      for (const [keyId, { alias, mac, spec }] of acknowledged) {
        assert.ok(listed.has(keyId), `acknowledged key ${keyId} is listed`);
        const out = await after.send(new sdk.GenerateMacCommand({ KeyId: alias, Message: MESSAGE, MacAlgorithm: spec }));
        assert.is(out.KeyId!.endsWith(keyId), true, `${alias} still names ${keyId}`);
        assert.is(Buffer.from(out.Mac!).toString('base64'), mac, `MAC of ${keyId}`);
      }
      assert.equal(readdirSync(join(t.dir, 'keys')).filter((n) => n.endsWith('.tmp')), [], 'no temporary files left');
      console.log(`  ${acknowledged.size} acknowledged keys checked after SIGKILL (${listed.size} on disk, ${failuresAfterKill} requests cut off)`);
    } finally {
      after.destroy();
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
    }
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    t.cleanup();
  }
});

test.run();
