// <batayan-decisions> on the served demo page, as an office clerk follows decisions up: filters by
// implementer, status and overdue; the rate per implementer; a status change refused while signed out
// (the draft kept), then saved by staff with a note, evidence and a Bangla date, and the rate moved after
// a reload; the CSV export; a phone. Runs after minutes-1-viewer (files run in name order).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { accessibilityViolations, baseUrl, launch, recordCode, screenshots, sidewaysOverflow, unhashed } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const rows = '#decisions .by-decisions__row';
const shown = async (page) => page.locator(rows).count();
/** The number of decisions done, as the overall rate line says it (`১১টির মধ্যে ১টি`). */
const done = async (page) => {
  const text = await page.locator('#decisions .by-decisions__rate .by-decisions__figure').first().innerText();
  const digits = text.match(/মধ্যে ([০-৯]+)টি/)[1];
  return Number([...digits].map((d) => '০১২৩৪৫৬৭৮৯'.indexOf(d)).join(''));
};

async function open(context, path = '/decisions.html') {
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(String(e)));
  await recordCode(page);
  await page.goto(new URL(path, baseUrl).href);
  await page.locator(rows).first().waitFor();
  return page;
}

test('the register: every decision of both meetings, filters, the rate per implementer, CSV', async () => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await open(context);
  assert.deepEqual(page.code.filter((p) => p.endsWith('.wasm')).map(unhashed), ['/batayan/batayan_decisions_bg.wasm']);
  const all = await shown(page);
  assert.equal(all, 11 + 11, 'both meetings\' decisions');
  await page.locator('#decisions #by-filter-implementer').selectOption('উপপরিচালক (সংস্থাপন)');
  assert.equal(await shown(page), 3);
  assert.match(await page.locator('#decisions .by-decisions__count').innerText(), /টির মধ্যে ৩টি সিদ্ধান্ত দেখানো হচ্ছে/);
  await page.locator('#decisions #by-filter-implementer').selectOption('');
  await page.locator('#decisions #by-filter-overdue').check();
  const overdue = await shown(page);
  assert.ok(overdue >= 5 && overdue < all, `${overdue}`);
  assert.equal(await page.locator(`${rows} .by-badge--overdue`).count(), overdue, 'every row shown says it is overdue, in words');
  await page.locator('#decisions #by-filter-overdue').uncheck();
  await page.locator('#decisions .by-decisions__each summary').click();
  assert.match(await page.locator('#decisions .by-decisions__each').innerText(), /উপপরিচালক \(সংস্থাপন\)[\s\S]*৩টির মধ্যে/);
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA');
  await page.screenshot({ path: `${screenshots}decisions-desktop.png`, fullPage: false });

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#decisions [data-action=csv]').click()]);
  assert.equal(download.suggestedFilename(), 'decisions.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\uFEFFসভা,তারিখ,আলোচ্য বিষয়,সিদ্ধান্ত নং,সিদ্ধান্ত,বাস্তবায়নকারী'), csv.slice(0, 80));
  assert.match(csv, /দায়িত্বপ্রাপ্ত মেন্টরগণ/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a status change: refused signed out with the draft kept, saved by staff, the rate moved after reload', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await open(context);
  const before = await done(page);
  const row = page.locator(rows, { hasText: 'মাল্টিমিডিয়া ক্লাসরুম কার্যক্রম সংক্রান্ত' }).first();
  await row.locator('.by-decisions__change').click();
  await page.locator('#decisions #by-edit-status').selectOption('done');
  await page.locator('#decisions #by-edit-note').fill('সকল মাধ্যমিক বিদ্যালয়ে মাল্টিমিডিয়া ক্লাস চালু হয়েছে');
  await page.locator('#decisions #by-edit-evidence').fill('https://koyra.khulna.gov.bd/site/notices/multimedia');
  await page.locator('#decisions #by-edit-completed').fill('৩০/১০/২০২২');
  await page.waitForTimeout(400);
  await page.locator('#decisions .by-decisions__editor button[type=submit]').click();
  await page.locator('#decisions .by-decisions__editor .by-warning', { hasText: 'আগে সাইন ইন করুন' }).waitFor();
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA with the form open and refused');

  // Reload: the form's text is back when the same decision is opened again.
  await page.reload();
  await page.locator(rows).first().waitFor();
  await page.locator(rows, { hasText: 'মাল্টিমিডিয়া ক্লাসরুম কার্যক্রম সংক্রান্ত' }).first().locator('.by-decisions__change').click();
  assert.equal(await page.locator('#decisions #by-edit-note').inputValue(), 'সকল মাধ্যমিক বিদ্যালয়ে মাল্টিমিডিয়া ক্লাস চালু হয়েছে');
  assert.match(await page.locator('#decisions .by-decisions__editor [role=status]').innerText(), /খসড়া ফিরিয়ে আনা হয়েছে/);

  // Staff sign in (the page reloads), open it again and save.
  await Promise.all([page.waitForEvent('load'), page.locator('[data-user="staff"]').click()]);
  await page.locator(rows).first().waitFor();
  await page.locator(rows, { hasText: 'মাল্টিমিডিয়া ক্লাসরুম কার্যক্রম সংক্রান্ত' }).first().locator('.by-decisions__change').click();
  await page.locator('#decisions .by-decisions__editor button[type=submit]').click();
  await page.locator('#decisions .by-decisions__editor').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('minutes-status')).length), 0, 'the draft is gone once stored');
  await page.reload();
  await page.locator(rows).first().waitFor();
  assert.equal(await done(page), before + 1, 'the rate moved by one decision');
  const saved = page.locator(rows, { hasText: 'মাল্টিমিডিয়া ক্লাসরুম কার্যক্রম সংক্রান্ত' }).first();
  assert.match(await saved.innerText(), /অবস্থা: বাস্তবায়িত[\s\S]*মন্তব্য: সকল মাধ্যমিক বিদ্যালয়ে মাল্টিমিডিয়া ক্লাস চালু হয়েছে/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('on a phone: cards, nothing sideways', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await open(context);
  assert.ok(await sidewaysOverflow(page) <= 0, 'nothing scrolls sideways at 360 px');
  await page.screenshot({ path: `${screenshots}decisions-phone.png` });
  assert.deepEqual(await accessibilityViolations(page), []);
  await context.close();
});
