/**
 * The CLI on a PostgreSQL store written with a master key, run by an
 * operator without it or with another one: the local commands say what is
 * wrong (not "An internal error occurred"), and `serve` exits instead of
 * holding its port after printing the error.
 */
import { spawn } from 'node:child_process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runWasmac } from '../node/helpers.js';
import { createDatabase } from './pg.js';

const CLI = new URL('../../dist/node/cli.js', import.meta.url).pathname;
const K1 = Buffer.alloc(32, 1).toString('base64');
const K2 = Buffer.alloc(32, 2).toString('base64');

test('list-keys without the master key or with another names the problem; serve exits', async () => {
  const db = await createDatabase();
  try {
    const made = await runWasmac(['create-key', '--key-spec', 'HMAC_256', '--key-usage', 'GENERATE_VERIFY_MAC', '--store', db.url], { WASMAC_MASTER_KEY: K1 });
    assert.is(made.code, 0, made.err);
    for (const env of [{}, { WASMAC_MASTER_KEY: K2 }]) {
      const r = await runWasmac(['list-keys', '--store', db.url], env);
      assert.is.not(r.code, 0);
      assert.not.match(r.err, /internal error/i);
      assert.match(r.err, /master key/i);
    }
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--store', db.url], { env: { ...process.env, WASMAC_MASTER_KEY: K2 }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 15_000);
      child.once('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    assert.match(err, /master key/);
    assert.is(code, 255, 'serve exits with the store error instead of holding the port');
  } finally {
    await db.drop();
  }
});

test.run();
