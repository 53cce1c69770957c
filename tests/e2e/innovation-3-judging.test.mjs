// <batayan-innovation-judging> as three judges use it, each in their own browser (own session cookie):
// marks in Bangla digits with the running total, an abstention with its reason, save & next; a judge
// never sees another judge's marks, and the organiser's sheets are refused to judges. Then the organiser
// publishes, and the public showcase shows the ranks the rule gives — never before.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityViolations, baseUrl, launch, screenshots, sidewaysOverflow } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const CRITERIA = ['benefit', 'novelty', 'feasibility', 'replicability', 'cost'];
const mark = (key) => `#judging [id="by-field/marks/${key}"]`;
const SAVE = '#judging .by-judging__sheet button[type=submit]';

/** A browser of one's own, signed in as `user` through the demo page's buttons. */
async function signedIn(user, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(String(e)));
  await page.goto(new URL('/innovation-judging.html', baseUrl).href);
  await Promise.all([page.waitForEvent('load'), page.locator(`[data-user="${user}"]`).click()]);
  await page.locator('#signed-in', { hasText: 'সাইন ইন করেছেন' }).waitFor();
  return { context, page };
}

async function opened(page, title) {
  await page.locator('#judging .by-showcase__entry-title', { hasText: title }).waitFor();
}

async function giveAll(page, value) {
  for (const key of CRITERIA) await page.locator(mark(key)).fill(value);
}

async function api(page, path) {
  return page.evaluate(async (path) => {
    const answer = await fetch(path);
    return { status: answer.status, body: await answer.json().catch(() => null) };
  }, path);
}

test('a judge scores two entries: running total, save & next, a mark out of range refused at its field', async () => {
  const { context, page } = await signedIn('judge-1');
  await opened(page, 'ই-নথি ব্যবহারে');
  assert.match(await page.locator('#judging .by-form__title').innerText(), /ড\. নাসরিন সুলতানা/);
  assert.match(await page.locator('#judging .by-form__step').innerText(), /৩টির মধ্যে ১ নম্বর এন্ট্রি/);
  await giveAll(page, '৮');
  await page.locator(mark('novelty')).fill('১১');
  await page.locator(SAVE).click();
  await page.locator('#judging .by-summary').waitFor();
  assert.equal(await page.locator(mark('novelty')).getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#judging .by-summary').innerText(), /১টি ঘর ঠিক করুন\nনতুনত্ব: নম্বর ০ থেকে ১০-এর মধ্যে হবে।/);
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA with a mark refused');
  await page.locator(mark('novelty')).fill('৮');
  assert.match(await page.locator('#judging .by-judging__total-text').innerText(), /চলমান মোট: ৮০\.০০ \/ ১০০ \(৫টির মধ্যে ৫টি মানদণ্ডে নম্বর\)/);
  await page.screenshot({ path: `${screenshots}innovation-judging-desktop.png`, fullPage: true });
  await page.locator(SAVE).click();

  await opened(page, 'শেখ রাসেল ডিজিটাল ল্যাবের');
  assert.match(await page.locator('#judging .by-judging__saved').innerText(), /ই-নথি ব্যবহারে .*নম্বর সংরক্ষিত হয়েছে/);
  await giveAll(page, '৭');
  assert.match(await page.locator('#judging .by-judging__total-text').innerText(), /৭০\.০০ \/ ১০০/);
  await page.locator(SAVE).click();
  await opened(page, 'এসিআর');
  assert.match(await page.locator('#judging .by-judging__nav').innerText(), /ই-নথি[^\n]*সংরক্ষিত[\s\S]*শেখ রাসেল[^\n]*সংরক্ষিত[\s\S]*এসিআর[^\n]*বাকি/);
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA after save & next');

  const queue = await api(page, '/api/innovation/queue');
  const marks = Object.fromEntries(queue.body.entries.map((e) => [e.id, e.sheet?.marks ?? null]));
  assert.deepEqual(marks, { 1: { benefit: 8, cost: 8, feasibility: 8, novelty: 8, replicability: 8 }, 2: { benefit: 7, cost: 7, feasibility: 7, novelty: 7, replicability: 7 }, 3: null });
  // Back to the first: the stored marks are there to change.
  await page.locator('#judging .by-judging__pick', { hasText: 'ই-নথি' }).click();
  assert.equal(await page.locator(mark('benefit')).inputValue(), '৮', 'as typed');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('another judge sees none of those marks, cannot read the sheets, abstains with a reason', async () => {
  const { context, page } = await signedIn('judge-2');
  await opened(page, 'ই-নথি ব্যবহারে');
  for (const key of CRITERIA) assert.equal(await page.locator(mark(key)).inputValue(), '', `no mark of judge-1's on ${key}`);
  const queue = await api(page, '/api/innovation/queue');
  assert.deepEqual(queue.body.entries.map((e) => [e.id, e.sheet]), [[1, null], [2, null], [4, null]], 'only their own (none yet)');
  assert.equal((await api(page, '/api/innovation/sheets')).status, 403, 'every judge\'s sheets are the organiser\'s to read');
  assert.equal((await api(page, '/api/innovation/results')).status, 403, 'results are not published');

  await page.locator('#judging #by-abstain-check').check();
  await page.locator(SAVE).click();
  await page.locator('#judging .by-summary').waitFor();
  assert.match(await page.locator('#judging .by-summary').innerText(), /বিরত থাকার কারণ লিখুন/);
  await page.locator('#judging [id="by-field/abstain"]').fill('উদ্ভাবক আমার দপ্তরের কর্মকর্তা (স্বার্থের সংঘাত)');
  assert.match(await page.locator('#judging .by-judging__total-text').innerText(), /আপনি এই এন্ট্রিতে বিরত/);
  assert.deepEqual(await accessibilityViolations(page), [], 'WCAG 2.1 AA while abstaining');
  await page.locator(SAVE).click();
  await opened(page, 'শেখ রাসেল ডিজিটাল ল্যাবের');
  await giveAll(page, '৯');
  await page.locator(SAVE).click();
  await opened(page, 'আইপেমিস');
  const stored = await api(page, '/api/innovation/queue');
  assert.equal(stored.body.entries[0].sheet.abstain, 'উদ্ভাবক আমার দপ্তরের কর্মকর্তা (স্বার্থের সংঘাত)');
  assert.deepEqual(stored.body.entries[1].sheet.marks.benefit, 9);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('on a phone a third judge marks an entry chosen from the queue; a draft survives a reload', async () => {
  const { context, page } = await signedIn('judge-3', { width: 360, height: 780 });
  await opened(page, 'শেখ রাসেল ডিজিটাল ল্যাবের');
  await page.locator('#judging .by-judging__pick', { hasText: 'এসিআর' }).click();
  await opened(page, 'এসিআর');
  await page.locator(mark('benefit')).fill('৯.৫');
  await page.waitForTimeout(500);
  await page.reload();
  await opened(page, 'শেখ রাসেল ডিজিটাল ল্যাবের');
  await page.locator('#judging .by-judging__pick', { hasText: 'এসিআর' }).click();
  assert.equal(await page.locator(mark('benefit')).inputValue(), '৯.৫', 'the unsent mark is back');
  assert.match(await page.locator('#judging .by-submit__draft').innerText(), /খসড়া ফিরিয়ে আনা হয়েছে/);
  await giveAll(page, '৯.৫');
  assert.ok(await sidewaysOverflow(page) <= 0, 'nothing scrolls sideways at 360 px');
  await page.screenshot({ path: `${screenshots}innovation-judging-phone.png` });
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.locator(SAVE).click();
  await page.locator('#judging .by-judging__saved').waitFor();
  await context.close();
});

test('the showcase shows no rank until the organiser publishes, then the ranks the rule gives', async () => {
  const citizen = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await citizen.goto(new URL('/innovation-showcase.html', baseUrl).href);
  await citizen.locator('#showcase .by-showcase__entry').first().waitFor();
  assert.equal(await citizen.locator('#showcase .by-showcase__place').count(), 0, 'sheets are in, results not published: no rank');

  const { context, page } = await signedIn('organiser');
  assert.equal(await page.locator('#publish').isVisible(), true);
  await page.locator('#publish').click();
  await page.locator('#publish-status', { hasText: 'প্রকাশিত হয়েছে' }).waitFor();
  await context.close();

  await citizen.reload();
  await citizen.locator('#showcase .by-showcase__place').first().waitFor();
  const place = async (title) => {
    const card = citizen.locator('#showcase .by-showcase__entry', { hasText: title });
    return (await card.locator('.by-showcase__place').count()) ? card.locator('.by-showcase__place').innerText() : null;
  };
  // District · digitised service: ACR (judge-3 alone, 95.00) before SRDL labs (mean of 70 and 90).
  assert.equal(await place('এসিআর'), '১ম স্থান (জেলা, ডিজিটাইজড সেবা) · নম্বর ৯৫.০০');
  assert.equal(await place('শেখ রাসেল ডিজিটাল ল্যাবের'), '২য় স্থান (জেলা, ডিজিটাইজড সেবা) · নম্বর ৮০.০০');
  // District · simplified service: e-nothi, judge-1's 80; judge-2's abstention does not lower it.
  assert.equal(await place('ই-নথি ব্যবহারে'), '১ম স্থান (জেলা, সেবা সহজিকরণ) · নম্বর ৮০.০০');
  // Upazila: nobody has scored IPEMIS, so it has no rank.
  assert.equal(await place('আইপেমিস'), null);
  assert.match(await citizen.locator('#showcase .by-showcase__note').innerText(), /ফলাফল প্রকাশিত/);
  const first = await citizen.locator('#showcase .by-showcase__entry').first().innerText();
  assert.match(first, /১ম স্থান/, 'medalled entries come first');
  assert.deepEqual(await accessibilityViolations(citizen), [], 'WCAG 2.1 AA with ranks');
  await citizen.screenshot({ path: `${screenshots}innovation-showcase-ranked.png`, fullPage: true });
  await citizen.close();
});
