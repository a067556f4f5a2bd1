/**
 * docs/SEMANTICS.md holds together with the code: row IDs are unique, every
 * row is marked recorded, documented or inferred, every row the code or the
 * tests cite exists, and nothing in the repository points at a file outside it.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const doc = readFileSync(join(ROOT, 'docs/SEMANTICS.md'), 'utf8');
const rows = [...doc.matchAll(/^\| ([A-Z]+-\d+) \| (.*) \| (.*) \|$/gm)].map((m) => ({ id: m[1]!, mark: m[3]! }));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test('rows: unique IDs, each marked recorded, documented or inferred', () => {
  assert.ok(rows.length > 50, `${rows.length} rows`);
  assert.is(new Set(rows.map((r) => r.id)).size, rows.length);
  for (const { id, mark } of rows) {
    // Several marks are separated by `;` outside parentheses.
    for (const part of mark.split(/;(?![^()]*\))/)) assert.match(part.trim(), /^(recorded|documented|inferred)\b/, `${id}: "${mark}"`);
  }
});

test('every row the code and the tests cite exists', () => {
  const ids = new Set(rows.map((r) => r.id));
  const prefixes = new Set(rows.map((r) => r.id.split('-')[0]));
  for (const file of [...files(join(ROOT, 'src')), ...files(join(ROOT, 'test'))]) {
    const text = readFileSync(file, 'utf8');
    for (const [id, prefix] of text.matchAll(/\b([A-Z]{2,5})-\d+\b/g)) {
      if (prefixes.has(prefix!)) assert.ok(ids.has(id), `${file.slice(ROOT.length)} cites ${id}, which docs/SEMANTICS.md does not have`);
    }
  }
});

test('nothing in src, docs or the README names a file outside the repository', () => {
  const texts = [...files(join(ROOT, 'src')), join(ROOT, 'README.md'), join(ROOT, 'docs/SEMANTICS.md'), join(ROOT, 'docs/ARCHITECTURE.md')];
  for (const file of texts) assert.not.match(readFileSync(file, 'utf8'), /KMS-SEMANTICS|\.\.\/shared\//, file.slice(ROOT.length));
});

test.run();
