// <batayan-apa-table> as a portal's script drives it: attributes changed after it has rendered, and the
// element taken off the page while it still waits for its data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const set = (page, name, value) => page.evaluate(([n, v]) => document.querySelector('#apa').setAttribute(n, v), [name, value]);

test('lang, mode and src changed after the table has rendered re-render it', async () => {
  const page = await openPage(browser, '/apa.html', {
    // Another office's agreement at another address: the Sylhet one under another name.
    prepare: (p) => p.route('**/other-office.json', async (route) => {
      const response = await route.fetch({ url: new URL('/api/apa/ict-sylhet/2024-25', route.request().url()).href });
      const agreement = await response.json();
      agreement.office_name = 'প্রোগ্রামার, জেলা কার্যালয়, জয়পুরহাট';
      await route.fulfill({ response, json: agreement });
    }),
  });
  const header = page.locator('#apa .by-apa__header');
  await header.waitFor();
  assert.match(await header.innerText(), /বার্ষিক কর্মসম্পাদন চুক্তি ২০২৪-২৫/);

  await set(page, 'lang', 'en');
  await page.locator('#apa .by-apa__header', { hasText: 'Annual Performance Agreement 2024-25' }).waitFor();
  assert.equal(await page.locator('#apa .by-apa__total-label').innerText(), 'Total score');

  await set(page, 'mode', 'report');
  await page.locator('#apa .by-apa--report').waitFor();
  assert.equal(await page.locator('#apa .by-apa__table').count(), 1, 'the form, and not the table as well');
  await set(page, 'mode', 'public');
  await page.locator('#apa .by-apa__total-label').waitFor();
  assert.equal(await page.locator('#apa .by-apa--report').count(), 0);

  await set(page, 'src', '/other-office.json');
  await page.locator('#apa .by-apa__office', { hasText: 'জয়পুরহাট' }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();
});

for (const mode of ['public', 'report']) {
  test(`an element (mode=${mode}) taken off the page while it waits frees its request and says nothing afterwards`, async () => {
    const page = await openPage(browser, '/apa.html', {
      prepare: (p) => p.route('**/never-answers', () => { /* the host hangs */ }),
    });
    await page.locator('#apa .by-apa__header').waitFor();
    const failed = [];
    page.on('requestfailed', (request) => { if (request.url().endsWith('/never-answers')) failed.push(request.failure()?.errorText); });
    const outcome = await page.evaluate(async (mode) => {
      const events = [];
      const el = document.createElement('batayan-apa-table');
      el.setAttribute('src', '/never-answers');
      el.setAttribute('mode', mode);
      el.setAttribute('period', 'Q2');
      el.setAttribute('submit-url', '/api/apa/ict-sylhet/2024-25/reports');
      el.setAttribute('timeout', '60');
      for (const name of ['batayan:error', 'batayan:loaded']) el.addEventListener(name, () => events.push(name));
      document.body.append(el);
      for (let i = 0; i < 50 && !(el.shadowRoot?.textContent ?? '').includes('লোড হচ্ছে'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50)); // the module loads, the request goes
      }
      const waiting = el.shadowRoot?.textContent ?? '';
      el.remove();
      await new Promise((resolve) => setTimeout(resolve, 500));
      return { waiting, events, shadow: el.shadowRoot?.textContent ?? '' };
    }, mode);
    assert.match(outcome.waiting, /লোড হচ্ছে/, `it was waiting: ${outcome.waiting}`);
    assert.deepEqual(outcome.events, [], 'no event from an element that has left');
    assert.deepEqual(failed, ['net::ERR_ABORTED'], 'its request given up at once, not left to its 60 s timeout');
    assert.equal(outcome.shadow, '', 'its shadow root emptied');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}

test('a browser without AbortSignal.any (before Chrome 116) still loads and shows the table', async () => {
  const page = await openPage(browser, '/apa.html', { prepare: (p) => p.addInitScript(() => { delete AbortSignal.any; }) });
  await page.locator('#apa .by-apa__table').waitFor();
  assert.equal(await page.evaluate(() => typeof AbortSignal.any), 'undefined');
  assert.equal(await page.locator('#apa .by-apa__row').count(), 23);
  assert.deepEqual(page.problems, []);
  await page.close();
});
