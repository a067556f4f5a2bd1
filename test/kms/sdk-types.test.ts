/**
 * Type test: code typed against `@aws-sdk/client-kms` compiles against ours.
 * `tsc --noEmit` (part of `npm test`) is the real check; the runtime tests
 * only run the same code. The SDK is a devDependency for this file only and
 * is imported for types alone: nothing of it runs.
 *
 * For every command: an SDK-typed input is a valid input of ours, and our
 * output is a valid SDK-typed output. The enums are the same unions.
 */
import type * as sdk from '@aws-sdk/client-kms';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  CreateKeyCommand,
  DescribeKeyCommand,
  GenerateMacCommand,
  KMSClient,
  KMSInvalidMacException,
  KMSServiceException,
  VerifyMacCommand,
  type ExpirationModelType,
  type GrantOperation,
  type KeySpec,
  type KeyState,
  type KeyUsageType,
  type MacAlgorithmSpec,
  type OriginType,
  type CancelKeyDeletionCommandInput,
  type CancelKeyDeletionCommandOutput,
  type CreateAliasCommandInput,
  type CreateAliasCommandOutput,
  type CreateGrantCommandInput,
  type CreateGrantCommandOutput,
  type CreateKeyCommandInput,
  type CreateKeyCommandOutput,
  type DeleteAliasCommandInput,
  type DeleteAliasCommandOutput,
  type DescribeKeyCommandInput,
  type DescribeKeyCommandOutput,
  type DisableKeyCommandInput,
  type DisableKeyCommandOutput,
  type EnableKeyCommandInput,
  type EnableKeyCommandOutput,
  type GenerateMacCommandInput,
  type GenerateMacCommandOutput,
  type ListAliasesCommandInput,
  type ListAliasesCommandOutput,
  type ListGrantsCommandInput,
  type ListGrantsCommandOutput,
  type ListKeysCommandInput,
  type ListKeysCommandOutput,
  type ListResourceTagsCommandInput,
  type ListResourceTagsCommandOutput,
  type RetireGrantCommandInput,
  type RetireGrantCommandOutput,
  type RevokeGrantCommandInput,
  type RevokeGrantCommandOutput,
  type ScheduleKeyDeletionCommandInput,
  type ScheduleKeyDeletionCommandOutput,
  type TagResourceCommandInput,
  type TagResourceCommandOutput,
  type UntagResourceCommandInput,
  type UntagResourceCommandOutput,
  type UpdateAliasCommandInput,
  type UpdateAliasCommandOutput,
  type VerifyMacCommandInput,
  type VerifyMacCommandOutput,
} from '../../src/index.js';

type Assignable<A, B> = [A] extends [B] ? true : false;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** SDK input -> our input, our output -> SDK output, for each command. */
const COMMAND_SHAPES: {
  CancelKeyDeletion: [Assignable<sdk.CancelKeyDeletionCommandInput, CancelKeyDeletionCommandInput>, Assignable<CancelKeyDeletionCommandOutput, sdk.CancelKeyDeletionCommandOutput>];
  CreateAlias: [Assignable<sdk.CreateAliasCommandInput, CreateAliasCommandInput>, Assignable<CreateAliasCommandOutput, sdk.CreateAliasCommandOutput>];
  CreateGrant: [Assignable<sdk.CreateGrantCommandInput, CreateGrantCommandInput>, Assignable<CreateGrantCommandOutput, sdk.CreateGrantCommandOutput>];
  CreateKey: [Assignable<sdk.CreateKeyCommandInput, CreateKeyCommandInput>, Assignable<CreateKeyCommandOutput, sdk.CreateKeyCommandOutput>];
  DeleteAlias: [Assignable<sdk.DeleteAliasCommandInput, DeleteAliasCommandInput>, Assignable<DeleteAliasCommandOutput, sdk.DeleteAliasCommandOutput>];
  DescribeKey: [Assignable<sdk.DescribeKeyCommandInput, DescribeKeyCommandInput>, Assignable<DescribeKeyCommandOutput, sdk.DescribeKeyCommandOutput>];
  DisableKey: [Assignable<sdk.DisableKeyCommandInput, DisableKeyCommandInput>, Assignable<DisableKeyCommandOutput, sdk.DisableKeyCommandOutput>];
  EnableKey: [Assignable<sdk.EnableKeyCommandInput, EnableKeyCommandInput>, Assignable<EnableKeyCommandOutput, sdk.EnableKeyCommandOutput>];
  GenerateMac: [Assignable<sdk.GenerateMacCommandInput, GenerateMacCommandInput>, Assignable<GenerateMacCommandOutput, sdk.GenerateMacCommandOutput>];
  ListAliases: [Assignable<sdk.ListAliasesCommandInput, ListAliasesCommandInput>, Assignable<ListAliasesCommandOutput, sdk.ListAliasesCommandOutput>];
  ListGrants: [Assignable<sdk.ListGrantsCommandInput, ListGrantsCommandInput>, Assignable<ListGrantsCommandOutput, sdk.ListGrantsCommandOutput>];
  ListKeys: [Assignable<sdk.ListKeysCommandInput, ListKeysCommandInput>, Assignable<ListKeysCommandOutput, sdk.ListKeysCommandOutput>];
  ListResourceTags: [Assignable<sdk.ListResourceTagsCommandInput, ListResourceTagsCommandInput>, Assignable<ListResourceTagsCommandOutput, sdk.ListResourceTagsCommandOutput>];
  RetireGrant: [Assignable<sdk.RetireGrantCommandInput, RetireGrantCommandInput>, Assignable<RetireGrantCommandOutput, sdk.RetireGrantCommandOutput>];
  RevokeGrant: [Assignable<sdk.RevokeGrantCommandInput, RevokeGrantCommandInput>, Assignable<RevokeGrantCommandOutput, sdk.RevokeGrantCommandOutput>];
  ScheduleKeyDeletion: [Assignable<sdk.ScheduleKeyDeletionCommandInput, ScheduleKeyDeletionCommandInput>, Assignable<ScheduleKeyDeletionCommandOutput, sdk.ScheduleKeyDeletionCommandOutput>];
  TagResource: [Assignable<sdk.TagResourceCommandInput, TagResourceCommandInput>, Assignable<TagResourceCommandOutput, sdk.TagResourceCommandOutput>];
  UntagResource: [Assignable<sdk.UntagResourceCommandInput, UntagResourceCommandInput>, Assignable<UntagResourceCommandOutput, sdk.UntagResourceCommandOutput>];
  UpdateAlias: [Assignable<sdk.UpdateAliasCommandInput, UpdateAliasCommandInput>, Assignable<UpdateAliasCommandOutput, sdk.UpdateAliasCommandOutput>];
  VerifyMac: [Assignable<sdk.VerifyMacCommandInput, VerifyMacCommandInput>, Assignable<VerifyMacCommandOutput, sdk.VerifyMacCommandOutput>];
} = {
  CancelKeyDeletion: [true, true],
  CreateAlias: [true, true],
  CreateGrant: [true, true],
  CreateKey: [true, true],
  DeleteAlias: [true, true],
  DescribeKey: [true, true],
  DisableKey: [true, true],
  EnableKey: [true, true],
  GenerateMac: [true, true],
  ListAliases: [true, true],
  ListGrants: [true, true],
  ListKeys: [true, true],
  ListResourceTags: [true, true],
  RetireGrant: [true, true],
  RevokeGrant: [true, true],
  ScheduleKeyDeletion: [true, true],
  TagResource: [true, true],
  UntagResource: [true, true],
  UpdateAlias: [true, true],
  VerifyMac: [true, true],
};

const ENUMS: [
  Same<MacAlgorithmSpec, sdk.MacAlgorithmSpec>,
  Same<KeySpec, sdk.KeySpec>,
  Same<KeyState, sdk.KeyState>,
  Same<KeyUsageType, sdk.KeyUsageType>,
  Same<OriginType, sdk.OriginType>,
  Same<ExpirationModelType, sdk.ExpirationModelType>,
  Same<GrantOperation, sdk.GrantOperation>,
] = [true, true, true, true, true, true, true];

/** Written as an application would against the SDK: its input and output types, our client. */
async function macWithSdkTypes(client: KMSClient, input: sdk.GenerateMacCommandInput): Promise<sdk.GenerateMacCommandOutput> {
  const out: sdk.GenerateMacCommandOutput = await client.send(new GenerateMacCommand(input));
  return out;
}

async function verifyWithSdkTypes(client: KMSClient, input: sdk.VerifyMacCommandInput): Promise<sdk.VerifyMacCommandOutput> {
  return client.send(new VerifyMacCommand(input));
}

test('the shape checks are all true (tsc checks them; this keeps them used)', () => {
  assert.ok(Object.values(COMMAND_SHAPES).every(([a, b]) => a && b));
  assert.ok(ENUMS.every(Boolean));
});

test('SDK-typed GenerateMac / VerifyMac code runs against the facade', async () => {
  const client = new KMSClient();
  const create: sdk.CreateKeyCommandInput = { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' };
  const created: sdk.CreateKeyCommandOutput = await client.send(new CreateKeyCommand(create));
  const KeyId = created.KeyMetadata!.KeyId!;
  const alg: sdk.MacAlgorithmSpec = 'HMAC_SHA_256';
  const gen: sdk.GenerateMacCommandInput = { KeyId, Message: new TextEncoder().encode('Hello World'), MacAlgorithm: alg };
  const out = await macWithSdkTypes(client, gen);
  assert.is(out.Mac!.length, 32);
  assert.is(out.$metadata.httpStatusCode, 200);
  const ok = await verifyWithSdkTypes(client, { ...gen, Mac: out.Mac });
  assert.is(ok.MacValid, true);
  const described: sdk.DescribeKeyCommandOutput = await client.send(new DescribeKeyCommand({ KeyId }));
  const state: sdk.KeyState | undefined = described.KeyMetadata!.KeyState;
  assert.is(state, 'Enabled');
  try {
    await verifyWithSdkTypes(client, { ...gen, Mac: new Uint8Array(32) });
    assert.unreachable('verified a wrong MAC');
  } catch (e) {
    assert.ok(e instanceof KMSInvalidMacException && e instanceof KMSServiceException);
    assert.is((e as KMSServiceException).$metadata.httpStatusCode, 400);
  }
});

test.run();
