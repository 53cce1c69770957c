// The widgets dropped into an imitation of a National Portal Framework page (examples/npf/): the page
// says lang="en", forces its font on every element, zeroes margins, borders every table cell, clips
// its containers, and lays out a 720 px main column; its own jQuery 1.12 script runs on ready.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityViolations, launch, openPage, screenshots, sidewaysOverflow } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PAGE = '/examples/npf/';

// What of the portal's own elements the widgets could disturb: every light-DOM element outside the
// widgets, with the computed properties a leaking stylesheet or script would change.
function portalStyles(page) {
  return page.evaluate(() => {
    const properties = ['font-family', 'font-size', 'font-weight', 'color', 'background-color', 'margin-top', 'margin-bottom',
      'padding-top', 'padding-left', 'border-top-width', 'border-top-style', 'display', 'line-height', 'text-align', 'overflow-x'];
    const outside = [...document.querySelectorAll('body *')].filter((el) => !el.closest('batayan-apa-table, batayan-fiscal-year'));
    return outside.map((el, i) => {
      const style = getComputedStyle(el);
      return `${i} ${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} ${properties.map((p) => style.getPropertyValue(p)).join(' | ')}`;
    });
  });
}

// What the portal's script wrote: it must run the same with and without the widgets.
function portalScript(page) {
  return page.evaluate(() => ({ jquery: document.body.dataset.jquery, ready: document.body.classList.contains('npf-ready'), notices: document.querySelector('#npf-notice-count').textContent }));
}

async function rendered(page) {
  await page.locator('#apa .by-apa__table').waitFor();
  await page.locator('#today .by-card').waitFor();
}

test('in a portal page: Bangla on a lang="en" page, the portal unchanged, its script the same', async () => {
  // The portal as it is without the widgets: their code never arrives.
  const bare = await openPage(browser, PAGE, { width: 1366, prepare: (p) => p.route('**/batayan/**', (route) => route.abort()) });
  await bare.waitForFunction(() => document.body.classList.contains('npf-ready'));
  const [stylesWithout, scriptWithout] = [await portalStyles(bare), await portalScript(bare)];
  await bare.close();
  assert.deepEqual(scriptWithout, { jquery: '1.12.4', ready: true, notices: '2' });

  const page = await openPage(browser, PAGE, { width: 1366 });
  await rendered(page);
  assert.deepEqual(await portalScript(page), scriptWithout, "the portal's script runs the same");
  assert.deepEqual(await portalStyles(page), stylesWithout, 'no computed style of the portal changed');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.match(await page.locator('#apa .by-apa__header').innerText(), /বার্ষিক কর্মসম্পাদন চুক্তি ২০২৪-২৫/, 'Bangla, whatever the page declares');
  assert.match(await page.locator('#today .by-card').innerText(), /অর্থবছর ২০২৩-২৪/);
  assert.deepEqual(page.problems, [], 'no console message');
  await page.close();
});

test('in a 720 px column at 1366 px: every column of a row in view, the scores first, our font, room around', async () => {
  const page = await openPage(browser, PAGE, { width: 1366 });
  await rendered(page);
  const apa = page.locator('#apa');
  const host = await apa.boundingBox();
  assert.ok(host.width <= 721, `the widget fits the column: ${host.width}`);
  const region = page.locator('#apa .by-apa__scroll');
  assert.equal(await region.evaluate((el) => el.scrollWidth - el.clientWidth), 0, 'nothing behind a sideways scroll');
  assert.equal(await region.getAttribute('tabindex'), '0');
  assert.equal(await region.getAttribute('role'), 'region');
  assert.ok(await region.getAttribute('aria-label'), 'the scroll region is named');
  // Every cell of a row, the scores among them, is inside the widget's box and shown.
  const row = page.locator('#apa [data-key="1.1.1"]');
  const cells = await row.evaluate((tr) => [...tr.children].filter((c) => c.textContent.trim() !== '').map((c) => {
    const r = c.getBoundingClientRect();
    return { label: c.dataset.label, top: r.top, left: r.left, right: r.right, width: r.width };
  }).sort((a, b) => a.top - b.top));
  assert.ok(cells.length >= 14, `${cells.length} cells`);
  for (const c of cells) {
    assert.ok(c.width > 0 && c.left >= host.x - 1 && c.right <= host.x + host.width + 1, `${c.label} is in view: ${JSON.stringify(c)}`);
  }
  const labels = cells.map((c) => c.label); // top to bottom, as the card shows them
  assert.deepEqual(labels.slice(0, 5), ['ক্রমিক', 'সূচক', 'অর্জন', 'প্রাপ্ত নম্বর', 'ভারিত নম্বর'], 'the scores right after the indicator');
  const top = async (selector) => (await row.locator(selector).boundingBox()).y;
  assert.ok(await top('.by-apa__weighted') < await top('.by-apa__level >> nth=0'), 'shown before the targets');
  assert.ok(labels.includes('প্রকৃত অর্জন ২০২২-২৩') && labels.includes('প্রক্ষেপণ ২০২৬-২৭'), `cards name the years: ${labels}`);
  // The portal forces its font on every element, the host included; inside, the widget's own.
  const fonts = await apa.evaluate((el) => ({ host: getComputedStyle(el).fontFamily, root: getComputedStyle(el.shadowRoot.querySelector('.by-apa')).fontFamily }));
  assert.match(fonts.host, /Kalpurush/);
  assert.match(fonts.root, /^"Noto Sans Bengali"/);
  // The portal zeroes every margin; the widget still keeps its distance from its neighbours.
  const heading = await page.locator('.npf-main h2').nth(1).boundingBox();
  const root = await apa.evaluate((el) => el.shadowRoot.querySelector('.by-apa').getBoundingClientRect().top);
  assert.ok(root - (heading.y + heading.height) >= 8, `space above the widget: ${root - (heading.y + heading.height)} px`);
  const below = await page.locator('#after-apa').boundingBox();
  const bottom = await apa.evaluate((el) => el.shadowRoot.querySelector('.by-apa').getBoundingClientRect().bottom);
  assert.ok(below.y - bottom >= 8, `space below the widget: ${below.y - bottom} px`);
  await page.screenshot({ path: `${screenshots}portal-1366.png`, fullPage: true });
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA, the portal page included');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('in the portal on a 360 px phone: no sideways scrolling, Bangla cards', async () => {
  const page = await openPage(browser, PAGE, { width: 360, height: 740 });
  await rendered(page);
  assert.equal(await sidewaysOverflow(page), 0, 'the page does not scroll sideways');
  // A card: each cell says what it is (its label is drawn before it), the weighted score among them.
  const weighted = page.locator('#apa [data-key="1.1.1"] .by-apa__weighted');
  assert.equal(await weighted.evaluate((td) => getComputedStyle(td, '::before').content), '"ভারিত নম্বর"');
  assert.match(await weighted.innerText(), /^[০-৯]+\.[০-৯]{2}$/, 'a score, in Bangla digits (other tests may have reported other values)');
  await page.screenshot({ path: `${screenshots}portal-360.png` });
  assert.deepEqual(await accessibilityViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.close();
});
