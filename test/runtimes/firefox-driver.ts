/**
 * Headless Firefox over WebDriver BiDi (puppeteer-core), for the runtimes
 * suite and for anything else that wants a Firefox page (the bench can run its
 * bundle the way it runs Chromium's: `launchFirefox()`, `newPage()`,
 * `exposeFunction`, `goto`, `evaluate`, `close()`).
 */
import puppeteer, { type Browser } from 'puppeteer-core';
import { findBinary } from './browser.js';

/** `$FIREFOX_PATH`, else `firefox-esr` or `firefox` on the PATH. */
export function findFirefox(): string | undefined {
  return findBinary('FIREFOX_PATH', ['firefox-esr', 'firefox']);
}

/** Launches headless Firefox (a fresh temporary profile); throws when there is none. */
export async function launchFirefox(executablePath = findFirefox()): Promise<Browser> {
  if (executablePath === undefined) throw new Error('Firefox is not installed (no firefox-esr or firefox on PATH, no FIREFOX_PATH)');
  return puppeteer.launch({ browser: 'firefox', executablePath, headless: true });
}

/** "153.8.0" from the browser's "firefox/153.8.0". */
export async function firefoxVersion(browser: Browser): Promise<string> {
  return (await browser.version()).replace(/^firefox\//i, '');
}
