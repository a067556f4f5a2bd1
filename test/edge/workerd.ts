/**
 * examples/cloudflare-kms under workerd, as the edge suites run it: the
 * example bundled with esbuild under the `workerd` condition (the core's
 * `.wasm` files left as modules, as wrangler does), its own config.capnp
 * with the Durable Object folder and the socket overridden (`-d`, `-s`), the
 * port read from workerd's control fd. One process per data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BIN, bundle, ROOT, type Bundle } from '../runtimes/harness.js';

/** Secrets the suites give the Worker (the master key is 32 bytes of base64). */
export const TEST_ENV = {
  KMS_MASTER_KEY: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
  KMS_CREDENTIALS: JSON.stringify([
    { accessKeyId: 'test', secretAccessKey: 'test' },
    { accessKeyId: 'AKIDOTHER', secretAccessKey: 'other-secret', accountId: '444455556666' },
  ]),
};

/** Fails loudly when the binary is missing: the suite then counts as failed, never as passed. */
export function requireWorkerd(): void {
  if (!existsSync(BIN.workerd)) throw new Error(`workerd is not installed (${BIN.workerd}): run npm ci; this suite needs it and counts as failed without it`);
}

function wasmImports(b: Bundle): string[] {
  const imports = Object.values(b.metafile.outputs).flatMap((o) => o.imports);
  return [...new Set(imports.filter((i) => i.external && i.path.endsWith('.wasm')).map((i) => basename(i.path)))];
}

/**
 * Builds `entry` (default: the example) into `dir/dist/worker.js` with its
 * `.wasm` modules and copies the example's config.capnp to `dir`.
 */
export async function buildExample(dir: string, entry: { file: string } | { contents: string } = { file: 'examples/cloudflare-kms/src/index.js' }): Promise<void> {
  requireWorkerd();
  const b = await bundle(entry, { conditions: ['workerd', 'worker'], external: ['*.wasm'] });
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'dist/worker.js'), b.code);
  for (const w of wasmImports(b)) copyFileSync(join(ROOT, 'dist', w), join(dir, 'dist', w));
  copyFileSync(join(ROOT, 'examples/cloudflare-kms/config.capnp'), join(dir, 'config.capnp'));
}

export interface Workerd {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything workerd printed. */
  log(): string;
  /** SIGTERM (or `signal`), then waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts workerd on `dir/config.capnp` with Durable Objects in `dataDir`; resolves once it listens. */
export function startWorkerd(dir: string, dataDir: string, env: Record<string, string> = TEST_ENV): Promise<Workerd> {
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(BIN.workerd, ['serve', 'config.capnp', '-d', `do-disk=${dataDir}`, '-s', 'http=127.0.0.1:0', '--control-fd', '3'], {
    cwd: dir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (log += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (log += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, signal);
    const timer = setTimeout(() => child.exitCode === null && child.signalCode === null && child.pid !== undefined && process.kill(child.pid, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`workerd did not listen within 20 s\n${log}`));
    }, 20_000);
    let control = '';
    (child.stdio[3] as NodeJS.ReadableStream).setEncoding('utf8');
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d: string) => {
      control += d;
      for (const line of control.split('\n')) {
        if (!line.startsWith('{')) continue;
        const event = JSON.parse(line) as { event?: string; socket?: string; port?: number };
        if (event.event === 'listen' && event.socket === 'http') {
          clearTimeout(timer);
          resolve({ url: `http://127.0.0.1:${event.port}`, child, log: () => log, stop });
          return;
        }
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`workerd exited (${code ?? signal}) before listening\n${log}`));
    });
  });
}
