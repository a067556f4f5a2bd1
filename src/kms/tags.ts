/**
 * Tags as CreateKey and TagResource take them: the model's constraints
 * (`TagKey` 1-128, `TagValue` 0-256, both required) and the service's rules
 * (TagException texts recorded from AWS, KMS-SEMANTICS.md §7 CreateKey).
 */
import { TagException } from './errors.js';
import { structure, type Checker } from './validate.js';

/** At most this many tags per key ([DOC] KMS quotas). */
const MAX_TAGS = 50;

/** One tag as stored. */
export interface TagPair {
  TagKey: string;
  TagValue: string;
}

/** Reads a `Tag` list member, recording violations as `tags.<n>.member.tagKey` (recorded path form). */
export function readTags(c: Checker, name: string, path: string, required: boolean): TagPair[] | undefined {
  const list = c.list(name, path, required, 0, Number.MAX_SAFE_INTEGER);
  if (list === undefined) return undefined;
  const out: TagPair[] = [];
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const base = `${path}.${i + 1}.member`;
    if (item === undefined || item === null) {
      c.missing(base);
      continue;
    }
    const t = c.child(structure(item));
    const key = t.string('TagKey', `${base}.tagKey`, true, 1, 128);
    const value = t.string('TagValue', `${base}.tagValue`, true, 0, 256);
    if (key !== undefined && value !== undefined) out.push({ TagKey: key, TagValue: value });
  }
  return out;
}

/**
 * The service-level tag rules, after validation: no `aws:` prefix (any case,
 * as LocalStack's AWS-validated `validate_tag` checks it), no
 * duplicate keys in one request, at most {@link MAX_TAGS} on the key.
 * The order of these checks is not observed [INF].
 */
export function checkTagRules(tags: readonly TagPair[], existing: readonly TagPair[] = []): void {
  const seen = new Set<string>();
  for (const t of tags) {
    if (t.TagKey.toLowerCase().startsWith('aws:')) throw new TagException('Tags beginning with aws: are reserved');
    if (seen.has(t.TagKey)) throw new TagException('Duplicate tag keys');
    seen.add(t.TagKey);
  }
  let total = existing.length;
  for (const key of seen) if (!existing.some((e) => e.TagKey === key)) total++;
  if (total > MAX_TAGS) throw new TagException('Too many tags');
}

/** `existing` with `tags` applied (a new value replaces the old one, in place). */
export function mergeTags(existing: readonly TagPair[], tags: readonly TagPair[]): TagPair[] {
  const out = existing.map((t) => ({ ...t }));
  for (const t of tags) {
    const found = out.find((e) => e.TagKey === t.TagKey);
    if (found) found.TagValue = t.TagValue;
    else out.push({ ...t });
  }
  return out;
}
