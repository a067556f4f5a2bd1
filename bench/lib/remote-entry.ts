/**
 * The suite's entry in Deno, Bun and the browser, bundled by esbuild
 * (`bench/runtimes.ts`) from `remote-node.ts` (Deno and Bun: the package's
 * `node` entry) or `remote-browser.ts` (the main entry). Deno and Bun print
 * progress to stderr and the result as one `@@RESULT <json>` line on stdout;
 * a browser page hands both to the `__benchReport` function that the driver
 * exposes.
 */
import { parseArgs, timing } from './options.js';
import { runSuite, type Api } from './suite.js';
import type { RuntimeName } from './types.js';

interface DenoGlobal {
  args: string[];
  version: { deno: string; v8: string };
}
interface BunGlobal {
  version: string;
  revision: string;
}
type Report = (kind: 'log' | 'result' | 'error', text: string) => Promise<void>;

interface Globals {
  Deno?: DenoGlobal;
  Bun?: BunGlobal;
  process?: { argv: string[] };
  __benchReport?: Report;
  location?: { search: string };
}
const g: Globals = globalThis;

function where(): { runtime: RuntimeName; version: string; args: string[] } {
  if (g.Deno !== undefined) return { runtime: 'deno', version: `Deno ${g.Deno.version.deno}, V8 ${g.Deno.version.v8}`, args: g.Deno.args };
  if (g.Bun !== undefined) return { runtime: 'bun', version: `Bun ${g.Bun.version} (${g.Bun.revision.slice(0, 9)}), JavaScriptCore`, args: g.process?.argv.slice(2) ?? [] };
  const params = new URLSearchParams(g.location?.search ?? '');
  const args = [...params.entries()].map(([k, v]) => (v === '' ? `--${k}` : `--${k}=${v}`));
  return { runtime: 'chromium', version: navigator.userAgent, args };
}

/** The 1-minute load average: node:os in Bun (and Deno, which allows it without a permission for loadavg). */
async function loadAverage(): Promise<(() => number | undefined) | undefined> {
  try {
    const specifier = 'node:os';
    const os = (await import(specifier)) as typeof import('node:os');
    os.loadavg();
    return () => os.loadavg()[0];
  } catch {
    return undefined;
  }
}

const here = where();
const browser = here.runtime === 'chromium';
const report: Report = browser
  ? (kind, text) => g.__benchReport!(kind, text)
  : async (kind, text) => {
      if (kind === 'result') console.log(`@@RESULT ${text}`);
      else console.error(text);
    };

/** Runs the suite against `api` and reports. */
export async function runRemoteEntry(api: Api): Promise<void> {
  try {
    const cli = parseArgs(here.args);
    const load = browser ? undefined : await loadAverage();
    const result = await runSuite(
      {
        runtime: here.runtime,
        version: here.version,
        only: cli.only,
        log: (line) => void report('log', line),
        now: () => performance.now(),
        ...(load === undefined ? {} : { load }),
        ...timing(cli.quick, browser),
      },
      api,
    );
    await report('result', JSON.stringify(result));
  } catch (e) {
    await report('error', e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e));
    if (!browser) throw e;
  }
}
