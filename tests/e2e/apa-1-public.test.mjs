// <batayan-apa-table> on the served demo page (public view), read the way a citizen reads it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityViolations, launch, openPage, recordCode, screenshots, sidewaysOverflow, withAttributes, unhashed } from './browser.mjs';

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
  const explain = row.locator('.by-explain');
  assert.equal(await explain.getAttribute('aria-expanded'), 'false');
  await explain.press('Enter'); // a keyboard opens it, as a click does
  assert.equal(await explain.getAttribute('aria-expanded'), 'true');
  assert.match(await row.locator('.by-explain__text').innerText(), /৯০ \+ ১০ × \(৩৮ − ৩৫\) \/ \(৮০ − ৩৫\) = ৯০\.৬৭/);
  await page.locator('#apa .by-apa__about summary').click();
  assert.match(await page.locator('#apa .by-apa__about').innerText(), /রূপকল্প\s+জ্ঞানভিত্তিক অর্থনীতি ও সুশাসন প্রতিষ্ঠায় তথ্য প্রযুক্তির ব্যবহার/);
  assert.match(await row.locator('.by-apa__evidence-note').innerText(), /প্রমাণক: স্থিরচিত্র\/প্রতিবেদন/);
  const date = page.locator('#apa [data-key="2.1.1"]');
  assert.match(await date.innerText(), /১২ ডিসেম্বর ২০২৩/);
  await page.screenshot({ path: `${screenshots}apa-public-desktop.png`, fullPage: true });
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA with an explanation and the about box open');
  assert.deepEqual(page.problems, [], 'no console errors, no CSP violations');
  await page.close();
});

test("a citizen's page downloads the view and never a form's code; a form asked for later is loaded then", async () => {
  const documents = [];
  const page = await openPage(browser, '/apa.html', {
    prepare: (p) => {
      recordCode(p);
      p.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/api/')) documents.push(`${r.resourceType()} ${new URL(r.url()).pathname}`); });
    },
  });
  await loaded(page);
  await page.waitForLoadState('networkidle');
  // The loader fetches the agreement and the report while the module compiles; the widget takes
  // those answers instead of asking again, so each is requested once.
  assert.deepEqual(documents.sort(), ['fetch /api/apa/ict-sylhet/2024-25', 'fetch /api/apa/ict-sylhet/2024-25/reports/latest'], documents.join(', '));
  const wasm = page.code.filter((path) => path.endsWith('.wasm')).map(unhashed);
  assert.deepEqual(wasm, ['/batayan/batayan_view_bg.wasm'], `the citizen's page fetched ${page.code.join(', ')}`);
  assert.ok(!page.code.some((path) => /batayan_(report|edit)/.test(path)), `no form code: ${page.code.join(', ')}`);
  // The same element switched to report mode by the page: the forms' module loads and the form shows.
  await page.evaluate(() => {
    const apa = document.getElementById('apa');
    apa.setAttribute('submit-url', '/api/apa/ict-sylhet/2024-25/reports');
    apa.setAttribute('period', 'Q2');
    apa.setAttribute('mode', 'report');
  });
  await page.locator('#apa [id="by-field/values/1.1.1/quarters/1"]').waitFor();
  assert.ok(page.code.map(unhashed).includes('/batayan/batayan_report_bg.wasm'), `the form's code after the switch: ${page.code.join(', ')}`);
  assert.ok(!page.code.some((path) => path.includes('batayan_edit')), `not the other form's: ${page.code.join(', ')}`);
  // And back: the view, from the module already loaded, with nothing fetched twice.
  await page.evaluate(() => document.getElementById('apa').removeAttribute('mode'));
  await page.locator('#apa .by-apa__table').waitFor();
  assert.equal(await page.locator('#apa .by-apa__total-figure').innerText(), '৪৭.২৫');
  assert.equal(page.code.filter((path) => path.endsWith('.wasm')).map(unhashed).length, 2, page.code.join(', '));
  assert.deepEqual(page.problems, []);
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
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA on a phone');
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

// Data a portal stores is not always tidy: a URL pasted into the mission, a name with a right-to-left
// override (U+202E) copied from somewhere. Neither may push the page sideways or reorder our own text.
const RLO = '\u202E';

async function hostileAgreement(page) {
  await page.route('**/api/apa/ict-sylhet/2024-25', async (route) => {
    const response = await route.fetch();
    const agreement = await response.json();
    agreement.mission = `https://www.sylhet.gov.bd/site/page/${'a1b2c3'.repeat(60)}`;
    agreement.office_name = `${RLO}প্রোগ্রামার, সিলেট`;
    agreement.areas[0].name = `${agreement.areas[0].name} ${RLO}abc`;
    agreement.areas[0].activities[0].indicators[0].name = `${RLO}প্রশিক্ষণার্থী`;
    agreement.areas[0].activities[0].indicators[0].evidence = `${RLO}${'স্থিরচিত্র/প্রতিবেদন'.repeat(8)}`;
    await route.fulfill({ response, json: agreement });
  });
}

test('a long unbroken URL wraps at 360 px, and bidi controls in data reorder nothing outside their string', async () => {
  const page = await openPage(browser, '/apa.html', { width: 360, height: 740, prepare: hostileAgreement });
  await loaded(page);
  await page.locator('#apa .by-apa__about summary').click();
  assert.match(await page.locator('#apa .by-apa__about').innerText(), /a1b2c3a1b2c3/);
  const overflow = await sidewaysOverflow(page);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  const mission = await page.locator('#apa .by-apa__about dd').nth(1).boundingBox();
  assert.ok(mission && mission.width <= 360, `the mission fits the screen (${mission?.width}px)`);
  // Every text that carries the override either sits in its own <bdi> or ends its bidi paragraph
  // (nothing of ours follows it inside its block: a table cell's own text, an evidence note), so the
  // override ends with it.
  const isolated = await page.locator('#apa').evaluate((host, rlo) => {
    const blockOf = (element) => {
      while (element && getComputedStyle(element).display === 'inline') element = element.parentElement;
      return element;
    };
    const endsItsParagraph = (text) => {
      const block = blockOf(text.parentElement);
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      walker.currentNode = text;
      for (let next = walker.nextNode(); next; next = walker.nextNode()) {
        if (next.data.trim() && blockOf(next.parentElement) === block) return false;
      }
      return true;
    };
    const walker = document.createTreeWalker(host.shadowRoot, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.data.includes(rlo)) found.push(node.parentElement?.closest('bdi') !== null || endsItsParagraph(node));
    }
    return found;
  }, RLO);
  assert.ok(isolated.length >= 5, `the overridden strings are shown (${isolated.length})`);
  assert.deepEqual(isolated.filter((ok) => !ok), [], 'each one isolated');
  const row = page.locator('#apa [data-key="1.1.1"]');
  assert.match(await row.locator('.by-apa__evidence-note').innerText(), /^প্রমাণক: /, 'our label still reads first');
  await page.locator('#apa .by-apa__about').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${screenshots}apa-public-hostile-phone.png` });
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.close();
});

test("the loader's early request for the agreement fails on the network: the widget asks again itself and shows the table", async () => {
  const asked = [];
  const page = await openPage(browser, '/apa.html', {
    prepare: (p) => p.route('**/api/apa/ict-sylhet/2024-25', (route) => {
      asked.push(route.request().resourceType());
      // The first request (the loader's, made while the module loads) is cut off; the next goes through.
      return asked.length === 1 ? route.abort('connectionreset') : route.continue();
    }),
  });
  await loaded(page);
  assert.equal(await page.locator('#apa .by-apa__total-figure').innerText(), '৪৭.২৫');
  assert.equal(await page.locator('#apa .by-error').count(), 0, 'no error is shown');
  assert.deepEqual(asked, ['fetch', 'fetch'], 'the loader asked once, the widget once more');
  await page.close();
});

test('a host that never answers: after the timeout a clear message, and "try again" loads the table', async () => {
  let hanging = true;
  const page = await openPage(browser, '/apa.html', {
    prepare: async (p) => {
      await withAttributes(p, '/apa.html', 'timeout="2"');
      // Hang while `hanging`: neither answer nor fail, as a stuck portal does.
      await p.route('**/api/apa/ict-sylhet/2024-25', (route) => (hanging ? undefined : route.continue()));
    },
  });
  assert.match(await page.locator('#apa .by-status').innerText(), /চুক্তি লোড হচ্ছে/, 'loading is said while waiting');
  const error = page.locator('#apa .by-error');
  await error.waitFor({ timeout: 10_000 });
  assert.match(await error.innerText(), /২ সেকেন্ডেও উত্তর দেয়নি/);
  assert.equal(await page.locator('#apa .by-status').count(), 0, 'no longer "loading"');
  assert.deepEqual(await accessibilityViolations(page), [], 'the error state too');
  hanging = false;
  await page.locator('#apa .by-load-failed .by-button').click();
  await loaded(page);
  assert.equal(await page.locator('#apa .by-apa__total-figure').innerText(), '৪৭.২৫');
  await page.close();
});

test("a module that failed to download (a dropped link) is fetched again when the element comes back", async () => {
  let refused = 0;
  const page = await openPage(browser, '/apa.html', {
    prepare: async (p) => {
      await p.addInitScript(() => {
        globalThis.startErrors = [];
        document.addEventListener('batayan:error', (e) => globalThis.startErrors.push(e.detail.message));
      });
      await p.route('**/batayan_view*_bg.wasm', (route) => (refused++ === 0 ? route.abort('connectionreset') : route.continue()));
    },
  });
  await page.waitForFunction(() => globalThis.startErrors.length > 0);
  assert.equal(await page.evaluate(() => globalThis.startErrors.length), 1, 'the page hears why the widget could not start');
  assert.equal(await page.locator('#apa .by-apa__table').count(), 0);
  // The page (or the reader's next visit to this part of it) puts the element back: it loads now.
  await page.evaluate(() => {
    const apa = document.getElementById('apa');
    const parent = apa.parentNode;
    apa.remove();
    parent.append(apa);
  });
  await loaded(page);
  assert.equal(await page.locator('#apa .by-apa__row').count(), 23);
  assert.equal(refused, 2, 'one refused download, one that worked');
  await page.close();
});
