// workerd (npm `workerd`, pinned): two module workers, the smoke and
// examples/cloudflare-worker, each bundled with esbuild under the `workerd`
// condition (so `wasmac` is dist/index.workerd.js) with the core's `.wasm`
// files left as external modules, as wrangler does. The smoke runs from a
// config written here; the example from its own config.capnp, as its header
// says (only the socket moved to a free port with --socket-addr). The test
// requests both over HTTP and stops the processes by their PIDs.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { basename, join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BIN, runtimeAvailable, bundle, freePort, mainExports, packageVersion, printResult, ROOT, runCommand, tempDir, WORKER_SMOKE_ENTRY, type Bundle } from './harness.js';
import type { SmokeReport } from './smoke.js';

/** Not newer than the binary's own date (workerd refuses newer ones). */
const COMPATIBILITY_DATE = '2026-01-01';

const workerOptions = { conditions: ['workerd', 'worker'], external: ['*.wasm']};

/** The `.wasm` modules a bundle imports, as the specifiers it wrote. */
function wasmImports(b: Bundle): string[] {
  const imports = Object.values(b.metafile.outputs).flatMap((o) => o.imports);
  return [...new Set(imports.filter((i) => i.external && i.path.endsWith('.wasm')).map((i) => i.path))];
}

/** A capnp service whose modules are `<name>.js` and its `.wasm` imports, all in the config's dir. */
function service(name: string, wasm: string[]): string {
  const modules = [`(name = "${name}.js", esModule = embed "${name}.js")`, ...wasm.map((w) => `(name = "${basename(w)}", wasm = embed "${basename(w)}")`)];
  return `(name = "${name}", worker = (modules = [ ${modules.join(', ')} ], compatibilityDate = "${COMPATIBILITY_DATE}"))`;
}

/** Polls 127.0.0.1:`port` until workerd accepts connections or `ms` pass (without running a worker). */
async function waitForPort(port: number, child: ChildProcess, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`workerd exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`workerd did not listen on 127.0.0.1:${port} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Stops a workerd by its PID: SIGTERM, then SIGKILL after 3 s. */
async function stop(child: ChildProcess | undefined): Promise<void> {
  if (child?.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid !== undefined && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

/**
 * The example worker, keyed by the seed in its WASMAC_SEED binding: its MAC of
 * "Hello World" is the one AWS KMS gives under the seed's material, that MAC
 * verifies, another is refused with KMSInvalidMacException.
 */
async function checkExample(origin: string): Promise<boolean> {
  const problems: string[] = [];
  const get = async (query: string): Promise<{ status: number; body: Record<string, unknown> }> => {
    const res = await fetch(`${origin}/?${query}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const made = await get('message=Hello%20World');
  if (made.status !== 200 || made.body.Mac !== KNOWN_MAC) problems.push(`GenerateMac: ${made.status} ${JSON.stringify(made.body)}`);
  const ok = await get(`message=Hello%20World&mac=${encodeURIComponent(KNOWN_MAC)}`);
  if (ok.status !== 200 || ok.body.MacValid !== true) problems.push(`VerifyMac of AWS's MAC: ${ok.status} ${JSON.stringify(ok.body)}`);
  const bad = await get(`message=Hello%20Worlds&mac=${encodeURIComponent(KNOWN_MAC)}`);
  if (bad.status !== 400 || bad.body.error !== 'KMSInvalidMacException') problems.push(`VerifyMac of another message: ${bad.status} ${JSON.stringify(bad.body)}`);
  for (const p of problems) console.log(`examples/cloudflare-worker: ${p}`);
  return problems.length === 0;
}

/** HMAC-SHA-256 of "Hello World" under the material of seed.example.json (00..1f), as AWS KMS computes it. */
const KNOWN_MAC = 'SWgggc4CgAle8JGG8XOHRQE/yzVt/4SG5l8pgV0Jhs0=';

const TITLE = 'workerd: the smoke and examples/cloudflare-worker pass under the workerd condition';

if (!(await runtimeAvailable('workerd', [BIN.workerd]))) test.skip(TITLE, () => {});
else test(TITLE, async () => {
  const tmp = tempDir('workerd');
  let child: ChildProcess | undefined;
  let exampleChild: ChildProcess | undefined;
  let log = '';
  try {
    const smoke = await bundle({ contents: WORKER_SMOKE_ENTRY }, workerOptions);
    const example = await bundle({ file: 'examples/cloudflare-worker/src/index.js' }, workerOptions);
    const wasm = wasmImports(smoke);
    assert.ok(wasm.length > 0, 'the workerd bundle imports the core as .wasm module(s)');
    assert.equal(wasmImports(example), wasm, 'the example (named imports) keeps the entry and its .wasm imports: package.json "sideEffects" must list the entries');
    assert.not.match(smoke.code, /import\.meta\.url/, 'nothing in the workerd bundle reads import.meta.url');
    writeFileSync(join(tmp.dir, 'smoke.js'), smoke.code);
    for (const w of wasm) copyFileSync(join(ROOT, 'dist', basename(w)), join(tmp.dir, basename(w)));
    // examples/cloudflare-worker as its config.capnp says: the bundle and the .wasm files in its dist/.
    const exampleDir = join(tmp.dir, 'example');
    mkdirSync(join(exampleDir, 'dist'), { recursive: true });
    copyFileSync(join(ROOT, 'examples/cloudflare-worker/config.capnp'), join(exampleDir, 'config.capnp'));
    copyFileSync(join(ROOT, 'examples/cloudflare-worker/seed.example.json'), join(exampleDir, 'seed.example.json'));
    writeFileSync(join(exampleDir, 'dist/index.js'), example.code);
    for (const w of ['wasmac.wasm', 'wasmac-simd.wasm']) copyFileSync(join(ROOT, 'dist', w), join(exampleDir, 'dist', w));

    const [smokePort, examplePort] = [await freePort(), await freePort()];
    writeFileSync(join(tmp.dir, 'config.capnp'), `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ ${service('smoke', wasm)} ],
  sockets = [ (name = "smoke", address = "127.0.0.1:${smokePort}", http = (), service = "smoke") ] );
`);
    child = spawn(BIN.workerd, ['serve', 'config.capnp'], { cwd: tmp.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (log += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (log += d));
    exampleChild = spawn(BIN.workerd, ['serve', 'config.capnp', '--socket-addr', `http=127.0.0.1:${examplePort}`], { cwd: exampleDir, stdio: ['ignore', 'pipe', 'pipe'] });
    exampleChild.stdout!.setEncoding('utf8').on('data', (d: string) => (log += d));
    exampleChild.stderr!.setEncoding('utf8').on('data', (d: string) => (log += d));
    await waitForPort(smokePort, child, 20_000);
    await waitForPort(examplePort, exampleChild, 20_000);

    const report = (await (await fetch(`http://127.0.0.1:${smokePort}/`)).json()) as SmokeReport;
    const exampleOk = await checkExample(`http://127.0.0.1:${examplePort}`);

    const version = `${packageVersion('workerd')} (${(await runCommand(BIN.workerd, ['--version'])).stdout.trim()})`;
    assert.is(report.runtime, 'workerd');
    assert.equal(report.exports, await mainExports(), 'the workerd entry exports the same names as the main entry');
    assert.ok(printResult(report, version, { 'examples/cloudflare-worker': exampleOk }), 'workerd failed (see above)');
  } catch (err) {
    if (log !== '') console.log(`workerd output:\n${log}`);
    throw err;
  } finally {
    await stop(child);
    await stop(exampleChild);
    tmp.remove();
  }
});

test.run();
