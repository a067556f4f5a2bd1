/**
 * An unknown operation: on the wire, AWS's `UnknownOperationException` with
 * no message; in the endpoint's log, a line that names what was asked for
 * (the X-Amz-Target, quoted and cut at 100 characters), so that an operator
 * can see which call a client made.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MemoryKeyStore } from '../../src/kms/key-store.js';
import { startServer } from '../../src/node/index.js';
import { rawRequest, signedRequest } from './helpers.js';

test('the log line names the unknown target; the wire carries no message', async () => {
  const lines: string[] = [];
  const server = await startServer({ port: 0, keyStore: new MemoryKeyStore(), log: (line) => lines.push(line) });
  try {
    const long = `TrentService.${'X'.repeat(300)}`;
    for (const target of ['TrentService.Encrypt2', 'Other.GenerateMac', 'TrentService.x" y', long]) {
      const res = await rawRequest(server.url, await signedRequest({ url: server.url, op: '', body: '{}', target }));
      assert.is(res.status, 400, target);
      assert.is(res.body, '{"__type":"UnknownOperationException"}', target);
    }
    await new Promise((r) => setTimeout(r, 50));
    const unknown = lines.filter((l) => l.includes('UnknownOperationException'));
    assert.ok(unknown.some((l) => l.includes('UnknownOperationException (X-Amz-Target "TrentService.Encrypt2")')), lines.join('\n'));
    assert.ok(unknown.some((l) => l.includes('(X-Amz-Target "Other.GenerateMac")')), lines.join('\n'));
    assert.ok(unknown.some((l) => l.includes('(X-Amz-Target "TrentService.x\\" y")')), `quotes escaped:\n${unknown.join('\n')}`);
    assert.ok(unknown.every((l) => l.length < 400), `bounded:\n${unknown.join('\n')}`);
    assert.ok(unknown.some((l) => l.includes(`"${'TrentService.'}${'X'.repeat(87)}..."`)), 'a long target is cut');
  } finally {
    await server.close();
  }
});

test.run();
