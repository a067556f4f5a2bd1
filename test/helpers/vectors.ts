/**
 * Readers for the vector files in `test/vectors/` (formats described in
 * `test/vectors/SOURCES.md`). Files are found relative to this module, so the
 * suites run from any working directory on a fresh clone.
 */
import { readFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import type { HashName } from '../../src/index.js';

/** The four hashes, in the core's order, with their FIPS 180-4 sizes in bytes. */
export const HASHES = [
  { name: 'sha224', outputLen: 28, blockLen: 64 },
  { name: 'sha256', outputLen: 32, blockLen: 64 },
  { name: 'sha384', outputLen: 48, blockLen: 128 },
  { name: 'sha512', outputLen: 64, blockLen: 128 },
] as const satisfies readonly { name: HashName; outputLen: number; blockLen: number }[];

/** The hash whose digest is `outputLen` bytes (how `[L = n]` sections name it), if it is one of ours. */
export function hashOfLength(outputLen: number): HashName | undefined {
  return HASHES.find((h) => h.outputLen === outputLen)?.name;
}

/** Bytes of a hex string (the vectors' encoding); independent of the engine's `fromHex`. */
export function unhex(hex: string): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(hex, 'hex'));
  if (bytes.length * 2 !== hex.length) throw new SyntaxError(`not hex: ${hex.slice(0, 40)}`);
  return bytes;
}

/** The text of `test/vectors/<name>`. */
export function readVector(name: string): string {
  return readFileSync(new URL(`../vectors/${name}`, import.meta.url), 'utf8');
}

/** One `[...]` section of a CAVP `.rsp` file: its bracketed parameters and its records. */
export interface RspSection {
  readonly params: Readonly<Record<string, string>>;
  readonly records: readonly Readonly<Record<string, string>>[];
}

/**
 * Splits a CAVP response file into sections. `[L = 32]` and `[L=32]` both give
 * `params.L === '32'`; each blank-line-separated run of `Name = value` lines is
 * a record; `#` comments are skipped. Line endings may be CRLF.
 */
export function parseRsp(text: string): RspSection[] {
  const sections: { params: Record<string, string>; records: Record<string, string>[] }[] = [];
  let record: Record<string, string> | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) {
      record = null;
      continue;
    }
    const param = /^\[\s*(\w+)\s*=\s*(\w+)\s*\]$/.exec(line);
    if (param !== null) {
      sections.push({ params: { [param[1]!]: param[2]! }, records: [] });
      record = null;
      continue;
    }
    const field = /^(\w+)\s*=\s*(\S*)$/.exec(line);
    if (field === null) throw new SyntaxError(`unexpected .rsp line: ${line}`);
    const section = sections.at(-1);
    if (section === undefined) throw new SyntaxError(`.rsp record before any [section]: ${line}`);
    if (record === null) {
      record = {};
      section.records.push(record);
    }
    record[field[1]!] = field[2]!;
  }
  return sections;
}

function only<T>(items: readonly T[], what: string): T {
  if (items.length !== 1) throw new SyntaxError(`expected one ${what}, found ${items.length}`);
  return items[0]!;
}

/** `SHA256` for `sha256`: how the CAVP file names spell the hash. */
function cavpName(hash: HashName): string {
  return hash.toUpperCase();
}

/** A SHAVS message vector. */
export interface ShavsVector {
  /** Message length in bits, as in the file. */
  readonly bits: number;
  readonly msg: Uint8Array;
  readonly md: Uint8Array;
}

/**
 * `SHA<n>ShortMsg.rsp` or `SHA<n>LongMsg.rsp`. `Len = 0` with `Msg = 00` is the
 * empty message: the message is the first `Len / 8` bytes of `Msg`.
 */
export function shavsVectors(hash: HashName, kind: 'ShortMsg' | 'LongMsg'): ShavsVector[] {
  const section = only(parseRsp(readVector(`${cavpName(hash)}${kind}.rsp`)), '[L] section');
  return section.records.map((r) => {
    const bits = Number(r.Len);
    if (bits % 8 !== 0) throw new SyntaxError(`bit-oriented vector (Len = ${bits}) in a byte-oriented file`);
    return { bits, msg: unhex(r.Msg!).subarray(0, bits / 8), md: unhex(r.MD!) };
  });
}

/** A SHAVS Monte Carlo file: the seed and the checkpoint digests `MD` of `COUNT = 0..99`. */
export interface ShavsMonte {
  readonly seed: Uint8Array;
  readonly checkpoints: readonly Uint8Array[];
}

/** `SHA<n>Monte.rsp`. */
export function shavsMonte(hash: HashName): ShavsMonte {
  const section = only(parseRsp(readVector(`${cavpName(hash)}Monte.rsp`)), '[L] section');
  const [seedRecord, ...rest] = section.records;
  if (seedRecord?.Seed === undefined) throw new SyntaxError('Monte file without a Seed');
  return {
    seed: unhex(seedRecord.Seed),
    checkpoints: rest.map((r, i) => {
      if (Number(r.COUNT) !== i) throw new SyntaxError(`Monte checkpoint ${i} is COUNT = ${r.COUNT}`);
      return unhex(r.MD!);
    }),
  };
}

/**
 * The SHAVS Monte Carlo chain (SOURCES.md): from `seed`, 100 checkpoints, each
 * the last of 1000 hashes of the three digests before it. `digest` is the hash
 * under test; the result is the 100 checkpoints.
 */
export function monteCarlo(seed: Uint8Array, digest: (msg: Uint8Array) => Uint8Array, checkpoints = 100): Uint8Array[] {
  const n = seed.length;
  const out: Uint8Array[] = [];
  let md = seed;
  for (let j = 0; j < checkpoints; j++) {
    const window = new Uint8Array(3 * n);
    window.set(md, 0);
    window.set(md, n);
    window.set(md, 2 * n);
    for (let i = 3; i < 1003; i++) {
      md = digest(window);
      window.copyWithin(0, n);
      window.set(md, 2 * n);
    }
    out.push(md);
  }
  return out;
}

/** An HMACVS vector: `mac` is the first `tlen` bytes of HMAC(key, msg). */
export interface HmacvsVector {
  readonly hash: HashName;
  readonly count: number;
  readonly key: Uint8Array;
  readonly msg: Uint8Array;
  readonly mac: Uint8Array;
}

/** The SHA-2 sections of `HMAC.rsp` (`[L=28/32/48/64]`); `[L=20]` (SHA-1) is left out. */
export function hmacvsVectors(): HmacvsVector[] {
  return parseRsp(readVector('HMAC.rsp')).flatMap((section) => {
    const hash = hashOfLength(Number(section.params.L));
    if (hash === undefined) return [];
    return section.records.map((r) => {
      const v = { hash, count: Number(r.Count), key: unhex(r.Key!), msg: unhex(r.Msg!), mac: unhex(r.Mac!) };
      if (v.key.length !== Number(r.Klen) || v.mac.length !== Number(r.Tlen)) {
        throw new SyntaxError(`HMAC.rsp [L=${section.params.L}] Count = ${r.Count}: Klen or Tlen disagrees with the data`);
      }
      return v;
    });
  });
}

/** A Wycheproof MacTest case with its group's sizes (in bytes, not bits as in the file). */
export interface WycheproofMacTest {
  readonly tcId: number;
  readonly comment: string;
  readonly keySize: number;
  readonly tagSize: number;
  readonly key: Uint8Array;
  readonly msg: Uint8Array;
  readonly tag: Uint8Array;
  readonly result: 'valid' | 'invalid' | 'acceptable';
  readonly flags: readonly string[];
}

interface WycheproofMacFile {
  readonly algorithm: string;
  readonly numberOfTests: number;
  readonly testGroups: readonly {
    readonly type: string;
    readonly keySize: number;
    readonly tagSize: number;
    readonly tests: readonly {
      readonly tcId: number;
      readonly comment: string;
      readonly key: string;
      readonly msg: string;
      readonly tag: string;
      readonly result: 'valid' | 'invalid' | 'acceptable';
      readonly flags: readonly string[];
    }[];
  }[];
}

/** `hmac_sha<n>_test.json`, flattened; checks the file's own test count. */
export function wycheproofHmac(hash: HashName): WycheproofMacTest[] {
  const file = JSON.parse(readVector(`hmac_${hash}_test.json`)) as WycheproofMacFile;
  if (file.algorithm !== `HMAC${hash.toUpperCase()}`) throw new SyntaxError(`hmac_${hash}_test.json is ${file.algorithm}`);
  const tests = file.testGroups.flatMap((g) => {
    if (g.type !== 'MacTest') throw new SyntaxError(`unexpected Wycheproof group type ${g.type}`);
    return g.tests.map((t) => ({
      tcId: t.tcId,
      comment: t.comment,
      keySize: g.keySize / 8,
      tagSize: g.tagSize / 8,
      key: unhex(t.key),
      msg: unhex(t.msg),
      tag: unhex(t.tag),
      result: t.result,
      flags: t.flags,
    }));
  });
  if (tests.length !== file.numberOfTests) throw new SyntaxError(`hmac_${hash}_test.json: ${tests.length} tests, header says ${file.numberOfTests}`);
  return tests;
}

/** An RFC 4231 test case (sections 4.2-4.8): one key and message, the expected tag per hash. */
export interface Rfc4231Case {
  readonly case: number;
  readonly key: Uint8Array;
  readonly data: Uint8Array;
  readonly tags: Readonly<Record<HashName, Uint8Array>>;
  /** Tags are the first `truncateBits / 8` bytes of the HMAC (case 5); otherwise full length. */
  readonly truncateBits?: number;
}

/** `rfc4231.json`. */
export function rfc4231Cases(): Rfc4231Case[] {
  const raw = JSON.parse(readVector('rfc4231.json')) as ({ case: number; key: string; data: string; truncateBits?: number } & Record<HashName, string>)[];
  return raw.map((c) => ({
    case: c.case,
    key: unhex(c.key),
    data: unhex(c.data),
    tags: { sha224: unhex(c.sha224), sha256: unhex(c.sha256), sha384: unhex(c.sha384), sha512: unhex(c.sha512) },
    ...(c.truncateBits === undefined ? {} : { truncateBits: c.truncateBits }),
  }));
}
