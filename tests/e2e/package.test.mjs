// The npm package as a portal installs it: `cargo xtask test` serves /batayan/ from the tarball
// installed into a scratch folder. (Against `cargo xtask demo`, which serves the plain build, these skip.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { baseUrl, launch, openPage } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const get = (path) => fetch(new URL(path, baseUrl));

async function packaged(t) {
  const answer = await get('/batayan/package.json');
  if (answer.status !== 200) t.skip('the plain build is served, not the npm package');
  return answer.status === 200 ? answer.json() : null;
}

test('the package: its manifest, declarations and schemas, and the sha384 of every file it lists', async (t) => {
  const manifest = await packaged(t);
  if (!manifest) return;
  assert.equal(manifest.name, 'batayan');
  assert.equal(manifest.customElements, 'custom-elements.json');
  assert.equal(manifest.types, './batayan.d.ts');
  const integrity = await (await get('/batayan/integrity.json')).json();
  const files = Object.keys(integrity);
  for (const wanted of ['batayan.js', 'batayan.d.ts', 'custom-elements.json', 'schemas/apa.schema.json', 'package.json', 'README.md']) {
    assert.ok(files.includes(wanted), `${wanted} in ${files}`);
  }
  assert.equal(files.filter((f) => /^batayan_(dates|view|report|edit)\.[0-9a-f]{12}_bg\.wasm$/.test(f)).length, 4, 'four modules, named by their content');
  for (const [file, sum] of Object.entries(integrity)) {
    const bytes = Buffer.from(await (await get(`/batayan/${file}`)).arrayBuffer());
    assert.equal(`sha384-${createHash('sha384').update(bytes).digest('base64')}`, sum, file);
  }
  const declarations = await (await get('/batayan/batayan.d.ts')).text();
  assert.match(declarations, /'batayan-apa-table': BatayanApaTableElement;/);
  assert.match(declarations, /'batayan:submit': CustomEvent</);
  assert.match(declarations, /export type ApaAgreement = \{/);
});

test("a module whose Wasm is not what the package says is refused, and the element says why", async (t) => {
  if (!(await packaged(t))) return;
  const page = await openPage(browser, '/apa.html', {
    // A tampered copy on the way (a cache, a proxy): one byte changed.
    prepare: async (p) => {
      await p.addInitScript(() => {
        globalThis.widgetErrors = [];
        document.addEventListener('batayan:error', (e) => globalThis.widgetErrors.push(e.detail.message));
      });
      await p.route('**/batayan_view.*_bg.wasm', async (route) => {
        const response = await route.fetch();
        const body = Buffer.from(await response.body());
        body[body.length - 1] ^= 1;
        await route.fulfill({ response, body });
      });
    },
  });
  await page.waitForFunction(() => globalThis.widgetErrors.length > 0);
  const failed = await page.evaluate(() => globalThis.widgetErrors[0]);
  assert.ok(failed, 'batayan:error told the page');
  assert.ok(page.problems.some((p) => /integrity/i.test(p)), `the browser names the integrity check: ${page.problems}`);
  await page.close();
});
