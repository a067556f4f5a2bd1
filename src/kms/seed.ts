/**
 * Seeds: a key store started with known HMAC keys and aliases, with fixed
 * material so that tests get the same MACs on every run. A seed is a list of
 * CreateKey and CreateAlias requests (and DisableKey for a disabled key),
 * sent to the facade like any other: every rule (the partition in the ARN,
 * ID forms, material lengths, alias names, tags) is the facade's. A key's
 * fixed ID and material travel beside its CreateKey request
 * (`fixed-key.ts`). Runtime-neutral: no Node built-ins.
 *
 * ```json
 * {
 *   "keys": [
 *     {
 *       "KeyId": "0b0f1f5e-7a39-4c52-9f8e-3d0c2a1b4e6f",
 *       "KeySpec": "HMAC_256",
 *       "Description": "test key",
 *       "MaterialHex": "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
 *       "Aliases": ["alias/test"],
 *       "Enabled": true,
 *       "Tags": [{ "TagKey": "env", "TagValue": "test" }]
 *     }
 *   ],
 *   "aliases": [{ "AliasName": "alias/also-test", "TargetKeyId": "0b0f1f5e-7a39-4c52-9f8e-3d0c2a1b4e6f" }]
 * }
 * ```
 *
 * Only `KeySpec` is required. `KeyId` defaults to a random one, material
 * (`MaterialHex` or `MaterialBase64`, as many bytes as ImportKeyMaterial
 * takes for the spec) to random bytes of the spec's length. A seed is
 * applied once: a key is skipped when its `KeyId` or one of its aliases
 * already exists, an alias when its name exists.
 */
import { fromBase64, fromHex } from '../engine/index.js';
import { checkAliasName } from './aliases.js';
import { KMSClient } from './client.js';
import { CreateAliasCommand, CreateKeyCommand, DescribeKeyCommand, DisableKeyCommand } from './commands/index.js';
import { ConfigError } from './config-error.js';
import { AlreadyExistsException, KMSServiceException, NotFoundException } from './errors.js';
import { checkFixedKey, fixKey, type FixedKey } from './fixed-key.js';
import type { KeyStore } from './key-store.js';
import { Repository } from './repository.js';
import { hmacSpec } from './metadata.js';
import { CreateAlias, CreateKey } from './model/operations.js';
import { KEY_SPECS } from './model/enums.js';
import { checkTagRules } from './tags.js';
import { readInput } from './validate.js';

/** One key of a seed file. */
export interface SeedKey {
  KeyId?: string;
  KeySpec: 'HMAC_224' | 'HMAC_256' | 'HMAC_384' | 'HMAC_512';
  Description?: string;
  MaterialHex?: string;
  MaterialBase64?: string;
  Aliases?: string[];
  Enabled?: boolean;
  Tags?: { TagKey: string; TagValue: string }[];
}

/** A seed file's contents. */
export interface Seed {
  keys?: SeedKey[];
  aliases?: { AliasName: string; TargetKeyId: string }[];
}

/** Where seeded keys live and when they were made. */
export interface SeedContext {
  region: string;
  accountId: string;
  now?: () => number;
}

/** What {@link applySeed} did. */
export interface SeedResult {
  created: string[];
  skipped: string[];
  aliases: string[];
}

/** The demo key `npm start` seeds: HMAC_384 with random material, `alias/demo`. */
export const DEMO_SEED: Seed = {
  keys: [{ KeySpec: 'HMAC_384', Description: 'wasmac demo key', Aliases: ['alias/demo'] }],
};

const KEY_MEMBERS: ReadonlySet<string> = new Set(['KeyId', 'KeySpec', 'Description', 'MaterialHex', 'MaterialBase64', 'Aliases', 'Enabled', 'Tags']);
const HMAC_SPECS = KEY_SPECS.filter((spec) => hmacSpec(spec) !== undefined).sort();

function bad(where: string, message: string): ConfigError {
  return new ConfigError(`seed ${where}: ${message}`);
}

/** A seed key as the facade's requests: CreateKey's input and what is fixed beside it. */
interface Planned {
  input: { KeySpec: SeedKey['KeySpec']; KeyUsage: 'GENERATE_VERIFY_MAC'; Description?: string; Tags?: SeedKey['Tags']; MultiRegion: boolean };
  fixed: FixedKey;
}

/** The fixed material of `key`, decoded; undefined for random material. */
function material(key: SeedKey, where: string): Uint8Array | undefined {
  if (key.MaterialHex !== undefined && key.MaterialBase64 !== undefined) throw bad(where, 'give MaterialHex or MaterialBase64, not both');
  try {
    if (key.MaterialHex !== undefined) return fromHex(key.MaterialHex);
  } catch {
    throw bad(where, 'MaterialHex must be an even number of hex digits');
  }
  try {
    if (key.MaterialBase64 !== undefined) return fromBase64(key.MaterialBase64);
  } catch {
    throw bad(where, 'MaterialBase64 must be standard base64 with padding');
  }
  return undefined;
}

/** Runs one of the facade's checks; its refusal becomes a ConfigError naming the place. */
function facade<T>(where: string, check: () => T, message = (text: string) => text): T {
  try {
    return check();
  } catch (err) {
    if (err instanceof KMSServiceException) throw bad(where, message(err.message));
    throw err;
  }
}

/** The facade's rules for an alias name, as CreateAlias applies them. */
function checkAlias(name: unknown, where: string): void {
  if (typeof name !== 'string') throw bad(where, `${JSON.stringify(name)} is not a valid alias name (alias/<name>)`);
  facade(
    where,
    () => {
      readInput(CreateAlias, { AliasName: name, TargetKeyId: 'key' });
      checkAliasName(name, true);
    },
    (text) => `${JSON.stringify(name)} is not a valid alias name (${text})`,
  );
}

/** `key` as the facade's requests, checked by the facade's own rules (the request's constraints, tags, the fixed ID and material). */
function plan(key: SeedKey, where: string): Planned {
  const bytes = material(key, where);
  const fixed: FixedKey = {};
  if (key.KeyId !== undefined) fixed.keyId = key.KeyId;
  if (bytes !== undefined) fixed.material = bytes;
  const input: Planned['input'] = { KeySpec: key.KeySpec, KeyUsage: 'GENERATE_VERIFY_MAC', MultiRegion: key.KeyId?.startsWith('mrk-') === true };
  if (key.Description !== undefined) input.Description = key.Description;
  if (key.Tags !== undefined) input.Tags = key.Tags;
  facade(where, () => {
    const request = readInput(CreateKey, input);
    checkTagRules(request.Tags ?? []);
    checkFixedKey(fixed, key.KeySpec, 'AWS_KMS', input.MultiRegion);
  });
  return { input, fixed };
}

/** Checks a parsed seed file; throws a {@link ConfigError} naming the first problem. */
export function validateSeed(seed: unknown): Seed {
  if (typeof seed !== 'object' || seed === null || Array.isArray(seed)) throw bad('file', 'must be a JSON object with "keys" and/or "aliases"');
  const s = seed as Seed;
  const unknownTop = Object.keys(s).filter((name) => name !== 'keys' && name !== 'aliases');
  if (unknownTop.length > 0) throw bad('file', `unknown member ${JSON.stringify(unknownTop[0])}; a seed has "keys" and/or "aliases"`);
  if (s.keys !== undefined && !Array.isArray(s.keys)) throw bad('file', '"keys" must be an array');
  if (s.aliases !== undefined && !Array.isArray(s.aliases)) throw bad('file', '"aliases" must be an array');
  (s.keys ?? []).forEach((key, i) => {
    const where = `keys[${i}]`;
    if (typeof key !== 'object' || key === null || Array.isArray(key)) throw bad(where, 'must be an object');
    // A misspelt member would otherwise be ignored silently (random material instead of the intended one).
    const unknown = Object.keys(key).filter((name) => !KEY_MEMBERS.has(name));
    if (unknown.length > 0) throw bad(where, `unknown member ${JSON.stringify(unknown[0])}; a key has ${[...KEY_MEMBERS].join(', ')}`);
    // Own properties only: "constructor" or "__proto__" is not a key spec.
    if (typeof key.KeySpec !== 'string' || hmacSpec(key.KeySpec) === undefined) throw bad(where, `KeySpec must be one of ${HMAC_SPECS.join(', ')}`);
    if (key.KeyId !== undefined && typeof key.KeyId !== 'string') throw bad(where, 'KeyId must be a string');
    if (key.Description !== undefined && typeof key.Description !== 'string') throw bad(where, 'Description must be a string');
    if (key.Enabled !== undefined && typeof key.Enabled !== 'boolean') throw bad(where, 'Enabled must be true or false');
    if (key.Aliases !== undefined && !Array.isArray(key.Aliases)) throw bad(where, 'Aliases must be an array of alias names');
    if (key.Tags !== undefined && (!Array.isArray(key.Tags) || key.Tags.some((t) => typeof t?.TagKey !== 'string' || typeof t?.TagValue !== 'string'))) {
      throw bad(where, 'Tags must be an array of {"TagKey","TagValue"} strings');
    }
    plan(key, where).fixed.material?.fill(0);
    (key.Aliases ?? []).forEach((a) => checkAlias(a, where));
    const twice = (key.Aliases ?? []).find((a, j, all) => all.indexOf(a) !== j);
    if (twice !== undefined) throw bad(where, `alias ${twice} is listed twice`);
  });
  (s.aliases ?? []).forEach((a, i) => {
    const where = `aliases[${i}]`;
    if (typeof a !== 'object' || a === null || Array.isArray(a)) throw bad(where, 'must be an object');
    checkAlias(a.AliasName, where);
    if (typeof a.TargetKeyId !== 'string') throw bad(where, 'TargetKeyId must be a key ID');
  });
  return s;
}

/**
 * Adds the seed's keys and aliases that are not in `store` yet, through the
 * facade: CreateKey (with the fixed ID and material), CreateAlias,
 * DisableKey, as the account and region of `context`.
 * @throws ConfigError naming the seed entry the facade refused
 */
export async function applySeed(store: KeyStore, seed: Seed, context: SeedContext): Promise<SeedResult> {
  validateSeed(seed);
  const clock = context.now ?? Date.now;
  const client = new KMSClient({ region: context.region, accountId: context.accountId, keyStore: store, now: () => new Date(clock()) });
  const exists = async (id: string): Promise<boolean> => {
    try {
      await client.send(new DescribeKeyCommand({ KeyId: id }));
      return true;
    } catch (err) {
      if (err instanceof NotFoundException) return false;
      throw err;
    }
  };
  const send = async <T>(where: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      if (err instanceof KMSServiceException) throw bad(where, err.message);
      throw err;
    }
  };
  const result: SeedResult = { created: [], skipped: [], aliases: [] };
  for (const [i, key] of (seed.keys ?? []).entries()) {
    const where = `keys[${i}]`;
    const aliases = key.Aliases ?? [];
    const label = key.KeyId ?? aliases[0] ?? where;
    let present = key.KeyId !== undefined && (await exists(key.KeyId));
    for (const a of aliases) present ||= await exists(a);
    if (present) {
      result.skipped.push(label);
      continue;
    }
    const { input, fixed } = plan(key, where);
    let keyId: string;
    try {
      keyId = (await client.send(fixKey(new CreateKeyCommand(input), fixed))).KeyMetadata!.KeyId!;
    } catch (err) {
      // The ID is taken in another account or region of the same store.
      if (err instanceof AlreadyExistsException) {
        result.skipped.push(label);
        continue;
      }
      throw err instanceof KMSServiceException ? bad(where, err.message) : err;
    } finally {
      fixed.material?.fill(0);
    }
    let lost = false;
    for (const AliasName of aliases) {
      try {
        await client.send(new CreateAliasCommand({ AliasName, TargetKeyId: keyId }));
      } catch (err) {
        if (!(err instanceof AlreadyExistsException)) throw err instanceof KMSServiceException ? bad(where, err.message) : err;
        // Another endpoint applying the same seed at once created this key
        // first: ours goes again, with any alias it got (nobody has used it).
        await Repository.of(store).transact((tx) => tx.remove(keyId));
        lost = true;
        break;
      }
    }
    if (lost) {
      result.skipped.push(label);
      continue;
    }
    if (key.Enabled === false) await send(where, () => client.send(new DisableKeyCommand({ KeyId: keyId })));
    result.created.push(keyId);
  }
  for (const [i, alias] of (seed.aliases ?? []).entries()) {
    const where = `aliases[${i}]`;
    if (await exists(alias.AliasName)) continue;
    if (!(await exists(alias.TargetKeyId))) throw bad(where, `TargetKeyId ${alias.TargetKeyId} is not a key of the store or the seed`);
    try {
      await client.send(new CreateAliasCommand({ AliasName: alias.AliasName, TargetKeyId: alias.TargetKeyId }));
    } catch (err) {
      // Created meanwhile (another endpoint applying the same seed): applied once, as above.
      if (err instanceof AlreadyExistsException) continue;
      throw err instanceof KMSServiceException ? bad(where, err.message) : err;
    }
    result.aliases.push(alias.AliasName);
  }
  return result;
}
