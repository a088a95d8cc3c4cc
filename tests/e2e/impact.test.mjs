// The impact report in real Chromium, JavaScript off and on: a social worker notes an outcome
// for a participant, opens last year's report (with the demo's finished cycle), prints it on
// A4 and downloads the spreadsheet and the CSV file; a partner opens the shareable part of
// their projects. Every page passes axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { BASE, launch, browsersFor, assertAccessible, loginStaff, scriptsLoaded } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const thisYear = String(new Date().getFullYear());
const lastYear = String(new Date().getFullYear() - 1);

for (const javaScript of [false, true]) {
  const mode = javaScript ? 'JavaScript on' : 'JavaScript off';

  test(`${mode}: a social worker notes an outcome for a participant`, async () => {
    const browsers = browsersFor(browser, javaScript);
    const page = await browsers.open();
    const name = javaScript ? 'Yves' : 'Soleil';
    await loginStaff(page, 'sophie@trame.demo', 'demo-worker-pass');
    await page.goto(`${BASE}/staff/participants?q=${name}`);
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByRole('link', { name: 'Résultats de la personne' }).click();
    // "Résultats de Soleil", "Résultats d'Yves".
    await page.getByRole('heading', { level: 1, name: new RegExp(`^Résultats d.{1,3}${name}$`) }).waitFor();
    await assertAccessible(page, 'outcomes of a participant');
    const form = page.getByRole('region', { name: 'Noter un résultat' });
    await form.getByLabel('Résultat', { exact: true }).selectOption({ label: '🎓 Formation commencée' });
    const note = `Formation de commis de cuisine (${Date.now() % 100000})`;
    await form.getByLabel('Note courte (facultative)').fill(note);
    await form.getByRole('button', { name: 'Noter le résultat' }).click();
    await page.getByRole('status').filter({ hasText: 'Le résultat est noté dans le dossier.' }).waitFor();
    const noted = page.getByRole('region', { name: 'Résultats notés' });
    await noted.getByRole('listitem').filter({ hasText: note }).getByText('Formation commencée').waitFor();
    assert.deepEqual(page.consoleErrors, []);
    await browsers.close();
  });

  test(`${mode}: a coordinator reads, prints and downloads last year's report`, async () => {
    const browsers = browsersFor(browser, javaScript);
    const page = await browsers.open();
    await loginStaff(page, 'sophie@trame.demo', 'demo-worker-pass');
    await page.goto(`${BASE}/`);
    await page.getByRole('link', { name: "Rapport d'impact" }).first().click();
    await page.getByRole('heading', { level: 1, name: "Rapport d'impact" }).waitFor();
    await page.getByLabel('Période', { exact: true }).selectOption(lastYear);
    await page.getByRole('button', { name: 'Voir le rapport' }).click();
    await page.getByRole('heading', { level: 2, name: `Impact — ${lastYear}` }).waitFor();
    const cycles = page.getByRole('region', { name: 'Après un cycle' });
    await cycles.getByText('Se remettre en route — Visite de pré-reprise : 6 sur les 9 participants').waitFor();
    await page.getByRole('region', { name: 'Ateliers' }).getByRole('img').waitFor();
    await assertAccessible(page, "last year's report");
    assert.deepEqual(await scriptsLoaded(page), ['/print.js']);
    const print = page.getByRole('button', { name: 'Imprimer le rapport' });
    if (javaScript) {
      await print.waitFor({ state: 'visible' });
    } else {
      assert.equal(await print.isVisible(), false, 'no dead button without JavaScript');
    }
    // On paper: the figures and charts, without the navigation or the form.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('navigation').isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Voir le rapport' }).isVisible(), false);
    assert.equal(await cycles.isVisible(), true);
    const pdf = await page.pdf({ format: 'A4' });
    assert.equal(pdf.subarray(0, 4).toString(), '%PDF');
    await page.emulateMedia({ media: 'screen' });

    const [sheet] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger le tableur (.xlsx)' }).click(),
    ]);
    assert.match(sheet.suggestedFilename(), new RegExp(`^trame-impact-${lastYear}-01-01-${lastYear}-12-31\\.xlsx$`));
    const xlsx = await readFile(await sheet.path());
    assert.equal(xlsx.subarray(0, 2).toString(), 'PK', 'a zip file, as .xlsx are');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger en CSV' }).click(),
    ]);
    const text = await readFile(await csv.path(), 'utf8');
    assert.ok(text.startsWith('\ufeff'), 'a byte-order mark');
    assert.match(text, /"Après un cycle";"Se remettre en route — Visite de pré-reprise";"";6;0/);
    assert.deepEqual(page.consoleErrors, []);
    await browsers.close();
  });

  test(`${mode}: this month's report in Dutch and a partner's shareable part`, async () => {
    const browsers = browsersFor(browser, javaScript);
    const page = await browsers.open();
    // Karim reads it in Dutch (the choice is kept on his account: he switches back after).
    await loginStaff(page, 'karim@trame.demo', 'demo-worker-pass');
    await page.goto(`${BASE}/staff/report`);
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Impactrapport' }).waitFor();
    await page.getByRole('region', { name: 'Resultaten' })
      .getByRole('rowheader', { name: /Vrijwilligerswerk gestart/ }).waitFor();
    await assertAccessible(page, "this month's report in Dutch");
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: "Rapport d'impact" }).waitFor();

    const partner = await browsers.open();
    await loginStaff(partner, 'neonat@trame.demo', 'demo-partner-pass');
    await partner.goto(`${BASE}/partner/report?period=${thisYear}`);
    await partner.getByRole('heading', { level: 2, name: `Impact — ${thisYear}` }).waitFor();
    await partner.getByText(/Version à partager/).waitFor();
    const projects = partner.getByRole('region', { name: 'Projets solidaires' });
    await projects.getByText(/Doudous pour la néonatologie/).first().waitFor();
    assert.equal(await partner.getByRole('region', { name: 'Personnes' }).count(), 0);
    assert.equal(await partner.getByRole('link', { name: /Liste par participant/ }).count(), 0);
    await assertAccessible(partner, "a partner's report");
    assert.deepEqual(page.consoleErrors, []);
    assert.deepEqual(partner.consoleErrors, []);
    await browsers.close();
  });
}
