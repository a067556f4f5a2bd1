/**
 * One endpoint, every region: the region of a request is the region of its
 * SigV4 credential scope. Keys, aliases and tags are per account and region;
 * ARNs carry the region's partition; `regions` restricts what is served.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as sdk from '@aws-sdk/client-kms';
import { KMSClient as LocalClient, CreateKeyCommand as LocalCreateKey, DescribeKeyCommand as LocalDescribeKey } from '../../src/kms/index.js';
import { MemoryKeyStore } from '../../src/kms/key-store.js';
import { startServer, type KmsServer } from '../../src/node/index.js';
import { rejection as rejects } from './helpers.js';

let server: KmsServer;
const clients = new Map<string, sdk.KMSClient>();
const store = new MemoryKeyStore();

function kms(region: string): sdk.KMSClient {
  let c = clients.get(region);
  if (c === undefined) {
    c = new sdk.KMSClient({ endpoint: server.url, region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
    clients.set(region, c);
  }
  return c;
}

const HMAC = { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' } as const;

test.before(async () => {
  server = await startServer({ port: 0, keyStore: store });
});

test.after(async () => {
  for (const c of clients.values()) c.destroy();
  await server.close();
});

test('a key belongs to the region of the signature that made it, in that region\'s partition', async () => {
  const cases = [
    ['eu-west-1', 'aws'],
    ['cn-north-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
  ] as const;
  for (const [region, partition] of cases) {
    const md = (await kms(region).send(new sdk.CreateKeyCommand(HMAC))).KeyMetadata!;
    assert.is(md.Arn, `arn:${partition}:kms:${region}:111122223333:key/${md.KeyId}`);
    const described = (await kms(region).send(new sdk.DescribeKeyCommand({ KeyId: md.KeyId }))).KeyMetadata!;
    assert.is(described.Arn, md.Arn);
    // Not found from another region, by key ID...
    const other = region === 'eu-west-1' ? 'us-east-1' : 'eu-west-1';
    const miss = await rejects(kms(other).send(new sdk.DescribeKeyCommand({ KeyId: md.KeyId })));
    assert.instance(miss, sdk.NotFoundException);
    assert.is(miss.message, `Key 'arn:aws:kms:${other}:111122223333:key/${md.KeyId}' does not exist`);
    // ... and by its ARN (another region's ARN: recorded text).
    const byArn = await rejects(kms(other).send(new sdk.DescribeKeyCommand({ KeyId: md.Arn! })));
    assert.instance(byArn, sdk.NotFoundException);
    assert.is(byArn.message, `Invalid arn ${region}`);
    const listed = (await kms(other).send(new sdk.ListKeysCommand({}))).Keys!.map((k) => k.KeyId);
    assert.not.ok(listed.includes(md.KeyId));
    assert.ok((await kms(region).send(new sdk.ListKeysCommand({}))).Keys!.some((k) => k.KeyArn === md.Arn));
  }
});

test('aliases and tags are per region: one alias name in two regions names two keys', async () => {
  const east = (await kms('us-east-1').send(new sdk.CreateKeyCommand({ ...HMAC, Tags: [{ TagKey: 'r', TagValue: 'east' }] }))).KeyMetadata!;
  const west = (await kms('us-west-2').send(new sdk.CreateKeyCommand(HMAC))).KeyMetadata!;
  await kms('us-east-1').send(new sdk.CreateAliasCommand({ AliasName: 'alias/same', TargetKeyId: east.KeyId }));
  await kms('us-west-2').send(new sdk.CreateAliasCommand({ AliasName: 'alias/same', TargetKeyId: west.KeyId }));
  assert.is((await kms('us-east-1').send(new sdk.DescribeKeyCommand({ KeyId: 'alias/same' }))).KeyMetadata!.Arn, east.Arn);
  assert.is((await kms('us-west-2').send(new sdk.DescribeKeyCommand({ KeyId: 'alias/same' }))).KeyMetadata!.Arn, west.Arn);
  const aliases = (await kms('us-west-2').send(new sdk.ListAliasesCommand({}))).Aliases!;
  assert.equal(aliases.map((a) => a.AliasArn), ['arn:aws:kms:us-west-2:111122223333:alias/same']);
  assert.equal((await kms('us-east-1').send(new sdk.ListResourceTagsCommand({ KeyId: east.KeyId }))).Tags, [{ TagKey: 'r', TagValue: 'east' }]);
  const notHere = await rejects(kms('us-west-2').send(new sdk.ListResourceTagsCommand({ KeyId: east.KeyId })));
  assert.instance(notHere, sdk.NotFoundException);
});

test('in-process clients of several regions share one store with the endpoint', async () => {
  const local = new LocalClient({ region: 'ap-southeast-2', keyStore: store });
  const md = (await local.send(new LocalCreateKey(HMAC))).KeyMetadata!;
  assert.is((await kms('ap-southeast-2').send(new sdk.DescribeKeyCommand({ KeyId: md.KeyId }))).KeyMetadata!.Arn, md.Arn);
  const viaSdk = (await kms('sa-east-1').send(new sdk.CreateKeyCommand(HMAC))).KeyMetadata!;
  const localSa = new LocalClient({ region: 'sa-east-1', keyStore: store });
  assert.is((await localSa.send(new LocalDescribeKey({ KeyId: viaSdk.KeyId }))).KeyMetadata!.Arn, viaSdk.Arn);
  const wrong = await rejects(local.send(new LocalDescribeKey({ KeyId: viaSdk.KeyId })));
  assert.is(wrong.name, 'NotFoundException');
});

test('--regions restricts what is served, with AWS\'s refusal for the others; the default region must be served', async () => {
  const only = await startServer({ port: 0, keyStore: new MemoryKeyStore(), region: 'eu-central-1', regions: ['eu-central-1', 'eu-west-3'] });
  const mk = (region: string) => new sdk.KMSClient({ endpoint: only.url, region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  try {
    for (const region of ['eu-central-1', 'eu-west-3']) {
      const c = mk(region);
      const md = (await c.send(new sdk.CreateKeyCommand(HMAC))).KeyMetadata!;
      assert.ok(md.Arn!.includes(`:${region}:`));
      c.destroy();
    }
    const c = mk('us-east-1');
    const err = await rejects(c.send(new sdk.ListKeysCommand({})));
    assert.is(err.name, 'InvalidSignatureException');
    assert.is(err.$metadata.httpStatusCode, 400);
    assert.is(err.message, "Credential should be scoped to a valid region, not 'us-east-1'. This endpoint serves 'eu-central-1', 'eu-west-3'.");
    c.destroy();
  } finally {
    await only.close();
  }
  await rejects(startServer({ port: 0, keyStore: new MemoryKeyStore(), region: 'us-east-1', regions: ['eu-west-1'] })).then((e) => assert.match(String(e.message), /default region 'us-east-1'/));
});

test('requests naming ever new regions leave every region\'s keys as they were (the per-region clients start over past their bound)', async () => {
  const md = (await kms('eu-west-2').send(new sdk.CreateKeyCommand(HMAC))).KeyMetadata!;
  const mac = (await kms('eu-west-2').send(new sdk.GenerateMacCommand({ KeyId: md.KeyId, Message: Buffer.from('x'), MacAlgorithm: 'HMAC_SHA_256' }))).Mac!;
  // More regions than the server keeps clients for (256): made-up but well-formed names.
  for (let i = 0; i < 300; i++) {
    const c = new sdk.KMSClient({ endpoint: server.url, region: `xx-test-${i + 1}`, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
    try {
      assert.equal((await c.send(new sdk.ListKeysCommand({}))).Keys, []);
    } finally {
      c.destroy();
    }
  }
  const again = await kms('eu-west-2').send(new sdk.VerifyMacCommand({ KeyId: md.KeyId, Message: Buffer.from('x'), MacAlgorithm: 'HMAC_SHA_256', Mac: mac }));
  assert.is(again.MacValid, true);
  await kms('eu-west-2').send(new sdk.DisableKeyCommand({ KeyId: md.KeyId }));
  for (let i = 0; i < 300; i++) {
    const c = new sdk.KMSClient({ endpoint: server.url, region: `xx-test-${i + 301}`, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
    try {
      await c.send(new sdk.ListKeysCommand({}));
    } finally {
      c.destroy();
    }
  }
  const disabled = await rejects(kms('eu-west-2').send(new sdk.GenerateMacCommand({ KeyId: md.KeyId, Message: Buffer.from('x'), MacAlgorithm: 'HMAC_SHA_256' })));
  assert.instance(disabled, sdk.DisabledException);
});

test.run();
