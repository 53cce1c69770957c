// <batayan-minutes mode="edit"> on the served demo page, as a secretary publishes minutes: paste the
// text copied from Word, read it, see the counts and every finding at its line (a button that selects
// the line), publish — refused while signed out with the draft kept, published once signed in as
// staff, and then shown by the viewer. Runs after the other minutes scripts (files run in name order).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { accessibilityViolations, baseUrl, launch, recordCode, screenshots, unhashed } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const koyra = readFileSync(new URL('../fixtures/minutes-koyra-upazila-ict-2022-09.txt', import.meta.url), 'utf8');

test('paste, read, see the findings at their lines, publish once signed in, read it back', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await recordCode(page);
  await page.goto(new URL('/minutes-edit.html', baseUrl).href);
  const area = page.locator('#editor #by-minutes-text');
  await area.waitFor();
  assert.deepEqual(page.code.filter((p) => p.endsWith('.wasm')).map(unhashed), ['/batayan/batayan_minutes_edit_bg.wasm'], 'the editor only');
  const before = await page.evaluate(async () => (await (await fetch('/api/minutes')).json()).minutes.length);

  await area.fill(koyra);
  await page.locator('#editor [data-action=read]').click();
  const read = page.locator('#editor .by-minutes-edit__read');
  assert.equal(await read.locator('.by-apa__counts').innerText(), '৮টি আলোচ্য বিষয় ও ১১টি সিদ্ধান্ত পড়া হয়েছে।');
  const findings = await read.locator('.by-minutes-edit__findings li').allInnerTexts();
  assert.ok(findings.some((f) => /সতর্কতা, লাইন ২৪: ক্রমিক “৫\.০” এসেছে “৮\.০”-এর পরে/.test(f)), findings.join('\n'));
  assert.ok(findings.some((f) => /লাইন ২৭: ক্রমিক “৮\.০” আগেও আছে/.test(f)), findings.join('\n'));
  // A finding's button selects its line in the text.
  await read.locator('.by-minutes-edit__findings [data-line="24"]').click();
  const selected = await area.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
  assert.ok(selected.startsWith('৫.০\t'), selected.slice(0, 20));
  assert.match(await read.locator('.by-minutes-edit__preview').innerText(), /উপজেলা পরিষদ সম্মেলন কক্ষ[\s\S]*ই-নথি বাস্তবায়ন সংক্রান্ত[\s\S]*০৫\.৪৪\.৪৭৫৩\.০০০\.০৬\.০২৩\.২২-৮৪৮/);
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA with what was read');
  await page.screenshot({ path: `${screenshots}minutes-edit-desktop.png` });

  // Signed out: refused, nothing stored, the pasted text kept across a reload.
  await page.locator('#editor [data-action=publish]').click();
  await page.locator('#editor [data-slot=status] .by-warning', { hasText: 'আগে সাইন ইন করুন' }).waitFor();
  await page.reload();
  await area.waitFor();
  assert.equal(await area.inputValue(), koyra.replace(/\r/g, ''), 'the draft is back after a reload');
  assert.match(await page.locator('#editor .by-submit__draft').innerText(), /খসড়া ফিরিয়ে আনা হয়েছে/);

  await Promise.all([page.waitForEvent('load'), page.locator('[data-user="staff"]').click()]);
  await area.waitFor();
  await page.locator('#editor [data-action=publish]').click();
  await page.locator('#editor [data-slot=status] .by-done').waitFor();
  const after = await page.evaluate(async () => (await (await fetch('/api/minutes')).json()).minutes);
  assert.equal(after.length, before + 1, 'published once');
  assert.equal(after[0].minutes.memo_number, '০৫.৪৪.৪৭৫৩.০০০.০৬.০২৩.২২-৮৪৮');
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('batayan:draft:minutes')).length), 0, 'the draft is gone');
  assert.match(await page.locator('#event-log').innerText(), /batayan:submitted · HTTP 201/);

  const viewer = await context.newPage();
  await viewer.goto(new URL(`/minutes.html?id=${after[0].id}`, baseUrl).href);
  await viewer.locator('#minutes .by-minutes__item').first().waitFor();
  assert.equal(await viewer.locator('#minutes .by-minutes__item').count(), 8);
  assert.deepEqual(problems, []);
  await context.close();
});
