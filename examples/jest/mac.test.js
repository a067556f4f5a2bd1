// wasmac from CommonJS under Jest's default configuration: no transform
// settings, no experimental flags. `require('wasmac')` resolves to the
// package's CommonJS build (its `require` export condition).
//
//   (cd ../.. && npm ci && npm pack)   # the tarball package.json installs
//   npm install && npm test
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const {
  KMSClient, CreateKeyCommand, CreateAliasCommand, GenerateMacCommand, VerifyMacCommand,
  KMSInvalidMacException, NotFoundException, KMSServiceException, HmacKey, fromHex, toHex,
} = require('wasmac');
const { FileKeyStore } = require('wasmac/node');

const client = new KMSClient({ region: 'us-east-1' });

test('GenerateMac, then VerifyMac of the same message', async () => {
  const { KeyMetadata } = await client.send(new CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }));
  await client.send(new CreateAliasCommand({ AliasName: 'alias/jest', TargetKeyId: KeyMetadata.KeyId }));
  const { Mac, KeyId } = await client.send(new GenerateMacCommand({ KeyId: 'alias/jest', Message: 'Hello World', MacAlgorithm: 'HMAC_SHA_256' }));
  expect(Mac).toHaveLength(32);
  expect(KeyId).toBe(KeyMetadata.Arn);
  const verified = await client.send(new VerifyMacCommand({ KeyId: 'alias/jest', Message: 'Hello World', Mac, MacAlgorithm: 'HMAC_SHA_256' }));
  expect(verified.MacValid).toBe(true);
  // Another message: VerifyMac rejects (it never resolves with MacValid: false).
  await expect(client.send(new VerifyMacCommand({ KeyId: 'alias/jest', Message: 'Hello Jest', Mac, MacAlgorithm: 'HMAC_SHA_256' })))
    .rejects.toBeInstanceOf(KMSInvalidMacException);
});

test('errors are the facade classes', async () => {
  const err = await client.send(new GenerateMacCommand({ KeyId: 'alias/missing', Message: 'x', MacAlgorithm: 'HMAC_SHA_256' })).catch((e) => e);
  expect(err).toBeInstanceOf(NotFoundException);
  expect(err).toBeInstanceOf(KMSServiceException);
  expect(err.name).toBe('NotFoundException');
});

test('the engine: RFC 4231 test case 2', () => {
  const key = new HmacKey('sha256', new TextEncoder().encode('Jefe'));
  expect(toHex(key.mac('what do ya want for nothing?'))).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  expect(key.verify('what do ya want for nothing?', fromHex('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'))).toBe(true);
});

test('wasmac/node: a FileKeyStore behind the client', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wasmac-jest-'));
  try {
    const keyStore = await FileKeyStore.open(dir);
    const kms = new KMSClient({ keyStore });
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'HMAC_384', KeyUsage: 'GENERATE_VERIFY_MAC' }));
    const { Mac } = await kms.send(new GenerateMacCommand({ KeyId: KeyMetadata.KeyId, Message: 'Hello World', MacAlgorithm: 'HMAC_SHA_384' }));
    expect(Mac).toHaveLength(48);
    await keyStore.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
