/**
 * TagResource, UntagResource and ListResourceTags: happy paths, errors and
 * pagination (docs/SEMANTICS.md TAG, LIST).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  CreateAliasCommand,
  KMSInvalidStateException,
  ListResourceTagsCommand,
  NotFoundException,
  ScheduleKeyDeletionCommand,
  SerializationException,
  TagException,
  TagResourceCommand,
  UntagResourceCommand,
  ValidationException,
} from '../../src/index.js';
import { createKey, patch, rejects, setup } from './helpers.js';

test('TagResource adds and overwrites; ListResourceTags lists by key; UntagResource removes', async () => {
  const { client } = setup();
  const key = await createKey(client, 'HMAC_256', 'GENERATE_VERIFY_MAC', { Tags: [{ TagKey: 'b', TagValue: '1' }] });
  const out = await client.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'a', TagValue: 'x' }, { TagKey: 'b', TagValue: '2' }] }));
  assert.equal(Object.keys(out), ['$metadata']);
  const list = await client.send(new ListResourceTagsCommand({ KeyId: key.Arn }));
  assert.equal(list.Tags, [{ TagKey: 'a', TagValue: 'x' }, { TagKey: 'b', TagValue: '2' }]);
  assert.is(list.Truncated, false);
  await client.send(new UntagResourceCommand({ KeyId: key.KeyId, TagKeys: ['a', 'not-there'] }));
  assert.equal((await client.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags, [{ TagKey: 'b', TagValue: '2' }]);
});

test('TagResource errors: reserved, duplicates, too many in total, lengths, types', async () => {
  const { client } = setup();
  const key = await createKey(client);
  const tag = (Tags: unknown) => client.send(new TagResourceCommand({ KeyId: key.KeyId, Tags } as never));
  await rejects(tag([{ TagKey: 'aws:cloudformation', TagValue: 'x' }]), TagException, 'client', 'Tags beginning with aws: are reserved');
  await rejects(tag([{ TagKey: 'k', TagValue: '1' }, { TagKey: 'k', TagValue: '2' }]), TagException, 'client', 'Duplicate tag keys');
  await tag(Array.from({ length: 50 }, (_, i) => ({ TagKey: `k${i}`, TagValue: '' })));
  await tag([{ TagKey: 'k0', TagValue: 'overwrite is fine at 50' }]);
  await rejects(tag([{ TagKey: 'k50', TagValue: '' }]), TagException, 'client', 'Too many tags');
  await rejects(tag([{ TagKey: '', TagValue: '' }]), ValidationException, 'client', "1 validation error detected: Value '' at 'tags.1.member.tagKey' failed to satisfy constraint: Member must have length greater than or equal to 1");
  await rejects(tag(undefined), ValidationException, 'client', "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null");
  await rejects(tag(['k']), SerializationException, 'client', 'Expected null');
  await rejects(tag({ TagKey: 'k' }), SerializationException, 'client', 'Start of structure or map found where not expected.');
});

test('tags: key states, identifiers', async () => {
  const { client, store } = setup();
  const key = await createKey(client);
  await client.send(new CreateAliasCommand({ AliasName: 'alias/t', TargetKeyId: key.KeyId }));
  await rejects(client.send(new TagResourceCommand({ KeyId: 'alias/t', Tags: [] })), NotFoundException, 'client', "Invalid keyId 'alias/t'");
  await patch(store, key.KeyId, { KeyState: 'Disabled' });
  await client.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'd', TagValue: 'ok when disabled' }] }));
  await client.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId }));
  await rejects(client.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'x', TagValue: '' }] })), KMSInvalidStateException, 'client', `${key.Arn} is pending deletion.`);
  await rejects(client.send(new UntagResourceCommand({ KeyId: key.KeyId, TagKeys: ['d'] })), KMSInvalidStateException, 'client', `${key.Arn} is pending deletion.`);
  // Listing works in every state.
  assert.equal((await client.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags, [{ TagKey: 'd', TagValue: 'ok when disabled' }]);
});

test('ListResourceTags pagination; UntagResource validation', async () => {
  const { client } = setup();
  const key = await createKey(client);
  const tags = Array.from({ length: 30 }, (_, i) => ({ TagKey: `t${String(i).padStart(2, '0')}`, TagValue: `${i}` }));
  await client.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: tags }));
  const seen: string[] = [];
  let Marker: string | undefined;
  let pages = 0;
  do {
    const page = await client.send(new ListResourceTagsCommand({ KeyId: key.KeyId, Limit: 7, Marker }));
    seen.push(...page.Tags!.map((t) => t.TagKey!));
    Marker = page.NextMarker;
    pages++;
  } while (Marker);
  assert.is(pages, 5);
  assert.equal(seen, tags.map((t) => t.TagKey));
  await rejects(client.send(new UntagResourceCommand({ KeyId: key.KeyId, TagKeys: ['x'.repeat(129)] })), ValidationException, 'client', `1 validation error detected: Value '${'x'.repeat(129)}' at 'tagKeys.1.member' failed to satisfy constraint: Member must have length less than or equal to 128`);
});

test.run();
