/**
 * Configuration from files and the environment: accepted credentials
 * (`--credentials <file>`, `WASMAC_ACCESS_KEY_ID` / `WASMAC_SECRET_ACCESS_KEY`)
 * and seed files. Errors name the file and never quote a secret.
 */
import { readFileSync } from 'node:fs';
import { ConfigError } from '../kms/config-error.js';
import { checkCredential, parseCredentials } from '../kms/credentials.js';
import { validateSeed, type Seed } from '../kms/seed.js';
import type { Credential } from './sigv4.js';

export { parseCredentials };

/** Credentials from a file path, then from `WASMAC_ACCESS_KEY_ID` / `WASMAC_SECRET_ACCESS_KEY` (both added); none: `undefined`. */
export function loadCredentials(path: string | undefined, env: NodeJS.ProcessEnv = process.env): Credential[] | undefined {
  const out: Credential[] = [];
  if (path !== undefined) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new ConfigError(`cannot read credentials file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
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
    throw new ConfigError(`cannot read seed file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError(`seed file ${path} is not valid JSON`);
  }
  try {
    return validateSeed(parsed);
  } catch (err) {
    throw new ConfigError(`${path}: ${(err as Error).message}`);
  }
}
