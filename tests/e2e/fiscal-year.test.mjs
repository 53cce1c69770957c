// <batayan-fiscal-year> on the served demo page, read the way a person reads it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityViolations, launch, openPage, screenshots } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The element's visible text, once it has rendered something. */
async function shown(page, id) {
  const el = page.locator(`#${id}`);
  await el.locator('.by-card, .by-error').first().waitFor();
  return (await el.locator('.by-root').innerText()).replace(/\s+/g, ' ');
}

test('the demo page shows a date in both calendars with its fiscal year', async () => {
  const page = await openPage(browser, '/fiscal-year.html');
  const text = await shown(page, 'live');
  assert.match(text, /অর্থবছর ২০২৩-২৪/);
  assert.match(text, /বুধবার, ২৭ ডিসেম্বর ২০২৩/);
  assert.match(text, /১২ পৌষ ১৪৩০/);
  assert.match(text, /দ্বিতীয় প্রান্তিক \(অক্টোবর–ডিসেম্বর\)/);
  const bar = page.locator('#live [role=progressbar]');
  assert.equal(await bar.getAttribute('aria-valuetext'), 'অর্থবছরের ৪৯% পার হয়েছে');
  assert.match(await shown(page, 'koyra'), /সোমবার, ১৯ সেপ্টেম্বর ২০২২.*৪ আশ্বিন ১৪২৯/);
  assert.match(await shown(page, 'poush'), /বুধবার, ২৭ ডিসেম্বর ২০২৩/);
  assert.match(await shown(page, 'english'), /Fiscal year 2023-24.*Tuesday, 12 December 2023.*27 Ogrohayon 1430/);
  await page.screenshot({ path: `${screenshots}fiscal-year-desktop.png`, fullPage: true });
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA, the impossible date\'s alert included');
  assert.deepEqual(page.problems, [], 'no console errors, no CSP violations');
  await page.close();
});

test('an impossible date is explained, in Bangla, in an alert', async () => {
  const page = await openPage(browser, '/fiscal-year.html');
  const alert = page.locator('#impossible [role=alert]');
  await alert.waitFor();
  assert.equal((await alert.innerText()).replace(/\s+/g, ' '),
    'ত্রুটি: “৩১/০২/২০২৩” কোনো বৈধ তারিখ নয়: ২০২৩ সালের ফেব্রুয়ারি মাসে ৩১ তারিখ নেই (২৮ দিনের মাস)।');
  await page.close();
});

test('typing a new date and switching language updates the widget', async () => {
  const page = await openPage(browser, '/fiscal-year.html');
  await shown(page, 'live');
  await page.locator('#date-input').fill('১২ পৌষ ১৪৩১');
  await page.getByLabel('English').check();
  await page.locator('#live .by-fiscal-year__bangla', { hasText: '12 Poush 1431' }).waitFor();
  const text = await shown(page, 'live');
  assert.match(text, /Fiscal year 2024-25/);
  assert.match(text, /Friday, 27 December 2024/);
  await page.locator('#date-input').fill('৩০ ফাল্গুন ১৪৩১');
  await page.locator('#live [role=alert]').waitFor();
  assert.match(await shown(page, 'live'), /Error: .*Falgun 1431 has no day 30 \(it has 29 days\)/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the home page renders today under the strict policy, on a phone too', async () => {
  const page = await openPage(browser, '/', { width: 360, height: 740 });
  const text = await shown(page, 'today');
  assert.match(text, /অর্থবছর [০-৯]{4}-[০-৯]{2}/);
  assert.match(text, /বঙ্গাব্দ/);
  const policy = (await page.request.get(page.url())).headers()['content-security-policy'];
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling on a 360 px phone (overflow ${overflow}px)`);
  await page.screenshot({ path: `${screenshots}home-phone.png`, fullPage: true });
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA on a phone');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('every element is defined at once; one in the page and one added later both render', async () => {
  const page = await openPage(browser, '/fiscal-year.html');
  await shown(page, 'live');
  // Defined without waiting for any widget's code: a page can style :not(:defined) until then.
  assert.deepEqual(await page.evaluate(() => ['batayan-fiscal-year', 'batayan-apa-table'].map((t) => Boolean(customElements.get(t)))), [true, true]);
  // One added by the page's own script after everything loaded.
  await page.evaluate(() => {
    const late = document.createElement('batayan-fiscal-year');
    late.id = 'late';
    late.setAttribute('date', '১ বৈশাখ ১৪৩১');
    late.textContent = 'লোড হচ্ছে…';
    document.querySelector('main').append(late);
  });
  assert.match(await shown(page, 'late'), /১৪ এপ্রিল ২০২৪/);
  // The widget's code was fetched once, however many elements use it.
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length);
  assert.equal(wasm, 1);
  assert.deepEqual(page.problems, []);
  await page.close();
});
