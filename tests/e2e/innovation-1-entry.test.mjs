// <batayan-innovation-entry> on the served demo page, used as an innovation team would on a flaky
// connection: fill the form (Bangla digits in the mobile and the figures), see the TCV compared live,
// reload half-way and find everything, review, lose the connection while submitting, see the message,
// come back online and submit once (a double press included). Runs before the judging and showcase
// scripts (files run in name order, one at a time), which see the entry it stores.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityViolations, launch, openPage, recordCode, screenshots, sidewaysOverflow, unhashed } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const field = (path) => `#entry [id="by-field${path}"]`;

async function storedEntries(page) {
  return page.evaluate(async () => (await (await fetch('/api/innovation/entries')).json()).entries.length);
}

async function draftKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('batayan:draft:innovation-entry')));
}

test('the entry page downloads the entry form\'s code only', async () => {
  const page = await openPage(browser, '/innovation.html', { prepare: recordCode });
  await page.locator(field('/title')).waitFor();
  const wasm = page.code.filter((path) => path.endsWith('.wasm')).map(unhashed);
  assert.deepEqual(wasm, ['/batayan/batayan_innovation_entry_bg.wasm'], page.code.join(', '));
  await page.close();
});

test('fill, reload half-way, review, submit offline, then once online', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(new URL('/innovation.html', process.env.BATAYAN_URL ?? 'http://127.0.0.1:8080/').href);
  await page.locator(field('/title')).waitFor();
  const before = await storedEntries(page);

  // The first half, as a person types it.
  await page.locator(field('/title')).fill('ভূমি অফিসে নামজারির আবেদনের অবস্থা এসএমএসে জানানো');
  await page.locator(field('/office')).fill('উপজেলা ভূমি অফিস, গোয়াইনঘাট, সিলেট');
  await page.locator(field('/fiscal_year')).fill('২০২৪-২৫');
  await page.locator(field('/level')).selectOption('upazila');
  await page.locator(field('/category')).selectOption('digitised_service');
  await page.locator(field('/problem')).fill('নামজারির আবেদনের অবস্থা জানতে নাগরিককে কয়েকবার ভূমি অফিসে আসতে হয়।');
  await page.locator(field('/solution')).fill('আবেদনের প্রতিটি ধাপে নাগরিকের মোবাইলে এসএমএস যায়; শুনানির তারিখও এসএমএসে জানানো হয়।');
  await page.locator(field('/innovator/name')).fill('মোঃ জাহিদুল ইসলাম');
  await page.locator(field('/innovator/mobile')).fill('০১৭১২-৩৪৫৬৭৮');
  await page.locator(field('/yearly_volume')).fill('২,৪০০');
  await page.waitForTimeout(500); // a pause in typing: the draft is written

  // A reload (a crash, a closed tab): everything is back, and the form says so.
  await page.reload();
  await page.locator(field('/title')).waitFor();
  assert.equal(await page.locator(field('/innovator/mobile')).inputValue(), '০১৭১২-৩৪৫৬৭৮');
  assert.equal(await page.locator(field('/level')).inputValue(), 'upazila');
  assert.equal(await page.locator(field('/problem')).inputValue(), 'নামজারির আবেদনের অবস্থা জানতে নাগরিককে কয়েকবার ভূমি অফিসে আসতে হয়।');
  assert.match(await page.locator('#entry .by-submit__draft').innerText(), /আগের না-পাঠানো খসড়া ফিরিয়ে আনা হয়েছে/);

  // Asking to review too early: what is missing is listed, focused, and linked to its field.
  await page.locator('#entry button[type=submit]').click();
  const summary = page.locator('#entry .by-summary');
  await summary.waitFor();
  assert.match(await summary.innerText(), /২টি ঘর ঠিক করুন[\s\S]*বাস্তবায়নকারী — নাম: বাস্তবায়নকারীর নাম লিখুন[\s\S]*মেন্টর — নাম/);
  assert.equal(await summary.evaluate((el) => el.getRootNode().activeElement === el), true, 'the summary takes focus');
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA with errors shown');
  await summary.locator('a').first().click();
  assert.equal(await page.locator(field('/implementer/name')).evaluate((el) => el.getRootNode().activeElement === el), true);

  // The rest; the TCV follows the figures.
  await page.locator(field('/implementer/name')).fill('সহকারী কমিশনার (ভূমি), গোয়াইনঘাট');
  await page.locator(field('/mentor/name')).fill('জেলা প্রশাসক, সিলেট');
  await page.locator(field('/before/time/amount')).fill('৩০');
  await page.locator(field('/before/cost')).fill('১,২০০');
  await page.locator(field('/before/visits')).fill('৪');
  await page.locator(field('/after/time/amount')).fill('৩০');
  await page.locator(field('/after/cost')).fill('৩০০');
  await page.locator(field('/after/visits')).fill('১');
  const tcv = page.locator('#entry [data-slot=tcv]');
  assert.match(await tcv.innerText(), /খরচ[\s\S]*আগে ১,২০০ টাকা[\s\S]*পরে ৩০০ টাকা[\s\S]*৭৫\.০০% কম/);
  assert.match(await tcv.innerText(), /যাতায়াত[\s\S]*৭৫\.০০% কম/);
  assert.match(await tcv.innerText(), /বছরে ২,৪০০টি সেবায় নাগরিকের সাশ্রয়: ২১,৬০,০০০ টাকা, ৭,২০০ বার যাতায়াত।/);
  assert.equal(await page.locator('#entry .by-summary').count(), 0, 'nothing left to correct');
  await page.screenshot({ path: `${screenshots}innovation-entry-desktop.png`, fullPage: true });

  // Review: what will be sent, in words.
  await page.locator('#entry button[type=submit]').click();
  await page.locator('#entry .by-form__review').first().waitFor();
  const review = await page.locator('#entry .by-form').innerText();
  assert.match(review, /ধাপ ২ \/ ২/);
  assert.match(review, /মোবাইল নম্বর\s*০১৭১২-৩৪৫৬৭৮/);
  assert.match(review, /স্তর\s*উপজেলা/);
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA on the review');

  // Offline: a clear message, the draft kept, nothing stored.
  await context.setOffline(true);
  await page.locator('#entry [data-action=send]').click();
  const failed = page.locator('#entry .by-error');
  await failed.waitFor();
  assert.match(await failed.innerText(), /যোগাযোগ হয়নি[\s\S]*খসড়া এই ব্রাউজারে রাখা আছে/);
  assert.equal(await page.locator('#entry [data-action=send]').innerText(), 'আবার চেষ্টা করুন');
  const kept = await draftKeys(page);
  assert.equal(kept.filter((k) => !k.endsWith(':idempotency-key')).length, 1, 'the draft is kept');
  assert.equal(kept.filter((k) => k.endsWith(':idempotency-key')).length, 1, 'with the key a retry reuses');
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA with the failure shown');

  // Online again: a double press sends it once.
  await context.setOffline(false);
  assert.equal(await storedEntries(page), before, 'nothing was stored while offline');
  await page.locator('#entry [data-action=send]').dblclick();
  const done = page.locator('#entry .by-form__done');
  await done.waitFor();
  assert.match(await done.innerText(), /পোর্টালে জমা হয়েছে/);
  await page.waitForTimeout(300);
  assert.equal(await storedEntries(page), before + 1, 'stored exactly once');
  assert.deepEqual(await draftKeys(page), [], 'the draft is gone once the host has it');
  assert.match(await page.locator('#event-log').innerText(), /batayan:submitted · HTTP 201/);
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA when done');
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone: one column, nothing sideways, the figures in Bangla digits read', async () => {
  const page = await openPage(browser, '/innovation.html', { width: 360, height: 780 });
  await page.locator(field('/title')).waitFor();
  await page.locator(field('/before/visits')).fill('৫');
  await page.locator(field('/after/visits')).fill('২');
  assert.match(await page.locator('#entry [data-slot=tcv]').innerText(), /৬০\.০০% কম/);
  assert.ok(await sidewaysOverflow(page) <= 0, 'nothing scrolls sideways at 360 px');
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.locator('#entry [data-slot=tcv]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${screenshots}innovation-entry-phone.png` });
  // Leave no draft behind for the next scripts.
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) localStorage.removeItem(k); });
  await page.close();
});
