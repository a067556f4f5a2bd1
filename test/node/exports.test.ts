/**
 * The public surface of `wasmac/node`, listed in one place (STYLE point 1),
 * and the package wiring of the CLI: `bin` points at the built cli.js, which
 * starts with a shebang.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import * as node from '../../src/node/index.js';

const ROOT = new URL('../../', import.meta.url);

test('wasmac/node exports exactly these values', () => {
  assert.equal(Object.keys(node).sort(), [
    'AcceleratedHmacKey',
    'ConfigError',
    'DEFAULT_ACCOUNT_ID',
    'DEFAULT_CREDENTIAL',
    'DEFAULT_DATA_DIR',
    'DEFAULT_HOST',
    'DEFAULT_MAX_BODY_BYTES',
    'DEFAULT_PORT',
    'DEFAULT_REGION',
    'DEMO_SEED',
    'EXIT',
    'FileKeyStore',
    'KeyStoreError',
    'NATIVE_FROM',
    'PostgresKeyStore',
    'SigV4Verifier',
    'applySeed',
    'loadCredentials',
    'loadSeed',
    'parseCredentials',
    'parseMasterKey',
    'runCli',
    'startServer',
    'validateSeed',
  ]);
  assert.is(node.DEFAULT_PORT, 4599);
  assert.is(node.DEFAULT_HOST, '127.0.0.1');
  assert.is(node.DEFAULT_DATA_DIR, '.wasmac');
});

test('package.json: bin wasmac -> dist/node/cli.js, exports ./node, npm start serves the demo key, no prepare', () => {
  const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8'));
  assert.is(pkg.bin.wasmac, './dist/node/cli.js');
  assert.is(pkg.exports['./node'].default.default, './dist/node/index.js');
  assert.is(pkg.exports['./node'].require.default, './dist/cjs/node/index.js');
  assert.is(pkg.scripts.prepare, undefined, 'no prepare script: installing the tarball must not ask to build');
  assert.match(pkg.scripts.start, /cli\.js serve --demo$/);
  assert.match(readFileSync(new URL('src/node/cli.ts', ROOT), 'utf8'), /^#!\/usr\/bin\/env node\n/);
});

test('a wildcard host is announced with a loopback URL', async () => {
  const s = await node.startServer({ host: '0.0.0.0', port: 0, keyStore: new (await import('../../src/kms/key-store.js')).MemoryKeyStore() });
  try {
    assert.is(s.url, `http://127.0.0.1:${s.port}`);
    assert.is(s.host, '0.0.0.0');
  } finally {
    await s.close();
  }
});

test.run();
