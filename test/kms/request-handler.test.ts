/**
 * `KmsRequestHandler` behind the real `@aws-sdk/client-kms` in Node (the
 * other runtimes run test/runtimes/sdk-smoke.ts): it shares a facade client's
 * keys, the SDK sees its own exception classes with AWS's messages, many
 * concurrent requests get the right MACs, an aborted request rejects, and the
 * handler answers malformed requests as the endpoint does.
 */
import { createHmac } from 'node:crypto';
import * as sdk from '@aws-sdk/client-kms';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CreateKeyCommand, KMSClient, KmsRequestHandler, MemoryKeyStore, applySeed, validateSeed } from '../../src/index.js';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const MATERIAL = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');

function sdkClient(handler: KmsRequestHandler): sdk.KMSClient {
  return new sdk.KMSClient({ region: 'us-east-1', credentials, requestHandler: handler, maxAttempts: 1 });
}

async function seeded(): Promise<sdk.KMSClient> {
  const keyStore = new MemoryKeyStore();
  await applySeed(keyStore, validateSeed({ keys: [{ KeyId: '0b0f1f5e-7a39-4c52-9f8e-3d0c2a1b4e6f', KeySpec: 'HMAC_256', MaterialHex: MATERIAL.toString('hex'), Aliases: ['alias/k'] }] }), { region: 'us-east-1', accountId: '111122223333' });
  return sdkClient(new KmsRequestHandler({ keyStore }));
}

test('the SDK and a facade client share keys through `client`', async () => {
  const facade = new KMSClient();
  const { KeyMetadata } = await facade.send(new CreateKeyCommand({ KeySpec: 'HMAC_512', KeyUsage: 'GENERATE_VERIFY_MAC' }));
  const kms = sdkClient(new KmsRequestHandler({ client: facade }));
  const { KeyMetadata: seen } = await kms.send(new sdk.DescribeKeyCommand({ KeyId: KeyMetadata!.KeyId }));
  assert.is(seen?.Arn, KeyMetadata!.Arn);
  assert.is(seen?.KeySpec, 'HMAC_512');
  assert.instance(seen?.CreationDate, Date);
});

test('errors are the SDK\'s own classes, with AWS\'s messages and status', async () => {
  const kms = await seeded();
  const long = await kms.send(new sdk.GenerateMacCommand({ KeyId: 'alias/k', Message: new Uint8Array(4097), MacAlgorithm: 'HMAC_SHA_256' })).catch((e: unknown) => e);
  assert.instance(long, sdk.KMSServiceException);
  assert.is((long as Error).name, 'ValidationException');
  assert.match((long as Error).message, /^1 validation error detected: Value at 'message' failed to satisfy constraint: Member must have length less than or equal to 4096/);
  assert.is((long as sdk.KMSServiceException).$metadata.httpStatusCode, 400);
  await kms.send(new sdk.DisableKeyCommand({ KeyId: '0b0f1f5e-7a39-4c52-9f8e-3d0c2a1b4e6f' }));
  const disabled = await kms.send(new sdk.GenerateMacCommand({ KeyId: 'alias/k', Message: new Uint8Array(1), MacAlgorithm: 'HMAC_SHA_256' })).catch((e: unknown) => e);
  assert.instance(disabled, sdk.DisabledException);
  assert.match((disabled as Error).message, /^arn:aws:kms:us-east-1:111122223333:key\/0b0f1f5e-7a39-4c52-9f8e-3d0c2a1b4e6f is disabled\.$/);
  const verify = await kms.send(new sdk.VerifyMacCommand({ KeyId: 'alias/k', Message: new Uint8Array(1), Mac: new Uint8Array(32), MacAlgorithm: 'HMAC_SHA_256' })).catch((e: unknown) => e);
  assert.instance(verify, sdk.DisabledException);
});

test('200 concurrent GenerateMac and VerifyMac through one handler: every MAC is node:crypto\'s', async () => {
  const kms = await seeded();
  const messages = Array.from({ length: 200 }, (_, i) => Buffer.from(`message ${i} `.repeat(i % 17 + 1)));
  const macs = await Promise.all(messages.map((Message) => kms.send(new sdk.GenerateMacCommand({ KeyId: 'alias/k', Message, MacAlgorithm: 'HMAC_SHA_256' }))));
  macs.forEach((m, i) => assert.equal(Buffer.from(m.Mac!).toString('hex'), createHmac('sha256', MATERIAL).update(messages[i]!).digest('hex'), `message ${i}`));
  const verdicts = await Promise.all(messages.map((Message, i) => kms.send(new sdk.VerifyMacCommand({ KeyId: 'alias/k', Message, Mac: macs[i]!.Mac, MacAlgorithm: 'HMAC_SHA_256' }))));
  assert.ok(verdicts.every((v) => v.MacValid === true));
  const ids = new Set(macs.map((m) => m.$metadata.requestId));
  assert.is(ids.size, 200, 'a request ID per response');
});

test('an aborted request rejects with AbortError', async () => {
  const kms = await seeded();
  const controller = new AbortController();
  controller.abort();
  const err = await kms.send(new sdk.ListKeysCommand({}), { abortSignal: controller.signal }).catch((e: unknown) => e);
  assert.instance(err, Error);
  assert.is((err as Error).name, 'AbortError');
});

test('malformed requests are answered as the endpoint answers them', async () => {
  const handler = new KmsRequestHandler();
  const json = { 'content-type': 'application/x-amz-json-1.1' };
  const answer = async (request: Parameters<KmsRequestHandler['handle']>[0]) => {
    const { response } = await handler.handle(request);
    return { status: response.statusCode, type: response.headers['x-amzn-errortype'], body: new TextDecoder().decode(response.body) };
  };
  const unknown = await answer({ method: 'POST', path: '/', headers: { ...json, 'X-Amz-Target': 'TrentService.Encrypt2' }, body: '{}' });
  assert.equal(unknown, { status: 400, type: 'UnknownOperationException', body: '{"__type":"UnknownOperationException"}' });
  const get = await answer({ method: 'GET', path: '/', headers: { ...json, 'x-amz-target': 'TrentService.ListKeys' } });
  assert.is(get.status, 405);
  const notJson = await answer({ method: 'POST', path: '/', headers: { ...json, 'x-amz-target': 'TrentService.ListKeys' }, body: new TextEncoder().encode('{') });
  assert.is(notJson.type, 'SerializationException');
  const ok = await answer({ method: 'POST', path: '/', query: {}, headers: { ...json, 'x-amz-target': 'TrentService.ListKeys' }, body: '{}' });
  assert.equal(ok, { status: 200, type: undefined, body: '{"Keys":[],"Truncated":false}' });
  const stream = await handler.handle({ method: 'POST', path: '/', headers: json, body: { not: 'bytes' } }).catch((e: unknown) => e);
  assert.instance(stream, TypeError);
  assert.match((stream as Error).message, /string or bytes/);
});

test.run();
