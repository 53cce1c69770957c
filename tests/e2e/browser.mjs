// Shared by the end-to-end scripts: Debian's Chromium through playwright-core, the served demo portal,
// and a watch on everything the page complains about (CSP violations, uncaught errors).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const baseUrl = process.env.BATAYAN_URL ?? 'http://127.0.0.1:8080/';
export const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(screenshots, { recursive: true });

// The flags toolchain.md found necessary here: root needs --no-sandbox, the closed network needs the
// background-networking ones.
export async function launch() {
  return chromium.launch({
    executablePath: process.env.BATAYAN_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A page with its complaints collected in `page.problems` (console errors and page errors). */
export async function openPage(browser, path, { width = 1280, height = 900 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') page.problems.push(m.text()); });
  page.on('pageerror', (e) => page.problems.push(String(e)));
  await page.goto(new URL(path, baseUrl).href);
  return page;
}
