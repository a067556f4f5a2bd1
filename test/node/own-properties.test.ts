/**
 * Every enum and table lookup that can see outside input reads own properties
 * only: names of Object.prototype members ("constructor", "__proto__",
 * "toString", ...) are values like any other unknown one, never a hit.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryKeyStore, type StoredKey } from '../../src/kms/key-store.js';
import { checkOperations } from '../../src/kms/grants.js';
import { invalidState } from '../../src/kms/service.js';
import { ValidationException } from '../../src/kms/errors.js';
import { loadSeed } from '../../src/node/config.js';
import { ConfigError } from '../../src/node/errors.js';
import { startServer } from '../../src/node/index.js';
import { validateSeed } from '../../src/kms/seed.js';
import { rawRequest, rejection, signedRequest, tempDir } from './helpers.js';

const PROTO_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];

test('seed: a KeySpec naming an Object.prototype member is refused, naming the field', () => {
  for (const name of PROTO_NAMES) {
    assert.throws(
      () => validateSeed({ keys: [{ KeySpec: name }] }),
      (err: Error) => err instanceof ConfigError && /^seed keys\[0\]: KeySpec must be one of HMAC_224/.test(err.message),
      name,
    );
  }
  // Through JSON, as a seed file arrives: "__proto__" is then an own member.
  const parsed = JSON.parse('{"keys": [{"KeySpec": "HMAC_256", "__proto__": {"MaterialHex": "00"}}]}');
  assert.throws(() => validateSeed(parsed), /keys\[0\]: unknown member "__proto__"/);
});

test('seed: unknown members are refused by name, not ignored', () => {
  assert.throws(() => validateSeed({ keys: [{ KeySpec: 'HMAC_256', Materialhex: '00' }] }), /keys\[0\]: unknown member "Materialhex"/);
  assert.throws(() => validateSeed({ key: [] }), /seed file: unknown member "key"/);
  assert.throws(() => validateSeed({ aliases: ['alias/x'] }), /aliases\[0\]: must be an object/);
});

test('seed file with KeySpec "constructor": wasmac serve does not start, the file and field named', async () => {
  const t = tempDir();
  try {
    const path = join(t.dir, 'seed.json');
    writeFileSync(path, JSON.stringify({ keys: [{ KeySpec: 'constructor', MaterialHex: '00' }] }));
    assert.throws(() => loadSeed(path), (err: Error) => err.message.startsWith(`${path}: seed keys[0]: KeySpec must be one of`));
    const store = new MemoryKeyStore();
    const err = await rejection(startServer({ port: 0, keyStore: store, seed: { keys: [{ KeySpec: 'constructor' as never }] } }));
    assert.match(err.message, /KeySpec must be one of/);
    assert.is((await store.list()).length, 0, 'no key stored');
  } finally {
    t.cleanup();
  }
});

test('key-state and grant tables: a stored value that names a prototype member is just unknown', () => {
  const record = { Arn: 'arn:aws:kms:us-east-1:111122223333:key/k', KeyState: 'constructor' } as unknown as StoredKey;
  assert.is(invalidState(record).message, 'arn:aws:kms:us-east-1:111122223333:key/k is constructor.');
  for (const usage of PROTO_NAMES) {
    assert.throws(() => checkOperations(usage, ['GenerateMac']), (err: Error) => err instanceof ValidationException && /are not valid for a KMS key with KeyUsage/.test(err.message));
  }
});

test('endpoint: X-Amz-Target and enum members naming prototype members are ordinary refusals', async () => {
  const server = await startServer({ port: 0, keyStore: new MemoryKeyStore() });
  try {
    for (const name of PROTO_NAMES) {
      const req = await signedRequest({ url: server.url, target: `TrentService.${name}`, body: '{}' });
      const res = await rawRequest(server.url, req);
      assert.is(res.status, 400, name);
      assert.is(res.json.__type, 'UnknownOperationException');
      const body = JSON.stringify({ KeySpec: name, KeyUsage: name, Origin: name });
      const create = await rawRequest(server.url, await signedRequest({ url: server.url, op: 'CreateKey', body }));
      assert.is(create.status, 400, name);
      assert.is(create.json.__type, 'ValidationException');
      const gp = JSON.stringify({ KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab', WrappingAlgorithm: name, WrappingKeySpec: name });
      const params = await rawRequest(server.url, await signedRequest({ url: server.url, op: 'GetParametersForImport', body: gp }));
      assert.is(params.status, 400, name);
      assert.is(params.json.__type, 'ValidationException');
    }
  } finally {
    await server.close();
  }
});

test.run();
