/**
 * The service's rules for tags, after validation (TagException texts
 * recorded from AWS, docs/SEMANTICS.md TAG-1, TAG-2); the constraints of
 * `TagKey` and `TagValue` are in the model (`model/members.ts`).
 */
import { TagException } from './errors.js';

/** At most this many tags per key (SEMANTICS.md TAG-1). */
const MAX_TAGS = 50;

/** One tag as stored. */
export interface TagPair {
  TagKey: string;
  TagValue: string;
}

/**
 * The service-level tag rules, after validation: no `aws:` prefix (any case,
 * as LocalStack's AWS-validated `validate_tag` checks it), no
 * duplicate keys in one request, at most {@link MAX_TAGS} on the key.
 * The order of these checks is not observed.
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
