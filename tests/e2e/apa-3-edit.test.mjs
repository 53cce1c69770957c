// <batayan-apa-table mode="edit"> on the served demo page, used the way the APA focal point uses it:
// paste section 3, read what is wrong at each cell, fix the look-alike digits in a click and the rest by
// typing, save, and find the saved agreement after a reload. Runs after the public and report scripts
// (files run in name order, one at a time), since it changes the stored agreement.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { accessibilityViolations, launch, openPage, recordCode, screenshots, sidewaysOverflow, withAttributes, unhashed } from './browser.mjs';

// The form's own submit button (a failed attempt adds a second, "try again").
const SUBMIT = '#apa .by-submit > .by-button[type=submit]';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const cell = (pointer) => `#apa [id="by-field${pointer}"]`;
const message = (pointer) => `#apa [id="by-field${pointer}-message"]`;
const section3 = readFileSync(new URL('../fixtures/apa-ict-sylhet-2024-25-section3.tsv', import.meta.url), 'utf8');

async function loaded(page) {
  await page.locator('#apa .by-apa__table--edit').waitFor();
}

test('the edit page downloads the edit form\'s code only: not the other form\'s, not the public view\'s', async () => {
  const page = await openPage(browser, '/apa-edit.html', { prepare: recordCode });
  await loaded(page);
  const wasm = () => page.code.filter((path) => path.endsWith('.wasm')).map(unhashed);
  assert.deepEqual(wasm(), ['/batayan/batayan_edit_bg.wasm'], page.code.join(', '));
  // The importer comes only when a table is pasted and read.
  await page.locator('#apa textarea').fill('এটি কোনো টেবিল নয়');
  await page.locator('#apa .by-paste .by-button').click();
  await page.locator('#apa .by-paste__problems').waitFor();
  assert.deepEqual(wasm(), ['/batayan/batayan_edit_bg.wasm', '/batayan/batayan_import_bg.wasm'], page.code.join(', '));
  await page.close();
});

test('a paste read while the importer cannot be fetched: said, the text kept, and read once the link is back', async () => {
  const page = await openPage(browser, '/apa-edit.html');
  await loaded(page);
  await page.route('**/batayan_import*', (route) => route.abort('internetdisconnected'));
  await page.locator('#apa textarea').fill(section3);
  await page.locator('#apa .by-paste .by-button').click();
  const said = page.locator('#apa .by-paste [role=alert]');
  await said.waitFor();
  assert.match(await said.innerText(), /টেবিল পড়ার অংশটি আনা যায়নি[\s\S]*পেস্ট করা লেখা রাখা আছে/);
  assert.equal(await page.locator('#apa textarea').inputValue(), section3, 'the pasted text is kept');
  assert.equal(await page.locator('#apa .by-paste .by-button').isDisabled(), false, 'the button is free again');
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA with the failure said');
  await page.unroute('**/batayan_import*');
  await page.locator('#apa .by-paste .by-button').click();
  await page.locator('#apa .by-paste__problems li').first().waitFor();
  assert.equal(await page.locator('#apa .by-paste [role=alert]').count(), 0, 'the failure is no longer said');
  assert.equal(await page.locator('#apa textarea').inputValue(), '', 'read, so the box is empty');
  await page.close();
});

test('the editor does not wait for a report it does not use: a report-src that never answers is not requested', async () => {
  const asked = [];
  const page = await openPage(browser, '/apa-edit.html', {
    prepare: async (p) => {
      await withAttributes(p, '/apa-edit.html', 'report-src="/api/apa/ict-sylhet/2024-25/reports/latest"');
      // A report that never comes, as from a stuck portal.
      await p.route('**/reports/latest', (route) => { asked.push(route.request().url()); });
    },
  });
  await loaded(page);
  assert.deepEqual(asked, []);
  await page.close();
});

test('edit mode: paste, findings at their cells, fixes, a host error at its cell, save, reload', async () => {
  const page = await openPage(browser, '/apa-edit.html');
  await loaded(page);
  // The stored agreement has annex 2: an implementer and evidence for each indicator. The paste has not.
  const annexBefore = await annex2(page);
  assert.ok(annexBefore.filter(([, , evidence]) => evidence).length >= 15, 'the seed carries annex 2');

  // Paste the seed's section 3. While it is read, a status line says so (announced: role=status), a bar
  // shows how far, and the button waits; then the stray cells are reported by line and column.
  await page.locator('#apa textarea').fill(section3);
  await page.evaluate(() => {
    const root = document.getElementById('apa').shadowRoot;
    globalThis.readingSeen = null;
    globalThis.readingWatch = new MutationObserver(() => {
      const status = root.querySelector('.by-paste__reading');
      if (status && !globalThis.readingSeen) {
        const line = status.querySelector('[role=status]');
        const bar = status.querySelector('[role=progressbar]');
        globalThis.readingSeen = { role: line?.getAttribute('role'), text: line?.textContent, bar: bar?.getAttribute('aria-label'), disabled: root.querySelector('.by-paste .by-button').disabled };
      }
    });
    globalThis.readingWatch.observe(root, { subtree: true, childList: true });
  });
  await page.locator('#apa .by-paste .by-button').click();
  await page.locator('#apa .by-paste__reading').waitFor({ state: 'detached' });
  const reading = await page.evaluate(() => { globalThis.readingWatch.disconnect(); return globalThis.readingSeen; });
  assert.deepEqual(reading, { role: 'status', text: 'টেবিল পড়া ও মেলানো হচ্ছে… বড় টেবিলে কয়েক সেকেন্ড লাগতে পারে।', bar: 'পেস্ট করা টেবিল পড়া', disabled: true });
  const stray = page.locator('#apa .by-paste__problems li');
  assert.equal(await stray.count(), 8, 'the eight stray trailing cells of the seed');
  assert.match(await stray.first().innerText(), /^লাইন [০-৯]+, কলাম [০-৯]+ — সতর্কতা: /);
  assert.equal(await page.locator('#apa .by-apa__counts').innerText(), 'ত্রুটি ৭ · সতর্কতা ৫');
  assert.equal(await page.locator('#apa .by-changes').count(), 0, 'the same table as stored: a save would change nothing yet');
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA with the paste problems and every finding shown');

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
  await page.locator(SUBMIT).click();
  assert.equal(await page.locator('#apa .by-summary').evaluate((el) => el.getRootNode().activeElement === el), true, 'save refused; the summary has focus');
  await page.locator(level).fill('২০');

  // The other look-alikes in one click each, and the date target typed into the right year.
  while (await page.locator('#apa .by-fix').count() > 0) await page.locator('#apa .by-fix').first().click();
  await page.locator(cell('/areas/1/activities/0/indicators/0/levels/0')).fill('১২/১২/২০২৪');
  assert.equal(await page.locator('#apa .by-apa__counts').innerText(), 'ত্রুটি ০ · সতর্কতা ৫');
  // Before saving, what the save changes: the fixed cells, and no row removed.
  const changes = page.locator('#apa .by-changes');
  assert.match(await changes.locator('summary').innerText(), /সংরক্ষণ করলে যা বদলাবে: ০টি সারি যোগ, ০টি বাদ, [০-৯]+টিতে বদল/);
  await changes.locator('summary').click();
  assert.match(await changes.innerText(), /\[১\.৬\.১\][^\n]*— মান/, 'the weight fixed in [১.৬.১] is listed');

  // The host refuses one cell: its message appears there.
  let puts = 0;
  await page.route('**/api/apa/ict-sylhet/2024-25', async (route) => {
    if (route.request().method() !== 'PUT') return route.continue();
    puts += 1;
    if (puts > 1) return route.continue();
    return route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ errors: [{
      path: '/areas/2/activities/0/indicators/0/levels/0', message_bn: 'পোর্টাল: লক্ষ্যমাত্রা অনুমোদিত নয়।', message_en: 'Portal: target not approved.' }] }) });
  });
  await page.locator(SUBMIT).click();
  const refused = page.locator(message('/areas/2/activities/0/indicators/0/levels/0'));
  await refused.waitFor();
  assert.match(await refused.innerText(), /পোর্টাল: লক্ষ্যমাত্রা অনুমোদিত নয়/);
  assert.match(await page.locator('#event-log').innerText(), /batayan:error · HTTP 422/);

  // Saved for real; the host's warnings come back with it.
  await page.locator(SUBMIT).click();
  await page.locator('#apa .by-done').waitFor();
  assert.match(await page.locator('#apa .by-done').innerText(), /জমা হয়েছে[\s\S]*সতর্কতা/);
  assert.doesNotMatch(await page.locator('#apa').innerText(), /পোর্টাল: লক্ষ্যমাত্রা অনুমোদিত নয়/, 'the refusal is said nowhere once saved');
  assert.match(await page.locator('#event-log').innerText(), /batayan:submitted · HTTP 200/);
  await page.screenshot({ path: `${screenshots}apa-edit-desktop.png`, fullPage: true });
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA once saved');
  assert.deepEqual(page.problems.filter((p) => !p.includes('status of 422')), [], 'no console errors but the 422 we asked for, no CSP violations');

  // Reload: the saved agreement comes from the host, and no draft is left.
  await page.unroute('**/api/apa/ict-sylhet/2024-25');
  await page.reload();
  await loaded(page);
  assert.equal(await page.locator(cell('/areas/0/activities/5/indicators/0/weight')).inputValue(), '৪');
  assert.equal(await page.locator(cell('/areas/1/activities/0/indicators/0/levels/0')).inputValue(), '১২ ডিসেম্বর ২০২৪');
  assert.equal(await page.locator('#apa .by-apa__counts').innerText(), 'ত্রুটি ০ · সতর্কতা ৫');
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('batayan:draft:')).length), 0);
  // The paste did not wipe annex 2: every implementer and piece of evidence is still stored…
  assert.deepEqual(await annex2(page), annexBefore);
  // …and citizens still see the evidence.
  const citizen = await openPage(browser, '/apa.html');
  await citizen.locator('#apa [data-key="1.1.1"] .by-apa__evidence-note').waitFor();
  assert.match(await citizen.locator('#apa [data-key="1.1.1"] .by-apa__evidence-note').innerText(), /প্রমাণক: স্থিরচিত্র\/প্রতিবেদন/);
  await citizen.close();
  await page.close();
});

/** `[serial, implementer, evidence]` of every indicator the host stores, read through its API. */
async function annex2(page) {
  return page.evaluate(async () => {
    const agreement = await (await fetch('/api/apa/ict-sylhet/2024-25')).json();
    return [...agreement.areas, ...agreement.governance].flatMap((a) => a.activities).flatMap((a) => a.indicators)
      .map((i) => [i.serial, i.implementer ?? '', i.evidence ?? '']);
  });
}

test('edit mode: a paste that drops a row says so before saving; a paste that is not a table changes nothing', async () => {
  const page = await openPage(browser, '/apa-edit.html');
  await loaded(page);
  // Section 3 without the own block's [১.৫.১].
  const without = section3.split('\n').filter((line) => !line.includes('[১.৫] সুরক্ষা')).join('\n');
  await page.locator('#apa textarea').fill(without);
  await page.locator('#apa .by-paste .by-button').click();
  const changes = page.locator('#apa .by-changes');
  await changes.waitFor();
  assert.notEqual(await changes.getAttribute('open'), null, 'open by itself when rows would be removed');
  assert.match(await changes.innerText(), /১টি বাদ[\s\S]*বাদ যাবে[\s\S]*\[১\.৫\.১\][^\n]*এর বাস্তবায়নকারী ও প্রমাণকও মুছে যাবে/);
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA with the changes shown');

  // Something that is not a table: said, and the grid is left as it was.
  const rows = await page.locator('#apa .by-apa__row').count();
  await page.locator('#apa textarea').fill('এটি কোনো টেবিল নয়');
  await page.locator('#apa .by-paste .by-button').click();
  await page.locator('#apa .by-paste__problems').getByText('সেকশন ৩-এর কোনো সারি পড়া যায়নি').waitFor();
  assert.equal(await page.locator('#apa .by-apa__row').count(), rows, 'nothing replaced');

  // The full table again: no row is removed any more.
  await page.locator('#apa textarea').fill(section3);
  await page.locator('#apa .by-paste .by-button').click();
  await page.locator('#apa .by-paste__reading').waitFor({ state: 'detached' });
  assert.equal(await page.locator('#apa textarea').inputValue(), '', 'read');
  assert.doesNotMatch(await page.locator('#apa').innerText(), /বাদ যাবে/);
  await page.close();
});

test('edit mode on a 360 px phone: cards of labelled inputs, no sideways scrolling', async () => {
  const page = await openPage(browser, '/apa-edit.html', { width: 360, height: 740 });
  await loaded(page);
  const overflow = await sidewaysOverflow(page);
  assert.ok(overflow <= 0, `overflow ${overflow}px`);
  await page.locator(cell('/areas/0/activities/0/indicators/0/levels/0')).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${screenshots}apa-edit-phone.png` });
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA on a phone');
  await page.close();
});

/** Sylhet's section 3 with `extra` more indicators of its first area (`[১.৭.১]` …): a directorate's size. */
function longSection3(extra) {
  const lines = section3.split('\n');
  const template = lines.find((l) => l.split('\t')[3]?.startsWith('[১.১.১]')).split('\t');
  const bn = (n) => String(n).replace(/\d/g, (d) => '০১২৩৪৫৬৭৮৯'[d]);
  const added = Array.from({ length: extra }, (_, k) => {
    const cells = [...template];
    cells[0] = '';
    cells[1] = '';
    cells[2] = k === 0 ? '[১.৭] আরও প্রশিক্ষণ' : '';
    cells[3] = `[১.৭.${bn(k + 1)}] প্রশিক্ষণার্থী, দল ${bn(k + 1)}`;
    return cells.join('\t');
  });
  const second = lines.findIndex((l) => l.startsWith('[২]'));
  return [...lines.slice(0, second), ...added, ...lines.slice(second)].join('\n');
}

test('a long paste is edited a page of rows at a time, by mouse and keyboard', async () => {
  const page = await openPage(browser, '/apa-edit.html');
  await loaded(page);
  await page.locator('#apa textarea').fill(longSection3(200));
  await page.locator('#apa .by-paste .by-button').click();
  const status = page.locator('#apa .by-pager__rows');
  // Pages of 50 rows in the editor (twelve fields a row).
  await status.getByText('সারি ১–৫০, মোট ২২৩').waitFor();
  await page.locator('#apa .by-paste__reading').waitFor({ state: 'detached' }); // drawn and checked
  assert.equal(await page.locator('#apa .by-apa__row').count(), 50);
  assert.equal(await page.locator('#apa .by-pager').count(), 2, 'a bar above the table and one below');
  // What saving would change lists a hundred rows and counts the rest (200 rows added).
  const added = await page.locator('#apa .by-changes__list').first().evaluate((list) => [...list.children].map((li) => li.textContent));
  assert.equal(added.length, 101);
  assert.equal(added.at(-1), '… আরও ১০০টি সারি');
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA with the pages of rows');

  // The keyboard: from "next page" on the bar above, Enter shows rows 51–100, focus stays on the button.
  const next = page.locator('#apa #by-pager-top button').nth(1);
  await next.focus();
  await page.keyboard.press('Enter');
  await status.getByText('সারি ৫১–১০০, মোট ২২৩').waitFor();
  assert.equal(await page.locator('#apa [data-key="1.7.45"]').count(), 1, 'the 51st row of the table is on page 2');
  assert.equal(await page.evaluate(() => document.getElementById('apa').shadowRoot.activeElement?.textContent), 'পরের পাতা →');
  // The page list jumps to the last page; the area that began on page 1 says it goes on.
  await page.locator('#apa #by-pager-top select').selectOption('4');
  await status.getByText('সারি ২০১–২২৩, মোট ২২৩').waitFor();
  await page.locator('#apa .by-apa__area-row').first().getByText('(আগের পাতা থেকে)').waitFor();
  await page.locator('#apa #by-pager-top').screenshot({ path: `${screenshots}apa-edit-pages.png` });
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA on the last page');
  await page.close();
});
