/**
 * The model table (`src/kms/model/`) holds together: every operation has
 * its command class, its help line and a help line for every member; enum
 * sets have each value once; the SDK-shaped enum objects are made from the
 * same lists; every operation has its outcome, whose exceptions are the
 * facade's.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as errors from '../../src/kms/errors.js';
import { commandOf, COMMANDS } from '../../src/kms/commands/index.js';
import { AWS_OPERATIONS, ENCRYPTION_ALGORITHMS, KEY_AGREEMENT_ALGORITHMS, MAC_ALGORITHM_SPECS, OPERATIONS, SIGNING_ALGORITHMS, type Member } from '../../src/kms/model/index.js';
import { MEMBER_HELP, memberHelp, OPERATION_HELP, operationHelp } from '../../src/kms/model/help.js';
import { OUTCOMES } from '../../src/kms/model/outcomes.js';
import { EncryptionAlgorithmSpec, KeyAgreementAlgorithmSpec, KMS, MacAlgorithmSpec, SigningAlgorithmSpec } from '../../src/index.js';

function members(m: Member): Member[] {
  if (m.kind === 'list') return [m, ...members(m.item)];
  if (m.kind === 'structure') return [m, ...Object.values(m.members).flatMap(members)];
  return [m];
}

test('every operation has its command, a KMS method, and is on the wire unless it is the extension', () => {
  for (const op of OPERATIONS) {
    assert.type(commandOf(op), 'function', op.name);
    const method = op.name.charAt(0).toLowerCase() + op.name.slice(1);
    assert.type((KMS.prototype as unknown as Record<string, unknown>)[method], 'function', method);
    assert.is(COMMANDS[op.name] !== undefined, op.extension !== true, op.name);
    assert.is(AWS_OPERATIONS[op.name] !== undefined, op.extension !== true, op.name);
  }
  assert.equal(Object.keys(COMMANDS).sort(), Object.keys(AWS_OPERATIONS).sort());
});

test('help: every operation and member has its line, and no line names what the table lacks', () => {
  const names = new Set<string>();
  for (const op of OPERATIONS) {
    assert.ok(operationHelp(op.name).length > 0, op.name);
    for (const member of Object.keys(op.input)) {
      names.add(member);
      assert.ok(memberHelp(op.name, member).length > 0, `${op.name}.${member}`);
    }
    for (const member of Object.keys(OPERATION_HELP[op.name]?.members ?? {})) assert.ok(member in op.input, `${op.name}.${member} is not a member`);
  }
  assert.equal(Object.keys(OPERATION_HELP).sort(), OPERATIONS.map((op) => op.name).sort());
  assert.equal(Object.keys(MEMBER_HELP).filter((m) => !names.has(m)), [], 'help for members no operation has');
});

test('enum sets hold each value once; the SDK-shaped objects are made from them', () => {
  for (const op of OPERATIONS) {
    for (const m of Object.values(op.input).flatMap(members)) {
      if (m.kind === 'enum') assert.is(new Set(m.values).size, m.values.length, op.name);
      if (m.kind === 'string' || m.kind === 'blob' || m.kind === 'integer' || m.kind === 'list') assert.ok(m.min <= m.max, op.name);
    }
  }
  assert.equal(Object.keys(MacAlgorithmSpec).sort(), [...MAC_ALGORITHM_SPECS].sort());
  assert.equal(Object.values(MacAlgorithmSpec).sort(), [...MAC_ALGORITHM_SPECS].sort());
  const made: [Record<string, string>, readonly string[]][] = [
    [EncryptionAlgorithmSpec, ENCRYPTION_ALGORITHMS],
    [SigningAlgorithmSpec, SIGNING_ALGORITHMS],
    [KeyAgreementAlgorithmSpec, KEY_AGREEMENT_ALGORITHMS],
  ];
  for (const [object, values] of made) assert.equal(Object.entries(object), [...values].sort().map((v) => [v, v]));
});

test('outcomes: every operation has its entry and nothing else does; the exceptions named are the facade\'s', () => {
  assert.equal(Object.keys(OUTCOMES).sort(), OPERATIONS.map((op) => op.name).sort());
  for (const [name, outcome] of Object.entries(OUTCOMES)) {
    assert.type(outcome.output, 'object', name);
    assert.ok(outcome.errors.length > 0, `${name} names its exceptions`);
    for (const error of outcome.errors) assert.type((errors as Record<string, unknown>)[error], 'function', `${name}: ${error}`);
  }
});

test.run();
