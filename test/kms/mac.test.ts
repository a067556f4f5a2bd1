/**
 * GenerateMac and VerifyMac end to end: the seed example of the issue, every
 * spec against node:crypto, every identifier form, and the HmacKey cache
 * following material changes in the store.
 */
import { createHmac as nodeHmac } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  COMMANDS,
  CreateAliasCommand,
  DisabledException,
  GenerateMacCommand,
  hmac,
  KMS,
  KMSClient,
  KMSInvalidMacException,
  MemoryKeyStore,
  SecretBytes,
  VerifyMacCommand,
  type KeyStore,
  type StoredKey,
  type Commit,
  type CommitResult,
  type KeyChange,
  type VersionedKey,
} from '../../src/index.js';
import { revealSecret } from '../../src/kms/secret.js';
import { createKey, materialOf, patch, rejects, setup } from './helpers.js';

const enc = new TextEncoder();

test('seed example: HMAC_384 key, alias, "Hello World" through the alias', async () => {
  const { client, store } = setup();
  const key = await createKey(client, 'HMAC_384');
  await client.send(new CreateAliasCommand({ AliasName: 'alias/seed', TargetKeyId: key.KeyId }));
  const out = await client.send(new GenerateMacCommand({ KeyId: 'alias/seed', Message: enc.encode('Hello World'), MacAlgorithm: 'HMAC_SHA_384' }));
  assert.is(out.KeyId, key.Arn);
  assert.is(out.MacAlgorithm, 'HMAC_SHA_384');
  assert.ok(out.Mac instanceof Uint8Array);
  assert.is(out.Mac!.length, 48);
  assert.equal(out.$metadata.httpStatusCode, 200);
  assert.is(out.$metadata.attempts, 1);
  assert.is(out.$metadata.totalRetryDelay, 0);
  assert.type(out.$metadata.requestId, 'string');

  const material = await materialOf(store, key.KeyId);
  assert.is(material.length, 48);
  assert.equal(out.Mac, hmac('sha384', material, 'Hello World'));
  assert.equal(out.Mac, new Uint8Array(nodeHmac('sha384', material).update('Hello World').digest()));

  const ok = await client.send(new VerifyMacCommand({ KeyId: 'alias/seed', Message: enc.encode('Hello World'), MacAlgorithm: 'HMAC_SHA_384', Mac: out.Mac }));
  assert.is(ok.MacValid, true);
  assert.is(ok.KeyId, key.Arn);
  assert.is(ok.MacAlgorithm, 'HMAC_SHA_384');

  const verify = (Message: Uint8Array, Mac: Uint8Array, KeyId = 'alias/seed') =>
    client.send(new VerifyMacCommand({ KeyId, Message, MacAlgorithm: 'HMAC_SHA_384', Mac }));
  await rejects(verify(enc.encode('Hello World!'), out.Mac!), KMSInvalidMacException, 'client', 'UnknownError');
  const flipped = Uint8Array.from(out.Mac!);
  flipped[47]! ^= 1;
  await rejects(verify(enc.encode('Hello World'), flipped), KMSInvalidMacException, 'client', 'UnknownError');
  await rejects(verify(enc.encode('Hello World'), out.Mac!.subarray(0, 47)), KMSInvalidMacException, 'client', 'UnknownError');
  await rejects(verify(enc.encode('Hello World'), out.Mac!.subarray(0, 32)), KMSInvalidMacException, 'client', 'UnknownError');
  const other = await createKey(client, 'HMAC_384');
  const otherMac = await client.send(new GenerateMacCommand({ KeyId: other.KeyId, Message: 'Hello World', MacAlgorithm: 'HMAC_SHA_384' }));
  await rejects(verify(enc.encode('Hello World'), otherMac.Mac!), KMSInvalidMacException, 'client', 'UnknownError');
});

for (const [spec, alg, hash, len] of [
  ['HMAC_224', 'HMAC_SHA_224', 'sha224', 28],
  ['HMAC_256', 'HMAC_SHA_256', 'sha256', 32],
  ['HMAC_384', 'HMAC_SHA_384', 'sha384', 48],
  ['HMAC_512', 'HMAC_SHA_512', 'sha512', 64],
] as const) {
  test(`${spec}: material of ${len} bytes, MACs equal node:crypto for 1..4096-byte messages`, async () => {
    const { client, store } = setup();
    const key = await createKey(client, spec);
    const material = await materialOf(store, key.KeyId);
    assert.is(material.length, len);
    for (const n of [1, 55, 56, 63, 64, 65, 111, 112, 127, 128, 129, 256, 1000, 4095, 4096]) {
      const message = crypto.getRandomValues(new Uint8Array(n));
      const out = await client.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: message, MacAlgorithm: alg }));
      assert.equal(out.Mac, new Uint8Array(nodeHmac(hash, material).update(message).digest()), `${n} bytes`);
      await client.send(new VerifyMacCommand({ KeyId: key.Arn, Message: message, MacAlgorithm: alg, Mac: out.Mac }));
    }
  });
}

test('Message as a string is UTF-8, as the SDK serializes it', async () => {
  const { client, store } = setup();
  const key = await createKey(client);
  const text = 'héllo wörld ✓ 𝄞';
  const a = await client.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: text, MacAlgorithm: 'HMAC_SHA_256' }));
  const b = await client.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: enc.encode(text), MacAlgorithm: 'HMAC_SHA_256' }));
  assert.equal(a.Mac, b.Mac);
  assert.equal(a.Mac, new Uint8Array(nodeHmac('sha256', await materialOf(store, key.KeyId)).update(text, 'utf8').digest()));
  await client.send(new VerifyMacCommand({ KeyId: key.KeyId, Message: text, MacAlgorithm: 'HMAC_SHA_256', Mac: a.Mac }));
});

test('every identifier form gives the same MAC and the key ARN back', async () => {
  const { client } = setup();
  const key = await createKey(client);
  await client.send(new CreateAliasCommand({ AliasName: 'alias/forms', TargetKeyId: key.KeyId }));
  const macs: Uint8Array[] = [];
  for (const KeyId of [key.KeyId, key.Arn, 'alias/forms', 'arn:aws:kms:us-east-1:111122223333:alias/forms']) {
    const out = await client.send(new GenerateMacCommand({ KeyId, Message: 'x', MacAlgorithm: 'HMAC_SHA_256' }));
    assert.is(out.KeyId, key.Arn, KeyId);
    macs.push(out.Mac!);
  }
  for (const m of macs) assert.equal(m, macs[0]);
});

test('multi-Region key: mrk- key ID, MACs work', async () => {
  const { client, store } = setup();
  const key = await createKey(client, 'HMAC_512', 'GENERATE_VERIFY_MAC', { MultiRegion: true });
  assert.match(key.KeyId, /^mrk-[0-9a-f]{32}$/);
  assert.is(key.metadata.MultiRegion, true);
  assert.is(key.metadata.MultiRegionConfiguration?.MultiRegionKeyType, 'PRIMARY');
  const out = await client.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: 'm', MacAlgorithm: 'HMAC_SHA_512' }));
  assert.equal(out.Mac, hmac('sha512', await materialOf(store, key.KeyId), 'm'));
});

test('the cached HmacKey follows material changes made in the store', async () => {
  const { client, store } = setup();
  const key = await createKey(client);
  const before = await client.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: 'm', MacAlgorithm: 'HMAC_SHA_256' }));
  const fresh = crypto.getRandomValues(new Uint8Array(32));
  await patch(store, key.KeyId, { material: new SecretBytes(fresh) });
  const after = await client.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: 'm', MacAlgorithm: 'HMAC_SHA_256' }));
  assert.not.equal(after.Mac, before.Mac);
  assert.equal(after.Mac, hmac('sha256', fresh, 'm'));
  await rejects(client.send(new VerifyMacCommand({ KeyId: key.KeyId, Message: 'm', MacAlgorithm: 'HMAC_SHA_256', Mac: before.Mac })), KMSInvalidMacException, 'client', 'UnknownError');
});

/**
 * A store that hands out fresh copies everywhere (as a store that reads from
 * a database would) and is shared: the HmacKey cache must still be right.
 */
class CopyingStore implements KeyStore {
  readonly shared = true;
  readonly #inner = new MemoryKeyStore();
  async get(keyId: string): Promise<StoredKey | undefined> {
    const r = await this.#inner.get(keyId);
    return r === undefined ? undefined : copy(r);
  }
  async scan(): Promise<VersionedKey[]> {
    return (await this.#inner.scan()).map((v) => ({ record: copy(v.record), version: v.version }));
  }
  async read(keyId: string): Promise<VersionedKey | undefined> {
    const v = await this.#inner.read(keyId);
    return v === undefined ? undefined : { record: copy(v.record), version: v.version };
  }
  readAlias(account: string, region: string, name: string): Promise<string | undefined> {
    return this.#inner.readAlias(account, region, name);
  }
  commit(c: Commit): Promise<CommitResult> {
    return this.#inner.commit(c);
  }
  subscribe(listener: (change: KeyChange) => void): () => void {
    return this.#inner.subscribe((c) => listener({ ...c, record: c.record && copy(c.record) }));
  }
}
function copy(r: StoredKey): StoredKey {
  const { material, ...rest } = r;
  const out: StoredKey = structuredClone(rest);
  if (material) out.material = new SecretBytes(revealSecret(material));
  return out;
}

test('a store that returns copies: MACs stay right, two clients share keys', async () => {
  const store = new CopyingStore();
  const a = new KMS({ keyStore: store });
  const b = new KMS({ keyStore: store });
  const { KeyMetadata } = await a.createKey({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
  const material = await materialOf(store, KeyMetadata!.KeyId!);
  for (let i = 0; i < 3; i++) {
    const m1 = await a.generateMac({ KeyId: KeyMetadata!.KeyId, Message: `m${i}`, MacAlgorithm: 'HMAC_SHA_256' });
    const m2 = await b.generateMac({ KeyId: KeyMetadata!.Arn, Message: `m${i}`, MacAlgorithm: 'HMAC_SHA_256' });
    assert.equal(m1.Mac, hmac('sha256', material, `m${i}`));
    assert.equal(m2.Mac, m1.Mac);
  }
  await b.disableKey({ KeyId: KeyMetadata!.KeyId });
  await rejects(a.generateMac({ KeyId: KeyMetadata!.KeyId, Message: 'm', MacAlgorithm: 'HMAC_SHA_256' }), DisabledException, 'client', `${KeyMetadata!.Arn} is disabled.`);
});

test('KMS aggregated client: camelCase methods resolve like send', async () => {
  const kms = new KMS();
  const { KeyMetadata } = await kms.createKey({ KeySpec: 'HMAC_224', KeyUsage: 'GENERATE_VERIFY_MAC' });
  const { Mac } = await kms.generateMac({ KeyId: KeyMetadata!.KeyId, Message: 'hi', MacAlgorithm: 'HMAC_SHA_224' });
  const v = await kms.verifyMac({ KeyId: KeyMetadata!.KeyId, Message: 'hi', MacAlgorithm: 'HMAC_SHA_224', Mac });
  assert.is(v.MacValid, true);
  assert.is(Mac!.length, 28);
});

test('$metadata: status 200, a UUID-form requestId unique per call, one attempt', async () => {
  const { client } = setup();
  const key = await createKey(client);
  const ids = new Set<string>();
  for (let i = 0; i < 50; i++) {
    const { $metadata } = await client.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: 'm', MacAlgorithm: 'HMAC_SHA_256' }));
    assert.equal(Object.keys($metadata).sort(), ['attempts', 'httpStatusCode', 'requestId', 'totalRetryDelay']);
    assert.match($metadata.requestId!, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    ids.add($metadata.requestId!);
  }
  assert.is(ids.size, 50);
});

test('client.config: region as a provider (as the SDK resolves it), account, defaults', async () => {
  assert.is(await new KMSClient().config.region(), 'us-east-1');
  assert.is(new KMSClient().config.accountId, '111122223333');
  const c = new KMSClient({ region: 'eu-central-1', accountId: '444455556666' });
  assert.is(await c.config.region(), 'eu-central-1');
  const key = await createKey(c);
  assert.is(key.Arn, `arn:aws:kms:eu-central-1:444455556666:key/${key.KeyId}`);
  assert.is(key.metadata.AWSAccountId, '444455556666');
});

test('KMS has a camelCase method for every command in COMMANDS', () => {
  const kms = new KMS() as unknown as Record<string, unknown>;
  for (const name of Object.keys(COMMANDS)) assert.type(kms[name[0]!.toLowerCase() + name.slice(1)], 'function', name);
});

test.run();
