/**
 * `FileKeyStore`: the durable {@link KeyStore} of `wasmac serve`, one JSON
 * file per key in a data directory.
 *
 * ```
 * <data dir>/            mode 0700
 *   lock                 pid of the process that has the store open
 *   keys/<KeyId>.json    mode 0600: {"format","checksum","key":{...record, "material":{...}}}
 * ```
 *
 *   txn/<id>.json        a commit of several keys in flight (see below)
 *
 * It is the {@link KeyStore} contract for one process: the records live in
 * memory, every commit checks its conditions there and is serialised per key
 * and per alias name with the commits it shares one with (commits on other
 * keys go on in parallel), and its changes are published once on disk.
 *
 * Durability: every key write goes to a temporary file in `keys/`, fsynced,
 * renamed over `<KeyId>.json`, and the directory fsynced, before the commit
 * resolves, so a `kill -9` (or a power cut, on a file system that honours
 * fsync) at any moment leaves each key file either old or new, never
 * partial. A commit of several keys (an alias moving between keys, a
 * deletion with its aliases) first writes all the new files into one durable
 * journal in `txn/`; an open that finds a journal finishes it, so such a
 * commit is all or nothing. Temporary files left by an interrupted write
 * belong to unacknowledged writes and are removed at open.
 *
 * Every file carries the SHA-256 of its record: a corrupt or truncated file
 * found at open stops the open with a {@link KeyStoreError} that names it;
 * nothing is dropped silently.
 *
 * Material at rest is plain base64 unless a master key is given (32 bytes,
 * `WASMAC_MASTER_KEY` in the CLI): then it is AES-256-GCM through WebCrypto,
 * a fresh 96-bit IV per write, the key file's format and KeyId as associated
 * data (so material cannot be moved between keys unnoticed).
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import {
  aliasKey,
  aliasSteps,
  applyCommit,
  commitConflict,
  type Commit,
  type CommitResult,
  type KeyChange,
  type KeyStore,
  type StoredKey,
  type VersionedKey,
} from '../kms/key-store.js';
import { SecretBytes, revealSecret } from '../kms/secret.js';
import { KeyStoreError } from './errors.js';

const FORMAT = 'wasmac-key/1';
const TXN_FORMAT = 'wasmac-txn/1';
const KEY_FILE = /^(.+)\.json$/;
const TEMP_FILE = /^\..+\.tmp$/;

/** Options of {@link FileKeyStore.open}. */
export interface FileKeyStoreOptions {
  /** 32 bytes: encrypts material at rest with AES-256-GCM. Parse an environment value with {@link parseMasterKey}. */
  masterKey?: Uint8Array;
  /** Take the directory's lock file (default true): a second process opening the store fails with a clear message. */
  lock?: boolean;
}

interface MaterialOnDisk {
  encoding: 'base64' | 'aes-256-gcm';
  iv?: string;
  data: string;
}

type RecordOnDisk = Omit<StoredKey, 'material'> & { material?: MaterialOnDisk };

/**
 * A 32-byte master key from text: 64 hex digits or base64 of 32 bytes (e.g.
 * `openssl rand -base64 32`). The message of the error never contains the value.
 */
export function parseMasterKey(text: string, source = 'WASMAC_MASTER_KEY'): Uint8Array {
  const t = text.trim();
  let bytes: Uint8Array | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(t)) bytes = Uint8Array.from(Buffer.from(t, 'hex'));
  else if (/^[A-Za-z0-9+/]{43}=$/.test(t)) bytes = Uint8Array.from(Buffer.from(t, 'base64'));
  if (bytes === undefined || bytes.length !== 32) {
    throw new KeyStoreError(`${source} must be 32 bytes as 64 hex digits or 44 base64 characters (try: openssl rand -base64 32)`);
  }
  return bytes;
}

function checksum(key: RecordOnDisk): string {
  return checksumOf(JSON.stringify(key));
}

function checksumOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function cloneRecord(record: StoredKey): StoredKey {
  return {
    ...record,
    aliases: record.aliases.map((a) => ({ ...a })),
    tags: record.tags.map((t) => ({ ...t })),
    grants: record.grants.map((g) => ({ ...g, Operations: [...g.Operations], TokenHashes: [...g.TokenHashes] })),
    ...(record.importState === undefined ? {} : { importState: structuredClone(record.importState) }),
  };
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Key IDs become file names: only the characters KMS key IDs use. */
function fileNameOf(keyId: string): string {
  if (!/^[A-Za-z0-9-]{1,128}$/.test(keyId)) throw new KeyStoreError(`refusing to store a key with the ID '${keyId}'`);
  return `${keyId}.json`;
}

/**
 * A durable key store in a directory.
 * @example
 * const store = await FileKeyStore.open('.wasmac');
 * const client = new KMSClient({ region: 'us-east-1', accountId: '111122223333', keyStore: store });
 * // ... later
 * await store.close();
 */
export class FileKeyStore implements KeyStore {
  readonly shared = false;
  readonly dir: string;
  private readonly keysDir: string;
  private readonly txnDir: string;
  private readonly records = new Map<string, VersionedKey>();
  private readonly aliasIndex = new Map<string, string>();
  private readonly listeners = new Set<(change: KeyChange) => void>();
  private readonly locks = new Locks();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly aesKey: CryptoKey | undefined;
  private version = 0;
  private lockPath: string | undefined;

  private constructor(dir: string, aesKey: CryptoKey | undefined) {
    this.dir = dir;
    this.keysDir = join(dir, 'keys');
    this.txnDir = join(dir, 'txn');
    this.aesKey = aesKey;
  }

  /**
   * Opens (creating if needed) the store in `dir` and loads every key. Throws
   * a {@link KeyStoreError} naming each unreadable file, or when another live
   * process holds the lock.
   */
  static async open(dir: string, options: FileKeyStoreOptions = {}): Promise<FileKeyStore> {
    let aesKey: CryptoKey | undefined;
    if (options.masterKey !== undefined) {
      if (options.masterKey.length !== 32) throw new KeyStoreError('the master key must be 32 bytes');
      aesKey = await crypto.subtle.importKey('raw', Uint8Array.from(options.masterKey), 'AES-GCM', false, ['encrypt', 'decrypt']);
    }
    const store = new FileKeyStore(dir, aesKey);
    const created = await mkdir(store.keysDir, { recursive: true, mode: 0o700 });
    await mkdir(store.txnDir, { recursive: true, mode: 0o700 });
    // New directories become durable entries of their parents, as files do.
    if (created !== undefined) {
      await syncDirectory(dir);
      await syncDirectory(join(dir, '..'));
    }
    if (options.lock !== false) store.takeLock();
    try {
      await store.finishJournals();
      await store.load();
    } catch (err) {
      store.releaseLock();
      throw err;
    }
    return store;
  }

  /** Whether material written by this store is encrypted. */
  get encrypted(): boolean {
    return this.aesKey !== undefined;
  }

  /** Number of keys loaded. */
  get size(): number {
    return this.records.size;
  }

  async scan(): Promise<VersionedKey[]> {
    return [...this.records.values()];
  }

  async read(keyId: string): Promise<VersionedKey | undefined> {
    return this.records.get(keyId);
  }

  async readAlias(account: string, region: string, name: string): Promise<string | undefined> {
    return this.aliasIndex.get(aliasKey(account, region, name));
  }

  /** Resolves once the commit is on disk (files and directory entries fsynced) and published. */
  async commit(commit: Commit): Promise<CommitResult> {
    const names = [...commit.writes.map((w) => `k:${w.keyId}`), ...commit.checks.map((c) => `k:${c.keyId}`)];
    for (const a of commit.aliases) names.push(`a:${aliasKey(a.account, a.region, a.name)}`);
    const release = this.locks.acquire(names);
    const task = (async (): Promise<CommitResult> => {
      await release.ready;
      try {
        const conflict = commitConflict(this.records, this.aliasIndex, commit);
        if (conflict !== undefined) return { ok: false, conflict };
        const files: { name: string; text: string | undefined }[] = [];
        for (const w of commit.writes) {
          files.push({ name: fileNameOf(w.keyId), text: w.record === undefined ? undefined : await this.serializeRecord(w.record) });
        }
        await this.writeFiles(files);
        const changes = applyCommit(this.records, this.aliasIndex, { ...commit, writes: commit.writes.map((w) => ({ ...w, record: w.record && cloneRecord(w.record) })) }, () => ++this.version);
        for (const change of changes) for (const listener of this.listeners) listener(change);
        return { ok: true, versions: changes.map((c) => c.version) };
      } finally {
        release.release();
      }
    })();
    this.pending.add(task);
    void task.finally(() => this.pending.delete(task)).catch(() => undefined);
    return task;
  }

  subscribe(listener: (change: KeyChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The record of `keyId` (test and tool convenience). */
  async get(keyId: string): Promise<StoredKey | undefined> {
    return this.records.get(keyId)?.record;
  }

  /** Every record (test and tool convenience). */
  async list(): Promise<StoredKey[]> {
    return [...this.records.values()].map((v) => v.record);
  }

  /** Writes `record` whatever its current version, durably (test and tool convenience; aliases follow the record). */
  async put(record: StoredKey): Promise<void> {
    await this.force(record.KeyId, record);
  }

  /** Deletes `keyId` whatever its current version, durably (test and tool convenience). */
  async delete(keyId: string): Promise<void> {
    fileNameOf(keyId);
    await this.force(keyId, undefined);
  }

  private async force(keyId: string, record: StoredKey | undefined): Promise<void> {
    fileNameOf(keyId);
    for (;;) {
      const current = this.records.get(keyId);
      if (current === undefined && record === undefined) return;
      const aliases = aliasSteps(current?.record, record).map((a) => ({ ...a, from: this.aliasIndex.get(aliasKey(a.account, a.region, a.name)) }));
      const result = await this.commit({ writes: [{ keyId, expected: current?.version ?? 0, record }], checks: [], aliases });
      if (result.ok) return;
    }
  }

  /** Waits for pending writes and releases the lock. The store must not be used afterwards. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.pending]);
    this.releaseLock();
  }

  private async serializeRecord(record: StoredKey): Promise<string> {
    const { material, ...rest } = record;
    const key: RecordOnDisk = { ...rest };
    if (material !== undefined) {
      const bytes = revealSecret(material);
      if (this.aesKey === undefined) {
        key.material = { encoding: 'base64', data: Buffer.from(bytes).toString('base64') };
      } else {
        const iv = crypto.getRandomValues(new Uint8Array(12));
        const plain = Uint8Array.from(bytes);
        let sealed: ArrayBuffer;
        try {
          sealed = await crypto.subtle.encrypt(
            { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(`${FORMAT}:${record.KeyId}`) },
            this.aesKey,
            plain,
          );
        } finally {
          plain.fill(0);
        }
        key.material = {
          encoding: 'aes-256-gcm',
          iv: Buffer.from(iv).toString('base64'),
          data: Buffer.from(sealed).toString('base64'),
        };
      }
    }
    return `${JSON.stringify({ format: FORMAT, checksum: checksum(key), key })}\n`;
  }

  private async writeDurably(dir: string, name: string, text: string, syncDir = true): Promise<void> {
    const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, join(dir, name));
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      throw err;
    }
    if (syncDir) await syncDirectory(dir);
  }

  private syncDir(): Promise<void> {
    return syncDirectory(this.keysDir);
  }

  /** Writes (text) or deletes (undefined) key files: one durably, several through a journal. */
  private async writeFiles(files: readonly { name: string; text: string | undefined }[]): Promise<void> {
    if (files.length === 1) {
      await this.applyFile(files[0]!);
      await this.syncDir();
      return;
    }
    const body = { format: TXN_FORMAT, files: files.map((f) => ({ name: f.name, text: f.text ?? null })) };
    const journal = `${randomBytes(8).toString('hex')}.json`;
    await this.writeDurably(this.txnDir, journal, `${JSON.stringify({ ...body, checksum: checksumOf(JSON.stringify(body.files)) })}\n`);
    for (const f of files) await this.applyFile(f);
    await this.syncDir();
    await unlink(join(this.txnDir, journal));
    await syncDirectory(this.txnDir);
  }

  /** One key file written (temp, fsync, rename) or deleted; the caller fsyncs the directory. */
  private async applyFile(file: { name: string; text: string | undefined }): Promise<void> {
    if (file.text === undefined) {
      try {
        await unlink(join(this.keysDir, file.name));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
      return;
    }
    await this.writeDurably(this.keysDir, file.name, file.text, false);
  }

  /** Finishes the journals of commits interrupted after they were written (all of their files, again). */
  private async finishJournals(): Promise<void> {
    for (const name of (await readdir(this.txnDir)).sort()) {
      const path = join(this.txnDir, name);
      if (TEMP_FILE.test(name)) {
        await unlink(path);
        continue;
      }
      if (!name.endsWith('.json')) continue;
      let files: { name: string; text: string | null }[];
      try {
        const parsed = JSON.parse(await readFile(path, 'utf8')) as { format?: unknown; files?: unknown; checksum?: unknown };
        if (parsed.format !== TXN_FORMAT || !Array.isArray(parsed.files) || parsed.checksum !== checksumOf(JSON.stringify(parsed.files))) throw new Error();
        files = parsed.files as { name: string; text: string | null }[];
        if (files.some((f) => typeof f?.name !== 'string' || !KEY_FILE.test(f.name) || (f.text !== null && typeof f.text !== 'string'))) throw new Error();
      } catch {
        throw new KeyStoreError(`the key store in ${this.dir} has an unreadable journal txn/${name}. Nothing was changed. Restore it from a backup, or move it out of the directory.`);
      }
      for (const f of files) await this.applyFile({ name: f.name, text: f.text ?? undefined });
      await this.syncDir();
      await unlink(path);
      await syncDirectory(this.txnDir);
    }
  }

  private async load(): Promise<void> {
    const problems: string[] = [];
    const names = (await readdir(this.keysDir)).sort();
    for (const name of names) {
      if (TEMP_FILE.test(name)) {
        await unlink(join(this.keysDir, name));
        continue;
      }
      const m = KEY_FILE.exec(name);
      if (m === null) continue;
      const path = join('keys', name);
      try {
        const record = await this.parseFile(await readFile(join(this.keysDir, name), 'utf8'), m[1]!);
        this.records.set(record.KeyId, { record, version: ++this.version });
        for (const a of record.aliases) this.aliasIndex.set(aliasKey(record.AccountId, record.Region, a.AliasName), record.KeyId);
      } catch (err) {
        problems.push(`  ${path}: ${(err as Error).message}`);
      }
    }
    if (problems.length > 0) {
      throw new KeyStoreError(
        `the key store in ${this.dir} has ${problems.length} unreadable key file(s):\n${problems.join('\n')}\n` +
          'Nothing was changed. Restore these files from a backup, or move them out of the directory to start without those keys.',
      );
    }
  }

  private async parseFile(text: string, keyIdFromName: string): Promise<StoredKey> {
    let file: { format?: unknown; checksum?: unknown; key?: unknown };
    try {
      file = JSON.parse(text);
    } catch {
      throw new Error(text.length === 0 ? 'empty file' : 'truncated or corrupt (not valid JSON)');
    }
    if (typeof file !== 'object' || file === null || file.format !== FORMAT) {
      throw new Error(`not a wasmac key file (format ${JSON.stringify((file as { format?: unknown } | null)?.format)}, expected "${FORMAT}")`);
    }
    const key = file.key as RecordOnDisk;
    if (typeof key !== 'object' || key === null || file.checksum !== checksum(key)) {
      throw new Error('checksum mismatch: the file was modified or damaged');
    }
    if (key.KeyId !== keyIdFromName) throw new Error(`holds key ${JSON.stringify(key.KeyId)}, not the key its name says`);
    const { material, ...rest } = key;
    const record: StoredKey = rest;
    if (material !== undefined) record.material = await this.openMaterial(material, key.KeyId);
    return record;
  }

  private async openMaterial(material: MaterialOnDisk, keyId: string): Promise<SecretBytes> {
    if (material.encoding === 'base64') return new SecretBytes(Buffer.from(material.data, 'base64'));
    if (material.encoding !== 'aes-256-gcm') throw new Error(`unknown material encoding ${JSON.stringify(material.encoding)}`);
    if (this.aesKey === undefined) {
      throw new Error('key material is encrypted and no master key was given (set WASMAC_MASTER_KEY)');
    }
    let plain: ArrayBuffer;
    try {
      plain = await crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: Buffer.from(material.iv ?? '', 'base64'),
          additionalData: new TextEncoder().encode(`${FORMAT}:${keyId}`),
        },
        this.aesKey,
        Buffer.from(material.data, 'base64'),
      );
    } catch {
      throw new Error('key material does not decrypt: wrong master key, or the file was tampered with');
    }
    const bytes = new Uint8Array(plain);
    const secret = new SecretBytes(bytes);
    bytes.fill(0);
    return secret;
  }

  private takeLock(): void {
    const path = join(this.dir, 'lock');
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, 'wx', 0o600);
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        this.lockPath = path;
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
        if (Number.isInteger(pid) && pid !== process.pid && isProcessAlive(pid)) {
          throw new KeyStoreError(
            `the key store in ${this.dir} is in use by process ${pid} (a running \`wasmac serve\`?). ` +
              'Stop it, or send requests to its endpoint (aws kms ... --endpoint-url).',
          );
        }
        // The lock of a process that is gone (e.g. killed with SIGKILL): take it over.
        try {
          unlinkSyncQuiet(path);
        } catch {
          // raced with another process: the next attempt decides
        }
      }
    }
    throw new KeyStoreError(`could not take the lock ${path}`);
  }

  private releaseLock(): void {
    if (this.lockPath === undefined) return;
    try {
      unlinkSyncQuiet(this.lockPath);
    } finally {
      this.lockPath = undefined;
    }
  }
}

async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function unlinkSyncQuiet(path: string): void {
  try {
    unlinkSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/**
 * Per-name locks for commits: a commit waits for the earlier commits that
 * share a key or an alias name with it. All of a commit's names are queued
 * in one synchronous step, so a commit only ever waits for earlier ones and
 * no two can wait for each other.
 */
class Locks {
  private readonly tails = new Map<string, Promise<void>>();

  acquire(names: readonly string[]): { ready: Promise<void>; release: () => void } {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const waits: Promise<void>[] = [];
    const unique = [...new Set(names)];
    for (const name of unique) {
      const previous = this.tails.get(name);
      if (previous !== undefined) waits.push(previous);
      this.tails.set(name, done);
    }
    return {
      ready: Promise.all(waits).then(() => undefined),
      release: () => {
        release();
        for (const name of unique) if (this.tails.get(name) === done) this.tails.delete(name);
      },
    };
  }
}
