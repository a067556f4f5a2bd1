/**
 * The conformance smoke that every runtime runs (Node, Deno, Bun, workerd,
 * Chromium): RFC 4231 through `hmac` and `HmacKey`, SHA-2 vectors, streaming
 * hashes and HMACs that share the core, and the facade's seed example. It
 * takes the package's API as an argument, so that each harness hands in the
 * entry that runtime resolves (`wasmac` by its default or `workerd` condition),
 * and it uses nothing but ECMAScript, `TextEncoder` and WebCrypto: no file access, no
 * Node built-ins.
 *
 * It runs once on the backend the entry picked and, when that is SIMD, once
 * more on the scalar build forced with `useBackend('scalar')`, then restores
 * the first backend. Failures are collected, not thrown: the harness prints
 * them all.
 */
import type * as Wasmac from '../../src/index.js';
import type { SdkRun } from './sdk-smoke.js';
import { HMAC_1MIB, RFC_4231, SHA2 } from './vectors.js';

export type Api = typeof Wasmac;
type HashName = Wasmac.HashName;

/** One pass of the smoke on one backend. */
export interface BackendRun {
  backend: Wasmac.BackendInUse;
  checks: number;
  failures: string[];
}

export interface SmokeReport {
  /** `node`, `deno`, `bun`, `workerd`, `chromium` or `firefox`, as seen from inside. */
  runtime: string;
  /** The runtime's own version where it tells one (workerd does not: '' then). */
  version: string;
  /** The backend the entry picked on import (`native+...` where the `node` condition routes long messages to node:crypto). */
  backend: Wasmac.BackendInUse;
  runs: BackendRun[];
  /** The entry's export names, sorted: every entry must have the same. */
  exports: string[];
  ok: boolean;
  /** `@aws-sdk/client-kms` over `KmsRequestHandler` (sdk-smoke.ts), added by the harness's entry. */
  sdk?: SdkRun;
}

const HASHES: readonly HashName[] = ['sha224', 'sha256', 'sha384', 'sha512'];

interface RuntimeGlobals {
  Deno?: { version?: { deno?: string } };
  Bun?: { version?: string };
  process?: { versions?: { node?: string } };
  navigator?: { userAgent?: string };
}

/** Which runtime this is, from inside it. */
export function detectRuntime(): { runtime: string; version: string } {
  const g = globalThis as RuntimeGlobals;
  if (g.Deno?.version?.deno !== undefined) return { runtime: 'deno', version: g.Deno.version.deno };
  if (g.Bun?.version !== undefined) return { runtime: 'bun', version: g.Bun.version };
  const ua = g.navigator?.userAgent ?? '';
  if (ua === 'Cloudflare-Workers') return { runtime: 'workerd', version: '' };
  if (g.process?.versions?.node !== undefined) return { runtime: 'node', version: g.process.versions.node };
  const chrome = /(?:Headless)?Chrome\/([\d.]+)/.exec(ua);
  if (chrome !== null) return { runtime: 'chromium', version: chrome[1]! };
  const firefox = /Firefox\/(\S+)/.exec(ua);
  if (firefox !== null) return { runtime: 'firefox', version: firefox[1]! };
  return { runtime: 'unknown', version: ua };
}

class Checks {
  count = 0;
  readonly failures: string[] = [];

  /** Records one check; `detail` is built only when it fails. */
  ok(cond: boolean, what: string, detail?: () => string): void {
    this.count++;
    if (!cond) this.failures.push(detail === undefined ? what : `${what}: ${detail()}`);
  }

  equalHex(actual: string, expected: string, what: string): void {
    this.ok(actual === expected, what, () => `got ${actual}, want ${expected}`);
  }

  /** Runs a group; an exception fails the group with its message instead of ending the smoke. */
  async group(name: string, fn: () => void | Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.count++;
      this.failures.push(`${name} threw ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
    }
  }
}

function rfc4231(api: Api, c: Checks): void {
  for (const v of RFC_4231) {
    const key = api.fromHex(v.key);
    const data = api.fromHex(v.data);
    for (const hash of HASHES) {
      const hexLen = v.truncateBits === undefined ? undefined : v.truncateBits / 4;
      const what = `RFC 4231 case ${v.case} ${hash}`;
      c.equalHex(api.toHex(api.hmac(hash, key, data)).slice(0, hexLen), v[hash], `${what} hmac()`);
      const k = new api.HmacKey(hash, key);
      const tag = k.mac(data);
      c.equalHex(api.toHex(tag).slice(0, hexLen), v[hash], `${what} HmacKey.mac`);
      c.ok(k.verify(data, tag), `${what} HmacKey.verify accepts its tag`);
      c.ok(!k.verify(data, tag.subarray(0, tag.length - 1)), `${what} HmacKey.verify rejects a truncated tag`);
      k.destroy();
    }
  }
  // Two keys used in turn: the core's one KEY region moves between them.
  const a = new api.HmacKey('sha256', api.fromHex(RFC_4231[0]!.key));
  const b = new api.HmacKey('sha512', api.fromHex(RFC_4231[1]!.key));
  for (let i = 0; i < 3; i++) {
    c.equalHex(api.toHex(a.mac(api.fromHex(RFC_4231[0]!.data))), RFC_4231[0]!.sha256, `RFC 4231 interleaved keys, round ${i} (sha256)`);
    c.equalHex(api.toHex(b.mac(api.fromHex(RFC_4231[1]!.data))), RFC_4231[1]!.sha512, `RFC 4231 interleaved keys, round ${i} (sha512)`);
  }
  a.destroy();
  b.destroy();
}

function sha2(api: Api, c: Checks): void {
  const fns = { sha224: api.sha224, sha256: api.sha256, sha384: api.sha384, sha512: api.sha512 };
  const encoder = new TextEncoder();
  for (const v of SHA2) {
    if (v.repeat !== 1) continue;
    for (const hash of HASHES) {
      c.equalHex(api.toHex(fns[hash](v.message)), v[hash], `SHA-2 ${v.name} ${hash} (string)`);
      c.equalHex(api.toHex(fns[hash](encoder.encode(v.message))), v[hash], `SHA-2 ${v.name} ${hash} (bytes)`);
    }
  }
}

/** Chunk sizes that straddle the block sizes (64, 128) and the core's input window. */
const CHUNKS = [1, 63, 64, 65, 127, 128, 129, 1000, 4096, 70_000, 300_000];

function streaming(api: Api, c: Checks): void {
  // One million "a" through four hashers updated in turn, so that the core's
  // one streaming context changes owner on every call.
  const million = SHA2.find((v) => v.repeat !== 1)!;
  const source = new Uint8Array(million.repeat).fill(million.message.charCodeAt(0));
  const hashers = HASHES.map((hash) => api.createHash(hash));
  let offset = 0;
  for (let i = 0; offset < source.length; i++) {
    const end = Math.min(source.length, offset + CHUNKS[i % CHUNKS.length]!);
    for (const h of hashers) h.update(source.subarray(offset, end));
    offset = end;
  }
  HASHES.forEach((hash, i) => c.equalHex(api.toHex(hashers[i]!.digest()), million[hash], `streaming ${million.name} ${hash}, interleaved`));

  // 1 MiB HMAC: one-shot (fed in chunks past the input window) and streaming.
  const key = api.fromHex(HMAC_1MIB.key);
  const message = new Uint8Array(HMAC_1MIB.size).fill(0x61);
  for (const hash of HASHES) {
    c.equalHex(api.toHex(api.hmac(hash, key, message)), HMAC_1MIB[hash], `1 MiB HMAC ${hash} one-shot`);
    const h = api.createHmac(hash, key);
    for (let at = 0, i = 0; at < message.length; i++) {
      const end = Math.min(message.length, at + CHUNKS[(i * 7) % CHUNKS.length]!);
      h.update(message.subarray(at, end));
      at = end;
    }
    c.equalHex(api.toHex(h.digest()), HMAC_1MIB[hash], `1 MiB HMAC ${hash} streaming`);
    // A key whose slice() is a view of its memory, as a Node Buffer's is: the key's own copy
    // must not be one (wiped when the native half is made, it would zero the caller's array).
    const viewKey = new ViewSliceArray(key);
    const k = new api.HmacKey(hash, viewKey);
    c.equalHex(api.toHex(k.mac(message)), HMAC_1MIB[hash], `1 MiB HmacKey ${hash}, a key whose slice() is a view`);
    k.destroy();
    c.equalHex(api.toHex(viewKey), HMAC_1MIB.key, `HmacKey ${hash} leaves the caller's key (slice() a view) as it was`);
  }
}

/** A Uint8Array whose slice() returns a view, as Node's Buffer does. */
class ViewSliceArray extends Uint8Array {
  override slice(start?: number, end?: number): Uint8Array<ArrayBuffer> {
    return this.subarray(start, end) as Uint8Array<ArrayBuffer>;
  }
}

/** Whether `fn` rejects with an instance of `cls` (and of the base class) named `name`. */
async function rejectsWith(c: Checks, what: string, fn: () => Promise<unknown>, cls: abstract new (...args: never[]) => Error, api: Api, name: string): Promise<void> {
  try {
    await fn();
    c.ok(false, what, () => 'resolved, want a rejection');
  } catch (err) {
    c.ok(err instanceof cls, `${what}: instanceof ${name}`, () => `got ${String(err)}`);
    c.ok(err instanceof api.KMSServiceException, `${what}: instanceof KMSServiceException`);
    c.ok((err as Error).name === name, `${what}: name`, () => `got ${(err as Error).name}`);
  }
}

/**
 * The facade's seed example: an HMAC_384 key behind an alias, GenerateMac of
 * "Hello World" through the alias, VerifyMac, and the errors a caller sees.
 */
async function facade(api: Api, c: Checks): Promise<void> {
  const client = new api.KMSClient();
  const { KeyMetadata } = await client.send(new api.CreateKeyCommand({ KeySpec: 'HMAC_384', KeyUsage: 'GENERATE_VERIFY_MAC' }));
  const keyId = KeyMetadata!.KeyId;
  const arn = KeyMetadata!.Arn;
  c.ok(KeyMetadata?.KeySpec === 'HMAC_384' && KeyMetadata.KeyState === 'Enabled', 'CreateKey: an enabled HMAC_384 key');
  const alias = await client.send(new api.CreateAliasCommand({ AliasName: 'alias/smoke', TargetKeyId: keyId }));
  c.ok(alias.$metadata.httpStatusCode === 200, 'CreateAlias: alias/smoke');
  const request = { KeyId: 'alias/smoke', Message: 'Hello World', MacAlgorithm: 'HMAC_SHA_384' } as const;
  const out = await client.send(new api.GenerateMacCommand(request));
  c.ok(out.KeyId === arn, 'GenerateMac: KeyId is the key ARN', () => `got ${out.KeyId}`);
  c.ok(out.Mac instanceof Uint8Array && out.Mac.length === 48, 'GenerateMac: a 48-byte Mac');
  c.ok(out.MacAlgorithm === 'HMAC_SHA_384' && out.$metadata.httpStatusCode === 200, 'GenerateMac: MacAlgorithm and $metadata');
  const again = await client.send(new api.GenerateMacCommand({ ...request, Message: new TextEncoder().encode('Hello World') }));
  c.ok(api.toHex(again.Mac!) === api.toHex(out.Mac!), 'GenerateMac: a string and its UTF-8 bytes give the same Mac');
  const verified = await client.send(new api.VerifyMacCommand({ ...request, Mac: out.Mac }));
  c.ok(verified.MacValid === true && verified.KeyId === arn, 'VerifyMac: MacValid and the key ARN');
  const byId = await client.send(new api.VerifyMacCommand({ ...request, KeyId: keyId, Mac: out.Mac }));
  c.ok(byId.MacValid === true, 'VerifyMac through the key ID accepts the Mac made through the alias');
  const changed = out.Mac!.slice();
  changed[0]! ^= 1;
  await rejectsWith(c, 'VerifyMac of a changed Mac', () => client.send(new api.VerifyMacCommand({ ...request, Mac: changed })), api.KMSInvalidMacException, api, 'KMSInvalidMacException');
  await rejectsWith(c, 'VerifyMac of a changed message', () => client.send(new api.VerifyMacCommand({ ...request, Message: 'Hello World!', Mac: out.Mac })), api.KMSInvalidMacException, api, 'KMSInvalidMacException');
  await rejectsWith(c, 'GenerateMac with an unknown alias', () => client.send(new api.GenerateMacCommand({ ...request, KeyId: 'alias/no-such-alias' })), api.NotFoundException, api, 'NotFoundException');
}

/**
 * Bring your own key material on WebCrypto alone: an EXTERNAL key, a wrapping
 * key from GetParametersForImport, 32 random bytes wrapped with RSA-OAEP
 * (SHA-256) by `crypto.subtle`, imported; GenerateMac then equals `hmac()` of
 * the same bytes, and DeleteImportedKeyMaterial puts the key back to
 * PendingImport.
 */
async function importFlow(api: Api, c: Checks): Promise<void> {
  const client = new api.KMSClient();
  const { KeyMetadata } = await client.send(new api.CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC', Origin: 'EXTERNAL' }));
  const KeyId = KeyMetadata!.KeyId;
  c.ok(KeyMetadata?.KeyState === 'PendingImport' && KeyMetadata.Enabled === false, 'import: an EXTERNAL key starts PendingImport');
  const request = { KeyId, Message: 'Hello World', MacAlgorithm: 'HMAC_SHA_256' } as const;
  await rejectsWith(c, 'import: GenerateMac before the import', () => client.send(new api.GenerateMacCommand(request)), api.KMSInvalidStateException, api, 'KMSInvalidStateException');
  const p = await client.send(new api.GetParametersForImportCommand({ KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }));
  const material = crypto.getRandomValues(new Uint8Array(32));
  const wrappingKey = await crypto.subtle.importKey('spki', Uint8Array.from(p.PublicKey!), { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['encrypt']);
  const EncryptedKeyMaterial = new Uint8Array(await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, wrappingKey, material));
  await client.send(new api.ImportKeyMaterialCommand({ KeyId, ImportToken: p.ImportToken, EncryptedKeyMaterial, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));
  const out = await client.send(new api.GenerateMacCommand(request));
  c.equalHex(api.toHex(out.Mac!), api.toHex(api.hmac('sha256', material, 'Hello World')), 'import: GenerateMac equals hmac() of the imported bytes');
  await client.send(new api.DeleteImportedKeyMaterialCommand({ KeyId }));
  await rejectsWith(c, 'import: GenerateMac after DeleteImportedKeyMaterial', () => client.send(new api.GenerateMacCommand(request)), api.KMSInvalidStateException, api, 'KMSInvalidStateException');
}

async function pass(api: Api): Promise<BackendRun> {
  const c = new Checks();
  await c.group('RFC 4231', () => rfc4231(api, c));
  await c.group('SHA-2', () => sha2(api, c));
  await c.group('streaming', () => streaming(api, c));
  await c.group('facade', () => facade(api, c));
  await c.group('import', () => importFlow(api, c));
  return { backend: api.backend(), checks: c.count, failures: c.failures };
}

/** Runs the smoke against `api` (the entry this runtime resolved) and reports. */
export async function runSmoke(api: Api): Promise<SmokeReport> {
  const { runtime, version } = detectRuntime();
  const first = api.backend();
  const runs = [await pass(api)];
  if (first !== 'scalar') {
    // The scalar core alone (no native routing either), then back to what the entry picked.
    await api.useBackend('scalar');
    runs.push(await pass(api));
    await api.useBackend(first === 'simd' ? 'simd' : 'auto');
  }
  return {
    runtime,
    version,
    backend: first,
    runs,
    exports: Object.keys(api).sort(),
    ok: runs.every((r) => r.failures.length === 0),
  };
}
