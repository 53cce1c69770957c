// <batayan-innovation-showcase> on the served demo page, as a citizen reads it: the entries with their
// TCV bars, filtered by level, category and year and searched by a word, on a desk and on a phone; no
// rank anywhere while the results are not published (innovation-3-judging publishes them and checks
// the ranks after). Only the showcase's code is downloaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityViolations, launch, openPage, recordCode, screenshots, sidewaysOverflow, unhashed } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const cards = '#showcase .by-showcase__entry';
const shown = `${cards}:not([hidden])`;

async function loaded(page) {
  await page.locator(cards).first().waitFor();
}

test('the gallery: every entry with its TCV, filters and search, no rank before publication', async () => {
  const page = await openPage(browser, '/innovation-showcase.html', { prepare: recordCode });
  await loaded(page);
  assert.deepEqual(page.code.filter((p) => p.endsWith('.wasm')).map(unhashed), ['/batayan/batayan_innovation_showcase_bg.wasm'], 'a citizen\'s page loads no form');
  const total = await page.locator(cards).count();
  assert.ok(total >= 4, `the four seeded entries at least, found ${total}`);
  assert.equal(await page.locator('#showcase .by-showcase__place').count(), 0, 'no rank before the results are published');
  assert.equal(await page.locator('#showcase .by-showcase__note').innerText(), 'ফলাফল এখনো প্রকাশিত হয়নি।');
  const enothi = page.locator(cards, { hasText: 'ই-নথি ব্যবহারে' });
  assert.match(await enothi.locator('.by-tcv').innerText(), /সময়[\s\S]*আগে ৩ দিন[\s\S]*পরে ৪ ঘণ্টা[\s\S]*৯৪\.৪৪% কম/);
  assert.match(await enothi.locator('.by-tcv__yearly').innerText(), /বছরে ১,২০০টি সেবায় নাগরিকের সাশ্রয়: ৮১,৬০০ ঘণ্টা, ১০,২০,০০০ টাকা, ৩,৬০০ বার যাতায়াত।/);
  await page.screenshot({ path: `${screenshots}innovation-showcase-desktop.png`, fullPage: true });
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA');

  await page.locator('#showcase [data-filter=level]').selectOption('upazila');
  const upazila = await page.locator(shown).count();
  assert.ok(upazila >= 1 && upazila < total, `${upazila} of ${total}`);
  assert.match(await page.locator('#showcase .by-showcase__count').innerText(), /টির মধ্যে .*টি উদ্ভাবন দেখানো হচ্ছে/);
  await page.locator('#showcase [data-filter=level]').selectOption('');
  await page.locator('#showcase [data-filter=search]').fill('ছুটি');
  assert.equal(await page.locator(shown).count(), 1);
  assert.match(await page.locator(shown).innerText(), /আইপেমিস/);
  await page.locator('#showcase [data-filter=search]').fill('এমন কোনো শব্দ নেই');
  assert.equal(await page.locator(shown).count(), 0);
  assert.equal(await page.locator('#showcase .by-showcase__empty').isVisible(), true, 'says that nothing matches');
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA with nothing shown');
  await page.close();
});

test('on a phone: one card per row, nothing sideways', async () => {
  const page = await openPage(browser, '/innovation-showcase.html', { width: 360, height: 780 });
  await loaded(page);
  assert.ok(await sidewaysOverflow(page) <= 0, 'nothing scrolls sideways at 360 px');
  const [first, second] = await page.locator(cards).evaluateAll((els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().top));
  assert.ok(second > first, 'cards stack');
  await page.locator(cards).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${screenshots}innovation-showcase-phone.png` });
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.close();
});

test('a results address that fails is said, and the gallery is still there without ranks', async () => {
  const page = await openPage(browser, '/innovation-showcase.html', {
    prepare: (p) => p.route('**/api/innovation/results', (route) => route.fulfill({ status: 503, contentType: 'text/plain', body: 'busy' })),
  });
  await loaded(page);
  assert.match(await page.locator('#showcase .by-showcase__note').innerText(), /^ফলাফল দেখানো যাচ্ছে না: “\/api\/innovation\/results” উত্তর দিয়েছে ৫০৩/);
  assert.equal(await page.locator('#showcase .by-showcase__place').count(), 0);
  assert.ok(await page.locator(cards).count() >= 4);
  await page.close();
});
