/**
 * The benchmark suite, the same in Node, Deno, Bun and the browser: HMAC at
 * sizes from 0 B to 1 MiB, SHA-2 at 1 MiB, batches of 64 messages under one
 * key, the KMS facade at 256 B, and the break-evens of native routing.
 *
 * Cases are data: a group names its hashes, sizes and implementations, and
 * each implementation is one entry of IMPLS that builds the timed function
 * and the result it checks against the runtime's native one (node:crypto
 * where there is one, else WebCrypto) before anything is timed.
 *
 * Every case is timed once per round, the cases of one group, hash and size
 * next to each other, every other round in reverse order: the two sides of a
 * ratio are timed in alternating rounds, close in time, and the report takes
 * the median of the per-round ratios and their spread (ratios.ts).
 */
import { hmac as nobleHmac } from '@noble/hashes/hmac.js';
import { sha256 as nobleSha256, sha512 as nobleSha512 } from '@noble/hashes/sha2.js';
import { createHMAC, createSHA256, createSHA512 } from 'hash-wasm';
import type * as Wasmac from '../../src/index.js';
import { knownKey } from './known-key.js';
import { measure, type MeasureOptions, type Timing } from './measure.js';
import type { Group, Hash, NativeName, Row, RuntimeName, SuiteResult } from './types.js';

/** The package under test: the entry this runtime resolves (`node` condition in Node, Deno, Bun). */
export type Api = typeof Wasmac;
type NodeCrypto = typeof import('node:crypto');

export const HASHES: readonly Hash[] = ['sha256', 'sha512'];
export const HMAC_SIZES = [0, 32, 256, 1024, 4096, 65536, 1 << 20] as const;
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
  /** The machine's 1-minute load average, where the runtime can tell. */
  load?: () => number | undefined;
}

/** What a case runs against: the runtime's natives and one message (or batch) of its size. */
interface Env {
  api: Api;
  node: NodeCrypto | undefined;
  subtle: SubtleCrypto | undefined;
  hash: Hash;
  size: number;
  key: Uint8Array<ArrayBuffer>;
  message: Uint8Array<ArrayBuffer>;
  messages: Uint8Array<ArrayBuffer>[];
}

/** A built case: the timed function and the result to check (one tag or digest, or one per message). */
interface Built {
  run: () => unknown;
  result: () => Uint8Array | Uint8Array[] | Promise<Uint8Array | Uint8Array[]>;
}

interface Impl {
  /** How the engine is set while this case runs (`useBackend`); none for other libraries. */
  backend?: Wasmac.BackendChoice;
  async?: boolean;
  /** Builds the case, or says why it cannot run here. */
  build(env: Env): Built | string | Promise<Built | string>;
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

const webName = (hash: Hash): string => (hash === 'sha256' ? 'SHA-256' : 'SHA-512');
const nobleHash = (hash: Hash) => (hash === 'sha256' ? nobleSha256 : nobleSha512);
const hashWasm = (hash: Hash): ReturnType<typeof createSHA256> => (hash === 'sha256' ? createSHA256() : createSHA512());

// ---- The implementations ---------------------------------------------------

const needsNode = 'needs node:crypto';
const needsSubtle = 'needs WebCrypto';

async function webKey(e: Env): Promise<CryptoKey> {
  return e.subtle!.importKey('raw', e.key, { name: 'HMAC', hash: webName(e.hash) }, false, ['sign']);
}

const IMPLS: Record<string, Impl> = {
  'node:crypto': {
    build: (e) => {
      if (e.node === undefined) return needsNode;
      const run = (): Uint8Array => e.node!.createHmac(e.hash, e.key).update(e.message).digest();
      return { run, result: run };
    },
  },
  'node:crypto KeyObject': {
    build: (e) => {
      if (e.node === undefined) return needsNode;
      const k = e.node.createSecretKey(e.key);
      const run = (): Uint8Array => e.node!.createHmac(e.hash, k).update(e.message).digest();
      return { run, result: run };
    },
  },
  'node:crypto hash': {
    build: (e) => {
      if (e.node === undefined) return needsNode;
      const run = (): Uint8Array => e.node!.createHash(e.hash).update(e.message).digest();
      return { run, result: run };
    },
  },
  WebCrypto: {
    async: true,
    build: async (e) => {
      if (e.subtle === undefined) return needsSubtle;
      const k = await webKey(e);
      const run = (): Promise<ArrayBuffer> => e.subtle!.sign('HMAC', k, e.message);
      return { run, result: async () => new Uint8Array(await run()) };
    },
  },
  'WebCrypto digest': {
    async: true,
    build: (e) => {
      if (e.subtle === undefined) return needsSubtle;
      const run = (): Promise<ArrayBuffer> => e.subtle!.digest(webName(e.hash), e.message);
      return { run, result: async () => new Uint8Array(await run()) };
    },
  },
  'wasmac HmacKey.mac': {
    backend: 'auto',
    build: (e) => {
      const k = new e.api.HmacKey(e.hash, e.key);
      const run = (): Uint8Array => k.mac(e.message);
      return { run, result: run };
    },
  },
  'wasmac HmacKey.mac (core only)': {
    backend: 'wasm',
    build: (e) => IMPLS['wasmac HmacKey.mac']!.build(e),
  },
  'wasmac HmacKey.macInto': {
    backend: 'auto',
    build: (e) => {
      const k = new e.api.HmacKey(e.hash, e.key);
      const out = new Uint8Array(k.outputLen);
      const run = (): Uint8Array => {
        k.macInto(e.message, out);
        return out;
      };
      return { run, result: () => run().slice() };
    },
  },
  'wasmac hmac()': {
    backend: 'auto',
    build: (e) => {
      const run = (): Uint8Array => e.api.hmac(e.hash, e.key, e.message);
      return { run, result: run };
    },
  },
  'hash-wasm': {
    build: async (e) => {
      const h = await createHMAC(hashWasm(e.hash), e.key);
      const run = (): Uint8Array => {
        h.init();
        h.update(e.message);
        return h.digest('binary');
      };
      return { run, result: run };
    },
  },
  '@noble/hashes reused': {
    build: (e) => {
      const proto = nobleHmac.create(nobleHash(e.hash), e.key);
      const run = (): Uint8Array => proto.clone().update(e.message).digest();
      return { run, result: run };
    },
  },
  '@noble/hashes one-shot': {
    build: (e) => {
      const run = (): Uint8Array => nobleHmac(nobleHash(e.hash), e.key, e.message);
      return { run, result: run };
    },
  },
  'wasmac sha()': {
    backend: 'auto',
    build: (e) => {
      const f = e.hash === 'sha256' ? e.api.sha256 : e.api.sha512;
      const run = (): Uint8Array => f(e.message);
      return { run, result: run };
    },
  },
  'wasmac sha() (scalar core)': {
    backend: 'scalar',
    build: (e) => IMPLS['wasmac sha()']!.build(e),
  },
  'hash-wasm hash': {
    build: async (e) => {
      const h = await hashWasm(e.hash);
      const run = (): Uint8Array => {
        h.init();
        h.update(e.message);
        return h.digest('binary');
      };
      return { run, result: run };
    },
  },
  '@noble/hashes hash': {
    build: (e) => {
      const run = (): Uint8Array => nobleHash(e.hash)(e.message);
      return { run, result: run };
    },
  },
  [`node:crypto x${BATCH_COUNT}`]: {
    build: (e) => {
      if (e.node === undefined) return needsNode;
      const one = (m: Uint8Array): Uint8Array => e.node!.createHmac(e.hash, e.key).update(m).digest();
      return { run: () => e.messages.map(one), result: () => e.messages.map(one) };
    },
  },
  [`WebCrypto x${BATCH_COUNT}`]: {
    async: true,
    build: async (e) => {
      if (e.subtle === undefined) return needsSubtle;
      const k = await webKey(e);
      const run = (): Promise<ArrayBuffer[]> => Promise.all(e.messages.map((m) => e.subtle!.sign('HMAC', k, m)));
      return { run, result: async () => (await run()).map((b) => new Uint8Array(b)) };
    },
  },
  [`wasmac HmacKey.mac x${BATCH_COUNT}`]: {
    backend: 'auto',
    build: (e) => {
      const k = new e.api.HmacKey(e.hash, e.key);
      const run = (): Uint8Array[] => e.messages.map((m) => k.mac(m));
      return { run, result: run };
    },
  },
  'wasmac macBatch': {
    backend: 'auto',
    build: (e) => {
      const k = new e.api.HmacKey(e.hash, e.key);
      const run = (): Uint8Array[] => k.macBatch(e.messages);
      return { run, result: run };
    },
  },
  'wasmac macBatch (scalar core)': {
    backend: 'scalar',
    build: (e) => IMPLS['wasmac macBatch']!.build(e),
  },
  'wasmac macBatchInto': {
    backend: 'auto',
    build: (e) => {
      const k = new e.api.HmacKey(e.hash, e.key);
      const n = k.outputLen;
      const out = new Uint8Array(n * e.messages.length);
      const run = (): Uint8Array => {
        k.macBatchInto(e.messages, out);
        return out;
      };
      return { run, result: () => (run(), e.messages.map((_, i) => out.slice(i * n, (i + 1) * n))) };
    },
  },
  'wasmac GenerateMac (facade)': {
    backend: 'auto',
    async: true,
    build: async (e) => {
      const { client, keyId } = await knownKey(e.api, e.key);
      const input = { KeyId: keyId, Message: e.message, MacAlgorithm: 'HMAC_SHA_256' } as const;
      const run = (): Promise<Wasmac.GenerateMacCommandOutput> => client.send(new e.api.GenerateMacCommand(input));
      return { run, result: async () => (await run()).Mac! };
    },
  },
};

/** A group of cases: every hash x size x implementation. */
interface GroupSpec {
  group: Group;
  hashes: readonly Hash[];
  sizes: readonly number[];
  impls: readonly string[];
  /** Messages per call (batches). */
  perCall?: number;
}

/** The break-even check: half and twice each HMAC break-even of this runtime, core alone against node:crypto. */
function crossoverSizes(api: Api, runtime: RuntimeName, hash: Hash): number[] {
  if (runtime === 'chromium') return [];
  const at = api.BREAK_EVEN[runtime].hmac[hash];
  return at === 0 ? [32] : [at / 2, at * 2];
}

function groups(api: Api, runtime: RuntimeName): GroupSpec[] {
  const HMAC_IMPLS = ['node:crypto', 'WebCrypto', 'wasmac HmacKey.mac', 'wasmac HmacKey.macInto', 'wasmac hmac()', 'wasmac HmacKey.mac (core only)', 'hash-wasm', '@noble/hashes reused', '@noble/hashes one-shot'];
  return [
    { group: 'hmac', hashes: HASHES, sizes: HMAC_SIZES, impls: HMAC_IMPLS },
    { group: 'hash', hashes: HASHES, sizes: [HASH_SIZE], impls: ['node:crypto hash', 'WebCrypto digest', 'wasmac sha()', 'wasmac sha() (scalar core)', 'hash-wasm hash', '@noble/hashes hash'] },
    {
      group: 'batch',
      hashes: HASHES,
      sizes: BATCH_SIZES,
      perCall: BATCH_COUNT,
      impls: [`node:crypto x${BATCH_COUNT}`, `WebCrypto x${BATCH_COUNT}`, `wasmac HmacKey.mac x${BATCH_COUNT}`, 'wasmac macBatch', 'wasmac macBatchInto', 'wasmac macBatch (scalar core)'],
    },
    { group: 'facade', hashes: ['sha256'], sizes: [FACADE_SIZE], impls: ['node:crypto', 'WebCrypto', 'wasmac GenerateMac (facade)'] },
    ...HASHES.map((hash): GroupSpec => ({ group: 'crossover', hashes: [hash], sizes: crossoverSizes(api, runtime, hash), impls: ['node:crypto KeyObject', 'wasmac HmacKey.mac (core only)'] })),
  ];
}

export function rowId(group: Group, hash: Hash, size: number, impl: string): string {
  return `${group}/${hash}/${size}/${impl}`;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

async function loadNode(): Promise<NodeCrypto | undefined> {
  try {
    const specifier = 'node:crypto';
    return (await import(specifier)) as NodeCrypto;
  } catch {
    return undefined;
  }
}

interface Case {
  id: string;
  group: Group;
  hash: Hash;
  size: number;
  impl: string;
  perCall: number;
  spec: Impl;
  env: Env;
}

export async function runSuite(o: SuiteOptions, api: Api): Promise<SuiteResult> {
  const node = await loadNode();
  const subtle = globalThis.crypto?.subtle;
  if (node === undefined && subtle === undefined) throw new Error('no native baseline: neither node:crypto nor WebCrypto');
  const native: NativeName = node !== undefined ? 'node:crypto' : 'WebCrypto';
  const notes: string[] = [];
  const startBackend = api.backend();
  const loadStart = o.load?.();

  const cases: Case[] = [];
  for (const g of groups(api, o.runtime)) {
    for (const hash of g.hashes) {
      for (const size of g.sizes) {
        const perCall = g.perCall ?? 1;
        const env: Env = {
          api,
          node,
          subtle,
          hash,
          size,
          key: keyFor(hash),
          message: bytes(size, size * 7919 + 1),
          messages: Array.from({ length: perCall }, (_, i) => bytes(size, size * 31 + i + 17)),
        };
        for (const impl of g.impls) {
          const id = rowId(g.group, hash, size, impl);
          if (o.only.length > 0 && !o.only.some((s) => id.includes(s))) continue;
          cases.push({ id, group: g.group, hash, size, impl, perCall, spec: IMPLS[impl]!, env });
        }
      }
    }
  }

  /** The native result every case must reproduce. */
  const expected = async (c: Case): Promise<Uint8Array[]> => {
    const one = async (m: Uint8Array<ArrayBuffer>): Promise<Uint8Array> => {
      if (c.group === 'hash') {
        return node !== undefined ? node.createHash(c.hash).update(m).digest() : new Uint8Array(await subtle!.digest(webName(c.hash), m));
      }
      if (node !== undefined) return node.createHmac(c.hash, c.env.key).update(m).digest();
      const k = await webKey(c.env);
      return new Uint8Array(await subtle!.sign('HMAC', k, m));
    };
    return c.group === 'batch' ? Promise.all(c.env.messages.map(one)) : [await one(c.env.message)];
  };

  const useBackend = async (b: Wasmac.BackendChoice | undefined): Promise<void> => {
    if (b !== undefined) await api.useBackend(b);
  };

  /** Builds and checks every case once, dropping those that cannot run here. */
  const built = new Map<Case, Built>();
  for (const c of cases) {
    await useBackend(c.spec.backend);
    let b: Built | string;
    try {
      b = await c.spec.build(c.env);
    } catch (e) {
      b = e instanceof Error ? e.message : String(e);
    }
    if (typeof b === 'string') {
      notes.push(`${c.id}: not run (${b})`);
      continue;
    }
    const got = await b.result();
    const want = await expected(c);
    const list = Array.isArray(got) ? got : [got];
    if (list.length !== want.length || list.some((g, i) => !sameBytes(g, want[i]!))) throw new Error(`${c.id}: result differs from ${native}`);
    built.set(c, b);
  }
  const runnable = cases.filter((c) => built.has(c));
  if (api.backend() === 'scalar' && !String(startBackend).includes('simd')) notes.push('Wasm SIMD is not available here: the wasmac rows ran on the scalar core.');

  const timings = new Map<Case, Timing[]>(runnable.map((c) => [c, []]));
  for (let round = 0; round < o.rounds; round++) {
    o.log(`-- round ${round + 1} of ${o.rounds}`);
    for (const c of round % 2 === 0 ? runnable : [...runnable].reverse()) {
      await useBackend(c.spec.backend);
      const done = timings.get(c)!;
      const t = await measure(c.id, built.get(c)!.run, c.spec.async === true, round === 0 ? o : { ...o, warmupMs: o.warmupMs / 2 }, done[0]?.loop);
      done.push(t);
      o.log(`${c.id.padEnd(60)} ${fmtOps(t.ops * c.perCall).padStart(10)} msg/s  ±${t.rme.toFixed(1)}%`);
    }
  }
  await useBackend('auto');

  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const rows: Row[] = runnable.map((c) => {
    const ts = timings.get(c)!;
    const ops = ts.map((t) => t.ops * c.perCall);
    const mid = ts[ops.indexOf(median(ops))]!;
    const row: Row = {
      id: c.id,
      group: c.group,
      hash: c.hash,
      size: c.size,
      impl: c.impl,
      perCall: c.perCall,
      ops: median(ops),
      rounds: ops,
      opsMean: mid.opsMean * c.perCall,
      rme: mid.rme,
      samples: mid.samples,
      loop: mid.loop,
    };
    if (c.spec.backend !== undefined) row.backend = c.spec.backend;
    return row;
  });
  const loadEnd = o.load?.();
  return {
    runtime: o.runtime,
    version: o.version,
    native,
    backend: startBackend,
    timeMs: o.timeMs,
    sampleMs: o.sampleMs,
    rounds: o.rounds,
    rows,
    notes,
    ...(loadStart !== undefined && loadEnd !== undefined ? { load: [loadStart, loadEnd] as [number, number] } : {}),
  };
}

export function fmtOps(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return n.toFixed(1);
}
