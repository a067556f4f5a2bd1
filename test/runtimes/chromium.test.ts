// Chromium (Debian `chromium`, driven over CDP by `playwright-core`): the smoke
// page and examples/browser (see browser.ts). Without a Chromium binary the
// test is skipped, loudly, with the command that installs one.
import { chromium } from 'playwright-core';
import { test } from 'uvu';
import { findBinary, runBrowserSuite, skippedLines } from './browser.js';

/** The launch that works as root with no network (see the runtimes notes). */
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const executablePath = findBinary('CHROMIUM_PATH', ['chromium', 'chromium-browser']);

if (executablePath === undefined) {
  console.log(skippedLines('Chromium', 'no Chromium found ($CHROMIUM_PATH, or chromium / chromium-browser on the PATH)',
    'Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu; .ci/run does this) or set CHROMIUM_PATH'));
  test.skip('chromium: the smoke and examples/browser pass', () => {});
} else {
  test('chromium: the smoke and examples/browser pass', async () => {
    const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
      page.on('console', (msg) => msg.type() === 'error' && errors.push(`console error: ${msg.text()}`));
      await runBrowserSuite('chromium', browser.version(), {
        goto: async (url) => void (await page.goto(url)),
        waitFor: async (predicate, timeout) => void (await page.waitForFunction(predicate, null, { timeout })),
        evaluate: (fn) => page.evaluate(fn),
      }, errors);
    } finally {
      await browser.close();
    }
  });
}

test.run();
