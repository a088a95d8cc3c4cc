// Co-construction from idea to workshop, in real Chromium with JavaScript off and on: a
// participant proposes an idea, a social worker publishes it and opens a vote, three
// participants vote, the vote closes, and the winning idea becomes a workshop that its
// author sees chosen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, browsersFor, assertAccessible, loginStaff, loginCard } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const javaScript of [false, true]) {
  const mode = javaScript ? 'JavaScript on' : 'JavaScript off';

  test(`${mode}: an idea is proposed, voted for, and becomes a workshop`, async () => {
    const run = Date.now() % 100000;
    const idea = `${javaScript ? 'Atelier vélo' : 'Chorale'} ${run}`;
    const vote = `Vote ${mode} ${run}`;
    const browsers = browsersFor(browser, javaScript);
    const open = browsers.open;

    // A participant proposes the idea.
    const author = await open();
    await loginCard(author, javaScript ? 'AHM5XT' : 'NDA2RS');
    await author.getByRole('link', { name: 'Idées et votes' }).first().click();
    const form = author.getByRole('region', { name: 'Proposer une idée' });
    await form.getByLabel('Titre (quelques mots)').fill(idea);
    await form.getByRole('group', { name: 'Choisissez une image' }).getByText('Musique', { exact: true }).click();
    await form.getByRole('button', { name: 'Proposer' }).click();
    await author.getByRole('status').filter({ hasText: 'Votre idée est envoyée' }).waitFor();

    // A social worker publishes it, then opens a vote over it and two demo ideas.
    const worker = await open();
    await loginStaff(worker, 'sophie@trame.demo', 'demo-worker-pass');
    await worker.getByRole('navigation').getByRole('link', { name: 'Idées à lire' }).click();
    await worker.getByRole('button', { name: `Publier ${idea}` }).click();
    await worker.getByRole('status').filter({ hasText: "L'idée est publiée." }).waitFor();
    await worker.getByRole('navigation').getByRole('link', { name: 'Votes' }).click();
    await worker.getByRole('heading', { level: 1, name: 'Votes' }).waitFor();
    await assertAccessible(worker, 'votes page');
    const newRound = worker.getByRole('region', { name: 'Ouvrir un vote' });
    await newRound.getByLabel('Nom du vote').fill(vote);
    const ideas = newRound.getByRole('group', { name: 'Idées soumises au vote (deux au moins)' });
    for (const title of [idea, 'Potager partagé', "Apprendre l'ordinateur"]) {
      await ideas.getByText(title, { exact: true }).click();
    }
    assert.equal(await newRound.getByLabel('N : nombre d\'idées qu\'on peut choisir').inputValue(), '3');
    await newRound.getByLabel('N : nombre d\'idées qu\'on peut choisir').fill('2');
    await newRound.getByRole('button', { name: 'Ouvrir le vote' }).click();
    await worker.getByRole('status').filter({ hasText: 'Le vote est créé.' }).waitFor();
    await worker.getByRole('heading', { level: 1, name: vote }).waitFor();
    await assertAccessible(worker, 'round page, open');

    // Three participants vote; the first changes her mind before the close.
    const voters = [
      ['LVR9GB', [idea, 'Potager partagé']],
      ['RSA3KM', [idea]],
      ['YVS4PW', ["Apprendre l'ordinateur", 'Potager partagé']],
    ];
    for (const [index, [code, choices]] of voters.entries()) {
      const page = await open();
      await loginCard(page, code);
      await page.getByRole('link', { name: 'Idées et votes' }).first().click();
      await page.getByRole('link', { name: `Voter ${vote}` }).click();
      await page.getByRole('heading', { level: 1, name: vote }).waitFor();
      const ballot = page.getByRole('region', { name: 'Mon vote' });
      const group = ballot.getByRole('group', { name: 'Choisissez jusqu\'à 2 idées.' });
      if (index === 0) await assertAccessible(page, 'ballot');
      for (const title of choices) await group.getByText(title, { exact: true }).click();
      await ballot.getByRole('button', { name: 'Envoyer mon vote' }).click();
      await page.getByRole('status').filter({ hasText: 'Merci ! Votre vote est enregistré.' }).waitFor();
      if (index === 2) {
        // Yves changes his mind: his new ballot replaces the first, which is not shown.
        await ballot.getByText('Votre vote est enregistré.', { exact: false }).waitFor();
        assert.equal(await ballot.getByRole('button', { name: 'Envoyer mon vote' }).count(), 0);
        await ballot.getByRole('link', { name: 'Changer mon vote' }).click();
        await ballot.getByText('Vous avez déjà voté.', { exact: false }).waitFor();
        assert.equal(await group.getByRole('checkbox', { checked: true }).count(), 0);
        for (const title of [idea, 'Potager partagé']) await group.getByText(title, { exact: true }).click();
        await ballot.getByRole('button', { name: 'Envoyer mon vote' }).click();
        await page.getByRole('status').filter({ hasText: 'Merci ! Votre vote est enregistré.' }).waitFor();
      }
      assert.deepEqual(page.consoleErrors, []);
    }

    // The worker sees the turnout, never the ballots, and closes the vote.
    await worker.reload();
    await worker.getByText(/^3 participants sur \d+ ont voté\./).waitFor();
    // Closing early erases the ballot secret: a page says so first, and "no" changes nothing.
    await worker.getByRole('link', { name: 'Fermer le vote maintenant' }).click();
    await worker.getByRole('heading', { level: 1, name: /^Fermer maintenant le vote/ }).waitFor();
    await worker.getByText('on ne pourra pas rouvrir ce vote', { exact: false }).waitFor();
    await assertAccessible(worker, 'confirmation before closing a vote');
    await worker.getByRole('link', { name: 'Non, revenir sans rien changer' }).click();
    await worker.getByRole('link', { name: 'Fermer le vote maintenant' }).click();
    await worker.getByRole('button', { name: 'Oui, fermer le vote maintenant' }).click();
    await worker.getByRole('status').filter({ hasText: 'Le vote est fermé.' }).waitFor();
    const results = worker.getByRole('region', { name: 'Résultats' });
    const first = results.getByRole('listitem').first();
    await first.getByText('N° 1', { exact: true }).waitFor();
    await first.getByRole('heading', { level: 3, name: idea }).waitFor();
    await first.getByText('3 voix sur 3', { exact: true }).waitFor();
    await results.getByRole('listitem').nth(1).getByText('2 voix sur 3', { exact: true }).waitFor();
    await assertAccessible(worker, 'round page, results');

    // The winner becomes a workshop in one step.
    await results.getByRole('button', { name: `En faire un atelier ${idea}` }).click();
    await worker.getByRole('status').filter({ hasText: "C'est fait : l'idée devient un atelier." }).waitFor();
    // Its page is where the worker plans it: the idea's title, and the planning form.
    await worker.getByRole('heading', { level: 1, name: idea }).waitFor();
    await worker.getByRole('region', { name: 'Planifier des séances' }).waitFor();
    await worker.goBack();
    await worker.getByRole('region', { name: 'Résultats' }).getByRole('listitem').first()
      .getByText('Devient un atelier', { exact: true }).waitFor();

    // Its author sees it chosen, among her ideas and the group's choices.
    await author.goto(`${BASE}/themes`);
    await author.getByRole('region', { name: 'Mes idées' })
      .getByText('Choisie ! Elle devient un atelier.').first().waitFor();
    await author.getByRole('region', { name: 'Votes' }).getByText(idea, { exact: true }).first().waitFor();
    await assertAccessible(author, 'themes page with a chosen idea');
    // The participant's results page.
    await author.getByRole('link', { name: `Voir les résultats ${vote}` }).click();
    await author.getByRole('region', { name: 'Résultats' }).getByText('3 voix sur 3', { exact: true }).waitFor();
    await assertAccessible(author, 'participant results page');

    assert.deepEqual(author.consoleErrors, []);
    assert.deepEqual(worker.consoleErrors, []);
    await browsers.close();
  });
}
