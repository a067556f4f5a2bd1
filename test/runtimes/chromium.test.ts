// Chromium (Debian `chromium`, driven by `playwright-core`): a Node http server
// on 127.0.0.1 serves two pages, the smoke (importing the esbuild bundle of the
// main entry, resolved by the package's name under the `browser` platform) and
// examples/browser (its main.js bundled the way its README says); the test
// reads both results from the pages. Without a Chromium binary the test is
// skipped, loudly, with the command that installs one.
import { accessSync, constants, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { delimiter, join } from 'node:path';
import { chromium } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bundle, mainExports, printResult, ROOT, SMOKE_ENTRY } from './harness.js';
import type { SmokeReport } from './smoke.js';

/** `$CHROMIUM_PATH`, else `chromium` or `chromium-browser` on the PATH. */
function findChromium(): string | undefined {
  const candidates = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : [];
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    candidates.push(join(dir, 'chromium'), join(dir, 'chromium-browser'));
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

/** The launch that works as root with no network (see the runtimes notes). */
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

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

const executablePath = findChromium();

if (executablePath === undefined) {
  console.log([
    'SKIPPED: the Chromium suite did not run: no Chromium found ($CHROMIUM_PATH, or chromium / chromium-browser on the PATH).',
    '         Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu; .ci/run does this) or set CHROMIUM_PATH, then rerun.',
    'runtime: chromium -                                    -      SKIPPED',
  ].join('\n'));
  test.skip('chromium: the smoke and examples/browser pass', () => {});
} else {
  test('chromium: the smoke and examples/browser pass', async () => {
    const js = 'text/javascript; charset=utf-8';
    const html = 'text/html; charset=utf-8';
    const { server, origin } = await serve({
      '/smoke.html': { type: html, body: '<!doctype html><meta charset="utf-8"><title>wasmac smoke</title><script type="module" src="./smoke.js"></script>' },
      '/smoke.js': { type: js, body: (await bundle({ contents: SMOKE_ENTRY })).code },
      '/example/': { type: html, body: readFileSync(join(ROOT, 'examples/browser/index.html'), 'utf8') },
      '/example/main.bundle.js': { type: js, body: (await bundle({ file: 'examples/browser/main.js' })).code },
    });
    const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
      page.on('console', (msg) => msg.type() === 'error' && errors.push(`console error: ${msg.text()}`));

      let report: SmokeReport;
      let exampleOk = false;
      try {
        await page.goto(`${origin}/smoke.html`);
        await page.waitForFunction(() => (globalThis as { __wasmacSmoke?: unknown }).__wasmacSmoke !== undefined, null, { timeout: 20_000 });
        report = (await page.evaluate(() => (globalThis as { __wasmacSmoke?: unknown }).__wasmacSmoke)) as SmokeReport;

        await page.goto(`${origin}/example/`);
        await page.waitForFunction(() => document.body.dataset.status !== undefined, null, { timeout: 20_000 });
        const status = await page.evaluate(() => document.body.dataset.status);
        exampleOk = status === 'verified';
        if (!exampleOk) console.log(`examples/browser: status ${status}: ${await page.textContent('#result')}`);
      } finally {
        for (const e of errors) console.log(e);
      }

      assert.is(report.runtime, 'chromium');
      assert.equal(report.exports, await mainExports(), 'the main entry exports the same names in Chromium');
      assert.ok(printResult(report, browser.version(), { 'examples/browser': exampleOk, 'no page errors': errors.length === 0 }), 'chromium failed (see above)');
    } finally {
      await browser.close();
      server.close();
    }
  });
}

test.run();
