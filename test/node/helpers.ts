/**
 * Shared by the node suites: a SigV4 signer (the SDK's own, `@smithy/signature-v4`,
 * over node:crypto), raw HTTP requests, temporary directories and a free port.
 */
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as assert from 'uvu/assert';
import { runCli } from '../../src/node/index.js';

class Sha256 {
  private readonly h: Hash | Hmac;
  constructor(secret?: string | Uint8Array) {
    this.h = secret === undefined ? createHash('sha256') : createHmac('sha256', secret);
  }
  update(data: string | Uint8Array): void {
    this.h.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.h.digest());
  }
}

export interface RawRequest {
  method?: string;
  path?: string;
  headers: Record<string, string>;
  body: string;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: any;
}

/** Signs a KMS JSON request as the JS SDK does. */
export async function signedRequest(opts: {
  url: string;
  op?: string;
  target?: string;
  body: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  region?: string;
  service?: string;
  date?: Date;
  contentType?: string;
  /** Send (and sign) `x-amz-content-sha256`, as the JS SDK does; botocore does not. Default true. */
  contentSha256?: boolean;
  extraHeaders?: Record<string, string>;
}): Promise<RawRequest> {
  const u = new URL(opts.url);
  const headers: Record<string, string> = {
    host: u.host,
    'content-type': opts.contentType ?? 'application/x-amz-json-1.1',
    'x-amz-target': opts.target ?? `TrentService.${opts.op ?? 'ListKeys'}`,
    ...opts.extraHeaders,
  };
  if (opts.contentSha256 !== false) headers['x-amz-content-sha256'] = createHash('sha256').update(opts.body).digest('hex');
  const signer = new SignatureV4({
    credentials: { accessKeyId: opts.accessKeyId ?? 'test', secretAccessKey: opts.secretAccessKey ?? 'test' },
    region: opts.region ?? 'us-east-1',
    service: opts.service ?? 'kms',
    sha256: Sha256 as never,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    { method: 'POST', protocol: 'http:', hostname: u.hostname, port: Number(u.port), path: '/', headers, body: opts.body, query: {} },
    opts.date === undefined ? {} : { signingDate: opts.date },
  );
  return { method: 'POST', path: '/', headers: signed.headers as Record<string, string>, body: opts.body };
}

/** Sends `req` to `url` as it is (no client-side processing). */
export function rawRequest(url: string, req: RawRequest): Promise<RawResponse> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const r = httpRequest(
      { host: u.hostname, port: u.port, method: req.method ?? 'POST', path: req.path ?? '/', headers: req.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(body);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
        });
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });
}

/** A fresh temporary directory; `cleanup()` removes it. */
export function tempDir(prefix = 'wasmac-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Base64 of UTF-8 text. */
export function b64(text: string | Uint8Array): string {
  return Buffer.from(text).toString('base64');
}

/** The rejection of `p` (any value), or a failed assertion if `p` resolves. */
export async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  assert.unreachable('expected the call to fail');
}

/** Runs the `wasmac` CLI in-process; its output, parsed as JSON where it is JSON. */
export async function runWasmac(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string; json: any }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), env });
  let json: unknown;
  try {
    json = out.trim() === '' ? undefined : JSON.parse(out);
  } catch {
    json = undefined;
  }
  return { code, out, err, json };
}
