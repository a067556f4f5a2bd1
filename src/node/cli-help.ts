/**
 * The CLI's help texts. A command's help is made from its operation's entry
 * in the model table: every member as an option, with how it is given (a
 * flag, a value, several values, JSON), whether it is required, its help
 * line, its values or bounds; columns aligned per command.
 */
import { memberHelp, operationHelp } from '../kms/model/help.js';
import type { Member, Operation } from '../kms/model/shape.js';
import { kebab } from './cli-args.js';
import {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_DATA_DIR,
  DEFAULT_HEADERS_TIMEOUT_MS,
  DEFAULT_HOST,
  DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_CONNECTIONS,
  DEFAULT_PORT,
  DEFAULT_REGION,
  DEFAULT_REQUEST_TIMEOUT_MS,
} from './server.js';

/** How wide a left column grows at most: a longer cell pushes its own text one space further, not every row's. */
const MAX_LEFT = 33;

/** Rows `[left, right]` as lines with the right column aligned one space after the longest left cell (up to {@link MAX_LEFT}). */
function columns(rows: readonly (readonly [string, string])[], indent = '  ', min = 0): string {
  const width = Math.max(min, Math.min(MAX_LEFT, Math.max(...rows.map(([left]) => left.length + 1))));
  return rows.map(([left, right]) => `${indent}${left.length < width ? left.padEnd(width) : `${left} `}${right}`.trimEnd()).join('\n');
}

/** The command column of the global help: 24 wide, a longer name pushes its summary one space further. */
function commandRows(rows: readonly (readonly [string, string])[]): string {
  return rows.map(([left, right]) => `  ${`${left} `.padEnd(24)}${right}`).join('\n');
}

const COMMON_ROWS: readonly (readonly [string, string])[] = [
  ['--data-dir <dir>', `The key store (default ./${DEFAULT_DATA_DIR}, or WASMAC_DATA_DIR).`],
  ['--store <url>', 'A PostgreSQL key store instead: postgres://user@host:port/db (or WASMAC_STORE).'],
  ['--region <region>', `Region of the keys (default ${DEFAULT_REGION}, or WASMAC_REGION).`],
  ['--account-id <id>', `Account of the keys (default ${DEFAULT_ACCOUNT_ID}, or WASMAC_ACCOUNT_ID).`],
  ['--query <JMESPath>', 'Print only this part of the response, as the AWS CLI does (e.g. --query Mac).'],
  ['--output <format>', 'json (default, or AWS_DEFAULT_OUTPUT), text or table, as the AWS CLI prints them.'],
  ['--help', 'Help of the command.'],
];

/** `wasmac --help`: the commands (every operation of the table but the extension) and the common options. */
export function globalHelp(operations: readonly Operation[]): string {
  return `usage: wasmac <command> [options]

A local KMS for HMAC keys: the endpoint, and aws-kms-shaped commands on the key store.

Commands:
${commandRows([
  ['serve', 'Run the KMS endpoint (AWS JSON 1.1, SigV4) for the AWS SDKs and CLI.'],
  ['store encrypt', 'Encrypt and authenticate a key store under WASMAC_MASTER_KEY (once).'],
  ...operations.map((op) => [kebab(op.name), operationHelp(op.name)] as const),
])}

Options of every local command:
${columns(COMMON_ROWS, '  ', 24)}

Key material is stored unencrypted unless WASMAC_MASTER_KEY holds a 32-byte key
(64 hex digits or base64, e.g. from: openssl rand -base64 32).
Exit codes: 0 success, 252 usage error, 254 the service refused, 255 other failure.
`;
}

/** How the option of `m` is written after its name. */
function syntax(name: string, m: Member): string {
  if (m.kind === 'boolean') return `--[no-]${name}`;
  if (m.kind === 'list' && (m.item.kind === 'string' || m.item.kind === 'enum' || m.item.kind === 'blob')) return `--${name} <value>...`;
  return `--${name} <value>`;
}

function values(m: Member): string {
  switch (m.kind) {
    case 'enum':
      return ` One of: ${[...m.values].sort().join(' | ')}.${m.default === undefined ? '' : ` Default ${m.default}.`}`;
    case 'string':
      return m.min === m.max ? ` ${m.min} characters.` : ` ${m.min}-${m.max} characters.`;
    case 'blob':
      return m.text === true
        ? ` Text (UTF-8), or fileb://<path> for the bytes of a file; ${m.min}-${m.max} bytes.`
        : ` Base64, or fileb://<path> for the bytes of a file; ${m.min}-${m.max} bytes.`;
    case 'integer':
      return ` ${m.min}-${m.max}${m.default === undefined ? '' : `, default ${m.default}`}.`;
    case 'timestamp':
      return ' ISO 8601 or epoch seconds.';
    case 'list':
      if (m.item.kind === 'enum') return ` Each one of: ${[...m.item.values].sort().join(' | ')}.`;
      if (m.item.kind === 'structure') return ` JSON, or ${Object.keys(m.item.members).map((k) => `${k}=...`).join(',')} per item.`;
      return m.max < Number.MAX_SAFE_INTEGER ? ` ${m.min}-${m.max} values.` : '';
    case 'structure':
    case 'map':
      return ' JSON.';
    case 'boolean':
      return m.default === undefined ? '' : ` Default ${m.default ? 'on' : 'off'}.`;
  }
}

/** `wasmac <command> --help`: every member of the operation as an option. */
export function commandHelp(op: Operation): string {
  const rows = Object.entries(op.input).map(([member, m]) => {
    const line = memberHelp(op.name, member);
    const help = line.endsWith('.') ? line : `${line}.`;
    return [syntax(kebab(member), m), `${m.required === true ? '(required) ' : ''}${help}${values(m)}`] as const;
  });
  return `usage: wasmac ${kebab(op.name)} [options]

${operationHelp(op.name)}

Options:
${columns([...rows, ['--help', 'This help.']])}

Also --data-dir, --region, --account-id, --query and --output, as for every
local command (wasmac --help). Prints the response as aws kms ${kebab(op.name)}
does: JSON by default, --output text or table, filtered by --query.
`;
}

/** `wasmac serve --help`. */
export const SERVE_HELP = `usage: wasmac serve [options]

Runs a KMS endpoint that @aws-sdk/client-kms, boto3 and the AWS CLI talk to.

Options:
${columns([
  ['--host <address>', `Address to listen on (default ${DEFAULT_HOST}; 0.0.0.0 for every interface).`],
  ['--port <port>', `Port (default PORT or ${DEFAULT_PORT}).`],
  ['--data-dir <dir>', `The key store (default ./${DEFAULT_DATA_DIR}, or WASMAC_DATA_DIR); one process only.`],
  ['--store <url>', 'A PostgreSQL key store instead: postgres://user@host:port/db (or WASMAC_STORE),'],
  ['', 'shared by every endpoint on it. Exclusive with --data-dir.'],
  ['--workers <n>', 'Serve with n processes on one port (node:cluster); needs --store.'],
  ['--region <region>', `Default region: seeds go there (default ${DEFAULT_REGION}, or WASMAC_REGION). Every region is served: a request's region is its SigV4 scope's.`],
  ['--regions <a,b,...>', 'Serve only these regions (or WASMAC_REGIONS); must include --region.'],
  ['--account-id <id>', `Account of the callers (default ${DEFAULT_ACCOUNT_ID}, or WASMAC_ACCOUNT_ID).`],
  ['--credentials <file>', 'Accepted access keys: JSON {"credentials":[{"accessKeyId","secretAccessKey","accountId"?}]}'],
  ['', 'or an AWS CLI credentials file. Also WASMAC_ACCESS_KEY_ID / WASMAC_SECRET_ACCESS_KEY.'],
  ['', 'With none, access key "test" with secret "test" is accepted.'],
  ['--seed <file>', 'Keys and aliases to add on start (JSON; see the README).'],
  ['--demo', 'Add the demo key (HMAC_384, alias/demo) on first start.'],
  ['--max-body-bytes <n>', `Largest request body (default ${DEFAULT_MAX_BODY_BYTES}).`],
  ['--headers-timeout <s>', `Seconds to receive a request's headers (default ${DEFAULT_HEADERS_TIMEOUT_MS / 1000}); then 408.`],
  ['--request-timeout <s>', `Seconds to receive a whole request (default ${DEFAULT_REQUEST_TIMEOUT_MS / 1000}); then 408.`],
  ['--keep-alive-timeout <s>', `Seconds an idle keep-alive connection stays open (default ${DEFAULT_KEEP_ALIVE_TIMEOUT_MS / 1000}).`],
  ['--max-connections <n>', `Open connections at most; more are closed as they arrive (default ${DEFAULT_MAX_CONNECTIONS}).`],
  ['--quiet', 'No line per request.'],
  ['--help', 'This help.'],
])}

Environment: WASMAC_MASTER_KEY (32 bytes, hex or base64) encrypts key material at rest.
SIGINT / SIGTERM stop the server after the requests in flight are answered.
`;

/** `wasmac store --help`. */
export const STORE_HELP = `usage: wasmac store encrypt [--data-dir <dir>]

Encrypts the key material of every key in the store with WASMAC_MASTER_KEY
(AES-256-GCM) and authenticates every key file under it, for a store written
without the master key (or by an older wasmac). A store with a master key
refuses to open until this is done. Each file is replaced atomically; if the
run is interrupted, run it again. Keep the master key outside the data
directory: losing it loses the keys.
`;
