// Data protection in real Chromium, JavaScript off and on: a participant reads and downloads
// everything Trame keeps about them; a social worker asks for a record to be erased and an
// admin erases it after the confirmation page. Every page passes axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { BASE, launch, browsersFor, assertAccessible, loginStaff, loginCard } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const javaScript of [false, true]) {
  const mode = javaScript ? 'JavaScript on' : 'JavaScript off';

  test(`${mode}: a participant reads and downloads their data`, async () => {
    const browsers = browsersFor(browser, javaScript);
    const page = await browsers.open();
    const [code, name] = javaScript ? ['NDA2RS', 'Nadia'] : ['RSA3KM', 'Rosa'];
    await loginCard(page, code);
    await page.goto(`${BASE}/journey`);
    await page.getByRole('link', { name: 'Mes données : tout ce que Trame garde sur moi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes données' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'La fiche', exact: true }).waitFor();
    assert.match(await page.locator('main').innerText(), /le vote est secret/);
    await assertAccessible(page, 'my data');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger (fichier JSON)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^trame-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(data.record.name, name);
    assert.equal(data.record.card_code, `${code.slice(0, 3)}-${code.slice(3)}`);
    assert.deepEqual(page.consoleErrors, []);
    await browsers.close();
  });

  test(`${mode}: a social worker asks, an admin erases a record`, async () => {
    const browsers = browsersFor(browser, javaScript);
    const name = `Colombe ${javaScript ? 'B' : 'A'}${Date.now() % 100000}`;

    const worker = await browsers.open();
    await loginStaff(worker, 'sophie@trame.demo', 'demo-worker-pass');
    await worker.goto(`${BASE}/staff/participants`);
    await worker.getByLabel('Prénom ou pseudo').fill(name);
    await worker.getByRole('button', { name: 'Créer et imprimer la carte' }).click();
    await worker.waitForURL(/\/staff\/participants\/\d+\/card$/);
    const record = worker.url().replace(/\/card$/, '');
    await worker.goto(record);
    const box = worker.getByRole('region', { name: "Effacement (droit à l'oubli)" });
    await box.getByLabel('Pourquoi').fill('Demande de la personne au guichet');
    await box.getByRole('button', { name: "Demander l'effacement" }).click();
    await worker.getByRole('status').filter({ hasText: "L'effacement est demandé." }).waitFor();
    await worker.getByText(/Effacement demandé par Sophie Lambert/).waitFor();
    await assertAccessible(worker, 'record with an erasure asked');

    const admin = await browsers.open();
    await loginStaff(admin, 'admin@trame.demo', 'demo-admin-pass');
    await admin.goto(`${BASE}/admin/erasures`);
    await admin.getByRole('heading', { level: 1, name: "Demandes d'effacement" }).waitFor();
    await assertAccessible(admin, 'erasure requests');
    const request = admin.getByRole('listitem').filter({ hasText: name });
    await request.getByRole('link', { name: 'Effacer…' }).click();
    await admin.getByRole('heading', { level: 1, name: `Effacer la fiche de ${name} ?` }).waitFor();
    await assertAccessible(admin, 'erasure confirmation');
    await admin.getByRole('button', { name: 'Oui, effacer la fiche' }).click();
    await admin.getByRole('status').filter({ hasText: 'La fiche est effacée.' }).waitFor();
    assert.equal(await admin.getByText(name).count(), 0, 'the name is gone from the list');

    await worker.goto(record);
    await worker.getByText(/Cette fiche a été effacée le/).waitFor();
    assert.equal(await worker.getByText(name).count(), 0, 'the name is gone from the record');
    assert.deepEqual(worker.consoleErrors, []);
    assert.deepEqual(admin.consoleErrors, []);
    await browsers.close();
  });
}
