// Solidarity projects in real Chromium, with JavaScript off and on: a participant records
// what she sewed for the neonatal unit, a social worker confirms it, the progress and her
// journey count it, the partner sees the new figure without any name, and the attestation
// prints.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, browsersFor, assertAccessible, loginStaff, loginCard, assertNoScriptLoaded } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PROJECT = 'Doudous pour la néonatologie';

// The first goal's confirmed figure on a project page: "23 pièces sur 60 …" gives 23.
async function toysDone(page) {
  const text = await page.locator('.goal-figures').first().textContent();
  const match = /^(\d+)\spièces sur 60/.exec(text.trim());
  assert.ok(match, `progress in words: ${text}`);
  return Number(match[1]);
}

for (const javaScript of [false, true]) {
  const mode = javaScript ? 'JavaScript on' : 'JavaScript off';

  test(`${mode}: a contribution is recorded, confirmed, counted, seen by the partner, attested`, async () => {
    const run = Date.now() % 100000;
    const [code, name, quantity] = javaScript ? ['FTU3MW', 'Fatou', 3] : ['PPL6TN', 'Papillon', 2];
    const note = `Lapins bleus ${run}`;
    const browsers = browsersFor(browser, javaScript);
    const open = browsers.open;

    // The participant opens the project from the menu and records what she did.
    const participant = await open();
    await loginCard(participant, code);
    await assertNoScriptLoaded(participant);
    await participant.getByRole('navigation').getByRole('link', { name: 'Projets solidaires' }).click();
    await participant.getByRole('heading', { level: 1, name: 'Projets solidaires' }).waitFor();
    await assertAccessible(participant, 'projects page');
    await participant.getByRole('link', { name: PROJECT }).click();
    await participant.getByRole('heading', { level: 1, name: PROJECT }).waitFor();
    const before = await toysDone(participant);
    await assertAccessible(participant, 'project page');
    const form = participant.getByRole('region', { name: "Je note ce que j'ai fait" });
    await form.getByLabel('Pour quel objectif').selectOption({ label: 'Doudous cousus et livrés (pièces)' });
    await form.getByLabel('Combien (le nombre)').fill(String(quantity));
    await form.getByLabel('Combien de temps').selectOption({ label: '1 h 30' });
    await form.getByLabel('Couture').check();
    await form.getByLabel('Un mot (facultatif)').fill(note);
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await participant.getByRole('status').filter({ hasText: "C'est noté. Un assistant social va confirmer." }).waitFor();
    const mine = participant.getByRole('region', { name: "Ce que j'ai noté" }).getByRole('listitem').filter({ hasText: note });
    await mine.getByText('À confirmer', { exact: true }).waitFor();
    assert.equal(await toysDone(participant), before, 'a pending contribution does not count');
    await assertAccessible(participant, 'project page, contribution recorded');

    // A number with no goal comes back with a message and what was typed (the browser
    // itself stops a number over 1 000).
    await form.getByLabel('Pour quel objectif').selectOption({ label: 'Aucun : seulement du temps donné' });
    await form.getByLabel('Combien (le nombre)').fill('4');
    await form.getByLabel('Un mot (facultatif)').fill('Encore quatre');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await participant.getByRole('alert').filter({ hasText: 'Choisissez pour quel objectif vous donnez ce nombre.' }).waitFor();
    assert.equal(await form.getByLabel('Combien (le nombre)').inputValue(), '4');
    assert.equal(await form.getByLabel('Un mot (facultatif)').inputValue(), 'Encore quatre');

    // The social worker confirms it.
    const worker = await open();
    await loginStaff(worker, 'sophie@trame.demo', 'demo-worker-pass');
    await worker.getByRole('navigation').getByRole('link', { name: 'Projets solidaires' }).click();
    await worker.getByRole('link', { name: PROJECT }).click();
    await worker.getByRole('heading', { level: 1, name: PROJECT }).waitFor();
    await assertAccessible(worker, 'staff project page');
    const card = worker.getByRole('region', { name: 'Les contributions' }).getByRole('listitem').filter({ hasText: note });
    await card.getByRole('link', { name }).waitFor();
    await card.getByRole('button', { name: 'Confirmer' }).click();
    await worker.getByRole('status').filter({ hasText: 'La contribution est confirmée' }).waitFor();

    // The progress counts it, and her journey shows it and the skill it recognises.
    await participant.goto(participant.url().split('?')[0]);
    assert.equal(await toysDone(participant), before + quantity);
    await participant.getByRole('region', { name: "Ce que j'ai noté" }).getByRole('listitem')
      .filter({ hasText: note }).getByText('Confirmé', { exact: true }).waitFor();
    await participant.getByRole('navigation').getByRole('link', { name: 'Mon parcours' }).click();
    await participant.getByRole('heading', { level: 1, name: 'Mon parcours' }).waitFor();
    const made = participant.getByRole('region', { name: 'Ce que mes contributions ont permis' });
    await made.getByText(new RegExp(`sur un total de ${before + quantity} \\(objectif\\s: 60\\) — Doudous cousus et livrés`)).waitFor();
    await participant.getByRole('region', { name: 'Savoir-faire reconnus' }).getByText('Couture').waitFor();
    await assertAccessible(participant, 'journey');

    // The attestation is made with the name she chooses to print, then prints: the menu and
    // buttons are left out, the content and its verification code are there.
    await participant.getByRole('link', { name: 'Mon attestation à imprimer' }).click();
    await participant.getByRole('heading', { level: 1, name: 'Attestation de savoir-faire et de contributions' }).waitFor();
    await assertAccessible(participant, 'attestation form');
    await participant.getByLabel('Nom à imprimer').fill(`${name} Exemple`);
    await participant.getByRole('button', { name: "Faire l'attestation" }).click();
    await participant.getByText(`CPAS de Sambreville (démo) atteste que ${name} Exemple`).waitFor();
    await assertAccessible(participant, 'attestation');
    if (javaScript) {
      await participant.getByRole('button', { name: "Imprimer l'attestation" }).waitFor();
    }
    await participant.emulateMedia({ media: 'print' });
    assert.equal(await participant.getByRole('navigation').isVisible(), false);
    assert.equal(await participant.getByText('Signature et cachet').isVisible(), true);
    const pdf = await participant.pdf({ format: 'A4' });
    assert.equal(pdf.subarray(0, 4).toString(), '%PDF');
    await participant.emulateMedia({ media: 'screen' });
    // An employer checks it with its code, without logging in.
    const verification = await participant.locator('.attestation-check .code').innerText();
    assert.match(verification, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const employer = await open();
    await employer.goto(`${BASE}/check`);
    await employer.getByLabel('Code de vérification').fill(verification.toLowerCase());
    await employer.getByRole('button', { name: 'Vérifier' }).click();
    await employer.getByRole('heading', { name: 'Cette attestation a bien été faite par le CPAS' }).waitFor();
    await employer.getByText(`atteste que ${name} Exemple`).waitFor();
    await assertAccessible(employer, 'attestation check');

    // The partner sees the new figure, and no name.
    const partner = await open();
    // The hospital shares a single project: logging in lands on it.
    await loginStaff(partner, 'neonat@trame.demo', 'demo-partner-pass');
    await partner.getByRole('heading', { level: 1, name: PROJECT }).waitFor();
    assert.equal(await toysDone(partner), before + quantity);
    const text = await partner.locator('body').textContent();
    for (const someone of ['Fatou', 'Papillon', 'Amina', code, note]) {
      assert.equal(text.includes(someone), false, `${someone} shown to the partner`);
    }
    await assertAccessible(partner, 'partner project page');
    const thanks = `Merci pour les lapins ${run}`;
    await partner.getByLabel('Un message de merci pour le groupe').fill(thanks);
    await partner.getByRole('button', { name: 'Envoyer le merci' }).click();
    await partner.getByRole('status').filter({ hasText: 'Le groupe verra votre message.' }).waitFor();

    // The thanks reach the participant's journey.
    await participant.goto(`${BASE}/journey`);
    await participant.getByRole('region', { name: 'Les mercis reçus' }).getByText(thanks).waitFor();

    for (const page of [participant, worker, partner]) {
      assert.deepEqual(page.consoleErrors, [], 'no console errors');
    }
    await browsers.close();
  });
}
