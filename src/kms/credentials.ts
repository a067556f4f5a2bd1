/**
 * Accepted credentials from text, in any runtime: the JSON form
 * (`{"credentials": [...]}` or the bare array) and the AWS CLI's INI form.
 * `wasmac serve` reads them from a file (`src/node/config.ts`), a Worker or a
 * Deno server from a secret. Errors are {@link ConfigError}s that name the
 * source and the entry, never a secret.
 */
import { ConfigError } from './config-error.js';
import { isAccountId } from './ids.js';
import type { Credential } from './wire/stages.js';

export function checkCredential(c: Partial<Credential>, where: string): Credential {
  if (typeof c.accessKeyId !== 'string' || !/^[\w+=,.@-]{1,128}$/.test(c.accessKeyId)) {
    throw new ConfigError(`${where}: accessKeyId must be 1 to 128 characters of letters, digits and +=,.@_-`);
  }
  if (typeof c.secretAccessKey !== 'string' || c.secretAccessKey.length === 0) {
    throw new ConfigError(`${where}: secretAccessKey must be a non-empty string`);
  }
  if (c.accountId !== undefined && (typeof c.accountId !== 'string' || !isAccountId(c.accountId))) {
    throw new ConfigError(`${where}: accountId must be 12 digits`);
  }
  return c.accountId === undefined
    ? { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey }
    : { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, accountId: c.accountId };
}

/** The JSON form: `{"credentials": [...]}` or the bare array. */
function jsonCredentials(parsed: unknown, source: string): Partial<Credential>[] {
  const items = Array.isArray(parsed) ? parsed : (parsed as { credentials?: unknown } | null)?.credentials;
  if (!Array.isArray(items)) throw new ConfigError(`${source}: expected {"credentials": [...]}`);
  return items.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new ConfigError(`${source}, entry ${i + 1}: expected {"accessKeyId", "secretAccessKey", "accountId"?}`);
    }
    const own = (name: string): unknown => (Object.hasOwn(item, name) ? (item as Record<string, unknown>)[name] : undefined);
    return { accessKeyId: own('accessKeyId'), secretAccessKey: own('secretAccessKey'), accountId: own('accountId') } as Partial<Credential>;
  });
}

interface Profile {
  name: string;
  line: number;
  values: Map<string, string>;
}

/**
 * The AWS CLI's INI form, read as botocore reads it (Python's `configparser`):
 * `[section]` headers, `key = value` or `key: value` (keys case-insensitive),
 * whole-line `#` / `;` comments, indented lines continuing the value above.
 * Errors give the line number and what was expected, never the line: it may
 * hold a secret.
 */
function iniProfiles(text: string, source: string): Profile[] {
  const profiles: Profile[] = [];
  let current: Profile | undefined;
  let last: string | undefined;
  const lines = text.split(/\r?\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const at = `${source}, line ${i + 1}`;
    if (/^\s/.test(raw) && last !== undefined && current !== undefined) {
      // A continuation: botocore reads an indented block under an empty value
      // as nested settings (`s3 =` then `  max_concurrent_requests = 10`).
      if (current.values.get(last) !== '') throw new ConfigError(`${at}: an indented line continues the value above it; credentials are one line each`);
      continue;
    }
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header !== null) {
      current = { name: header[1]!.trim(), line: i + 1, values: new Map() };
      profiles.push(current);
      last = undefined;
      continue;
    }
    const sep = /[=:]/.exec(line);
    if (sep === null || sep.index === 0) {
      throw new ConfigError(`${at}: expected a [profile] header, "name = value" or a comment (# or ;)`);
    }
    if (current === undefined) throw new ConfigError(`${at}: a setting before the first [profile] header; expected [default] or [<profile name>] first`);
    last = line.slice(0, sep.index).trim().toLowerCase();
    current.values.set(last, line.slice(sep.index + 1).trim());
  }
  return profiles;
}

/** Every profile that holds an access key; profiles with only other settings (region, role_arn, ...) are skipped. */
function iniCredentials(text: string, source: string): { entries: Partial<Credential>[]; where: string[] } {
  const entries: Partial<Credential>[] = [];
  const where: string[] = [];
  for (const p of iniProfiles(text, source)) {
    const id = p.values.get('aws_access_key_id');
    const secret = p.values.get('aws_secret_access_key');
    if (id === undefined && secret === undefined) continue;
    const label = `${source}, profile [${p.name}] (line ${p.line})`;
    if (id === undefined) throw new ConfigError(`${label}: aws_secret_access_key without aws_access_key_id`);
    if (secret === undefined) throw new ConfigError(`${label}: aws_access_key_id without aws_secret_access_key`);
    const accountId = p.values.get('aws_account_id') ?? p.values.get('account_id');
    entries.push(accountId === undefined ? { accessKeyId: id, secretAccessKey: secret } : { accessKeyId: id, secretAccessKey: secret, accountId });
    where.push(label);
  }
  return { entries, where };
}

/**
 * Parses a credentials file. The form is decided by parsing, not by the first
 * character (an INI file starts with `[` like a JSON array):
 *
 * - JSON: `{"credentials": [{"accessKeyId", "secretAccessKey", "accountId"?}]}`
 *   (or the bare array); `accountId` makes that key a caller in another account;
 * - the AWS CLI's INI form (`~/.aws/credentials`): every profile with
 *   `aws_access_key_id` and `aws_secret_access_key` (and optional
 *   `aws_account_id`, or `account_id`).
 *
 * Errors name the file, the entry, profile or line, and what was expected;
 * never any part of a secret.
 */
export function parseCredentials(text: string, source = 'credentials file'): Credential[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  let entries: Partial<Credential>[];
  let where: string[];
  let parsed: unknown;
  let isJson = true;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    isJson = false;
  }
  if (isJson) {
    entries = jsonCredentials(parsed, source);
    where = entries.map((_, i) => `${source}, entry ${i + 1}`);
  } else if (trimmed.startsWith('{')) {
    // Only JSON starts with `{`. JSON.parse's own message may quote the text.
    throw new ConfigError(`${source}: not valid JSON; expected {"credentials": [{"accessKeyId": "...", "secretAccessKey": "..."}]}`);
  } else {
    ({ entries, where } = iniCredentials(trimmed === '' ? '' : text.replace(/^\uFEFF/, ''), source));
  }
  if (entries.length === 0) throw new ConfigError(`${source}: no credentials in it (expected aws_access_key_id and aws_secret_access_key in a [profile], or JSON {"credentials": [...]})`);
  const out = entries.map((c, i) => checkCredential(c, where[i]!));
  // The same access key in two profiles (a copy of [default], say) is one credential;
  // with two different secrets or accounts it is ambiguous.
  const seen = new Map<string, number>();
  const unique: Credential[] = [];
  out.forEach((c, i) => {
    const first = seen.get(c.accessKeyId);
    if (first === undefined) {
      seen.set(c.accessKeyId, i);
      unique.push(c);
    } else if (out[first]!.secretAccessKey !== c.secretAccessKey || out[first]!.accountId !== c.accountId) {
      throw new ConfigError(`${where[i]}: access key ${c.accessKeyId} appears again with another secret or account (first in ${where[first]})`);
    }
  });
  return unique;
}
