// A faces vote, in real Chromium with JavaScript off and on: an idea left without a face says
// so beside its faces; with JavaScript the ballot also asks about it once before sending.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, browsersFor, assertAccessible, loginStaff, loginCard, scriptsLoaded } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const NOTE = 'Pas encore de visage : cette idée comptera comme « Pas pour moi ».';

for (const javaScript of [false, true]) {
  const mode = javaScript ? 'JavaScript on' : 'JavaScript off';

  test(`${mode}: a faces vote asks about an idea left without a face`, async () => {
    const browsers = browsersFor(browser, javaScript);
    const vote = `Visages ${javaScript ? 'B' : 'A'} ${Date.now() % 100000}`;

    // A social worker opens a faces vote over two of the demo's ideas.
    const worker = await browsers.open();
    await loginStaff(worker, 'karim@trame.demo', 'demo-worker-pass');
    await worker.goto(`${BASE}/staff/votes`);
    const newRound = worker.getByRole('region', { name: 'Ouvrir un vote' });
    await newRound.getByLabel('Nom du vote').fill(vote);
    const ideas = newRound.getByRole('group', { name: 'Idées soumises au vote (deux au moins)' });
    for (const title of ['Potager partagé', "Apprendre l'ordinateur"]) {
      await ideas.getByText(title, { exact: true }).click();
    }
    await newRound.getByText('Un visage pour chaque idée (jugement majoritaire)').click();
    await newRound.getByRole('button', { name: 'Ouvrir le vote' }).click();
    await worker.getByRole('status').filter({ hasText: 'Le vote est créé.' }).waitFor();
    const round = /\/staff\/votes\/(\d+)/.exec(worker.url())[1];

    // A participant gives a face to one idea only.
    const voter = await browsers.open();
    await loginCard(voter, javaScript ? 'JPR7XZ' : 'LCY8DV');
    await voter.goto(`${BASE}/votes/${round}`);
    await voter.getByRole('heading', { level: 1, name: vote }).waitFor();
    assert.deepEqual(await scriptsLoaded(voter), ['/ballot.js']);
    const ballot = voter.getByRole('region', { name: 'Mon vote' });
    const garden = ballot.getByRole('group', { name: /Potager partagé/ });
    const computer = ballot.getByRole('group', { name: /Apprendre l'ordinateur/ });
    assert.equal(await garden.getByText(NOTE).isVisible(), true);
    assert.equal(await computer.getByText(NOTE).isVisible(), true);
    await assertAccessible(voter, 'faces ballot');
    await garden.getByText('Oui, vraiment !').click();
    assert.equal(await garden.getByText(NOTE).isVisible(), false, 'a face chosen');
    assert.equal(await computer.getByText(NOTE).isVisible(), true);

    await ballot.getByRole('button', { name: 'Envoyer mon vote' }).click();
    if (javaScript) {
      // Asked once, on the page: nothing is sent yet.
      const question = ballot.getByRole('alert');
      await question.getByText("Apprendre l'ordinateur").waitFor();
      assert.equal(await voter.getByRole('status').filter({ hasText: 'Votre vote est enregistré' }).count(), 0);
      await assertAccessible(voter, 'faces ballot, asking');
      await ballot.getByRole('button', { name: 'Envoyer mon vote' }).click();
    }
    await voter.getByRole('status').filter({ hasText: 'Merci ! Votre vote est enregistré.' }).waitFor();
    assert.deepEqual(voter.consoleErrors, []);
    await browsers.close();
  });
}
