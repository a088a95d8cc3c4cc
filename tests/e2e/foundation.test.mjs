// The foundation seen by real people in real Chromium: a participant with an access card, a
// social worker at the counter, and the language switch. Each runs with JavaScript off (the
// server-rendered pages alone) and on (the print script).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, launch, openPage, assertAccessible, loginStaff, assertNoScriptLoaded, scriptsLoaded,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const javaScript of [false, true]) {
  const mode = javaScript ? 'JavaScript on' : 'JavaScript off';

  test(`${mode}: a participant logs in with an access card and reaches their home page`, async () => {
    const { context, page } = await openPage(browser, { javaScript });
    // The QR code on the card opens the login page with the code filled in.
    await page.goto(`${BASE}/login?code=NDA2RS`);
    await assertAccessible(page, 'login page');
    const card = page.getByRole('region', { name: "J'ai une carte" });
    assert.equal(await card.getByLabel('Code', { exact: true }).inputValue(), 'NDA2RS');

    // A wrong PIN first: a clear message, the code kept.
    await card.getByLabel('Code secret').fill('0000');
    await card.getByRole('button', { name: 'Entrer' }).click();
    await page.getByRole('alert').filter({ hasText: "La connexion n'a pas marché" }).waitFor();
    await assertAccessible(page, 'login page with an error');

    await card.getByLabel('Code secret').fill('1234');
    await card.getByRole('button', { name: 'Entrer' }).click();
    await page.waitForURL(`${BASE}/`);
    await page.getByRole('heading', { level: 1, name: 'Bonjour Nadia' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Accueil' }).getAttribute('aria-current'), 'page');
    await assertAccessible(page, 'participant home');
    await assertNoScriptLoaded(page);
    assert.deepEqual(page.consoleErrors, []);

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('status').filter({ hasText: 'Vous êtes déconnecté' }).waitFor();
    await context.close();
  });

  test(`${mode}: a social worker creates a participant and opens the printable card`, async () => {
    const { context, page } = await openPage(browser, { javaScript });
    await loginStaff(page, 'sophie@trame.demo', 'demo-worker-pass');
    await assertAccessible(page, 'staff home');
    await page.getByRole('navigation').getByRole('link', { name: 'Participants' }).click();
    await page.getByRole('heading', { level: 1, name: 'Participants' }).waitFor();
    await assertAccessible(page, 'participants list');

    const name = javaScript ? 'Colibri' : 'Hirondelle';
    await page.getByLabel('Prénom ou pseudo').fill(name);
    await page.getByRole('button', { name: 'Créer et imprimer la carte' }).click();
    await page.waitForURL(/\/staff\/participants\/\d+\/card$/);
    await page.getByRole('heading', { level: 1, name: "Carte d'accès" }).waitFor();
    const card = page.getByRole('article', { name: "Carte d'accès" });
    assert.match(await card.innerText(), new RegExp(name));
    assert.match(await card.locator('dd.code').first().innerText(), /^[A-Z2-9]{3}-[A-Z2-9]{3}$/);
    assert.match(await card.locator('.card-secret').innerText(), /^\d{4}$/);
    await card.getByRole('img', { name: /Code QR/ }).waitFor();
    await assertAccessible(page, 'access card');

    const print = page.getByRole('button', { name: 'Imprimer' });
    // The one script a page may load is the print button's, and never any WebAssembly.
    assert.deepEqual(await scriptsLoaded(page), ['/print.js']);
    if (javaScript) {
      // The plain script shows the print button.
      await print.waitFor({ state: 'visible' });
    } else {
      assert.equal(await print.isVisible(), false, 'no dead button without JavaScript');
    }
    // Printed, only the card remains.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('navigation').isVisible(), false);
    assert.equal(await card.isVisible(), true);
    if (process.env.TRAME_SCREENSHOTS) {
      await page.screenshot({ path: `${process.env.TRAME_SCREENSHOTS}/card-${javaScript ? 'js' : 'nojs'}.png` });
    }
    assert.deepEqual(page.consoleErrors, []);

    // The day's new cards print together, at bank-card size on an A4 sheet.
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${BASE}/staff/cards`);
    await page.getByRole('heading', { level: 1, name: 'Cartes à imprimer' }).waitFor();
    await page.getByRole('article', { name: `Carte d'accès — ${name}` }).waitFor();
    await assertAccessible(page, 'sheet of new cards');
    await page.emulateMedia({ media: 'print' });
    const width = await page.locator('.card-sheet .access-card').first().evaluate((card) => card.getBoundingClientRect().width);
    assert.ok(Math.abs(width - (85.6 * 96) / 25.4) < 2, `a card ${width} px wide on paper`);
    const pdf = await page.pdf({ format: 'A4' });
    assert.equal(pdf.subarray(0, 4).toString(), '%PDF');
    await page.goBack();

    // Back on the record: it can be renamed, and the change is confirmed.
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('link', { name: name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await assertAccessible(page, 'participant record');
    await page.getByLabel('Prénom ou pseudo').fill(`${name} B.`);
    await page.getByRole('button', { name: 'Changer le nom' }).click();
    await page.getByRole('status').filter({ hasText: 'Le nom est changé.' }).waitFor();
    await page.getByRole('heading', { level: 1, name: `${name} B.` }).waitFor();
    await assertAccessible(page, 'participant record after renaming');
    await context.close();
  });

  test(`${mode}: the language switch changes the page and is remembered`, async () => {
    const { context, page } = await openPage(browser, { javaScript });
    await page.goto(`${BASE}/login`);
    await page.getByRole('heading', { level: 1, name: 'Se connecter' }).waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
    assert.equal(await page.getByRole('button', { name: 'Nederlands' }).getAttribute('aria-pressed'), 'true');
    await assertAccessible(page, 'login page in Dutch');
    await page.goto(`${BASE}/login`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await page.getByRole('region', { name: 'I have a card' }).waitFor();
    await assertAccessible(page, 'login page in English');
    await assertNoScriptLoaded(page);
    assert.deepEqual(page.consoleErrors, []);
    await context.close();
  });
}

test('the browser language is followed when nothing was chosen', async () => {
  const { context, page } = await openPage(browser, { javaScript: true, locale: 'nl-BE' });
  await page.goto(`${BASE}/login`);
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await context.close();
});
