/**
 * The public surface of `wasmac/cloudflare` and `wasmac/deno`, listed in one
 * place (STYLE point 1). Read from the bundler's view of each entry, since
 * the Cloudflare entry loads the core as `.wasm` modules, which Node cannot
 * import.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { ROOT } from '../runtimes/harness.js';

async function exportsOf(entry: string): Promise<string[]> {
  const res = await build({ entryPoints: [entry], absWorkingDir: ROOT, bundle: true, format: 'esm', write: false, metafile: true, external: ['*.wasm'], logLevel: 'silent', outdir: 'out' });
  return Object.values(res.metafile.outputs)[0]!.exports.sort();
}

test('wasmac/cloudflare exports exactly these values', async () => {
  assert.equal(await exportsOf('src/cloudflare/index.ts'), ['DurableObjectKeyStore', 'EdgeStoreError', 'KmsDurableObject', 'handleKmsRequest', 'parseMasterKey']);
});

test('wasmac/deno exports exactly these values', async () => {
  assert.equal(await exportsOf('src/deno/index.ts'), ['DenoKvKeyStore', 'EdgeStoreError', 'SigV4Verifier', 'parseCredentials', 'parseMasterKey', 'serveKms']);
});

test('package.json maps ./cloudflare and ./deno to their built entries', () => {
  const pkg = JSON.parse(readFileSync(new URL('package.json', `file://${ROOT}`), 'utf8'));
  assert.is(pkg.exports['./cloudflare'].default, './dist/cloudflare/index.js');
  assert.is(pkg.exports['./deno'].default, './dist/deno/index.js');
  for (const entry of ['./dist/cloudflare/index.js', './dist/deno/index.js']) assert.ok(pkg.sideEffects.includes(entry), `${entry} loads the core: a side effect`);
});

test.run();
