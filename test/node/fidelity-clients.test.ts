/**
 * boto3 (python3) and the AWS CLI (`aws`) drive the regions, multi-Region
 * keys and the operations tools call on an HMAC key through one endpoint.
 * boto3 runs one script (one process) with every check; the CLI makes a few
 * calls, each a process, so only the ones whose CLI handling differs (blob
 * files, `--output text`, error lines) are run through it. The same answers
 * through `@aws-sdk/client-kms` and the in-process client are in
 * `multi-region.test.ts` and `hmac-key-ops.test.ts`.
 *
 * A missing boto3 or `aws` fails its test, saying how to install it.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryKeyStore } from '../../src/kms/key-store.js';
import { startServer, type KmsServer } from '../../src/node/index.js';
import { tempDir } from './helpers.js';

const t = tempDir('wasmac-fidelity-');
let server: KmsServer;
const MATERIAL = Uint8Array.from({ length: 48 }, (_, i) => (i * 11) & 0xff);
const MRK = 'mrk-0123456789abcdef0123456789abcdef';

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { env, encoding: 'utf8', timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : 1, stdout, stderr });
    });
  });
}

const env = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: t.dir,
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_CONFIG_FILE: join(t.dir, 'none'),
  AWS_SHARED_CREDENTIALS_FILE: join(t.dir, 'none'),
  AWS_PAGER: '',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_MAX_ATTEMPTS: '1',
  ENDPOINT: server.url,
});

test.before(async () => {
  // A seeded multi-Region primary with known material, for the CLI's checks.
  server = await startServer({
    port: 0,
    keyStore: new MemoryKeyStore(),
    seed: { keys: [{ KeyId: MRK, KeySpec: 'HMAC_384', MaterialHex: Buffer.from(MATERIAL).toString('hex') }] },
  });
});

test.after(async () => {
  await server.close();
  t.cleanup();
});

const BOTO3 = String.raw`
import base64, json, os, boto3, botocore
ep = os.environ['ENDPOINT']
kms = {r: boto3.client('kms', endpoint_url=ep, region_name=r) for r in ['us-east-1', 'eu-west-1', 'ap-northeast-1', 'cn-north-1']}
out = {}
def err(fn, **kw):
    try:
        fn(**kw)
        return None
    except botocore.exceptions.ClientError as e:
        return [e.response['Error']['Code'], e.response['Error'].get('Message', '')]
# Keys in three regions.
out['arns'] = [kms[r].create_key(KeySpec='HMAC_256', KeyUsage='GENERATE_VERIFY_MAC')['KeyMetadata']['Arn'] for r in ['us-east-1', 'eu-west-1', 'ap-northeast-1']]
out['cn'] = kms['cn-north-1'].create_key(KeySpec='HMAC_256', KeyUsage='GENERATE_VERIFY_MAC')['KeyMetadata']['Arn']
# A multi-Region key replicated to two regions.
k = kms['us-east-1'].create_key(KeySpec='HMAC_512', KeyUsage='GENERATE_VERIFY_MAC', MultiRegion=True)['KeyMetadata']['KeyId']
out['mrk'] = k
rep = kms['us-east-1'].replicate_key(KeyId=k, ReplicaRegion='eu-west-1', Description='eu')
out['replica'] = {x: rep['ReplicaKeyMetadata'][x] for x in ['Arn', 'KeyState', 'Enabled', 'MultiRegionConfiguration']}
out['replicaPolicy'] = json.loads(rep['ReplicaPolicy'])
kms['us-east-1'].replicate_key(KeyId=k, ReplicaRegion='ap-northeast-1')
macs = {r: kms[r].generate_mac(KeyId=k, Message=b'Hello World', MacAlgorithm='HMAC_SHA_512')['Mac'] for r in ['us-east-1', 'eu-west-1', 'ap-northeast-1']}
out['macsEqual'] = len(set(macs.values())) == 1
out['crossVerify'] = kms['ap-northeast-1'].verify_mac(KeyId=k, Message=b'Hello World', MacAlgorithm='HMAC_SHA_512', Mac=macs['eu-west-1'])['MacValid']
out['primaryReplicas'] = [x['Region'] for x in kms['us-east-1'].describe_key(KeyId=k)['KeyMetadata']['MultiRegionConfiguration']['ReplicaKeys']]
out['replicateAgain'] = err(kms['us-east-1'].replicate_key, KeyId=k, ReplicaRegion='eu-west-1')
out['replicateReplica'] = err(kms['eu-west-1'].replicate_key, KeyId=k, ReplicaRegion='us-west-2')
kms['us-east-1'].update_primary_region(KeyId=k, PrimaryRegion='ap-northeast-1')
out['afterUpdate'] = [kms[r].describe_key(KeyId=k)['KeyMetadata']['MultiRegionConfiguration']['MultiRegionKeyType'] for r in ['us-east-1', 'eu-west-1', 'ap-northeast-1']]
s = kms['eu-west-1'].schedule_key_deletion(KeyId=k, PendingWindowInDays=7)
out['replicaScheduled'] = s['KeyState']
p = kms['ap-northeast-1'].schedule_key_deletion(KeyId=k, PendingWindowInDays=7)
out['primaryScheduled'] = [p['KeyState'], 'DeletionDate' in p]
# Policies, description, rotation, non-MAC operations on an HMAC key.
h = kms['us-east-1'].create_key(KeySpec='HMAC_256', KeyUsage='GENERATE_VERIFY_MAC', Description='d')['KeyMetadata']
out['policy'] = kms['us-east-1'].get_key_policy(KeyId=h['KeyId'])['Policy']
kms['us-east-1'].put_key_policy(KeyId=h['KeyId'], PolicyName='default', Policy=json.dumps({'Version': '2012-10-17', 'Statement': []}))
out['policyAfterPut'] = json.loads(kms['us-east-1'].get_key_policy(KeyId=h['KeyId'], PolicyName='default')['Policy'])
out['policyNames'] = kms['us-east-1'].list_key_policies(KeyId=h['KeyId'])['PolicyNames']
out['badPolicy'] = err(kms['us-east-1'].put_key_policy, KeyId=h['KeyId'], PolicyName='default', Policy='not a real policy statement')
kms['us-east-1'].update_key_description(KeyId=h['KeyId'], Description='new')
out['description'] = kms['us-east-1'].describe_key(KeyId=h['KeyId'])['KeyMetadata']['Description']
out['rotation'] = kms['us-east-1'].get_key_rotation_status(KeyId=h['KeyId'])['KeyRotationEnabled']
out['enableRotation'] = err(kms['us-east-1'].enable_key_rotation, KeyId=h['KeyId'])
out['rotateOnDemand'] = err(kms['us-east-1'].rotate_key_on_demand, KeyId=h['KeyId'])
out['listRotations'] = err(kms['us-east-1'].list_key_rotations, KeyId=h['KeyId'], IncludeKeyMaterial='ALL_KEY_MATERIAL')
out['sign'] = err(kms['us-east-1'].sign, KeyId=h['KeyId'], Message=b'x', SigningAlgorithm='RSASSA_PSS_SHA_256')
out['decrypt'] = err(kms['us-east-1'].decrypt, KeyId=h['KeyId'], CiphertextBlob=b'x' * 32)
out['encrypt'] = err(kms['us-east-1'].encrypt, KeyId=h['KeyId'], Plaintext=b'x')
out['gdk'] = err(kms['us-east-1'].generate_data_key, KeyId=h['KeyId'], KeySpec='AES_256')
out['publicKey'] = err(kms['us-east-1'].get_public_key, KeyId=h['KeyId'])
sym = kms['us-east-1'].create_key()['KeyMetadata']
out['symMaterialId'] = sym.get('CurrentKeyMaterialId')
out['hmacMaterialId'] = h.get('CurrentKeyMaterialId')
out['symEncrypt'] = err(kms['us-east-1'].encrypt, KeyId=sym['KeyId'], Plaintext=b'x')
out['sm2'] = err(kms['us-east-1'].create_key, KeySpec='SM2', KeyUsage='SIGN_VERIFY')
out['sm2cn'] = kms['cn-north-1'].create_key(KeySpec='SM2', KeyUsage='SIGN_VERIFY')['KeyMetadata']['KeySpec']
print(json.dumps(out, default=str))
`;

test('boto3 (python3): regions, a multi-Region key, policies, rotation and non-MAC operations on HMAC keys', async () => {
  const probe = spawnSync('python3', ['-c', 'import boto3'], { encoding: 'utf8' });
  if (probe.status !== 0) assert.unreachable('boto3 is not importable by python3: install it (sudo apt-get install -y python3-boto3, or pip install boto3); .ci/run does this as root');
  const path = join(t.dir, 'fidelity.py');
  writeFileSync(path, BOTO3);
  const r = await run('python3', [path], env());
  assert.is(r.code, 0, r.stderr);
  const o = JSON.parse(r.stdout);
  assert.equal(
    o.arns.map((a: string) => a.split(':')[3]),
    ['us-east-1', 'eu-west-1', 'ap-northeast-1'],
  );
  assert.match(o.cn, /^arn:aws-cn:kms:cn-north-1:111122223333:key\//);
  assert.equal(o.replica.KeyState, 'Creating');
  assert.equal(o.replica.Enabled, false);
  assert.is(o.replica.Arn, `arn:aws:kms:eu-west-1:111122223333:key/${o.mrk}`);
  assert.is(o.replica.MultiRegionConfiguration.MultiRegionKeyType, 'REPLICA');
  assert.is(o.replicaPolicy.Statement[0].Principal.AWS, 'arn:aws:iam::111122223333:root');
  assert.is(o.macsEqual, true);
  assert.is(o.crossVerify, true);
  assert.equal(o.primaryReplicas, ['eu-west-1', 'ap-northeast-1']);
  assert.is(o.replicateAgain[0], 'AlreadyExistsException');
  assert.equal(o.replicateReplica, ['UnsupportedOperationException', `arn:aws:kms:eu-west-1:111122223333:key/${o.mrk} is not a multi-region primary key.`]);
  assert.equal(o.afterUpdate, ['REPLICA', 'REPLICA', 'PRIMARY']);
  assert.is(o.replicaScheduled, 'PendingDeletion');
  assert.equal(o.primaryScheduled, ['PendingReplicaDeletion', false]);
  assert.match(o.policy, /^\{\n  "Version" : "2012-10-17",\n  "Id" : "key-default-1",/);
  assert.equal(o.policyAfterPut, { Version: '2012-10-17', Statement: [] });
  assert.equal(o.policyNames, ['default']);
  assert.equal(o.badPolicy, ['MalformedPolicyDocumentException', '']);
  assert.is(o.description, 'new');
  assert.is(o.rotation, false);
  assert.equal(o.enableRotation, ['UnsupportedOperationException', '']);
  assert.equal(o.rotateOnDemand, ['UnsupportedOperationException', '']);
  assert.equal(o.listRotations, ['ValidationException', 'Input parameter includeKeyMaterial can only be used with symmetric keys.']);
  assert.match(o.sign[1], /key usage is GENERATE_VERIFY_MAC which is not valid for Sign\.$/);
  assert.equal(o.sign[0], 'InvalidKeyUsageException');
  assert.equal(o.decrypt, ['IncorrectKeyException', 'The key ID in the request does not identify a CMK that can perform this operation.']);
  assert.match(o.encrypt[1], /which is not valid for Encrypt\.$/);
  assert.match(o.gdk[1], /which is not valid for GenerateDataKey\.$/);
  assert.is(o.publicKey[0], 'UnsupportedOperationException');
  assert.match(o.symMaterialId, /^[0-9a-f]{64}$/);
  assert.is(o.hmacMaterialId, null);
  assert.equal(o.symEncrypt[0], 'UnsupportedOperationException');
  assert.match(o.symEncrypt[1], /^Encrypt is not implemented: this KMS implements the HMAC operations/);
  assert.is(o.sm2[0], 'ValidationException');
  assert.is(o.sm2cn, 'SM2');
});

test('AWS CLI: replicate-key, generate-mac in the replica region, verify-mac in the primary, get-key-policy, and AWS\'s error lines', async () => {
  const probe = spawnSync('aws', ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) assert.unreachable('`aws` is not on PATH: install the AWS CLI (sudo apt-get install -y awscli); .ci/run does this as root');
  const aws = (region: string, args: string[]) => run('aws', ['kms', ...args, '--endpoint-url', server.url, '--region', region, '--output', 'json'], env());
  const msg = join(t.dir, 'msg');
  writeFileSync(msg, 'Hello World');
  const rep = await aws('us-east-1', ['replicate-key', '--key-id', MRK, '--replica-region', 'eu-west-1', '--description', 'eu replica']);
  assert.is(rep.code, 0, rep.stderr);
  assert.is(JSON.parse(rep.stdout).ReplicaKeyMetadata.Arn, `arn:aws:kms:eu-west-1:111122223333:key/${MRK}`);
  const [mac, policy, sign, rotations] = await Promise.all([
    aws('eu-west-1', ['generate-mac', '--key-id', MRK, '--mac-algorithm', 'HMAC_SHA_384', '--message', `fileb://${msg}`]),
    run('aws', ['kms', 'get-key-policy', '--key-id', MRK, '--endpoint-url', server.url, '--region', 'eu-west-1', '--query', 'Policy', '--output', 'text'], env()),
    aws('us-east-1', ['sign', '--key-id', MRK, '--message', `fileb://${msg}`, '--signing-algorithm', 'RSASSA_PSS_SHA_256']),
    aws('us-east-1', ['list-key-rotations', '--key-id', MRK, '--include-key-material', 'ALL_KEY_MATERIAL']),
  ]);
  assert.is(mac.code, 0, mac.stderr);
  const m = JSON.parse(mac.stdout);
  assert.is(m.Mac, createHmac('sha384', MATERIAL).update('Hello World').digest('base64'));
  assert.is(m.KeyId, `arn:aws:kms:eu-west-1:111122223333:key/${MRK}`);
  const macFile = join(t.dir, 'mac');
  writeFileSync(macFile, Buffer.from(m.Mac, 'base64'));
  const verify = await aws('us-east-1', ['verify-mac', '--key-id', MRK, '--mac-algorithm', 'HMAC_SHA_384', '--message', `fileb://${msg}`, '--mac', `fileb://${macFile}`]);
  assert.is(verify.code, 0, verify.stderr);
  assert.is(JSON.parse(verify.stdout).MacValid, true);
  assert.is(policy.code, 0, policy.stderr);
  assert.is(policy.stdout.trim(), `{
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
}`);
  assert.ok(sign.code === 254 || sign.code === 255, String(sign.code)); // v2: 254, v1: 255
  assert.match(sign.stderr, new RegExp(`An error occurred \\(InvalidKeyUsageException\\) when calling the Sign operation: arn:aws:kms:us-east-1:111122223333:key/${MRK} key usage is GENERATE_VERIFY_MAC which is not valid for Sign\\.`));
  assert.ok(rotations.code !== 0);
  assert.match(rotations.stderr, /\(ValidationException\) when calling the ListKeyRotations operation: Input parameter includeKeyMaterial can only be used with symmetric keys\./);
});

test.run();
