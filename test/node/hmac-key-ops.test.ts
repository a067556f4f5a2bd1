/**
 * The operations tools call on an HMAC key besides GenerateMac and VerifyMac
 * (key policies, description, rotation, the other cryptographic operations,
 * CurrentKeyMaterialId, region-dependent enums), each driven the same way
 * through `@aws-sdk/client-kms` and the endpoint and through the in-process
 * `KMSClient`: both must give the same answers.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MemoryKeyStore } from '../../src/kms/key-store.js';
import { startServer, type KmsServer } from '../../src/node/index.js';
import { twoWays } from './two-ways.js';


let server: KmsServer;
const localStore = new MemoryKeyStore();

const both = twoWays(() => server.url, localStore);
const ways = both.ways;

/** The error `p` rejects with, its empty message read the same on both ways (the SDK says `UnknownError`). */
async function failure(p: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await p;
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: err.name, message: err.message === 'UnknownError' ? '' : err.message, status: err.$metadata?.httpStatusCode };
  }
  throw new Error('expected a rejection');
}

test.before(async () => {
  server = await startServer({ port: 0, keyStore: new MemoryKeyStore() });
});

test.after(async () => {
  both.destroy();
  await server.close();
});

const R = 'us-east-1';
const HMAC = { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' };

const DEFAULT_POLICY = `{
  "Version" : "2012-10-17",
  "Id" : "key-default-1",
  "Statement" : [ {
    "Sid" : "Enable IAM User Permissions",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "arn:aws:iam::111122223333:root"
    },
    "Action" : "kms:*",
    "Resource" : "*"
  } ]
}`;

for (const [way, send] of ways) {
  test(`${way}: key policies (default text, put/get, list, refusals)`, async () => {
    const md = (await send(R, 'CreateKey', HMAC)).KeyMetadata;
    const got = await send(R, 'GetKeyPolicy', { KeyId: md.KeyId });
    assert.is(got.Policy, DEFAULT_POLICY);
    assert.is(got.PolicyName, 'default');
    assert.is((await send('us-gov-west-1', 'GetKeyPolicy', { KeyId: (await send('us-gov-west-1', 'CreateKey', HMAC)).KeyMetadata.KeyId })).Policy, DEFAULT_POLICY.replace('arn:aws:', 'arn:aws-us-gov:'));
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'café ü', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:GenerateMac', Resource: '*' }] });
    assert.equal(await send(R, 'PutKeyPolicy', { KeyId: md.Arn, Policy: policy }).then((o) => Object.keys(o).filter((k) => k !== '$metadata')), []);
    assert.is((await send(R, 'GetKeyPolicy', { KeyId: md.KeyId, PolicyName: 'default' })).Policy, policy);
    const listed = await send(R, 'ListKeyPolicies', { KeyId: md.KeyId });
    assert.equal(listed.PolicyNames, ['default']);
    assert.is(listed.Truncated, false);
    assert.is(listed.NextMarker, undefined);
    // CreateKey's Policy is stored as given.
    const withPolicy = (await send(R, 'CreateKey', { ...HMAC, Policy: policy })).KeyMetadata;
    assert.is((await send(R, 'GetKeyPolicy', { KeyId: withPolicy.KeyId })).Policy, policy);

    for (const bad of ['not a real policy statement', '[1,2]', '"text"', '{"a":']) {
      assert.equal(await failure(send(R, 'PutKeyPolicy', { KeyId: md.KeyId, Policy: bad })), { name: 'MalformedPolicyDocumentException', message: '', status: 400 }, bad);
    }
    assert.equal(await failure(send(R, 'CreateKey', { ...HMAC, Policy: '{' })), { name: 'MalformedPolicyDocumentException', message: '', status: 400 });
    const huge = await failure(send(R, 'PutKeyPolicy', { KeyId: md.KeyId, Policy: `{"a":"${'x'.repeat(131072)}"}` }));
    assert.is(huge.name, 'ValidationException');
    assert.match(huge.message, /^1 validation error detected: Value '\{"a":"x+"\}' at 'policy' failed to satisfy constraint: Member must have length less than or equal to 131072$/);
    const snowman = await failure(send(R, 'PutKeyPolicy', { KeyId: md.KeyId, Policy: '{"a":"☃"}' }));
    assert.is(snowman.message, `1 validation error detected: Value '{"a":"☃"}' at 'policy' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+`);
    // CreateKey's Policy is the same PolicyType: the same pattern, no key made.
    const before = (await send(R, 'ListKeys', { Limit: 1000 })).Keys.length;
    assert.equal(await failure(send(R, 'CreateKey', { ...HMAC, Policy: '{"a":"☃"}' })), { name: 'ValidationException', message: snowman.message, status: 400 });
    assert.is((await send(R, 'ListKeys', { Limit: 1000 })).Keys.length, before);
    assert.equal(await failure(send(R, 'GetKeyPolicy', { KeyId: md.KeyId, PolicyName: 'other' })), { name: 'NotFoundException', message: 'No such policy exists', status: 400 });
    // Every state: a key pending deletion still has its policy.
    await send(R, 'ScheduleKeyDeletion', { KeyId: md.KeyId, PendingWindowInDays: 7 });
    assert.is((await send(R, 'GetKeyPolicy', { KeyId: md.KeyId })).Policy, policy);
    await send(R, 'PutKeyPolicy', { KeyId: md.KeyId, Policy: '{}' });
    assert.is((await send(R, 'GetKeyPolicy', { KeyId: md.KeyId })).Policy, '{}');
  });

  test(`${way}: UpdateKeyDescription`, async () => {
    const md = (await send(R, 'CreateKey', { ...HMAC, Description: 'old' })).KeyMetadata;
    await send(R, 'UpdateKeyDescription', { KeyId: md.KeyId, Description: 'new ✓' });
    assert.is((await send(R, 'DescribeKey', { KeyId: md.KeyId })).KeyMetadata.Description, 'new ✓');
    await send(R, 'UpdateKeyDescription', { KeyId: md.Arn, Description: '' });
    assert.is((await send(R, 'DescribeKey', { KeyId: md.KeyId })).KeyMetadata.Description, '');
    const missing = await failure(send(R, 'UpdateKeyDescription', { KeyId: md.KeyId }));
    assert.is(missing.message, "1 validation error detected: Value null at 'description' failed to satisfy constraint: Member must not be null");
    await send(R, 'ScheduleKeyDeletion', { KeyId: md.KeyId, PendingWindowInDays: 7 });
    assert.equal(await failure(send(R, 'UpdateKeyDescription', { KeyId: md.KeyId, Description: 'x' })), { name: 'KMSInvalidStateException', message: `${md.Arn} is pending deletion.`, status: 400 });
  });

  test(`${way}: rotation operations on an HMAC key`, async () => {
    const md = (await send(R, 'CreateKey', HMAC)).KeyMetadata;
    const status = await send(R, 'GetKeyRotationStatus', { KeyId: md.KeyId });
    assert.is(status.KeyRotationEnabled, false);
    assert.is(status.KeyId, md.Arn);
    assert.is(status.RotationPeriodInDays, undefined);
    for (const op of ['EnableKeyRotation', 'DisableKeyRotation', 'RotateKeyOnDemand']) {
      assert.equal(await failure(send(R, op, { KeyId: md.KeyId })), { name: 'UnsupportedOperationException', message: '', status: 400 }, op);
    }
    assert.equal(await failure(send(R, 'ListKeyRotations', { KeyId: md.KeyId, IncludeKeyMaterial: 'ALL_KEY_MATERIAL' })), {
      name: 'ValidationException',
      message: 'Input parameter includeKeyMaterial can only be used with symmetric keys.',
      status: 400,
    });
    assert.equal(await failure(send(R, 'ListKeyRotations', { KeyId: md.KeyId })), { name: 'UnsupportedOperationException', message: '', status: 400 });
    const period = await failure(send(R, 'EnableKeyRotation', { KeyId: md.KeyId, RotationPeriodInDays: 30 }));
    assert.is(period.message, "1 validation error detected: Value '30' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value greater than or equal to 90");
    // The key state comes first.
    await send(R, 'DisableKey', { KeyId: md.KeyId });
    assert.equal(await failure(send(R, 'EnableKeyRotation', { KeyId: md.KeyId })), { name: 'DisabledException', message: `${md.Arn} is disabled.`, status: 400 });
    assert.is((await send(R, 'GetKeyRotationStatus', { KeyId: md.KeyId })).KeyRotationEnabled, false);
    const external = (await send(R, 'CreateKey', { ...HMAC, Origin: 'EXTERNAL' })).KeyMetadata;
    assert.equal(await failure(send(R, 'EnableKeyRotation', { KeyId: external.KeyId })), { name: 'KMSInvalidStateException', message: `${external.Arn} is pending import.`, status: 400 });
  });

  test(`${way}: non-MAC operations on an HMAC key get AWS's errors`, async () => {
    const md = (await send(R, 'CreateKey', HMAC)).KeyMetadata;
    await send(R, 'CreateAlias', { AliasName: `alias/ops-${way.length}-${md.KeyId.slice(0, 8)}`, TargetKeyId: md.KeyId });
    const usage = (op: string) => ({ name: 'InvalidKeyUsageException', message: `${md.Arn} key usage is GENERATE_VERIFY_MAC which is not valid for ${op}.`, status: 400 });
    const msg = new TextEncoder().encode('hello');
    assert.equal(await failure(send(R, 'Sign', { KeyId: md.KeyId, Message: msg, SigningAlgorithm: 'RSASSA_PSS_SHA_256' })), usage('Sign'));
    assert.equal(await failure(send(R, 'Sign', { KeyId: md.Arn, Message: msg, SigningAlgorithm: 'RSASSA_PSS_SHA_256', DryRun: true })), usage('Sign'));
    assert.equal(await failure(send(R, 'Verify', { KeyId: md.KeyId, Message: msg, Signature: msg, SigningAlgorithm: 'ECDSA_SHA_256' })), usage('Verify'));
    assert.equal(await failure(send(R, 'Encrypt', { KeyId: md.KeyId, Plaintext: msg })), usage('Encrypt'));
    assert.equal(await failure(send(R, 'GenerateDataKey', { KeyId: md.KeyId, KeySpec: 'AES_256' })), usage('GenerateDataKey'));
    assert.equal(await failure(send(R, 'GenerateDataKeyWithoutPlaintext', { KeyId: md.KeyId, NumberOfBytes: 32 })), usage('GenerateDataKeyWithoutPlaintext'));
    assert.equal(await failure(send(R, 'GenerateDataKeyPair', { KeyId: md.KeyId, KeyPairSpec: 'RSA_2048' })), usage('GenerateDataKeyPair'));
    assert.equal(await failure(send(R, 'GenerateDataKeyPairWithoutPlaintext', { KeyId: md.KeyId, KeyPairSpec: 'ECC_NIST_P256' })), usage('GenerateDataKeyPairWithoutPlaintext'));
    assert.equal(await failure(send(R, 'DeriveSharedSecret', { KeyId: md.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: msg })), usage('DeriveSharedSecret'));
    const incorrect = { name: 'IncorrectKeyException', message: 'The key ID in the request does not identify a CMK that can perform this operation.', status: 400 };
    assert.equal(await failure(send(R, 'Decrypt', { KeyId: md.KeyId, CiphertextBlob: msg })), incorrect);
    assert.equal(await failure(send(R, 'ReEncrypt', { SourceKeyId: md.KeyId, DestinationKeyId: md.KeyId, CiphertextBlob: msg })), incorrect);
    assert.equal(await failure(send(R, 'Decrypt', { CiphertextBlob: msg })), { name: 'InvalidCiphertextException', message: '', status: 400 });
    assert.equal(await failure(send(R, 'GetPublicKey', { KeyId: md.KeyId })), { ...usage('GetPublicKey'), name: 'UnsupportedOperationException' });
    // Validation first: a bad enum value is a ValidationException with the recorded [ECDH] list.
    const ecdh = await failure(send(R, 'DeriveSharedSecret', { KeyId: md.KeyId, KeyAgreementAlgorithm: 'DH', PublicKey: msg }));
    assert.is(ecdh.message, "1 validation error detected: Value 'DH' at 'keyAgreementAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [ECDH]");
    // State before usage: a disabled HMAC key answers DisabledException.
    await send(R, 'DisableKey', { KeyId: md.KeyId });
    assert.equal(await failure(send(R, 'Sign', { KeyId: md.KeyId, Message: msg, SigningAlgorithm: 'RSASSA_PSS_SHA_256' })), { name: 'DisabledException', message: `${md.Arn} is disabled.`, status: 400 });
    const gone = await failure(send(R, 'Encrypt', { KeyId: 'alias/none', Plaintext: msg }));
    assert.is(gone.name, 'NotFoundException');
  });

  test(`${way}: the same operations on a key of another spec: not implemented, said plainly`, async () => {
    const sym = (await send(R, 'CreateKey', {})).KeyMetadata;
    const msg = new TextEncoder().encode('hello');
    const plain = (op: string) => ({
      name: 'UnsupportedOperationException',
      message: `${op} is not implemented: this KMS implements the HMAC operations (GenerateMac, VerifyMac); ${sym.Arn} is a SYMMETRIC_DEFAULT key without material here.`,
      status: 400,
    });
    assert.equal(await failure(send(R, 'Encrypt', { KeyId: sym.KeyId, Plaintext: msg })), plain('Encrypt'));
    assert.equal(await failure(send(R, 'Decrypt', { KeyId: sym.KeyId, CiphertextBlob: msg })), plain('Decrypt'));
    assert.equal(await failure(send(R, 'GenerateDataKey', { KeyId: sym.KeyId, KeySpec: 'AES_256' })), plain('GenerateDataKey'));
    assert.equal(await failure(send(R, 'EnableKeyRotation', { KeyId: sym.KeyId })), plain('EnableKeyRotation'));
    // A usage the key does not have is AWS's error, recorded in this form.
    assert.equal(await failure(send(R, 'Sign', { KeyId: sym.KeyId, Message: msg, SigningAlgorithm: 'RSASSA_PSS_SHA_256' })), {
      name: 'InvalidKeyUsageException',
      message: `${sym.Arn} key usage is ENCRYPT_DECRYPT which is not valid for Sign.`,
      status: 400,
    });
    const rsa = (await send(R, 'CreateKey', { KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' })).KeyMetadata;
    assert.match((await failure(send(R, 'Sign', { KeyId: rsa.KeyId, Message: msg, SigningAlgorithm: 'RSASSA_PSS_SHA_256' }))).message, /^Sign is not implemented: this KMS implements the HMAC operations/);
    assert.match((await failure(send(R, 'GetPublicKey', { KeyId: rsa.KeyId }))).message, /^GetPublicKey is not implemented/);
    assert.equal((await send(R, 'ListKeyRotations', { KeyId: sym.KeyId })).Rotations, []);
  });

  test(`${way}: CurrentKeyMaterialId on symmetric encryption keys only; SM2 only in China Regions`, async () => {
    const sym = await send(R, 'CreateKey', { KeySpec: 'SYMMETRIC_DEFAULT' });
    const id = sym.KeyMetadata.CurrentKeyMaterialId;
    assert.match(id, /^[a-f0-9]{64}$/);
    assert.is((await send(R, 'DescribeKey', { KeyId: sym.KeyMetadata.KeyId })).KeyMetadata.CurrentKeyMaterialId, id);
    assert.is.not((await send(R, 'CreateKey', {})).KeyMetadata.CurrentKeyMaterialId, id);
    const hmac = (await send(R, 'CreateKey', HMAC)).KeyMetadata;
    assert.is(hmac.CurrentKeyMaterialId, undefined);
    assert.is((await send(R, 'DescribeKey', { KeyId: hmac.KeyId })).KeyMetadata.CurrentKeyMaterialId, undefined);

    const sm2 = await failure(send(R, 'CreateKey', { KeySpec: 'SM2', KeyUsage: 'SIGN_VERIFY' }));
    assert.is(sm2.name, 'ValidationException');
    assert.match(sm2.message, /^1 validation error detected: Value 'SM2' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: \[RSA_2048, ECC_NIST_P384, ECC_NIST_P256, ECC_NIST_P521, HMAC_384, RSA_3072, ECC_SECG_P256K1, RSA_4096, SYMMETRIC_DEFAULT, HMAC_256, HMAC_224, HMAC_512, ECC_NIST_EDWARDS25519/);
    assert.not.match(sm2.message, /SM2,|SM2\]/);
    const bad = await failure(send('cn-north-1', 'CreateKey', { KeySpec: 'NOPE', KeyUsage: 'SIGN_VERIFY' }));
    assert.match(bad.message, /HMAC_512, SM2, ECC_NIST_EDWARDS25519/);
    const cn = (await send('cn-north-1', 'CreateKey', { KeySpec: 'SM2', KeyUsage: 'SIGN_VERIFY' })).KeyMetadata;
    assert.is(cn.KeySpec, 'SM2');
    assert.match(cn.Arn, /^arn:aws-cn:kms:cn-north-1:111122223333:key\//);
  });
}

test.run();
