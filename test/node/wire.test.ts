/**
 * The endpoint on the wire, with raw HTTP: AWS JSON 1.1 framing, the error
 * bodies byte for byte, SerializationException and UnknownOperationException,
 * x-amzn-RequestId everywhere, the body limit enforced before the body is
 * read, and a graceful close that answers requests in flight.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { connect } from 'node:net';
import { MemoryKeyStore, type StoredKey } from '../../src/kms/key-store.js';
import { startServer, type KmsServer } from '../../src/node/index.js';
import { decodeRequest, encodeResponse } from '../../src/kms/wire/index.js';
import { WireError } from '../../src/node/errors.js';
import { b64, rawRequest, signedRequest, type RawResponse } from './helpers.js';

const KEY = '0b0f1f5e-7a39-4c52-9f8e-3d0c2a1b4e6f';
const store = new MemoryKeyStore();
let server: KmsServer;

test.before(async () => {
  server = await startServer({
    port: 0,
    keyStore: store,
    maxBodyBytes: 64 * 1024,
    seed: { keys: [{ KeyId: KEY, KeySpec: 'HMAC_256', MaterialHex: '00'.repeat(32), Aliases: ['alias/w'] }] },
  });
});

test.after(async () => {
  await server.close();
});

async function call(op: string, body: string, extra: Parameters<typeof signedRequest>[0] extends infer O ? Partial<O> : never = {}): Promise<RawResponse> {
  return rawRequest(server.url, await signedRequest({ url: server.url, op, body, ...extra }));
}

function isRequestId(res: RawResponse): void {
  assert.match(String(res.headers['x-amzn-requestid']), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
}

test('success: 200, JSON 1.1 body, base64 blobs, epoch-second timestamps, x-amzn-RequestId', async () => {
  const res = await call('GenerateMac', JSON.stringify({ KeyId: 'alias/w', Message: b64('Hello World'), MacAlgorithm: 'HMAC_SHA_256' }));
  assert.is(res.status, 200);
  assert.is(res.headers['content-type'], 'application/x-amz-json-1.1');
  isRequestId(res);
  assert.is(Buffer.from(res.json.Mac, 'base64').length, 32);
  const created = await call('CreateKey', '{"KeySpec":"HMAC_512","KeyUsage":"GENERATE_VERIFY_MAC"}');
  assert.type(created.json.KeyMetadata.CreationDate, 'number');
  assert.ok(Math.abs(created.json.KeyMetadata.CreationDate - Date.now() / 1000) < 60);
});

test('operations with no output answer {} (a JSON body on every response)', async () => {
  const res = await call('EnableKey', JSON.stringify({ KeyId: KEY }));
  assert.is(res.status, 200);
  assert.is(res.body, '{}');
});

test('application/x-amz-json-1.0 is accepted and echoed; other content types are refused', async () => {
  const res = await call('DescribeKey', JSON.stringify({ KeyId: KEY }), { contentType: 'application/x-amz-json-1.0' });
  assert.is(res.status, 200);
  assert.is(res.headers['content-type'], 'application/x-amz-json-1.0');
  const bad = await call('DescribeKey', JSON.stringify({ KeyId: KEY }), { contentType: 'text/plain' });
  assert.is(bad.status, 400);
  assert.is(bad.json.__type, 'SerializationException');
});

test('KMSInvalidMacException goes on the wire with no message', async () => {
  const res = await call('VerifyMac', JSON.stringify({ KeyId: KEY, Message: b64('x'), Mac: b64('not the mac'), MacAlgorithm: 'HMAC_SHA_256' }));
  assert.is(res.status, 400);
  assert.is(res.body, '{"__type":"KMSInvalidMacException"}');
  assert.is(res.headers['x-amzn-errortype'], 'KMSInvalidMacException');
  isRequestId(res);
});

test('errors: unqualified __type, lower-case message', async () => {
  const res = await call('DescribeKey', '{"KeyId":"key_id"}');
  assert.is(res.status, 400);
  assert.is(res.body, `{"__type":"NotFoundException","message":"Invalid keyId 'key_id'"}`);
});

test('unknown or malformed targets: UnknownOperationException with no message', async () => {
  for (const target of ['TrentService.Nope', 'TrentService.__proto__', 'TrentService.constructor', 'Other.GenerateMac', 'GenerateMac']) {
    const res = await call('', '{}', { target });
    assert.is(res.status, 400, target);
    assert.is(res.body, '{"__type":"UnknownOperationException"}', target);
    isRequestId(res);
  }
});

test('SerializationException: not JSON, wrong JSON types, bad base64', async () => {
  const cases: [string, string, RegExp | undefined][] = [
    ['DescribeKey', '{"KeyId":', /not valid JSON/],
    ['DescribeKey', '{"KeyId":5}', /NUMBER_VALUE can not be converted to a String/],
    ['DescribeKey', '[1,2]', /Start of list/],
    ['GenerateMac', '{"KeyId":"alias/w","Message":5,"MacAlgorithm":"HMAC_SHA_256"}', /NUMBER_VALUE can not be converted to a Blob/],
    ['GenerateMac', '{"KeyId":"alias/w","Message":{},"MacAlgorithm":"HMAC_SHA_256"}', /Start of structure/],
    ['GenerateMac', '{"KeyId":"alias/w","Message":"not base64!","MacAlgorithm":"HMAC_SHA_256"}', /'Message' is not valid base64/],
    ['GenerateMac', '{"KeyId":"alias/w","Message":"SGVsbG8","MacAlgorithm":"HMAC_SHA_256"}', /'Message' is not valid base64/],
    ['CreateKey', '{"KeySpec":"HMAC_256","KeyUsage":"GENERATE_VERIFY_MAC","MultiRegion":"yes"}', undefined],
  ];
  for (const [op, body, message] of cases) {
    const res = await call(op, body);
    assert.is(res.status, 400, body);
    assert.is(res.json?.__type, 'SerializationException', body);
    if (message) assert.match(res.json.message, message, body);
    isRequestId(res);
  }
});

test('an empty body is an empty request', async () => {
  const res = await call('ListKeys', '');
  assert.is(res.status, 200);
  assert.ok(Array.isArray(res.json.Keys));
});

test('other paths and methods get a JSON error too', async () => {
  const get = await rawRequest(server.url, { method: 'GET', path: '/', headers: {}, body: '' });
  assert.is(get.status, 405);
  assert.is(get.json.__type, 'UnknownOperationException');
  isRequestId(get);
  const path = await rawRequest(server.url, { method: 'POST', path: '/x', headers: {}, body: '' });
  assert.is(path.status, 404);
  isRequestId(path);
});

/** Sends headers announcing `length` bytes and only `sent` of them; resolves with the response's first line and headers. */
function partialUpload(headers: string, sent: number): Promise<{ head: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const u = new URL(server.url);
    const socket = connect(Number(u.port), u.hostname, () => {
      socket.write(headers);
      socket.write('x'.repeat(sent));
    });
    let data = '';
    socket.on('data', (d) => {
      data += d.toString();
      if (data.includes('\r\n\r\n')) {
        resolve({ head: data, ms: Date.now() - started });
        socket.destroy();
      }
    });
    socket.on('error', reject);
    setTimeout(() => reject(new Error(`no answer; got ${JSON.stringify(data)}`)), 20_000).unref();
  });
}

test('a body announced over the limit is refused (413) before it is read', async () => {
  const { head, ms } = await partialUpload(
    'POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: TrentService.ListKeys\r\nContent-Length: 10000000\r\n\r\n',
    1024,
  );
  assert.match(head, /^HTTP\/1\.1 413 /);
  assert.match(head, /x-amzn-RequestId: [0-9a-f-]{36}/i);
  assert.match(head, /RequestEntityTooLargeException/);
  // Answered without the body, which never comes: waiting for it would take the request timeout (30 s).
  assert.ok(ms < 10_000, `answered after ${ms} ms`);
});

test('a chunked body that grows past the limit is refused while streaming', async () => {
  const chunk = 'x'.repeat(32 * 1024);
  const { head } = await new Promise<{ head: string }>((resolve, reject) => {
    const u = new URL(server.url);
    const socket = connect(Number(u.port), u.hostname, () => {
      socket.write('POST / HTTP/1.1\r\nHost: x\r\nAuthorization: AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/kms/aws4_request, SignedHeaders=host;x-amz-date, Signature=' + '0'.repeat(64) + '\r\nX-Amz-Date: 20260101T000000Z\r\nTransfer-Encoding: chunked\r\n\r\n');
      for (let i = 0; i < 4; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    });
    let data = '';
    socket.on('data', (d) => {
      data += d.toString();
      if (data.includes('\r\n\r\n')) {
        resolve({ head: data });
        socket.destroy();
      }
    });
    socket.on('error', reject);
  });
  assert.match(head, /^HTTP\/1\.1 413 /);
});

test('close() answers the requests in flight, then stops', async () => {
  const slow = new MemoryKeyStore();
  const s = await startServer({ port: 0, keyStore: slow });
  // CreateKey's commit waits at a gate: the request is in the handler while close() runs.
  const original = slow.commit.bind(slow);
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let arrived!: () => void;
  const inHandler = new Promise<void>((r) => (arrived = r));
  slow.commit = async (commit) => {
    arrived();
    await gate;
    return original(commit);
  };
  const inFlight = rawRequest(s.url, await signedRequest({ url: s.url, op: 'CreateKey', body: '{"KeySpec":"HMAC_256","KeyUsage":"GENERATE_VERIFY_MAC"}' }));
  // In flight for sure (a fixed sleep may not be long enough on a loaded machine).
  await inHandler;
  const closing = s.close();
  let closed = false;
  void closing.then(() => (closed = true));
  await new Promise((r) => setTimeout(r, 100));
  assert.not.ok(closed, 'close() waits for the request in flight');
  release();
  const res = await inFlight;
  assert.is(res.status, 200);
  assert.is(res.json.KeyMetadata.KeySpec, 'HMAC_256');
  await closing;
  try {
    await rawRequest(s.url, await signedRequest({ url: s.url, op: 'ListKeys', body: '{}' }));
    assert.unreachable('the server should be closed');
  } catch (err) {
    assert.match((err as Error).message, /ECONNREFUSED/);
  }
});

test('codec: decodeRequest and encodeResponse', () => {
  const input = decodeRequest(new TextEncoder().encode('{"Message":"AAEC","ValidTo":1700000000.5,"KeyId":"k","X":null}')) as Record<string, unknown>;
  assert.equal(input.Message, new Uint8Array([0, 1, 2]));
  assert.equal(input.ValidTo, new Date(1_700_000_000_500));
  assert.is(input.KeyId, 'k');
  assert.throws(() => decodeRequest(new TextEncoder().encode('{"ValidTo":"tomorrow"}')), (e: Error) => e instanceof WireError && /STRING_VALUE can not be converted to a Timestamp/.test(e.message));
  const out = encodeResponse({ Mac: new Uint8Array([255]), D: new Date(1500), L: [{ T: new Date(0) }], U: undefined, $metadata: {} });
  assert.is(out, '{"Mac":"/w==","D":1.5,"L":[{"T":0}]}');
});

test('no key material in any record the store got from the wire path', async () => {
  const records: StoredKey[] = await store.list();
  assert.ok(records.length > 0);
  assert.not.match(JSON.stringify(records), /"material":"?[A-Za-z0-9+/]{20}/);
});

test.run();
