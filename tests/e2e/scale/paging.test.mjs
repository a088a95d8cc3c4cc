// A centre with years of history (filled by tests/bench/fill), in real Chromium with
// JavaScript off and on: a social worker pages through the participants and finds one by
// name, reads a busy workshop's past sessions a page at a time, a participant pages through
// the ideas, and every page is accessible. TRAME_FILL_WORKSHOP names the busiest workshop.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, browsersFor, assertAccessible, assertNoScriptLoaded, loginStaff, loginCard } from '../helpers.mjs';

const workshop = process.env.TRAME_FILL_WORKSHOP;
assert.ok(workshop, 'TRAME_FILL_WORKSHOP names the busiest workshop of the filled centre');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// "Page 2 sur 7": the page the pager says the list is at, and how many there are.
async function where(list) {
  const text = await list.getByRole('navigation', { name: 'Pages de la liste' }).getByText(/^Page \d+ sur \d+$/).textContent();
  const [, page, pages] = text.match(/^Page (\d+) sur (\d+)$/);
  return [Number(page), Number(pages)];
}

for (const javaScript of [false, true]) {
  const mode = javaScript ? 'JavaScript on' : 'JavaScript off';

  test(`${mode}: a social worker pages through participants and a workshop's history`, async () => {
    const browsers = browsersFor(browser, javaScript);
    const worker = await browsers.open();
    await loginStaff(worker, 'sophie@trame.demo', 'demo-worker-pass');

    await worker.goto(`${BASE}/staff/participants`);
    const list = worker.getByRole('region', { name: 'Liste des participants' });
    assert.equal(await list.getByRole('row').count(), 26, 'a heading row and 25 participants');
    const [first, pages] = await where(list);
    assert.equal(first, 1);
    assert.ok(pages > 1, `${pages} pages`);
    await assertAccessible(worker, 'participants, first page');
    const firstName = await list.getByRole('row').nth(1).getByRole('link').textContent();

    await list.getByRole('link', { name: 'Page suivante' }).click();
    await worker.waitForURL(/page=2#list-heading$/);
    assert.deepEqual(await where(list), [2, pages]);
    assert.equal(await list.getByText(/^Participants 26 à 50 sur \d+$/).count(), 1);
    assert.notEqual(await list.getByRole('row').nth(1).getByRole('link').textContent(), firstName);
    await assertAccessible(worker, 'participants, second page');

    await list.getByRole('link', { name: 'Dernière page' }).click();
    assert.deepEqual(await where(list), [pages, pages]);
    assert.equal(await list.getByRole('link', { name: 'Page suivante' }).count(), 0);

    // A search keeps to what it found, across the same form, and finds Amina by part of her name.
    await list.getByLabel('Prénom, pseudo ou code de carte').fill('mIn');
    await list.getByRole('button', { name: 'Chercher' }).click();
    await worker.waitForURL(/q=mIn/);
    await list.getByRole('link', { name: 'Amina', exact: true }).waitFor();
    await list.getByLabel('Prénom, pseudo ou code de carte').fill('zzzz-personne');
    await list.getByRole('button', { name: 'Chercher' }).click();
    await list.getByText('Personne ne correspond.', { exact: false }).waitFor();
    await assertAccessible(worker, 'participants, nothing found');

    // The busiest workshop: its page is short; its history is a link away, a page at a time.
    await worker.goto(`${BASE}/staff/workshops/${workshop}`);
    await assertNoScriptLoaded(worker);
    await worker.getByRole('link', { name: 'Séances passées et anciens participants' }).click();
    await worker.waitForURL(new RegExp(`/staff/workshops/${workshop}/history`));
    const sessions = worker.getByRole('region', { name: /^Séances passées/ });
    const [, sessionPages] = await where(sessions);
    assert.ok(sessionPages > 1, `${sessionPages} pages of past sessions`);
    await sessions.getByRole('link', { name: 'Page suivante' }).click();
    assert.deepEqual(await where(worker.getByRole('region', { name: /^Séances passées/ })), [2, sessionPages]);
    await assertAccessible(worker, 'a workshop history, second page');
    await browsers.close();
  });

  test(`${mode}: a participant pages through the ideas`, async () => {
    const browsers = browsersFor(browser, javaScript);
    const amina = await browsers.open();
    await loginCard(amina, 'AMN4KP');
    await amina.goto(`${BASE}/themes`);
    const ideas = amina.getByRole('region', { name: 'Les idées du groupe' });
    const [, pages] = await where(ideas);
    assert.ok(pages > 1, `${pages} pages of ideas`);
    await ideas.getByRole('link', { name: 'Page suivante' }).click();
    await amina.waitForURL(/page=2/);
    assert.deepEqual(await where(amina.getByRole('region', { name: 'Les idées du groupe' })), [2, pages]);
    await assertAccessible(amina, 'ideas, second page');
    await browsers.close();
  });
}
