// <batayan-apa-table mode="edit"> on the served demo page, used the way the APA focal point uses it:
// paste section 3, read what is wrong at each cell, fix the look-alike digits in a click and the rest by
// typing, save, and find the saved agreement after a reload. Runs after the public and report scripts
// (files run in name order, one at a time), since it changes the stored agreement.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openPage, screenshots } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const cell = (pointer) => `#apa [id="by-field${pointer}"]`;
const message = (pointer) => `#apa [id="by-field${pointer}-message"]`;
const section3 = readFileSync(new URL('../fixtures/apa-ict-sylhet-2024-25-section3.tsv', import.meta.url), 'utf8');

async function loaded(page) {
  await page.locator('#apa .by-apa__table--edit').waitFor();
}

test('edit mode: paste, findings at their cells, fixes, a host error at its cell, save, reload', async () => {
  const page = await openPage(browser, '/apa-edit.html');
  await loaded(page);

  // Paste the seed's section 3: the stray cells are reported by line and column.
  await page.locator('#apa textarea').fill(section3);
  await page.locator('#apa .by-paste .by-button').click();
  const stray = page.locator('#apa .by-paste__problems li');
  assert.equal(await stray.count(), 8, 'the eight stray trailing cells of the seed');
  assert.match(await stray.first().innerText(), /^লাইন [০-৯]+, কলাম [০-৯]+: /);
  assert.equal(await page.locator('#apa .by-apa__counts').innerText(), 'ত্রুটি ৭ · সতর্কতা ৫');

  // Area [১] sums to ২৬, not ২২: said at the area's weight, with the fix in [১.৬.১].
  assert.match(await page.locator(message('/areas/0/weight')).innerText(), /২৬/);
  assert.equal(await page.locator(cell('/areas/0/weight')).getAttribute('aria-invalid'), 'true');
  await page.locator(`${message('/areas/0/weight')} .by-fix`).click();
  assert.equal(await page.locator(cell('/areas/0/activities/5/indicators/0/weight')).inputValue(), '৪');
  assert.equal(await page.locator(message('/areas/0/weight')).count(), 0, 'the area sums now');

  // A typo in a cell: marked there, the last good value kept for validation.
  const level = cell('/areas/0/activities/0/indicators/0/levels/4');
  await page.locator(level).fill('২৫ক');
  assert.match(await page.locator(message('/areas/0/activities/0/indicators/0/levels/4')).innerText(), /“ক” কোনো অঙ্ক নয়/);
  await page.locator('#apa .by-button[type=submit]').click();
  assert.equal(await page.locator('#apa .by-summary').evaluate((el) => el.getRootNode().activeElement === el), true, 'save refused; the summary has focus');
  await page.locator(level).fill('২০');

  // The other look-alikes in one click each, and the date target typed into the right year.
  while (await page.locator('#apa .by-fix').count() > 0) await page.locator('#apa .by-fix').first().click();
  await page.locator(cell('/areas/1/activities/0/indicators/0/levels/0')).fill('১২/১২/২০২৪');
  assert.equal(await page.locator('#apa .by-apa__counts').innerText(), 'ত্রুটি ০ · সতর্কতা ৫');

  // The host refuses one cell: its message appears there.
  let puts = 0;
  await page.route('**/api/apa/ict-sylhet/2024-25', async (route) => {
    if (route.request().method() !== 'PUT') return route.continue();
    puts += 1;
    if (puts > 1) return route.continue();
    return route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ errors: [{
      path: '/areas/2/activities/0/indicators/0/levels/0', message_bn: 'পোর্টাল: লক্ষ্যমাত্রা অনুমোদিত নয়।', message_en: 'Portal: target not approved.' }] }) });
  });
  await page.locator('#apa .by-button[type=submit]').click();
  const refused = page.locator(message('/areas/2/activities/0/indicators/0/levels/0'));
  await refused.waitFor();
  assert.match(await refused.innerText(), /পোর্টাল: লক্ষ্যমাত্রা অনুমোদিত নয়/);
  assert.match(await page.locator('#event-log').innerText(), /batayan:error · HTTP 422/);

  // Saved for real; the host's warnings come back with it.
  await page.locator('#apa .by-button[type=submit]').click();
  await page.locator('#apa .by-done').waitFor();
  assert.match(await page.locator('#apa .by-done').innerText(), /জমা হয়েছে[\s\S]*সতর্কতা/);
  assert.match(await page.locator('#event-log').innerText(), /batayan:submitted · HTTP 200/);
  await page.screenshot({ path: `${screenshots}apa-edit-desktop.png`, fullPage: true });
  assert.deepEqual(page.problems.filter((p) => !p.includes('status of 422')), [], 'no console errors but the 422 we asked for, no CSP violations');

  // Reload: the saved agreement comes from the host, and no draft is left.
  await page.unroute('**/api/apa/ict-sylhet/2024-25');
  await page.reload();
  await loaded(page);
  assert.equal(await page.locator(cell('/areas/0/activities/5/indicators/0/weight')).inputValue(), '৪');
  assert.equal(await page.locator(cell('/areas/1/activities/0/indicators/0/levels/0')).inputValue(), '১২ ডিসেম্বর ২০২৪');
  assert.equal(await page.locator('#apa .by-apa__counts').innerText(), 'ত্রুটি ০ · সতর্কতা ৫');
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('batayan:draft:')).length), 0);
  await page.close();
});

test('edit mode on a 360 px phone: cards of labelled inputs, no sideways scrolling', async () => {
  const page = await openPage(browser, '/apa-edit.html', { width: 360, height: 740 });
  await loaded(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `overflow ${overflow}px`);
  await page.locator(cell('/areas/0/activities/0/indicators/0/levels/0')).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${screenshots}apa-edit-phone.png` });
  await page.close();
});
