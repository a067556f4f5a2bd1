/**
 * Load: 128 concurrent keep-alive connections send 20,000 signed GenerateMac
 * requests; every answer must be a 200 with the right MAC (checked against
 * node:crypto). Timings are printed, never asserted (bench/server.bench.ts
 * measures them against bare node:http + createHmac).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHmac } from 'node:crypto';
import { MemoryKeyStore } from '../../src/kms/key-store.js';
import { startServer } from '../../src/node/index.js';
import { b64, signedRequest } from './helpers.js';
import { runLoad, type LoadRequest } from './load-client.js';

const CONNECTIONS = 128;
const TOTAL = 20_000;
const MATERIAL = Uint8Array.from({ length: 48 }, (_, i) => i * 3);

test(`${CONNECTIONS} connections, ${TOTAL} GenerateMac requests, zero errors`, async () => {
  const server = await startServer({
    port: 0,
    keyStore: new MemoryKeyStore(),
    seed: { keys: [{ KeySpec: 'HMAC_384', MaterialHex: Buffer.from(MATERIAL).toString('hex'), Aliases: ['alias/load'] }] },
  });
  let open = 0;
  let peak = 0;
  let sockets = 0;
  server.server.on('connection', (socket) => {
    sockets++;
    peak = Math.max(peak, ++open);
    socket.on('close', () => open--);
  });
  try {
    const requests: LoadRequest[] = [];
    for (let i = 0; i < 64; i++) {
      const message = `load message ${i} `.repeat(1 + (i % 16));
      const want = createHmac('sha384', MATERIAL).update(message).digest('base64');
      const body = JSON.stringify({ KeyId: 'alias/load', Message: b64(message), MacAlgorithm: 'HMAC_SHA_384' });
      const signed = await signedRequest({ url: server.url, op: 'GenerateMac', body });
      requests.push({ headers: signed.headers, body, check: (status, text) => status === 200 && JSON.parse(text).Mac === want });
    }
    const result = await runLoad(server.url, requests, TOTAL, CONNECTIONS);
    console.log(
      `  ${result.requests} requests over ${CONNECTIONS} connections (peak ${peak} open, ${sockets} opened) in ${result.seconds.toFixed(2)} s: ` +
        `${Math.round(result.perSecond)} requests/s, ${result.errors} errors`,
    );
    assert.is(result.errors, 0, result.firstError);
    assert.ok(peak >= 100, `at least 100 concurrent connections (peak ${peak})`);
  } finally {
    await server.close();
  }
});

test.run();
