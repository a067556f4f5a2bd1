/**
 * The shape of benchmark results: what every runtime hands back to the report
 * writer (as JSON), and what `bench/results/*.json` keeps.
 */

/** Where a suite ran. */
export type RuntimeName = 'node' | 'deno' | 'bun' | 'chromium';

import type { BackendChoice, BackendInUse } from '../../src/index.js';

/** Which table a row belongs to; `crossover` rows check the break-evens of native routing. */
export type Group = 'hmac' | 'hash' | 'batch' | 'facade' | 'crossover';

export type Hash = 'sha256' | 'sha512';

/** The native implementation a runtime's wasmac rows are compared with. */
export type NativeName = 'node:crypto' | 'WebCrypto';

/** One timed task. */
export interface Row {
  /** `group/hash/size/impl`: the same case has the same id in every runtime. */
  id: string;
  group: Group;
  hash: Hash;
  /** Bytes per message. */
  size: number;
  /** What ran, e.g. `wasmac HmacKey.mac` or `node:crypto`. */
  impl: string;
  /** How the engine was set for the wasmac rows (`useBackend`). */
  backend?: BackendChoice;
  /** Messages per call of the task (64 for batches, else 1). */
  perCall: number;
  /** Messages per second: the median over rounds of each round's median over samples. */
  ops: number;
  /** Messages per second of each round, in round order (the report pairs rounds of two rows). */
  rounds: number[];
  /** Messages per second: the mean over samples. */
  opsMean: number;
  /** Relative margin of error of the mean latency, percent. */
  rme: number;
  /** Number of samples; each sample times `loop` calls. */
  samples: number;
  loop: number;
}

/** Everything one runtime measured. */
export interface SuiteResult {
  runtime: RuntimeName;
  /** e.g. `Node 20.20.2, OpenSSL 3.0.19` or `Chromium 150.0.7871.100`. */
  version: string;
  /** The baseline every wasmac row is compared with in this runtime. */
  native: NativeName;
  /** The backend the entry picked (`native+simd` where long messages go to node:crypto). */
  backend: BackendInUse;
  /** ms per task after warmup, and the sample length aimed at. */
  timeMs: number;
  sampleMs: number;
  /** Rounds over all tasks. */
  rounds: number;
  /** The machine's 1-minute load average at the start and the end of the suite, where the runtime tells it. */
  load?: [number, number];
  rows: Row[];
  /** Skipped rows and why, and anything else the reader should know. */
  notes: string[];
}

/** The cold-start rows the report looks up by name: the engine entry (the target's), the main entry, the baseline. */
export const COLD_ENGINE = 'wasmac/engine HmacKey.mac';
export const COLD_MAIN = 'wasmac HmacKey.mac';
export const COLD_NODE = 'node:crypto createHmac';

/** A cold-start measurement: medians over fresh `node` processes, in ms. */
export interface ColdStartRow {
  impl: string;
  /** From the first line of the script to the end of the import. */
  imported: number;
  /** From the first line of the script to the first MAC (import included). */
  firstMac: number;
  /** `firstMac` of each process, in spawn order (the report pairs them with the baseline's). */
  firstMacRuns: number[];
  /** Wall clock around the whole child process: spawn, boot, import, first MAC, 10,000 MACs, exit. */
  whole: number;
  wholeRuns: number[];
  /** From the first line of the script to the 10,000th MAC. */
  tenThousand: number;
  /** Process start to the first line of the script (the runtime's own boot). */
  boot: number;
  runs: number;
}

/** A runtime that could not run, and why. */
export interface Missing {
  runtime: RuntimeName;
  reason: string;
}

/** A suite of its own, run as a child process and reported as it prints. */
export interface OtherSuite {
  file: string;
  args: string[];
  seconds: number;
  output: string;
  ok: boolean;
}

/** What `npm run bench` writes to `bench/results/<date>.json`. */
export interface Report {
  date: string;
  machine: { cpu: string; cores: number; os: string; memoryGiB: number };
  quick: boolean;
  suites: SuiteResult[];
  missing: Missing[];
  coldStart: ColdStartRow[];
  /** Minified + gzipped browser bundle of the main entry, bytes. */
  bundle?: { minified: number; gzip: number };
  /** The same for the engine entry (`wasmac/engine`); reports before it existed lack it. */
  engineBundle?: { minified: number; gzip: number };
  /** Other developers' suites in `bench/` (the facade, the HTTP endpoint): their console output. */
  others: OtherSuite[];
  /** Wall-clock seconds for the whole run. */
  seconds: number;
  /** `bench/server.bench.ts`: the endpoint against a bare node:http + createHmac server. */
  endpoint?: {
    connections: number;
    requests: number;
    wasmac: { perSecond: number; cpuUsPerRequest: number; errors: number };
    bare: { perSecond: number; cpuUsPerRequest: number; errors: number };
    ratio: { median: number; lo: number; hi: number; rounds: number };
    /** Server CPU per request, wasmac over bare, per round (absent in runs before it was measured). */
    cpuRatio?: { median: number; lo: number; hi: number; rounds: number };
    /** The load client's own CPU per request (median over the rounds). */
    clientCpuUsPerRequest?: number;
    workers?: { n: number; perSecond: number; cpuUsPerRequest?: number; errors: number };
  };
  /** The 1-minute load average over the run, sampled every 5 s. */
  load?: { min: number; median: number; max: number; samples: number };
}
