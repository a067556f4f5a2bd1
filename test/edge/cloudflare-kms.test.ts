/**
 * examples/cloudflare-kms in workerd, driven by the real AWS SDK
 * (`@aws-sdk/client-kms`): keys, MACs, aliases and states through the
 * Worker and its Durable Object; every acknowledged key survives a restart
 * (SIGTERM, and SIGKILL in the middle of writes); concurrent changes to one
 * key all hold; bad signatures and oversized bodies get AWS's refusals.
 */
import * as sdk from '@aws-sdk/client-kms';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { tempDir } from '../runtimes/harness.js';
import { rawRequest, signedRequest } from '../node/helpers.js';
import { buildExample, startWorkerd, TEST_ENV, type Workerd } from './workerd.js';

const tmp = tempDir('cf-kms');
let workerd: Workerd | undefined;

function client(url: string, credentials = { accessKeyId: 'test', secretAccessKey: 'test' }): sdk.KMSClient {
  return new sdk.KMSClient({ endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 });
}

async function rejects(p: Promise<unknown>, name: string, message?: RegExp): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await p;
  } catch (err) {
    const e = err as Error & { $metadata?: { httpStatusCode?: number } };
    assert.is(e.name, name, `expected ${name}, got ${e.name}: ${e.message}`);
    if (message !== undefined) assert.match(e.message, message);
    return e;
  }
  return assert.unreachable(`expected ${name}, but it resolved`) as never;
}

async function restart(data: string, signal: NodeJS.Signals = 'SIGTERM', env: Record<string, string> = TEST_ENV): Promise<sdk.KMSClient> {
  await workerd?.stop(signal);
  workerd = await startWorkerd(tmp.dir, data, env);
  return client(workerd.url);
}

test.before(async () => {
  await buildExample(tmp.dir);
});

test.after(async () => {
  await workerd?.stop();
  tmp.remove();
});

test('the AWS SDK: CreateKey, GenerateMac, VerifyMac, aliases, DisableKey', async () => {
  const data = join(tmp.dir, 'data-sdk');
  let kms = await restart(data);
  try {
    const { KeyMetadata } = await kms.send(new sdk.CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC', Description: 'edge' }));
    const keyId = KeyMetadata!.KeyId!;
    assert.match(KeyMetadata!.Arn!, new RegExp(`^arn:aws:kms:us-east-1:111122223333:key/${keyId}$`));
    const message = new TextEncoder().encode('Hello from the edge');
    const { Mac } = await kms.send(new sdk.GenerateMacCommand({ KeyId: keyId, Message: message, MacAlgorithm: 'HMAC_SHA_256' }));
    assert.is(Mac!.length, 32);
    const verified = await kms.send(new sdk.VerifyMacCommand({ KeyId: keyId, Message: message, MacAlgorithm: 'HMAC_SHA_256', Mac }));
    assert.is(verified.MacValid, true);
    const bad = Uint8Array.from(Mac!);
    bad[0]! ^= 1;
    await rejects(kms.send(new sdk.VerifyMacCommand({ KeyId: keyId, Message: message, MacAlgorithm: 'HMAC_SHA_256', Mac: bad })), 'KMSInvalidMacException');

    await kms.send(new sdk.CreateAliasCommand({ AliasName: 'alias/edge', TargetKeyId: keyId }));
    await rejects(kms.send(new sdk.CreateAliasCommand({ AliasName: 'alias/edge', TargetKeyId: keyId })), 'AlreadyExistsException');
    const viaAlias = await kms.send(new sdk.GenerateMacCommand({ KeyId: 'alias/edge', Message: message, MacAlgorithm: 'HMAC_SHA_256' }));
    assert.equal(viaAlias.Mac, Mac, 'the alias names the same key');
    const { Aliases } = await kms.send(new sdk.ListAliasesCommand({ KeyId: keyId }));
    assert.equal(Aliases!.map((a) => a.AliasName), ['alias/edge']);

    await kms.send(new sdk.DisableKeyCommand({ KeyId: keyId }));
    await rejects(kms.send(new sdk.GenerateMacCommand({ KeyId: 'alias/edge', Message: message, MacAlgorithm: 'HMAC_SHA_256' })), 'DisabledException');
    await kms.send(new sdk.EnableKeyCommand({ KeyId: keyId }));

    // Another account (its own credential): its own object, where the first account's alias does not exist.
    const other = client(workerd!.url, { accessKeyId: 'AKIDOTHER', secretAccessKey: 'other-secret' });
    await rejects(other.send(new sdk.DescribeKeyCommand({ KeyId: 'alias/edge' })), 'NotFoundException');
    const mine = await other.send(new sdk.CreateKeyCommand({ KeySpec: 'HMAC_384', KeyUsage: 'GENERATE_VERIFY_MAC' }));
    assert.match(mine.KeyMetadata!.Arn!, /^arn:aws:kms:us-east-1:444455556666:key\//);

    // Kept across a restart: the key, its alias, its MAC.
    kms = await restart(data);
    const again = await kms.send(new sdk.GenerateMacCommand({ KeyId: 'alias/edge', Message: message, MacAlgorithm: 'HMAC_SHA_256' }));
    assert.equal(again.Mac, Mac, 'same key material after the restart');
    assert.is((await kms.send(new sdk.DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!.Enabled, true);
  } catch (err) {
    console.log(workerd?.log());
    throw err;
  }
});

test('concurrent DisableKey and TagResource on one key both hold', async () => {
  const data = join(tmp.dir, 'data-race');
  const kms = await restart(data);
  const rounds = 8;
  for (let round = 0; round < rounds; round++) {
    const keyId = (await kms.send(new sdk.CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }))).KeyMetadata!.KeyId!;
    await Promise.all([
      kms.send(new sdk.DisableKeyCommand({ KeyId: keyId })),
      kms.send(new sdk.TagResourceCommand({ KeyId: keyId, Tags: [{ TagKey: 'round', TagValue: String(round) }] })),
      kms.send(new sdk.TagResourceCommand({ KeyId: keyId, Tags: [{ TagKey: 'other', TagValue: 'x' }] })),
    ]);
    const described = await kms.send(new sdk.DescribeKeyCommand({ KeyId: keyId }));
    assert.is(described.KeyMetadata!.KeyState, 'Disabled', `round ${round}: DisableKey held`);
    const { Tags } = await kms.send(new sdk.ListResourceTagsCommand({ KeyId: keyId }));
    assert.equal(Tags!.map((t) => t.TagKey).sort(), ['other', 'round'], `round ${round}: both TagResource calls held`);
  }
});

test('concurrent CreateAlias of one name: exactly one wins, the index agrees', async () => {
  const kms = await restart(join(tmp.dir, 'data-alias'));
  const keys = await Promise.all(
    Array.from({ length: 6 }, () => kms.send(new sdk.CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }))),
  );
  const outcomes = await Promise.allSettled(keys.map((k) => kms.send(new sdk.CreateAliasCommand({ AliasName: 'alias/contended', TargetKeyId: k.KeyMetadata!.KeyId! }))));
  const won = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [keys[i]!.KeyMetadata!.KeyId!] : []));
  assert.is(won.length, 1, 'one CreateAlias succeeds');
  for (const o of outcomes) if (o.status === 'rejected') assert.is((o.reason as Error).name, 'AlreadyExistsException');
  const { Aliases } = await kms.send(new sdk.ListAliasesCommand({}));
  const named = Aliases!.filter((a) => a.AliasName === 'alias/contended');
  assert.is(named.length, 1);
  assert.is(named[0]!.TargetKeyId, won[0]);
});

test('SIGKILL in the middle of writes: every acknowledged key and alias is there after the restart, and the alias index agrees', async () => {
  const data = join(tmp.dir, 'data-kill');
  let kms = await restart(data);
  const acknowledged: string[] = [];
  const aliases = new Map<string, string>();
  let stopped = false;
  const writers = Array.from({ length: 4 }, async (_, w) => {
    for (let i = 0; !stopped; i++) {
      try {
        const out = await kms.send(new sdk.CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC', Tags: [{ TagKey: 't', TagValue: 'v' }] }));
        acknowledged.push(out.KeyMetadata!.KeyId!);
        const name = `alias/kill-${w}-${i}`;
        await kms.send(new sdk.CreateAliasCommand({ AliasName: name, TargetKeyId: out.KeyMetadata!.KeyId! }));
        aliases.set(name, out.KeyMetadata!.KeyId!);
      } catch {
        return; // the process is gone: that request was never acknowledged
      }
    }
  });
  let writing = writers.length;
  for (const w of writers) void w.finally(() => writing--);
  while (acknowledged.length < 40) {
    // Writers that all stopped before the kill would leave this loop waiting for ever.
    if (writing === 0) throw new Error(`the writers stopped after ${acknowledged.length} keys, before the kill`);
    await new Promise((r) => setTimeout(r, 5));
  }
  await workerd!.stop('SIGKILL');
  stopped = true;
  await Promise.all(writers);
  kms = await restart(data);
  const listed = new Set<string>();
  let marker: string | undefined;
  do {
    const page = await kms.send(new sdk.ListKeysCommand({ Marker: marker, Limit: 1000 }));
    for (const k of page.Keys ?? []) listed.add(k.KeyId!);
    marker = page.NextMarker;
  } while (marker !== undefined);
  const lost = acknowledged.filter((id) => !listed.has(id));
  assert.equal(lost, [], `${lost.length} of ${acknowledged.length} acknowledged keys were lost`);
  const stored = new Map<string, string>();
  marker = undefined;
  do {
    const page: sdk.ListAliasesCommandOutput = await kms.send(new sdk.ListAliasesCommand({ Marker: marker, Limit: 100 }));
    for (const a of page.Aliases ?? []) if (a.AliasName!.startsWith('alias/kill-')) stored.set(a.AliasName!, a.TargetKeyId!);
    marker = page.NextMarker;
  } while (marker !== undefined);
  for (const [name, keyId] of aliases) assert.is(stored.get(name), keyId, `acknowledged ${name} kept, on its key`);
  for (const [name, keyId] of stored) assert.ok(listed.has(keyId), `${name} names a key that exists`);
  const mac = await kms.send(new sdk.GenerateMacCommand({ KeyId: [...aliases.keys()].at(-1)!, Message: new Uint8Array([1]), MacAlgorithm: 'HMAC_SHA_256' }));
  assert.is(mac.Mac!.length, 32);
});

test('refusals before the object: bad signature, unknown access key, oversized body, wrong method', async () => {
  await restart(join(tmp.dir, 'data-refusals'));
  const url = workerd!.url;
  const wrongSecret = client(url, { accessKeyId: 'test', secretAccessKey: 'not-the-secret' });
  const e1 = await rejects(wrongSecret.send(new sdk.ListKeysCommand({})), 'InvalidSignatureException', /signature we calculated does not match/);
  assert.is(e1.$metadata?.httpStatusCode, 400);
  await rejects(client(url, { accessKeyId: 'AKIDNOBODY', secretAccessKey: 'x' }).send(new sdk.ListKeysCommand({})), 'UnrecognizedClientException');

  const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'TrentService.ListKeys' }, body: '{}' });
  assert.is(unsigned.status, 403);
  assert.is(((await unsigned.json()) as { __type: string }).__type, 'MissingAuthenticationTokenException');

  const big = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1' }, body: 'x'.repeat(256 * 1024 + 1) });
  assert.is(big.status, 413);
  assert.is(((await big.json()) as { __type: string }).__type, 'RequestEntityTooLargeException');

  const get = await fetch(url);
  assert.is(get.status, 405);

  // No Content-Length: the Worker counts the streamed body and stops at the limit.
  let chunks = 5;
  const stream = new ReadableStream({
    pull(controller) {
      if (chunks-- > 0) controller.enqueue(new Uint8Array(64 * 1024));
      else controller.close();
    },
  });
  const chunked = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/kms/aws4_request, SignedHeaders=host;x-amz-date, Signature=' + '0'.repeat(64), 'x-amz-date': '20260101T000000Z' },
    body: stream,
    duplex: 'half',
  } as RequestInit);
  assert.is(chunked.status, 413);

  // A message just under the limit goes through, signed, to the facade (which applies KMS's 4096-byte limit).
  const kms = client(url);
  const keyId = (await kms.send(new sdk.CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }))).KeyMetadata!.KeyId!;
  await rejects(kms.send(new sdk.GenerateMacCommand({ KeyId: keyId, Message: new Uint8Array(4097), MacAlgorithm: 'HMAC_SHA_256' })), 'ValidationException');
});

test('the Worker passes on who was authenticated, never a header the caller sent', async () => {
  const kms = await restart(join(tmp.dir, 'data-headers'));
  const mine = (await kms.send(new sdk.CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }))).KeyMetadata!.KeyId!;
  // A caller of account 111122223333 claims account 444455556666 in the Worker's own header names (signed, too).
  const req = await signedRequest({ url: workerd!.url, op: 'ListKeys', body: '{}', extraHeaders: { 'x-wasmac-account': '444455556666', 'x-wasmac-region': 'eu-west-1' } });
  const res = await rawRequest(workerd!.url, req);
  assert.is(res.status, 200);
  assert.ok((res.json.Keys as { KeyId: string; KeyArn: string }[]).some((k) => k.KeyId === mine && k.KeyArn.includes(':us-east-1:111122223333:')), 'still its own account and region');
});

test('a wrong or missing master key: KMSInternalException for the client, the reason in the log, the keys untouched', async () => {
  const data = join(tmp.dir, 'data-master');
  let kms = await restart(data);
  const keyId = (await kms.send(new sdk.CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }))).KeyMetadata!.KeyId!;
  kms = await restart(data, 'SIGTERM', { ...TEST_ENV, KMS_MASTER_KEY: Buffer.alloc(32, 9).toString('base64') });
  const wrong = await rejects(kms.send(new sdk.DescribeKeyCommand({ KeyId: keyId })), 'KMSInternalException', /^An internal error occurred\.$/);
  assert.is(wrong.$metadata?.httpStatusCode, 500);
  assert.match(workerd!.log(), new RegExp(`key ${keyId}: its record is not authenticated under the master key`));
  assert.not.match(workerd!.log(), new RegExp(Buffer.alloc(32, 9).toString('base64').slice(0, 16)), 'the log never shows the master key');

  const { KMS_MASTER_KEY: _, ...withoutKey } = TEST_ENV;
  kms = await restart(data, 'SIGTERM', withoutKey);
  await rejects(kms.send(new sdk.ListKeysCommand({})), 'KMSInternalException');
  assert.match(workerd!.log(), /KMS_MASTER_KEY is missing/);

  kms = await restart(data);
  assert.is((await kms.send(new sdk.DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!.KeyId, keyId, 'the right key opens it all again');
});

test.run();
