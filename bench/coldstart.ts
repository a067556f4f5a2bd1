/**
 * Cold start: a fresh `node` process per measurement, timed inside it from the
 * script's first line through the import to the first HMAC-SHA-256 (32-byte
 * key, 32-byte message), and to the 10,000th; and whole-process, from spawn
 * to exit of a process that stops after its first MAC. wasmac twice, as Node
 * resolves the package's built `node` entries: `wasmac/engine`
 * (dist/engine.node.js, the engine alone: what the target is about) and
 * `wasmac` (dist/index.node.js, engine and KMS facade); node:crypto and
 * hash-wasm. Each is spawned several times in rotating order and the medians
 * reported. Every process's tag is checked against node:crypto.
 *
 *   npx tsx bench/coldstart.ts [--quick]
 */
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parseArgs } from './lib/options.js';
import { bytes, keyFor } from './lib/suite.js';
import { COLD_ENGINE, COLD_MAIN, COLD_NODE, type ColdStartRow } from './lib/types.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MACS = 10_000;

interface Sample {
  boot: number;
  imported: number;
  first: number;
  tenk: number;
  tag: string;
}

/**
 * The body of each child: `load` imports (`ti` marks the import's end) and
 * makes a MAC function; the rest is shared.
 */
function script(load: string): string {
  return `const t0 = performance.now();
const KEY = new Uint8Array(${JSON.stringify([...keyFor('sha256')])});
const MSG = new Uint8Array(${JSON.stringify([...bytes(32, 32)])});
${load}
let tag = mac(MSG);
const t1 = performance.now();
if (process.env.WASMAC_COLD_FIRST_ONLY === '1') process.exit(Buffer.from(tag).toString('hex') === process.env.WASMAC_COLD_WANT ? 0 : 3);
for (let i = 1; i < ${MACS}; i++) tag = mac(MSG);
const t2 = performance.now();
console.log(JSON.stringify({ boot: t0, imported: ti - t0, first: t1 - t0, tenk: t2 - t0, tag: Buffer.from(tag).toString('hex') }));
`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export async function coldStart(runs: number, log: (line: string) => void): Promise<ColdStartRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'wasmac-cold-'));
  try {
    // The package's built entries, as Node loads them from node_modules (`npm run bench` builds first).
    const wasmacUrl = (file: string): string => JSON.stringify(pathToFileURL(join(ROOT, 'dist', file)).href);
    const require = createRequire(import.meta.url);
    const hwPkg = require.resolve('hash-wasm/package.json');
    const hwModule = (JSON.parse(readFileSync(hwPkg, 'utf8')) as { module: string }).module;
    const hashWasmUrl = pathToFileURL(join(dirname(hwPkg), hwModule)).href;

    const impls: Record<string, string> = {
      [COLD_ENGINE]: `const { HmacKey } = await import(${wasmacUrl('engine.node.js')});
const ti = performance.now();
const key = new HmacKey('sha256', KEY);
const mac = (m) => key.mac(m);`,
      [COLD_MAIN]: `const { HmacKey } = await import(${wasmacUrl('index.node.js')});
const ti = performance.now();
const key = new HmacKey('sha256', KEY);
const mac = (m) => key.mac(m);`,
      [COLD_NODE]: `const { createHmac } = await import('node:crypto');
const ti = performance.now();
const mac = (m) => createHmac('sha256', KEY).update(m).digest();`,
      'hash-wasm createHMAC': `const { createHMAC, createSHA256 } = await import(${JSON.stringify(hashWasmUrl)});
const ti = performance.now();
const h = await createHMAC(createSHA256(), KEY);
const mac = (m) => { h.init(); h.update(m); return h.digest('binary'); };`,
    };
    const names = Object.keys(impls);
    for (const name of names) writeFileSync(join(dir, `${names.indexOf(name)}.mjs`), script(impls[name]!));
    const want = createHmac('sha256', keyFor('sha256')).update(bytes(32, 32)).digest('hex');

    const samples = new Map<string, Sample[]>(names.map((n) => [n, []]));
    const wholes = new Map<string, number[]>(names.map((n) => [n, []]));
    const exec = promisify(execFile);
    for (let r = 0; r < runs; r++) {
      for (let j = 0; j < names.length; j++) {
        const name = names[(r + j) % names.length]!;
        const file = join(dir, `${names.indexOf(name)}.mjs`);
        const { stdout } = await exec(process.execPath, [file], { cwd: dir });
        const s = JSON.parse(stdout) as Sample;
        if (s.tag !== want) throw new Error(`cold start ${name}: tag ${s.tag} differs from node:crypto's ${want}`);
        samples.get(name)!.push(s);
        const t0 = performance.now();
        await exec(process.execPath, [file], { cwd: dir, env: { ...process.env, WASMAC_COLD_FIRST_ONLY: '1', WASMAC_COLD_WANT: want } });
        wholes.get(name)!.push(performance.now() - t0);
      }
    }
    const rows = names.map((impl): ColdStartRow => {
      const ss = samples.get(impl)!;
      const ws = wholes.get(impl)!;
      return {
        impl,
        imported: median(ss.map((s) => s.imported)),
        firstMac: median(ss.map((s) => s.first)),
        firstMacRuns: ss.map((s) => s.first),
        tenThousand: median(ss.map((s) => s.tenk)),
        boot: median(ss.map((s) => s.boot)),
        whole: median(ws),
        wholeRuns: ws,
        runs: ss.length,
      };
    });
    for (const row of rows) log(`${row.impl.padEnd(26)} import ${row.imported.toFixed(2).padStart(7)} ms   first MAC ${row.firstMac.toFixed(2).padStart(7)} ms   ${MACS} MACs ${row.tenThousand.toFixed(2).padStart(7)} ms   whole process ${row.whole.toFixed(1).padStart(6)} ms   (node boot ${row.boot.toFixed(1)} ms)`);
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const cli = parseArgs(process.argv.slice(2));
  await coldStart(cli.quick ? 3 : 11, (l) => console.log(l));
}
