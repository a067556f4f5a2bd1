/**
 * Which key store the CLI opens: the file store of `--data-dir` (the
 * default), or a PostgreSQL store named by `--store postgres://...` or
 * `WASMAC_STORE`; the two are exclusive. `wasmac serve --workers N` runs N
 * processes on one port with `node:cluster`, on a shared store only.
 */
import cluster from 'node:cluster';
import type { KeyStore } from '../kms/key-store.js';
import { KeyStoreError } from './errors.js';
import { FileKeyStore } from './file-store.js';
import { PostgresKeyStore, redactUrl } from './pg-store.js';

/** Where the keys are: a directory, or a PostgreSQL URL. */
export type StoreChoice = { kind: 'file'; dataDir: string } | { kind: 'postgres'; url: string };

/**
 * The store the options and environment name. `dataDirFlag` and `storeFlag`
 * are the command line's; a flag beats the other's environment variable, and
 * both flags (or both variables without a flag) are refused.
 */
export function chooseStore(dataDirFlag: string | undefined, storeFlag: string | undefined, env: NodeJS.ProcessEnv, defaultDir: string): StoreChoice | string {
  if (dataDirFlag !== undefined && storeFlag !== undefined) {
    return '--data-dir and --store are exclusive: --data-dir <dir> is a file store, --store postgres://... a PostgreSQL one';
  }
  const envStore = env.WASMAC_STORE || undefined;
  const envDir = env.WASMAC_DATA_DIR || undefined;
  let url = storeFlag;
  if (url === undefined && dataDirFlag === undefined) {
    if (envStore !== undefined && envDir !== undefined) return 'WASMAC_STORE and WASMAC_DATA_DIR are exclusive: unset one of them';
    url = envStore;
  }
  if (url === undefined) return { kind: 'file', dataDir: dataDirFlag ?? envDir ?? defaultDir };
  if (!/^postgres(ql)?:\/\/[^/\s]+\/[^/\s?]+(\?\S*)?$/.test(url)) {
    return `--store: '${redactUrl(url)}' is not a PostgreSQL URL like postgres://user@host:5432/database (a file store is --data-dir <dir>)`;
  }
  return { kind: 'postgres', url };
}

/** An open store and what the banner says of it. */
export interface OpenStore {
  readonly store: KeyStore;
  /** `key store <where>: N key(s), material ...` */
  describe(): Promise<string>;
  close(): Promise<void>;
}

/** Opens the chosen store; a database that cannot be reached is a {@link KeyStoreError} naming it. */
export async function openStore(choice: StoreChoice, masterKey: Uint8Array | undefined): Promise<OpenStore> {
  const options = masterKey === undefined ? {} : { masterKey };
  const material = (encrypted: boolean) =>
    encrypted ? 'encrypted (AES-256-GCM, WASMAC_MASTER_KEY)' : 'NOT encrypted at rest (set WASMAC_MASTER_KEY to encrypt)';
  if (choice.kind === 'file') {
    const store = await FileKeyStore.open(choice.dataDir, options);
    return {
      store,
      describe: async () => `key store ${choice.dataDir}: ${store.size} key(s), material ${material(store.encrypted)}`,
      close: () => store.close(),
    };
  }
  const store = await PostgresKeyStore.open(choice.url, options);
  return {
    store,
    describe: async () => `key store ${redactUrl(choice.url)} (PostgreSQL, shared): ${(await store.scan()).length} key(s), material ${material(masterKey !== undefined)}`,
    close: () => store.close(),
  };
}

/** Whether this process is a worker that `--workers` started. */
export function isClusterWorker(): boolean {
  return cluster.isWorker;
}

/** A worker that has stopped serving closes its channel to the primary, which otherwise keeps it alive. */
export function leaveCluster(): void {
  if (cluster.isWorker) cluster.worker?.disconnect();
}

/**
 * The primary of `wasmac serve --workers N`: forks N workers running `args`
 * (the same command line without `--workers`), each serving on the one port,
 * replaces a worker that dies, and on `stop` asks every worker to finish its
 * requests and waits for them. Resolves once all listen.
 */
export async function startWorkers(n: number, args: string[], log: (line: string) => void): Promise<{ pids: number[]; url: string; stop(signal: string): Promise<void> }> {
  cluster.setupPrimary({ args, silent: false });
  let stopping = false;
  let url = '';
  const listening = (worker: ReturnType<typeof cluster.fork>) =>
    new Promise<void>((resolve, reject) => {
      worker.once('listening', (address) => {
        const host = address.address === '0.0.0.0' || address.address === null ? '127.0.0.1' : address.address;
        url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
        resolve();
      });
      worker.once('exit', (code) => reject(new KeyStoreError(`a worker (pid ${worker.process.pid}) exited with code ${code} before it listened`)));
    });
  // Replacements of workers that died before they listened (the store is
  // unreachable, say) are spaced out, doubling up to 30 s, instead of a fork loop.
  let failedStarts = 0;
  const fork = () => {
    const worker = cluster.fork();
    let listened = false;
    worker.once('listening', () => {
      listened = true;
      failedStarts = 0;
    });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      const delay = listened ? 0 : Math.min(30_000, 500 * 2 ** failedStarts++);
      log(`worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another${delay > 0 ? ` in ${delay / 1000} s` : ''}`);
      const timer = setTimeout(() => stopping || fork(), delay);
      timer.unref?.();
    });
    return worker;
  };
  const workers = Array.from({ length: n }, fork);
  try {
    await Promise.all(workers.map(listening));
  } catch (err) {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    throw err;
  }
  return {
    pids: workers.map((w) => w.process.pid!),
    url,
    async stop(signal: string) {
      stopping = true;
      const alive = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
      await Promise.all(
        alive.map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w!.isDead()) return resolve();
              w!.once('exit', () => resolve());
              w!.process.kill(signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
            }),
        ),
      );
    },
  };
}
