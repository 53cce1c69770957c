// The JSON Schemas in pkg-config/schemas/ (derived from the Rust types, kept fresh by a core test)
// against the documents themselves: every fixture, and what the reference host actually answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { baseUrl } from './browser.mjs';

const root = new URL('../../', import.meta.url);
const read = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
const schema = (name) => ajv.compile(read(`pkg-config/schemas/${name}.schema.json`));
const [agreement, report, error] = [schema('apa'), schema('apa-report'), schema('error')];
const [entry, rubric, sheet] = [schema('innovation-entry'), schema('innovation-rubric'), schema('innovation-sheet')];
const [entries, queue, results_] = [schema('innovation-entries'), schema('innovation-queue'), schema('innovation-results')];

function valid(check, document, what) {
  assert.ok(check(document), `${what}: ${JSON.stringify(check.errors?.slice(0, 3))}`);
}

test('every fixture is valid against its schema, and a wrong one is not', () => {
  valid(agreement, read('tests/fixtures/apa-ict-sylhet-2024-25.json'), 'the Sylhet agreement');
  valid(report, read('tests/fixtures/apa-ict-sylhet-2024-25-report-q2.json'), 'its Q2 report');
  valid(error, { errors: [{ path: '/values/1.1.1/quarters/1', message_bn: 'বাংলা', message_en: 'English' }] }, 'an error body');
  valid(entry, read('tests/fixtures/innovation-entry-enothi.json'), 'the e-nothi showcase entry');
  valid(rubric, { criteria: [{ key: 'benefit', name: 'নাগরিকের উপকার', weight: 30, max: 10 }], aggregate: 'median', tie_break: 'benefit' }, 'a rubric');
  valid(sheet, { entry: 'E01', judge: 'J1', marks: { benefit: 8 } }, 'a sheet');
  valid(sheet, { entry: 'E02', judge: 'J2', abstain: 'নিজ জেলার এন্ট্রি' }, 'an abstention');
  const money = read('tests/fixtures/innovation-entry-enothi.json');
  money.before.cost = 850.5;
  assert.equal(entry(money), false, 'money is a string of digits, never a float');
  const wrong = read('tests/fixtures/apa-ict-sylhet-2024-25.json');
  wrong.fiscal_year = '২০২৪-২৫';
  wrong.areas[0].activities[0].indicators[0].levels[0] = 'আশি';
  assert.equal(agreement(wrong), false, 'Bangla digits in the year and a word for a number are refused');
  assert.deepEqual([...new Set(agreement.errors.map((e) => e.instancePath))].sort(), ['/areas/0/activities/0/indicators/0/levels/0', '/fiscal_year']);
  assert.equal(report({ ...read('tests/fixtures/apa-ict-sylhet-2024-25-report-q2.json'), schema: 'batayan.apa/1' }), false, 'the tag says which document it is');
});

test('what the reference host answers is valid against the schemas', async () => {
  const get = async (path) => { const r = await fetch(new URL(path, baseUrl)); return { status: r.status, body: await r.json() }; };
  const stored = await get('/api/apa/ict-sylhet/2024-25');
  assert.equal(stored.status, 200);
  valid(agreement, stored.body, 'GET an agreement');
  const latest = await get('/api/apa/ict-sylhet/2024-25/reports/latest');
  if (latest.status === 200) valid(report, latest.body, 'GET the latest report');
  const rubricAnswer = await get('/api/innovation/rubric');
  valid(rubric, rubricAnswer.body, 'GET the innovation rubric');
  const listed = await get('/api/innovation/entries');
  assert.ok(listed.body.entries.length >= 4, 'the seeded showcase entries');
  valid(entries, listed.body, 'GET the innovation entries');
  for (const { id, entry: e } of listed.body.entries) valid(entry, e, `GET innovation entry ${id}`);
  // Refused in the error shape until published (innovation-3-judging publishes them earlier in a full run).
  const results = await get('/api/innovation/results');
  if (results.status === 403) valid(error, results.body, 'results before they are published');
  else valid(results_, results.body, 'the published results');
  // A judge's queue, from a session of the demo's sign-in (the cookie is the session).
  const csrf = (await (await fetch(new URL('/innovation-judging.html', baseUrl))).text()).match(/name="csrf-token" content="([^"]+)"/)[1];
  const signIn = await fetch(new URL('/api/session', baseUrl), { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, 'Idempotency-Key': `schemas-${Date.now()}` }, body: JSON.stringify({ user: 'judge-2' }) });
  assert.equal(signIn.status, 200);
  const cookie = signIn.headers.get('set-cookie').split(';')[0];
  const mine = await fetch(new URL('/api/innovation/queue', baseUrl), { headers: { cookie } });
  assert.equal(mine.status, 200);
  valid(queue, await mine.json(), 'GET a judge\'s queue');
  const missing = await get('/api/apa/ict-joypurhat/1999-00');
  assert.equal(missing.status, 404);
  valid(error, missing.body, 'a 404');
});
