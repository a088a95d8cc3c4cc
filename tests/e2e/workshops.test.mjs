// Workshops in real Chromium, with JavaScript off and on: a social worker creates a weekly
// cycle of six sessions, participants register until it is full and the next one waits,
// someone leaves and the first waiting gets the place (and sees it at home), attendance waits
// for a session to take place and is taken for one that did, and everyone's agenda shows the
// sessions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, browsersFor, assertAccessible, loginStaff, loginCard } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// A Tuesday some weeks ahead, as YYYY-MM-DD.
function tuesdayAhead(weeks) {
  const day = new Date();
  day.setUTCHours(12);
  day.setUTCDate(day.getUTCDate() + ((9 - day.getUTCDay()) % 7 || 7) + 7 * weeks);
  return day.toISOString().slice(0, 10);
}

for (const javaScript of [false, true]) {
  const mode = javaScript ? 'JavaScript on' : 'JavaScript off';

  test(`${mode}: a cycle is planned, fills up, a place comes free, attendance is taken`, async () => {
    const run = Date.now() % 100000;
    const title = `Couture ${javaScript ? 'B' : 'A'} ${run}`;
    const [first, second, third] = javaScript
      ? ['MRC5HQ', 'LCY8DV', 'RSA3KM']
      : ['AMN4KP', 'JPR7XZ', 'FTU3MW'];
    const browsers = browsersFor(browser, javaScript);
    const open = browsers.open;

    // The worker creates the workshop: two places, in the sewing room, with herself.
    const worker = await open();
    await loginStaff(worker, 'sophie@trame.demo', 'demo-worker-pass');
    await worker.getByRole('navigation').getByRole('link', { name: 'Ateliers' }).click();
    await worker.getByRole('heading', { level: 1, name: 'Ateliers' }).waitFor();
    await assertAccessible(worker, 'staff workshops page');
    const form = worker.getByRole('region', { name: 'Nouvel atelier' });
    await form.getByLabel('Titre (quelques mots)').fill(title);
    await form.getByRole('group', { name: 'Choisissez une image' }).getByText('Couture', { exact: true }).click();
    await form.getByLabel('Cycle : une inscription pour toutes les séances').check();
    await form.getByLabel('Nombre de places').fill('2');
    await form.getByLabel('Salle').selectOption({ label: 'Atelier couture (8 places)' });
    await form.getByLabel('Animateur ou animatrice').selectOption({ label: 'Sophie Lambert' });
    await form.getByRole('button', { name: "Créer l'atelier" }).click();
    await worker.getByRole('status').filter({ hasText: "L'atelier est enregistré." }).waitFor();
    await worker.getByRole('heading', { level: 1, name: title }).waitFor();

    // Six weekly sessions from a Tuesday some weeks ahead; morning or afternoon by mode, so
    // the two runs never book the room at the same time.
    const firstDay = tuesdayAhead(2 + (run % 5));
    const hour = `${javaScript ? 14 + (run % 5) : 8 + (run % 5)}:00`.padStart(5, '0');
    const planSessions = async () => {
      const plan = worker.getByRole('region', { name: 'Planifier des séances' });
      await plan.getByLabel('Rythme').selectOption({ label: 'Chaque semaine' });
      await plan.getByLabel('Première date').fill(firstDay);
      await plan.getByLabel('Heure de début').fill(hour);
      await plan.getByLabel('Durée (minutes)').fill('120');
      await plan.getByLabel('Un nombre de séances').check();
      await plan.getByLabel('Nombre de séances (60 au plus)').fill('6');
      await plan.getByRole('button', { name: 'Planifier' }).click();
    };
    await planSessions();
    await worker.getByRole('status').filter({ hasText: 'Les séances sont planifiées.' }).waitFor();
    const sessions = worker.getByRole('region', { name: 'Les séances' }).getByRole('listitem');
    assert.equal(await sessions.count(), 6);
    // The same plan again would book the room and Sophie twice: shown, and nothing saved.
    await planSessions();
    await worker.getByRole('alert').filter({ hasText: "La salle ou l'animateur est déjà pris" }).waitFor();
    const clashes = worker.getByRole('region', { name: 'Double réservation' }).getByRole('listitem');
    assert.equal(await clashes.count(), 6);
    await worker.getByLabel('Je confirme : réserver quand même, en connaissance de cause').waitFor();
    assert.equal(await sessions.count(), 6);
    await assertAccessible(worker, 'staff workshop page, double booking shown');

    // Two participants take the two places; the third goes on the waiting list.
    const participants = [];
    for (const code of [first, second, third]) {
      const page = await open();
      await loginCard(page, code);
      await page.getByRole('link', { name: 'Ateliers' }).first().click();
      await page.getByRole('link', { name: title }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      participants.push(page);
    }
    await assertAccessible(participants[0], 'workshop page');
    for (const page of participants.slice(0, 2)) {
      await page.getByRole('button', { name: "M'inscrire pour les 6 séances" }).click();
      await page.getByRole('status').filter({ hasText: "C'est fait : vous avez une place." }).waitFor();
    }
    await participants[0].getByText('Vous avez une place', { exact: true }).waitFor();
    await assertAccessible(participants[0], 'workshop page, registered');
    const waiting = participants[2];
    await waiting.reload();
    await waiting.getByRole('button', { name: "C'est complet : m'inscrire sur la liste d'attente" }).click();
    await waiting.getByRole('status').filter({ hasText: "vous êtes sur la liste d'attente" }).waitFor();
    await waiting.getByText("Liste d'attente : vous êtes n° 1", { exact: true }).waitFor();

    // The first says she cannot come once, then leaves: the waiting one gets the place.
    const leaving = participants[0];
    await leaving.getByRole('button', { name: 'Je ne peux pas venir cette fois' }).first().click();
    await leaving.getByRole('status').filter({ hasText: 'vous gardez votre place' }).waitFor();
    await leaving.getByRole('link', { name: 'Me désinscrire' }).click();
    await leaving.getByText('Votre place est donnée tout de suite à la première personne de la liste d\'attente.').waitFor();
    await assertAccessible(leaving, 'confirmation before leaving a workshop');
    await leaving.getByRole('button', { name: "Oui, quitter l'atelier" }).click();
    await leaving.getByRole('status').filter({ hasText: 'votre place est libérée' }).waitFor();
    await waiting.goto(`${BASE}/`);
    await waiting.getByRole('status').filter({ hasText: `une place s'est libérée pour vous dans « ${title} »` }).waitFor();
    await waiting.getByRole('region', { name: 'Mes prochaines séances' }).waitFor();
    await assertAccessible(waiting, 'home page with good news');

    // Their agenda for the week of the first session shows it.
    await waiting.goto(`${BASE}/agenda?period=${firstDay}`);
    await waiting.getByRole('heading', { level: 1, name: /^Mon agenda — semaine du lundi/ }).waitFor();
    await waiting.getByText(title, { exact: true }).waitFor();
    await assertAccessible(waiting, 'agenda');

    // The first session has not taken place: its sheet can be printed, not filled in.
    await worker.reload();
    await worker.getByRole('region', { name: 'Les séances' }).getByRole('link', { name: 'Présences' }).first().click();
    await worker.getByRole('heading', { level: 1, name: `Présences — ${title}` }).waitFor();
    await worker.getByText("Cette séance n'a pas encore commencé", { exact: false }).waitFor();
    assert.equal(await worker.getByRole('button', { name: 'Tout le monde est présent' }).count(), 0);
    await assertAccessible(worker, 'attendance sheet of a session to come');
    await worker.getByRole('link', { name: 'Feuille à imprimer' }).click();
    await worker.getByRole('columnheader', { name: 'Signature' }).waitFor();
    await assertAccessible(worker, 'paper attendance sheet');
    // Its print button works without WebAssembly; without JavaScript it is not offered.
    const printSheet = worker.getByRole('button', { name: 'Imprimer' });
    if (javaScript) {
      await printSheet.waitFor();
    } else {
      assert.equal(await printSheet.isVisible(), false, 'no dead button without JavaScript');
    }

    // The demo's sewing cycle took place last week: everyone present, then one absent.
    await worker.goto(`${BASE}/staff/workshops`);
    await worker.getByRole('link', { name: 'Couture du lundi' }).click();
    await worker.getByRole('link', { name: 'Séances passées et anciens participants' }).click();
    await worker.getByRole('region', { name: /^Séances passées/ }).getByRole('link', { name: 'Présences' }).first().click();
    await worker.getByRole('heading', { level: 1, name: 'Présences — Couture du lundi' }).waitFor();
    await assertAccessible(worker, 'attendance sheet');
    await worker.getByRole('button', { name: 'Tout le monde est présent' }).click();
    await worker.getByRole('status').filter({ hasText: 'Les présences sont enregistrées.' }).waitFor();
    const lines = worker.getByRole('group');
    assert.equal(await lines.count(), 4);
    for (const index of [0, 1, 2, 3]) {
      assert.equal(await lines.nth(index).getByLabel('Présence', { exact: true }).isChecked(), true);
    }
    await lines.nth(1).getByText('Absence', { exact: true }).click();
    await worker.getByRole('button', { name: 'Enregistrer les présences' }).click();
    await worker.getByRole('status').filter({ hasText: 'Les présences sont enregistrées.' }).waitFor();
    assert.equal(await worker.getByRole('group').nth(1).getByLabel('Absence', { exact: true }).isChecked(), true);

    // The centre's programme for that week lists the workshop.
    await worker.goto(`${BASE}/programme?period=${firstDay}`);
    await worker.getByText(title, { exact: true }).waitFor();
    await assertAccessible(worker, 'weekly programme');

    for (const page of browsers.pages()) assert.deepEqual(page.consoleErrors, []);
    await browsers.close();
  });
}
