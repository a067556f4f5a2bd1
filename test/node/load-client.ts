/**
 * A load generator for the endpoint, shared by the load suite and
 * `bench/server.bench.ts`: `connections` keep-alive sockets, each sending
 * requests back to back until `total` are answered. Requests are built (and
 * signed) up front and replayed, so the client spends its time on I/O and the
 * figure measures the server.
 */
import { Agent, request } from 'node:http';

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
}

export async function runLoad(url: string, requests: readonly LoadRequest[], total: number, connections: number): Promise<LoadResult> {
  const u = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const one = (req: LoadRequest): Promise<void> =>
    new Promise((resolve) => {
      const r = request({ host: u.hostname, port: u.port, method: 'POST', path: '/', headers: req.headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          if (!req.check(res.statusCode ?? 0, body)) {
            errors++;
            firstError ??= `${res.statusCode} ${body.slice(0, 200)}`;
          }
          resolve();
        });
      });
      r.on('error', (err) => {
        errors++;
        firstError ??= err.message;
        resolve();
      });
      r.end(req.body);
    });
  const started = performance.now();
  const lane = async (): Promise<void> => {
    while (next < total) {
      const i = next++;
      await one(requests[i % requests.length]!);
    }
  };
  await Promise.all(Array.from({ length: connections }, lane));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests: total, errors, ...(firstError === undefined ? {} : { firstError }), seconds, perSecond: total / seconds };
}
