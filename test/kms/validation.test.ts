/**
 * The request rows of docs/SEMANTICS.md (REQ, SER, ENUM-1), one test per case,
 * for GenerateMac and VerifyMac: class, `name`, `$fault` and AWS's message.
 * Validation runs before any key lookup, so the key ID here need not exist.
 */
import { test } from 'uvu';
import { GenerateMacCommand, SerializationException, ValidationException, VerifyMacCommand } from '../../src/index.js';
import { rejects, setup } from './helpers.js';

const KEY = '1234abcd-12ab-34cd-56ef-1234567890ab';
const ENUM = '[HMAC_SHA_384, HMAC_SHA_256, HMAC_SHA_224, HMAC_SHA_512]';
const one = (v: string) => `1 validation error detected: ${v}`;
const nul = (member: string) => `Value null at '${member}' failed to satisfy constraint: Member must not be null`;

type Input = Record<string, unknown>;
const GEN: Input = { KeyId: KEY, Message: new Uint8Array([1]), MacAlgorithm: 'HMAC_SHA_256' };
const VER: Input = { ...GEN, Mac: new Uint8Array(32) };

/** Runs `input` (with `drop` members removed) through both operations (VerifyMac only when `verifyOnly`). */
async function both(change: Input, drop: string[], type: typeof ValidationException | typeof SerializationException, message: string, verifyOnly = false) {
  const { client } = setup();
  for (const [base, make] of [
    [GEN, (i: Input) => new GenerateMacCommand(i as never)],
    [VER, (i: Input) => new VerifyMacCommand(i as never)],
  ] as const) {
    if (verifyOnly && base === GEN) continue;
    const input: Input = { ...base, ...change };
    for (const d of drop) delete input[d];
    await rejects(client.send(make(input)), type, 'client', message);
  }
}

test('REQ-1 KeyId missing', () => both({}, ['KeyId'], ValidationException, one(nul('keyId'))));
test('REQ-1 KeyId null is missing', () => both({ KeyId: null }, [], ValidationException, one(nul('keyId'))));
test('REQ-1 Message missing', () => both({}, ['Message'], ValidationException, one(nul('message'))));
test('REQ-1 MacAlgorithm missing', () => both({}, ['MacAlgorithm'], ValidationException, one(nul('macAlgorithm'))));
test('REQ-1 Mac missing (VerifyMac)', () => both({}, ['Mac'], ValidationException, one(nul('mac')), true));
test('REQ-3 Message of 0 bytes (sensitive: no value shown)', () =>
  both({ Message: new Uint8Array(0) }, [], ValidationException, one("Value at 'message' failed to satisfy constraint: Member must have length greater than or equal to 1")));
test('REQ-3 Message "" (a string is UTF-8 bytes)', () =>
  both({ Message: '' }, [], ValidationException, one("Value at 'message' failed to satisfy constraint: Member must have length greater than or equal to 1")));
test('REQ-2 Message of 4097 bytes', () =>
  both({ Message: new Uint8Array(4097) }, [], ValidationException, one("Value at 'message' failed to satisfy constraint: Member must have length less than or equal to 4096")));
test('REQ-2 Message of 4096 bytes as a 2-byte-character string over 4096 bytes', () =>
  both({ Message: 'é'.repeat(2049) }, [], ValidationException, one("Value at 'message' failed to satisfy constraint: Member must have length less than or equal to 4096")));
test('REQ-4 Mac empty (VerifyMac)', () =>
  both(
    { Mac: new Uint8Array(0) },
    [],
    ValidationException,
    one("Value 'java.nio.HeapByteBuffer[pos=0 lim=0 cap=0]' at 'mac' failed to satisfy constraint: Member must have length greater than or equal to 1"),
    true,
  ));
test('REQ-4 Mac of 6145 bytes (VerifyMac)', () =>
  both(
    { Mac: new Uint8Array(6145) },
    [],
    ValidationException,
    one("Value 'java.nio.HeapByteBuffer[pos=0 lim=6145 cap=6145]' at 'mac' failed to satisfy constraint: Member must have length less than or equal to 6144"),
    true,
  ));
test('ENUM-1 MacAlgorithm not in the enum (recorded text and order)', () =>
  both({ MacAlgorithm: 'INVALID' }, [], ValidationException, one(`Value 'INVALID' at 'macAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: ${ENUM}`)));
test('ENUM-1 MacAlgorithm in the wrong case', () =>
  both({ MacAlgorithm: 'hmac_sha_256' }, [], ValidationException, one(`Value 'hmac_sha_256' at 'macAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: ${ENUM}`)));
test('REQ-2 KeyId of 2049 characters', () => {
  const id = 'k'.repeat(2049);
  return both({ KeyId: id }, [], ValidationException, one(`Value '${id}' at 'keyId' failed to satisfy constraint: Member must have length less than or equal to 2048`));
});
test('REQ-2 KeyId empty', () => both({ KeyId: '' }, [], ValidationException, one("Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1")));
test('REQ-9 GrantTokens with 11 items', () => {
  const tokens = Array.from({ length: 11 }, (_, i) => `t${i}`);
  return both({ GrantTokens: tokens }, [], ValidationException, one(`Value '[${tokens.join(', ')}]' at 'grantTokens' failed to satisfy constraint: Member must have length less than or equal to 10`));
});
test('REQ-9 a grant token of 0 characters', () =>
  both({ GrantTokens: ['ok', ''] }, [], ValidationException, one("Value '' at 'grantTokens.2.member' failed to satisfy constraint: Member must have length greater than or equal to 1")));
test('REQ-9 a grant token of 8193 characters', () => {
  const t = 'g'.repeat(8193);
  return both({ GrantTokens: [t] }, [], ValidationException, one(`Value '${t}' at 'grantTokens.1.member' failed to satisfy constraint: Member must have length less than or equal to 8192`));
});
test('REQ-8 several violations: counted, in member order, joined by "; "', () =>
  both(
    { Message: new Uint8Array(0), MacAlgorithm: 'X' },
    ['KeyId'],
    ValidationException,
    '3 validation errors detected: ' +
      [
        "Value at 'message' failed to satisfy constraint: Member must have length greater than or equal to 1",
        nul('keyId'),
        `Value 'X' at 'macAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: ${ENUM}`,
      ].join('; '),
  ));
test('REQ-8 everything missing', () => both({}, ['KeyId', 'Message', 'MacAlgorithm'], ValidationException, `3 validation errors detected: ${nul('message')}; ${nul('keyId')}; ${nul('macAlgorithm')}`));
test('SER-1 KeyId a number', () => both({ KeyId: 42 }, [], SerializationException, 'NUMBER_VALUE can not be converted to a String'));
test('SER-1 KeyId a boolean', () => both({ KeyId: true }, [], SerializationException, 'TRUE_VALUE can not be converted to a String'));
test('SER-1 MacAlgorithm an object', () => both({ MacAlgorithm: {} }, [], SerializationException, 'Start of structure or map found where not expected.'));
test('SER-1 Message an array', () => both({ Message: [1, 2] }, [], SerializationException, 'Start of list found where not expected'));
test('SER-1 Message a number', () => both({ Message: 7 }, [], SerializationException, 'NUMBER_VALUE can not be converted to a Blob'));
test('SER-1 GrantTokens a string', () => both({ GrantTokens: 'tok' }, [], SerializationException, 'Expected list or null'));
test('SER-1 a grant token a number', () => both({ GrantTokens: [5] }, [], SerializationException, 'NUMBER_VALUE can not be converted to a String'));
test('SER-1 DryRun a string', () => both({ DryRun: 'yes' }, [], SerializationException, 'STRING_VALUE can not be converted to a Boolean'));
test('SER-1 type errors win over constraint violations (deserialization comes first)', () =>
  both({ Message: new Uint8Array(0), DryRun: 1 }, ['KeyId'], SerializationException, 'NUMBER_VALUE can not be converted to a Boolean'));
test('SER-1 the request itself not an object', async () => {
  const { client } = setup();
  await rejects(client.send(new GenerateMacCommand([] as never)), SerializationException, 'client', 'Start of list found where not expected');
  await rejects(client.send(new GenerateMacCommand('x' as never)), SerializationException, 'client', '');
});

test.run();
