// The engine entry, `wasmac/engine`, as a consumer installs it: SHA-2 and
// HMAC without the KMS facade. Importing it loads one file (no chunk, nothing
// of the facade) under every condition; under Node's it routes long messages
// to node:crypto, which it loads only when the first one comes; it is the
// same engine as the main entry's (one core, one set of classes), from
// import and from require; the browser bundle has no Node built-in; and the
// main entry still exports every name of the engine.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as engineSource from '../../src/engine.js';
import * as mainSource from '../../src/index.js';
import { bundle, installPacked, ROOT, runCommand, tempDir } from './harness.js';

const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

/** The engine's names: src/engine/index.ts, the engine's public module. */
const ENGINE_NAMES = Object.keys(engineSource).sort();

test('the engine entry exports the engine and nothing of the facade; the main entry exports all of it too', () => {
  assert.ok(ENGINE_NAMES.includes('HmacKey') && ENGINE_NAMES.includes('sha256') && ENGINE_NAMES.includes('useBackend'));
  assert.not.ok(ENGINE_NAMES.includes('KMSClient'));
  const main = Object.keys(mainSource);
  assert.equal(ENGINE_NAMES.filter((n) => !main.includes(n)), [], 'every engine name is exported by the main entry (src/index*.ts list them one by one)');
  for (const file of ['src/index.node.ts', 'src/index.workerd.ts']) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const missing = ENGINE_NAMES.filter((n) => !new RegExp(`\\b${n}\\b`).test(text));
    assert.equal(missing, [], `${file} exports every engine name`);
  }
});

test('package.json: ./engine has the same conditions as ".", and #engine maps to the engine files', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const shape = (o: unknown): unknown => (typeof o === 'object' && o !== null ? Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'types' && k !== 'default').map(([k, v]) => [k, shape(v)])) : o);
  assert.equal(shape(pkg.exports['./engine']), shape(pkg.exports['.']));
  assert.is(pkg.exports['./engine'].node['module-sync'].default, './dist/engine.node.js');
  assert.is(pkg.exports['./engine'].require.default, './dist/cjs/engine.js');
  assert.is(pkg.exports['./engine'].default.default, './dist/engine.js');
  assert.equal(pkg.imports['#engine'], { workerd: './dist/engine.workerd.js', worker: './dist/engine.workerd.js', node: './dist/engine.node.js', default: './dist/engine.js' });
  for (const f of ['./dist/engine.js', './dist/engine.node.js', './dist/engine.workerd.js']) assert.ok(pkg.sideEffects.includes(f), `sideEffects keeps ${f}`);
});

test('each built engine file is one module: it imports nothing of the package (no chunk, no facade)', () => {
  for (const file of ['dist/engine.js', 'dist/engine.node.js', 'dist/engine.workerd.js', 'dist/cjs/engine.js']) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g)].map((m) => m[1]!);
    const allowed = file.endsWith('workerd.js') ? /^(\.\/wasmac(-simd)?\.wasm|node:.*)$/ : /^node:/;
    assert.equal(specifiers.filter((s) => !allowed.test(s)), [], `${file} imports only built-ins (and its .wasm modules)`);
  }
  assert.not.match(readFileSync(join(ROOT, 'dist/engine.js'), 'utf8'), /["'`]node:crypto["'`]/, 'the plain engine does not import node:crypto');
});

/** A consumer in a fresh process: what it loaded, and its tags against node:crypto's. */
const ESM_CONSUMER = `
const loaded = () => process.moduleLoadList.some((m) => m === 'NativeModule crypto');
const before = loaded();
const e = await import('wasmac/engine');
const key = new Uint8Array(32).fill(1);
const k = new e.HmacKey('sha256', key);
const short = e.toHex(k.mac('abc'));
const afterShort = loaded();
const long = new Uint8Array(e.BREAK_EVEN.node.hmac.sha256 * 2).fill(2);
const longTag = e.toHex(k.mac(long));
const afterLong = loaded();
const c = process.getBuiltinModule('node:crypto');
const main = await import('wasmac');
console.log(JSON.stringify({
  before, afterShort, afterLong, backend: e.backend(), abc: e.toHex(e.sha256('abc')),
  short: short === c.createHmac('sha256', key).update('abc').digest('hex'),
  long: longTag === c.createHmac('sha256', key).update(long).digest('hex'),
  names: Object.keys(e).sort(), sameEngine: main.HmacKey === e.HmacKey && main.sha256 === e.sha256,
  cjs: (await import('node:module')).createRequire(import.meta.url)('wasmac/engine').HmacKey === e.HmacKey,
}));
`;

test('Node: import wasmac/engine routes long messages to node:crypto, loaded only for the first of them; one engine with wasmac and require', async () => {
  const tmp = tempDir('engine-esm');
  try {
    await installPacked(tmp.dir);
    writeFileSync(join(tmp.dir, 'package.json'), '{ "name": "consumer", "type": "module" }\n');
    writeFileSync(join(tmp.dir, 'consumer.js'), ESM_CONSUMER);
    const ran = await runCommand(process.execPath, ['consumer.js'], { cwd: tmp.dir });
    assert.is(ran.code, 0, `${ran.stdout}${ran.stderr}`);
    const r = JSON.parse(ran.stdout);
    assert.match(r.backend, /^native\+(simd|scalar)$/, 'the node condition installs native routing');
    assert.is(r.abc, ABC);
    assert.ok(r.short && r.long, 'both tags are node:crypto\'s');
    assert.is(r.afterShort, r.before, 'a short message does not load node:crypto');
    assert.ok(r.afterLong, 'a long message went to node:crypto');
    assert.equal(r.names, ENGINE_NAMES);
    assert.ok(r.sameEngine, 'wasmac and wasmac/engine share one engine');
    assert.ok(r.cjs, 'require(wasmac/engine) gives the same module');
  } finally {
    tmp.remove();
  }
});

test('the CommonJS build: dist/cjs/engine.js alone, and the same engine under require("wasmac")', async () => {
  const tmp = tempDir('engine-cjs');
  try {
    await installPacked(tmp.dir);
    const cjs = join(tmp.dir, 'node_modules/wasmac/dist/cjs');
    writeFileSync(join(tmp.dir, 'consumer.cjs'), `
const e = require(${JSON.stringify(join(cjs, 'engine.js'))});
const loadedFacade = Object.keys(require.cache).some((f) => f.endsWith('wasmac.js'));
const main = require(${JSON.stringify(join(cjs, 'index.js'))});
console.log(JSON.stringify({ abc: e.toHex(e.sha256('abc')), backend: e.backend(), names: Object.keys(e).sort(), loadedFacade, same: main.HmacKey === e.HmacKey }));
`);
    const ran = await runCommand(process.execPath, ['consumer.cjs'], { cwd: tmp.dir });
    assert.is(ran.code, 0, `${ran.stdout}${ran.stderr}`);
    const r = JSON.parse(ran.stdout);
    assert.is(r.abc, ABC);
    assert.match(r.backend, /^native\+/);
    assert.equal(r.names, ENGINE_NAMES);
    assert.not.ok(r.loadedFacade, 'requiring the engine does not load the facade bundle');
    assert.ok(r.same, 'the CommonJS main entry requires the same engine');
  } finally {
    tmp.remove();
  }
});

test('bundled for the browser, wasmac/engine is dist/engine.js alone: no Node built-in, no facade; it runs', async () => {
  const b = await bundle({ contents: "import { sha256, toHex, backend } from 'wasmac/engine';\nconsole.log(toHex(sha256('abc')), backend());" }, { platform: 'browser', external: [] });
  assert.equal(Object.keys(b.metafile.inputs).filter((f) => !f.startsWith('<stdin>') && f !== 'entry.ts'), ['dist/engine.js']);
  assert.not.match(b.code, /["'`]node:crypto["'`]/);
  const tmp = tempDir('engine-browser');
  try {
    writeFileSync(join(tmp.dir, 'engine.mjs'), b.code);
    const ran = await runCommand(process.execPath, [join(tmp.dir, 'engine.mjs')]);
    assert.match(ran.stdout.trim(), new RegExp(`^${ABC} (simd|scalar)$`), ran.stderr);
  } finally {
    tmp.remove();
  }
});

test('under the workerd condition, wasmac/engine is dist/engine.workerd.js with its .wasm modules external', async () => {
  const b = await bundle({ contents: "export * from 'wasmac/engine';" }, { conditions: ['workerd', 'worker'], external: ['*.wasm'] });
  assert.equal(Object.keys(b.metafile.inputs).filter((f) => !f.startsWith('<stdin>') && f !== 'entry.ts'), ['dist/engine.workerd.js']);
  const wasm = Object.values(b.metafile.outputs).flatMap((o) => o.imports).filter((i) => i.external).map((i) => i.path).sort();
  assert.equal(wasm, ['./wasmac-simd.wasm', './wasmac.wasm']);
});

test.run();
