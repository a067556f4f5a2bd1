/**
 * PostgresKeyStore: endpoints on one database with different master keys (a
 * careless operator: one started without WASMAC_MASTER_KEY, or with another
 * one). A row this store cannot open must not crash the process when its
 * change notification arrives; the key is unusable here and never served
 * from an older view.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { KMS } from '../../src/index.js';
import { PostgresKeyStore } from '../../src/node/index.js';
import { createDatabase } from './pg.js';

const MASTER_A = new Uint8Array(32).fill(1);
const MASTER_B = new Uint8Array(32).fill(2);

for (const [name, optionsB] of [
  ['no master key', {}],
  ['another master key', { masterKey: MASTER_B }],
] as const) {
  test(`a row sealed under a master key this endpoint lacks (${name}): no crash, the key is not served`, async () => {
    const db = await createDatabase();
    const crashes: unknown[] = [];
    const onRejection = (err: unknown) => crashes.push(err);
    process.on('unhandledRejection', onRejection);
    const a = await PostgresKeyStore.open(db.url, { masterKey: MASTER_A });
    const b = await PostgresKeyStore.open(db.url, optionsB);
    try {
      const kmsA = new KMS({ keyStore: a });
      const kmsB = new KMS({ keyStore: b });
      await kmsB.listKeys({});
      const { KeyMetadata } = await kmsA.createKey({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
      const keyId = KeyMetadata!.KeyId!;
      await kmsA.disableKey({ KeyId: keyId });
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(crashes, []);
      // B cannot open the material: it does not MAC with the key, whatever it answers.
      let answered: unknown;
      try {
        answered = await kmsB.generateMac({ KeyId: keyId, Message: new Uint8Array([1]), MacAlgorithm: 'HMAC_SHA_256' });
      } catch (err) {
        answered = err;
      }
      assert.instance(answered, Error);
      // A is untouched.
      await kmsA.enableKey({ KeyId: keyId });
      const { Mac } = await kmsA.generateMac({ KeyId: keyId, Message: new Uint8Array([1]), MacAlgorithm: 'HMAC_SHA_256' });
      assert.is(Mac!.length, 32);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(crashes, []);
    } finally {
      process.off('unhandledRejection', onRejection);
      await a.close();
      await b.close();
      await db.drop();
    }
  });
}

test.run();
