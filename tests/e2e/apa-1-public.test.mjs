// <batayan-apa-table> on the served demo page (public view), read the way a citizen reads it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, screenshots } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function loaded(page) {
  await page.locator('#apa .by-apa__table').waitFor();
}

test('the public view shows the total, area bars and every indicator', async () => {
  const page = await openPage(browser, '/apa.html');
  await loaded(page);
  assert.equal(await page.locator('#apa .by-apa__total-figure').innerText(), '৪৭.২৫');
  assert.equal(await page.locator('#apa .by-apa__bars li').count(), 6, 'five own areas and the governance block');
  assert.equal(await page.locator('#apa .by-apa__row').count(), 23);
  const row = page.locator('#apa [data-key="1.1.1"]');
  assert.equal(await row.locator('.by-apa__weighted').innerText(), '৪.৫৩');
  assert.equal(await row.locator('.by-apa__achieved').innerText(), '৩৮');
  await row.locator('.by-explain summary').click();
  assert.match(await row.locator('.by-explain p').innerText(), /৯০ \+ ১০ × \(৩৮ − ৩৫\) \/ \(৮০ − ৩৫\) = ৯০\.৬৭/);
  await page.locator('#apa .by-apa__about summary').click();
  assert.match(await page.locator('#apa .by-apa__about').innerText(), /রূপকল্প\s+জ্ঞানভিত্তিক অর্থনীতি ও সুশাসন প্রতিষ্ঠায় তথ্য প্রযুক্তির ব্যবহার/);
  assert.match(await row.locator('.by-apa__evidence-note').innerText(), /প্রমাণক: স্থিরচিত্র\/প্রতিবেদন/);
  const date = page.locator('#apa [data-key="2.1.1"]');
  assert.match(await date.innerText(), /১২ ডিসেম্বর ২০২৩/);
  await page.screenshot({ path: `${screenshots}apa-public-desktop.png`, fullPage: true });
  assert.deepEqual(page.problems, [], 'no console errors, no CSP violations');
  await page.close();
});

test('on a 360 px phone each indicator is a labelled card, with no sideways scrolling', async () => {
  const page = await openPage(browser, '/apa.html', { width: 360, height: 740 });
  await loaded(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `overflow ${overflow}px`);
  const cell = page.locator('#apa [data-key="1.1.1"] .by-apa__weighted');
  const label = await cell.evaluate((el) => getComputedStyle(el, '::before').content);
  assert.equal(label, '"ভারিত নম্বর"');
  await page.screenshot({ path: `${screenshots}apa-public-phone.png`, fullPage: false });
  await page.close();
});

test('it prints on A4 landscape with every row', async () => {
  const page = await openPage(browser, '/apa.html');
  await loaded(page);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ path: `${screenshots}apa-public.pdf`, format: 'A4', landscape: true, printBackground: true });
  assert.ok(pdf.length > 10_000, 'a real PDF');
  const hiddenRows = await page.locator('#apa .by-apa__row').evaluateAll((rows) => rows.filter((r) => r.offsetParent === null).length);
  assert.equal(hiddenRows, 0, 'no row hidden in print');
  await page.close();
});
