// Firefox (Debian `firefox-esr`, driven over WebDriver BiDi by
// `puppeteer-core`, see firefox-driver.ts): the smoke page and
// examples/browser (see browser.ts). Without a Firefox binary the test is
// skipped, loudly, with the command that installs one.
import { test } from 'uvu';
import { runBrowserSuite, skippedLines } from './browser.js';
import { findFirefox, firefoxVersion, launchFirefox } from './firefox-driver.js';

const executablePath = findFirefox();

if (executablePath === undefined) {
  console.log(skippedLines('Firefox', 'no Firefox found ($FIREFOX_PATH, or firefox-esr / firefox on the PATH)',
    'Install it with `sudo apt-get install -y firefox-esr` (Debian/Ubuntu; .ci/run does this) or set FIREFOX_PATH'));
  test.skip('firefox: the smoke and examples/browser pass', () => {});
} else {
  test('firefox: the smoke and examples/browser pass', async () => {
    const browser = await launchFirefox(executablePath);
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(`page error: ${err instanceof Error ? err.message : String(err)}`));
      page.on('console', (msg) => msg.type() === 'error' && errors.push(`console error: ${msg.text()}`));
      await runBrowserSuite('firefox', await firefoxVersion(browser), {
        goto: async (url) => void (await page.goto(url)),
        waitFor: async (predicate, timeout) => void (await page.waitForFunction(predicate, { timeout })),
        evaluate: (fn) => page.evaluate(fn),
      }, errors);
    } finally {
      await browser.close();
    }
  });
}

test.run();
