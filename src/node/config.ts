/**
 * Configuration from files and the environment: accepted credentials
 * (`--credentials <file>`, `WASMAC_ACCESS_KEY_ID` / `WASMAC_SECRET_ACCESS_KEY`)
 * and seed files. Errors name the file and never quote a secret.
 */
import { readFileSync } from 'node:fs';
import { KeyStoreError } from './errors.js';
import { validateSeed, type Seed } from './seed.js';
import type { Credential } from './sigv4.js';

const ACCOUNT = /^\d{12}$/;

function checkCredential(c: Partial<Credential>, where: string): Credential {
  if (typeof c.accessKeyId !== 'string' || !/^[\w+=,.@-]{1,128}$/.test(c.accessKeyId)) {
    throw new KeyStoreError(`${where}: accessKeyId must be 1 to 128 characters of letters, digits and +=,.@_-`);
  }
  if (typeof c.secretAccessKey !== 'string' || c.secretAccessKey.length === 0) {
    throw new KeyStoreError(`${where}: secretAccessKey must be a non-empty string`);
  }
  if (c.accountId !== undefined && (typeof c.accountId !== 'string' || !ACCOUNT.test(c.accountId))) {
    throw new KeyStoreError(`${where}: accountId must be 12 digits`);
  }
  return c.accountId === undefined
    ? { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey }
    : { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, accountId: c.accountId };
}

/**
 * Parses a credentials file. Two forms:
 *
 * - JSON: `{"credentials": [{"accessKeyId", "secretAccessKey", "accountId"?}]}`
 *   (or the bare array); `accountId` makes that key a caller in another account;
 * - the AWS CLI's INI form (`~/.aws/credentials`): every profile with
 *   `aws_access_key_id` and `aws_secret_access_key` (and optional `account_id`).
 */
export function parseCredentials(text: string, source = 'credentials file'): Credential[] {
  const trimmed = text.trim();
  let list: Partial<Credential>[];
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new KeyStoreError(`${source}: not valid JSON`);
    }
    const items = Array.isArray(parsed) ? parsed : (parsed as { credentials?: unknown })?.credentials;
    if (!Array.isArray(items)) throw new KeyStoreError(`${source}: expected {"credentials": [...]}`);
    list = items as Partial<Credential>[];
  } else {
    list = [];
    let current: Record<string, string> | undefined;
    const flush = () => {
      if (current !== undefined && (current.aws_access_key_id !== undefined || current.aws_secret_access_key !== undefined)) {
        list.push({
          accessKeyId: current.aws_access_key_id,
          secretAccessKey: current.aws_secret_access_key,
          ...(current.account_id === undefined ? {} : { accountId: current.account_id }),
        } as Partial<Credential>);
      }
    };
    for (const raw of trimmed.split(/\r?\n/)) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
      if (line.startsWith('[')) {
        flush();
        current = {};
        continue;
      }
      const eq = line.indexOf('=');
      if (eq < 0 || current === undefined) throw new KeyStoreError(`${source}: cannot read line ${JSON.stringify(line.slice(0, 40))}`);
      current[line.slice(0, eq).trim().toLowerCase()] = line.slice(eq + 1).trim();
    }
    flush();
  }
  if (list.length === 0) throw new KeyStoreError(`${source}: no credentials in it`);
  const out = list.map((c, i) => checkCredential(c, `${source}, entry ${i + 1}`));
  const seen = new Set<string>();
  for (const c of out) {
    if (seen.has(c.accessKeyId)) throw new KeyStoreError(`${source}: access key ${c.accessKeyId} appears twice`);
    seen.add(c.accessKeyId);
  }
  return out;
}

/** Credentials from a file path, then from `WASMAC_ACCESS_KEY_ID` / `WASMAC_SECRET_ACCESS_KEY` (both added); none: `undefined`. */
export function loadCredentials(path: string | undefined, env: NodeJS.ProcessEnv = process.env): Credential[] | undefined {
  const out: Credential[] = [];
  if (path !== undefined) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new KeyStoreError(`cannot read credentials file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    out.push(...parseCredentials(text, path));
  }
  const id = env.WASMAC_ACCESS_KEY_ID || undefined;
  const secret = env.WASMAC_SECRET_ACCESS_KEY || undefined;
  if (id !== undefined || secret !== undefined) {
    const c = checkCredential(
      { accessKeyId: id, secretAccessKey: secret, ...(env.WASMAC_CALLER_ACCOUNT_ID ? { accountId: env.WASMAC_CALLER_ACCOUNT_ID } : {}) },
      'WASMAC_ACCESS_KEY_ID / WASMAC_SECRET_ACCESS_KEY',
    );
    if (!out.some((o) => o.accessKeyId === c.accessKeyId)) out.push(c);
  }
  return out.length === 0 ? undefined : out;
}

/** Reads and checks a seed file. */
export function loadSeed(path: string): Seed {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new KeyStoreError(`cannot read seed file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new KeyStoreError(`seed file ${path} is not valid JSON`);
  }
  try {
    return validateSeed(parsed);
  } catch (err) {
    throw new KeyStoreError(`${path}: ${(err as Error).message}`);
  }
}
