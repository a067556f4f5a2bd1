/**
 * Slow, idle, oversized and too many clients: the endpoint's timeouts answer
 * 408 where HTTP allows it, idle keep-alive connections are closed, the
 * connection count is capped, and a body refused before it was read still
 * gets its answer (413, 403) before the connection closes, also for a client
 * that sends its whole body before reading (as Python's http.client does).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { connect, type Socket } from 'node:net';
import { MemoryKeyStore } from '../../src/kms/key-store.js';
import { startServer, type KmsServer } from '../../src/node/index.js';
import { DEFAULT_HEADERS_TIMEOUT_MS, DEFAULT_KEEP_ALIVE_TIMEOUT_MS, DEFAULT_MAX_CONNECTIONS, DEFAULT_REQUEST_TIMEOUT_MS } from '../../src/node/server.js';
import { rawRequest, runWasmac, signedRequest } from './helpers.js';

/** Headers that pass the endpoint's cheap signature check, so that the body is read. */
const HEAD =
  'POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Date: 20260101T000000Z\r\n' +
  `Authorization: AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/kms/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}\r\n`;

async function withServer(options: Parameters<typeof startServer>[0], fn: (s: KmsServer, log: string[]) => Promise<void>): Promise<void> {
  const log: string[] = [];
  const s = await startServer({ port: 0, keyStore: new MemoryKeyStore(), log: (l) => log.push(l), ...options });
  try {
    await fn(s, log);
  } finally {
    await s.close();
  }
}

function open(s: KmsServer): Promise<Socket> {
  const u = new URL(s.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(u.port), u.hostname, () => resolve(socket));
    socket.on('error', reject);
  });
}

/** Waits until the server counts `n` open connections at most. */
async function untilConnections(s: KmsServer, n: number, limitMs = 10_000): Promise<void> {
  const count = () => new Promise<number>((resolve) => s.server.getConnections((_e, c) => resolve(c)));
  const until = Date.now() + limitMs;
  while ((await count()) > n) {
    if (Date.now() > until) throw new Error(`still ${await count()} connections open after ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** What arrives on `socket` until the server closes it, and after how long; fails after `limitMs` (generous: a loaded machine lags). */
function untilClosed(socket: Socket, limitMs = 10_000): Promise<{ data: string; ms: number; reset: boolean }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let data = '';
    let reset = false;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`still open after ${limitMs} ms; got ${JSON.stringify(data)}`));
    }, limitMs);
    socket.on('data', (d) => (data += d.toString()));
    socket.on('error', () => (reset = true));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ data, ms: Date.now() - started, reset });
    });
  });
}

test('defaults: documented limits instead of Node\'s (no connection cap, 300 s per request)', async () => {
  await withServer({}, async (s) => {
    assert.is(s.server.headersTimeout, DEFAULT_HEADERS_TIMEOUT_MS);
    assert.is(s.server.requestTimeout, DEFAULT_REQUEST_TIMEOUT_MS);
    assert.is(s.server.keepAliveTimeout, DEFAULT_KEEP_ALIVE_TIMEOUT_MS);
    assert.is(s.server.maxConnections, DEFAULT_MAX_CONNECTIONS);
    assert.ok(DEFAULT_REQUEST_TIMEOUT_MS <= 60_000 && DEFAULT_MAX_CONNECTIONS <= 4096);
  });
});

test('headers that stall: 408 RequestTimeoutException, then the connection closes', async () => {
  await withServer({ headersTimeoutMs: 300, requestTimeoutMs: 600 }, async (s) => {
    const socket = await open(s);
    socket.write('POST / HTTP/1.1\r\nHost: x\r\n');
    const r = await untilClosed(socket);
    assert.match(r.data, /^HTTP\/1\.1 408 Request Timeout\r\n/);
    assert.match(r.data, /x-amzn-ErrorType: RequestTimeoutException/);
    assert.match(r.data, /\{"__type":"RequestTimeoutException","message":"The request was not received in time"\}$/);
    // The configured 300 ms, not the default (10 s); the margin is for a loaded machine.
    assert.ok(r.ms < DEFAULT_HEADERS_TIMEOUT_MS / 2, `closed after ${r.ms} ms`);
  });
});

test('a body that stalls: 408 through the request\'s own response, logged as 408', async () => {
  await withServer({ headersTimeoutMs: 300, requestTimeoutMs: 600 }, async (s, log) => {
    const socket = await open(s);
    socket.write(`${HEAD}Content-Length: 100\r\n\r\n{"Key`);
    const r = await untilClosed(socket);
    assert.match(r.data, /^HTTP\/1\.1 408 /);
    assert.match(r.data, /x-amzn-RequestId: [0-9a-f-]{36}/i);
    assert.match(r.data, /"__type":"RequestTimeoutException"/);
    assert.ok(r.ms < DEFAULT_HEADERS_TIMEOUT_MS / 2, `closed after ${r.ms} ms (the default request timeout is ${DEFAULT_REQUEST_TIMEOUT_MS} ms)`);
    assert.ok(log.some((l) => / 408 RequestTimeoutException /.test(l)), log.join('\n'));
  });
});

test('a connection that never sends anything is closed after the headers timeout', async () => {
  await withServer({ headersTimeoutMs: 300, requestTimeoutMs: 600 }, async (s) => {
    const r = await untilClosed(await open(s));
    assert.ok(r.ms < DEFAULT_HEADERS_TIMEOUT_MS / 2, `closed after ${r.ms} ms`);
  });
});

test('an idle keep-alive connection is closed after the keep-alive timeout', async () => {
  await withServer({ keepAliveTimeoutMs: 300 }, async (s) => {
    const socket = await open(s);
    const req = await signedRequest({ url: s.url, op: 'ListKeys', body: '{}' });
    socket.write(`POST / HTTP/1.1\r\n${Object.entries(req.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}Content-Length: 2\r\n\r\n{}`);
    const r = await untilClosed(socket);
    assert.match(r.data, /^HTTP\/1\.1 200 /);
    // The configured 300 ms (Node adds a second of its own), not the default.
    assert.ok(r.ms < DEFAULT_KEEP_ALIVE_TIMEOUT_MS, `closed after ${r.ms} ms`);
  });
});

/** A signed ListKeys request as raw bytes, for a socket the test keeps alive itself. */
async function listKeysBytes(s: KmsServer): Promise<string> {
  const req = await signedRequest({ url: s.url, op: 'ListKeys', body: '{}' });
  return `POST / HTTP/1.1\r\n${Object.entries(req.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}Content-Length: 2\r\n\r\n{}`;
}

/** Waits for `n` complete responses on `socket` (or its close, or an error). */
function responses(socket: Socket, n: number, limitMs = 10_000): Promise<{ statuses: number[]; error?: string; closed: boolean }> {
  return new Promise((resolve) => {
    let data = '';
    const statuses = (): number[] => [...data.matchAll(/^HTTP\/1\.1 (\d{3}) [^]*?\r\n\r\n\{[^]*?\}(?=HTTP|$)/gm)].map((m) => Number(m[1]));
    const done = (out: { error?: string; closed: boolean }): void => {
      clearTimeout(timer);
      socket.removeAllListeners('data');
      resolve({ statuses: statuses(), ...out });
    };
    const timer = setTimeout(() => done({ error: `no answer within ${limitMs} ms`, closed: false }), limitMs);
    socket.on('data', (d) => {
      data += d.toString();
      if (statuses().length >= n) done({ closed: false });
    });
    socket.once('error', (err: NodeJS.ErrnoException) => done({ error: err.code ?? err.message, closed: true }));
    socket.once('close', () => done({ closed: true }));
  });
}

test('a request sent as the keep-alive timeout expires is answered, not reset (a busy event loop runs both timers at once)', async () => {
  const keepAliveTimeoutMs = 200;
  await withServer({ keepAliveTimeoutMs }, async (s) => {
    let accepted: Socket | undefined;
    s.server.on('connection', (c: Socket) => (accepted = c));
    for (let round = 0; round < 5; round++) {
      const socket = await open(s);
      socket.write(await listKeysBytes(s));
      assert.equal((await responses(socket, 1)).statuses, [200]);
      // The idle timer Node set on the server's side (the keep-alive timeout, plus a margin in some versions).
      const idleMs = accepted!.timeout!;
      assert.ok(idleMs >= keepAliveTimeoutMs, `idle timer ${idleMs} ms`);
      // The next request is due just after that timer; a busy loop makes both due in one timers
      // phase, the server's first: as when a client reuses its connection at the timeout.
      const second = await listKeysBytes(s);
      const answered = responses(socket, 1);
      setTimeout(() => socket.write(second), idleMs + 10);
      const until = Date.now() + idleMs + 100;
      while (Date.now() < until);
      const r = await answered;
      assert.equal(r.statuses, [200], `round ${round}: ${r.error ?? (r.closed ? 'closed without an answer' : '')}`);
      socket.destroy();
    }
  });
});

test('connections over the cap are closed as they arrive; the cap frees up as connections close', async () => {
  await withServer({ maxConnections: 4 }, async (s, log) => {
    const kept = await Promise.all([1, 2, 3, 4].map(() => open(s)));
    const extra = await Promise.all([1, 2, 3].map(() => open(s)));
    // Closed as they arrive: long before an idle connection's headers timeout (10 s) would close them.
    for (const socket of extra) await untilClosed(socket, DEFAULT_HEADERS_TIMEOUT_MS / 2);
    assert.ok(log.some((l) => /connection refused: 4 connections open/.test(l)));
    for (const socket of kept) assert.not.ok(socket.destroyed, 'the first four stay open');
    kept.forEach((k) => k.destroy());
    // The server must have seen the four close before a fifth connection fits (a fixed sleep is too short on a loaded machine).
    await untilConnections(s, 0);
    const res = await rawRequest(s.url, await signedRequest({ url: s.url, op: 'ListKeys', body: '{}' }));
    assert.is(res.status, 200);
  });
});

test('timed-out clients that never read or close do not keep their place under the connection cap', async () => {
  await withServer({ headersTimeoutMs: 300, requestTimeoutMs: 600, maxConnections: 4 }, async (s) => {
    // Paused sockets: they never read the 408, so they never see the server's FIN either.
    const stuck = await Promise.all([1, 2, 3, 4].map(() => open(s)));
    stuck[0]!.write('POST / HTTP/1.1\r\n');
    const count = () => new Promise<number>((resolve) => s.server.getConnections((_e, n) => resolve(n)));
    const started = Date.now();
    while ((await count()) > 0 && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 100));
    assert.is(await count(), 0, 'the server let go of every timed-out connection');
    const res = await rawRequest(s.url, await signedRequest({ url: s.url, op: 'ListKeys', body: '{}' }));
    assert.is(res.status, 200);
    stuck.forEach((x) => x.destroy());
  });
});

/**
 * Sends the whole of an oversized body before reading anything, like
 * Python's http.client: the answer must be there when it looks.
 */
async function sendAllThenRead(s: KmsServer, head: string, body: Buffer): Promise<string> {
  const socket = await open(s);
  socket.pause();
  await new Promise<void>((resolve) => {
    socket.on('error', () => resolve());
    socket.write(head);
    socket.write(body, () => resolve());
  });
  await new Promise((r) => setTimeout(r, 50));
  const r = untilClosed(socket);
  socket.resume();
  return (await r).data;
}

test('an oversized chunked body: the 413 arrives even when the client sends everything first', async () => {
  await withServer({}, async (s) => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const frames: Buffer[] = [];
    for (let i = 0; i < 24; i++) frames.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n'));
    frames.push(Buffer.from('0\r\n\r\n'));
    for (let round = 0; round < 5; round++) {
      const data = await sendAllThenRead(s, `${HEAD}Transfer-Encoding: chunked\r\n\r\n`, Buffer.concat(frames));
      assert.match(data, /^HTTP\/1\.1 413 /, `round ${round}: ${JSON.stringify(data.slice(0, 60))}`);
      assert.match(data, /Connection: close/i);
      assert.match(data, /"__type":"RequestEntityTooLargeException"/);
    }
  });
});

test('refusals before the body (Content-Length over the limit, no signature) also arrive before the close', async () => {
  await withServer({}, async (s) => {
    const body = Buffer.alloc(1024 * 1024, 'x');
    for (let round = 0; round < 3; round++) {
      assert.match(await sendAllThenRead(s, `${HEAD}Content-Length: ${body.length}\r\n\r\n`, body), /^HTTP\/1\.1 413 /);
      const small = body.subarray(0, 200 * 1024);
      const unsigned = `POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ${small.length}\r\n\r\n`;
      assert.match(await sendAllThenRead(s, unsigned, small), /^HTTP\/1\.1 403 [^]*MissingAuthenticationTokenException/);
    }
  });
});

test('a log function that throws neither crashes the server nor keeps close() waiting; answers still arrive', async () => {
  let calls = 0;
  const s = await startServer({ port: 0, keyStore: new MemoryKeyStore(), log: () => {
    calls++;
    throw new Error('log sink is full');
  } });
  const stderr = process.stderr.write.bind(process.stderr);
  const said: string[] = [];
  process.stderr.write = ((chunk: string | Uint8Array) => (said.push(String(chunk)), true)) as typeof process.stderr.write;
  try {
    for (let i = 0; i < 3; i++) {
      const res = await rawRequest(s.url, await signedRequest({ url: s.url, op: 'ListKeys', body: '{}' }));
      assert.is(res.status, 200);
    }
  } finally {
    process.stderr.write = stderr;
  }
  assert.is(calls, 3);
  assert.ok(said.some((l) => l.includes('the request log function threw (log sink is full)')), said.join(''));
  const closed = await Promise.race([s.close().then(() => 'closed'), new Promise((r) => setTimeout(() => r('hung'), 5000))]);
  assert.is(closed, 'closed');
});

test('limits are checked: positive integers, headers timeout within the request timeout; CLI flags in seconds', async () => {
  for (const options of [{ maxConnections: 0 }, { requestTimeoutMs: -1 }, { keepAliveTimeoutMs: 1.5 }, { headersTimeoutMs: 5000, requestTimeoutMs: 1000 }]) {
    let failed = false;
    try {
      await (await startServer({ port: 0, keyStore: new MemoryKeyStore(), ...options })).close();
    } catch (err) {
      failed = err instanceof RangeError;
    }
    assert.ok(failed, JSON.stringify(options));
  }
  for (const [args, message] of [
    [['--max-connections', '0'], /--max-connections: '0' is not a positive integer/],
    [['--request-timeout', 'soon'], /--request-timeout: 'soon' is not a positive number of seconds/],
    [['--headers-timeout', '40'], /--headers-timeout must not be longer than --request-timeout/],
  ] as const) {
    const r = await runWasmac(['serve', '--port', '0', ...args]);
    assert.is(r.code, 252);
    assert.match(r.err, message);
  }
});

test.run();
