/**
 * `wasmac get-parameters-for-import` / `import-key-material` on a data
 * directory, the way the AWS guide does it with the AWS CLI and OpenSSL: the
 * public key and token saved from the JSON output, the material wrapped with
 * RSA-OAEP SHA-256 (node:crypto here, as `openssl pkeyutl` would) and passed
 * back as fileb:// files.
 */
import { constants, createHmac, createPublicKey, publicEncrypt, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXIT } from '../../src/node/index.js';
import { runWasmac as wasmac, tempDir } from './helpers.js';


test('create-key --origin EXTERNAL, get-parameters-for-import, wrap, import-key-material (fileb://), generate-mac = node:crypto', async () => {
  const t = tempDir();
  try {
    const d = ['--data-dir', t.dir];
    const created = await wasmac(['create-key', '--key-spec', 'HMAC_256', '--key-usage', 'GENERATE_VERIFY_MAC', '--origin', 'EXTERNAL', ...d]);
    assert.is(created.code, EXIT.ok, created.err);
    assert.is(created.json.KeyMetadata.KeyState, 'PendingImport');
    const keyId = created.json.KeyMetadata.KeyId as string;

    const params = await wasmac(['get-parameters-for-import', '--key-id', keyId, '--wrapping-algorithm', 'RSAES_OAEP_SHA_256', '--wrapping-key-spec', 'RSA_2048', ...d]);
    assert.is(params.code, EXIT.ok, params.err);
    assert.match(params.json.ParametersValidTo, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
    const publicKey = Buffer.from(params.json.PublicKey, 'base64');
    writeFileSync(join(t.dir, 'token.bin'), Buffer.from(params.json.ImportToken, 'base64'));

    const material = randomBytes(32);
    const key = createPublicKey({ key: publicKey, format: 'der', type: 'spki' });
    writeFileSync(join(t.dir, 'wrapped.bin'), publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, material));

    const missing = await wasmac(['import-key-material', '--key-id', keyId, ...d]);
    assert.is(missing.code, EXIT.usage);
    assert.match(missing.err, /--import-token, --encrypted-key-material/);

    const noValidTo = await wasmac(['import-key-material', '--key-id', keyId, '--import-token', `fileb://${join(t.dir, 'token.bin')}`, '--encrypted-key-material', `fileb://${join(t.dir, 'wrapped.bin')}`, ...d]);
    assert.is(noValidTo.code, EXIT.service);
    assert.match(noValidTo.err, /An error occurred \(ValidationException\) when calling the ImportKeyMaterial operation: A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES/);

    const validTo = new Date(Date.now() + 7 * 24 * 3600 * 1000);
    const imported = await wasmac([
      'import-key-material',
      '--key-id',
      keyId,
      '--import-token',
      `fileb://${join(t.dir, 'token.bin')}`,
      '--encrypted-key-material',
      `fileb://${join(t.dir, 'wrapped.bin')}`,
      '--valid-to',
      validTo.toISOString(),
      ...d,
    ]);
    assert.is(imported.code, EXIT.ok, imported.err);
    assert.is(imported.json.KeyId, `arn:aws:kms:us-east-1:111122223333:key/${keyId}`);

    const described = await wasmac(['describe-key', '--key-id', keyId, ...d]);
    assert.is(described.json.KeyMetadata.KeyState, 'Enabled');
    assert.is(described.json.KeyMetadata.ExpirationModel, 'KEY_MATERIAL_EXPIRES');
    assert.is(Date.parse(described.json.KeyMetadata.ValidTo), validTo.getTime());

    const mac = await wasmac(['generate-mac', '--key-id', keyId, '--message', 'Hello World', '--mac-algorithm', 'HMAC_SHA_256', ...d]);
    assert.is(mac.code, EXIT.ok, mac.err);
    assert.is(mac.json.Mac, createHmac('sha256', material).update('Hello World').digest('base64'));

    const badToken = await wasmac(['import-key-material', '--key-id', keyId, '--import-token', randomBytes(33).toString('base64'), '--encrypted-key-material', `fileb://${join(t.dir, 'wrapped.bin')}`, '--expiration-model', 'KEY_MATERIAL_DOES_NOT_EXPIRE', ...d]);
    assert.is(badToken.code, EXIT.service);
    assert.match(badToken.err, /An error occurred \(InvalidImportTokenException\) when calling the ImportKeyMaterial operation: Invalid import token\./);
    for (const secret of [material.toString('base64'), material.toString('hex')]) {
      assert.not.ok(`${badToken.out}${badToken.err}${imported.out}${imported.err}`.includes(secret), 'no material in the output');
    }
  } finally {
    t.cleanup();
  }
});

test('--help lists both commands and their options', async () => {
  const all = await wasmac(['--help']);
  assert.match(all.out, /\n {2}get-parameters-for-import Gets a wrapping public key/);
  assert.match(all.out, /\n {2}import-key-material {5}Imports wrapped HMAC material/);
  const help = await wasmac(['import-key-material', '--help']);
  assert.is(help.code, EXIT.ok);
  for (const option of ['--key-id', '--import-token', '--encrypted-key-material', '--expiration-model', '--valid-to']) assert.ok(help.out.includes(option), option);
  assert.match(help.out, /--encrypted-key-material <value> \(required\)/);
});

test.run();
