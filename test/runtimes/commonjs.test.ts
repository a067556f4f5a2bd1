// The package as a consumer installs it (the packed files, copied into a temp
// project's node_modules): `require()` from CommonJS, both ways Node resolves
// it; the Jest example under Jest's default configuration; TypeScript
// consumers with `module: node16` / `nodenext`, CommonJS and ESM; and what an
// uncaught error prints.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { installPacked, mainExports, ROOT, runCommand, tempDir } from './harness.js';

const MESSAGE = 'TypeError: data must be a Uint8Array or a string, got a number';

/** A CommonJS consumer: GenerateMac, VerifyMac and the export names, as JSON on stdout. */
const CJS_CONSUMER = `
const w = require(process.argv[2] ?? 'wasmac');
const n = require(process.argv[3] ?? 'wasmac/node');
const { mkdtempSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { tmpdir } = require('node:os');
(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wasmac-cjs-'));
  try {
    const keyStore = await n.FileKeyStore.open(dir);
    const kms = new w.KMSClient({ keyStore });
    const { KeyMetadata } = await kms.send(new w.CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }));
    const KeyId = KeyMetadata.KeyId;
    const { Mac } = await kms.send(new w.GenerateMacCommand({ KeyId, Message: 'Hello World', MacAlgorithm: 'HMAC_SHA_256' }));
    const { MacValid } = await kms.send(new w.VerifyMacCommand({ KeyId, Message: 'Hello World', Mac, MacAlgorithm: 'HMAC_SHA_256' }));
    const refused = await kms.send(new w.VerifyMacCommand({ KeyId, Message: 'other', Mac, MacAlgorithm: 'HMAC_SHA_256' })).catch((e) => e);
    const missing = await kms.send(new w.DescribeKeyCommand({ KeyId: 'alias/none' })).catch((e) => e);
    await keyStore.close();
    const esm = await import('wasmac');
    console.log(JSON.stringify({
      mac: w.toHex(Mac), MacValid,
      refused: refused instanceof w.KMSInvalidMacException && refused instanceof w.KMSServiceException,
      missing: missing instanceof w.NotFoundException,
      rfc4231: w.toHex(w.hmac('sha256', new TextEncoder().encode('Jefe'), 'what do ya want for nothing?')),
      main: Object.keys(w).sort(), node: Object.keys(n).sort(),
      sameAsImport: esm.KMSClient === w.KMSClient,
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();
`;

const RFC4231_2 = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';

interface ConsumerResult {
  mac: string;
  MacValid: boolean;
  refused: boolean;
  missing: boolean;
  rfc4231: string;
  main: string[];
  node: string[];
  sameAsImport: boolean;
}

async function nodeExports(): Promise<string[]> {
  const specifier = 'wasmac/node';
  return Object.keys((await import(specifier)) as object).sort();
}

async function runConsumer(dir: string, args: string[] = []): Promise<ConsumerResult> {
  writeFileSync(join(dir, 'consumer.cjs'), CJS_CONSUMER);
  const ran = await runCommand(process.execPath, ['consumer.cjs', ...args], { cwd: dir });
  assert.is(ran.code, 0, `the CommonJS consumer failed:\n${ran.stdout}${ran.stderr}`);
  assert.not.match(ran.stderr, /Warning/, `no warning on require: ${ran.stderr}`);
  return JSON.parse(ran.stdout) as ConsumerResult;
}

function checkConsumer(r: ConsumerResult, main: string[], node: string[]): void {
  assert.is(r.mac.length, 64);
  assert.ok(r.MacValid, 'VerifyMac of the generated MAC');
  assert.ok(r.refused, 'VerifyMac of another message rejects with KMSInvalidMacException');
  assert.ok(r.missing, 'NotFoundException from a FileKeyStore of wasmac/node behind the KMSClient of wasmac: one set of classes');
  assert.is(r.rfc4231, RFC4231_2);
  assert.equal(r.main, main, 'require("wasmac") has the names of the ES module');
  assert.equal(r.node, node, 'require("wasmac/node") has the names of the ES module');
}

test(`require('wasmac') and require('wasmac/node') in Node ${process.versions.node}: the ES modules (module-sync), one instance with import`, async () => {
  const tmp = tempDir('cjs');
  try {
    await installPacked(tmp.dir);
    writeFileSync(join(tmp.dir, 'package.json'), '{ "name": "consumer", "type": "commonjs" }\n');
    const r = await runConsumer(tmp.dir);
    checkConsumer(r, await mainExports(), await nodeExports());
    assert.ok(r.sameAsImport, 'require and import give the same module (no second copy of the package)');
  } finally {
    tmp.remove();
  }
});

test('the CommonJS build (the `require` condition, as Jest resolves it): same names, one bundle for both entries', async () => {
  const tmp = tempDir('cjs-build');
  try {
    await installPacked(tmp.dir);
    const pkg = join(tmp.dir, 'node_modules/wasmac/dist/cjs');
    const r = await runConsumer(tmp.dir, [join(pkg, 'index.js'), join(pkg, 'node/index.js')]);
    checkConsumer(r, await mainExports(), await nodeExports());
  } finally {
    tmp.remove();
  }
});

test('examples/jest passes under Jest with its default configuration', async () => {
  const tmp = tempDir('jest');
  try {
    cpSync(join(ROOT, 'examples/jest'), tmp.dir, { recursive: true });
    await installPacked(tmp.dir);
    const ran = await runCommand(process.execPath, [join(ROOT, 'node_modules/jest/bin/jest.js')], { cwd: tmp.dir, env: { CI: '1', NO_COLOR: '1' }, timeoutMs: 90_000 });
    const out = `${ran.stdout}${ran.stderr}`;
    assert.is(ran.code, 0, `jest failed:\n${out}`);
    assert.match(out, /Tests:\s+4 passed, 4 total/, out);
    console.log(`jest: ${/Tests:.*$/m.exec(out)?.[0]}`);
  } finally {
    tmp.remove();
  }
});

const TS_CONSUMER = `import { GenerateMacCommand, HmacKey, KMSClient, KMSInvalidMacException, type GenerateMacCommandOutput } from 'wasmac';
import { FileKeyStore, startServer, type KmsServer } from 'wasmac/node';

export async function mac(dir: string): Promise<Uint8Array | undefined> {
  const kms = new KMSClient({ keyStore: await FileKeyStore.open(dir) });
  const out: GenerateMacCommandOutput = await kms.send(new GenerateMacCommand({ KeyId: 'alias/a', Message: 'm', MacAlgorithm: 'HMAC_SHA_256' }));
  return out.Mac;
}
export const tag: Uint8Array = new HmacKey('sha256', new Uint8Array(32)).mac('Hello World');
export const isMacError = (e: unknown): boolean => e instanceof KMSInvalidMacException;
export const serve: (port: number) => Promise<KmsServer> = (port) => startServer({ port });
// @ts-expect-error: a number is not a message
new HmacKey('sha256', new Uint8Array(32)).mac(42);
`;

const TS_BROWSER_CONSUMER = `import { GenerateMacCommand, HmacKey, KMSClient, KMSInvalidMacException, MemoryKeyStore } from 'wasmac';

export async function mac(): Promise<Uint8Array | undefined> {
  const kms = new KMSClient({ keyStore: new MemoryKeyStore() });
  return (await kms.send(new GenerateMacCommand({ KeyId: 'alias/a', Message: 'm', MacAlgorithm: 'HMAC_SHA_256' }))).Mac;
}
export const tag: Uint8Array = new HmacKey('sha256', new Uint8Array(32)).mac('Hello World');
export const isMacError = (e: unknown): boolean => e instanceof KMSInvalidMacException;
`;

for (const [type, module] of [['commonjs', 'node16'], ['commonjs', 'nodenext'], ['module', 'nodenext']] as const) {
  test(`TypeScript: a ${type === 'module' ? 'ESM' : 'CommonJS'} package with module ${module} type-checks against the package`, async () => {
    const tmp = tempDir('ts');
    try {
      await installPacked(tmp.dir);
      writeFileSync(join(tmp.dir, 'package.json'), JSON.stringify({ name: 'consumer', type }));
      writeFileSync(join(tmp.dir, 'index.ts'), TS_CONSUMER);
      writeFileSync(join(tmp.dir, 'tsconfig.json'), JSON.stringify({
        compilerOptions: {
          module, moduleResolution: module, target: 'ES2022', lib: ['ES2022', 'DOM'], strict: true, noEmit: true,
          skipLibCheck: false, types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')],
        },
        files: ['index.ts'],
      }));
      const ran = await runCommand(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: tmp.dir });
      assert.is(ran.code, 0, `tsc (${type}, ${module}) failed:\n${ran.stdout}${ran.stderr}`);
    } finally {
      tmp.remove();
    }
  });
}

test('TypeScript: a browser project (moduleResolution bundler, no @types/node) type-checks against the main entry', async () => {
  const tmp = tempDir('ts-browser');
  try {
    await installPacked(tmp.dir);
    writeFileSync(join(tmp.dir, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module' }));
    writeFileSync(join(tmp.dir, 'index.ts'), TS_BROWSER_CONSUMER);
    writeFileSync(join(tmp.dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { module: 'esnext', moduleResolution: 'bundler', target: 'ES2022', lib: ['ES2022', 'DOM'], strict: true, noEmit: true, skipLibCheck: false, types: [] },
      files: ['index.ts'],
    }));
    const ran = await runCommand(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: tmp.dir });
    assert.is(ran.code, 0, `tsc (browser) failed:\n${ran.stdout}${ran.stderr}`);
  } finally {
    tmp.remove();
  }
});

/** Lines of stderr up to and including the error's own first line. */
function beforeMessage(stderr: string): string[] {
  const lines = stderr.split('\n');
  return lines.slice(0, lines.findIndex((l) => l.startsWith('TypeError')) + 1);
}

test('an uncaught error prints under 4 KB, the message first after Node\'s source line; with --enable-source-maps the stack is in src/', async () => {
  const tmp = tempDir('uncaught');
  try {
    await installPacked(tmp.dir);
    writeFileSync(join(tmp.dir, 'esm.mjs'), "import { sha256 } from 'wasmac';\nsha256(42);\n");
    writeFileSync(join(tmp.dir, 'cjs.cjs'), "const { sha256 } = require('wasmac');\nsha256(42);\n");
    writeFileSync(join(tmp.dir, 'build.cjs'), "const { sha256 } = require('./node_modules/wasmac/dist/cjs/index.js');\nsha256(42);\n");
    for (const file of ['esm.mjs', 'cjs.cjs', 'build.cjs', 'esm.mjs', 'cjs.cjs']) {
      const ran = await runCommand(process.execPath, [file], { cwd: tmp.dir });
      const bytes = Buffer.byteLength(ran.stderr);
      assert.is.not(ran.code, 0);
      assert.ok(bytes < 4096, `${file}: ${bytes} B on stderr:\n${ran.stderr.slice(0, 2000)}`);
      const head = beforeMessage(ran.stderr);
      // Node prints where the error was thrown (file:line, the source line, a caret, a blank line), then the error.
      assert.is(head.at(-1), MESSAGE, `${file}: the error's first line is the message:\n${ran.stderr}`);
      assert.ok(head.length <= 5 && head.every((l) => l.length < 200), `${file}: only Node's short source excerpt before the message:\n${head.join('\n')}`);
    }
    const mapped = await runCommand(process.execPath, ['--enable-source-maps', 'esm.mjs'], { cwd: tmp.dir });
    assert.match(mapped.stderr, /at abytesOrString \(.*node_modules\/wasmac\/src\/engine\/utils\.ts:\d+:\d+\)/, mapped.stderr);
    assert.ok(beforeMessage(mapped.stderr).length <= 6, mapped.stderr);
  } finally {
    tmp.remove();
  }
});

test.run();
