/**
 * What the browser suites (Chromium over CDP with playwright-core, Firefox
 * over WebDriver BiDi with puppeteer-core) share: finding the binary, a Node
 * http server on 127.0.0.1 that serves the smoke page (the esbuild bundle of
 * the main entry, resolved by the package's name) and examples/browser, and
 * the run itself over a minimal page interface both drivers provide.
 * A missing browser is reported as skipped, loudly, with how to install it.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { delimiter, join } from 'node:path';
import * as assert from 'uvu/assert';
import { bundle, mainExports, printResult, ROOT, SMOKE_ENTRY } from './harness.js';
import type { SmokeReport } from './smoke.js';

/** `$<env>` if set, else the first of `names` on the PATH that is executable. */
export function findBinary(env: string, names: string[]): string | undefined {
  const candidates = process.env[env] ? [process.env[env]!] : [];
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of names) candidates.push(join(dir, name));
  }
  return candidates.find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The lines a suite prints when its browser is missing (counted as skipped by scripts/test.ts). */
export function skippedLines(runtime: string, what: string, install: string): string {
  return [
    `SKIPPED: the ${runtime} suite did not run: ${what}.`,
    `         ${install}, then rerun.`,
    `runtime: ${runtime.toLowerCase().padEnd(8)} -                                    -      SKIPPED`,
  ].join('\n');
}

function serve(files: Record<string, { type: string; body: string }>): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const file = files[path];
    if (file === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (typeof address !== 'object' || address === null) return reject(new Error('no address'));
      resolve({ server, origin: `http://127.0.0.1:${address.port}` });
    });
  });
}

/** The little of a page both drivers offer under their own names. */
export interface PageDriver {
  goto(url: string): Promise<void>;
  /** Waits until `predicate` is true in the page. */
  waitFor(predicate: () => boolean, timeoutMs: number): Promise<void>;
  evaluate<T>(fn: () => T): Promise<T>;
}

/**
 * Serves the smoke and examples/browser, runs both in `page` and prints the
 * runtime's line; `errors` are the page errors the driver collected.
 */
export async function runBrowserSuite(runtime: string, version: string, page: PageDriver, errors: string[]): Promise<void> {
  const js = 'text/javascript; charset=utf-8';
  const html = 'text/html; charset=utf-8';
  const { server, origin } = await serve({
    '/smoke.html': { type: html, body: '<!doctype html><meta charset="utf-8"><title>wasmac smoke</title><script type="module" src="./smoke.js"></script>' },
    '/smoke.js': { type: js, body: (await bundle({ contents: SMOKE_ENTRY })).code },
    '/example/': { type: html, body: readFileSync(join(ROOT, 'examples/browser/index.html'), 'utf8') },
    '/example/main.bundle.js': { type: js, body: (await bundle({ file: 'examples/browser/main.js' })).code },
  });
  try {
    let report: SmokeReport;
    let exampleOk = false;
    try {
      await page.goto(`${origin}/smoke.html`);
      await page.waitFor(() => (globalThis as { __wasmacSmoke?: unknown }).__wasmacSmoke !== undefined, 20_000);
      report = (await page.evaluate(() => (globalThis as { __wasmacSmoke?: unknown }).__wasmacSmoke)) as SmokeReport;

      await page.goto(`${origin}/example/`);
      await page.waitFor(() => document.body.dataset.status !== undefined, 20_000);
      const status = await page.evaluate(() => document.body.dataset.status);
      exampleOk = status === 'verified';
      if (!exampleOk) console.log(`examples/browser: status ${status}: ${await page.evaluate(() => document.querySelector('#result')?.textContent)}`);
    } finally {
      for (const e of errors) console.log(e);
    }
    assert.is(report.runtime, runtime);
    assert.equal(report.exports, await mainExports(), `the main entry exports the same names in ${runtime}`);
    assert.ok(printResult(report, version, { 'examples/browser': exampleOk, 'no page errors': errors.length === 0 }), `${runtime} failed (see above)`);
  } finally {
    server.close();
  }
}
