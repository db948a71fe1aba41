import { existsSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';

/** Debian's Chromium, driven by playwright-core; the tests that need it skip visibly without it. */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** A headless browser and a 1400 × 900 page that collects its console errors and uncaught exceptions. */
export async function openPage(): Promise<{ browser: Browser; tab: Page; errors: string[] }> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const tab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  tab.on('pageerror', (e) => errors.push(String(e)));
  return { browser, tab, errors };
}

/**
 * An element as it lies on the page, from a full-page capture: an element screenshot scrolls to
 * it, and a sticky bar would then be drawn across it.
 */
export async function shot(tab: Page, el: Locator, path: string): Promise<void> {
  await tab.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
  const box = (await el.boundingBox())!;
  await tab.screenshot({ path, fullPage: true, clip: { x: box.x, y: box.y, width: box.width, height: box.height } });
}
