/**
 * The fingerprint that pins an imported key to its first material is kept in
 * the store beside the key (in clear, like all of `importState`): it must
 * reveal nothing usable. It is neither the material nor a MAC that
 * GenerateMac would return for any message the label could be.
 */
import { createHmac } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DeleteImportedKeyMaterialCommand, GenerateMacCommand, IncorrectKeyMaterialException, toBase64, toHex } from '../../src/index.js';
import { patch, rejects, setup } from './helpers.js';
import { createExternalKey, importMaterial, randomMaterial } from './import-helpers.js';

const LABEL = 'wasmac imported key material fingerprint v1 ';

test('the stored fingerprint is not a MAC of its label (nor of any hash) under the material', async () => {
  const { client, store } = setup();
  for (const [spec, length] of [['HMAC_224', 28], ['HMAC_256', 32], ['HMAC_384', 48], ['HMAC_512', 64]] as const) {
    const key = await createExternalKey(client, spec);
    const material = randomMaterial(length);
    await importMaterial(client, key.KeyId, material);
    const json = JSON.stringify((await store.get(key.KeyId))!.importState);
    const message = `${LABEL}${key.KeyId} ${material.length}`;
    for (const hash of ['sha224', 'sha256', 'sha384', 'sha512']) {
      const mac = createHmac(hash, material).update(message).digest();
      assert.not.ok(json.includes(mac.toString('hex')), `${spec}: importState holds HMAC-${hash} of the label`);
      assert.not.ok(json.includes(mac.toString('base64')), `${spec}: importState holds HMAC-${hash} of the label`);
    }
    const alg = spec.replace('HMAC_', 'HMAC_SHA_') as 'HMAC_SHA_256';
    const { Mac } = await client.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: new TextEncoder().encode(message), MacAlgorithm: alg }));
    assert.not.ok(json.includes(toHex(Mac!)) || json.includes(toBase64(Mac!)), `${spec}: importState holds GenerateMac of the label`);
    assert.not.ok(json.includes(toHex(material)) || json.includes(toBase64(material)));
  }
});

test('a version 1 fingerprint (the bare HMAC) still pins the material and is not written back', async () => {
  const { client, store } = setup();
  const key = await createExternalKey(client);
  const material = randomMaterial(32);
  await importMaterial(client, key.KeyId, material);
  await client.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId }));
  const v1 = createHmac('sha256', material).update(`${LABEL}${key.KeyId} ${material.length}`).digest('hex');
  const state = (await store.get(key.KeyId))!.importState as Record<string, unknown>;
  await patch(store, key.KeyId, { importState: { ...state, v: 1, fingerprint: v1 } });
  await rejects(importMaterial(client, key.KeyId, randomMaterial(32)), IncorrectKeyMaterialException, 'client', /./);
  await importMaterial(client, key.KeyId, material);
  const after = (await store.get(key.KeyId))!.importState as Record<string, unknown>;
  assert.is(after.v, 2);
  assert.is.not(after.fingerprint, v1);
});

test.run();
