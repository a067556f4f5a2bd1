// The entries as bundlers see them: the main entry bundles for the browser
// with no externals (so nothing in its import graph is a Node built-in), the
// workerd entry bundles with only its `.wasm` modules external, a bundle that
// uses named imports still installs the core, and the minified, gzipped main
// entry stays under the size target. The entries have no top-level await, so
// esbuild's defaults (an IIFE for the browser, no --format) bundle them too;
// dist/ is readable (not minified) with source maps into src/.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bundle, ROOT, runCommand, tempDir } from './harness.js';

/**
 * The ceiling for the browser bundle of the main entry, minified + gzip: the
 * project's target, 40 KB (40,000 B, as the bench reports it).
 */
const TARGET_BYTES = 40_000;

/** Every module of a bundle, as esbuild names them. */
function inputs(b: Awaited<ReturnType<typeof bundle>>): string[] {
  return Object.keys(b.metafile.inputs);
}

test('the main entry bundles for the browser with no externals: no Node built-ins in its import graph', async () => {
  const b = await bundle({ contents: "export * from 'wasmac';" }, { platform: 'browser', external: [] });
  const files = inputs(b);
  assert.ok(files.includes('dist/index.js'), `the main entry is dist/index.js, bundled: ${files.join(', ')}`);
  assert.not.ok(files.some((f) => f.startsWith('node:') || f.includes('/node/')), `no Node-only module: ${files.join(', ')}`);
  assert.not.match(b.code, /import\.meta\.url/, 'the main entry needs no import.meta.url');
  assert.match(b.code, /\binstallCore\(/, 'the bundle keeps the entry\'s installCore (package.json "sideEffects")');
});

test('the workerd entry bundles under the workerd condition with only its .wasm modules external', async () => {
  const b = await bundle({ contents: "export * from 'wasmac';" }, { conditions: ['workerd', 'worker'], external: ['*.wasm'] });
  const files = inputs(b);
  assert.ok(files.includes('dist/index.workerd.js'), `the workerd condition picks dist/index.workerd.js: ${files.join(', ')}`);
  assert.not.ok(files.some((f) => f.includes('wasm.generated')), 'the workerd entry does not carry the inline core');
  assert.ok(files.includes('dist/index.workerd.js') && b.code.includes('installCore'), 'the bundle keeps the entry\'s installCore (package.json "sideEffects")');
  const wasm = Object.values(b.metafile.outputs).flatMap((o) => o.imports).filter((i) => i.external).map((i) => i.path).sort();
  assert.equal(wasm, ['./wasmac-simd.wasm', './wasmac.wasm']);
});

test('a bundle with named imports installs the core (package.json "sideEffects" keeps the entries)', async () => {
  const tmp = tempDir('named');
  try {
    const b = await bundle({ contents: "import { sha256, toHex } from 'wasmac';\nconsole.log(toHex(sha256('abc')));" });
    writeFileSync(join(tmp.dir, 'named.mjs'), b.code);
    const ran = await runCommand(process.execPath, [join(tmp.dir, 'named.mjs')]);
    const hint = 'a bundler dropped the entry\'s installCore: package.json "sideEffects" must list dist/index.js and dist/index.workerd.js';
    assert.is(ran.stdout.trim(), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', `${hint}\n${ran.stderr}`);
  } finally {
    tmp.remove();
  }
});

test(`the minified, gzipped browser bundle of the main entry is under ${TARGET_BYTES / 1000} KB`, async () => {
  const b = await bundle({ contents: "export * from 'wasmac';" }, { minify: true });
  const raw = Buffer.byteLength(b.code);
  // (The cores are masked, so their magic is not in the text; the next test runs this bundle on both.)
  const cores = ['wasmac.wasm', 'wasmac-simd.wasm'].map((f) => statSync(join(ROOT, 'build', f)).size);
  assert.ok(raw > cores[0]! + cores[1]!, `the measured bundle (${raw} B) carries both cores inline (${cores.join(' + ')} B)`);
  const gzip = gzipSync(b.code, { level: 9 }).length;
  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB = ${(n / 1024).toFixed(1)} KiB`;
  const engine = gzipSync((await bundle({ contents: "export * from 'wasmac/engine';" }, { minify: true })).code, { level: 9 }).length;
  console.log(`bundle size: main entry (esbuild --bundle --minify, browser) ${kb(raw)} minified, ${kb(gzip)} gzipped (ceiling < ${kb(TARGET_BYTES)}); engine entry ${kb(engine)} gzipped`);
  assert.ok(gzip < TARGET_BYTES, `gzipped bundle is ${gzip} B, target < ${TARGET_BYTES} B`);
});

test('the minified bundle runs on both cores: the inline cores survive minification byte for byte', async () => {
  const tmp = tempDir('minified');
  try {
    const entry = "import { backend, sha256, toHex, useBackend } from 'wasmac';\nconst a = toHex(sha256('abc'));\nawait useBackend('scalar');\nconsole.log(a, backend(), toHex(sha256('abc')));";
    writeFileSync(join(tmp.dir, 'min.mjs'), (await bundle({ contents: entry }, { minify: true })).code);
    const ran = await runCommand(process.execPath, [join(tmp.dir, 'min.mjs')]);
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    assert.is(ran.stdout.trim(), `${abc} scalar ${abc}`, ran.stderr);
  } finally {
    tmp.remove();
  }
});

test('esbuild with its defaults (no --format: an IIFE) bundles the main entry, and the bundle runs', async () => {
  const tmp = tempDir('iife');
  try {
    const b = await bundle({ contents: "import { sha256, toHex, KMSClient } from 'wasmac';\nconsole.log(toHex(sha256('abc')), typeof KMSClient);" }, { format: undefined });
    assert.match(b.code, /^\(\(\) => \{/, 'an IIFE');
    writeFileSync(join(tmp.dir, 'iife.cjs'), b.code);
    const ran = await runCommand(process.execPath, [join(tmp.dir, 'iife.cjs')]);
    assert.is(ran.stdout.trim(), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad function', ran.stderr);
  } finally {
    tmp.remove();
  }
});

/** Every .js file under dist/. */
function distFiles(dir = join(ROOT, 'dist')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? distFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []);
}

test('dist/ is readable: no minified lines, no top-level await, a source map into src/ next to every bundle', () => {
  const files = distFiles();
  assert.ok(files.length >= 8, files.join(', '));
  let mapped = 0;
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    // The two cores are string literals of one character per byte (esbuild may print them as template literals over several lines).
    const cores = /(?:var|const|let) (?:SCALAR|SIMD)_WASM = (?:`(?:[^`\\]|\\[\s\S])*`|"(?:[^"\\\n]|\\.)*");/g;
    const long = code.replace(cores, '').split('\n').filter((l) => l.length > 1000);
    assert.is(long.length, 0, `${file}: ${long.length} lines over 1000 characters (minified?): ${long[0]?.slice(0, 120)}`);
    assert.not.match(code, /^await /m, `${file}: top-level await`);
    if (code.length < 300) continue; // the two CommonJS pickers
    assert.ok(existsSync(`${file}.map`), `${file}.map`);
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; sourcesContent?: unknown };
    if (map.sources.length === 0) continue; // an entry that only re-exports its chunks
    mapped++;
    const inSrc = map.sources.filter((s) => /^(\.\.\/)+src\//.test(s));
    assert.ok(inSrc.length > 0, `${file}.map points into src/: ${map.sources.join(', ')}`);
    for (const s of inSrc) assert.ok(existsSync(join(file, '..', s)), `${file}.map: ${s} exists`);
  }
  assert.ok(mapped >= 4, `${mapped} source maps with sources`);
});

test.run();
