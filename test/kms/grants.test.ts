/**
 * CreateGrant, ListGrants, RetireGrant and RevokeGrant: happy paths, errors,
 * Name idempotency, pagination, and the tokens' validity for GenerateMac /
 * VerifyMac / DescribeKey (docs/SEMANTICS.md GRANT rows, MAC-8).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  CreateGrantCommand,
  DescribeKeyCommand,
  DisabledException,
  DryRunOperationException,
  GenerateMacCommand,
  InvalidGrantIdException,
  InvalidGrantTokenException,
  KMSClient,
  KMSInvalidStateException,
  ListGrantsCommand,
  NotFoundException,
  RetireGrantCommand,
  RevokeGrantCommand,
  ScheduleKeyDeletionCommand,
  ValidationException,
} from '../../src/index.js';
import { tokenHash } from '../../src/kms/service.js';
import { ACCOUNT, createKey, patch, rejects, setup } from './helpers.js';

const GRANTEE = `arn:aws:iam::${ACCOUNT}:role/app`;
const DRY = 'The request would have succeeded, but the DryRun option is set.';

test('CreateGrant: a 64-hex GrantId and a token; only the token hash is stored; ListGrants shows it', async () => {
  const { client, store, clock } = setup();
  const key = await createKey(client);
  const g = await client.send(
    new CreateGrantCommand({ KeyId: key.KeyId, GranteePrincipal: GRANTEE, RetiringPrincipal: GRANTEE, Operations: ['GenerateMac', 'VerifyMac'], Name: 'g1' }),
  );
  assert.match(g.GrantId!, /^[0-9a-f]{64}$/);
  assert.type(g.GrantToken, 'string');
  const record = (await store.get(key.KeyId))!;
  assert.equal(record.grants[0]!.TokenHashes, [tokenHash(g.GrantToken!)]);
  assert.not.ok(JSON.stringify(record).includes(g.GrantToken!), 'the token itself is not stored');
  const { Grants, Truncated } = await client.send(new ListGrantsCommand({ KeyId: key.Arn }));
  assert.equal(Grants, [
    {
      KeyId: key.Arn,
      GrantId: g.GrantId,
      Name: 'g1',
      CreationDate: new Date(clock.now),
      GranteePrincipal: GRANTEE,
      IssuingAccount: `arn:aws:iam::${ACCOUNT}:root`,
      Operations: ['GenerateMac', 'VerifyMac'],
      RetiringPrincipal: GRANTEE,
    },
  ]);
  assert.is(Truncated, false);
  const out = await client.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: 'm', MacAlgorithm: 'HMAC_SHA_256', GrantTokens: [g.GrantToken!] }));
  assert.is(out.KeyId, key.Arn);
  await client.send(new DescribeKeyCommand({ KeyId: key.KeyId, GrantTokens: [g.GrantToken!] }));
});

test('CreateGrant with the same Name and parameters: same GrantId, new token, both valid', async () => {
  const { client } = setup();
  const key = await createKey(client);
  const input = { KeyId: key.KeyId, GranteePrincipal: GRANTEE, Operations: ['GenerateMac' as const], Name: 'idem' };
  const a = await client.send(new CreateGrantCommand(input));
  const b = await client.send(new CreateGrantCommand(input));
  assert.is(b.GrantId, a.GrantId);
  assert.is.not(b.GrantToken, a.GrantToken);
  for (const t of [a.GrantToken!, b.GrantToken!]) await client.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: 'm', MacAlgorithm: 'HMAC_SHA_256', GrantTokens: [t] }));
  const c = await client.send(new CreateGrantCommand({ ...input, Operations: ['VerifyMac'] }));
  assert.is.not(c.GrantId, a.GrantId);
  assert.is((await client.send(new ListGrantsCommand({ KeyId: key.KeyId }))).Grants!.length, 2);
});

test('CreateGrant errors: operations for HMAC keys, constraints, validation, states, DryRun last', async () => {
  const { client, store } = setup();
  const key = await createKey(client);
  const create = (extra: Record<string, unknown>) => client.send(new CreateGrantCommand({ KeyId: key.KeyId, GranteePrincipal: GRANTEE, Operations: ['GenerateMac'], ...extra } as never));
  await rejects(create({ Operations: ['Encrypt', 'GenerateMac'] }), ValidationException, 'client', 'Grant operations Encrypt are not valid for a KMS key with KeyUsage GENERATE_VERIFY_MAC.');
  await rejects(create({ Operations: ['Nope'] }), ValidationException, 'client', /^1 validation error detected: Value '\[Nope\]' at 'operations' failed to satisfy constraint: Member must satisfy constraint: \[Member must satisfy enum value set: \[/);
  await rejects(create({ Constraints: { EncryptionContextSubset: { a: 'b' } } }), ValidationException, 'client', 'Grant constraints EncryptionContextSubset are not supported for KeySpec HMAC_256.');
  await rejects(create({ GranteePrincipal: undefined }), ValidationException, 'client', "1 validation error detected: Value null at 'granteePrincipal' failed to satisfy constraint: Member must not be null");
  await rejects(create({ GranteePrincipal: 'has space' }), ValidationException, 'client', "1 validation error detected: Value 'has space' at 'granteePrincipal' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\w+=,.@:/-]+$");
  await rejects(create({ Operations: undefined }), ValidationException, 'client', "1 validation error detected: Value null at 'operations' failed to satisfy constraint: Member must not be null");
  await rejects(create({ GrantTokens: ['bogus'] }), InvalidGrantTokenException, 'client', 'Invalid grant token.');
  await rejects(create({ DryRun: true }), DryRunOperationException, 'client', DRY);
  assert.equal((await client.send(new ListGrantsCommand({ KeyId: key.KeyId }))).Grants, [], 'DryRun created nothing');
  await rejects(create({ DryRun: true, Operations: ['Sign'] }), ValidationException, 'client', /Sign are not valid/);
  await patch(store, key.KeyId, { KeyState: 'Disabled' });
  await rejects(create({}), DisabledException, 'client', `${key.Arn} is disabled.`);
  await patch(store, key.KeyId, { KeyState: 'PendingImport' });
  await rejects(create({}), KMSInvalidStateException, 'client', `${key.Arn} is pending import.`);
});

test('CreateGrant on another account key by ARN; not by alias', async () => {
  const { client, store } = setup();
  const key = await createKey(client);
  const other = new KMSClient({ accountId: '444455556666', keyStore: store });
  const g = await other.send(new CreateGrantCommand({ KeyId: key.Arn, GranteePrincipal: GRANTEE, Operations: ['GenerateMac'] }));
  assert.is((await client.send(new ListGrantsCommand({ KeyId: key.KeyId }))).Grants![0]!.GrantId, g.GrantId);
  await rejects(client.send(new CreateGrantCommand({ KeyId: 'alias/x', GranteePrincipal: GRANTEE, Operations: ['GenerateMac'] })), NotFoundException, 'client', "Invalid keyId 'alias/x'");
});

test('RevokeGrant: tokens stop working; unknown grant; DryRun; any key state', async () => {
  const { client } = setup();
  const key = await createKey(client);
  const g = await client.send(new CreateGrantCommand({ KeyId: key.KeyId, GranteePrincipal: GRANTEE, Operations: ['GenerateMac'] }));
  await rejects(client.send(new RevokeGrantCommand({ KeyId: key.KeyId, GrantId: g.GrantId, DryRun: true })), DryRunOperationException, 'client', DRY);
  await client.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId }));
  await client.send(new RevokeGrantCommand({ KeyId: key.Arn, GrantId: g.GrantId }));
  await rejects(client.send(new RevokeGrantCommand({ KeyId: key.KeyId, GrantId: g.GrantId })), InvalidGrantIdException, 'client', `Grant ID ${g.GrantId} is not valid for ${key.Arn}.`);
  await rejects(client.send(new RevokeGrantCommand({ KeyId: key.KeyId } as never)), ValidationException, 'client', "1 validation error detected: Value null at 'grantId' failed to satisfy constraint: Member must not be null");
});

test('RetireGrant by token or by key and grant ID; errors', async () => {
  const { client } = setup();
  const key = await createKey(client);
  const make = () => client.send(new CreateGrantCommand({ KeyId: key.KeyId, GranteePrincipal: GRANTEE, Operations: ['GenerateMac', 'RetireGrant'] }));
  const a = await make();
  const b = await make();
  await rejects(client.send(new RetireGrantCommand({ GrantToken: a.GrantToken, DryRun: true })), DryRunOperationException, 'client', DRY);
  await client.send(new RetireGrantCommand({ GrantToken: a.GrantToken }));
  await rejects(client.send(new RetireGrantCommand({ GrantToken: a.GrantToken })), InvalidGrantTokenException, 'client', 'Invalid grant token.');
  await rejects(client.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: 'm', MacAlgorithm: 'HMAC_SHA_256', GrantTokens: [a.GrantToken!] })), InvalidGrantTokenException, 'client', 'Invalid grant token.');
  await client.send(new RetireGrantCommand({ KeyId: key.Arn, GrantId: b.GrantId }));
  assert.equal((await client.send(new ListGrantsCommand({ KeyId: key.KeyId }))).Grants, []);
  await rejects(client.send(new RetireGrantCommand({ KeyId: key.Arn, GrantId: b.GrantId })), InvalidGrantIdException, 'client', `Grant ID ${b.GrantId} is not valid for ${key.Arn}.`);
  await rejects(client.send(new RetireGrantCommand({})), ValidationException, 'client', 'Grant token OR (grant ID, key ID) must be specified');
  await rejects(client.send(new RetireGrantCommand({ GrantId: b.GrantId })), ValidationException, 'client', 'Grant token OR (grant ID, key ID) must be specified');
});

test('ListGrants: filters, pagination, errors', async () => {
  const { client } = setup();
  const key = await createKey(client);
  const ids: string[] = [];
  for (let i = 0; i < 11; i++) {
    const g = await client.send(new CreateGrantCommand({ KeyId: key.KeyId, GranteePrincipal: i < 3 ? 'special' : GRANTEE, Operations: ['VerifyMac'] }));
    ids.push(g.GrantId!);
  }
  const seen: string[] = [];
  let Marker: string | undefined;
  do {
    const page = await client.send(new ListGrantsCommand({ KeyId: key.KeyId, Limit: 4, Marker }));
    seen.push(...page.Grants!.map((g) => g.GrantId!));
    Marker = page.NextMarker;
  } while (Marker);
  assert.equal(seen, [...ids].sort());
  assert.is((await client.send(new ListGrantsCommand({ KeyId: key.KeyId, GranteePrincipal: 'special' }))).Grants!.length, 3);
  assert.equal((await client.send(new ListGrantsCommand({ KeyId: key.KeyId, GrantId: ids[5] }))).Grants!.map((g) => g.GrantId), [ids[5]]);
  await rejects(client.send(new ListGrantsCommand({ KeyId: key.KeyId, GrantId: 'f'.repeat(64) })), InvalidGrantIdException, 'client', `Grant ID ${'f'.repeat(64)} is not valid for ${key.Arn}.`);
  await rejects(client.send(new ListGrantsCommand({} as never)), ValidationException, 'client', "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null");
});

test.run();
