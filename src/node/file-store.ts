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
 * Durability: every `put` writes a temporary file in `keys/`, fsyncs it,
 * renames it over `<KeyId>.json` and fsyncs the directory before it resolves,
 * so a `kill -9` (or a power cut, on a file system that honours fsync) at any
 * moment leaves each key file either old or new, never partial. Temporary
 * files left by an interrupted write belong to unacknowledged writes and are
 * removed at open.
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
import type { KeyStore, StoredKey } from '../kms/key-store.js';
import { SecretBytes, revealSecret } from '../kms/secret.js';
import { KeyStoreError } from './errors.js';

const FORMAT = 'wasmac-key/1';
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
  return createHash('sha256').update(JSON.stringify(key)).digest('hex');
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
  readonly dir: string;
  private readonly keysDir: string;
  private readonly records = new Map<string, StoredKey>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly aesKey: CryptoKey | undefined;
  private lockPath: string | undefined;

  private constructor(dir: string, aesKey: CryptoKey | undefined) {
    this.dir = dir;
    this.keysDir = join(dir, 'keys');
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
    // New directories become durable entries of their parents, as files do.
    if (created !== undefined) {
      await syncDirectory(dir);
      await syncDirectory(join(dir, '..'));
    }
    if (options.lock !== false) store.takeLock();
    try {
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

  async get(keyId: string): Promise<StoredKey | undefined> {
    return this.records.get(keyId);
  }

  async list(): Promise<StoredKey[]> {
    return [...this.records.values()];
  }

  /** Resolves once the record is on disk (file and directory entry fsynced). */
  async put(record: StoredKey): Promise<void> {
    const copy = cloneRecord(record);
    const name = fileNameOf(copy.KeyId);
    await this.serialize(copy.KeyId, async () => {
      await this.writeDurably(name, await this.serializeRecord(copy));
      this.records.set(copy.KeyId, copy);
    });
  }

  async delete(keyId: string): Promise<void> {
    const name = fileNameOf(keyId);
    await this.serialize(keyId, async () => {
      try {
        await unlink(join(this.keysDir, name));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
      await this.syncDir();
      this.records.delete(keyId);
    });
  }

  /** Waits for pending writes and releases the lock. The store must not be used afterwards. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.queues.values()]);
    this.releaseLock();
  }

  private serialize(keyId: string, task: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(keyId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    this.queues.set(keyId, settled);
    void settled.then(() => {
      if (this.queues.get(keyId) === settled) this.queues.delete(keyId);
    });
    return next;
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

  private async writeDurably(name: string, text: string): Promise<void> {
    const temp = join(this.keysDir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, join(this.keysDir, name));
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      throw err;
    }
    await this.syncDir();
  }

  private syncDir(): Promise<void> {
    return syncDirectory(this.keysDir);
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
        this.records.set(record.KeyId, record);
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
