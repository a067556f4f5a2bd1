/**
 * FileKeyStore's journal: a commit of several key files (UpdateAlias moves an
 * alias between two keys) interrupted after its journal was written, with only
 * some of the files renamed into place (what a kill -9 between two renames
 * leaves), is finished at the next open: all of it or, without a journal,
 * none. A damaged journal stops the open with a message that names it.
 */
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { KMS } from '../../src/index.js';
import { FileKeyStore } from '../../src/node/index.js';
import { rejection, tempDir } from '../node/helpers.js';

async function keysWithAlias(dir: string): Promise<{ a: string; b: string }> {
  const store = await FileKeyStore.open(dir);
  const kms = new KMS({ keyStore: store });
  const a = (await kms.createKey({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' })).KeyMetadata!.KeyId!;
  const b = (await kms.createKey({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' })).KeyMetadata!.KeyId!;
  await kms.createAlias({ AliasName: 'alias/moving', TargetKeyId: a });
  await store.close();
  return { a, b };
}

test('an UpdateAlias interrupted between its two renames is finished from its journal at open', async () => {
  const t = tempDir();
  try {
    const dir = join(t.dir, 'store');
    const before = join(t.dir, 'before');
    const { a, b } = await keysWithAlias(dir);
    cpSync(dir, before, { recursive: true });
    const store = await FileKeyStore.open(dir);
    await new KMS({ keyStore: store }).updateAlias({ AliasName: 'alias/moving', TargetKeyId: b });
    await store.close();
    const after = (id: string) => readFileSync(join(dir, 'keys', `${id}.json`), 'utf8');
    // The crash: the journal is on disk, A's new file is in place, B's is not.
    const files = [
      { name: `${a}.json`, text: after(a) },
      { name: `${b}.json`, text: after(b) },
    ];
    const checksum = createHash('sha256').update(JSON.stringify(files)).digest('hex');
    writeFileSync(join(before, 'txn', 'interrupted.json'), JSON.stringify({ format: 'wasmac-txn/1', files, checksum }));
    writeFileSync(join(before, 'keys', `${a}.json`), after(a));
    const reopened = await FileKeyStore.open(before);
    const kms = new KMS({ keyStore: reopened });
    const { Aliases } = await kms.listAliases({});
    assert.equal(Aliases!.map((x) => [x.AliasName, x.TargetKeyId]), [['alias/moving', b]], 'the alias is on B only, once');
    assert.is((await kms.generateMac({ KeyId: 'alias/moving', Message: 'm', MacAlgorithm: 'HMAC_SHA_256' })).KeyId, `arn:aws:kms:us-east-1:111122223333:key/${b}`);
    await reopened.close();
  } finally {
    t.cleanup();
  }
});

test('a damaged journal stops the open and names the file', async () => {
  const t = tempDir();
  try {
    await keysWithAlias(t.dir);
    writeFileSync(join(t.dir, 'txn', 'broken.json'), '{"format":"wasmac-txn/1","files":[{"name":"x.json","text":"{}"}],"checksum":"00"}');
    const err = await rejection(FileKeyStore.open(t.dir));
    assert.match(err.message, /has an unreadable journal txn\/broken\.json/);
  } finally {
    t.cleanup();
  }
});

test.run();
