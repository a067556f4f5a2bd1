/**
 * Key management: CreateKey, DescribeKey, EnableKey, DisableKey,
 * ScheduleKeyDeletion, CancelKeyDeletion and ListKeys, happy paths and errors
 * (docs/SEMANTICS.md KEY, MD, LIFE).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  CancelKeyDeletionCommand,
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  GenerateMacCommand,
  InvalidMarkerException,
  KMSClient,
  KMSInvalidStateException,
  ListKeysCommand,
  NotFoundException,
  ScheduleKeyDeletionCommand,
  TagException,
  UnsupportedOperationException,
  ValidationException,
} from '../../src/index.js';
import { ACCOUNT, arnOf, createKey, patch, rejects, setup } from './helpers.js';

const DAY = 86_400_000;

test('CreateKey HMAC: KeyMetadata as DescribeKey returns it for HMAC keys (recorded 2025-11-10)', async () => {
  const { client, store, clock } = setup();
  const out = await client.send(new CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC', Description: 'mac key' }));
  const md = out.KeyMetadata!;
  assert.match(md.KeyId!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(
    { ...md, CreationDate: md.CreationDate!.getTime() },
    {
      AWSAccountId: ACCOUNT,
      KeyId: md.KeyId,
      Arn: arnOf(md.KeyId!),
      CreationDate: clock.now,
      Enabled: true,
      Description: 'mac key',
      KeyUsage: 'GENERATE_VERIFY_MAC',
      KeyState: 'Enabled',
      Origin: 'AWS_KMS',
      KeyManager: 'CUSTOMER',
      KeySpec: 'HMAC_256',
      MultiRegion: false,
      CustomerMasterKeySpec: 'HMAC_256',
      MacAlgorithms: ['HMAC_SHA_256'],
    },
  );
  assert.ok(md.CreationDate instanceof Date);
  const described = await client.send(new DescribeKeyCommand({ KeyId: md.KeyId }));
  assert.equal(described.KeyMetadata, md);
  assert.is((await store.list()).length, 1);
});

test('CreateKey with no arguments: a symmetric encryption key (metadata only)', async () => {
  const { client, store } = setup();
  const { KeyMetadata } = await client.send(new CreateKeyCommand({}));
  assert.is(KeyMetadata!.KeySpec, 'SYMMETRIC_DEFAULT');
  assert.is(KeyMetadata!.KeyUsage, 'ENCRYPT_DECRYPT');
  assert.equal(KeyMetadata!.EncryptionAlgorithms, ['SYMMETRIC_DEFAULT']);
  assert.is(KeyMetadata!.MacAlgorithms, undefined);
  assert.is((await store.get(KeyMetadata!.KeyId!))!.material, undefined);
});

test('CreateKey RSA / ECC signing keys: metadata only, with their signing algorithms', async () => {
  const { client } = setup();
  const rsa = await createKey(client, 'RSA_2048', 'SIGN_VERIFY');
  assert.equal(rsa.metadata.SigningAlgorithms?.length, 6);
  assert.is(rsa.metadata.EncryptionAlgorithms, undefined);
  const ecc = await createKey(client, 'ECC_NIST_P256', 'SIGN_VERIFY');
  assert.equal(ecc.metadata.SigningAlgorithms, ['ECDSA_SHA_256']);
  const rsaEnc = await createKey(client, 'RSA_4096', 'ENCRYPT_DECRYPT');
  assert.equal(rsaEnc.metadata.EncryptionAlgorithms, ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256']);
});

test('CreateKey with the deprecated CustomerMasterKeySpec alone', async () => {
  const { client } = setup();
  const { KeyMetadata } = await client.send(new CreateKeyCommand({ CustomerMasterKeySpec: 'HMAC_512', KeyUsage: 'GENERATE_VERIFY_MAC' }));
  assert.is(KeyMetadata!.KeySpec, 'HMAC_512');
});

test('CreateKey HMAC spec without KeyUsage (recorded text)', async () => {
  const { client } = setup();
  await rejects(client.send(new CreateKeyCommand({ KeySpec: 'HMAC_256' })), ValidationException, 'client', 'You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.');
});

test('CreateKey unknown KeySpec (recorded order, newer values after)', async () => {
  const { client } = setup();
  await rejects(
    client.send(new CreateKeyCommand({ KeySpec: 'HMAC_random' as never, KeyUsage: 'GENERATE_VERIFY_MAC' })),
    ValidationException,
    'client',
    /^1 validation error detected: Value 'HMAC_random' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: \[RSA_2048, ECC_NIST_P384, ECC_NIST_P256, ECC_NIST_P521, HMAC_384, RSA_3072, ECC_SECG_P256K1, RSA_4096, SYMMETRIC_DEFAULT, HMAC_256, HMAC_224, HMAC_512, .*\]$/,
  );
});

test('CreateKey unknown KeyUsage', async () => {
  const { client } = setup();
  await rejects(
    client.send(new CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'RANDOM' as never })),
    ValidationException,
    'client',
    /^1 validation error detected: Value 'RANDOM' at 'keyUsage' failed to satisfy constraint: Member must satisfy enum value set: \[ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC, .*\]$/,
  );
});

for (const [spec, usage] of [
  ['HMAC_256', 'ENCRYPT_DECRYPT'],
  ['HMAC_512', 'SIGN_VERIFY'],
  ['SYMMETRIC_DEFAULT', 'GENERATE_VERIFY_MAC'],
  ['RSA_2048', 'GENERATE_VERIFY_MAC'],
  ['ECC_NIST_P256', 'GENERATE_VERIFY_MAC'],
  ['RSA_2048', 'KEY_AGREEMENT'],
] as const) {
  test(`CreateKey ${spec} with ${usage}: not compatible`, async () => {
    const { client } = setup();
    await rejects(client.send(new CreateKeyCommand({ KeySpec: spec, KeyUsage: usage })), ValidationException, 'client', `KeyUsage ${usage} is not compatible with KeySpec ${spec}`);
  });
}

test('CreateKey with both KeySpec and CustomerMasterKeySpec', async () => {
  const { client } = setup();
  await rejects(client.send(new CreateKeyCommand({ KeySpec: 'HMAC_256', CustomerMasterKeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' })), ValidationException, 'client', /KeySpec and CustomerMasterKeySpec/);
});

test('CreateKey Description over 8192 characters', async () => {
  const { client } = setup();
  const d = 'd'.repeat(8193);
  await rejects(client.send(new CreateKeyCommand({ Description: d })), ValidationException, 'client', `1 validation error detected: Value '${d}' at 'description' failed to satisfy constraint: Member must have length less than or equal to 8192`);
});

test('CreateKey custom key stores are not supported', async () => {
  const { client } = setup();
  await rejects(client.send(new CreateKeyCommand({ CustomKeyStoreId: 'cks-1234567890abcdef0' })), UnsupportedOperationException, 'client', 'Custom key stores are not supported.');
  await rejects(client.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM' })), UnsupportedOperationException, 'client', 'Custom key stores are not supported.');
});

test('CreateKey with tags; tag errors (recorded texts)', async () => {
  const { client } = setup();
  const tag = (TagKey: string, TagValue = 'v') => ({ TagKey, TagValue });
  await createKey(client, 'HMAC_256', 'GENERATE_VERIFY_MAC', { Tags: [tag('a'), tag('b', '')] });
  const create = (Tags: unknown) => client.send(new CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC', Tags } as never));
  await rejects(create([tag('aws:x')]), TagException, 'client', 'Tags beginning with aws: are reserved');
  await rejects(create([tag('AWS:x')]), TagException, 'client', 'Tags beginning with aws: are reserved');
  await rejects(create([tag('a'), tag('a', 'w')]), TagException, 'client', 'Duplicate tag keys');
  await rejects(create(Array.from({ length: 51 }, (_, i) => tag(`k${i}`))), TagException, 'client', 'Too many tags');
  const long = 'k'.repeat(129);
  await rejects(create([tag('ok'), tag(long)]), ValidationException, 'client', `1 validation error detected: Value '${long}' at 'tags.2.member.tagKey' failed to satisfy constraint: Member must have length less than or equal to 128`);
  const v = 'v'.repeat(257);
  await rejects(create([tag('ok', v)]), ValidationException, 'client', `1 validation error detected: Value '${v}' at 'tags.1.member.tagValue' failed to satisfy constraint: Member must have length less than or equal to 256`);
  await rejects(create([{ TagKey: 'k' }]), ValidationException, 'client', "1 validation error detected: Value null at 'tags.1.member.tagValue' failed to satisfy constraint: Member must not be null");
});

test('CreateKey Origin EXTERNAL: PendingImport, not enabled, no material', async () => {
  const { client, store } = setup();
  const key = await createKey(client, 'HMAC_384', 'GENERATE_VERIFY_MAC', { Origin: 'EXTERNAL' });
  assert.is(key.metadata.Origin, 'EXTERNAL');
  assert.is(key.metadata.KeyState, 'PendingImport');
  assert.is(key.metadata.Enabled, false);
  assert.is(key.metadata.ExpirationModel, undefined);
  assert.is((await store.get(key.KeyId))!.material, undefined);
  await patch(store, key.KeyId, { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: Date.UTC(2027, 0, 1) });
  const { KeyMetadata } = await client.send(new DescribeKeyCommand({ KeyId: key.KeyId }));
  assert.is(KeyMetadata!.ExpirationModel, 'KEY_MATERIAL_EXPIRES');
  assert.equal(KeyMetadata!.ValidTo, new Date(Date.UTC(2027, 0, 1)));
});

test('DescribeKey by key ID, key ARN, alias and alias ARN; in every state', async () => {
  const { client, store } = setup();
  const key = await createKey(client);
  await client.send(new CreateAliasCommand({ AliasName: 'alias/d', TargetKeyId: key.KeyId }));
  for (const KeyId of [key.KeyId, key.Arn, 'alias/d', `arn:aws:kms:us-east-1:${ACCOUNT}:alias/d`]) {
    assert.is((await client.send(new DescribeKeyCommand({ KeyId }))).KeyMetadata!.KeyId, key.KeyId);
  }
  for (const state of ['Disabled', 'PendingImport', 'Creating', 'Updating', 'Unavailable', 'PendingReplicaDeletion']) {
    await patch(store, key.KeyId, { KeyState: state });
    const md = (await client.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
    assert.is(md.KeyState, state);
    assert.is(md.Enabled, false);
  }
});

test('partitions follow the region: aws-cn ARNs in cn-north-1; an aws ARN there is malformed', async () => {
  const { store } = setup();
  const cn = new KMSClient({ region: 'cn-north-1', keyStore: store });
  const key = await createKey(cn);
  assert.is(key.Arn, `arn:aws-cn:kms:cn-north-1:${ACCOUNT}:key/${key.KeyId}`);
  assert.is((await cn.send(new DescribeKeyCommand({ KeyId: key.Arn }))).KeyMetadata!.KeyId, key.KeyId);
  const wrong = `arn:aws:kms:cn-north-1:${ACCOUNT}:key/${key.KeyId}`;
  await rejects(cn.send(new DescribeKeyCommand({ KeyId: wrong })), NotFoundException, 'client', `Invalid keyId '${wrong}'`);
});

test('DescribeKey errors: malformed, missing, other region', async () => {
  const { client } = setup();
  await rejects(client.send(new DescribeKeyCommand({ KeyId: 'fake-key-id' })), NotFoundException, 'client', "Invalid keyId 'fake-key-id'");
  const id = '134f2428-cec1-4b25-a1ae-9048164dba47';
  await rejects(client.send(new DescribeKeyCommand({ KeyId: id })), NotFoundException, 'client', `Key '${arnOf(id)}' does not exist`);
  await rejects(client.send(new DescribeKeyCommand({ KeyId: arnOf(id, 'us-west-1') })), NotFoundException, 'client', 'Invalid arn us-west-1');
  await rejects(client.send(new DescribeKeyCommand({} as never)), ValidationException, 'client', "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null");
});

test('DisableKey / EnableKey: Enabled <-> Disabled, both idempotent', async () => {
  const { client } = setup();
  const key = await createKey(client);
  const state = async () => (await client.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
  const out = await client.send(new DisableKeyCommand({ KeyId: key.KeyId }));
  assert.equal(Object.keys(out), ['$metadata']);
  assert.is((await state()).KeyState, 'Disabled');
  assert.is((await state()).Enabled, false);
  await client.send(new DisableKeyCommand({ KeyId: key.Arn }));
  assert.is((await state()).KeyState, 'Disabled');
  await client.send(new EnableKeyCommand({ KeyId: key.Arn }));
  assert.is((await state()).KeyState, 'Enabled');
  await client.send(new EnableKeyCommand({ KeyId: key.KeyId }));
  assert.is((await state()).Enabled, true);
  await client.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: 'm', MacAlgorithm: 'HMAC_SHA_256' }));
});

test('EnableKey / DisableKey take no aliases and no other account', async () => {
  const { client } = setup();
  const key = await createKey(client);
  await client.send(new CreateAliasCommand({ AliasName: 'alias/e', TargetKeyId: key.KeyId }));
  for (const C of [EnableKeyCommand, DisableKeyCommand]) {
    await rejects(client.send(new C({ KeyId: 'alias/e' })), NotFoundException, 'client', "Invalid keyId 'alias/e'");
    const foreign = arnOf(key.KeyId, 'us-east-1', '444455556666');
    await rejects(client.send(new C({ KeyId: foreign })), NotFoundException, 'client', `Key '${foreign}' does not exist`);
  }
});

for (const [state, phrase] of [
  ['PendingImport', 'is pending import.'],
  ['Creating', 'is creating.'],
  ['Updating', 'is updating.'],
  ['Unavailable', 'is unavailable.'],
  ['PendingReplicaDeletion', 'is pending replica deletion.'],
] as const) {
  test(`EnableKey / DisableKey on a ${state} key: KMSInvalidStateException`, async () => {
    const { client, store } = setup();
    const key = await createKey(client);
    await patch(store, key.KeyId, { KeyState: state });
    for (const C of [EnableKeyCommand, DisableKeyCommand]) {
      await rejects(client.send(new C({ KeyId: key.KeyId })), KMSInvalidStateException, 'client', `${key.Arn} ${phrase}`);
    }
  });
}

test('ScheduleKeyDeletion: default 30 days, response shape, DescribeKey shows DeletionDate', async () => {
  const { client, clock } = setup();
  const key = await createKey(client);
  const out = await client.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId }));
  assert.is(out.KeyId, key.Arn);
  assert.is(out.KeyState, 'PendingDeletion');
  assert.is(out.PendingWindowInDays, 30);
  assert.equal(out.DeletionDate, new Date(clock.now + 30 * DAY));
  const md = (await client.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
  assert.is(md.KeyState, 'PendingDeletion');
  assert.is(md.Enabled, false);
  assert.equal(md.DeletionDate, out.DeletionDate);
  assert.is(md.PendingDeletionWindowInDays, undefined);
  for (const C of [EnableKeyCommand, DisableKeyCommand, ScheduleKeyDeletionCommand]) {
    await rejects(client.send(new C({ KeyId: key.KeyId })), KMSInvalidStateException, 'client', `${key.Arn} is pending deletion.`);
  }
});

test('ScheduleKeyDeletion PendingWindowInDays 7..30', async () => {
  const { client } = setup();
  const key = await createKey(client);
  // Inside the model's 1-365 but outside the service's 7-30: the service's own text (recorded for 1).
  for (const days of [1, 6, 31, 365]) {
    await rejects(client.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: days })), ValidationException, 'client', 'PendingWindowInDays must be between 7 and 30');
  }
  // Outside the model's bounds: the framework's wording.
  await rejects(client.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 0 })), ValidationException, 'client', "1 validation error detected: Value '0' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value greater than or equal to 1");
  await rejects(client.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 366 })), ValidationException, 'client', "1 validation error detected: Value '366' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value less than or equal to 365");
  assert.is((await client.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!.KeyState, 'Enabled');
  const out = await client.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
  assert.is(out.PendingWindowInDays, 7);
});

test('the key is really deleted once DeletionDate passes by the client clock (with its aliases)', async () => {
  const { client, store, clock } = setup();
  const key = await createKey(client);
  const keep = await createKey(client);
  await client.send(new CreateAliasCommand({ AliasName: 'alias/gone', TargetKeyId: key.KeyId }));
  await client.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
  clock.now += 7 * DAY - 1;
  assert.is((await client.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!.KeyState, 'PendingDeletion');
  clock.now += 1;
  await rejects(client.send(new DescribeKeyCommand({ KeyId: key.KeyId })), NotFoundException, 'client', `Key '${key.Arn}' does not exist`);
  assert.is(await store.get(key.KeyId), undefined);
  await rejects(client.send(new DescribeKeyCommand({ KeyId: 'alias/gone' })), NotFoundException, 'client', `Alias arn:aws:kms:us-east-1:${ACCOUNT}:alias/gone is not found.`);
  const { Keys } = await client.send(new ListKeysCommand({}));
  assert.equal(Keys, [{ KeyId: keep.KeyId, KeyArn: keep.Arn }]);
});

test('ListKeys also purges keys whose deletion date has passed', async () => {
  const { client, store, clock } = setup();
  const key = await createKey(client);
  await client.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
  clock.now += 8 * DAY;
  assert.equal((await client.send(new ListKeysCommand({}))).Keys, []);
  assert.is((await store.list()).length, 0);
});

test('CancelKeyDeletion: PendingDeletion -> Disabled (not Enabled); otherwise KMSInvalidStateException', async () => {
  const { client } = setup();
  const key = await createKey(client);
  await rejects(client.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId })), KMSInvalidStateException, 'client', `${key.Arn} is not pending deletion.`);
  await client.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId }));
  const out = await client.send(new CancelKeyDeletionCommand({ KeyId: key.Arn }));
  assert.is(out.KeyId, key.Arn);
  const md = (await client.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
  assert.is(md.KeyState, 'Disabled');
  assert.is(md.DeletionDate, undefined);
  await client.send(new EnableKeyCommand({ KeyId: key.KeyId }));
  await client.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: 'm', MacAlgorithm: 'HMAC_SHA_256' }));
});

test('ScheduleKeyDeletion then CancelKeyDeletion on an EXTERNAL key awaiting import: back to PendingImport', async () => {
  const { client } = setup();
  const key = await createKey(client, 'HMAC_256', 'GENERATE_VERIFY_MAC', { Origin: 'EXTERNAL' });
  await client.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId }));
  await client.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
  assert.is((await client.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!.KeyState, 'PendingImport');
});

test('ListKeys: every state, sorted, paginated with Limit / Marker / NextMarker / Truncated', async () => {
  const { client, store } = setup();
  const ids: string[] = [];
  for (let i = 0; i < 25; i++) ids.push((await createKey(client)).KeyId);
  await patch(store, ids[3]!, { KeyState: 'Disabled' });
  // another region and another account in the same store are not listed
  await createKey(new KMSClient({ region: 'eu-west-1', keyStore: store }));
  await createKey(new KMSClient({ accountId: '444455556666', keyStore: store }));
  const seen: string[] = [];
  let marker: string | undefined;
  let pages = 0;
  do {
    const out = await client.send(new ListKeysCommand({ Limit: 10, Marker: marker }));
    pages++;
    for (const k of out.Keys!) {
      assert.is(k.KeyArn, arnOf(k.KeyId!));
      seen.push(k.KeyId!);
    }
    assert.is(out.Truncated, out.NextMarker !== undefined);
    if (out.Truncated) assert.is(out.Keys!.length, 10);
    marker = out.NextMarker;
  } while (marker !== undefined);
  assert.is(pages, 3);
  assert.equal(seen, [...ids].sort());
  const all = await client.send(new ListKeysCommand({}));
  assert.is(all.Keys!.length, 25);
  assert.is(all.Truncated, false);
  assert.not.ok('NextMarker' in all);
});

test('ListKeys errors: bad marker, Limit out of range', async () => {
  const { client } = setup();
  await createKey(client);
  await rejects(client.send(new ListKeysCommand({ Marker: 'garbage' })), InvalidMarkerException, 'client', 'Invalid marker');
  await rejects(client.send(new ListKeysCommand({ Marker: '' })), ValidationException, 'client', "1 validation error detected: Value '' at 'marker' failed to satisfy constraint: Member must have length greater than or equal to 1");
  await rejects(client.send(new ListKeysCommand({ Limit: 0 })), ValidationException, 'client', "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
  await rejects(client.send(new ListKeysCommand({ Limit: 1001 })), ValidationException, 'client', "1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000");
});

test.run();
