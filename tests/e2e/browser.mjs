// Shared by the end-to-end scripts: Debian's Chromium through playwright-core, the served demo portal,
// and a watch on everything the page complains about (CSP violations, uncaught errors).
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/**
 * A page with its complaints collected in `page.problems` (console errors and page errors).
 * `prepare(page)` runs before the page is loaded: routes that fake a hung host or hostile data.
 */
export async function openPage(browser, path, { width = 1280, height = 900, prepare } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') page.problems.push(m.text()); });
  page.on('pageerror', (e) => page.problems.push(String(e)));
  if (prepare) await prepare(page);
  await page.goto(new URL(path, baseUrl).href);
  return page;
}

/**
 * Every script and Wasm file the page requests, as paths, in order: the page's own network log,
 * collected from before its first request (pass as `prepare`, read `page.code` afterwards).
 */
export function recordCode(page) {
  page.code = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (/\.(m?js|wasm)$/.test(path)) page.code.push(path);
  });
}

/** Serves the demo page at `path` with extra attributes on its widget (`timeout="2"`), as a portal would write them. */
export async function withAttributes(page, path, attributes) {
  await page.route(`**${path}`, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('<batayan-apa-table id="apa"', `<batayan-apa-table id="apa" ${attributes}`);
    await route.fulfill({ response, body: html });
  });
}

/**
 * A module file's name without the content hash the npm package gives it
 * (`batayan_view.1a2b3c4d5e6f_bg.wasm` → `batayan_view_bg.wasm`): the tests serve the package either way.
 */
export const unhashed = (path) => path.replace(/\.[0-9a-f]{12}(_bg\.wasm|\.js)$/, '$1');

/** How many reports the host has stored for the demo agreement, read through its API. */
export async function storedReports(page) {
  return page.evaluate(async () => (await (await fetch('/api/apa/ict-sylhet/2024-25/reports')).json()).reports.length);
}

/** Horizontal overflow of the page in CSS pixels (0 or less: nothing scrolls sideways). */
export async function sidewaysOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

// axe-core, run inside the page (open shadow roots included) for the WCAG 2.1 A and AA rules.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The WCAG 2.1 A/AA violations axe-core finds on the page as it stands, one line each
 * (`rule: target, target — help`), so that a failing assertion says what to fix.
 */
export async function accessibilityViolations(page) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern: the page itself
  // still runs under its strict policy.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await globalThis.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 4).map((n) => n.target.join(' > ')).join(', ')} — ${v.help}`);
  });
  return violations;
}
