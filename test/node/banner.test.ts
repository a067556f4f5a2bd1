/**
 * `wasmac serve`'s start banner prints examples that work against the store
 * as it is: the test runs the printed SDK example (its KeyId and algorithm)
 * against the running server with the real @aws-sdk/client-kms. An empty
 * store gets the create-key command instead of examples with a missing key.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as sdk from '@aws-sdk/client-kms';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, type KmsServer } from '../../src/node/index.js';
import { runWasmac } from './helpers.js';

/** Starts `serve` with `args`, runs `during` with the server and the banner so far, stops it. */
async function serve(dir: string, args: string[], during: (server: KmsServer, banner: string) => Promise<void>): Promise<string> {
  let out = '';
  let failure: unknown;
  const code = await runCli(['serve', '--port', '0', '--quiet', '--data-dir', dir, ...args], {
    stdout: (t) => (out += t),
    stderr: (t) => (out += t),
    env: {},
    waitForStop: async (server) => {
      await during(server, out).catch((err: unknown) => (failure = err));
      return 'SIGTERM';
    },
  });
  if (failure !== undefined) throw failure;
  assert.is(code, 0, out);
  return out;
}

/** Runs the banner's SDK example as printed: its endpoint, KeyId and MacAlgorithm. */
async function runPrintedExample(server: KmsServer, banner: string): Promise<Uint8Array> {
  const keyId = /GenerateMacCommand\(\{ KeyId: '([^']+)'/.exec(banner)?.[1];
  const alg = /MacAlgorithm: '([A-Z_0-9]+)' \}\)\)/.exec(banner)?.[1];
  assert.ok(keyId !== undefined && alg !== undefined, banner);
  const kms = new sdk.KMSClient({ endpoint: server.url, region: server.region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  const { Mac } = await kms.send(new sdk.GenerateMacCommand({ KeyId: keyId, Message: new TextEncoder().encode('Hello World'), MacAlgorithm: alg as sdk.MacAlgorithmSpec }));
  kms.destroy();
  return Mac!;
}

function withDir(fn: (dir: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wasmac-banner-'));
    try {
      await fn(join(dir, 'store'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

test('an empty store: the banner says how to create a key and names no key', withDir(async (dir) => {
  const out = await serve(dir, [], async () => {});
  assert.match(out, /The store has no enabled HMAC key yet/);
  assert.match(out, /aws kms create-key --endpoint-url http:\/\/127\.0\.0\.1:\d+ \\\n\s+--region us-east-1 --key-spec HMAC_256 --key-usage GENERATE_VERIFY_MAC/);
  assert.not.match(out, /GenerateMacCommand|--key-id/);
}));

test('--demo: the examples use alias/demo with HMAC_SHA_384, and the printed example works', withDir(async (dir) => {
  const out = await serve(dir, ['--demo'], async (server, banner) => {
    assert.is((await runPrintedExample(server, banner)).length, 48);
  });
  assert.match(out, /--key-id alias\/demo --mac-algorithm HMAC_SHA_384/);
}));

test('a store of its own: the examples name its enabled HMAC key (by alias), never a disabled one, and work', withDir(async (dir) => {
  const disabled = (await runWasmac(['create-key', '--data-dir', dir, '--key-spec', 'HMAC_256', '--key-usage', 'GENERATE_VERIFY_MAC', '--query', 'KeyMetadata.KeyId', '--output', 'text'])).out.trim();
  await runWasmac(['create-alias', '--data-dir', dir, '--alias-name', 'alias/aaa-disabled', '--target-key-id', disabled]);
  await runWasmac(['disable-key', '--data-dir', dir, '--key-id', disabled]);
  const enabled = (await runWasmac(['create-key', '--data-dir', dir, '--key-spec', 'HMAC_512', '--key-usage', 'GENERATE_VERIFY_MAC', '--query', 'KeyMetadata.KeyId', '--output', 'text'])).out.trim();
  await runWasmac(['create-alias', '--data-dir', dir, '--alias-name', 'alias/app', '--target-key-id', enabled]);
  const out = await serve(dir, [], async (server, banner) => {
    assert.is((await runPrintedExample(server, banner)).length, 64);
  });
  assert.match(out, /--key-id alias\/app --mac-algorithm HMAC_SHA_512/);
  assert.not.match(out, /alias\/aaa-disabled|alias\/demo/);
}));

test('a key without an alias: the examples name its key ID', withDir(async (dir) => {
  const keyId = (await runWasmac(['create-key', '--data-dir', dir, '--key-spec', 'HMAC_224', '--key-usage', 'GENERATE_VERIFY_MAC', '--query', 'KeyMetadata.KeyId', '--output', 'text'])).out.trim();
  const out = await serve(dir, [], async (server, banner) => {
    assert.is((await runPrintedExample(server, banner)).length, 28);
  });
  assert.match(out, new RegExp(`--key-id ${keyId} --mac-algorithm HMAC_SHA_224`));
}));

test.run();
