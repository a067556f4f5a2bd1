/**
 * The endpoint's stages without a runtime (`src/kms/wire/`): `handleRequest`
 * on a request whose body is read, with no authenticator (an in-process
 * endpoint) and with one; the codec by the operation's model.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHmac } from 'node:crypto';
import { decodeRequest, handleRequest, WireError, type Authenticator, type WireRequestWithBody } from '../../src/kms/wire/index.js';
import { GenerateMac, ImportKeyMaterial } from '../../src/kms/model/index.js';
import { createKey, materialOf, setup } from './helpers.js';

const json = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
const b64 = (s: string) => Buffer.from(s).toString('base64');

function request(op: string, body: Uint8Array | string, extra: Partial<WireRequestWithBody> = {}): WireRequestWithBody {
  return {
    method: 'POST',
    url: '/',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `TrentService.${op}` },
    body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
    ...extra,
  };
}

test('every stage in process: GenerateMac answers 200 with the MAC; errors as on the wire', async () => {
  const { client, store } = setup();
  const key = await createKey(client);
  const endpoint = { clientFor: () => client };
  const ok = await handleRequest(request('GenerateMac', json({ KeyId: key.KeyId, Message: b64('Hello World'), MacAlgorithm: 'HMAC_SHA_256' })), endpoint);
  assert.is(ok.status, 200);
  assert.is(ok.operation, 'GenerateMac');
  assert.is(ok.headers['Content-Type'], 'application/x-amz-json-1.1');
  const expected = createHmac('sha256', await materialOf(store, key.KeyId)).update('Hello World').digest('base64');
  assert.is(JSON.parse(ok.body).Mac, expected);

  const unknown = await handleRequest(request('Nope', '{}'), endpoint);
  assert.equal([unknown.status, unknown.body], [400, '{"__type":"UnknownOperationException"}']);
  const batch = await handleRequest(request('GenerateMacBatch', '{}'), endpoint);
  assert.is(batch.body, '{"__type":"UnknownOperationException"}', 'the extension is not on the wire');
  const get = await handleRequest(request('ListKeys', '{}', { method: 'GET' }), endpoint);
  assert.is(get.status, 405);
  const bad = await handleRequest(request('DescribeKey', '{"KeyId":'), endpoint);
  assert.equal([bad.status, JSON.parse(bad.body).__type, bad.headers['x-amzn-ErrorType']], [400, 'SerializationException', 'SerializationException']);
  const missing = await handleRequest(request('DescribeKey', '{"KeyId":"alias/none"}'), endpoint);
  assert.is(missing.body, '{"__type":"NotFoundException","message":"Alias arn:aws:kms:us-east-1:111122223333:alias/none is not found."}');
  const big = await handleRequest(request('ListKeys', new Uint8Array(300 * 1024)), endpoint);
  assert.is(big.status, 413);
});

test('an authenticator refuses before anything else is decoded', async () => {
  const { client } = setup();
  const authenticator: Authenticator = {
    precheck(headers) {
      if (headers['authorization'] === undefined) throw new WireError('MissingAuthenticationTokenException', 403, 'Missing Authentication Token');
      return headers['authorization'];
    },
    verify: () => ({ accessKeyId: 'a', secretAccessKey: 's' }),
  };
  const res = await handleRequest(request('Nope', '{'), { clientFor: () => client, authenticator });
  assert.equal([res.status, JSON.parse(res.body).__type], [403, 'MissingAuthenticationTokenException']);
});

test('the codec decodes by the operation: only its own blobs and timestamps', () => {
  const body = json({ Message: 'AAEC', Plaintext: 5, KeyId: 'k' });
  const generate = decodeRequest(body, GenerateMac) as Record<string, unknown>;
  assert.equal(generate.Message, new Uint8Array([0, 1, 2]));
  assert.is(generate.Plaintext, 5, 'a member the operation does not have passes through untouched');
  const imported = decodeRequest(json({ ValidTo: 1, ImportToken: 'AA==' }), ImportKeyMaterial) as Record<string, unknown>;
  assert.equal(imported.ValidTo, new Date(1000));
  assert.equal(imported.ImportToken, new Uint8Array([0]));
  assert.throws(() => decodeRequest(json({ Message: 'AB==' }), GenerateMac), (e: Error) => e instanceof WireError && /'Message' is not valid base64/.test(e.message));
});

test.run();
