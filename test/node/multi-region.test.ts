/**
 * Multi-Region HMAC keys on one endpoint serving every region, through
 * `@aws-sdk/client-kms` and through the in-process `KMSClient` (the same
 * checks, the same answers): keys in three regions, a multi-Region key
 * replicated to two of them with identical MACs and cross-region VerifyMac,
 * MultiRegionConfiguration on both sides, UpdatePrimaryRegion, deletion with
 * PendingReplicaDeletion, imported (EXTERNAL) keys, AWS's refusals, and races.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHmac } from 'node:crypto';
import * as local from '../../src/kms/index.js';
import { MemoryKeyStore } from '../../src/kms/key-store.js';
import { startServer, type KmsServer } from '../../src/node/index.js';
import { twoWays } from './two-ways.js';
import { randomMaterial, wrapNode } from '../kms/import-helpers.js';


const DAY = 86_400_000;
let clock = Date.UTC(2026, 10, 28, 12);
let server: KmsServer;
const localStore = new MemoryKeyStore();

const both = twoWays(() => server.url, localStore, () => new Date(clock));
const ways = both.ways;

async function failure(p: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { name: string; message: string };
    return { name: err.name, message: err.message === 'UnknownError' ? '' : err.message };
  }
  throw new Error('expected a rejection');
}

const HELLO = new TextEncoder().encode('Hello World');
const MRK = { KeySpec: 'HMAC_384', KeyUsage: 'GENERATE_VERIFY_MAC', MultiRegion: true };
const arn = (region: string, keyId: string, partition = 'aws') => `arn:${partition}:kms:${region}:111122223333:key/${keyId}`;

test.before(async () => {
  // SigV4 checks the request date against the server clock: the SDK signs with the real time.
  server = await startServer({ port: 0, keyStore: new MemoryKeyStore(), now: () => clock });
});

test.after(async () => {
  both.destroy();
  await server.close();
});

for (const [way, send] of ways) {
  const mac = async (region: string, KeyId: string) => (await send(region, 'GenerateMac', { KeyId, Message: HELLO, MacAlgorithm: 'HMAC_SHA_384' })).Mac as Uint8Array;

  test(`${way}: three regions, one multi-Region key replicated to two, identical MACs and cross-region VerifyMac`, async () => {
    clock = Date.now();
    // A single-Region key in each of three regions.
    for (const r of ['us-east-1', 'eu-west-1', 'ap-southeast-2']) {
      const md = (await send(r, 'CreateKey', { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' })).KeyMetadata;
      assert.is(md.Arn, arn(r, md.KeyId));
      assert.is(md.MultiRegion, false);
      assert.is(md.MultiRegionConfiguration, undefined);
    }
    const created = (await send('us-east-1', 'CreateKey', { ...MRK, Description: 'primary' })).KeyMetadata;
    const id = created.KeyId as string;
    assert.match(id, /^mrk-[0-9a-f]{32}$/);
    assert.equal(created.MultiRegionConfiguration, { MultiRegionKeyType: 'PRIMARY', PrimaryKey: { Arn: arn('us-east-1', id), Region: 'us-east-1' }, ReplicaKeys: [] });
    // Before replication the other region has no such key.
    assert.equal(await failure(send('eu-west-1', 'DescribeKey', { KeyId: id })), { name: 'NotFoundException', message: `Key '${arn('eu-west-1', id)}' does not exist` });

    const rep = await send('us-east-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'eu-west-1' });
    const md = rep.ReplicaKeyMetadata;
    assert.is(md.Arn, arn('eu-west-1', id));
    assert.is(md.KeyId, id);
    assert.is(md.KeyState, 'Creating');
    assert.is(md.Enabled, false);
    assert.is(md.Description, '');
    assert.is(md.KeySpec, 'HMAC_384');
    assert.equal(md.MacAlgorithms, ['HMAC_SHA_384']);
    assert.is(md.CurrentKeyMaterialId, undefined);
    assert.equal(md.MultiRegionConfiguration, {
      MultiRegionKeyType: 'REPLICA',
      PrimaryKey: { Arn: arn('us-east-1', id), Region: 'us-east-1' },
      ReplicaKeys: [{ Arn: arn('eu-west-1', id), Region: 'eu-west-1' }],
    });
    assert.match(rep.ReplicaPolicy, /"Sid" : "Enable IAM User Permissions"/);
    assert.is(rep.ReplicaTags, undefined);
    const tagged = await send('us-east-1', 'ReplicateKey', { KeyId: arn('us-east-1', id), ReplicaRegion: 'ap-southeast-2', Description: 'sydney', Tags: [{ TagKey: 'team', TagValue: 'ü' }], Policy: '{"Version":"2012-10-17","Statement":[]}' });
    assert.equal(tagged.ReplicaTags, [{ TagKey: 'team', TagValue: 'ü' }]);
    assert.is(tagged.ReplicaPolicy, '{"Version":"2012-10-17","Statement":[]}');

    // Synchronous replication: usable at once, with the same material.
    const macs = await Promise.all(['us-east-1', 'eu-west-1', 'ap-southeast-2'].map((r) => mac(r, id)));
    assert.is(macs[0]!.length, 48);
    assert.equal(Buffer.from(macs[1]!), Buffer.from(macs[0]!));
    assert.equal(Buffer.from(macs[2]!), Buffer.from(macs[0]!));
    for (const r of ['us-east-1', 'eu-west-1', 'ap-southeast-2']) {
      const v = await send(r, 'VerifyMac', { KeyId: id, Message: HELLO, MacAlgorithm: 'HMAC_SHA_384', Mac: macs[(r.length % 3)]! });
      assert.is(v.MacValid, true);
      assert.is(v.KeyId, arn(r, id));
    }
    const primary = (await send('us-east-1', 'DescribeKey', { KeyId: id })).KeyMetadata;
    assert.equal(primary.MultiRegionConfiguration.ReplicaKeys, [
      { Arn: arn('eu-west-1', id), Region: 'eu-west-1' },
      { Arn: arn('ap-southeast-2', id), Region: 'ap-southeast-2' },
    ]);
    assert.is(primary.Description, 'primary');
    const replica = (await send('ap-southeast-2', 'DescribeKey', { KeyId: id })).KeyMetadata;
    assert.is(replica.KeyState, 'Enabled');
    assert.is(replica.Description, 'sydney');
    assert.is(replica.MultiRegionConfiguration.MultiRegionKeyType, 'REPLICA');
    assert.equal(replica.MultiRegionConfiguration.ReplicaKeys, primary.MultiRegionConfiguration.ReplicaKeys);
    // Each region's key has its own aliases, tags, policy, state.
    await send('eu-west-1', 'CreateAlias', { AliasName: `alias/mrk-${id.slice(4, 12)}`, TargetKeyId: id });
    assert.equal(Buffer.from(await mac('eu-west-1', `alias/mrk-${id.slice(4, 12)}`)), Buffer.from(macs[0]!));
    assert.is((await failure(send('us-east-1', 'DescribeKey', { KeyId: `alias/mrk-${id.slice(4, 12)}` }))).name, 'NotFoundException');
    assert.equal((await send('ap-southeast-2', 'ListResourceTags', { KeyId: id })).Tags, [{ TagKey: 'team', TagValue: 'ü' }]);
    assert.equal((await send('us-east-1', 'ListResourceTags', { KeyId: id })).Tags, []);
    await send('eu-west-1', 'DisableKey', { KeyId: id });
    assert.is((await failure(mac('eu-west-1', id))).name, 'DisabledException');
    assert.equal(Buffer.from(await mac('us-east-1', id)), Buffer.from(macs[0]!));
    await send('eu-west-1', 'EnableKey', { KeyId: id });
    assert.ok((await send('eu-west-1', 'ListKeys', {})).Keys.some((k: any) => k.KeyArn === arn('eu-west-1', id)));
  });

  test(`${way}: ReplicateKey refusals`, async () => {
    clock = Date.now();
    const single = (await send('us-east-1', 'CreateKey', { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' })).KeyMetadata;
    assert.equal(await failure(send('us-east-1', 'ReplicateKey', { KeyId: single.KeyId, ReplicaRegion: 'eu-west-1' })), {
      name: 'UnsupportedOperationException',
      message: `${single.Arn} is not a multi-region primary key.`,
    });
    const id = (await send('us-east-1', 'CreateKey', MRK)).KeyMetadata.KeyId;
    await send('us-east-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'eu-central-1' });
    // A replica is not a primary (recorded), even asked for its own region.
    assert.equal(await failure(send('eu-central-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'eu-central-1' })), {
      name: 'UnsupportedOperationException',
      message: `${arn('eu-central-1', id)} is not a multi-region primary key.`,
    });
    for (const region of ['eu-central-1', 'us-east-1']) {
      const e = await failure(send('us-east-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: region }));
      assert.is(e.name, 'AlreadyExistsException', region);
    }
    assert.equal(await failure(send('us-east-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'cn-north-1' })), {
      name: 'UnsupportedOperationException',
      message: 'The replica region must be in the same AWS partition as the primary key.',
    });
    const bad = await failure(send('us-east-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'Mars' }));
    assert.is(bad.message, "1 validation error detected: Value 'Mars' at 'replicaRegion' failed to satisfy constraint: Member must satisfy regular expression pattern: ^([a-z]+-){2,3}\\d+$");
    const alias = await failure(send('us-east-1', 'ReplicateKey', { KeyId: 'alias/x', ReplicaRegion: 'eu-west-2' }));
    assert.is(alias.name, 'NotFoundException');
    await send('us-east-1', 'DisableKey', { KeyId: id });
    assert.equal(await failure(send('us-east-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'eu-west-2' })), { name: 'DisabledException', message: `${arn('us-east-1', id)} is disabled.` });
    assert.equal(await failure(send('us-east-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'eu-west-2', Policy: 'nope' })), { name: 'DisabledException', message: `${arn('us-east-1', id)} is disabled.` });
    await send('us-east-1', 'EnableKey', { KeyId: id });
    assert.equal(await failure(send('us-east-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'eu-west-2', Policy: 'nope' })), { name: 'MalformedPolicyDocumentException', message: '' });
    assert.is((await failure(send('us-east-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'eu-west-2', Tags: [{ TagKey: 'aws:x', TagValue: '' }] }))).name, 'TagException');
    // Nothing was made by the refusals.
    assert.equal((await send('us-east-1', 'DescribeKey', { KeyId: id })).KeyMetadata.MultiRegionConfiguration.ReplicaKeys.map((k: any) => k.Region), ['eu-central-1']);
  });

  test(`${way}: UpdatePrimaryRegion flips primary and replica atomically`, async () => {
    clock = Date.now();
    const id = (await send('us-east-1', 'CreateKey', MRK)).KeyMetadata.KeyId;
    await send('us-east-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'eu-west-1' });
    await send('us-east-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'us-west-2' });
    const before = Buffer.from(await mac('us-west-2', id));
    assert.equal(await failure(send('us-east-1', 'UpdatePrimaryRegion', { KeyId: id, PrimaryRegion: 'ap-south-1' })), {
      name: 'NotFoundException',
      message: `Key '${arn('ap-south-1', id)}' does not exist`,
    });
    assert.is((await failure(send('eu-west-1', 'UpdatePrimaryRegion', { KeyId: id, PrimaryRegion: 'us-west-2' }))).message, `${arn('eu-west-1', id)} is not a multi-region primary key.`);
    await send('eu-west-1', 'DisableKey', { KeyId: id });
    assert.equal(await failure(send('us-east-1', 'UpdatePrimaryRegion', { KeyId: id, PrimaryRegion: 'eu-west-1' })), { name: 'DisabledException', message: `${arn('eu-west-1', id)} is disabled.` });
    await send('eu-west-1', 'EnableKey', { KeyId: id });
    await send('us-east-1', 'UpdatePrimaryRegion', { KeyId: id, PrimaryRegion: 'eu-west-1' });
    const configs = await Promise.all(['us-east-1', 'eu-west-1', 'us-west-2'].map(async (r) => (await send(r, 'DescribeKey', { KeyId: id })).KeyMetadata.MultiRegionConfiguration));
    assert.equal(configs.map((c) => c.MultiRegionKeyType), ['REPLICA', 'PRIMARY', 'REPLICA']);
    for (const c of configs) {
      assert.equal(c.PrimaryKey, { Arn: arn('eu-west-1', id), Region: 'eu-west-1' });
      assert.equal(c.ReplicaKeys.map((k: any) => k.Region), ['us-west-2', 'us-east-1']);
    }
    // The new primary replicates; the old one no longer does.
    assert.is((await failure(send('us-east-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'sa-east-1' }))).name, 'UnsupportedOperationException');
    await send('eu-west-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'sa-east-1' });
    assert.equal(Buffer.from(await mac('sa-east-1', id)), before);
    assert.equal(Buffer.from(await mac('us-east-1', id)), before);
    // And back again.
    await send('eu-west-1', 'UpdatePrimaryRegion', { KeyId: id, PrimaryRegion: 'us-east-1' });
    assert.is((await send('us-east-1', 'DescribeKey', { KeyId: id })).KeyMetadata.MultiRegionConfiguration.MultiRegionKeyType, 'PRIMARY');
    assert.is((await send('sa-east-1', 'DescribeKey', { KeyId: id })).KeyMetadata.MultiRegionConfiguration.PrimaryKey.Region, 'us-east-1');
  });

  test(`${way}: a replica past its deletion date leaves its primary's list without a call in its own region`, async () => {
    if (way === 'SDK + endpoint') return; // moving the clock is the in-process client's part (as below)
    clock = Date.now();
    const id = (await send('us-east-1', 'CreateKey', MRK)).KeyMetadata.KeyId;
    await send('us-east-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'ap-south-1' });
    await send('us-east-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'eu-south-1' });
    await send('us-east-1', 'ScheduleKeyDeletion', { KeyId: id, PendingWindowInDays: 7 });
    await send('ap-south-1', 'ScheduleKeyDeletion', { KeyId: id, PendingWindowInDays: 7 });
    await send('eu-south-1', 'ScheduleKeyDeletion', { KeyId: id, PendingWindowInDays: 7 });
    clock += 8 * DAY;
    // Only the primary's region is asked: its replicas are gone, its own window starts now,
    // on the MAC path too.
    assert.equal(await failure(mac('us-east-1', id)), { name: 'KMSInvalidStateException', message: `${arn('us-east-1', id)} is pending deletion.` });
    const md = (await send('us-east-1', 'DescribeKey', { KeyId: id })).KeyMetadata;
    assert.is(md.KeyState, 'PendingDeletion');
    assert.is(md.DeletionDate.getTime(), clock + 7 * DAY);
    assert.equal(md.MultiRegionConfiguration.ReplicaKeys, []);
    // A deleted replica's region can take a new replica, asked from the primary's region only.
    const other = (await send('us-east-1', 'CreateKey', MRK)).KeyMetadata.KeyId;
    await send('us-east-1', 'ReplicateKey', { KeyId: other, ReplicaRegion: 'ap-south-1' });
    await send('ap-south-1', 'ScheduleKeyDeletion', { KeyId: other, PendingWindowInDays: 7 });
    clock += 8 * DAY;
    const again = await send('us-east-1', 'ReplicateKey', { KeyId: other, ReplicaRegion: 'ap-south-1' });
    assert.is(again.ReplicaKeyMetadata.Arn, arn('ap-south-1', other));
  });

  test(`${way}: a primary with replicas waits in PendingReplicaDeletion until the last replica is deleted`, async () => {
    clock = Date.now();
    const id = (await send('us-east-1', 'CreateKey', MRK)).KeyMetadata.KeyId;
    await send('us-east-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'eu-north-1' });
    const scheduled = await send('us-east-1', 'ScheduleKeyDeletion', { KeyId: id, PendingWindowInDays: 7 });
    assert.is(scheduled.KeyState, 'PendingReplicaDeletion');
    assert.is(scheduled.DeletionDate, undefined);
    assert.is(scheduled.PendingWindowInDays, 7);
    const md = (await send('us-east-1', 'DescribeKey', { KeyId: id })).KeyMetadata;
    assert.is(md.KeyState, 'PendingReplicaDeletion');
    assert.is(md.Enabled, false);
    assert.is(md.DeletionDate, undefined);
    assert.is(md.PendingDeletionWindowInDays, 7);
    assert.is((await failure(mac('us-east-1', id))).name, 'KMSInvalidStateException');
    assert.is((await failure(send('us-east-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'eu-west-3' }))).name, 'KMSInvalidStateException');
    // The replica is unaffected, and is deleted on its own schedule.
    assert.ok((await mac('eu-north-1', id)).length > 0);
    await send('eu-north-1', 'ScheduleKeyDeletion', { KeyId: id, PendingWindowInDays: 7 });
    // A region whose replica is pending deletion still has it ([DOC]).
    assert.is((await failure(send('us-east-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'eu-north-1' }))).name, 'AlreadyExistsException');
    if (way === 'SDK + endpoint') return; // the endpoint's clock is the signature's: moving it is the in-process client's part
    clock += 8 * DAY;
    // The replica is gone; the primary's window starts now.
    assert.is((await failure(send('eu-north-1', 'DescribeKey', { KeyId: id }))).name, 'NotFoundException');
    const after = (await send('us-east-1', 'DescribeKey', { KeyId: id })).KeyMetadata;
    assert.is(after.KeyState, 'PendingDeletion');
    assert.is(after.DeletionDate.getTime(), clock + 7 * DAY);
    assert.equal(after.MultiRegionConfiguration.ReplicaKeys, []);
    await send('us-east-1', 'CancelKeyDeletion', { KeyId: id });
    assert.is((await send('us-east-1', 'DescribeKey', { KeyId: id })).KeyMetadata.KeyState, 'Disabled');
    // A deleted replica can be made again.
    await send('us-east-1', 'EnableKey', { KeyId: id });
    await send('us-east-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'eu-north-1' });
    assert.equal(Buffer.from(await mac('eu-north-1', id)), Buffer.from(await mac('us-east-1', id)));
    // Cancelling a PendingReplicaDeletion leaves the key Disabled.
    await send('us-east-1', 'ScheduleKeyDeletion', { KeyId: id });
    await send('us-east-1', 'CancelKeyDeletion', { KeyId: id });
    assert.is((await send('us-east-1', 'DescribeKey', { KeyId: id })).KeyMetadata.KeyState, 'Disabled');
  });

  test(`${way}: an EXTERNAL multi-Region key: each replica imports the same material`, async () => {
    clock = Date.now();
    const id = (await send('us-east-1', 'CreateKey', { ...MRK, KeySpec: 'HMAC_256', Origin: 'EXTERNAL' })).KeyMetadata.KeyId;
    assert.equal(await failure(send('us-east-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'eu-west-1' })), { name: 'KMSInvalidStateException', message: `${arn('us-east-1', id)} is pending import.` });
    const material = randomMaterial(32);
    const importInto = async (region: string, bytes: Uint8Array) => {
      const p = await send(region, 'GetParametersForImport', { KeyId: id, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' });
      return send(region, 'ImportKeyMaterial', { KeyId: id, ImportToken: p.ImportToken, EncryptedKeyMaterial: wrapNode(p.PublicKey, bytes), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' });
    };
    await importInto('us-east-1', material);
    const rep = await send('us-east-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'eu-west-1' });
    assert.is(rep.ReplicaKeyMetadata.Origin, 'EXTERNAL');
    assert.is((await send('eu-west-1', 'DescribeKey', { KeyId: id })).KeyMetadata.KeyState, 'PendingImport');
    const wrong = await failure(importInto('eu-west-1', randomMaterial(32)));
    assert.equal(wrong, { name: 'IncorrectKeyMaterialException', message: 'The key material does not match the key material previously imported into this KMS key.' });
    await importInto('eu-west-1', material);
    const m = await send('eu-west-1', 'GenerateMac', { KeyId: id, Message: HELLO, MacAlgorithm: 'HMAC_SHA_256' });
    assert.equal(Buffer.from(m.Mac), createHmac('sha256', material).update(HELLO).digest());
    assert.is((await send('us-east-1', 'VerifyMac', { KeyId: id, Message: HELLO, MacAlgorithm: 'HMAC_SHA_256', Mac: m.Mac })).MacValid, true);
    // Deleting the replica's material leaves the primary's.
    await send('eu-west-1', 'DeleteImportedKeyMaterial', { KeyId: id });
    assert.is((await send('eu-west-1', 'DescribeKey', { KeyId: id })).KeyMetadata.KeyState, 'PendingImport');
    assert.is((await send('us-east-1', 'DescribeKey', { KeyId: id })).KeyMetadata.KeyState, 'Enabled');
  });

  test(`${way}: races: ReplicateKey against DisableKey, ScheduleKeyDeletion and itself`, async () => {
    clock = Date.now();
    for (let round = 0; round < 4; round++) {
      const id = (await send('us-east-1', 'CreateKey', MRK)).KeyMetadata.KeyId;
      const results = await Promise.allSettled([
        send('us-east-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'eu-west-1' }),
        send('us-east-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'eu-west-1' }),
        send('us-east-1', 'ReplicateKey', { KeyId: id, ReplicaRegion: 'eu-west-2' }),
        round % 2 === 0 ? send('us-east-1', 'DisableKey', { KeyId: id }) : send('us-east-1', 'ScheduleKeyDeletion', { KeyId: id, PendingWindowInDays: 7 }),
      ]);
      const made = results.slice(0, 3).filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<any>).value.ReplicaKeyMetadata.Arn);
      assert.ok(new Set(made).size === made.length, 'one replica per region');
      for (const r of results.slice(0, 3)) {
        if (r.status === 'rejected') assert.ok(['AlreadyExistsException', 'DisabledException', 'KMSInvalidStateException'].includes((r.reason as Error).name), (r.reason as Error).name);
      }
      const primary = (await send('us-east-1', 'DescribeKey', { KeyId: id })).KeyMetadata;
      const listed = primary.MultiRegionConfiguration.ReplicaKeys.map((k: any) => k.Arn).sort();
      assert.equal(listed, [...made].sort(), 'the primary lists exactly the replicas made');
      if (round % 2 === 1) assert.is(primary.KeyState, made.length > 0 ? 'PendingReplicaDeletion' : 'PendingDeletion');
      for (const a of made) {
        const region = a.split(':')[3];
        assert.is((await send(region, 'DescribeKey', { KeyId: id })).KeyMetadata.MultiRegionConfiguration.PrimaryKey.Region, 'us-east-1');
      }
    }
  });
}

test('the file store keeps a multi-Region key\'s records of every region across a reopen', async () => {
  const { FileKeyStore } = await import('../../src/node/file-store.js');
  const { tempDir } = await import('./helpers.js');
  const t = tempDir('wasmac-mrk-');
  try {
    let store = await FileKeyStore.open(t.dir);
    const east = new local.KMSClient({ region: 'us-east-1', keyStore: store });
    const id = (await east.send(new local.CreateKeyCommand(MRK as any))).KeyMetadata!.KeyId!;
    await east.send(new local.ReplicateKeyCommand({ KeyId: id, ReplicaRegion: 'eu-west-1' }));
    await new local.KMSClient({ region: 'eu-west-1', keyStore: store }).send(new local.CreateAliasCommand({ AliasName: 'alias/eu', TargetKeyId: id }));
    await east.send(new local.UpdatePrimaryRegionCommand({ KeyId: id, PrimaryRegion: 'eu-west-1' }));
    const before = (await east.send(new local.GenerateMacCommand({ KeyId: id, Message: HELLO, MacAlgorithm: 'HMAC_SHA_384' }))).Mac!;
    await store.close();
    store = await FileKeyStore.open(t.dir);
    const eu = new local.KMSClient({ region: 'eu-west-1', keyStore: store });
    const md = (await eu.send(new local.DescribeKeyCommand({ KeyId: 'alias/eu' }))).KeyMetadata!;
    assert.is(md.MultiRegionConfiguration!.MultiRegionKeyType, 'PRIMARY');
    assert.equal(md.MultiRegionConfiguration!.ReplicaKeys, [{ Arn: arn('us-east-1', id), Region: 'us-east-1' }]);
    const after = (await eu.send(new local.GenerateMacCommand({ KeyId: 'alias/eu', Message: HELLO, MacAlgorithm: 'HMAC_SHA_384' }))).Mac!;
    assert.equal(Buffer.from(after), Buffer.from(before));
    await store.close();
  } finally {
    t.cleanup();
  }
});

test.run();
