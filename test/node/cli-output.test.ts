/**
 * `--query` and `--output json|text|table` of the CLI (src/node/cli-output.ts):
 * every case is checked against the AWS CLI's own formatters
 * (`awscli.formatter`, through test/node/awscli-format.py) when the AWS CLI's
 * Python package is installed (`.ci/run` installs it; without it those checks
 * are skipped, saying so), and a few fixed expectations always.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { applyQuery, QueryError, renderOutput } from '../../src/node/cli-output.js';

const ARN = 'arn:aws:kms:us-east-1:111122223333:key/0b0f1f5e-7a39-4c52-9f8e-3d0c2a1b4e6f';
/** [operation, response, --query]: what the CLI formats. */
const CASES: [string, Record<string, unknown>, string?][] = [
  ['GenerateMac', { Mac: 'SWgggc4CgAle8JGG8XOHRQE/yzVt/4SG5l8pgV0Jhs0=', MacAlgorithm: 'HMAC_SHA_256', KeyId: ARN }],
  ['GenerateMac', { Mac: 'AbC=', MacAlgorithm: 'HMAC_SHA_256', KeyId: 'arn:k' }],
  ['GenerateMac', { Mac: 'AbC=', MacAlgorithm: 'HMAC_SHA_256', KeyId: ARN }, 'Mac'],
  ['GenerateMac', { Mac: 'AbC=', MacAlgorithm: 'HMAC_SHA_256', KeyId: ARN }, '[KeyId, Mac]'],
  ['VerifyMac', { KeyId: ARN, MacValid: true, MacAlgorithm: 'HMAC_SHA_384' }],
  ['VerifyMac', { KeyId: ARN, MacValid: true, MacAlgorithm: 'HMAC_SHA_384' }, 'MacValid'],
  ['ListKeys', { Keys: [{ KeyId: 'a', KeyArn: 'arn:a' }, { KeyId: 'b', KeyArn: 'arn:b' }], Truncated: false }],
  ['ListKeys', { Keys: [{ KeyId: '0b0f1f5e-7a39-4c52-9f8e-3d0c2a1b4e6f', KeyArn: ARN }], Truncated: true, NextMarker: 'bWFya2Vy' }],
  ['ListKeys', { Keys: [{ KeyId: 'a', KeyArn: 'arn:a' }, { KeyId: 'b', KeyArn: 'arn:b' }] }, 'Keys[].KeyId'],
  ['ListKeys', { Keys: [{ KeyId: 'a', KeyArn: 'arn:a' }, { KeyId: 'b', KeyArn: 'arn:b' }] }, "Keys[?KeyId=='b'] | [0]"],
  ['ListKeys', { Keys: [] }],
  ['DescribeKey', { KeyMetadata: { KeyId: 'k', Arn: ARN, Enabled: true, MacAlgorithms: ['HMAC_SHA_384', 'HMAC_SHA_512'], CreationDate: '2026-01-01T00:00:00+00:00', Description: '', KeySpec: 'HMAC_384' } }],
  ['DescribeKey', { KeyMetadata: { KeyId: 'k', Enabled: false, MacAlgorithms: ['HMAC_SHA_384'] } }, 'KeyMetadata.[KeyId, Enabled]'],
  ['ListAliases', { Aliases: [{ AliasName: 'alias/a', AliasArn: 'arn:aws:kms:us-east-1:111122223333:alias/a', TargetKeyId: 'k' }, { AliasName: 'alias/aws/s3', AliasArn: 'arn:x' }] }],
  ['ListResourceTags', { Tags: [{ TagKey: 'env', TagValue: 'ci' }, { TagKey: 'team', TagValue: 'x' }], Truncated: false }],
  ['ListGrants', { Grants: [{ GrantId: 'g', Operations: ['GenerateMac', 'VerifyMac'], Constraints: { EncryptionContextEquals: { a: 'b' } }, Name: 'n' }] }],
  ['GetParametersForImport', { KeyId: ARN, PublicKey: 'MIIB', ImportToken: 'AQID', ParametersValidTo: '2026-01-02T00:00:00+00:00' }, '[PublicKey, ImportToken]'],
  ['Query', { a: [['a', 'b'], ['c', 'd']] }, 'a'],
  ['Query', { a: [{ x: 1, y: null }, { x: 2, z: true }] }, 'a'],
  ['Query', { a: 42, b: null }, 'a'],
  ['Query', { a: 42, b: null }, 'b'],
];

const script = fileURLToPath(new URL('awscli-format.py', import.meta.url));
const hasAwsCli = spawnSync('python3', ['-c', 'import awscli.formatter'], { stdio: 'ignore' }).status === 0;

/** What the AWS CLI prints for each [kind, case], in one python3 run. */
function awsFormat(runs: ['text' | 'table', string, unknown, string | undefined][]): string[] {
  const res = spawnSync('python3', [script], { input: JSON.stringify(runs.map(([k, t, v, q]) => [k, t, v, q ?? null])), encoding: 'utf8' });
  if (res.status !== 0) throw new Error(res.stderr);
  return (JSON.parse(res.stdout) as string[]).map((s) => s.replace(/\n$/, ''));
}

if (hasAwsCli) {
  test('text and table, with and without --query: the same bytes as the AWS CLI\'s own formatters and JMESPath', async () => {
    const runs = CASES.flatMap(([title, value, query]) => (['text', 'table'] as const).map((kind) => [kind, title, value, query] as ['text' | 'table', string, unknown, string | undefined]));
    const want = awsFormat(runs);
    for (let i = 0; i < runs.length; i++) {
      const [output, operation, value, query] = runs[i]!;
      const got = await renderOutput(value, { operation, query, output, terminalWidth: 80 });
      assert.fixture(got, want[i]!, `--output ${output}${query === undefined ? '' : ` --query '${query}'`} of ${operation} ${JSON.stringify(value)}`);
    }
  });
} else {
  console.log('SKIPPED: the AWS CLI comparison did not run: python3 cannot import awscli. `sudo apt-get install -y awscli` (.ci/run does), then rerun.');
  test.skip('text and table, with and without --query: the same bytes as the AWS CLI\'s own formatters and JMESPath', () => {});
}

test('--query Mac --output text prints the bare value; json is indented by 4 like the AWS CLI', async () => {
  const out = { Mac: 'AbC=', MacAlgorithm: 'HMAC_SHA_256', KeyId: ARN };
  assert.is(await renderOutput(out, { operation: 'GenerateMac', query: 'Mac', output: 'text' }), 'AbC=');
  assert.is(await renderOutput(out, { operation: 'GenerateMac', query: '[KeyId, Mac]', output: 'text' }), `${ARN}\tAbC=`);
  assert.is(await renderOutput(out, { operation: 'GenerateMac', query: 'Mac' }), '"AbC="');
  assert.is(await renderOutput(out, { operation: 'GenerateMac' }), JSON.stringify(out, null, 4));
  assert.is(await renderOutput({}, { operation: 'EnableKey' }), '', 'no output for an operation without output');
  assert.is(await renderOutput(out, { operation: 'GenerateMac', query: 'Missing', output: 'text' }), 'None');
});

test('JMESPath: projections, filters and functions from the maintained implementation', async () => {
  const keys = { Keys: [{ KeyId: 'a' }, { KeyId: 'b' }, { KeyId: 'c' }] };
  assert.equal(await applyQuery(keys, 'Keys[].KeyId'), ['a', 'b', 'c']);
  assert.equal(await applyQuery(keys, "Keys[?KeyId=='b'] | [0].KeyId"), 'b');
  assert.equal(await applyQuery(keys, 'length(Keys)'), 3);
});

test('a --query that is not JMESPath is a QueryError naming the expression', async () => {
  const typeError = await applyQuery({}, 'length(Keys)').catch((e: unknown) => e);
  assert.instance(typeError, QueryError, 'a function given the wrong type at run time');
  for (const q of ['Keys[', '[?', 'a.']) {
    try {
      await applyQuery({}, q);
      assert.unreachable(q);
    } catch (err) {
      assert.instance(err, QueryError);
      assert.ok((err as Error).message.includes(q), (err as Error).message);
    }
  }
});

test.run();
