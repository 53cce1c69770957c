import { launch, openPage } from './e2e/browser.mjs';
const browser = await launch();
const page = await openPage(browser, process.argv[2] ?? '/apa-report.html', { width: +(process.argv[3] ?? 1280), height: 900 });
await page.waitForTimeout(2500);
await page.screenshot({ path: `/tmp/shots/${process.argv[4] ?? 'shot'}.png`, fullPage: process.argv[5] === 'full' });
console.log(JSON.stringify(page.problems));
await browser.close();
