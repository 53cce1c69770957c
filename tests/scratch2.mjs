import { launch, openPage } from './e2e/browser.mjs';
const browser = await launch();
const page = await openPage(browser, '/apa-edit.html', { width: 1400, height: 900 });
await page.locator('#apa .by-apa__table--edit').waitFor();
while (await page.locator('#apa .by-fix').count() > 0) await page.locator('#apa .by-fix').first().click();
await page.locator('#apa [id="by-field/areas/1/activities/0/indicators/0/levels/0"]').fill('১২/১২/২০২৪');
console.log(await page.locator('#apa .by-summary').innerText());
await browser.close();
