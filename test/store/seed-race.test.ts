/**
 * Seeds applied by several endpoints at once on one key set (three
 * endpoints on one PostgreSQL database started with the same --seed, or
 * `--workers N`): each endpoint starts, each seeded key and alias exists
 * once, and no endpoint leaves a key of its own behind.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MemoryKeyStore, type KeyStore } from '../../src/index.js';
import { applySeed, PostgresKeyStore, type Seed } from '../../src/node/index.js';
import { createDatabase } from './pg.js';

const SEED: Seed = {
  keys: [
    { KeyId: '0b0f1f5e-7a39-4c52-9f8e-3d0c2a1b4e60', KeySpec: 'HMAC_256', MaterialHex: '11'.repeat(32), Aliases: ['alias/fixed'] },
    { KeySpec: 'HMAC_384', Aliases: ['alias/random', 'alias/random-too'] },
  ],
  aliases: [{ AliasName: 'alias/extra', TargetKeyId: '0b0f1f5e-7a39-4c52-9f8e-3d0c2a1b4e60' }],
};
const CONTEXT = { region: 'us-east-1', accountId: '111122223333' };

async function check(stores: KeyStore[]): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const results = await Promise.allSettled(stores.map((s) => applySeed(s, SEED, CONTEXT)));
    for (const r of results) if (r.status === 'rejected') assert.unreachable(`a seed failed: ${(r.reason as Error).message}`);
  }
  const all = await stores[0]!.scan();
  assert.is(all.length, 2, `keys: ${all.map((k) => k.record.KeyId).join(', ')}`);
  const aliases = all.flatMap((k) => k.record.aliases.map((a) => a.AliasName)).sort();
  assert.equal(aliases, ['alias/extra', 'alias/fixed', 'alias/random', 'alias/random-too']);
  const random = all.find((k) => k.record.KeySpec === 'HMAC_384')!;
  assert.equal(random.record.aliases.map((a) => a.AliasName).sort(), ['alias/random', 'alias/random-too']);
}

test('one MemoryKeyStore, three seeds at once', async () => {
  const s = new MemoryKeyStore();
  await check([s, s, s]);
});

test('three PostgresKeyStores on one database, one seed each at once', async () => {
  const db = await createDatabase();
  const stores = await Promise.all([0, 1, 2].map(() => PostgresKeyStore.open(db.url)));
  try {
    await check(stores);
  } finally {
    for (const s of stores) await s.close();
    await db.drop();
  }
});

test.run();
