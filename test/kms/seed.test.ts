/**
 * Seeds go through the facade (`src/kms/seed.ts`): a seeded key is what
 * CreateKey makes, in the partition of its region, with its fixed ID and
 * material; the facade's rules (ID forms, material lengths, alias names,
 * tags) refuse what they refuse for any caller, as a ConfigError naming the
 * seed entry.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHmac } from 'node:crypto';
import {
  CancelKeyDeletionCommand,
  CreateAliasCommand,
  CreateGrantCommand,
  DeleteAliasCommand,
  DeleteImportedKeyMaterialCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  GenerateMacCommand,
  GetParametersForImportCommand,
  KMSClient,
  ListAliasesCommand,
  ListGrantsCommand,
  ListResourceTagsCommand,
  MemoryKeyStore,
  RevokeGrantCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
  UnsupportedOperationException,
  UntagResourceCommand,
  UpdateAliasCommand,
  VerifyMacCommand,
} from '../../src/index.js';
import { ConfigError } from '../../src/kms/config-error.js';
import { applySeed, validateSeed } from '../../src/kms/seed.js';

const KEY = '0b0f1f5e-7a39-4c52-9f8e-3d0c2a1b4e6f';
const OTHER = '1c1f2f6e-8b4a-4d63-8f9e-4e1d3b2c5f70';
const MATERIAL = Uint8Array.from({ length: 32 }, (_, i) => i);
const HEX = Buffer.from(MATERIAL).toString('hex');
const ACCOUNT = '111122223333';

for (const [region, partition] of [
  ['us-east-1', 'aws'],
  ['cn-north-1', 'aws-cn'],
  ['us-gov-west-1', 'aws-us-gov'],
] as const) {
  test(`a key seeded in ${region} has an arn:${partition}: ARN that works in every operation`, async () => {
    const store = new MemoryKeyStore();
    const seeded = await applySeed(store, { keys: [{ KeyId: KEY, KeySpec: 'HMAC_256', MaterialHex: HEX, Aliases: ['alias/seeded'] }] }, { region, accountId: ACCOUNT });
    assert.equal(seeded.created, [KEY]);
    const client = new KMSClient({ region, accountId: ACCOUNT, keyStore: store });
    const arn = `arn:${partition}:kms:${region}:${ACCOUNT}:key/${KEY}`;
    const aliasArn = `arn:${partition}:kms:${region}:${ACCOUNT}:alias/seeded`;
    const { KeyMetadata } = await client.send(new DescribeKeyCommand({ KeyId: arn }));
    assert.is(KeyMetadata!.Arn, arn);
    assert.is(KeyMetadata!.Origin, 'AWS_KMS');

    const expected = createHmac('sha256', MATERIAL).update('Hello World').digest();
    for (const KeyId of [KEY, arn, 'alias/seeded', aliasArn]) {
      const { Mac, KeyId: used } = await client.send(new GenerateMacCommand({ KeyId, Message: 'Hello World', MacAlgorithm: 'HMAC_SHA_256' }));
      assert.equal(Buffer.from(Mac!), expected, KeyId);
      assert.is(used, arn);
      await client.send(new VerifyMacCommand({ KeyId, Message: 'Hello World', MacAlgorithm: 'HMAC_SHA_256', Mac }));
    }
    await client.send(new CreateAliasCommand({ AliasName: 'alias/second', TargetKeyId: arn }));
    await client.send(new UpdateAliasCommand({ AliasName: 'alias/second', TargetKeyId: arn }));
    assert.equal((await client.send(new ListAliasesCommand({ KeyId: arn }))).Aliases!.map((a) => a.AliasArn), [aliasArn.replace('seeded', 'second'), aliasArn]);
    await client.send(new DeleteAliasCommand({ AliasName: 'alias/second' }));
    await client.send(new TagResourceCommand({ KeyId: arn, Tags: [{ TagKey: 'k', TagValue: 'v' }] }));
    assert.equal((await client.send(new ListResourceTagsCommand({ KeyId: arn }))).Tags, [{ TagKey: 'k', TagValue: 'v' }]);
    await client.send(new UntagResourceCommand({ KeyId: arn, TagKeys: ['k'] }));
    const { GrantId } = await client.send(new CreateGrantCommand({ KeyId: arn, GranteePrincipal: `arn:${partition}:iam::${ACCOUNT}:role/r`, Operations: ['GenerateMac'] }));
    assert.is((await client.send(new ListGrantsCommand({ KeyId: arn }))).Grants![0]!.KeyId, arn);
    await client.send(new RevokeGrantCommand({ KeyId: arn, GrantId }));
    await client.send(new DisableKeyCommand({ KeyId: arn }));
    await client.send(new EnableKeyCommand({ KeyId: arn }));
    await client.send(new ScheduleKeyDeletionCommand({ KeyId: arn, PendingWindowInDays: 7 }));
    await client.send(new CancelKeyDeletionCommand({ KeyId: arn }));
    await client.send(new EnableKeyCommand({ KeyId: arn }));
    // The import operations find the key and refuse it for its origin, as for any AWS_KMS key.
    for (const command of [
      new GetParametersForImportCommand({ KeyId: arn, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }),
      new DeleteImportedKeyMaterialCommand({ KeyId: arn }),
    ]) {
      try {
        await client.send(command as never);
        assert.unreachable('AWS_KMS keys take no import');
      } catch (err) {
        assert.instance(err, UnsupportedOperationException);
        assert.match((err as Error).message, new RegExp(`^${arn} origin is AWS_KMS`));
      }
    }
  });
}

test('a seed is what CreateKey, CreateAlias and DisableKey make: multi-Region IDs, disabled keys, 256-character aliases, tags', async () => {
  const store = new MemoryKeyStore();
  const mrk = `mrk-${'ab'.repeat(16)}`;
  const long = `alias/${'a'.repeat(250)}`;
  await applySeed(
    store,
    {
      keys: [
        { KeyId: mrk, KeySpec: 'HMAC_512', Enabled: false, Tags: [{ TagKey: 'env', TagValue: 'ci' }] },
        { KeySpec: 'HMAC_224', MaterialBase64: Buffer.alloc(64, 7).toString('base64'), Aliases: [long] },
      ],
      aliases: [{ AliasName: 'alias/m', TargetKeyId: mrk }],
    },
    { region: 'eu-west-1', accountId: ACCOUNT },
  );
  const client = new KMSClient({ region: 'eu-west-1', accountId: ACCOUNT, keyStore: store });
  const m = (await client.send(new DescribeKeyCommand({ KeyId: 'alias/m' }))).KeyMetadata!;
  assert.equal([m.KeyId, m.MultiRegion, m.KeyState, m.MultiRegionConfiguration?.MultiRegionKeyType], [mrk, true, 'Disabled', 'PRIMARY']);
  assert.equal((await client.send(new ListResourceTagsCommand({ KeyId: mrk }))).Tags, [{ TagKey: 'env', TagValue: 'ci' }]);
  const l = (await client.send(new DescribeKeyCommand({ KeyId: long }))).KeyMetadata!;
  assert.is(l.KeySpec, 'HMAC_224');
  const { Mac } = await client.send(new GenerateMacCommand({ KeyId: long, Message: 'x', MacAlgorithm: 'HMAC_SHA_224' }));
  assert.equal(Buffer.from(Mac!), createHmac('sha224', Buffer.alloc(64, 7)).update('x').digest());
});

test('odd seeds are refused by the facade rules, the entry named', () => {
  const cases: [unknown, RegExp][] = [
    [{ keys: [{ KeySpec: 'HMAC_256', KeyId: KEY.toUpperCase() }] }, /^seed keys\[0\]: KeyId must be a lower-case UUID/],
    [{ keys: [{ KeySpec: 'HMAC_256', KeyId: `mrk-${'0'.repeat(31)}` }] }, /^seed keys\[0\]: KeyId must be/],
    [{ keys: [{ KeySpec: 'HMAC_256', MaterialHex: '00'.repeat(31) }] }, /^seed keys\[0\]: Key material for key spec HMAC_256 must be 32 to 64 bytes long\./],
    [{ keys: [{ KeySpec: 'HMAC_512', MaterialHex: '00'.repeat(129) }] }, /must be 64 to 128 bytes long/],
    [{ keys: [{ KeySpec: 'HMAC_256', MaterialHex: '' }] }, /must be 32 to 64 bytes long/],
    [{ keys: [{ KeySpec: 'HMAC_256', MaterialBase64: 'AB==' }] }, /MaterialBase64 must be standard base64/],
    [{ keys: [{ KeySpec: 'HMAC_256', Aliases: ['alias/aws/x'] }] }, /"alias\/aws\/x" is not a valid alias name \(Alias alias\/aws\/x is reserved/],
    [{ keys: [{ KeySpec: 'HMAC_256', Aliases: [`alias/${'a'.repeat(251)}`] }] }, /is not a valid alias name \(1 validation error detected: .* less than or equal to 256\)/],
    [{ keys: [{ KeySpec: 'HMAC_256', Aliases: ['alias/a b'] }] }, /not a valid alias name/],
    [{ keys: [{ KeySpec: 'HMAC_256', Tags: [{ TagKey: 'aws:x', TagValue: 'v' }] }] }, /^seed keys\[0\]: Tags beginning with aws: are reserved$/],
    [{ keys: [{ KeySpec: 'HMAC_256', Description: 'd'.repeat(8193) }] }, /^seed keys\[0\]: 1 validation error detected: .*'description'/],
    [{ aliases: [{ AliasName: 'nope', TargetKeyId: KEY }] }, /^seed aliases\[0\]: "nope" is not a valid alias name \(Alias must start with the prefix "alias\/"/],
    [{ keys: [{ KeySpec: 'HMAC_256', Aliases: ['alias/x', 'alias/x'] }] }, /^seed keys\[0\]: alias alias\/x is listed twice$/],
    [{ keys: [{ KeySpec: 'HMAC_256', KeyId: null }] }, /^seed keys\[0\]: KeyId must be a string$/],
    [{ keys: [{ KeySpec: 'HMAC_256', Tags: [{ TagKey: '', TagValue: '' }] }] }, /^seed keys\[0\]: 1 validation error detected: Value '' at 'tags\.1\.member\.tagKey'/],
  ];
  for (const [seed, pattern] of cases) {
    assert.throws(() => validateSeed(seed), (err: Error) => err instanceof ConfigError && pattern.test(err.message), JSON.stringify(seed).slice(0, 80));
  }
});

test('applied once: present keys and aliases are skipped; an alias to no key is refused', async () => {
  const store = new MemoryKeyStore();
  const seed = { keys: [{ KeyId: KEY, KeySpec: 'HMAC_256' as const, Aliases: ['alias/a'] }, { KeySpec: 'HMAC_256' as const, Aliases: ['alias/b'] }] };
  const context = { region: 'us-east-1', accountId: ACCOUNT };
  assert.is((await applySeed(store, seed, context)).created.length, 2);
  const again = await applySeed(store, seed, context);
  assert.equal([again.created, again.skipped], [[], [KEY, 'alias/b']]);
  // The same key ID in another region of the same store: skipped, not overwritten.
  const elsewhere = await applySeed(store, { keys: [{ KeyId: KEY, KeySpec: 'HMAC_256' }] }, { region: 'eu-west-1', accountId: ACCOUNT });
  assert.equal(elsewhere.skipped, [KEY]);
  try {
    await applySeed(store, { aliases: [{ AliasName: 'alias/c', TargetKeyId: OTHER }] }, context);
    assert.unreachable('no such key');
  } catch (err) {
    assert.instance(err, ConfigError);
    assert.match((err as Error).message, /^seed aliases\[0\]: TargetKeyId 1c1f2f6e-8b4a-4d63-8f9e-4e1d3b2c5f70 is not a key of the store or the seed/);
  }
});

test.run();
