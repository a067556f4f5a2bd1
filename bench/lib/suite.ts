/**
 * The benchmark suite, the same in Node, Deno, Bun and the browser: HMAC-SHA-256
 * and HMAC-SHA-512 at fixed sizes, SHA-2 at 1 MiB, batches of 64 messages under
 * one key, and the KMS facade at 256 B. Every implementation's result is
 * checked against the runtime's native one (node:crypto where there is one,
 * else WebCrypto) before it is timed; a wrong result throws.
 */
import { hmac as nobleHmac } from '@noble/hashes/hmac.js';
import { sha256 as nobleSha256, sha512 as nobleSha512 } from '@noble/hashes/sha2.js';
import { createHMAC, createSHA256, createSHA512, type IHasher } from 'hash-wasm';
import * as wasmac from '../../src/index.js';
import { revealSecret, type SecretBytes } from '../../src/kms/secret.js';
import { measure, type MeasureOptions, type Timing } from './measure.js';
import type { Group, NativeName, Row, RuntimeName, SuiteResult } from './types.js';

type Hash = 'sha256' | 'sha512';
type Backend = 'simd' | 'scalar';
type NodeCrypto = typeof import('node:crypto');

export const HASHES: readonly Hash[] = ['sha256', 'sha512'];
export const HMAC_SIZES = [32, 256, 1024, 4096, 1 << 20] as const;
export const HASH_SIZE = 1 << 20;
export const BATCH_SIZES = [64, 4096] as const;
export const BATCH_COUNT = 64;
export const FACADE_SIZE = 256;

export interface SuiteOptions extends MeasureOptions {
  rounds: number;
  runtime: RuntimeName;
  version: string;
  /** Only cases whose id contains one of these strings (all when empty). */
  only: string[];
  log: (line: string) => void;
}

/** A case: how to build its timed function (checking it first). */
interface Case {
  group: Group;
  hash: Hash;
  size: number;
  impl: string;
  backend?: Backend;
  perCall: number;
  isAsync: boolean;
  /** Builds the task, checks its result against the native one, returns it. */
  prepare(): Promise<() => unknown>;
}

/** The methods of the batch API, which older engines lack. */
interface BatchApi {
  macBatch(messages: Uint8Array[]): Uint8Array[];
  macBatchInto(messages: Uint8Array[], out: Uint8Array): void;
}

/** The facade's exports, looked up at run time so the suite runs without it. */
interface FacadeApi {
  KMSClient: new (config?: Record<string, unknown>) => { send(command: unknown): Promise<Record<string, unknown>> };
  CreateKeyCommand: new (input: Record<string, unknown>) => unknown;
  GenerateMacCommand: new (input: Record<string, unknown>) => unknown;
  MemoryKeyStore: new () => { get(keyId: string): Promise<{ material?: SecretBytes } | undefined> };
}

/** Deterministic bytes (xorshift32), so every runtime hashes the same messages. */
export function bytes(n: number, seed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** The fixed key of each hash: 32 bytes for SHA-256, 64 for SHA-512. */
export function keyFor(hash: Hash): Uint8Array<ArrayBuffer> {
  return bytes(hash === 'sha256' ? 32 : 64, hash === 'sha256' ? 0x5eed256 : 0x5eed512);
}

function webName(hash: Hash): string {
  return hash === 'sha256' ? 'SHA-256' : 'SHA-512';
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function hex(a: Uint8Array): string {
  let s = '';
  for (const b of a) s += b.toString(16).padStart(2, '0');
  return s;
}

export function rowId(group: Group, hash: Hash, size: number, impl: string): string {
  return `${group}/${hash}/${size}/${impl}`;
}

async function loadNode(): Promise<NodeCrypto | undefined> {
  try {
    const specifier = 'node:crypto';
    return (await import(specifier)) as NodeCrypto;
  } catch {
    return undefined;
  }
}

async function loadFacade(): Promise<FacadeApi | undefined> {
  const mod = wasmac as unknown as Record<string, unknown>;
  for (const name of ['KMSClient', 'CreateKeyCommand', 'GenerateMacCommand', 'MemoryKeyStore']) if (typeof mod[name] !== 'function') return undefined;
  return mod as unknown as FacadeApi;
}

async function simdAvailable(): Promise<boolean> {
  const before = wasmac.backend() as Backend;
  if (before === 'simd') return true;
  try {
    await wasmac.useBackend('simd');
    await wasmac.useBackend(before);
    return true;
  } catch {
    return false;
  }
}

export async function runSuite(o: SuiteOptions): Promise<SuiteResult> {
  const node = await loadNode();
  const subtle = globalThis.crypto?.subtle;
  if (node === undefined && subtle === undefined) throw new Error('no native baseline: neither node:crypto nor WebCrypto');
  const native: NativeName = node !== undefined ? 'node:crypto' : 'WebCrypto';
  const notes: string[] = [];
  const defaultBackend = wasmac.backend() as Backend;
  const backends: Backend[] = (await simdAvailable()) ? ['scalar', 'simd'] : ['scalar'];
  if (!backends.includes('simd')) notes.push('Wasm SIMD is not available here: batch rows ran on the scalar core only.');

  const messages = new Map<number, Uint8Array<ArrayBuffer>>();
  const message = (size: number): Uint8Array<ArrayBuffer> => {
    let m = messages.get(size);
    if (m === undefined) messages.set(size, (m = bytes(size, size * 7919 + 1)));
    return m;
  };
  const batchMessages = (size: number): Uint8Array<ArrayBuffer>[] => Array.from({ length: BATCH_COUNT }, (_, i) => bytes(size, size * 31 + i + 17));

  const webKeys = new Map<Hash, CryptoKey>();
  const webKey = async (hash: Hash): Promise<CryptoKey> => {
    let k = webKeys.get(hash);
    if (k === undefined) {
      k = await subtle!.importKey('raw', keyFor(hash), { name: 'HMAC', hash: webName(hash) }, false, ['sign']);
      webKeys.set(hash, k);
    }
    return k;
  };

  /** The native tag of `m` under `key`: what every other implementation must produce. */
  const nativeMac = async (hash: Hash, key: Uint8Array<ArrayBuffer>, m: Uint8Array<ArrayBuffer>): Promise<Uint8Array> => {
    if (node !== undefined) return new Uint8Array(node.createHmac(hash, key).update(m).digest());
    const ck = await subtle!.importKey('raw', key, { name: 'HMAC', hash: webName(hash) }, false, ['sign']);
    return new Uint8Array(await subtle!.sign('HMAC', ck, m));
  };
  const expectMac = (hash: Hash, m: Uint8Array<ArrayBuffer>): Promise<Uint8Array> => nativeMac(hash, keyFor(hash), m);
  const expectHash = async (hash: Hash, m: Uint8Array<ArrayBuffer>): Promise<Uint8Array> =>
    node !== undefined ? new Uint8Array(node.createHash(hash).update(m).digest()) : new Uint8Array(await subtle!.digest(webName(hash), m));

  const check = (label: string, got: Uint8Array, want: Uint8Array): void => {
    if (!sameBytes(got, want)) throw new Error(`${label}: result differs from ${native}: ${hex(got).slice(0, 32)}... != ${hex(want).slice(0, 32)}...`);
  };
  const checkAll = (label: string, got: Uint8Array[], want: Uint8Array[]): void => {
    if (got.length !== want.length) throw new Error(`${label}: ${got.length} results for ${want.length} messages`);
    got.forEach((g, i) => check(`${label} [${i}]`, g, want[i]!));
  };
  const hasWasm = (hash: Hash): Promise<IHasher> => (hash === 'sha256' ? createSHA256() : createSHA512());
  const nobleHash = (hash: Hash) => (hash === 'sha256' ? nobleSha256 : nobleSha512);

  const cases: Case[] = [];
  const add = (c: Omit<Case, 'perCall' | 'isAsync'> & Partial<Pick<Case, 'perCall' | 'isAsync'>>): void => {
    cases.push({ perCall: 1, isAsync: false, ...c });
  };

  for (const hash of HASHES) {
    const K = keyFor(hash);
    for (const size of HMAC_SIZES) {
      const m = message(size);
      const base = { group: 'hmac' as const, hash, size };
      const label = (impl: string): string => `HMAC-${hash} ${size} B ${impl}`;
      if (node !== undefined) {
        add({ ...base, impl: 'node:crypto', prepare: async () => () => node.createHmac(hash, K).update(m).digest() });
      }
      if (subtle !== undefined) {
        add({
          ...base,
          impl: 'WebCrypto',
          isAsync: true,
          prepare: async () => {
            const ck = await webKey(hash);
            check(label('WebCrypto'), new Uint8Array(await subtle.sign('HMAC', ck, m)), await expectMac(hash, m));
            return () => subtle.sign('HMAC', ck, m);
          },
        });
      }
      add({
        ...base,
        impl: 'wasmac HmacKey.mac',
        backend: defaultBackend,
        prepare: async () => {
          const key = new wasmac.HmacKey(hash, K);
          check(label('HmacKey.mac'), key.mac(m), await expectMac(hash, m));
          return () => key.mac(m);
        },
      });
      add({
        ...base,
        impl: 'wasmac HmacKey.macInto',
        backend: defaultBackend,
        prepare: async () => {
          const key = new wasmac.HmacKey(hash, K);
          const out = new Uint8Array(key.outputLen);
          key.macInto(m, out);
          check(label('HmacKey.macInto'), out, await expectMac(hash, m));
          return () => {
            key.macInto(m, out);
            return out;
          };
        },
      });
      add({
        ...base,
        impl: 'wasmac hmac()',
        backend: defaultBackend,
        prepare: async () => {
          check(label('hmac()'), wasmac.hmac(hash, K, m), await expectMac(hash, m));
          return () => wasmac.hmac(hash, K, m);
        },
      });
      add({
        ...base,
        impl: 'hash-wasm',
        prepare: async () => {
          const h = await createHMAC(hasWasm(hash), K);
          const run = (): Uint8Array => {
            h.init();
            h.update(m);
            return h.digest('binary');
          };
          check(label('hash-wasm'), run(), await expectMac(hash, m));
          return run;
        },
      });
      add({
        ...base,
        impl: '@noble/hashes reused',
        prepare: async () => {
          const proto = nobleHmac.create(nobleHash(hash), K);
          const run = (): Uint8Array => proto.clone().update(m).digest();
          check(label('@noble/hashes reused'), run(), await expectMac(hash, m));
          return run;
        },
      });
      add({
        ...base,
        impl: '@noble/hashes one-shot',
        prepare: async () => {
          const run = (): Uint8Array => nobleHmac(nobleHash(hash), K, m);
          check(label('@noble/hashes one-shot'), run(), await expectMac(hash, m));
          return run;
        },
      });
    }
  }

  for (const hash of HASHES) {
    const m = message(HASH_SIZE);
    const base = { group: 'hash' as const, hash, size: HASH_SIZE };
    const label = (impl: string): string => `${hash} 1 MiB ${impl}`;
    if (node !== undefined) add({ ...base, impl: 'node:crypto', prepare: async () => () => node.createHash(hash).update(m).digest() });
    if (subtle !== undefined) {
      add({
        ...base,
        impl: 'WebCrypto',
        isAsync: true,
        prepare: async () => {
          check(label('WebCrypto'), new Uint8Array(await subtle.digest(webName(hash), m)), await expectHash(hash, m));
          return () => subtle.digest(webName(hash), m);
        },
      });
    }
    const fn = hash === 'sha256' ? wasmac.sha256 : wasmac.sha512;
    add({
      ...base,
      impl: `wasmac ${hash}()`,
      backend: defaultBackend,
      prepare: async () => {
        check(label('wasmac'), fn(m), await expectHash(hash, m));
        return () => fn(m);
      },
    });
    add({
      ...base,
      impl: 'hash-wasm',
      prepare: async () => {
        const h = await hasWasm(hash);
        const run = (): Uint8Array => {
          h.init();
          h.update(m);
          return h.digest('binary');
        };
        check(label('hash-wasm'), run(), await expectHash(hash, m));
        return run;
      },
    });
    add({
      ...base,
      impl: '@noble/hashes',
      prepare: async () => {
        const run = (): Uint8Array => nobleHash(hash)(m);
        check(label('@noble/hashes'), run(), await expectHash(hash, m));
        return run;
      },
    });
  }

  const probe = new wasmac.HmacKey('sha256', keyFor('sha256')) as unknown as Partial<BatchApi>;
  const hasBatch = typeof probe.macBatch === 'function' && typeof probe.macBatchInto === 'function';
  if (!hasBatch) notes.push('Batch rows skipped: this engine has no HmacKey.macBatch / macBatchInto yet.');
  for (const hash of HASHES) {
    const K = keyFor(hash);
    for (const size of BATCH_SIZES) {
      const msgs = batchMessages(size);
      const base = { group: 'batch' as const, hash, size, perCall: BATCH_COUNT };
      const label = (impl: string): string => `HMAC-${hash} batch ${BATCH_COUNT} x ${size} B ${impl}`;
      const expected = async (): Promise<Uint8Array[]> => Promise.all(msgs.map((m) => expectMac(hash, m)));
      if (node !== undefined) {
        add({
          ...base,
          impl: `node:crypto x${BATCH_COUNT}`,
          prepare: async () => () => {
            let t: Uint8Array | undefined;
            for (const m of msgs) t = node.createHmac(hash, K).update(m).digest();
            return t;
          },
        });
      }
      if (subtle !== undefined) {
        add({
          ...base,
          impl: `WebCrypto x${BATCH_COUNT} (Promise.all)`,
          isAsync: true,
          prepare: async () => {
            const ck = await webKey(hash);
            const run = (): Promise<ArrayBuffer[]> => Promise.all(msgs.map((m) => subtle.sign('HMAC', ck, m)));
            checkAll(label('WebCrypto'), (await run()).map((b) => new Uint8Array(b)), await expected());
            return run;
          },
        });
      }
      add({
        ...base,
        impl: `wasmac HmacKey.mac x${BATCH_COUNT}`,
        backend: defaultBackend,
        prepare: async () => {
          const key = new wasmac.HmacKey(hash, K);
          const run = (): Uint8Array[] => msgs.map((m) => key.mac(m));
          checkAll(label('HmacKey.mac loop'), run(), await expected());
          return () => {
            let t: Uint8Array | undefined;
            for (const m of msgs) t = key.mac(m);
            return t;
          };
        },
      });
      if (!hasBatch) continue;
      for (const b of backends) {
        add({
          ...base,
          impl: `wasmac macBatch (${b})`,
          backend: b,
          prepare: async () => {
            const key = new wasmac.HmacKey(hash, K) as unknown as BatchApi;
            checkAll(label(`macBatch ${b}`), key.macBatch(msgs), await expected());
            return () => key.macBatch(msgs);
          },
        });
        add({
          ...base,
          impl: `wasmac macBatchInto (${b})`,
          backend: b,
          prepare: async () => {
            const key = new wasmac.HmacKey(hash, K);
            const n = key.outputLen;
            const out = new Uint8Array(n * BATCH_COUNT);
            (key as unknown as BatchApi).macBatchInto(msgs, out);
            const want = await expected();
            checkAll(label(`macBatchInto ${b}`), msgs.map((_, i) => out.subarray(i * n, (i + 1) * n)), want);
            return () => {
              (key as unknown as BatchApi).macBatchInto(msgs, out);
              return out;
            };
          },
        });
      }
    }
  }

  const facade = await loadFacade();
  if (facade === undefined) notes.push('Facade row skipped: the main entry exports no KMSClient / MemoryKeyStore yet.');
  else {
    const m = message(FACADE_SIZE);
    add({
      group: 'facade',
      hash: 'sha256',
      size: FACADE_SIZE,
      impl: 'wasmac GenerateMac (facade)',
      backend: defaultBackend,
      isAsync: true,
      prepare: () => prepareFacade(facade, m, (key) => nativeMac('sha256', key, m), check),
    });
  }

  const selected = o.only.length === 0 ? cases : cases.filter((c) => o.only.some((s) => rowId(c.group, c.hash, c.size, c.impl).includes(s)));
  const timings = new Map<Case, Timing[]>(selected.map((c) => [c, []]));
  for (let round = 0; round < o.rounds; round++) {
    if (o.rounds > 1) o.log(`-- round ${round + 1} of ${o.rounds}`);
    for (const c of round % 2 === 0 ? selected : [...selected].reverse()) {
      const id = rowId(c.group, c.hash, c.size, c.impl);
      if (c.backend !== undefined && wasmac.backend() !== c.backend) await wasmac.useBackend(c.backend);
      const fn = await c.prepare();
      const done = timings.get(c)!;
      const t = await measure(id, fn, c.isAsync, round === 0 ? o : { ...o, warmupMs: o.warmupMs / 2 }, done[0]?.loop);
      done.push(t);
      o.log(`${id.padEnd(56)} ${fmtOps(t.ops * c.perCall).padStart(10)} msg/s  ±${t.rme.toFixed(1)}%`);
    }
  }
  const rows: Row[] = selected.map((c) => {
    const ts = timings.get(c)!;
    const best = ts.reduce((a, b) => (b.ops > a.ops ? b : a));
    const row: Row = {
      id: rowId(c.group, c.hash, c.size, c.impl),
      group: c.group,
      hash: c.hash,
      size: c.size,
      impl: c.impl,
      perCall: c.perCall,
      ops: best.ops * c.perCall,
      rounds: ts.map((t) => t.ops * c.perCall),
      opsMean: best.opsMean * c.perCall,
      rme: best.rme,
      samples: best.samples,
      loop: best.loop,
    };
    if (c.backend !== undefined) row.backend = c.backend;
    return row;
  });
  if (wasmac.backend() !== defaultBackend) await wasmac.useBackend(defaultBackend);
  return {
    runtime: o.runtime,
    version: o.version,
    native,
    backend: defaultBackend,
    timeMs: o.timeMs,
    sampleMs: o.sampleMs,
    rounds: o.rounds,
    rows,
    notes,
  };
}

/**
 * The facade case: a key made through the facade (in a key store of our own),
 * its Mac checked against the native HMAC under that key's material, then
 * timed as awaited `client.send(GenerateMacCommand)`.
 */
async function prepareFacade(
  api: FacadeApi,
  m: Uint8Array<ArrayBuffer>,
  nativeMac: (key: Uint8Array<ArrayBuffer>) => Promise<Uint8Array>,
  check: (label: string, got: Uint8Array, want: Uint8Array) => void,
): Promise<() => unknown> {
  const keyStore = new api.MemoryKeyStore();
  const client = new api.KMSClient({ keyStore });
  const created = await client.send(new api.CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }));
  const keyId = (created['KeyMetadata'] as { KeyId: string }).KeyId;
  const material = (await keyStore.get(keyId))?.material;
  if (material === undefined) throw new Error('facade: the key store has no material for the new key');
  const want = await nativeMac(Uint8Array.from(revealSecret(material)));
  const input = { KeyId: keyId, Message: m, MacAlgorithm: 'HMAC_SHA_256' };
  const first = await client.send(new api.GenerateMacCommand(input));
  if (!(first['Mac'] instanceof Uint8Array)) throw new Error('facade: GenerateMac returned no Mac');
  check('facade GenerateMac 256 B', first['Mac'], want);
  return () => client.send(new api.GenerateMacCommand(input));
}

export function fmtOps(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return n.toFixed(1);
}
