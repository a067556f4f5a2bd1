/**
 * Seed files: start a key store with known HMAC keys and aliases, including
 * fixed material so that tests get deterministic MACs.
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
 * Only `KeySpec` is required. `KeyId` defaults to a random UUID, material
 * (`MaterialHex` or `MaterialBase64`, 1 to 1024 bytes) to random bytes of the
 * spec's length. A seed is applied once: a key is skipped when its `KeyId` or
 * one of its aliases already exists, an alias when its name exists.
 */
import { randomUUID } from 'node:crypto';
import type { KeyStore, StoredKey } from '../kms/key-store.js';
import { Repository } from '../kms/repository.js';
import { SecretBytes } from '../kms/secret.js';
import { KeyStoreError } from './errors.js';

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

const MATERIAL_LENGTH: Record<string, number> = { HMAC_224: 28, HMAC_256: 32, HMAC_384: 48, HMAC_512: 64 };
const KEY_MEMBERS: ReadonlySet<string> = new Set(['KeyId', 'KeySpec', 'Description', 'MaterialHex', 'MaterialBase64', 'Aliases', 'Enabled', 'Tags']);
const KEY_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;
const ALIAS = /^alias\/[a-zA-Z0-9:/_-]{1,250}$/;

/** The demo key `npm start` seeds: HMAC_384 with random material, `alias/demo`. */
export const DEMO_SEED: Seed = {
  keys: [{ KeySpec: 'HMAC_384', Description: 'wasmac demo key', Aliases: ['alias/demo'] }],
};

function bad(where: string, message: string): KeyStoreError {
  return new KeyStoreError(`seed ${where}: ${message}`);
}

function material(key: SeedKey, where: string): Uint8Array {
  if (key.MaterialHex !== undefined && key.MaterialBase64 !== undefined) {
    throw bad(where, 'give MaterialHex or MaterialBase64, not both');
  }
  let bytes: Uint8Array;
  if (key.MaterialHex !== undefined) {
    if (typeof key.MaterialHex !== 'string' || !/^(?:[0-9a-fA-F]{2})+$/.test(key.MaterialHex)) {
      throw bad(where, 'MaterialHex must be an even number of hex digits');
    }
    bytes = Uint8Array.from(Buffer.from(key.MaterialHex, 'hex'));
  } else if (key.MaterialBase64 !== undefined) {
    if (typeof key.MaterialBase64 !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(key.MaterialBase64) || key.MaterialBase64.length % 4 !== 0) {
      throw bad(where, 'MaterialBase64 must be standard base64 with padding');
    }
    bytes = Uint8Array.from(Buffer.from(key.MaterialBase64, 'base64'));
  } else {
    return crypto.getRandomValues(new Uint8Array(MATERIAL_LENGTH[key.KeySpec]!));
  }
  if (bytes.length < 1 || bytes.length > 1024) throw bad(where, `material must be 1 to 1024 bytes, got ${bytes.length}`);
  return bytes;
}

function checkAlias(name: unknown, where: string): string {
  if (typeof name !== 'string' || !ALIAS.test(name) || name.startsWith('alias/aws/')) {
    throw bad(where, `${JSON.stringify(name)} is not a valid alias name (alias/<name>, letters, digits, :/_-; not alias/aws/)`);
  }
  return name;
}

/** Checks a parsed seed file; throws a {@link KeyStoreError} naming the first problem. */
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
    if (typeof key.KeySpec !== 'string' || !Object.hasOwn(MATERIAL_LENGTH, key.KeySpec)) {
      throw bad(where, `KeySpec must be one of HMAC_224, HMAC_256, HMAC_384, HMAC_512`);
    }
    if (key.KeyId !== undefined && (typeof key.KeyId !== 'string' || !KEY_ID.test(key.KeyId))) {
      throw bad(where, 'KeyId must be a lower-case UUID or mrk- and 32 hex digits');
    }
    if (key.Description !== undefined && typeof key.Description !== 'string') throw bad(where, 'Description must be a string');
    if (key.Enabled !== undefined && typeof key.Enabled !== 'boolean') throw bad(where, 'Enabled must be true or false');
    if (key.Aliases !== undefined && !Array.isArray(key.Aliases)) throw bad(where, 'Aliases must be an array of alias names');
    (key.Aliases ?? []).forEach((a) => checkAlias(a, where));
    if (key.Tags !== undefined && (!Array.isArray(key.Tags) || key.Tags.some((t) => typeof t?.TagKey !== 'string' || typeof t?.TagValue !== 'string'))) {
      throw bad(where, 'Tags must be an array of {"TagKey","TagValue"} strings');
    }
    material(key, where).fill(0);
  });
  (s.aliases ?? []).forEach((a, i) => {
    if (typeof a !== 'object' || a === null || Array.isArray(a)) throw bad(`aliases[${i}]`, 'must be an object');
    checkAlias(a.AliasName, `aliases[${i}]`);
    if (typeof a.TargetKeyId !== 'string') throw bad(`aliases[${i}]`, 'TargetKeyId must be a key ID');
  });
  return s;
}

/** Writes a seeded record as one atomic change (its aliases claimed in the store's index). */
async function write(store: KeyStore, record: StoredKey): Promise<void> {
  await Repository.of(store).transact((tx) => {
    tx.key(record.KeyId);
    tx.put(record);
  });
}

/**
 * Adds the seed's keys and aliases that are not in `store` yet. Records are
 * written whole, as the facade's CreateKey and CreateAlias would leave them.
 */
export async function applySeed(store: KeyStore, seed: Seed, context: SeedContext): Promise<SeedResult> {
  validateSeed(seed);
  const now = (context.now ?? Date.now)();
  const existing = (await store.scan()).map((v) => v.record);
  const aliasOwner = new Map<string, StoredKey>();
  const keys = new Map<string, StoredKey>();
  for (const k of existing) {
    keys.set(k.KeyId, k);
    for (const a of k.aliases) aliasOwner.set(a.AliasName, k);
  }
  const result: SeedResult = { created: [], skipped: [], aliases: [] };
  for (const [i, key] of (seed.keys ?? []).entries()) {
    const aliases = key.Aliases ?? [];
    const label = key.KeyId ?? aliases[0] ?? `keys[${i}]`;
    if ((key.KeyId !== undefined && keys.has(key.KeyId)) || aliases.some((a) => aliasOwner.has(a))) {
      result.skipped.push(label);
      continue;
    }
    const keyId = key.KeyId ?? randomUUID();
    const bytes = material(key, `keys[${i}]`);
    const record: StoredKey = {
      KeyId: keyId,
      AccountId: context.accountId,
      Region: context.region,
      Arn: `arn:aws:kms:${context.region}:${context.accountId}:key/${keyId}`,
      CreationDate: now,
      Description: key.Description ?? '',
      KeySpec: key.KeySpec,
      KeyUsage: 'GENERATE_VERIFY_MAC',
      Origin: 'AWS_KMS',
      KeyState: key.Enabled === false ? 'Disabled' : 'Enabled',
      MultiRegion: keyId.startsWith('mrk-'),
      material: new SecretBytes(bytes),
      aliases: aliases.map((AliasName) => ({ AliasName, CreationDate: now, LastUpdatedDate: now })),
      tags: (key.Tags ?? []).map((t) => ({ TagKey: t.TagKey, TagValue: t.TagValue })),
      grants: [],
    };
    bytes.fill(0);
    await write(store, record);
    keys.set(keyId, record);
    for (const a of aliases) aliasOwner.set(a, record);
    result.created.push(keyId);
  }
  for (const [i, alias] of (seed.aliases ?? []).entries()) {
    if (aliasOwner.has(alias.AliasName)) continue;
    const target = keys.get(alias.TargetKeyId);
    if (target === undefined) throw bad(`aliases[${i}]`, `TargetKeyId ${alias.TargetKeyId} is not a key of the store or the seed`);
    const updated: StoredKey = {
      ...target,
      aliases: [...target.aliases, { AliasName: alias.AliasName, CreationDate: now, LastUpdatedDate: now }],
    };
    await write(store, updated);
    keys.set(updated.KeyId, updated);
    aliasOwner.set(alias.AliasName, updated);
    result.aliases.push(alias.AliasName);
  }
  return result;
}
