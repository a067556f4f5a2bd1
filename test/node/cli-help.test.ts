/**
 * `--help` of every local command is made from the model table: every
 * request member is an option, flags show no value, required members say
 * so, and the help columns line up.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AWS_OPERATIONS, type Operation } from '../../src/kms/model/index.js';
import { EXIT } from '../../src/node/index.js';
import { runWasmac as wasmac } from './helpers.js';

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

test('every command lists every member of its operation as an option', async () => {
  for (const op of Object.values(AWS_OPERATIONS) as Operation[]) {
    const r = await wasmac([kebab(op.name), '--help']);
    assert.is(r.code, EXIT.ok, op.name);
    const lines = r.out.split('\n').filter((l) => l.startsWith('  --'));
    const options = lines.map((l) => l.trim().split(' ')[0]!);
    const expected = Object.entries(op.input).map(([member, m]) => (m.kind === 'boolean' ? `--[no-]${kebab(member)}` : `--${kebab(member)}`));
    assert.equal(options, [...expected, '--help'], op.name);
    for (const [member, m] of Object.entries(op.input)) {
      const line = lines.find((l) => l.trim().startsWith(m.kind === 'boolean' ? `--[no-]${kebab(member)}` : `--${kebab(member)} `))!;
      assert.is(line.includes('(required)'), m.required === true, `${op.name}.${member}`);
      if (m.kind === 'boolean') assert.not.match(line, /<value>/, `${op.name}.${member} is a flag`);
    }
    // The text column starts at the same place on every line whose option fits in it.
    const starts = new Set(lines.map((l) => /^ {2}\S.*? {2,}(?=\S)/.exec(l)?.[0].length).filter((n) => n !== undefined));
    assert.ok(starts.size <= 1, `${op.name}: text starts at ${[...starts].join(', ')}`);
  }
});

test('flags take no value, --no-<flag> clears them, and both are refused on a member that is not a flag', async () => {
  const r = await wasmac(['create-key', '--key-spec', 'HMAC_256', '--key-usage', 'GENERATE_VERIFY_MAC', '--multi-region', 'yes']);
  assert.is(r.code, EXIT.usage);
  assert.match(r.err, /--multi-region: a flag takes no value/);
  const n = await wasmac(['describe-key', '--no-key-id']);
  assert.is(n.code, EXIT.usage);
  assert.match(n.err, /Unknown options: --no-key-id/);
});

test.run();
