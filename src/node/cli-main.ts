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
import { COMMANDS } from '../kms/commands/index.js';
import { KMSServiceException } from '../kms/errors.js';
import { loadCredentials, loadSeed } from './config.js';
import { KeyStoreError } from './errors.js';
import { FileKeyStore, parseMasterKey } from './file-store.js';
import { DEMO_SEED, type Seed } from './seed.js';
import {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_DATA_DIR,
  DEFAULT_HOST,
  DEFAULT_HEADERS_TIMEOUT_MS,
  DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_CONNECTIONS,
  DEFAULT_PORT,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_REGION,
  startServer,
  type KmsServer,
} from './server.js';
import { OPERATIONS } from '../kms/model/index.js';

const membersOf = (kind: string): Set<string> => new Set(OPERATIONS.flatMap((op) => Object.keys(op.input).filter((n) => op.input[n]!.kind === kind)));
const BLOB_MEMBERS = membersOf('blob');
const TIMESTAMP_MEMBERS = membersOf('timestamp');

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

class UsageError extends Error {}

const TEXT_BLOBS = new Set(['Message', 'Plaintext']);
const BOOLEANS = new Set(['DryRun', 'MultiRegion', 'BypassPolicyLockoutSafetyCheck']);
const INTEGERS = new Set(['Limit', 'PendingWindowInDays', 'RotationPeriodInDays', 'NumberOfBytes']);
const STRING_LISTS = new Set(['GrantTokens', 'Operations', 'TagKeys']);
const JSON_MEMBERS = new Set(['Constraints', 'EncryptionContext', 'Tags']);

interface OptionDoc {
  member: string;
  required?: boolean;
  text: string;
}

interface CommandDoc {
  summary: string;
  options: OptionDoc[];
}

const KEY_ID_ANY = 'Key ID, key ARN, alias name (alias/...) or alias ARN.';
const KEY_ID_OR_ARN = 'Key ID or key ARN.';
const GRANT_TOKENS = { member: 'GrantTokens', text: 'Grant tokens, separated by spaces.' };
const DRY_RUN = { member: 'DryRun', text: 'Check the request without running it (--dry-run | --no-dry-run).' };

/** Help of the documented local commands (any other facade operation works too, with the same conventions). */
const DOCS: Record<string, CommandDoc> = {
  CreateKey: {
    summary: 'Creates an HMAC key (or a metadata-only key of another spec).',
    options: [
      { member: 'KeySpec', text: 'HMAC_224 | HMAC_256 | HMAC_384 | HMAC_512 (other specs: metadata only).' },
      { member: 'KeyUsage', text: 'GENERATE_VERIFY_MAC for HMAC keys (required for them, as in KMS).' },
      { member: 'Description', text: 'Free text, up to 8192 characters.' },
      { member: 'Tags', text: 'TagKey=k,TagValue=v [TagKey=...], or JSON.' },
      { member: 'Origin', text: 'AWS_KMS (default) | EXTERNAL.' },
      { member: 'MultiRegion', text: 'A multi-Region key (mrk-...) (--multi-region | --no-multi-region).' },
    ],
  },
  DescribeKey: {
    summary: 'Shows the metadata of a key.',
    options: [{ member: 'KeyId', required: true, text: KEY_ID_ANY }, GRANT_TOKENS],
  },
  ListKeys: {
    summary: 'Lists the keys of the account and region.',
    options: [
      { member: 'Limit', text: 'At most this many keys (1-1000).' },
      { member: 'Marker', text: 'NextMarker of an earlier, truncated answer.' },
    ],
  },
  CreateAlias: {
    summary: 'Gives a key a friendly name.',
    options: [
      { member: 'AliasName', required: true, text: 'alias/<name>: letters, digits, :/_- (not alias/aws/).' },
      { member: 'TargetKeyId', required: true, text: KEY_ID_OR_ARN },
    ],
  },
  GenerateMac: {
    summary: 'Computes the HMAC of a message.',
    options: [
      { member: 'KeyId', required: true, text: KEY_ID_ANY },
      { member: 'Message', required: true, text: 'The message: text (UTF-8), or fileb://<path> for the bytes of a file.' },
      { member: 'MacAlgorithm', required: true, text: "HMAC_SHA_224 | HMAC_SHA_256 | HMAC_SHA_384 | HMAC_SHA_512 (the key's)." },
      GRANT_TOKENS,
      DRY_RUN,
    ],
  },
  VerifyMac: {
    summary: 'Checks an HMAC; fails with KMSInvalidMacException when it does not match.',
    options: [
      { member: 'KeyId', required: true, text: KEY_ID_ANY },
      { member: 'Message', required: true, text: 'The message: text (UTF-8), or fileb://<path> for the bytes of a file.' },
      { member: 'MacAlgorithm', required: true, text: 'HMAC_SHA_224 | HMAC_SHA_256 | HMAC_SHA_384 | HMAC_SHA_512.' },
      { member: 'Mac', required: true, text: 'The MAC: base64 (as generate-mac prints it), or fileb://<path>.' },
      GRANT_TOKENS,
      DRY_RUN,
    ],
  },
  EnableKey: { summary: 'Enables a disabled key.', options: [{ member: 'KeyId', required: true, text: KEY_ID_OR_ARN }] },
  DisableKey: { summary: 'Disables a key: MAC operations fail until it is enabled.', options: [{ member: 'KeyId', required: true, text: KEY_ID_OR_ARN }] },
  GetParametersForImport: {
    summary: 'Gets a wrapping public key and an import token for an EXTERNAL key.',
    options: [
      { member: 'KeyId', required: true, text: KEY_ID_OR_ARN },
      { member: 'WrappingAlgorithm', required: true, text: 'RSAES_OAEP_SHA_1 | RSAES_OAEP_SHA_256.' },
      { member: 'WrappingKeySpec', required: true, text: 'RSA_2048 | RSA_3072 | RSA_4096.' },
    ],
  },
  ImportKeyMaterial: {
    summary: 'Imports wrapped HMAC material into an EXTERNAL key.',
    options: [
      { member: 'KeyId', required: true, text: KEY_ID_OR_ARN },
      { member: 'ImportToken', required: true, text: 'The import token: base64, or fileb://<path>.' },
      { member: 'EncryptedKeyMaterial', required: true, text: 'The wrapped material: base64, or fileb://<path>.' },
      { member: 'ExpirationModel', text: 'KEY_MATERIAL_EXPIRES (default; needs --valid-to) | KEY_MATERIAL_DOES_NOT_EXPIRE.' },
      { member: 'ValidTo', text: 'When the material expires: ISO 8601 or epoch seconds, at most 365 days ahead.' },
    ],
  },
  ScheduleKeyDeletion: {
    summary: 'Schedules a key for deletion after a waiting period.',
    options: [
      { member: 'KeyId', required: true, text: KEY_ID_OR_ARN },
      { member: 'PendingWindowInDays', text: 'Days before deletion, 7-30 (default 30).' },
    ],
  },
};

/** `generate-mac` -> `GenerateMac`. */
function operationOf(command: string): string {
  return command
    .split('-')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

/** `GenerateMac` -> `generate-mac`, `KeyId` -> `key-id`. */
function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

const GLOBAL_HELP = `usage: wasmac <command> [options]

A local KMS for HMAC keys: the endpoint, and aws-kms-shaped commands on the key store.

Commands:
  serve                   Run the KMS endpoint (AWS JSON 1.1, SigV4) for the AWS SDKs and CLI.
  store encrypt           Encrypt and authenticate a key store under WASMAC_MASTER_KEY (once).
${Object.keys(DOCS)
  .map((op) => `  ${`${kebab(op)} `.padEnd(24)}${DOCS[op]!.summary}`)
  .join('\n')}
  (and every other operation of the facade, in kebab-case)

Options of every local command:
  --data-dir <dir>        The key store (default ./${DEFAULT_DATA_DIR}, or WASMAC_DATA_DIR).
  --region <region>       Region of the keys (default ${DEFAULT_REGION}, or WASMAC_REGION).
  --account-id <id>       Account of the keys (default ${DEFAULT_ACCOUNT_ID}, or WASMAC_ACCOUNT_ID).
  --help                  Help of the command.

Key material is stored unencrypted unless WASMAC_MASTER_KEY holds a 32-byte key
(64 hex digits or base64, e.g. from: openssl rand -base64 32).
Exit codes: 0 success, 252 usage error, 254 the service refused, 255 other failure.
`;

const SERVE_HELP = `usage: wasmac serve [options]

Runs a KMS endpoint that @aws-sdk/client-kms, boto3 and the AWS CLI talk to.

Options:
  --host <address>        Address to listen on (default ${DEFAULT_HOST}; 0.0.0.0 for every interface).
  --port <port>           Port (default PORT or ${DEFAULT_PORT}).
  --data-dir <dir>        The key store (default ./${DEFAULT_DATA_DIR}, or WASMAC_DATA_DIR).
  --region <region>       Region served (default ${DEFAULT_REGION}, or WASMAC_REGION).
  --account-id <id>       Account of the callers (default ${DEFAULT_ACCOUNT_ID}, or WASMAC_ACCOUNT_ID).
  --credentials <file>    Accepted access keys: JSON {"credentials":[{"accessKeyId","secretAccessKey","accountId"?}]}
                          or an AWS CLI credentials file. Also WASMAC_ACCESS_KEY_ID / WASMAC_SECRET_ACCESS_KEY.
                          With none, access key "test" with secret "test" is accepted.
  --seed <file>           Keys and aliases to add on start (JSON; see the README).
  --demo                  Add the demo key (HMAC_384, alias/demo) on first start.
  --max-body-bytes <n>    Largest request body (default ${DEFAULT_MAX_BODY_BYTES}).
  --headers-timeout <s>   Seconds to receive a request's headers (default ${DEFAULT_HEADERS_TIMEOUT_MS / 1000}); then 408.
  --request-timeout <s>   Seconds to receive a whole request (default ${DEFAULT_REQUEST_TIMEOUT_MS / 1000}); then 408.
  --keep-alive-timeout <s>  Seconds an idle keep-alive connection stays open (default ${DEFAULT_KEEP_ALIVE_TIMEOUT_MS / 1000}).
  --max-connections <n>   Open connections at most; more are closed as they arrive (default ${DEFAULT_MAX_CONNECTIONS}).
  --quiet                 No line per request.
  --help                  This help.

Environment: WASMAC_MASTER_KEY (32 bytes, hex or base64) encrypts key material at rest.
SIGINT / SIGTERM stop the server after the requests in flight are answered.
`;

function commandHelp(op: string): string {
  const doc = DOCS[op];
  const options = doc?.options ?? [];
  const lines = options.map((o) => `  --${kebab(o.member)} <value> `.padEnd(30) + `${o.required ? '(required) ' : ''}${o.text}`);
  return `usage: wasmac ${kebab(op)} [options]

${doc?.summary ?? `The KMS ${op} operation, on the local key store.`}

Options:
${lines.length > 0 ? `${lines.join('\n')}\n` : ''}${doc === undefined ? '  --<member-in-kebab-case> <value>   every request member of the operation\n' : ''}  --data-dir, --region, --account-id   as for every local command (wasmac --help)
  --help                        This help.

Prints the response as JSON, as aws kms ${kebab(op)} does.
`;
}

interface Parsed {
  options: Map<string, string[]>;
  flags: Map<string, boolean>;
}

/** `--name value`, `--name=value`, `--flag`, `--no-flag`, and lists `--name a b c`. */
function parseArgs(args: string[]): Parsed {
  const options = new Map<string, string[]>();
  const flags = new Map<string, boolean>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`Unknown argument: ${arg}`);
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    if (name === '') throw new UsageError(`Unknown argument: ${arg}`);
    if (eq >= 0) {
      options.set(name, [arg.slice(eq + 1)]);
      continue;
    }
    const values: string[] = [];
    while (i + 1 < args.length && !args[i + 1]!.startsWith('--')) values.push(args[++i]!);
    if (values.length === 0) flags.set(name, true);
    else options.set(name, values);
  }
  return { options, flags };
}

function single(parsed: Parsed, name: string): string | undefined {
  const v = parsed.options.get(name);
  if (v === undefined) {
    if (parsed.flags.has(name)) throw new UsageError(`argument --${name}: expected one argument`);
    return undefined;
  }
  if (v.length !== 1) throw new UsageError(`argument --${name}: expected one argument, got ${v.length}`);
  return v[0];
}

function readFileArg(path: string, name: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new UsageError(`Error parsing parameter '--${name}': Unable to load paramfile ${path}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
}

function blobArg(member: string, value: string): Uint8Array {
  const name = kebab(member);
  if (value.startsWith('fileb://')) return new Uint8Array(readFileArg(value.slice(8), name));
  const text = value.startsWith('file://') ? readFileArg(value.slice(7), name).toString('utf8') : value;
  if (TEXT_BLOBS.has(member)) return new TextEncoder().encode(text);
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    throw new UsageError(`Error parsing parameter '--${name}': expected base64 or fileb://<path>`);
  }
  return new Uint8Array(Buffer.from(text, 'base64'));
}

function tagsArg(values: string[], name: string): unknown {
  if (values.length === 1 && /^\s*[[{]/.test(values[0]!)) return JSON.parse(values[0]!);
  return values.map((v) => {
    const tag: Record<string, string> = {};
    for (const part of v.split(',')) {
      const eq = part.indexOf('=');
      if (eq < 0) throw new UsageError(`Error parsing parameter '--${name}': expected TagKey=k,TagValue=v`);
      tag[part.slice(0, eq)] = part.slice(eq + 1);
    }
    return tag;
  });
}

/** Builds the request of `op` from the command's own options. */
function requestOf(op: string, parsed: Parsed): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const names = new Set([...parsed.options.keys(), ...parsed.flags.keys()]);
  for (const name of names) {
    if (name.startsWith('no-') && parsed.flags.has(name)) {
      const member = operationOf(name.slice(3));
      if (!BOOLEANS.has(member)) throw new UsageError(`Unknown options: --${name}`);
      input[member] = false;
      continue;
    }
    const member = operationOf(name);
    if (BOOLEANS.has(member)) {
      if (!parsed.flags.has(name)) throw new UsageError(`argument --${name}: a flag takes no value (--${name} | --no-${name})`);
      input[member] = true;
    } else if (STRING_LISTS.has(member)) {
      const v = parsed.options.get(name);
      if (v === undefined) throw new UsageError(`argument --${name}: expected at least one argument`);
      input[member] = v;
    } else if (JSON_MEMBERS.has(member)) {
      const v = parsed.options.get(name);
      if (v === undefined) throw new UsageError(`argument --${name}: expected at least one argument`);
      try {
        input[member] = member === 'Tags' ? tagsArg(v, name) : JSON.parse(v.join(' '));
      } catch (err) {
        if (err instanceof UsageError) throw err;
        throw new UsageError(`Error parsing parameter '--${name}': Invalid JSON`);
      }
    } else {
      const v = single(parsed, name)!;
      if (BLOB_MEMBERS.has(member)) input[member] = blobArg(member, v);
      else if (INTEGERS.has(member)) {
        if (!/^-?\d+$/.test(v)) throw new UsageError(`argument --${name}: invalid int value: '${v}'`);
        input[member] = Number(v);
      } else if (TIMESTAMP_MEMBERS.has(member)) {
        const ms = /^\d+(\.\d+)?$/.test(v) ? Number(v) * 1000 : Date.parse(v);
        if (Number.isNaN(ms)) throw new UsageError(`argument --${name}: not a timestamp (ISO 8601 or epoch seconds): '${v}'`);
        input[member] = new Date(ms);
      } else input[member] = v;
    }
  }
  const doc = DOCS[op];
  if (doc !== undefined) {
    const known = new Set(doc.options.map((o) => o.member));
    const unknown = Object.keys(input).filter((m) => !known.has(m));
    if (unknown.length > 0) throw new UsageError(`Unknown options: ${unknown.map((m) => `--${kebab(m)}`).join(', ')}`);
    const missing = doc.options.filter((o) => o.required && input[o.member] === undefined).map((o) => `--${kebab(o.member)}`);
    if (missing.length > 0) throw new UsageError(`the following arguments are required: ${missing.join(', ')}`);
  }
  return input;
}

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
  dataDir: string;
  region: string;
  accountId: string;
  masterKey: Uint8Array | undefined;
}

function common(parsed: Parsed, env: NodeJS.ProcessEnv): Common {
  const take = (name: string): string | undefined => {
    const v = single(parsed, name);
    parsed.options.delete(name);
    return v;
  };
  const dataDir = take('data-dir') ?? (env.WASMAC_DATA_DIR || undefined) ?? DEFAULT_DATA_DIR;
  const region = take('region') ?? (env.WASMAC_REGION || undefined) ?? DEFAULT_REGION;
  const accountId = take('account-id') ?? (env.WASMAC_ACCOUNT_ID || undefined) ?? DEFAULT_ACCOUNT_ID;
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new UsageError(`--region: '${region}' is not a region name like us-east-1`);
  if (!/^\d{12}$/.test(accountId)) throw new UsageError(`--account-id: must be 12 digits`);
  const masterKey = env.WASMAC_MASTER_KEY ? parseMasterKey(env.WASMAC_MASTER_KEY) : undefined;
  return { dataDir, region, accountId, masterKey };
}

async function runLocal(op: string, parsed: Parsed, io: CliIO): Promise<number> {
  const c = common(parsed, io.env);
  const input = requestOf(op, parsed);
  const store = await FileKeyStore.open(c.dataDir, c.masterKey === undefined ? {} : { masterKey: c.masterKey });
  try {
    const client = new KMSClient({ region: c.region, accountId: c.accountId, keyStore: store });
    const output = await client.send(new COMMANDS[op]!(input));
    const json = toCliJson(output) as Record<string, unknown>;
    if (Object.keys(json).length > 0) io.stdout(`${JSON.stringify(json, null, 4)}\n`);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof KMSServiceException) {
      const message = err.name === 'KMSInvalidMacException' ? '' : err.message;
      io.stderr(`\nAn error occurred (${err.name}) when calling the ${op} operation: ${message}\n`);
      return EXIT.service;
    }
    throw err;
  } finally {
    await store.close();
  }
}

function banner(server: KmsServer, dataDir: string | undefined, encrypted: boolean, keys: number): string {
  const ak = server.defaultCredentials ? 'test' : server.credentials[0]!.accessKeyId;
  const sk = server.defaultCredentials ? 'test' : '<secret of that key>';
  const creds = server.defaultCredentials
    ? 'no credentials configured: accepting access key "test" with secret "test" (the local-emulator convention)'
    : `accepting ${server.credentials.length} access key(s): ${server.credentials.map((c) => c.accessKeyId).join(', ')}`;
  const store =
    dataDir === undefined
      ? ''
      : `  key store ${dataDir}: ${keys} key(s), material ${encrypted ? 'encrypted (AES-256-GCM, WASMAC_MASTER_KEY)' : 'NOT encrypted at rest (set WASMAC_MASTER_KEY to encrypt)'}\n`;
  const where = server.host === '0.0.0.0' || server.host === '::' ? ` (every interface: ${server.host} port ${server.port})` : '';
  return `wasmac KMS endpoint listening on ${server.url}${where}
  region ${server.region}, account ${server.accountId}
${store}  ${creds}

AWS SDK for JavaScript v3:
  import { KMSClient, GenerateMacCommand } from '@aws-sdk/client-kms';
  const kms = new KMSClient({ endpoint: '${server.url}', region: '${server.region}',
    credentials: { accessKeyId: '${ak}', secretAccessKey: '${sk}' } });
  const { Mac } = await kms.send(new GenerateMacCommand({ KeyId: 'alias/demo',
    Message: new TextEncoder().encode('Hello World'), MacAlgorithm: 'HMAC_SHA_384' }));

AWS CLI:
  AWS_ACCESS_KEY_ID=${ak} AWS_SECRET_ACCESS_KEY=${sk} aws kms generate-mac --endpoint-url ${server.url} \\
    --region ${server.region} --key-id alias/demo --mac-algorithm HMAC_SHA_384 --message fileb://<(printf 'Hello World')

Ctrl-C stops the server (requests in flight are answered first).
`;
}

function defaultWaitForStop(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
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
    const text = single(parsed, flag);
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

const STORE_HELP = `usage: wasmac store encrypt [--data-dir <dir>]

Encrypts the key material of every key in the store with WASMAC_MASTER_KEY
(AES-256-GCM) and authenticates every key file under it, for a store written
without the master key (or by an older wasmac). A store with a master key
refuses to open until this is done. Each file is replaced atomically; if the
run is interrupted, run it again. Keep the master key outside the data
directory: losing it loses the keys.
`;

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

async function runServe(parsed: Parsed, io: CliIO): Promise<number> {
  const c = common(parsed, io.env);
  const host = single(parsed, 'host') ?? DEFAULT_HOST;
  const portText = single(parsed, 'port') ?? (io.env.PORT || undefined) ?? String(DEFAULT_PORT);
  if (!/^\d+$/.test(portText) || Number(portText) > 65535) throw new UsageError(`--port: '${portText}' is not a port number`);
  const maxText = single(parsed, 'max-body-bytes');
  if (maxText !== undefined && !/^\d+$/.test(maxText)) throw new UsageError(`--max-body-bytes: '${maxText}' is not a number`);
  const limits = serveLimits(parsed);
  const credentialsFile = single(parsed, 'credentials');
  const seedFile = single(parsed, 'seed');
  const demo = parsed.flags.get('demo') === true;
  const quiet = parsed.flags.get('quiet') === true;
  for (const name of [...parsed.options.keys(), ...parsed.flags.keys()]) {
    if (!['host', 'port', 'max-body-bytes', ...Object.keys(LIMIT_FLAGS), 'credentials', 'seed', 'demo', 'quiet'].includes(name)) throw new UsageError(`Unknown options: --${name}`);
  }
  const credentials = loadCredentials(credentialsFile, io.env);
  const seed: Seed = { keys: [], aliases: [] };
  if (seedFile !== undefined) {
    const s = loadSeed(seedFile);
    seed.keys!.push(...(s.keys ?? []));
    seed.aliases!.push(...(s.aliases ?? []));
  }
  if (demo) seed.keys!.push(...DEMO_SEED.keys!);

  const store = await FileKeyStore.open(c.dataDir, c.masterKey === undefined ? {} : { masterKey: c.masterKey });
  let server: KmsServer;
  try {
    server = await startServer({
      host,
      port: Number(portText),
      region: c.region,
      accountId: c.accountId,
      keyStore: store,
      seed,
      ...(credentials === undefined ? {} : { credentials }),
      ...(maxText === undefined ? {} : { maxBodyBytes: Number(maxText) }),
      ...limits,
      ...(quiet ? {} : { log: (line: string) => io.stdout(`${line}\n`) }),
    });
  } catch (err) {
    await store.close();
    throw err;
  }
  io.stdout(banner(server, c.dataDir, store.encrypted, store.size));
  if (server.defaultCredentials && !isLoopback(host)) {
    io.stderr(
      `WARNING: listening on ${host} with the default credentials test/test: anyone who can reach port ${server.port} ` +
        'can use and change the keys. Give credentials of your own (--credentials, or WASMAC_ACCESS_KEY_ID and ' +
        'WASMAC_SECRET_ACCESS_KEY), or listen on 127.0.0.1.\n',
    );
  }
  const signal = await (io.waitForStop ?? defaultWaitForStop)(server);
  io.stdout(`${signal}: stopping; answering the requests in flight\n`);
  await server.close();
  await store.close();
  io.stdout('stopped\n');
  return EXIT.ok;
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
      io.stdout(GLOBAL_HELP);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === '--version') {
      const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
      io.stdout(`wasmac ${pkg.version}\n`);
      return EXIT.ok;
    }
    if (command === 'store') return await runStore(rest, io);
    const parsed = parseArgs(rest);
    const wantsHelp = parsed.flags.has('help') || rest.includes('help');
    if (command === 'serve') {
      if (wantsHelp) {
        io.stdout(SERVE_HELP);
        return EXIT.ok;
      }
      return await runServe(parsed, io);
    }
    const op = operationOf(command);
    if (!/^[a-z]+(-[a-z]+)*$/.test(command) || COMMANDS[op] === undefined) {
      throw new UsageError(`argument command: Invalid choice '${command}' (wasmac --help lists the commands)`);
    }
    if (wantsHelp) {
      io.stdout(commandHelp(op));
      return EXIT.ok;
    }
    return await runLocal(op, parsed, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`usage: wasmac <command> [options]\nwasmac: error: ${err.message}\n`);
      return EXIT.usage;
    }
    if (err instanceof KeyStoreError) {
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
