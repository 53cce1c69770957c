// <batayan-apa-table mode="report"> on the served demo page, used the way office staff use it: type the
// quarter's values, see the score move and mistakes marked, lose nothing on reload or a dropped
// connection, submit, and find the report again. Runs after apa-1-public (files run in name order, one
// at a time), since it stores a new report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, screenshots } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const field = (key, what) => `#apa [id="by-field/values/${key}/${what}"]`;
const q2 = (key) => field(key, 'quarters/1');

async function loaded(page) {
  await page.locator('#apa .by-apa__table--report').waitFor();
}

test('report mode: live score, a mistake at its cell, a draft that survives reload, a retry that stores once', async () => {
  const page = await openPage(browser, '/apa-report.html');
  await loaded(page);
  assert.equal(await page.locator(q2('1.1.1')).inputValue(), '১৮', 'starts from the last report');
  assert.equal(await page.locator('#apa .by-apa__total-figure').innerText(), '৪৭.২৫');

  // A typo: marked at its cell, listed at the top, and nothing is sent.
  await page.locator(q2('1.2.1')).fill('৮৫ক');
  assert.equal(await page.locator(q2('1.2.1')).getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator(`#apa [id="by-field/values/1.2.1/quarters/1-message"]`).innerText(), /“ক” কোনো অঙ্ক নয়/);
  await page.locator('#apa .by-button[type=submit]').click();
  const summary = page.locator('#apa .by-summary');
  assert.match(await summary.innerText(), /জমা দেওয়ার আগে এগুলো ঠিক করুন[\s\S]*\[১\.২\.১\] ২য় প্রান্তিক/);
  assert.equal(await summary.evaluate((el) => el.getRootNode().activeElement === el), true, 'the summary takes focus');
  await summary.locator('a').first().click();
  assert.equal(await page.locator(q2('1.2.1')).evaluate((el) => el.getRootNode().activeElement === el), true, 'its link focuses the field');
  assert.equal(await page.locator('#event-log li').count(), 0, 'nothing was sent');
  await page.locator(q2('1.2.1')).fill('৮৫');

  // The score follows the typing: 20 + 30 = 50 against 80 (100%) and 35 (90%) → 93.33 × 5%.
  await page.locator(q2('1.1.1')).fill('৩০');
  const row = page.locator('#apa [data-key="1.1.1"]');
  assert.equal(await row.locator('.by-apa__achieved').innerText(), '৫০');
  assert.equal(await row.locator('.by-apa__weighted').innerText(), '৪.৬৭');
  assert.equal(await page.locator('#apa .by-apa__total-figure').innerText(), '৪৭.৩৯');

  // Reload before submitting: the draft is back.
  await page.reload();
  await loaded(page);
  assert.equal(await page.locator(q2('1.1.1')).inputValue(), '৩০');
  assert.match(await page.locator('#apa .by-submit__draft').innerText(), /আগের না-পাঠানো খসড়া ফিরিয়ে আনা হয়েছে/);

  // The connection drops: the draft stays, and the retry carries the same Idempotency-Key.
  const sent = [];
  await page.route('**/reports', async (route) => {
    sent.push(route.request().headers());
    if (sent.length === 1) return route.abort('internetdisconnected');
    if (sent.length === 2) {
      return route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ errors: [{
        path: '/values/1.1.1/quarters/1', message_bn: 'পোর্টাল: এই মান প্রমাণকের সঙ্গে মেলে না।', message_en: 'Portal: this value does not match the evidence.' }] }) });
    }
    return route.continue();
  });
  const submit = page.locator('#apa .by-button[type=submit]');
  await submit.click();
  await page.locator('#apa .by-submit [role=alert]').waitFor();
  assert.match(await page.locator('#apa .by-submit').innerText(), /খসড়া এই ব্রাউজারে রাখা আছে/);
  assert.ok(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('batayan:draft:apa-report:'))), 'draft kept');

  // The host refuses one value: its message appears at that cell.
  await submit.click();
  const hostMessage = page.locator(`#apa [id="by-field/values/1.1.1/quarters/1-message"]`);
  await hostMessage.waitFor();
  assert.match(await hostMessage.innerText(), /পোর্টাল: এই মান প্রমাণকের সঙ্গে মেলে না/);
  assert.match(await page.locator('#event-log').innerText(), /batayan:error · HTTP 422/);

  // Submitted for real.
  await submit.click();
  await page.locator('#apa .by-done').waitFor();
  assert.match(await page.locator('#event-log').innerText(), /batayan:submitted · HTTP 201/);
  assert.equal(sent.length, 3);
  assert.ok(sent.every((h) => h['x-csrf-token']?.length === 32), 'the CSRF token goes with every attempt');
  assert.equal(new Set(sent.map((h) => h['idempotency-key'])).size, 1, 'one key while the report is the same');
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('batayan:draft:')).length), 0, 'draft cleared');
  await page.screenshot({ path: `${screenshots}apa-report-desktop.png`, fullPage: true });
  assert.deepEqual(page.problems.filter((p) => !p.includes('Failed to load resource')), [], 'no console errors, no CSP violations');

  // After a reload, the submitted report comes back from the host, and the public page scores it.
  await page.unroute('**/reports');
  await page.reload();
  await loaded(page);
  assert.equal(await page.locator(q2('1.1.1')).inputValue(), '৩০');
  assert.equal(await page.locator('#apa .by-submit__draft').innerText(), '');
  const citizen = await openPage(browser, '/apa.html');
  await citizen.locator('#apa [data-key="1.1.1"] .by-apa__weighted').waitFor();
  assert.equal(await citizen.locator('#apa [data-key="1.1.1"] .by-apa__weighted').innerText(), '৪.৬৭');
  await citizen.close();
  await page.close();
});

test('report mode on a 360 px phone: labelled cards with their inputs, no sideways scrolling', async () => {
  const page = await openPage(browser, '/apa-report.html', { width: 360, height: 740 });
  await loaded(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `overflow ${overflow}px`);
  const box = await page.locator(q2('1.1.1')).boundingBox();
  assert.ok(box && box.width >= 200, `the input is wide enough to type in (${box?.width}px)`);
  await page.locator(q2('1.1.1')).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${screenshots}apa-report-phone.png` });
  await page.close();
});
