/**
 * CreateAlias, UpdateAlias, DeleteAlias and ListAliases: happy paths, errors
 * and pagination (docs/SEMANTICS.md ALIAS, ID, LIST).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  AlreadyExistsException,
  CreateAliasCommand,
  DeleteAliasCommand,
  DescribeKeyCommand,
  GenerateMacCommand,
  InvalidAliasNameException,
  InvalidMarkerException,
  KMSClient,
  KMSInvalidStateException,
  ListAliasesCommand,
  NotFoundException,
  ScheduleKeyDeletionCommand,
  UpdateAliasCommand,
  ValidationException,
} from '../../src/index.js';
import { ACCOUNT, arnOf, createKey, patch, rejects, setup } from './helpers.js';

const aliasArn = (name: string, region = 'us-east-1') => `arn:aws:kms:${region}:${ACCOUNT}:${name}`;
const PREFIX = 'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html';

test('CreateAlias then ListAliases shows it with dates; the alias resolves', async () => {
  const { client, clock } = setup();
  const key = await createKey(client);
  const out = await client.send(new CreateAliasCommand({ AliasName: 'alias/app/mac-key_1', TargetKeyId: key.Arn }));
  assert.equal(Object.keys(out), ['$metadata']);
  const { Aliases, Truncated } = await client.send(new ListAliasesCommand({}));
  assert.equal(Aliases, [
    { AliasName: 'alias/app/mac-key_1', AliasArn: aliasArn('alias/app/mac-key_1'), TargetKeyId: key.KeyId, CreationDate: new Date(clock.now), LastUpdatedDate: new Date(clock.now) },
  ]);
  assert.is(Truncated, false);
  assert.is((await client.send(new DescribeKeyCommand({ KeyId: 'alias/app/mac-key_1' }))).KeyMetadata!.KeyId, key.KeyId);
});

test('CreateAlias errors: prefix (recorded), reserved, pattern, length, duplicate, target', async () => {
  const { client } = setup();
  const key = await createKey(client);
  const create = (AliasName: string, TargetKeyId = key.KeyId) => client.send(new CreateAliasCommand({ AliasName, TargetKeyId }));
  await rejects(create('my-alias'), ValidationException, 'client', PREFIX);
  await rejects(create('alias/aws/s3'), InvalidAliasNameException, 'client', /alias\/aws\//);
  await rejects(create('alias/has space'), ValidationException, 'client', "1 validation error detected: Value 'alias/has space' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$");
  const long = `alias/${'a'.repeat(251)}`;
  await rejects(create(long), ValidationException, 'client', `1 validation error detected: Value '${long}' at 'aliasName' failed to satisfy constraint: Member must have length less than or equal to 256`);
  await create('alias/dup');
  await rejects(create('alias/dup'), AlreadyExistsException, 'client', `An alias with the name ${aliasArn('alias/dup')} already exists`);
  const other = await createKey(client);
  await rejects(create('alias/dup', other.KeyId), AlreadyExistsException, 'client', `An alias with the name ${aliasArn('alias/dup')} already exists`);
  await rejects(create('alias/t', 'alias/dup'), NotFoundException, 'client', "Invalid keyId 'alias/dup'");
  const missing = '0f6e0b4e-4a6b-4bd0-9d2d-3f6e5b3c2a10';
  await rejects(create('alias/t', missing), NotFoundException, 'client', `Key '${arnOf(missing)}' does not exist`);
  await rejects(client.send(new CreateAliasCommand({ AliasName: 'alias/x' } as never)), ValidationException, 'client', "1 validation error detected: Value null at 'targetKeyId' failed to satisfy constraint: Member must not be null");
});

test('CreateAlias on a PendingDeletion key: KMSInvalidStateException; other states are fine', async () => {
  const { client, store } = setup();
  const key = await createKey(client);
  await patch(store, key.KeyId, { KeyState: 'Disabled' });
  await client.send(new CreateAliasCommand({ AliasName: 'alias/disabled-ok', TargetKeyId: key.KeyId }));
  await client.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId }));
  await rejects(client.send(new CreateAliasCommand({ AliasName: 'alias/p', TargetKeyId: key.KeyId })), KMSInvalidStateException, 'client', `${key.Arn} is pending deletion.`);
});

test('the same alias name in another region is another alias', async () => {
  const { client, store } = setup();
  const west = new KMSClient({ region: 'us-west-2', keyStore: store });
  const a = await createKey(client);
  const b = await createKey(west);
  await client.send(new CreateAliasCommand({ AliasName: 'alias/same', TargetKeyId: a.KeyId }));
  await west.send(new CreateAliasCommand({ AliasName: 'alias/same', TargetKeyId: b.KeyId }));
  assert.is((await west.send(new DescribeKeyCommand({ KeyId: 'alias/same' }))).KeyMetadata!.KeyId, b.KeyId);
  assert.is((await client.send(new DescribeKeyCommand({ KeyId: 'alias/same' }))).KeyMetadata!.KeyId, a.KeyId);
});

test('UpdateAlias moves the alias to another HMAC key; MACs follow; CreationDate kept', async () => {
  const { client, clock } = setup();
  const a = await createKey(client);
  const b = await createKey(client);
  await client.send(new CreateAliasCommand({ AliasName: 'alias/rot', TargetKeyId: a.KeyId }));
  const created = clock.now;
  clock.now += 1000;
  await client.send(new UpdateAliasCommand({ AliasName: 'alias/rot', TargetKeyId: b.Arn }));
  const out = await client.send(new GenerateMacCommand({ KeyId: 'alias/rot', Message: 'm', MacAlgorithm: 'HMAC_SHA_256' }));
  assert.is(out.KeyId, b.Arn);
  const [entry] = (await client.send(new ListAliasesCommand({ KeyId: b.KeyId }))).Aliases!;
  assert.equal(entry!.CreationDate, new Date(created));
  assert.equal(entry!.LastUpdatedDate, new Date(clock.now));
  assert.equal((await client.send(new ListAliasesCommand({ KeyId: a.KeyId }))).Aliases, []);
});

test('UpdateAlias errors: unknown alias, other key type or usage, PendingDeletion target', async () => {
  const { client } = setup();
  const a = await createKey(client);
  await rejects(client.send(new UpdateAliasCommand({ AliasName: 'alias/none', TargetKeyId: a.KeyId })), NotFoundException, 'client', `Alias ${aliasArn('alias/none')} is not found.`);
  await client.send(new CreateAliasCommand({ AliasName: 'alias/u', TargetKeyId: a.KeyId }));
  const sym = await createKey(client, 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT');
  await rejects(client.send(new UpdateAliasCommand({ AliasName: 'alias/u', TargetKeyId: sym.KeyId })), ValidationException, 'client', /same key type and key usage/);
  // Another HMAC spec is the same type (HMAC) and usage: allowed.
  const h512 = await createKey(client, 'HMAC_512');
  await client.send(new UpdateAliasCommand({ AliasName: 'alias/u', TargetKeyId: h512.KeyId }));
  const c = await createKey(client);
  await client.send(new ScheduleKeyDeletionCommand({ KeyId: c.KeyId }));
  await rejects(client.send(new UpdateAliasCommand({ AliasName: 'alias/u', TargetKeyId: c.KeyId })), KMSInvalidStateException, 'client', `${c.Arn} is pending deletion.`);
  // The current target may be pending deletion.
  await client.send(new ScheduleKeyDeletionCommand({ KeyId: h512.KeyId }));
  await client.send(new UpdateAliasCommand({ AliasName: 'alias/u', TargetKeyId: a.KeyId }));
  await rejects(client.send(new UpdateAliasCommand({ AliasName: 'u', TargetKeyId: a.KeyId })), ValidationException, 'client', PREFIX);
});

test('DeleteAlias: any key state; unknown alias is NotFoundException', async () => {
  const { client } = setup();
  const key = await createKey(client);
  await client.send(new CreateAliasCommand({ AliasName: 'alias/del', TargetKeyId: key.KeyId }));
  await client.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId }));
  await client.send(new DeleteAliasCommand({ AliasName: 'alias/del' }));
  await rejects(client.send(new DeleteAliasCommand({ AliasName: 'alias/del' })), NotFoundException, 'client', `Alias ${aliasArn('alias/del')} is not found.`);
  await rejects(client.send(new GenerateMacCommand({ KeyId: 'alias/del', Message: 'm', MacAlgorithm: 'HMAC_SHA_256' })), NotFoundException, 'client', `Alias ${aliasArn('alias/del')} is not found.`);
  await rejects(client.send(new DeleteAliasCommand({ AliasName: 'del' })), ValidationException, 'client', PREFIX);
});

test('ListAliases: sorted by name, paginated, filtered by key; errors', async () => {
  const { client } = setup();
  const a = await createKey(client);
  const b = await createKey(client);
  const names: string[] = [];
  for (let i = 0; i < 12; i++) {
    const name = `alias/n${String(i).padStart(2, '0')}`;
    names.push(name);
    await client.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: i % 3 === 0 ? b.KeyId : a.KeyId }));
  }
  const seen: string[] = [];
  let Marker: string | undefined;
  do {
    const page = await client.send(new ListAliasesCommand({ Limit: 5, Marker }));
    seen.push(...page.Aliases!.map((x) => x.AliasName!));
    Marker = page.NextMarker;
    assert.is(page.Truncated, Marker !== undefined);
  } while (Marker);
  assert.equal(seen, names);
  const ofB = await client.send(new ListAliasesCommand({ KeyId: b.Arn }));
  assert.equal(ofB.Aliases!.map((x) => x.AliasName), ['alias/n00', 'alias/n03', 'alias/n06', 'alias/n09']);
  assert.ok(ofB.Aliases!.every((x) => x.TargetKeyId === b.KeyId));
  // Limit above 100 is accepted by the model and returns at most 100.
  assert.is((await client.send(new ListAliasesCommand({ Limit: 1000 }))).Aliases!.length, 12);
  await rejects(client.send(new ListAliasesCommand({ Marker: 'bm90LW91cnM=' })), InvalidMarkerException, 'client', 'Invalid marker');
  await rejects(client.send(new ListAliasesCommand({ KeyId: 'alias/n00' })), NotFoundException, 'client', "Invalid keyId 'alias/n00'");
  await rejects(client.send(new ListAliasesCommand({ Limit: 1001 })), ValidationException, 'client', "1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000");
});

test.run();
