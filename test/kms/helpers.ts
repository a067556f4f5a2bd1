/**
 * What the KMS suites share: a client on a memory store with a settable
 * clock, error assertions by class, `name`, `$fault` and message, and
 * test-only access to a key's material (through `revealSecret` on the stored
 * record, never through the API).
 */
import * as assert from 'uvu/assert';
import {
  CreateKeyCommand,
  KMSClient,
  KMSServiceException,
  MemoryKeyStore,
  type KeyStore,
  type StoredKey,
} from '../../src/index.js';
import { revealSecret } from '../../src/kms/secret.js';

export const REGION = 'us-east-1';
export const ACCOUNT = '111122223333';

/** A store with the test conveniences of MemoryKeyStore and FileKeyStore. */
export interface InspectableStore extends KeyStore {
  get(keyId: string): Promise<StoredKey | undefined>;
  list(): Promise<StoredKey[]>;
}

/** A client, its store and a clock the test moves. */
export interface Setup {
  client: KMSClient;
  store: MemoryKeyStore;
  clock: { now: number };
}

export function setup(options: { region?: string; accountId?: string; keyStore?: KeyStore } = {}): Setup {
  const store = new MemoryKeyStore();
  const clock = { now: Date.UTC(2026, 10, 23, 12) };
  const client = new KMSClient({ region: options.region, accountId: options.accountId, keyStore: options.keyStore ?? store, now: () => new Date(clock.now) });
  return { client, store, clock };
}

/** Creates an HMAC key (or any spec/usage) and returns its metadata's KeyId and Arn. */
export async function createKey(client: KMSClient, KeySpec = 'HMAC_256', KeyUsage: string | undefined = 'GENERATE_VERIFY_MAC', extra: Record<string, unknown> = {}) {
  const out = await client.send(new CreateKeyCommand({ KeySpec, KeyUsage, ...extra } as never));
  return { KeyId: out.KeyMetadata!.KeyId!, Arn: out.KeyMetadata!.Arn!, metadata: out.KeyMetadata! };
}

/** A copy of the key's material, read from the store record (test-only). */
export async function materialOf(store: Pick<InspectableStore, 'get'>, keyId: string): Promise<Uint8Array> {
  const record = await store.get(keyId);
  assert.ok(record?.material, `key ${keyId} has material`);
  return Uint8Array.from(revealSecret(record!.material!));
}

/** Puts a changed copy of a record (for states the API cannot reach). */
export async function patch(store: KeyStore, keyId: string, change: Partial<StoredKey>): Promise<void> {
  const current = await store.read(keyId);
  assert.ok(current, `key ${keyId} exists`);
  const written = await store.commit({ writes: [{ keyId, expected: current!.version, record: { ...current!.record, ...change } }], checks: [], aliases: [] });
  assert.ok(written.ok, `key ${keyId} patched`);
}

type ErrorClass = abstract new (...args: never[]) => KMSServiceException;

/**
 * Awaits `promise` and asserts that it rejects with an instance of `type`
 * (and of KMSServiceException) with that `name`, `$fault` and message (exact
 * string, or a RegExp), and `$metadata` with the HTTP status AWS would send.
 */
export async function rejects(promise: Promise<unknown>, type: ErrorClass, fault: 'client' | 'server', message: string | RegExp): Promise<KMSServiceException> {
  let caught: unknown;
  try {
    await promise;
  } catch (e) {
    caught = e;
  }
  assert.ok(caught !== undefined, `expected ${type.name}, got success`);
  if (!(caught instanceof type)) assert.unreachable(`expected ${type.name}, got ${(caught as Error)?.name}: ${(caught as Error)?.message}`);
  const err = caught as KMSServiceException;
  assert.ok(err instanceof KMSServiceException, 'a KMSServiceException');
  assert.ok(err instanceof Error, 'an Error');
  assert.is(err.name, type.name);
  assert.is(err.$fault, fault);
  if (typeof message === 'string') assert.is(err.message, message);
  else assert.match(err.message, message);
  assert.is(err.$metadata.httpStatusCode, fault === 'server' ? 500 : 400);
  assert.type(err.$metadata.requestId, 'string');
  return err;
}

/** The ARN of key `keyId` in the default account and region. */
export function arnOf(keyId: string, region = REGION, account = ACCOUNT): string {
  return `arn:aws:kms:${region}:${account}:key/${keyId}`;
}
