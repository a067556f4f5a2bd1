/**
 * `FileKeyStore`: the durable {@link KeyStore} of `wasmac serve`, one JSON
 * file per key in a data directory.
 *
 * ```
 * <data dir>/            mode 0700
 *   lock                 pid of the process that has the store open
 *   keys/<KeyId>.json    (<KeyId>@<region>.json: a multi-Region key's record outside its home region) mode 0600: {"format","checksum","key":{...record, "material":{...}}}
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
 * Without a master key every file carries the SHA-256 of its record: a
 * corrupt or truncated file found at open stops the open with a
 * {@link KeyStoreError} that names it; nothing is dropped silently. That
 * detects damage, not tampering: anyone can recompute it.
 *
 * With a master key (32 bytes, `WASMAC_MASTER_KEY` in the CLI) material is
 * AES-256-GCM through WebCrypto (a fresh 96-bit IV per write, the key file's
 * format and KeyId as associated data, so material cannot be moved between
 * keys unnoticed), and the whole record carries an HMAC-SHA-256 under a key
 * derived from the master key (HKDF) instead of the checksum: a file that is
 * not authenticated under the master key (plain material planted by someone
 * who can write the directory, a record edited by hand, a file written
 * without the key) stops the open, naming the file. A store is encrypted
 * whole or not at all: {@link FileKeyStore.encryptStore} (`wasmac store
 * encrypt`) converts one written without the key, one file at a time, each
 * replaced atomically, so an interrupted run is finished by running it again.
 * What the MAC does not cover: which files exist. Someone who can write the
 * directory can still delete a key, or put back an older file of the same key.
 *
 * One store per directory: a `lock` file (taken atomically, see `takeLock`)
 * keeps other processes out, and a second open in the same process is refused.
 */
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, closeSync, constants, fstatSync, linkSync, openSync, readFileSync, realpathSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import {
  aliasKey,
  aliasSteps,
  applyCommit,
  recordKey,
  commitConflict,
  type Commit,
  type CommitResult,
  type KeyChange,
  type KeyStore,
  type StoredKey,
  type VersionedKey,
} from '../kms/key-store.js';
import { Locks } from './locks.js';
import { SecretBytes, revealSecret } from '../kms/secret.js';
import { KeyStoreError } from './errors.js';

const FORMAT = 'wasmac-key/1';
const NO_MASTER_KEY = 'written with a master key and no master key was given (set WASMAC_MASTER_KEY)';
const TXN_FORMAT = 'wasmac-txn/1';
const KEY_FILE = /^(.+)\.json$/;
const TEMP_FILE = /^\..+\.tmp$/;

/** Directories (real paths) with a store open in this process. */
const openHere = new Set<string>();

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

/** The key that authenticates records, derived from the master key (never the AES key itself). */
function recordMacKey(masterKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, new Uint8Array(0), 'wasmac key file authentication v1', 32));
}

function recordMac(macKey: Buffer, key: RecordOnDisk): string {
  return createHmac('sha256', macKey).update(`${FORMAT}\n${JSON.stringify(key)}`).digest('hex');
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

/** Store keys become file names: only the characters KMS key IDs use, and `@<region>` for a multi-Region key's other regions (recordKey). */
function fileNameOf(keyId: string): string {
  if (!/^[A-Za-z0-9-]{1,128}(@[a-z0-9-]{1,32})?$/.test(keyId)) throw new KeyStoreError(`refusing to store a key with the ID '${keyId}'`);
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
  private readonly macKey: Buffer | undefined;
  /** Files of records not authenticated under the master key, found at open (see {@link FileKeyStore.encryptStore}). */
  private readonly unauthenticated: string[] = [];
  private version = 0;
  private lockPath: string | undefined;
  private registered: string | undefined;

  private constructor(dir: string, aesKey: CryptoKey | undefined, macKey: Buffer | undefined) {
    this.dir = dir;
    this.keysDir = join(dir, 'keys');
    this.txnDir = join(dir, 'txn');
    this.aesKey = aesKey;
    this.macKey = macKey;
  }

  /**
   * Opens (creating if needed) the store in `dir` and loads every key. Throws
   * a {@link KeyStoreError} naming each unreadable file, or when another live
   * process holds the lock.
   */
  static async open(dir: string, options: FileKeyStoreOptions = {}): Promise<FileKeyStore> {
    const store = await FileKeyStore.openFor(dir, options);
    if (store.unauthenticated.length > 0) {
      const files = store.unauthenticated;
      await store.close();
      throw new KeyStoreError(
        `the key store in ${dir} has ${files.length} key file(s) that are not authenticated under the master key:\n` +
          `${files.map((f) => `  ${f}`).join('\n')}\n` +
          'They were written without WASMAC_MASTER_KEY (or by an older wasmac), or by someone who can write the directory. ' +
          `Nothing was changed. To encrypt and authenticate a store you wrote yourself, run once: wasmac store encrypt --data-dir ${dir} ` +
          '(with WASMAC_MASTER_KEY set). If you did not write these files, remove them instead.',
      );
    }
    return store;
  }

  /**
   * Encrypts and authenticates under `masterKey` every record of the store
   * in `dir` that is not yet (written without a master key, or by an older
   * wasmac without record authentication). Each file is replaced atomically:
   * if the run is interrupted, the store holds both kinds and the next run
   * finishes it. Returns the files converted and how many already were.
   * @example
   * const { converted } = await FileKeyStore.encryptStore('.wasmac', parseMasterKey(process.env.WASMAC_MASTER_KEY!));
   */
  static async encryptStore(dir: string, masterKey: Uint8Array): Promise<{ converted: string[]; already: number }> {
    const store = await FileKeyStore.openFor(dir, { masterKey });
    try {
      const converted = [...store.unauthenticated];
      for (const path of converted) {
        const keyId = KEY_FILE.exec(path.slice('keys/'.length))![1]!;
        await store.applyFile({ name: fileNameOf(keyId), text: await store.serializeRecord(store.records.get(keyId)!.record) });
      }
      if (converted.length > 0) await store.syncDir();
      return { converted, already: store.records.size - converted.length };
    } finally {
      await store.close();
    }
  }

  /** Opens and loads; records not authenticated under the master key are loaded and listed in `unauthenticated`. */
  private static async openFor(dir: string, options: FileKeyStoreOptions): Promise<FileKeyStore> {
    let aesKey: CryptoKey | undefined;
    let macKey: Buffer | undefined;
    if (options.masterKey !== undefined) {
      if (options.masterKey.length !== 32) throw new KeyStoreError('the master key must be 32 bytes');
      aesKey = await crypto.subtle.importKey('raw', Uint8Array.from(options.masterKey), 'AES-GCM', false, ['encrypt', 'decrypt']);
      macKey = recordMacKey(options.masterKey);
    }
    const store = new FileKeyStore(dir, aesKey, macKey);
    const created = await mkdir(store.keysDir, { recursive: true, mode: 0o700 });
    await mkdir(store.txnDir, { recursive: true, mode: 0o700 });
    // New directories become durable entries of their parents, as files do.
    if (created !== undefined) {
      await syncDirectory(dir);
      await syncDirectory(join(dir, '..'));
    }
    // mkdir leaves an existing directory's mode as it is (0777, say): keys are for this user only.
    for (const d of [dir, store.keysDir, store.txnDir]) tightenMode(d);
    if (options.lock !== false) {
      store.register();
      try {
        store.takeLock();
      } catch (err) {
        store.unregister();
        throw err;
      }
    }
    try {
      await store.finishJournals();
      await store.load();
    } catch (err) {
      store.releaseLock();
      store.unregister();
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
    await this.force(recordKey(record), record);
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
    this.unregister();
  }

  /** Refuses a second open of the same directory in this process: its close would release the first's lock. */
  private register(): void {
    const real = realpathSync(this.dir);
    if (openHere.has(real)) {
      throw new KeyStoreError(`the key store in ${this.dir} is already open in this process; close it before opening it again`);
    }
    openHere.add(real);
    this.registered = real;
  }

  private unregister(): void {
    if (this.registered !== undefined) openHere.delete(this.registered);
    this.registered = undefined;
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
    const seal = this.macKey === undefined ? { checksum: checksum(key) } : { mac: recordMac(this.macKey, key) };
    return `${JSON.stringify({ format: FORMAT, ...seal, key })}\n`;
  }

  private async writeDurably(dir: string, name: string, text: string, syncDir = true): Promise<void> {
    const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    try {
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, join(dir, name));
    } catch (err) {
      // A failed write (a full disk, say) leaves no partial temporary file behind.
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
        const { record, authenticated } = await this.parseFile(await readFile(join(this.keysDir, name), 'utf8'), m[1]!);
        if (!authenticated) this.unauthenticated.push(path);
        this.records.set(recordKey(record), { record, version: ++this.version });
        for (const a of record.aliases) {
          const k = aliasKey(record.AccountId, record.Region, a.AliasName);
          const owner = this.aliasIndex.get(k);
          // Only a file put back from a backup (or edited) gets here: an alias is unique per account and region.
          if (owner !== undefined && owner !== recordKey(record)) throw new Error(`claims ${a.AliasName}, which keys/${owner}.json claims too`);
          this.aliasIndex.set(k, recordKey(record));
        }
      } catch (err) {
        problems.push(`  ${path}: ${(err as Error).message}`);
      }
    }
    if (problems.length > 0) {
      throw new KeyStoreError(
        `the key store in ${this.dir} has ${problems.length} unreadable key file(s):\n${problems.join('\n')}\n` +
          (this.macKey === undefined && problems.some((p) => p.endsWith(NO_MASTER_KEY))
            ? 'Nothing was changed. The store was written with a master key: set WASMAC_MASTER_KEY to it.'
            : 'Nothing was changed. Restore these files from a backup, or move them out of the directory to start without those keys.'),
      );
    }
  }

  /**
   * A key file's record. `authenticated`: it carries a valid MAC under the
   * master key; without a master key, always true (nothing to check against).
   */
  private async parseFile(text: string, keyIdFromName: string): Promise<{ record: StoredKey; authenticated: boolean }> {
    let file: { format?: unknown; checksum?: unknown; mac?: unknown; key?: unknown };
    try {
      file = JSON.parse(text);
    } catch {
      throw new Error(text.length === 0 ? 'empty file' : 'truncated or corrupt (not valid JSON)');
    }
    if (typeof file !== 'object' || file === null || file.format !== FORMAT) {
      throw new Error(`not a wasmac key file (format ${JSON.stringify((file as { format?: unknown } | null)?.format)}, expected "${FORMAT}")`);
    }
    const key = file.key as RecordOnDisk;
    if (typeof key !== 'object' || key === null || Array.isArray(key)) throw new Error('not a wasmac key file (no record in it)');
    let authenticated: boolean;
    if (file.mac !== undefined) {
      if (this.macKey === undefined) throw new Error(NO_MASTER_KEY);
      const expected = Buffer.from(recordMac(this.macKey, key), 'hex');
      const given = typeof file.mac === 'string' && /^[0-9a-f]{64}$/.test(file.mac) ? Buffer.from(file.mac, 'hex') : Buffer.alloc(32);
      if (!timingSafeEqual(expected, given)) throw new Error('not authenticated under this master key: a wrong master key, or the file was changed');
      authenticated = true;
    } else {
      if (file.checksum !== checksum(key)) throw new Error('checksum mismatch: the file was modified or damaged');
      authenticated = this.macKey === undefined;
    }
    if (recordKey(key as StoredKey) !== keyIdFromName) throw new Error(`holds key ${JSON.stringify(key.KeyId)}, not the key its name says`);
    const { material, ...rest } = key;
    if (authenticated && this.macKey !== undefined && material !== undefined && material.encoding !== 'aes-256-gcm') {
      throw new Error('plain key material in an encrypted store');
    }
    const record: StoredKey = rest;
    if (material !== undefined) record.material = await this.openMaterial(material, key.KeyId);
    return { record, authenticated };
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

  /**
   * Takes `lock` for this process. The lock file is written whole under a
   * temporary name and linked into place (link fails if the name exists), so
   * it never appears empty or partial. A lock left by a dead process is
   * taken over through a marker named after that lock file's identity,
   * created exclusively: of several openers that find the same stale lock,
   * only one may remove it, and only while it is still that file. The others
   * then find the new holder alive and are refused.
   */
  private takeLock(): void {
    const path = join(this.dir, 'lock');
    const mine = `${process.pid}\n`;
    const temp = join(this.dir, `.lock.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    writeFileSync(temp, mine, { flag: 'wx', mode: 0o600 });
    try {
      // Each round either ends (lock taken, holder alive) or follows another opener's step; a
      // round that waits for another's takeover sleeps 10 ms: at most about a second in all.
      for (let round = 0; round < 100; round++) {
        try {
          linkSync(temp, path);
          this.lockPath = path;
          return;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        }
        const held = readLock(path);
        if (held === undefined) continue; // released meanwhile
        const pid = /^\d+\n?$/.test(held.text) ? Number(held.text.trim()) : undefined;
        // Our own pid is a dead process's that had it before (PID 1 in a restarted container):
        // this process's own opens are refused earlier, by `register`.
        if (pid !== undefined && pid !== process.pid && isProcessAlive(pid)) {
          throw new KeyStoreError(
            `the key store in ${this.dir} is in use by process ${pid} (a running \`wasmac serve\`?). ` +
              'Stop it, or send requests to its endpoint (aws kms ... --endpoint-url).',
          );
        }
        if (pid === undefined && Date.now() - held.mtimeMs < 5000) {
          // Not a pid: written by something else, or being written by an older wasmac. Not stale yet.
          throw new KeyStoreError(`the key store in ${this.dir} has a lock file that is not a process id (${path}); if no other process uses the store, remove it`);
        }
        // The lock of a process that is gone (e.g. killed with SIGKILL): take it over.
        const marker = join(this.dir, `.lock.takeover.${held.dev}.${held.ino}.${Math.round(held.ctimeMs * 1000)}`);
        try {
          writeFileSync(marker, mine, { flag: 'wx', mode: 0o600 });
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
          // Another opener is taking this lock over (microseconds); a marker older than
          // ten seconds is one whose opener died in between.
          const age = Date.now() - (statIfAny(marker)?.mtimeMs ?? Date.now());
          if (age > 10_000) unlinkSyncQuiet(marker);
          else sleepSync(10);
          continue;
        }
        try {
          const now = readLock(path);
          if (now !== undefined && now.dev === held.dev && now.ino === held.ino) unlinkSyncQuiet(path);
        } finally {
          unlinkSyncQuiet(marker);
        }
      }
      throw new KeyStoreError(`could not take the lock ${path}: other processes are opening the store at the same time; try again`);
    } finally {
      unlinkSyncQuiet(temp);
    }
  }

  /** Removes the lock if it is still this process's (never one another process has taken over since). */
  private releaseLock(): void {
    if (this.lockPath === undefined) return;
    try {
      if (readLock(this.lockPath)?.text.trim() === String(process.pid)) unlinkSyncQuiet(this.lockPath);
    } finally {
      this.lockPath = undefined;
    }
  }
}

function statIfAny(path: string): { mtimeMs: number } | undefined {
  try {
    return statSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The lock file's text and identity, read through one descriptor; undefined if there is none. */
function readLock(path: string): { text: string; dev: number; ino: number; ctimeMs: number; mtimeMs: number } | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const st = fstatSync(fd);
    return { text: readFileSync(fd, 'utf8'), dev: st.dev, ino: st.ino, ctimeMs: st.ctimeMs, mtimeMs: st.mtimeMs };
  } finally {
    closeSync(fd);
  }
}

/**
 * Sets a directory of the store to 0700 if group or others have any access.
 * Refused instead for a directory shared by design (sticky, like /tmp) or
 * owned by another user: the keys need a directory of their own.
 */
function tightenMode(dir: string): void {
  const st = statSync(dir);
  const mode = st.mode & 0o777;
  if ((mode & 0o077) === 0) return;
  const loose = `${dir} has mode 0${mode.toString(8)}: other users can reach the keys`;
  if ((st.mode & 0o1000) !== 0 || (process.getuid !== undefined && st.uid !== process.getuid())) {
    throw new KeyStoreError(`${loose}, and it is shared (sticky, or another user's); use a directory of its own for the key store (--data-dir)`);
  }
  try {
    chmodSync(dir, 0o700);
  } catch (err) {
    throw new KeyStoreError(`${loose}, and it could not be set to 0700 (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
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

