// <batayan-minutes> on the served demo page, read as a citizen or an office clerk reads minutes: a
// decision and its implementers, the memo number, the Bangla date beside the Gregorian one, a search in
// Bangla (and in the other digit set), print, a phone; a page whose minutes are full of hostile markup
// shows it as text and runs none of it; a decision's status changed by staff moves the rate after a
// reload. Runs before minutes-2-decisions (files run in name order), which changes other decisions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityViolations, baseUrl, launch, openPage, recordCode, screenshots, sidewaysOverflow, unhashed } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const items = '#minutes .by-minutes__item';

async function loaded(page) {
  await page.locator(items).first().waitFor();
}

test('the DPE minutes: a decision, its implementers, the memo number, the date in both calendars', async () => {
  const page = await openPage(browser, '/minutes.html', { prepare: recordCode });
  await loaded(page);
  assert.deepEqual(page.code.filter((p) => p.endsWith('.wasm')).map(unhashed), ['/batayan/batayan_minutes_bg.wasm'], 'the viewer only');
  const head = await page.locator('#minutes .by-minutes__head').innerText();
  assert.match(head, /প্রাথমিক শিক্ষা অধিদপ্তর/);
  assert.match(head, /তারিখ\s*২৭ ডিসেম্বর ২০২৩ \(১২ পৌষ ১৪৩০\)/);
  assert.match(head, /সভাপতি\s*এস\.এম\.আনছারুজ্জামান, পরিচালক \(প্রশাসন\) ও ইনোভেশন অফিসার/);
  const decision = page.locator('#minutes .by-minutes__decision', { hasText: '১.৩.১' });
  assert.match(await decision.innerText(), /দাখিল করতে হবে।/);
  assert.deepEqual(await decision.locator('.by-minutes__chip').allInnerTexts(), ['দায়িত্বপ্রাপ্ত মেন্টরগণ']);
  assert.match(await decision.locator('.by-minutes__badges').innerText(), /অবস্থা: অপেক্ষমাণ[\s\S]*সময়সীমা: ১৫ জানুয়ারি ২০২৪ তারিখের মধ্যে[\s\S]*সময় পেরিয়েছে/);
  const foot = await page.locator('#minutes .by-minutes__foot').innerText();
  assert.match(foot, /স্মারক নং\s*৩৮\.০১\.০০০০\.১০৭\.৩৭\.০০৮\.২২-৯২/);
  assert.match(foot, /জারির তারিখ\s*২৭ ডিসেম্বর ২০২৩ \(১২ পৌষ ১৪৩০\)/);
  assert.match(foot, /অনুলিপি[\s\S]*অফিস কপি/);
  assert.match(await page.locator('#minutes .by-minutes__rate').innerText(), /^সিদ্ধান্ত ১১টি · বাস্তবায়িত /);
  await page.screenshot({ path: `${screenshots}minutes-desktop.png` });
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA');

  // Search in the other digit set: `85%` finds the `৮৫%` the minutes write, marked where it is.
  await page.locator('#minutes #by-minutes-search').fill('85%');
  assert.equal(await page.locator(`${items}:not([hidden])`).count(), 1);
  assert.deepEqual([...new Set(await page.locator('#minutes mark').allInnerTexts())], ['৮৫%']);
  assert.equal(await page.locator('#minutes .by-minutes__found').innerText(), '২টির মধ্যে ১টি আলোচ্য বিষয়ে পাওয়া গেছে।');
  await page.locator('#minutes #by-minutes-search').fill('');
  assert.equal(await page.locator(`${items}:not([hidden])`).count(), 2);
  assert.equal(await page.locator('#minutes mark').count(), 0);
  await page.close();
});

test('the Koyra minutes: serials as written, a Bangla search, print, a phone', async () => {
  const page = await openPage(browser, '/minutes.html?id=1');
  await loaded(page);
  const serials = await page.locator(`${items} .by-minutes__topic .by-minutes__serial`).allInnerTexts();
  assert.deepEqual(serials, ['১.০', '২.০', '৩.০', '৮.০', '৫.০', '৬.০', '৭.০', '৮.০'], 'out of order and repeated, as written');
  assert.match(await page.locator('#minutes .by-minutes__head').innerText(), /১৯ সেপ্টেম্বর ২০২২ \(৪ আশ্বিন ১৪২৯\)/);
  await page.locator('#minutes #by-minutes-search').fill('ইউডিসি উদ্যোক্তা');
  const shown = page.locator(`${items}:not([hidden])`);
  assert.ok(await shown.count() >= 1);
  assert.match(await shown.first().innerText(), /ইউডিসি আয় ও সেবা প্রদান সংক্রান্ত/);
  assert.ok((await page.locator('#minutes mark').allInnerTexts()).includes('ইউডিসি'));
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA while searching');
  await page.locator('#minutes #by-minutes-search').fill('');

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#minutes .by-minutes__search').isVisible(), false, 'the search box is not printed');
  await page.pdf({ path: `${screenshots}minutes-koyra.pdf`, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 360, height: 780 });
  assert.ok(await sidewaysOverflow(page) <= 0, 'nothing scrolls sideways at 360 px');
  await page.screenshot({ path: `${screenshots}minutes-phone.png` });
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA on a phone');
  await page.close();
});

test('minutes full of hostile markup are shown as text and run nothing', async () => {
  const hostile = {
    schema: 'batayan.minutes/1', body: '<img src=x onerror="globalThis.pwned=1">', title: '<script>globalThis.pwned=2</script>সভা',
    chair: { name: '<b onclick="globalThis.pwned=3">সভাপতি</b>' }, date_text: '',
    items: [{
      serial: '১', topic: '<a href="javascript:globalThis.pwned=4">বিষয়</a>',
      discussion: '<p>আলোচনা <u>গুরুত্বপূর্ণ</u></p><script>globalThis.pwned=5</script><iframe src="javascript:globalThis.pwned=6"></iframe>',
      decisions: [{ text: '<svg/onload=globalThis.pwned=7>', implementers: ['<img src=x onerror=globalThis.pwned=8>'], evidence: 'javascript:globalThis.pwned=9' }],
    }],
    signatory: { name: '\u202Eউল্টো' }, distribution: ['<style>*{display:none}</style>'],
  };
  const page = await openPage(browser, '/minutes.html', {
    prepare: (p) => p.route('**/api/minutes/2', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(hostile) })),
  });
  await loaded(page);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => globalThis.pwned), undefined, 'nothing ran');
  const text = await page.locator('#minutes .by-minutes').innerText();
  assert.match(text, /<script>globalThis\.pwned=2<\/script>সভা/);
  assert.match(text, /<iframe src="javascript:globalThis\.pwned=6"><\/iframe>/);
  assert.match(text, /<svg\/onload=globalThis\.pwned=7>/);
  const counts = await page.evaluate(() => {
    const root = document.getElementById('minutes').shadowRoot;
    return ['script', 'img', 'iframe', 'svg a', 'style', 'a[href^="javascript"]'].map((s) => root.querySelectorAll(s).length);
  });
  assert.deepEqual(counts, [0, 0, 0, 0, 0, 0], 'no element of the markup was made');
  assert.equal(await page.locator('#minutes .by-minutes__discussion u').innerText(), 'গুরুত্বপূর্ণ', 'the allowed markup is kept');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a decision done by staff moves the rate after a reload', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL('/minutes.html?id=1', baseUrl).href);
  await page.locator(items).first().waitFor();
  assert.match(await page.locator('#minutes .by-minutes__rate').innerText(), /বাস্তবায়িত ০টি/);
  const status = await page.evaluate(async () => {
    const csrf = document.querySelector('meta[name="csrf-token"]').content;
    const headers = { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, 'Idempotency-Key': crypto.randomUUID() };
    await (await fetch('/api/session', { method: 'POST', headers, body: JSON.stringify({ user: 'staff' }) })).json();
    const answer = await fetch('/api/minutes/1/items/2/decisions/0/status', {
      method: 'PUT', headers: { ...headers, 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ status: 'done', evidence: 'https://koyra.khulna.gov.bd/site/page/e-nothi', completed: '2022-10-20' }),
    });
    await answer.json();
    return answer.status;
  });
  assert.equal(status, 200);
  await page.reload();
  await page.locator(items).first().waitFor();
  assert.match(await page.locator('#minutes .by-minutes__rate').innerText(), /বাস্তবায়িত ১টি/);
  const done = page.locator('#minutes .by-minutes__item', { hasText: 'ই-নথি বাস্তবায়ন সংক্রান্ত' });
  assert.match(await done.locator('.by-minutes__badges').innerText(), /অবস্থা: বাস্তবায়িত[\s\S]*সম্পন্ন: ২০ অক্টোবর ২০২২/);
  assert.equal(await done.locator('a.by-minutes__evidence').getAttribute('href'), 'https://koyra.khulna.gov.bd/site/page/e-nothi');
  await context.close();
});
