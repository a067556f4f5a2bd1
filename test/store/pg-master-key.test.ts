/**
 * PostgresKeyStore with a master key: material planted in plain base64 in a
 * row (what someone with write access to the database could do) is refused,
 * naming the key, never used for a MAC.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import pg from 'pg';
import type { StoredKey } from '../../src/kms/key-store.js';
import { SecretBytes, revealSecret } from '../../src/kms/secret.js';
import { KeyStoreError } from '../../src/node/errors.js';
import { PostgresKeyStore } from '../../src/node/index.js';
import { createDatabase } from './pg.js';

const ID = '33333333-3333-4333-8333-333333333333';
const MASTER = new Uint8Array(32).fill(7);

function record(material: Uint8Array): StoredKey {
  return {
    KeyId: ID, AccountId: '111122223333', Region: 'us-east-1', Arn: `arn:aws:kms:us-east-1:111122223333:key/${ID}`,
    CreationDate: 1, Description: '', KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC', Origin: 'AWS_KMS',
    KeyState: 'Enabled', MultiRegion: false, material: new SecretBytes(material), aliases: [], tags: [], grants: [],
  };
}

test('with a master key, plain material planted in a row is refused by key, not served', async () => {
  const db = await createDatabase();
  try {
    const store = await PostgresKeyStore.open(db.url, { masterKey: MASTER });
    try {
      const result = await store.commit({ writes: [{ keyId: ID, expected: 0, record: record(new Uint8Array(32).fill(1)) }], checks: [], aliases: [] });
      assert.ok(result.ok);
      assert.equal(revealSecret((await store.read(ID))!.record.material!), new Uint8Array(32).fill(1));
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      try {
        const { rows } = await c.query<{ record: string }>('SELECT record FROM wasmac_keys WHERE key_id = $1', [ID]);
        const planted = { ...JSON.parse(rows[0]!.record), material: { encoding: 'base64', data: Buffer.alloc(32, 0xaa).toString('base64') } };
        await c.query('UPDATE wasmac_keys SET record = $1 WHERE key_id = $2', [JSON.stringify(planted), ID]);
      } finally {
        await c.end();
      }
      for (const read of [() => store.read(ID), () => store.scan()]) {
        try {
          await read();
          assert.unreachable('planted material was accepted');
        } catch (err) {
          assert.instance(err, KeyStoreError);
          assert.match((err as Error).message, new RegExp(`^key ${ID}: its material is not sealed under the master key`));
        }
      }
    } finally {
      await store.close();
    }
  } finally {
    await db.drop();
  }
});

test.run();
