/**
 * GenerateMacBatch, the wasmac extension: every MAC equals GenerateMac's for
 * the same message, and a batch is refused exactly where GenerateMac would
 * refuse one of its messages.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DisableKeyCommand,
  DisabledException,
  DryRunOperationException,
  GENERATE_MAC_BATCH_MAX,
  GenerateMacBatchCommand,
  GenerateMacCommand,
  InvalidKeyUsageException,
  KMS,
  ValidationException,
  NotFoundException,
  SerializationException,
  toHex,
} from '../../src/index.js';
import { createKey, rejects, setup } from './helpers.js';

const SPECS = [['HMAC_224', 'HMAC_SHA_224'], ['HMAC_256', 'HMAC_SHA_256'], ['HMAC_384', 'HMAC_SHA_384'], ['HMAC_512', 'HMAC_SHA_512']] as const;

test('each Mac equals GenerateMac of the same message, for every spec and mixed lengths', async () => {
  const { client } = setup();
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) >>> 0);
  for (const [spec, alg] of SPECS) {
    const key = await createKey(client, spec);
    const messages: (Uint8Array | string)[] = Array.from({ length: 37 }, (_, i) =>
      i % 5 === 0 ? `message ${i} é` : Uint8Array.from({ length: 1 + (next() % 4096) }, () => next() & 255));
    messages.push(new Uint8Array(4096).fill(9), new Uint8Array([1]));
    const out = await client.send(new GenerateMacBatchCommand({ KeyId: key.KeyId, Messages: messages, MacAlgorithm: alg }));
    assert.is(out.KeyId, key.Arn);
    assert.is(out.MacAlgorithm, alg);
    assert.is(out.$metadata.httpStatusCode, 200);
    assert.is(out.Macs!.length, messages.length);
    for (let i = 0; i < messages.length; i++) {
      const one = await client.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: messages[i], MacAlgorithm: alg }));
      assert.is(toHex(out.Macs![i]!), toHex(one.Mac!), `${spec} message ${i}`);
    }
  }
});

test('the aggregated client has generateMacBatch', async () => {
  const kms = new KMS({});
  const { KeyMetadata } = await kms.createKey({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
  const { Macs } = await kms.generateMacBatch({ KeyId: KeyMetadata!.KeyId, Messages: ['a', 'b'], MacAlgorithm: 'HMAC_SHA_256' });
  const { Mac } = await kms.generateMac({ KeyId: KeyMetadata!.KeyId, Message: 'b', MacAlgorithm: 'HMAC_SHA_256' });
  assert.is(toHex(Macs![1]!), toHex(Mac!));
});

test('validation: the list and each message, addressed as messages.<n>.member', async () => {
  const { client } = setup();
  const key = await createKey(client);
  const send = (Messages: unknown) => client.send(new GenerateMacBatchCommand({ KeyId: key.KeyId, Messages, MacAlgorithm: 'HMAC_SHA_256' } as never));
  const v = (text: string) => `1 validation error detected: ${text}`;
  const cls = ValidationException;
  await rejects(send(undefined), cls, 'client', v("Value null at 'messages' failed to satisfy constraint: Member must not be null"));
  await rejects(send([]), cls, 'client', v("Value at 'messages' failed to satisfy constraint: Member must have length greater than or equal to 1"));
  await rejects(send(Array.from({ length: GENERATE_MAC_BATCH_MAX + 1 }, () => 'x')), cls, 'client',
    v(`Value at 'messages' failed to satisfy constraint: Member must have length less than or equal to ${GENERATE_MAC_BATCH_MAX}`));
  await rejects(send(['a', 'b', new Uint8Array(0)]), cls, 'client',
    v("Value at 'messages.3.member' failed to satisfy constraint: Member must have length greater than or equal to 1"));
  await rejects(send([new Uint8Array(4097), 'ok', null]), cls, 'client',
    "2 validation errors detected: Value at 'messages.1.member' failed to satisfy constraint: Member must have length less than or equal to 4096; Value null at 'messages.3.member' failed to satisfy constraint: Member must not be null");
  await rejects(send('abc'), SerializationException, 'client', 'Expected list or null');
  await rejects(send({ 0: 'a' }), SerializationException, 'client', 'Start of structure or map found where not expected.');
  await rejects(send([42]), SerializationException, 'client', /can not be converted to a Blob/);
});

test('key rules as GenerateMac: not found, disabled, wrong algorithm, DryRun last', async () => {
  const { client } = setup();
  const key = await createKey(client, 'HMAC_384');
  const batch = (extra: Record<string, unknown>) => client.send(new GenerateMacBatchCommand({ KeyId: key.KeyId, Messages: ['m'], MacAlgorithm: 'HMAC_SHA_384', ...extra } as never));
  await rejects(batch({ KeyId: 'alias/nope' }), NotFoundException, 'client', 'Alias arn:aws:kms:us-east-1:111122223333:alias/nope is not found.');
  await rejects(batch({ MacAlgorithm: 'HMAC_SHA_256' }), InvalidKeyUsageException, 'client', 'Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_384.');
  await rejects(batch({ DryRun: true }), DryRunOperationException, 'client', 'The request would have succeeded, but the DryRun option is set.');
  await client.send(new DisableKeyCommand({ KeyId: key.KeyId }));
  await rejects(batch({ DryRun: true }), DisabledException, 'client', `${key.Arn} is disabled.`);
});

test.run();
