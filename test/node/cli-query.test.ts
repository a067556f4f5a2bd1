/**
 * The CLI's `--query` and `--output` on real commands against a data
 * directory (the formats themselves are checked against the AWS CLI in
 * cli-output.test.ts): the scripting idiom `--query Mac --output text`, the
 * AWS_DEFAULT_OUTPUT default, tables, bad values refused before the
 * operation runs, and a subcommand's own usage on a usage error.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runWasmac } from './helpers.js';

function withDir(fn: (dir: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wasmac-cli-query-'));
    try {
      await fn(join(dir, 'store'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

test('create-key --query KeyMetadata.KeyId --output text, then generate-mac --query Mac --output text: scriptable values', withDir(async (dir) => {
  const created = await runWasmac(['create-key', '--data-dir', dir, '--key-spec', 'HMAC_256', '--key-usage', 'GENERATE_VERIFY_MAC', '--query', 'KeyMetadata.KeyId', '--output', 'text']);
  assert.is(created.code, 0, created.err);
  const keyId = created.out.trim();
  assert.match(keyId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  const mac = await runWasmac(['generate-mac', '--data-dir', dir, '--key-id', keyId, '--mac-algorithm', 'HMAC_SHA_256', '--message', 'Hello World', '--query', 'Mac', '--output', 'text']);
  assert.is(mac.code, 0, mac.err);
  assert.match(mac.out, /^[A-Za-z0-9+/]{43}=\n$/);
  const verified = await runWasmac(['verify-mac', '--data-dir', dir, '--key-id', keyId, '--mac-algorithm', 'HMAC_SHA_256', '--message', 'Hello World', '--mac', mac.out.trim(), '--query', 'MacValid', '--output', 'text']);
  assert.is(verified.out, 'True\n');
}));

test('AWS_DEFAULT_OUTPUT=text is the default format; --output json overrides it; a table is titled with the operation', withDir(async (dir) => {
  await runWasmac(['create-key', '--data-dir', dir, '--key-spec', 'HMAC_384', '--key-usage', 'GENERATE_VERIFY_MAC']);
  const text = await runWasmac(['list-keys', '--data-dir', dir], { AWS_DEFAULT_OUTPUT: 'text' });
  // The facade's page, Truncated first (the AWS CLI pages through and drops it), then the keys.
  assert.match(text.out, /^False\nKEYS\tarn:aws:kms:us-east-1:111122223333:key\/\S+\t\S+\n$/);
  const json = await runWasmac(['list-keys', '--data-dir', dir, '--output', 'json'], { AWS_DEFAULT_OUTPUT: 'text' });
  assert.is(json.json.Keys.length, 1);
  const table = await runWasmac(['list-keys', '--data-dir', dir, '--output', 'table']);
  assert.match(table.out, /^-+\n\|\s+ListKeys\s+\|\n/);
  assert.match(table.out, /\|\|\s+Keys\s+\|\|/);
}));

test('a bad --query or --output is a usage error (252) before the operation runs: no key is created', withDir(async (dir) => {
  const badQuery = await runWasmac(['create-key', '--data-dir', dir, '--key-spec', 'HMAC_256', '--key-usage', 'GENERATE_VERIFY_MAC', '--query', 'KeyMetadata.[']);
  assert.is(badQuery.code, 252);
  assert.match(badQuery.err, /Bad value for --query KeyMetadata\.\[/);
  const badOutput = await runWasmac(['create-key', '--data-dir', dir, '--key-spec', 'HMAC_256', '--key-usage', 'GENERATE_VERIFY_MAC', '--output', 'yaml']);
  assert.is(badOutput.code, 252);
  assert.match(badOutput.err, /--output: Invalid choice 'yaml', valid choices are: json \| text \| table/);
  const keys = await runWasmac(['list-keys', '--data-dir', dir, '--query', 'length(Keys)', '--output', 'text']);
  assert.is(keys.out, '0\n');
}));

test('a usage error prints the subcommand\'s own usage and how to see its options', async () => {
  const op = await runWasmac(['generate-mac', '--bogus', 'x']);
  assert.is(op.code, 252);
  assert.is(op.err, 'usage: wasmac generate-mac [options]\nTo see its options: wasmac generate-mac --help\nwasmac: error: Unknown options: --bogus\n');
  const serve = await runWasmac(['serve', '--port', 'x']);
  assert.match(serve.err, /^usage: wasmac serve \[options\]\nTo see its options: wasmac serve --help\n/);
  const unknown = await runWasmac(['nope']);
  assert.match(unknown.err, /^usage: wasmac <command> \[options\]\nTo see the commands: wasmac --help\n/);
});

test.run();
