/**
 * A load generator for the endpoint, shared by the load suite and the
 * benches (`bench/server.bench.ts`, `bench/store.bench.ts`): `connections`
 * keep-alive sockets, each sending requests back to back (one in flight per
 * socket, no pipelining) until `total` are answered.
 *
 * It is deliberately light, so that the figure measures the server and not
 * the client on a small machine: requests are built (and signed) up front as
 * the bytes to send, written on plain `node:net` sockets, and the answers are
 * read by a minimal HTTP/1.1 response reader (status line, `Content-Length`,
 * `Connection: close`) instead of `node:http`'s client, which cost about as
 * much CPU per request as a bare server spends answering it. The client's
 * own CPU time is reported (`clientCpuUs`).
 */
import { connect, type Socket } from 'node:net';

export interface LoadRequest {
  headers: Record<string, string>;
  body: string;
  /** Checks a response body; false counts as an error. */
  check(status: number, body: string): boolean;
}

export interface LoadResult {
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
  perSecond: number;
  /** CPU time (user + system) of this process per request, microseconds. */
  clientCpuUs: number;
}

/** The bytes of `req` as `POST /` to `host`; `Host` and `Content-Length` added unless given. */
function encode(req: LoadRequest, host: string): Buffer {
  const names = new Set(Object.keys(req.headers).map((n) => n.toLowerCase()));
  let head = 'POST / HTTP/1.1\r\n';
  if (!names.has('host')) head += `Host: ${host}\r\n`;
  for (const [name, value] of Object.entries(req.headers)) head += `${name}: ${value}\r\n`;
  const body = Buffer.from(req.body, 'utf8');
  if (!names.has('content-length')) head += `Content-Length: ${body.length}\r\n`;
  return Buffer.concat([Buffer.from(`${head}\r\n`, 'latin1'), body]);
}

const HEAD_END = Buffer.from('\r\n\r\n');

/** A parsed response head: status, body length, whether the server closes the connection after it. */
function parseHead(head: string): { status: number; length: number; close: boolean } | undefined {
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(head);
  const length = /\r\ncontent-length:[ \t]*(\d+)/i.exec(head);
  if (status === null || length === null) return undefined;
  return { status: Number(status[1]), length: Number(length[1]), close: /\r\nconnection:[ \t]*close/i.test(head) };
}

export async function runLoad(url: string, requests: readonly LoadRequest[], total: number, connections: number): Promise<LoadResult> {
  const u = new URL(url);
  const port = Number(u.port);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const wire = requests.map((r) => encode(r, u.host));
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const fail = (message: string): void => {
    errors++;
    firstError ??= message;
  };

  /** One connection's loop: a request, its whole answer, the next; a new socket when the server closes one. */
  const lane = (): Promise<void> =>
    new Promise((done) => {
      let socket: Socket | undefined;
      let buffered: Buffer | undefined;
      let current = -1;
      let head: ReturnType<typeof parseHead> | null = null;
      let bodyStart = 0;

      const open = (): void => {
        buffered = undefined;
        head = null;
        const s = connect({ host, port, noDelay: true });
        socket = s;
        s.on('data', (chunk: Buffer) => onData(s, chunk));
        s.on('error', (err) => {
          if (socket !== s) return;
          socket = undefined;
          if (current >= 0) fail(err.message);
          current = -1;
          sendNext();
        });
        s.on('close', () => {
          if (socket !== s) return;
          socket = undefined;
          if (current >= 0) fail('connection closed before the response');
          current = -1;
          sendNext();
        });
      };

      const sendNext = (): void => {
        if (next >= total) {
          socket?.destroy();
          socket = undefined;
          done();
          return;
        }
        if (socket === undefined) open();
        current = next++;
        socket!.write(wire[current % wire.length]!);
      };

      const onData = (s: Socket, chunk: Buffer): void => {
        if (socket !== s) return;
        buffered = buffered === undefined ? chunk : Buffer.concat([buffered, chunk]);
        if (head === null) {
          const end = buffered.indexOf(HEAD_END);
          if (end < 0) return;
          head = parseHead(buffered.toString('latin1', 0, end));
          bodyStart = end + HEAD_END.length;
          if (head === undefined) {
            fail(`unreadable response: ${JSON.stringify(buffered.toString('latin1', 0, Math.min(end, 200)))}`);
            socket = undefined;
            s.destroy();
            current = -1;
            sendNext();
            return;
          }
        }
        if (head === undefined || buffered.length < bodyStart + head.length) return;
        const { status, length, close } = head;
        const body = buffered.toString('utf8', bodyStart, bodyStart + length);
        const rest = buffered.length > bodyStart + length ? buffered.subarray(bodyStart + length) : undefined;
        if (!requests[current % requests.length]!.check(status, body)) fail(`${status} ${body.slice(0, 200)}`);
        current = -1;
        buffered = rest;
        head = null;
        if (rest !== undefined) fail(`${rest.length} bytes after the response`);
        if (close || rest !== undefined) {
          socket = undefined;
          s.destroy();
        }
        sendNext();
      };

      sendNext();
    });

  const cpu0 = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, lane));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    requests: total,
    errors,
    ...(firstError === undefined ? {} : { firstError }),
    seconds,
    perSecond: total / seconds,
    clientCpuUs: (cpu.user + cpu.system) / total,
  };
}
