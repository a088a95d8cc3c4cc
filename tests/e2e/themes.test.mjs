// Co-construction, first step, in real Chromium with JavaScript off and on: a participant
// proposes a workshop idea with a picture, a social worker publishes it, and the participant
// sees it published among the group's ideas.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, assertAccessible, loginStaff, loginCard } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const javaScript of [false, true]) {
  const mode = javaScript ? 'JavaScript on' : 'JavaScript off';

  test(`${mode}: a participant proposes an idea and a social worker publishes it`, async () => {
    // Unique per run, so the test also holds against a server that has seen earlier runs.
    const title = `${javaScript ? 'Cuisine du monde' : 'Jardin partagé'} ${Date.now() % 100000}`;
    const picture = javaScript ? 'Cuisine' : 'Jardinage';
    const participant = await openPage(browser, { javaScript });
    const page = participant.page;
    await loginCard(page, javaScript ? 'PPL6TN' : 'SLL7CZ');
    await page.getByRole('link', { name: "Idées et votes" }).first().click();
    await page.getByRole('heading', { level: 1, name: "Idées et votes" }).waitFor();
    await assertAccessible(page, 'themes page');

    // Forgetting the picture: a clear message, and what was typed is still there.
    const form = page.getByRole('region', { name: 'Proposer une idée' });
    await form.getByLabel('Titre (quelques mots)').fill(title);
    if (javaScript) {
      // The browser's own check asks for the picture first; switch it off to see the server's.
      await form.locator('form').evaluate((f) => f.setAttribute('novalidate', ''));
      await form.getByRole('button', { name: 'Proposer' }).click();
      await page.getByRole('alert').filter({ hasText: 'Choisissez une image.' }).waitFor();
      assert.equal(await form.getByLabel('Titre (quelques mots)').inputValue(), title);
    }
    await form.getByRole('group', { name: 'Choisissez une image' }).getByText(picture, { exact: true }).click();
    assert.equal(await form.getByRole('radio', { name: picture }).isChecked(), true);
    await form.getByRole('button', { name: 'Proposer' }).click();
    await page.getByRole('status').filter({ hasText: 'Votre idée est envoyée' }).waitFor();
    const mine = page.getByRole('region', { name: 'Mes idées' });
    await mine.getByRole('heading', { level: 3, name: title }).waitFor();
    await mine.getByText('En attente').first().waitFor();
    await assertAccessible(page, 'themes page with a proposal');

    const staff = await openPage(browser, { javaScript });
    await loginStaff(staff.page, 'karim@trame.demo', 'demo-worker-pass');
    await staff.page.getByRole('navigation').getByRole('link', { name: 'Idées à lire' }).click();
    await staff.page.getByRole('heading', { level: 1, name: 'Idées à lire' }).waitFor();
    await assertAccessible(staff.page, 'moderation page');
    await staff.page.getByRole('button', { name: `Publier ${title}` }).click();
    await staff.page.getByRole('status').filter({ hasText: "L'idée est publiée." }).waitFor();

    await page.reload();
    await mine.getByText('Publiée').first().waitFor();
    const group = page.getByRole('region', { name: 'Les idées du groupe' });
    await group.getByText(title, { exact: true }).waitFor();
    assert.deepEqual(page.consoleErrors, []);
    assert.deepEqual(staff.page.consoleErrors, []);
    await participant.context.close();
    await staff.context.close();
  });
}
