/**
 * The real `@aws-sdk/client-kms` over wasmac's `KmsRequestHandler`, in the
 * runtime at hand (bundled into each runtime's smoke): the SDK serialises and
 * signs, the handler answers through the endpoint's stages, the SDK
 * deserialises into its own shapes and exception classes. A seeded store
 * gives a known MAC (RFC 4231-style fixed material), so the bytes are checked
 * too, not only that GenerateMac and VerifyMac agree.
 */
import type * as Sdk from '@aws-sdk/client-kms';
import type * as Wasmac from '../../src/index.js';

export interface SdkRun {
  checks: number;
  failures: string[];
}

/** Material 00..1f, message "Hello World", HMAC-SHA-256 (the README's seed example). */
const SEED_KEY_ID = '0b0f1f5e-7a39-4c52-9f8e-3d0c2a1b4e6f';
const SEED_MATERIAL = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const SEED_MAC = 'SWgggc4CgAle8JGG8XOHRQE/yzVt/4SG5l8pgV0Jhs0=';

export async function runSdkSmoke(api: typeof Wasmac, sdk: typeof Sdk): Promise<SdkRun> {
  const run: SdkRun = { checks: 0, failures: [] };
  const check = (what: string, ok: boolean): void => {
    run.checks++;
    if (!ok) run.failures.push(`sdk: ${what}`);
  };
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  const kms = new sdk.KMSClient({ region: 'us-east-1', credentials, requestHandler: new api.KmsRequestHandler(), maxAttempts: 1 });
  const message = new TextEncoder().encode('Hello World');

  const { KeyMetadata } = await kms.send(new sdk.CreateKeyCommand({ KeySpec: 'HMAC_384', KeyUsage: 'GENERATE_VERIFY_MAC' }));
  check('CreateKey returns the key ARN', /^arn:aws:kms:us-east-1:\d{12}:key\//.test(KeyMetadata?.Arn ?? ''));
  check('CreateKey returns CreationDate as a Date (the SDK deserialised it)', KeyMetadata?.CreationDate instanceof Date);
  await kms.send(new sdk.CreateAliasCommand({ AliasName: 'alias/sdk', TargetKeyId: KeyMetadata!.KeyId }));
  const mac = await kms.send(new sdk.GenerateMacCommand({ KeyId: 'alias/sdk', Message: message, MacAlgorithm: 'HMAC_SHA_384' }));
  check('GenerateMac returns 48 bytes', mac.Mac instanceof Uint8Array && mac.Mac.length === 48);
  check('GenerateMac returns the key ARN', mac.KeyId === KeyMetadata!.Arn);
  check('$metadata.httpStatusCode 200 with a request ID', mac.$metadata.httpStatusCode === 200 && typeof mac.$metadata.requestId === 'string');
  const verified = await kms.send(new sdk.VerifyMacCommand({ KeyId: 'alias/sdk', Message: message, Mac: mac.Mac, MacAlgorithm: 'HMAC_SHA_384' }));
  check('VerifyMac of the MAC: MacValid true', verified.MacValid === true);

  const refused = await kms.send(new sdk.VerifyMacCommand({ KeyId: 'alias/sdk', Message: new TextEncoder().encode('other'), Mac: mac.Mac, MacAlgorithm: 'HMAC_SHA_384' })).catch((e: unknown) => e);
  check(`VerifyMac of another message: the SDK's KMSInvalidMacException (got ${String((refused as Error)?.name)})`,
    refused instanceof sdk.KMSInvalidMacException && refused instanceof sdk.KMSServiceException && refused.$fault === 'client');
  const missing = await kms.send(new sdk.DescribeKeyCommand({ KeyId: 'alias/none' })).catch((e: unknown) => e);
  check(`DescribeKey of a missing alias: the SDK's NotFoundException with AWS's message (got ${String((missing as Error)?.name)}: ${String((missing as Error)?.message)})`,
    missing instanceof sdk.NotFoundException && missing.message === 'Alias arn:aws:kms:us-east-1:111122223333:alias/none is not found.' && missing.$metadata.httpStatusCode === 400);
  const invalid = await kms.send(new sdk.GenerateMacCommand({ KeyId: 'alias/sdk', Message: message, MacAlgorithm: 'HMAC_SHA_256' })).catch((e: unknown) => e);
  check(`GenerateMac with the wrong algorithm: the SDK's InvalidKeyUsageException (got ${String((invalid as Error)?.name)})`, invalid instanceof sdk.InvalidKeyUsageException);

  // A store seeded with known material (as an edge function would from a secret): the MAC AWS KMS gives for it.
  const keyStore = new api.MemoryKeyStore();
  await api.applySeed(keyStore, api.validateSeed({ keys: [{ KeyId: SEED_KEY_ID, KeySpec: 'HMAC_256', MaterialHex: SEED_MATERIAL, Aliases: ['alias/test'] }] }), { region: 'us-east-1', accountId: '111122223333' });
  const seeded = new sdk.KMSClient({ region: 'us-east-1', credentials, requestHandler: new api.KmsRequestHandler({ keyStore }), maxAttempts: 1 });
  const known = await seeded.send(new sdk.GenerateMacCommand({ KeyId: 'alias/test', Message: message, MacAlgorithm: 'HMAC_SHA_256' }));
  check('GenerateMac under seeded material: the known MAC', api.toBase64(known.Mac ?? new Uint8Array()) === SEED_MAC);
  const ok = await seeded.send(new sdk.VerifyMacCommand({ KeyId: SEED_KEY_ID, Message: message, Mac: api.fromBase64(SEED_MAC), MacAlgorithm: 'HMAC_SHA_256' }));
  check('VerifyMac of the known MAC by key ID', ok.MacValid === true);
  return run;
}
