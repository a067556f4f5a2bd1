/**
 * The `wasmac` command line: `wasmac serve` (the endpoint), and local
 * commands shaped like `aws kms` that work on the data directory directly,
 * with no server: the AWS CLI's option names, its JSON output (4-space
 * indent, blobs in base64) and its exit codes (252 usage, 254 a service
 * error with `An error occurred (<Name>) when calling the <Op> operation:
 * <message>` on stderr, 255 anything else).
 */
import { readFileSync } from 'node:fs';
import { KMSClient } from '../kms/client.js';
import { commandOf } from '../kms/commands/index.js';
import { KMSServiceException } from '../kms/errors.js';
import { isAccountId } from '../kms/ids.js';
import { AWS_OPERATIONS } from '../kms/model/index.js';
import type { Operation } from '../kms/model/shape.js';
import { kebab, parseArgs, requestOf, take, takeFlag, UsageError, type Parsed } from './cli-args.js';
import { compileQuery, isOutputFormat, OUTPUT_FORMATS, QueryError, renderOutput } from './cli-output.js';
import { commandHelp, globalHelp, SERVE_HELP, STORE_HELP } from './cli-help.js';
import { loadCredentials, loadSeed } from './config.js';
import { exampleKey, type ExampleKey } from './example-key.js';
import { ConfigError, KeyStoreError } from './errors.js';
import { FileKeyStore, parseMasterKey } from './file-store.js';
import { applySeed, DEMO_SEED, type Seed } from '../kms/seed.js';
import { chooseStore, isClusterWorker, leaveCluster, openStore, startWorkers, type OpenStore, type StoreChoice } from './store-option.js';
import { REGION_NAME } from './sigv4.js';
import { DEFAULT_ACCOUNT_ID, DEFAULT_DATA_DIR, DEFAULT_HEADERS_TIMEOUT_MS, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_REGION, DEFAULT_REQUEST_TIMEOUT_MS, startServer, type KmsServer } from './server.js';

/** The local commands: every operation of the AWS API, by its kebab-case name. */
const OPERATION_OF_COMMAND: ReadonlyMap<string, Operation> = new Map(
  Object.values(AWS_OPERATIONS).map((op) => [kebab(op!.name), op!] as const),
);

/** Where the CLI writes, what it reads; replaceable in tests. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  /** `serve` resolves when this signal fires (default: SIGINT or SIGTERM). */
  waitForStop?: (server: KmsServer) => Promise<string>;
}

/** Exit codes of the AWS CLI v2. */
export const EXIT = { ok: 0, usage: 252, service: 254, other: 255 } as const;

/** AWS CLI v2's timestamp format: ISO 8601 with microseconds and an offset. */
function isoTimestamp(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');
}

function toCliJson(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value instanceof Date) return isoTimestamp(value);
  if (Array.isArray(value)) return value.map(toCliJson);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined && k !== '$metadata') out[k] = toCliJson(v);
    return out;
  }
  return value;
}

interface Common {
  /** The file store's directory (the default store), for `store encrypt`. */
  dataDir: string;
  store: StoreChoice;
  region: string;
  accountId: string;
  masterKey: Uint8Array | undefined;
}

function common(parsed: Parsed, env: NodeJS.ProcessEnv): Common {
  const store = chooseStore(take(parsed, 'data-dir'), take(parsed, 'store'), env, DEFAULT_DATA_DIR);
  if (typeof store === 'string') throw new UsageError(store);
  const dataDir = store.kind === 'file' ? store.dataDir : DEFAULT_DATA_DIR;
  const region = take(parsed, 'region') ?? (env.WASMAC_REGION || undefined) ?? DEFAULT_REGION;
  const accountId = take(parsed, 'account-id') ?? (env.WASMAC_ACCOUNT_ID || undefined) ?? DEFAULT_ACCOUNT_ID;
  if (!REGION_NAME.test(region)) throw new UsageError(`--region: '${region}' is not a region name like us-east-1`);
  if (!isAccountId(accountId)) throw new UsageError(`--account-id: must be 12 digits`);
  const masterKey = env.WASMAC_MASTER_KEY ? parseMasterKey(env.WASMAC_MASTER_KEY) : undefined;
  return { dataDir, store, region, accountId, masterKey };
}

async function runLocal(op: Operation, parsed: Parsed, io: CliIO): Promise<number> {
  const c = common(parsed, io.env);
  const query = take(parsed, 'query');
  const output = take(parsed, 'output') ?? (io.env.AWS_DEFAULT_OUTPUT || undefined) ?? 'json';
  if (!isOutputFormat(output)) throw new UsageError(`argument --output: Invalid choice '${output}', valid choices are: ${OUTPUT_FORMATS.join(' | ')}`);
  // A bad expression is refused before the operation runs (create-key must not create a key first).
  if (query !== undefined) await compileQuery(query);
  const input = requestOf(op, parsed);
  const opened = await openStore(c.store, c.masterKey);
  try {
    const client = new KMSClient({ region: c.region, accountId: c.accountId, keyStore: opened.store });
    const result = await client.send(new (commandOf(op))(input));
    const text = await renderOutput(toCliJson(result), { operation: op.name, query, output });
    if (text !== '') io.stdout(`${text}\n`);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof KMSServiceException) {
      // The store's own error (a wrong master key, a changed row) is the operator's to read, not "An internal error occurred".
      if (err.cause instanceof KeyStoreError) throw err.cause;
      const message = err.name === 'KMSInvalidMacException' ? '' : err.message;
      io.stderr(`\nAn error occurred (${err.name}) when calling the ${op.name} operation: ${message}\n`);
      return EXIT.service;
    }
    throw err;
  } finally {
    await opened.close();
  }
}

/** The banner's ready-to-paste examples for `key`, or how to make a key when the store has none. */
function examples(server: KmsServer, key: ExampleKey | undefined, ak: string, sk: string): string {
  const env = `AWS_ACCESS_KEY_ID=${ak} AWS_SECRET_ACCESS_KEY=${sk}`;
  if (key === undefined) {
    return `The store has no enabled HMAC key yet. Create one (or restart with --demo for alias/demo):
  ${env} aws kms create-key --endpoint-url ${server.url} \\
    --region ${server.region} --key-spec HMAC_256 --key-usage GENERATE_VERIFY_MAC
`;
  }
  return `AWS SDK for JavaScript v3 (with ${key.keyId}, a key of this store):
  import { KMSClient, GenerateMacCommand } from '@aws-sdk/client-kms';
  const kms = new KMSClient({ endpoint: '${server.url}', region: '${server.region}',
    credentials: { accessKeyId: '${ak}', secretAccessKey: '${sk}' } });
  const { Mac } = await kms.send(new GenerateMacCommand({ KeyId: '${key.keyId}',
    Message: new TextEncoder().encode('Hello World'), MacAlgorithm: '${key.macAlgorithm}' }));

AWS CLI:
  ${env} aws kms generate-mac --endpoint-url ${server.url} \\
    --region ${server.region} --key-id ${key.keyId} --mac-algorithm ${key.macAlgorithm} --message fileb://<(printf 'Hello World')
`;
}

function banner(server: KmsServer, storeLine: string | undefined, key: ExampleKey | undefined): string {
  const ak = server.defaultCredentials ? 'test' : server.credentials[0]!.accessKeyId;
  const sk = server.defaultCredentials ? 'test' : '<secret of that key>';
  const creds = server.defaultCredentials
    ? 'no credentials configured: accepting access key "test" with secret "test" (the local-emulator convention)'
    : `accepting ${server.credentials.length} access key(s): ${server.credentials.map((c) => c.accessKeyId).join(', ')}`;
  const store = storeLine === undefined ? '' : `  ${storeLine}\n`;
  const where = server.host === '0.0.0.0' || server.host === '::' ? ` (every interface: ${server.host} port ${server.port})` : '';
  return `wasmac KMS endpoint listening on ${server.url}${where}
  regions ${server.regions === undefined ? `every region (the request's SigV4 scope; default ${server.region})` : server.regions.join(', ')}, account ${server.accountId}
${store}  ${creds}

${examples(server, key, ak, sk)}
Ctrl-C stops the server (requests in flight are answered first).
`;
}

function defaultWaitForStop(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.off('disconnect', orphaned);
      resolve(signal);
    };
    // A worker of `--workers` whose primary is gone stops too.
    const orphaned = () => stop('disconnect');
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (isClusterWorker()) process.on('disconnect', orphaned);
  });
}

/** `serve`'s connection limits: flag -> option, and whether the flag is in seconds. */
const LIMIT_FLAGS = {
  'headers-timeout': ['headersTimeoutMs', true],
  'request-timeout': ['requestTimeoutMs', true],
  'keep-alive-timeout': ['keepAliveTimeoutMs', true],
  'max-connections': ['maxConnections', false],
} as const;

function serveLimits(parsed: Parsed): Partial<Record<(typeof LIMIT_FLAGS)[keyof typeof LIMIT_FLAGS][0], number>> {
  const out: Partial<Record<(typeof LIMIT_FLAGS)[keyof typeof LIMIT_FLAGS][0], number>> = {};
  for (const [flag, [option, seconds]] of Object.entries(LIMIT_FLAGS)) {
    const text = take(parsed, flag);
    if (text === undefined) continue;
    const ok = seconds ? /^\d+(\.\d{1,3})?$/.test(text) && Number(text) > 0 : /^[1-9]\d*$/.test(text);
    if (!ok) throw new UsageError(`--${flag}: '${text}' is not ${seconds ? 'a positive number of seconds' : 'a positive integer'}`);
    out[option] = seconds ? Math.round(Number(text) * 1000) : Number(text);
  }
  if ((out.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS) > (out.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS)) {
    throw new UsageError('--headers-timeout must not be longer than --request-timeout');
  }
  return out;
}


async function runStore(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === 'help' || rest.includes('--help')) {
    io.stdout(STORE_HELP);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  if (sub !== 'encrypt') throw new UsageError(`argument store: Invalid choice '${sub}' (wasmac store encrypt)`);
  const parsed = parseArgs(rest);
  for (const name of [...parsed.options.keys(), ...parsed.flags.keys()]) {
    if (name !== 'data-dir') throw new UsageError(`Unknown options: --${name}`);
  }
  const c = common(parsed, io.env);
  if (c.store.kind !== 'file') throw new UsageError('wasmac store encrypt works on a file store (--data-dir); a PostgreSQL store encrypts what it writes under WASMAC_MASTER_KEY');
  if (c.masterKey === undefined) throw new UsageError('wasmac store encrypt needs WASMAC_MASTER_KEY (32 bytes, e.g. from: openssl rand -base64 32)');
  const { converted, already } = await FileKeyStore.encryptStore(c.dataDir, c.masterKey);
  io.stdout(
    `key store ${c.dataDir}: ${converted.length} key file(s) encrypted and authenticated under WASMAC_MASTER_KEY` +
      `${converted.map((f) => `\n  ${f}`).join('')}\n${already} already were.\n`,
  );
  return EXIT.ok;
}

/** Whether `host` only accepts connections from this machine. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

async function runServe(parsed: Parsed, io: CliIO, argv: readonly string[]): Promise<number> {
  const c = common(parsed, io.env);
  const host = take(parsed, 'host') ?? DEFAULT_HOST;
  const portText = take(parsed, 'port') ?? (io.env.PORT || undefined) ?? String(DEFAULT_PORT);
  if (!/^\d+$/.test(portText) || Number(portText) > 65535) throw new UsageError(`--port: '${portText}' is not a port number`);
  const maxText = take(parsed, 'max-body-bytes');
  if (maxText !== undefined && !/^[1-9]\d*$/.test(maxText)) throw new UsageError(`--max-body-bytes: '${maxText}' is not a positive number`);
  const limits = serveLimits(parsed);
  const credentialsFile = take(parsed, 'credentials');
  const seedFile = take(parsed, 'seed');
  const demo = takeFlag(parsed, 'demo');
  const quiet = takeFlag(parsed, 'quiet');
  const regionsText = take(parsed, 'regions') ?? (io.env.WASMAC_REGIONS || undefined);
  const regions = regionsText === undefined ? undefined : regionsText.split(',').map((r) => r.trim()).filter((r) => r !== '');
  for (const r of regions ?? []) if (!REGION_NAME.test(r)) throw new UsageError(`--regions: '${r}' is not a region name like us-east-1`);
  if (regions !== undefined && !regions.includes(c.region)) throw new UsageError(`--regions: must include the default region '${c.region}' (--region)`);
  const workersText = take(parsed, 'workers');
  const unknown = [...parsed.options.keys(), ...parsed.flags.keys()];
  if (unknown.length > 0) throw new UsageError(`Unknown options: ${unknown.map((n) => `--${n}`).join(', ')}`);
  const workers = workersText === undefined ? 1 : Number(workersText);
  if (workersText !== undefined && (!/^\d+$/.test(workersText) || workers < 1 || workers > 64)) throw new UsageError(`--workers: '${workersText}' is not a number of processes (1 to 64)`);
  if (workers > 1 && c.store.kind === 'file') {
    throw new UsageError(
      '--workers needs a shared key store: the file store (--data-dir) belongs to one process, which locks its directory. ' +
        'Give a PostgreSQL store (--store postgres://user@host:port/db) to run several workers.',
    );
  }
  const credentials = loadCredentials(credentialsFile, io.env);
  const seed: Seed = { keys: [], aliases: [] };
  if (seedFile !== undefined) {
    const s = loadSeed(seedFile);
    seed.keys!.push(...(s.keys ?? []));
    seed.aliases!.push(...(s.aliases ?? []));
  }
  if (demo) seed.keys!.push(...DEMO_SEED.keys!);

  const opened = await openStore(c.store, c.masterKey);
  if (workers > 1) return runPrimary(opened, workers, seed, { region: c.region, accountId: c.accountId }, argv, io);
  const requestLog = lineBuffer(io.stdout);
  // Lines still buffered when the process ends some other way than a stop (an uncaught error,
  // process.exit) are written on the way out; a signal not handled here (SIGKILL, SIGHUP) loses
  // them (10 ms of lines at most). SIGHUP is left alone so that `nohup` keeps the server running.
  process.on('exit', requestLog.flush);
  let server: KmsServer;
  try {
    server = await startServer({
      host,
      port: Number(portText),
      region: c.region,
      ...(regions === undefined ? {} : { regions }),
      accountId: c.accountId,
      keyStore: opened.store,
      seed,
      ...(credentials === undefined ? {} : { credentials }),
      ...(maxText === undefined ? {} : { maxBodyBytes: Number(maxText) }),
      ...limits,
      ...(quiet ? {} : { log: requestLog.log }),
    });
  } catch (err) {
    process.off('exit', requestLog.flush);
    await opened.close();
    throw err;
  }
  // A worker of `--workers` says one line; its primary printed the banner.
  if (isClusterWorker()) io.stdout(`worker ${process.pid} listening on ${server.url}\n`);
  else {
    // The examples name a key that exists: alias/demo with --demo, else one of the store's own.
    const key = await exampleKey(new KMSClient({ region: c.region, accountId: c.accountId, keyStore: opened.store })).catch(() => undefined);
    let described: string;
    try {
      described = await opened.describe();
    } catch (err) {
      // A store that cannot be read (a wrong master key, say): stop, rather than hold the port with nothing to serve.
      process.off('exit', requestLog.flush);
      await server.close();
      await opened.close();
      throw err;
    }
    io.stdout(banner(server, described, key));
  }
  if (server.defaultCredentials && !isLoopback(host) && !isClusterWorker()) {
    io.stderr(
      `WARNING: listening on ${host} with the default credentials test/test: anyone who can reach port ${server.port} ` +
        'can use and change the keys. Give credentials of your own (--credentials, or WASMAC_ACCESS_KEY_ID and ' +
        'WASMAC_SECRET_ACCESS_KEY), or listen on 127.0.0.1.\n',
    );
  }
  const signal = await (io.waitForStop ?? defaultWaitForStop)(server);
  requestLog.flush();
  io.stdout(`${signal}: stopping; answering the requests in flight\n`);
  await server.close();
  requestLog.flush();
  process.off('exit', requestLog.flush);
  await opened.close();
  io.stdout('stopped\n');
  leaveCluster();
  return EXIT.ok;
}

/**
 * `serve --workers N`: seeds the store once, forks N workers (the same
 * command line without `--workers`, `--seed`, `--demo`) that share the port,
 * and stops them on SIGINT / SIGTERM after their requests in flight.
 */
async function runPrimary(opened: OpenStore, n: number, seed: Seed, where: { region: string; accountId: string }, argv: readonly string[], io: CliIO): Promise<number> {
  let storeLine: string;
  try {
    if ((seed.keys?.length ?? 0) + (seed.aliases?.length ?? 0) > 0) await applySeed(opened.store, seed, where);
    storeLine = await opened.describe();
  } finally {
    await opened.close();
  }
  const args: string[] = ['serve'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = arg.split('=')[0];
    if (name === '--demo') continue;
    if (name === '--workers' || name === '--seed') {
      if (!arg.includes('=')) i++;
      continue;
    }
    args.push(arg);
  }
  const pool = await startWorkers(n, args, (line) => io.stdout(`${line}\n`));
  io.stdout(`wasmac KMS endpoint: ${n} workers (pids ${pool.pids.join(', ')}) on ${pool.url}\n  region ${where.region}, account ${where.accountId}\n  ${storeLine}\n`);
  const signal = await (io.waitForStop ?? defaultWaitForStop)(undefined as unknown as KmsServer);
  io.stdout(`${signal}: stopping the workers; they answer the requests in flight\n`);
  await pool.stop(signal);
  io.stdout('stopped\n');
  return EXIT.ok;
}

/**
 * The request log, written a batch of lines at a time: every 10 ms (or
 * sooner past 64 KiB), at shutdown, and when the process exits otherwise
 * (an uncaught error). Writes to a pipe or file are synchronous in Node on
 * Linux, and under load a write per request cost more than the rest of the
 * request. Only a signal that ends the process without Node's 'exit'
 * (SIGKILL, or SIGHUP, which `serve` does not handle) loses lines: the last
 * 10 ms at most.
 */
function lineBuffer(write: (text: string) => void): { log: (line: string) => void; flush: () => void } {
  let pending = '';
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (pending === '') return;
    const text = pending;
    pending = '';
    write(text);
  };
  return {
    log(line: string): void {
      pending += `${line}\n`;
      if (pending.length > 65536) flush();
      else if (!scheduled) {
        scheduled = true;
        setTimeout(flush, 10).unref();
      }
    },
    flush,
  };
}

/** The usage lines of `command` (a subcommand's own when it is one), as the AWS CLI prints them before a usage error. */
function usageOf(command: string | undefined): string {
  const known = command === 'serve' || command === 'store' || (command !== undefined && OPERATION_OF_COMMAND.has(command));
  if (!known) return 'usage: wasmac <command> [options]\nTo see the commands: wasmac --help\n';
  const usage = command === 'store' ? 'wasmac store encrypt [--data-dir <dir>]' : `wasmac ${command} [options]`;
  return `usage: ${usage}\nTo see its options: wasmac ${command} --help\n`;
}

/**
 * Runs one `wasmac` invocation; resolves to the exit code.
 * @example
 * process.exitCode = await runCli(process.argv.slice(2));
 */
export async function runCli(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === 'help' || command === '-h') {
      io.stdout(globalHelp(Object.values(AWS_OPERATIONS) as Operation[]));
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === '--version') {
      const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
      io.stdout(`wasmac ${pkg.version}\n`);
      return EXIT.ok;
    }
    if (command === 'store') return await runStore(rest, io);
    const wantsHelp = rest.includes('--help') || rest[0] === 'help' || rest[0] === '-h';
    if (command === 'serve') {
      if (wantsHelp) {
        io.stdout(SERVE_HELP);
        return EXIT.ok;
      }
      try {
        return await runServe(parseArgs(rest), io, rest);
      } catch (err) {
        // A worker that cannot serve (its store unreachable, say) must exit, so
        // that its primary replaces it; the channel to the primary keeps it alive.
        leaveCluster();
        throw err;
      }
    }
    const op = OPERATION_OF_COMMAND.get(command);
    if (op === undefined) throw new UsageError(`argument command: Invalid choice '${command}' (wasmac --help lists the commands)`);
    if (wantsHelp) {
      io.stdout(commandHelp(op));
      return EXIT.ok;
    }
    return await runLocal(op, parseArgs(rest), io);
  } catch (err) {
    if (err instanceof UsageError || err instanceof QueryError) {
      io.stderr(`${usageOf(command)}wasmac: error: ${err.message}\n`);
      return EXIT.usage;
    }
    if (err instanceof KeyStoreError || err instanceof ConfigError) {
      io.stderr(`wasmac: ${err.message}\n`);
      return EXIT.other;
    }
    const e = err as NodeJS.ErrnoException;
    io.stderr(`wasmac: ${e?.code === 'EADDRINUSE' ? `the port is in use (${e.message}); pick another with --port` : `${e?.name ?? 'Error'}: ${e?.message ?? String(err)}`}\n`);
    return EXIT.other;
  }
}

function defaultIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
  };
}
