/**
 * The local KMS endpoint: AWS JSON 1.1 over `node:http`, exactly as KMS
 * speaks it (docs/SEMANTICS.md WIRE-1..WIRE-6), in front of the facade.
 *
 * The stages are runtime-neutral (`src/kms/wire/stages.ts`): framing (POST /,
 * body size announced), the SigV4 header check, then, once the body is read
 * (up to the limit), the signature, the operation (`X-Amz-Target:
 * TrentService.<Op>`), the content type, the JSON codec, the facade, the
 * response. This file is the Node glue: sockets and their limits, streaming
 * the body, the request ID header, the log line, a graceful close. Every
 * response, success or error, has a JSON body and an `x-amzn-RequestId`
 * header.
 */
import { randomUUID } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { KMSClient } from '../kms/client.js';
import { ConfigError } from '../kms/config-error.js';
import type { KeyStore } from '../kms/key-store.js';
import {
  authenticate,
  decode,
  DEFAULT_MAX_BODY_BYTES,
  dispatch,
  encodeError,
  encodeFailure,
  encodeSuccess,
  frame,
  operationOf,
  tooLarge,
  useBase64,
  WireError,
  type Credential,
  type WireResponse,
} from '../kms/wire/index.js';
import { FileKeyStore } from './file-store.js';
import { applySeed, type Seed } from '../kms/seed.js';
import { nodeSha256Hex, REGION_NAME, SigV4Verifier, type ParsedAuthorization } from './sigv4.js';
import { nodeBase64 } from './base64.js';

// The wire codec's base64 blobs (Message, Mac, ...) by node:buffer: same strictness, less CPU per request.
useBase64(nodeBase64);

/** The access key accepted when none is configured: the convention of other local AWS emulators. */
export const DEFAULT_CREDENTIAL: Readonly<Credential> = Object.freeze({ accessKeyId: 'test', secretAccessKey: 'test' });
export const DEFAULT_PORT = 4599;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_ACCOUNT_ID = '111122223333';
export const DEFAULT_DATA_DIR = '.wasmac';
/** Largest request body accepted (bytes). KMS's largest members (a 128 KiB policy) fit. */
export { DEFAULT_MAX_BODY_BYTES };
/** Time to receive a request's headers (ms), from its first byte or, on a new connection, from connecting. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
/** Time to receive a whole request, headers and body (ms); bodies are at most 256 KiB. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** How long an idle keep-alive connection stays open (ms). */
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** Open connections at most; more are closed as they arrive. The SDKs open 10 (botocore) to 50 (JS SDK v3) per endpoint. */
export const DEFAULT_MAX_CONNECTIONS = 512;
/** After a refusal that leaves the body unread: how long (ms) and how much (bytes) of it is still read and dropped before closing. */
const LINGER_MS = 2_000;
const LINGER_BYTES = 8 * 1024 * 1024;

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** Address to listen on; default `127.0.0.1` (this machine only). */
  host?: string;
  /** Port; default 4599, 0 for any free port. */
  port?: number;
  /**
   * The default region: seeds go there, and it is what the banner shows.
   * Requests are served in the region of their SigV4 credential scope.
   */
  region?: string;
  /** Serve only these regions (others get AWS's "valid region" refusal); default: every region. */
  regions?: readonly string[];
  accountId?: string;
  /** Where keys live. Default: a {@link FileKeyStore} in `dataDir`, closed with the server. */
  keyStore?: KeyStore;
  /** Data directory of the default store; default `./.wasmac`. */
  dataDir?: string;
  /** 32 bytes: encrypts material at rest in the default store. */
  masterKey?: Uint8Array;
  /** Keys and aliases to add on start (those not already there). */
  seed?: Seed;
  /** Accepted access keys; default `test` / `test`. */
  credentials?: readonly Credential[];
  maxBodyBytes?: number;
  /** Limits on slow and idle clients (ms) and on connections; the defaults are the `DEFAULT_*` constants. */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  keepAliveTimeoutMs?: number;
  maxConnections?: number;
  /** Clock (ms since the epoch) for signatures and the facade; default `Date.now`. */
  now?: () => number;
  /** Called with one line per request (operation, status, time; never key material). */
  log?: (line: string) => void;
}

/** A running endpoint. */
export interface KmsServer {
  /** `http://<host>:<port>` (loopback for a wildcard host), what `endpoint` / `--endpoint-url` take. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** The default region (seeds, banner). */
  readonly region: string;
  /** The regions served, or undefined for every region. */
  readonly regions: readonly string[] | undefined;
  readonly accountId: string;
  readonly keyStore: KeyStore;
  readonly credentials: readonly Credential[];
  /** Whether `credentials` is the built-in `test` / `test`. */
  readonly defaultCredentials: boolean;
  readonly server: Server;
  /** Stops accepting connections, lets requests in flight finish, then closes the store it opened. */
  close(): Promise<void>;
}

/**
 * Writes `out`: its headers, the request ID and the length in one
 * `writeHead` (no `setHeader` before it, so Node takes the list as it is),
 * then the body. `close` adds `Connection: close`.
 */
function writeResponse(res: ServerResponse, id: string, out: WireResponse, close: boolean): void {
  const headers: string[] = ['x-amzn-RequestId', id];
  for (const name in out.headers) headers.push(name, out.headers[name]!);
  headers.push('Content-Length', String(Buffer.byteLength(out.body)));
  if (close) headers.push('Connection', 'close');
  res.writeHead(out.status, headers);
}

/** What the server keeps of each connection, made once when it opens. */
interface Connection {
  /** The latest response: while it is not ended, nothing else may be written here. */
  response: ServerResponse | undefined;
  /** The body being read, if any: a request timeout ends the read with a 408. */
  reader: ((err: WireError) => void) | undefined;
}
const connections = new WeakMap<Socket, Connection>();

/**
 * Reads the body, refusing it as soon as it passes `limit` bytes; `then`
 * runs once, with the body or the error (a callback, not a promise: one
 * promise and one microtask fewer on every request).
 */
function readBody(req: IncomingMessage, connection: Connection, limit: number, then: (err: Error | undefined, body: Uint8Array) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let settled = false;
  const settle = (err: Error | undefined, body: Uint8Array): void => {
    if (settled) return;
    settled = true;
    connection.reader = undefined;
    then(err, body);
  };
  const stop = (err: Error): void => {
    req.off('data', onData);
    settle(err, NO_BODY);
  };
  const onData = (chunk: Buffer): void => {
    size += chunk.length;
    if (size > limit) stop(tooLarge(limit));
    else chunks.push(chunk);
  };
  connection.reader = stop;
  req.on('data', onData);
  req.on('end', () => settle(undefined, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
  req.on('error', stop);
}

/**
 * Answers a request refused before its body was read, then closes the
 * connection. The rest of the body is read and dropped first (up to
 * LINGER_MS / LINGER_BYTES): closing a socket with unread input makes the
 * kernel send a reset, and a client that sends its whole body before reading
 * (Python's http.client) would get ECONNRESET instead of the answer.
 */
function refuseUnread(req: IncomingMessage, res: ServerResponse, id: string, out: WireResponse): void {
  writeResponse(res, id, out, true);
  res.write(out.body);
  let dropped = 0;
  const timer = setTimeout(() => req.destroy(), LINGER_MS);
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) req.destroy();
  });
  req.once('end', () => res.end());
  req.once('close', () => clearTimeout(timer));
  req.resume();
}

/** The state of `socket`, made on its first request. */
function connectionOf(socket: Socket): Connection {
  let c = connections.get(socket);
  if (c === undefined) {
    c = { response: undefined, reader: undefined };
    connections.set(socket, c);
  }
  return c;
}

/** `new Date().toISOString()` for the log lines, made once per millisecond: a busy endpoint logs several lines in each. */
function logTimestamp(): () => string {
  let ms = -1;
  let text = '';
  return () => {
    const now = Date.now();
    if (now !== ms) {
      ms = now;
      text = new Date(now).toISOString();
    }
    return text;
  };
}

/** What {@link handle} needs besides the request. */
interface Handler {
  verifier: SigV4Verifier;
  clientFor: (c: Credential, region: string) => KMSClient;
  maxBodyBytes: number;
  /** Whether the server is closing: each answer then says `Connection: close`. */
  closing(): boolean;
}

/**
 * One request through the stages (`src/kms/wire/stages.ts`); the body is
 * read between the header checks and the signature, so that an oversized or
 * unauthenticated request is refused before its body is read. `done` gets
 * what was sent, once.
 */
function handle(req: IncomingMessage, res: ServerResponse, connection: Connection, id: string, h: Handler, done: (out: WireResponse) => void): void {
  // One object for the stages, its body filled in once read.
  const request = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: NO_BODY };
  let operation = '-';
  const fail = (err: unknown): void => {
    const out = encodeFailure(request, operation, err);
    // Refused before the body was read (size, authentication, timeout):
    // answer, then close rather than read the rest of an unwanted body.
    if (err instanceof WireError && !req.complete) refuseUnread(req, res, id, out);
    else {
      writeResponse(res, id, out, h.closing());
      res.end(out.body);
    }
    done(out);
  };
  const succeed = (output: object): void => {
    let out: WireResponse;
    try {
      out = encodeSuccess(request, operation, output);
      writeResponse(res, id, out, h.closing());
    } catch (err) {
      return fail(err);
    }
    res.end(out.body);
    done(out);
  };
  let prechecked: ParsedAuthorization;
  try {
    frame(request, h.maxBodyBytes);
    prechecked = h.verifier.precheck(request.headers);
  } catch (err) {
    return fail(err);
  }
  readBody(req, connection, h.maxBodyBytes, (err, body) => {
    if (err !== undefined) return fail(err);
    let output: Promise<object>;
    try {
      request.body = body;
      const credential = authenticate(request, h.verifier, prechecked)!;
      const op = operationOf(request);
      operation = op.name;
      // The request's region is its credential scope's (REGION-1).
      output = dispatch(h.clientFor(credential, prechecked.region), op, decode(request, op));
    } catch (e) {
      return fail(e);
    }
    output.then(succeed, fail);
  });
}
const NO_BODY: Uint8Array = new Uint8Array(0);

/** How many account-and-region clients the server keeps before it starts over (each about 3 KiB). */
const CLIENTS_MAX = 256;

/** The connection limits of `options`, checked: positive integers, headers no later than the whole request. */
function serverLimits(options: ServerOptions): Required<Pick<ServerOptions, 'headersTimeoutMs' | 'requestTimeoutMs' | 'keepAliveTimeoutMs' | 'maxConnections'>> {
  const limits = {
    headersTimeoutMs: options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
    maxConnections: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
  };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${String(value)}`);
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new RangeError(`headersTimeoutMs (${limits.headersTimeoutMs}) must not be more than requestTimeoutMs (${limits.requestTimeoutMs})`);
  }
  return limits;
}

/**
 * Starts the endpoint and resolves once it listens.
 * @example
 * const kms = await startServer({ port: 0, dataDir: '.wasmac' });
 * const client = new KMSClient({ endpoint: kms.url, region: kms.region,
 *   credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }); // @aws-sdk/client-kms
 * // ...
 * await kms.close();
 */
export async function startServer(options: ServerOptions = {}): Promise<KmsServer> {
  const host = options.host ?? DEFAULT_HOST;
  const region = options.region ?? DEFAULT_REGION;
  const regions = options.regions === undefined || options.regions.length === 0 ? undefined : [...options.regions];
  for (const r of [region, ...(regions ?? [])]) {
    if (!REGION_NAME.test(r)) throw new ConfigError(`region '${r}' is not a region name like us-east-1`);
  }
  if (regions !== undefined && !regions.includes(region)) throw new ConfigError(`the default region '${region}' is not one of the regions served (${regions.join(', ')})`);
  const accountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const limits = serverLimits(options);
  const now = options.now ?? Date.now;
  const defaultCredentials = options.credentials === undefined || options.credentials.length === 0;
  const credentials = defaultCredentials ? [DEFAULT_CREDENTIAL] : [...options.credentials!];
  const ownStore = options.keyStore === undefined;
  const keyStore =
    options.keyStore ??
    (await FileKeyStore.open(options.dataDir ?? DEFAULT_DATA_DIR, options.masterKey === undefined ? {} : { masterKey: options.masterKey }));

  const closeStore = async (): Promise<void> => {
    if (ownStore) await (keyStore as FileKeyStore).close();
  };
  try {
    if (options.seed !== undefined) await applySeed(keyStore, options.seed, { region, accountId, now });
  } catch (err) {
    await closeStore();
    throw err;
  }

  // One client per account and region, all over the one store: keys, aliases,
  // grants and tags are per account and region, as in AWS. A client holds no
  // state of its own (the store and its repository do), so the map starts
  // over past CLIENTS_MAX: requests naming ever new regions cannot grow it.
  const clients = new Map<string, KMSClient>();
  const clientFor = (credential: Credential, requestRegion: string): KMSClient => {
    const account = credential.accountId ?? accountId;
    const id = `${account}/${requestRegion}`;
    let client = clients.get(id);
    if (client === undefined) {
      if (clients.size >= CLIENTS_MAX) clients.clear();
      client = new KMSClient({ region: requestRegion, accountId: account, keyStore, now: () => new Date(now()), ...(regions === undefined ? {} : { regions }) });
      clients.set(id, client);
    }
    return client;
  };
  const verifier = new SigV4Verifier({ credentials, regions, now, sha256Hex: nodeSha256Hex });
  const log = options.log;
  let logFailures = 0;
  /** Says on stderr that the log function threw: the first time, then every 1000th. */
  const logFailed = (err: unknown): void => {
    if (logFailures++ % 1000 === 0) {
      process.stderr.write(`wasmac: the request log function threw (${err instanceof Error ? err.message : String(err)}); ${logFailures} time(s) so far\n`);
    }
  };
  let closing = false;
  let inFlight = 0;
  let idle: (() => void) | undefined;

  const http = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Node checks the two timeouts on this interval (default 30 s, which would stretch them).
    connectionsCheckingInterval: Math.max(25, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
  };
  const handler: Handler = { verifier, clientFor, maxBodyBytes, closing: () => closing };
  const timestamp = logTimestamp();
  const server = createServer(http, (req, res) => {
    inFlight++;
    const connection = connectionOf(req.socket);
    connection.response = res;
    const started = performance.now();
    const id = randomUUID();
    handle(req, res, connection, id, handler, (outcome) => {
      try {
        if (log !== undefined) {
          const ms = (performance.now() - started).toFixed(1);
          log(`${timestamp()} ${id} ${outcome.operation} ${outcome.status}${outcome.error ? ` ${outcome.error}` : ''} ${ms}ms`);
        }
      } catch (err) {
        // The answer is already sent; a failing log must neither crash the
        // server nor leave this request counted (close() would wait forever).
        logFailed(err);
      } finally {
        inFlight--;
        if (inFlight === 0 && idle !== undefined) idle();
      }
    });
  });
  server.maxConnections = limits.maxConnections;
  let dropsLogged = 0;
  server.on('drop', () => {
    // One line a second at most: a flood of connections must not become a flood of log lines.
    if (log !== undefined && Date.now() - dropsLogged >= 1000) {
      dropsLogged = Date.now();
      log(`${new Date().toISOString()} - connection refused: ${limits.maxConnections} connections open (--max-connections)`);
    }
  });
  // An idle keep-alive connection times out in the event loop's timers phase, before the loop
  // reads what arrived meanwhile: closed there, a connection the client has just reused for its
  // next request answers it with a reset (ECONNRESET), however healthy the client. So close it
  // after the loop has read (setImmediate runs after the poll phase), and only if nothing came.
  // (Node emits 'timeout' only for this idle timer here: no request or response timeout uses it.)
  server.on('timeout', (socket: Socket) => {
    const read = socket.bytesRead;
    setImmediate(() => {
      if (socket.bytesRead === read && connections.get(socket)?.response?.writableEnded !== false) socket.destroy();
    });
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    const timedOut = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const reader = connections.get(socket)?.reader;
    // A body still arriving: its handler answers the 408 and closes.
    if (timedOut && reader !== undefined) return reader(new WireError('RequestTimeoutException', 408, 'The request was not received in time'));
    // A response under way (or a refusal draining its body) cannot be followed by another.
    if (!socket.writable || connections.get(socket)?.response?.writableEnded === false) return socket.destroy();
    const [status, name, message] = timedOut
      ? [408, 'RequestTimeoutException', 'The request was not received in time']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'SerializationException', 'Request header fields too large']
        : [400, 'SerializationException', 'Malformed HTTP request'];
    const body = encodeError(name, message);
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/x-amz-json-1.1\r\nx-amzn-RequestId: ${randomUUID()}\r\n` +
        `x-amzn-ErrorType: ${name}\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    // end() only half-closes (the server allows half-open sockets): a client that never reads
    // or closes would keep the connection, and its place under --max-connections, for ever.
    const linger = setTimeout(() => socket.destroy(), LINGER_MS);
    socket.once('close', () => clearTimeout(linger));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (err) => {
    await closeStore();
    throw err;
  });
  const port = (server.address() as AddressInfo).port;
  // A wildcard address listens everywhere; clients on this machine reach it on loopback.
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  const urlHost = reachable.includes(':') ? `[${reachable}]` : reachable;

  let closed: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    region,
    regions,
    accountId,
    keyStore,
    credentials,
    defaultCredentials,
    server,
    close() {
      closed ??= (async () => {
        closing = true;
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        if (inFlight > 0) await new Promise<void>((resolve) => (idle = resolve));
        server.closeIdleConnections();
        const force = setTimeout(() => server.closeAllConnections(), 5000);
        await stopped;
        clearTimeout(force);
        await closeStore();
      })();
      return closed;
    },
  };
}
