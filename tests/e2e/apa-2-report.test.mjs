// <batayan-apa-table mode="report"> on the served demo page, used the way office staff use it: type the
// quarter's values, see the score move and mistakes marked, lose nothing on reload or a dropped
// connection, submit, and find the report again. Runs after apa-1-public (files run in name order, one
// at a time), since it stores a new report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityViolations, baseUrl, launch, openPage, recordCode, screenshots, storedReports, withAttributes, unhashed } from './browser.mjs';

// The form's own submit button (a failed attempt adds a second, "try again").
const SUBMIT = '#apa .by-submit > .by-button[type=submit]';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const field = (key, what) => `#apa [id="by-field/values/${key}/${what}"]`;
const q2 = (key) => field(key, 'quarters/1');

async function loaded(page) {
  await page.locator('#apa .by-apa__table--report').waitFor();
}

test('the report page downloads the report form\'s code only: not the other form\'s, not the public view\'s', async () => {
  const page = await openPage(browser, '/apa-report.html', { prepare: recordCode });
  await loaded(page);
  const wasm = page.code.filter((path) => path.endsWith('.wasm')).map(unhashed);
  assert.deepEqual(wasm, ['/batayan/batayan_report_bg.wasm'], page.code.join(', '));
  await page.close();
});

test('report mode: live score, a mistake at its cell, a draft that survives reload, a retry that stores once', async () => {
  const page = await openPage(browser, '/apa-report.html');
  await loaded(page);
  assert.equal(await page.locator(q2('1.1.1')).inputValue(), '১৮', 'starts from the last report');
  assert.equal(await page.locator('#apa .by-apa__total-figure').innerText(), '৪৭.২৫');

  // A typo: marked at its cell, listed at the top, and nothing is sent.
  await page.locator(q2('1.2.1')).fill('৮৫ক');
  assert.equal(await page.locator(q2('1.2.1')).getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator(`#apa [id="by-field/values/1.2.1/quarters/1-message"]`).innerText(), /“ক” কোনো অঙ্ক নয়/);
  await page.locator(SUBMIT).click();
  const summary = page.locator('#apa .by-summary');
  await summary.waitFor();
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA with a mistake marked and the summary shown');
  assert.match(await summary.innerText(), /জমা দেওয়ার আগে এগুলো ঠিক করুন[\s\S]*\[১\.২\.১\] ২য় প্রান্তিক/);
  assert.equal(await summary.evaluate((el) => el.getRootNode().activeElement === el), true, 'the summary takes focus');
  await summary.locator('a').first().click();
  assert.equal(await page.locator(q2('1.2.1')).evaluate((el) => el.getRootNode().activeElement === el), true, 'its link focuses the field');
  assert.equal(await page.locator('#event-log li').count(), 0, 'nothing was sent');
  await page.locator(q2('1.2.1')).fill('৮৫');

  // The score follows the typing: 20 + 30 = 50 against 80 (100%) and 35 (90%) → 93.33 × 5%. Only the
  // row typed into changes (with its area's subtotal, the bars and the total): no other row's DOM is touched.
  await page.evaluate(() => {
    const root = document.getElementById('apa').shadowRoot;
    globalThis.touchedRows = new Set();
    globalThis.rowWatch = new MutationObserver((records) => {
      for (const r of records) {
        const node = r.target.nodeType === Node.ELEMENT_NODE ? r.target : r.target.parentElement;
        const row = node?.closest('tr[data-key]');
        if (row) globalThis.touchedRows.add(row.dataset.key);
      }
    });
    globalThis.rowWatch.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.locator(q2('1.1.1')).fill('৩০');
  const row = page.locator('#apa [data-key="1.1.1"]');
  assert.equal(await row.locator('.by-apa__achieved').innerText(), '৫০');
  assert.equal(await row.locator('.by-apa__weighted').innerText(), '৪.৬৭');
  assert.equal(await page.locator('#apa .by-apa__total-figure').innerText(), '৪৭.৩৯');
  assert.deepEqual(await page.evaluate(() => { globalThis.rowWatch.disconnect(); return [...globalThis.touchedRows]; }), ['1.1.1'],
    'typing changes the DOM of the row typed into, and of no other row');

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
  const submit = page.locator(SUBMIT);
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

  // Submitted for real; what the host refused before is no longer said anywhere.
  await submit.click();
  await page.locator('#apa .by-done').waitFor();
  assert.equal(await page.locator('#apa [id="by-field/values/1.1.1/quarters/1-message"]').count(), 0, 'the refusal is gone from its cell');
  assert.equal(await page.locator('#apa .by-summary').count(), 0, 'and from the summary: nothing is left to fix');
  assert.match(await page.locator('#event-log').innerText(), /batayan:submitted · HTTP 201/);
  assert.equal(sent.length, 3);
  assert.ok(sent.every((h) => h['x-csrf-token']?.length === 32), 'the CSRF token goes with every attempt');
  assert.equal(new Set(sent.map((h) => h['idempotency-key'])).size, 1, 'one key while the report is the same');
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('batayan:draft:')).length), 0, 'draft cleared');
  await page.screenshot({ path: `${screenshots}apa-report-desktop.png`, fullPage: true });
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA once submitted');
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
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA on a phone');
  await page.close();
});

const draftKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('batayan:draft:') && !k.endsWith(':idempotency-key')));

test('the host stores the report but the answer is lost; after a reload, submitting again stores nothing twice', async () => {
  const page = await openPage(browser, '/apa-report.html');
  await loaded(page);
  const before = await storedReports(page);
  await page.locator(q2('1.1.1')).fill('৩১');

  const keys = [];
  await page.route('**/reports', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    keys.push(route.request().headers()['idempotency-key']);
    await route.fetch(); // the host gets it and stores it…
    return route.abort('connectionreset'); // …and the answer never arrives
  });
  await page.locator(SUBMIT).click();
  await page.locator('#apa .by-submit [role=alert]').waitFor();
  assert.match(await page.locator('#apa .by-submit').innerText(), /দুবার সংরক্ষিত হবে না[\s\S]*খসড়া এই ব্রাউজারে রাখা আছে/);
  assert.equal(await storedReports(page), before + 1, 'the host did store it');
  assert.equal((await draftKeys(page)).length, 1, 'the draft is kept: the widget cannot know it was stored');

  // The person reloads (or the browser crashed) and presses submit again.
  await page.unroute('**/reports');
  await page.reload();
  await loaded(page);
  assert.equal(await page.locator(q2('1.1.1')).inputValue(), '৩১', 'the draft is back');
  const answers = [];
  page.on('response', (r) => {
    if (r.request().method() === 'POST' && r.url().endsWith('/reports')) {
      answers.push({ status: r.status(), replayed: r.headers()['idempotent-replayed'], key: r.request().headers()['idempotency-key'] });
    }
  });
  await page.locator(SUBMIT).click();
  await page.locator('#apa .by-done').waitFor();
  assert.equal(answers.length, 1);
  assert.deepEqual(answers[0], { status: 201, replayed: 'true', key: keys[0] }, 'the same key after the reload: the host answers from what it stored');
  assert.equal(await storedReports(page), before + 1, 'stored once');
  assert.deepEqual(await draftKeys(page), [], 'the draft and its key are gone after the 2xx');
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('idempotency')).length), 0);
  await page.close();
});

test('a host that hangs on submit: after the timeout the form says so, keeps the draft, and "try again" sends it', async () => {
  let hanging = true;
  const page = await openPage(browser, '/apa-report.html', { prepare: (p) => withAttributes(p, '/apa-report.html', 'timeout="2"') });
  await loaded(page);
  const before = await storedReports(page);
  await page.locator(q2('1.1.1')).fill('৩২');
  await page.route('**/reports', (route) => (route.request().method() === 'POST' && hanging ? undefined : route.continue()));
  const submit = page.locator(SUBMIT);
  await submit.click();
  assert.match(await page.locator('#apa .by-sending').innerText(), /পাঠানো হচ্ছে/);
  assert.equal(await submit.isDisabled(), true, 'no second press while sending');
  const failed = page.locator('#apa .by-submit [role=alert]');
  await failed.waitFor({ timeout: 10_000 });
  assert.match(await failed.innerText(), /২ সেকেন্ডেও উত্তর দেয়নি[\s\S]*খসড়া এই ব্রাউজারে রাখা আছে/);
  assert.equal(await submit.isDisabled(), false, 'the button is free again');
  assert.match(await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('batayan:draft:apa-report:') && !k.endsWith(':idempotency-key'))?.[1] ?? ''), /৩২/, 'the draft holds what was typed');
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA in the failed state');
  hanging = false;
  await page.locator('#apa .by-retry').click();
  await page.locator('#apa .by-done').waitFor();
  assert.match(await page.locator('#event-log').innerText(), /batayan:submitted · HTTP 201/);
  assert.equal(await storedReports(page), before + 1);
  await page.close();
});

test('two tabs with the same restored draft: both submit, the host stores it once', async () => {
  // One browser profile, two tabs: they share localStorage, as a person's tabs do.
  const context = await browser.newContext();
  const first = await context.newPage();
  await first.goto(new URL('/apa-report.html', baseUrl).href);
  await loaded(first);
  const before = await storedReports(first);
  await first.locator(q2('1.1.1')).fill('৩৩');
  // The first tab's answer is lost after the host stored the report.
  await first.route('**/reports', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    await route.fetch();
    return route.abort('connectionreset');
  });
  await first.locator(SUBMIT).click();
  await first.locator('#apa .by-submit [role=alert]').waitFor();

  // The second tab opens the form, finds the same draft, and submits it.
  const second = await context.newPage();
  await second.goto(new URL('/apa-report.html', baseUrl).href);
  await loaded(second);
  assert.equal(await second.locator(q2('1.1.1')).inputValue(), '৩৩', 'the same draft');
  const replayed = second.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/reports'));
  await second.locator(SUBMIT).click();
  assert.equal((await replayed).headers()['idempotent-replayed'], 'true');
  await second.locator('#apa .by-done').waitFor();
  assert.equal(await storedReports(second), before + 1, 'stored once');
  await context.close();
});

test('a page that takes the submission over: batayan:submit cancelled, the page posts, its answer ends the form', async () => {
  const page = await openPage(browser, '/apa-report.html');
  await loaded(page);
  const before = await storedReports(page);
  await page.evaluate(() => {
    globalThis.takenOver = [];
    document.querySelector('#apa').addEventListener('batayan:submit', async (event) => {
      event.preventDefault();
      const { document: report, url, method, idempotencyKey, respond } = event.detail;
      globalThis.takenOver.push({ period: report.period, url, method, key: typeof idempotencyKey });
      const csrf = document.querySelector('meta[name="csrf-token"]').content;
      const answer = await fetch(url, {
        method, body: JSON.stringify(report),
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey, 'X-CSRF-Token': csrf },
      });
      respond(answer.status, await answer.json());
    });
  });
  const posts = [];
  page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.url()); });
  await page.locator(q2('1.1.1')).fill('৩৩');
  await page.locator(SUBMIT).click();
  await page.locator('#apa .by-done').waitFor();
  assert.deepEqual(await page.evaluate(() => globalThis.takenOver), [{ period: 'Q2', url: '/api/apa/ict-sylhet/2024-25/reports', method: 'POST', key: 'string' }]);
  assert.equal(posts.length, 1, 'one POST: the page\'s, not the widget\'s as well');
  assert.equal(await storedReports(page), before + 1);
  assert.deepEqual(await draftKeys(page), [], 'the 2xx the page passed on cleared the draft');
  assert.match(await page.locator('#event-log').innerText(), /batayan:submitted · HTTP 201/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a page that takes the submission over and never answers: after the timeout the form says so, the draft stays', async () => {
  const page = await openPage(browser, '/apa-report.html', { prepare: (p) => withAttributes(p, '/apa-report.html', 'timeout="1"') });
  await loaded(page);
  await page.evaluate(() => document.querySelector('#apa').addEventListener('batayan:submit', (event) => event.preventDefault()));
  await page.locator(q2('1.1.1')).fill('৩৪');
  await page.locator(SUBMIT).click();
  const failed = page.locator('#apa .by-submit [role=alert]');
  await failed.waitFor();
  assert.match(await failed.innerText(), /উত্তর দেয়নি|সেকেন্ড/);
  assert.equal((await draftKeys(page)).length, 1, 'the draft is kept');
  assert.equal(await page.locator(SUBMIT).isDisabled(), false, 'the button is free again');
  await page.close();
});

test('a page that took a submission over is reloaded before answering: the draft is back, and the form sends it itself once', async () => {
  const page = await openPage(browser, '/apa-report.html');
  await loaded(page);
  const before = await storedReports(page);
  await page.evaluate(() => document.querySelector('#apa').addEventListener('batayan:submit', (event) => event.preventDefault()));
  await page.locator(q2('1.1.1')).fill('৩৬');
  await page.locator(SUBMIT).click();
  await page.reload(); // the page's own sending never finished
  await loaded(page);
  assert.equal(await page.locator(q2('1.1.1')).inputValue(), '৩৬', 'what was typed is back');
  assert.equal(await storedReports(page), before, 'nothing was stored');
  await page.locator(SUBMIT).click(); // no listener now: the form sends it
  await page.locator('#apa .by-done').waitFor();
  assert.equal(await storedReports(page), before + 1);
  assert.deepEqual(await draftKeys(page), []);
  await page.close();
});
