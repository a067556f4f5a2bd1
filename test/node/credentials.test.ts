/**
 * Credentials files (`--credentials`): both forms decided by parsing, every
 * profile of an AWS CLI credentials file, and errors that name the file, the
 * line and what was expected without ever showing any part of a secret.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCredentials, parseCredentials } from '../../src/node/config.js';
import { ConfigError } from '../../src/node/errors.js';
import { tempDir } from './helpers.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

function refused(text: string, message: RegExp): string {
  try {
    parseCredentials(text, '/home/u/.aws/credentials');
  } catch (err) {
    assert.instance(err, ConfigError);
    const m = (err as Error).message;
    assert.match(m, message);
    assert.match(m, /^\/home\/u\/\.aws\/credentials/, 'names the file');
    // No part of the secret: not even its first few characters.
    for (let i = 0; i + 4 <= SECRET.length; i++) assert.not.ok(m.includes(SECRET.slice(i, i + 4)), `message shows "${SECRET.slice(i, i + 4)}": ${m}`);
    return m;
  }
  assert.unreachable('expected a ConfigError');
  return '';
}

test('an AWS CLI credentials file starting with [default] is read, every profile of it', () => {
  const text = [
    '# ~/.aws/credentials',
    '[default]',
    'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
    `aws_secret_access_key = ${SECRET}`,
    '',
    '[ci]',
    'AWS_ACCESS_KEY_ID=AKIDCI',
    'aws_secret_access_key=ci-secret',
    'aws_account_id = 444455556666',
    '; a profile with no keys (assumes a role) is not an error',
    '[deploy]',
    'role_arn = arn:aws:iam::123456789012:role/deploy',
    'source_profile = default',
    '[other]',
    'aws_access_key_id: AKIDCOLON',
    'aws_secret_access_key: colon-secret',
    'aws_session_token = abc',
    's3 =',
    '  max_concurrent_requests = 10',
  ].join('\r\n');
  assert.equal(parseCredentials(text), [
    { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET },
    { accessKeyId: 'AKIDCI', secretAccessKey: 'ci-secret', accountId: '444455556666' },
    { accessKeyId: 'AKIDCOLON', secretAccessKey: 'colon-secret' },
  ]);
});

test('JSON: the object form and the bare array; the same key in two INI profiles is one credential', () => {
  const creds = [{ accessKeyId: 'AKIDA', secretAccessKey: 's-a' }, { accessKeyId: 'AKIDB', secretAccessKey: 's-b', accountId: '444455556666' }];
  assert.equal(parseCredentials(JSON.stringify({ credentials: creds })), creds);
  assert.equal(parseCredentials(`\uFEFF  ${JSON.stringify(creds)}\n`), creds);
  const twice = '[default]\naws_access_key_id=AKIDA\naws_secret_access_key=s-a\n[copy]\naws_access_key_id=AKIDA\naws_secret_access_key=s-a\n';
  assert.equal(parseCredentials(twice), [{ accessKeyId: 'AKIDA', secretAccessKey: 's-a' }]);
});

test('a setting before any [section] names the line, never the secret', () => {
  const m = refused(`aws_secret_access_key=${SECRET}\n[default]\n`, /line 1: a setting before the first \[profile\] header/);
  assert.not.match(m, /aws_secret_access_key=/);
  refused(`[default]\naws_access_key_id=AKIDA\n${SECRET}\n`, /line 3: expected a \[profile\] header, "name = value" or a comment/);
  refused(`[default]\naws_access_key_id=AKIDA\naws_secret_access_key=${SECRET}\n  ${SECRET}\n`, /line 4: an indented line continues the value/);
});

test('incomplete profiles, bad values and conflicting duplicates are refused by profile and line', () => {
  refused(`[a]\naws_secret_access_key=${SECRET}\n`, /profile \[a\] \(line 1\): aws_secret_access_key without aws_access_key_id/);
  refused('[a]\naws_access_key_id=AKIDA\n', /profile \[a\] \(line 1\): aws_access_key_id without aws_secret_access_key/);
  refused(`[x]\n[b]\naws_access_key_id=bad id!\naws_secret_access_key=${SECRET}\n`, /profile \[b\] \(line 2\): accessKeyId must be/);
  refused(`[b]\naws_access_key_id=AKIDB\naws_secret_access_key=${SECRET}\naws_account_id=12\n`, /profile \[b\] \(line 1\): accountId must be 12 digits/);
  refused(
    `[a]\naws_access_key_id=AKIDA\naws_secret_access_key=${SECRET}\n[b]\naws_access_key_id=AKIDA\naws_secret_access_key=other\n`,
    /profile \[b\] \(line 4\): access key AKIDA appears again with another secret or account \(first in .*profile \[a\]/,
  );
  refused('[region-only]\nregion = eu-west-1\n', /no credentials in it/);
  refused('', /no credentials in it/);
});

test('bad JSON is refused without JSON.parse quoting the text', () => {
  refused(`{"credentials": [{"accessKeyId": "AKIDA", "secretAccessKey": "${SECRET}",}]}`, /not valid JSON; expected \{"credentials"/);
  refused(`{"credentials": [{"accessKeyId": "AKIDA", "secretAccessKey": "${SECRET}"`, /not valid JSON/);
  refused(`{"credentials": "${SECRET}"}`, /expected \{"credentials": \[\.\.\.\]\}/);
  refused(`[{"accessKeyId": "AKIDA"}]`, /entry 1: secretAccessKey must be a non-empty string/);
  refused(`["${SECRET}"]`, /entry 1: expected \{"accessKeyId"/);
  // Inherited members are not members: a credential object must carry its own.
  refused('[{"accessKeyId": "AKIDA", "__proto__": {"secretAccessKey": "x"}}]', /entry 1: secretAccessKey must be a non-empty string/);
});

test('loadCredentials reads the file named by --credentials and adds WASMAC_ACCESS_KEY_ID', () => {
  const t = tempDir();
  try {
    const path = join(t.dir, 'credentials');
    writeFileSync(path, `[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = ${SECRET}\n`);
    assert.equal(loadCredentials(path, { WASMAC_ACCESS_KEY_ID: 'AKIDENV', WASMAC_SECRET_ACCESS_KEY: 'env-secret' }), [
      { accessKeyId: 'AKIDFILE', secretAccessKey: SECRET },
      { accessKeyId: 'AKIDENV', secretAccessKey: 'env-secret' },
    ]);
    writeFileSync(path, `aws_secret_access_key = ${SECRET}\n`);
    try {
      loadCredentials(path, {});
      assert.unreachable('expected a ConfigError');
    } catch (err) {
      assert.match((err as Error).message, new RegExp(`^${path}, line 1: `));
      assert.not.match((err as Error).message, /wJal/);
    }
  } finally {
    t.cleanup();
  }
});

test.run();
