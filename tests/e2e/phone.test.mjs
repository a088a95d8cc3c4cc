// On a 360 px phone, JavaScript off and on: the header is a compact bar that leaves the
// screen to the page, nothing is wider than the screen (staff tables and the impact report
// included), disclosures show their marker, and every page visited is accessible at that size.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, assertAccessible, loginCard, loginStaff } from './helpers.mjs';

const PHONE = { width: 360, height: 740 };

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Nothing on the page is wider than the screen.
async function assertFits(page, label) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `${label}: ${width} px wide on a ${PHONE.width} px screen`);
}

for (const javaScript of [false, true]) {
  const mode = javaScript ? 'JavaScript on' : 'JavaScript off';

  test(`${mode}: a participant's pages on a phone`, async () => {
    const { context, page } = await openPage(browser, { javaScript, viewport: PHONE });
    await loginCard(page, 'MRC5HQ');
    const header = await page.locator('header.site-header').boundingBox();
    assert.ok(header.height <= 200, `the header takes ${header.height} of ${PHONE.height} px`);
    for (const path of ['/', '/workshops', '/themes', '/projects', '/journey', '/account']) {
      await page.goto(`${BASE}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await assertFits(page, path);
      await assertAccessible(page, `${path} at 360 px`);
    }
    await context.close();
  });

  test(`${mode}: staff pages and tables on a phone`, async () => {
    const { context, page } = await openPage(browser, { javaScript, viewport: PHONE });
    await loginStaff(page, 'admin@trame.demo', 'demo-admin-pass');
    await page.goto(`${BASE}/staff/workshops`);
    await page.getByRole('link', { name: 'Couture du lundi' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await assertFits(page, 'staff workshop page');
    await assertAccessible(page, 'staff workshop page at 360 px');
    // "Move or cancel this session": a control with its disclosure marker.
    const marker = await page.locator('details > summary').first()
      .evaluate((summary) => getComputedStyle(summary, '::before').content);
    assert.equal(marker, '"▸"');
    // The attendance sheet of a past session, taken on a phone.
    await page.getByRole('link', { name: 'Séances passées et anciens participants' }).click();
    await page.getByRole('region', { name: /^Séances passées/ }).getByRole('link', { name: 'Présences' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Présences — Couture du lundi' }).waitFor();
    await assertFits(page, 'attendance sheet');
    await assertAccessible(page, 'attendance sheet at 360 px');
    // The impact report (this month's, and last year's: its tables and charts).
    const lastYear = new Date().getFullYear() - 1;
    for (const path of ['/admin/accounts', '/admin/audit', '/staff/participants', '/staff/report',
      `/staff/report?period=${lastYear}`]) {
      await page.goto(`${BASE}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await assertFits(page, path);
      await assertAccessible(page, `${path} at 360 px`);
    }
    await context.close();
  });
}
