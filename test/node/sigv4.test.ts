/**
 * The SigV4 verifier against requests signed by the SDK's own signer
 * (`@smithy/signature-v4`): what it accepts, and each refusal with the name,
 * status and message AWS sends.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash, createHmac } from 'node:crypto';
import { SigV4Verifier, amzDate } from '../../src/node/sigv4.js';
import { WireError } from '../../src/node/errors.js';
import { signedRequest, type RawRequest } from './helpers.js';

const URL_ = 'http://127.0.0.1:4599';
const NOW = Date.UTC(2026, 10, 22, 11, 54, 37);
const verifier = new SigV4Verifier({
  credentials: [
    { accessKeyId: 'test', secretAccessKey: 'test' },
    { accessKeyId: 'AKIDOTHER', secretAccessKey: 'other-secret', accountId: '444455556666' },
  ],
  regions: ['us-east-1'],
  now: () => NOW,
});
/** The default: every well-formed region, each request in its own credential scope's. */
const everyRegion = new SigV4Verifier({ credentials: [{ accessKeyId: 'test', secretAccessKey: 'test' }], now: () => NOW });

function toVerify(req: RawRequest, body = req.body) {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = v;
  return { method: 'POST', url: '/', headers, body: new TextEncoder().encode(body) };
}

function refused(fn: () => unknown, name: string, status: number, message?: RegExp): void {
  try {
    fn();
  } catch (err) {
    assert.instance(err, WireError);
    const e = err as WireError;
    assert.is(e.name, name);
    assert.is(e.status, status);
    if (message) assert.match(e.message, message);
    return;
  }
  assert.unreachable(`expected ${name}`);
}

const body = '{"KeyId":"alias/demo","Message":"SGVsbG8=","MacAlgorithm":"HMAC_SHA_384"}';

test('accepts a request signed by the SDK signer and names the caller', async () => {
  const req = await signedRequest({ url: URL_, op: 'GenerateMac', body, date: new Date(NOW) });
  assert.is(verifier.verify(toVerify(req)).accessKeyId, 'test');
  const other = await signedRequest({ url: URL_, body: '{}', accessKeyId: 'AKIDOTHER', secretAccessKey: 'other-secret', date: new Date(NOW - 60_000) });
  assert.is(verifier.verify(toVerify(other)).accountId, '444455556666');
});

test('accepts a request without x-amz-content-sha256 (botocore does not send it)', async () => {
  const req = await signedRequest({ url: URL_, body, date: new Date(NOW), contentSha256: false });
  assert.not.ok('x-amz-content-sha256' in req.headers);
  assert.is(verifier.verify(toVerify(req)).accessKeyId, 'test');
});

test('no Authorization header: MissingAuthenticationTokenException, 403', () => {
  refused(() => verifier.verify({ method: 'POST', url: '/', headers: {}, body: new Uint8Array() }), 'MissingAuthenticationTokenException', 403, /^Missing Authentication Token$/);
});

test('malformed Authorization: IncompleteSignatureException, 400', async () => {
  const req = await signedRequest({ url: URL_, body, date: new Date(NOW) });
  const cases: [string, RegExp][] = [
    ['AWS4-HMAC-SHA256 Credential=test/20261122/us-east-1/kms/aws4_request', /requires 'Signature' parameter.*requires 'SignedHeaders'/],
    ['AWS3 Credential=x', /Unsupported AWS 'algorithm'/],
    ['AWS4-HMAC-SHA256 Credential=test/20261122/kms/aws4_request, SignedHeaders=host, Signature=' + '0'.repeat(64), /5 slash-delimited/],
    ['AWS4-HMAC-SHA256 Credential=test/20261122/us-east-1/kms/aws4_request, SignedHeaders=x-amz-date, Signature=' + '0'.repeat(64), /'Host'/],
  ];
  for (const [authorization, message] of cases) {
    refused(() => verifier.verify(toVerify({ ...req, headers: { ...req.headers, authorization } })), 'IncompleteSignatureException', 400, message);
  }
  const noDate = { ...req.headers };
  delete noDate['x-amz-date'];
  refused(() => verifier.verify(toVerify({ ...req, headers: noDate })), 'IncompleteSignatureException', 400, /X-Amz-Date/);
});

test('wrong secret, tampered body, tampered signed header: InvalidSignatureException', async () => {
  const wrong = await signedRequest({ url: URL_, body, secretAccessKey: 'nope', date: new Date(NOW) });
  refused(() => verifier.verify(toVerify(wrong)), 'InvalidSignatureException', 400, /does not match the signature you provided/);
  const req = await signedRequest({ url: URL_, body, date: new Date(NOW) });
  const tampered = body.replace('HMAC_SHA_384', 'HMAC_SHA_256');
  refused(() => verifier.verify(toVerify(req, tampered)), 'InvalidSignatureException', 400, /x-amz-content-sha256/);
  const noClaim = { ...req.headers };
  delete noClaim['x-amz-content-sha256'];
  refused(() => verifier.verify(toVerify({ headers: noClaim, body }, tampered)), 'InvalidSignatureException', 400, /does not match/);
  refused(
    () => verifier.verify(toVerify({ ...req, headers: { ...req.headers, 'x-amz-target': 'TrentService.DisableKey' } })),
    'InvalidSignatureException',
    400,
    /does not match/,
  );
});

test('unknown access key: UnrecognizedClientException', async () => {
  const req = await signedRequest({ url: URL_, body, accessKeyId: 'AKIDUNKNOWN', date: new Date(NOW) });
  refused(() => verifier.verify(toVerify(req)), 'UnrecognizedClientException', 400, /security token included in the request is invalid/);
});

test('dates more than 15 minutes away are refused, 14 minutes are fine', async () => {
  const stale = await signedRequest({ url: URL_, body, date: new Date(NOW - 16 * 60_000) });
  refused(() => verifier.verify(toVerify(stale)), 'InvalidSignatureException', 400, /^Signature expired: \d{8}T\d{6}Z is now earlier than/);
  const future = await signedRequest({ url: URL_, body, date: new Date(NOW + 16 * 60_000) });
  refused(() => verifier.verify(toVerify(future)), 'InvalidSignatureException', 400, /^Signature not yet current/);
  for (const offset of [-14, 14]) {
    const ok = await signedRequest({ url: URL_, body, date: new Date(NOW + offset * 60_000) });
    assert.is(verifier.verify(toVerify(ok)).accessKeyId, 'test');
  }
});

test('scope for a region not served (--regions) or another service is refused', async () => {
  const region = await signedRequest({ url: URL_, body, region: 'eu-west-1', date: new Date(NOW) });
  refused(() => verifier.verify(toVerify(region)), 'InvalidSignatureException', 400, /^Credential should be scoped to a valid region, not 'eu-west-1'\. This endpoint serves 'us-east-1'\.$/);
  const service = await signedRequest({ url: URL_, body, service: 's3', date: new Date(NOW) });
  refused(() => verifier.verify(toVerify(service)), 'InvalidSignatureException', 400, /correct service: 'kms'/);
});

test('without a region list every well-formed region is served, signed with its own scope', async () => {
  for (const region of ['eu-west-1', 'cn-north-1', 'us-gov-west-1', 'ap-southeast-2', 'us-isob-east-1']) {
    const req = await signedRequest({ url: URL_, body, region, date: new Date(NOW) });
    assert.is(everyRegion.verify(toVerify(req)).accessKeyId, 'test', region);
    assert.is(everyRegion.precheck(toVerify(req).headers).region, region);
  }
  for (const region of ['moon', 'us-east', 'US-EAST-1', 'eu-west-1x']) {
    const req = await signedRequest({ url: URL_, body, region, date: new Date(NOW) });
    refused(() => everyRegion.verify(toVerify(req)), 'InvalidSignatureException', 400, new RegExp(`valid region, not '${region}'`));
  }
  // The scope's region is part of the signing key: a signature made for one region fails when the scope says another.
  const req = await signedRequest({ url: URL_, body, region: 'eu-west-1', date: new Date(NOW) });
  const forged = toVerify(req);
  forged.headers['authorization'] = forged.headers['authorization']!.replace('/eu-west-1/', '/eu-west-2/');
  refused(() => everyRegion.verify(forged), 'InvalidSignatureException', 400, /does not match/);
});

test('amzDate formats like X-Amz-Date', () => {
  assert.is(amzDate(NOW), '20261122T115437Z');
});

/** Signs `headers` by hand over exactly the names in `signed` (what a hostile client with the secret can do). */
function signOver(headers: Record<string, string>, signed: string[], body: string, secret = 'test', date = NOW): Record<string, string> {
  const long = amzDate(date);
  const scope = `${long.slice(0, 8)}/us-east-1/kms/aws4_request`;
  const all: Record<string, string> = { ...headers, 'x-amz-date': long };
  const canonical = ['POST', '/', '', signed.map((n) => `${n}:${all[n] ?? ''}\n`).join(''), signed.join(';'), createHash('sha256').update(body).digest('hex')].join('\n');
  const toSign = `AWS4-HMAC-SHA256\n${long}\n${scope}\n${createHash('sha256').update(canonical).digest('hex')}`;
  let k: Buffer = createHmac('sha256', `AWS4${secret}`).update(long.slice(0, 8)).digest();
  for (const part of ['us-east-1', 'kms', 'aws4_request']) k = createHmac('sha256', k).update(part).digest();
  const signature = createHmac('sha256', k).update(toSign).digest('hex');
  return { ...all, authorization: `AWS4-HMAC-SHA256 Credential=test/${scope}, SignedHeaders=${signed.join(';')}, Signature=${signature}` };
}

test('SignedHeaders naming Object.prototype members: a signature error, never a crash', () => {
  const base = { host: '127.0.0.1:4599', 'x-amz-target': 'TrentService.ListKeys' };
  for (const name of ['constructor', '__proto__', 'valueof', 'hasownproperty', '__definegetter__']) {
    const signed = [name, 'host', 'x-amz-date', 'x-amz-target'].sort();
    // The right secret (the worst case) and a wrong one.
    for (const secret of ['test', 'wrong']) {
      const headers = signOver(base, signed, '{}', secret);
      refused(() => verifier.verify({ method: 'POST', url: '/', headers, body: new TextEncoder().encode('{}') }), 'InvalidSignatureException', 400, /does not match/);
    }
  }
  for (const name of ['toString', 'valueOf', '__defineGetter__', 'Host']) {
    const headers = signOver(base, ['host', 'x-amz-date', 'x-amz-target', name], '{}', 'wrong');
    refused(() => verifier.verify({ method: 'POST', url: '/', headers, body: new Uint8Array() }), 'IncompleteSignatureException', 400, /'SignedHeaders' must be a ';'-separated list/);
  }
});

test('malformed SignedHeaders (empty entry, unsorted, repeated, not a token): IncompleteSignatureException', () => {
  const base = { host: '127.0.0.1:4599', 'x-amz-target': 'TrentService.ListKeys' };
  for (const signed of [['host', '', 'x-amz-date', 'x-amz-target'], ['x-amz-date', 'host', 'x-amz-target'], ['host', 'host', 'x-amz-date', 'x-amz-target'], ['host', 'x amz', 'x-amz-date', 'x-amz-target'], ['']]) {
    const headers = signOver(base, signed, '{}');
    refused(() => verifier.verify({ method: 'POST', url: '/', headers, body: new TextEncoder().encode('{}') }), 'IncompleteSignatureException', 400, /'SignedHeaders'/);
  }
});

test('X-Amz-Target and every other x-amz-* header must be signed: no replay as another operation', () => {
  const body = new TextEncoder().encode('{"KeyId":"alias/demo"}');
  const text = '{"KeyId":"alias/demo"}';
  // Signed over host;x-amz-date only, with the right secret: the target could be swapped freely.
  const replay = signOver({ host: '127.0.0.1:4599', 'x-amz-target': 'TrentService.DisableKey' }, ['host', 'x-amz-date'], text);
  refused(() => verifier.verify({ method: 'POST', url: '/', headers: replay, body }), 'IncompleteSignatureException', 400, /^'X-Amz-Target' must be a 'SignedHeader' in the AWS Authorization\.$/);
  for (const extra of ['x-amz-security-token', 'x-amz-content-sha256', 'x-amz-user-agent']) {
    const value = extra === 'x-amz-content-sha256' ? createHash('sha256').update(text).digest('hex') : 'v';
    const headers = signOver({ host: '127.0.0.1:4599', 'x-amz-target': 'TrentService.DescribeKey', [extra]: value }, ['host', 'x-amz-date', 'x-amz-target'], text);
    refused(() => verifier.verify({ method: 'POST', url: '/', headers, body }), 'IncompleteSignatureException', 400, new RegExp(`^'${extra}' must be a 'SignedHeader'`));
  }
  // Signed, the same requests pass; unsigned headers outside x-amz-* (user-agent, x-amzn-trace-id) stay allowed.
  const ok = signOver({ host: '127.0.0.1:4599', 'x-amz-target': 'TrentService.DisableKey', 'x-amz-security-token': 'v' }, ['host', 'x-amz-date', 'x-amz-security-token', 'x-amz-target'], text);
  assert.is(verifier.verify({ method: 'POST', url: '/', headers: { ...ok, 'user-agent': 'x', 'x-amzn-trace-id': 'Root=1' }, body }).accessKeyId, 'test');
});

// The verifier keeps two caches: what each Authorization header says without its signature
// (parsed once per client scope), and the derived signing keys (per access key, secret, date
// and region). Neither may change a verdict.

test('caches give the same verdicts: a request verified twice, and one that differs from it only in the signature, fails', async () => {
  const v = new SigV4Verifier({ credentials: [{ accessKeyId: 'test', secretAccessKey: 'test' }], now: () => NOW });
  const req = await signedRequest({ url: URL_, op: 'GenerateMac', body, date: new Date(NOW) });
  for (let i = 0; i < 3; i++) assert.is(v.verify(toVerify(req)).accessKeyId, 'test');
  // Same scope and signed headers (served from the cache), another signature: refused, every time.
  const bad = toVerify(req);
  const signature = bad.headers['authorization']!.slice(-64);
  const flipped = signature.slice(0, 63) + (signature[63] === '0' ? '1' : '0');
  bad.headers['authorization'] = bad.headers['authorization']!.slice(0, -64) + flipped;
  for (let i = 0; i < 2; i++) refused(() => v.verify(bad), 'InvalidSignatureException', 400, /does not match/);
  // A malformed signature after the cached prefix is still a malformed header.
  for (const sig of [signature.toUpperCase(), signature.slice(1), `${signature.slice(0, 63)}g`]) {
    const malformed = toVerify(req);
    malformed.headers['authorization'] = malformed.headers['authorization']!.slice(0, -64) + sig;
    refused(() => v.verify(malformed), 'IncompleteSignatureException', 400, /Signature must be 64 lower-case hex digits/);
  }
  // Other requests of the same client (other bodies and operations) pass, and the good one still does.
  for (const op of ['ListKeys', 'DescribeKey', 'GenerateMac']) {
    const other = await signedRequest({ url: URL_, op, body: `{"KeyId":"alias/${op}"}`, date: new Date(NOW) });
    assert.is(v.verify(toVerify(other)).accessKeyId, 'test');
  }
  assert.is(v.verify(toVerify(req)).accessKeyId, 'test');
});

test('a changed secret is not served from the signing-key cache', async () => {
  const credential = { accessKeyId: 'AKIDROTATED', secretAccessKey: 'first-secret' };
  const v = new SigV4Verifier({ credentials: [credential], now: () => NOW });
  const first = await signedRequest({ url: URL_, body, accessKeyId: 'AKIDROTATED', secretAccessKey: 'first-secret', date: new Date(NOW) });
  assert.is(v.verify(toVerify(first)).accessKeyId, 'AKIDROTATED');
  // The same credential object with a new secret (same access key, date and region).
  credential.secretAccessKey = 'second-secret';
  refused(() => v.verify(toVerify(first)), 'InvalidSignatureException', 400, /does not match/);
  const second = await signedRequest({ url: URL_, body, accessKeyId: 'AKIDROTATED', secretAccessKey: 'second-secret', date: new Date(NOW) });
  assert.is(v.verify(toVerify(second)).accessKeyId, 'AKIDROTATED');
  assert.is(v.cachedSigningKeys, 1);
});

test('the signing-key cache is bounded and keyed without secrets', async () => {
  const secret = 'a-secret-that-must-not-be-a-key';
  const v = new SigV4Verifier({ credentials: [{ accessKeyId: 'AKIDMANY', secretAccessKey: secret }], now: () => NOW });
  // Signed by hand (the SDK signer is slow for a thousand requests): one region each.
  const sign = (region: string): Record<string, string> => {
    const long = amzDate(NOW);
    const scope = `${long.slice(0, 8)}/${region}/kms/aws4_request`;
    const headers: Record<string, string> = { host: '127.0.0.1:4599', 'x-amz-date': long, 'x-amz-target': 'TrentService.ListKeys' };
    const signed = ['host', 'x-amz-date', 'x-amz-target'];
    const canonical = `POST\n/\n\n${signed.map((n) => `${n}:${headers[n]}\n`).join('')}\n${signed.join(';')}\n${createHash('sha256').update('{}').digest('hex')}`;
    const toSign = `AWS4-HMAC-SHA256\n${long}\n${scope}\n${createHash('sha256').update(canonical).digest('hex')}`;
    let k: Buffer = createHmac('sha256', `AWS4${secret}`).update(long.slice(0, 8)).digest();
    for (const part of [region, 'kms', 'aws4_request']) k = createHmac('sha256', k).update(part).digest();
    const signature = createHmac('sha256', k).update(toSign).digest('hex');
    return { ...headers, authorization: `AWS4-HMAC-SHA256 Credential=AKIDMANY/${scope}, SignedHeaders=${signed.join(';')}, Signature=${signature}` };
  };
  const body = new TextEncoder().encode('{}');
  for (let i = 0; i < 1500; i++) {
    assert.is(v.verify({ method: 'POST', url: '/', headers: sign(`xx-test-${i}`), body }).accessKeyId, 'AKIDMANY');
    assert.ok(v.cachedSigningKeys <= 1024, `at most 1024 signing keys (${v.cachedSigningKeys})`);
  }
  // After the cache started over, the early regions still verify (their keys derived again).
  assert.is(v.verify({ method: 'POST', url: '/', headers: sign('xx-test-0'), body }).accessKeyId, 'AKIDMANY');
  const internals = v as unknown as { signingKeys: Map<string, unknown>; scopes: Map<string, unknown> };
  for (const key of [...internals.signingKeys.keys(), ...internals.scopes.keys()]) assert.not.ok(key.includes(secret), key);
  assert.ok(internals.scopes.size <= 1024);
});

test.run();
