// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, and an
// axe-core check of every page visited.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const BASE = process.env.TRAME_URL ?? 'http://127.0.0.1:3000';

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

// A fresh browser context (no cookies), French by default, with JavaScript on or off, at a
// desktop size or the `viewport` given (a phone). Console errors (a Content-Security-Policy
// violation, a failing script) are collected.
export async function openPage(browser, { javaScript, locale = 'fr-BE', viewport }) {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, locale, viewport });
  const page = await context.newPage();
  page.javaScriptOff = !javaScript;
  page.testLocale = locale;
  page.consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') page.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => page.consoleErrors.push(String(error)));
  return { context, page };
}

// No serious or critical accessibility violation (WCAG 2.x A and AA rules). axe-core runs as
// a script, so a page seen with JavaScript off is checked by loading the same address with
// the same cookies in a twin context where scripts may run: the server sends the same HTML.
export async function assertAccessible(page, label) {
  let twin = null;
  let target = page;
  if (page.javaScriptOff) {
    twin = await page.context().browser().newContext({
      storageState: await page.context().storageState(),
      locale: page.testLocale,
      viewport: page.viewportSize(),
    });
    target = await twin.newPage();
    await target.goto(page.url());
  }
  const results = await new AxeBuilder({ page: target })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  await twin?.close();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(serious, [], `accessibility of ${label}`);
}

export async function loginStaff(page, email, password) {
  await page.goto(`${BASE}/login`);
  const staff = page.getByRole('region', { name: 'Personnel et partenaires' });
  await staff.getByLabel('Adresse e-mail').fill(email);
  await staff.getByLabel('Mot de passe').fill(password);
  await staff.getByRole('button', { name: 'Entrer' }).click();
  // Home, or for a partner with a single project, that project's page.
  await page.waitForURL((url) => url.pathname !== '/login');
}

// Logs a participant in with the code on their access card and the demo PIN.
export async function loginCard(page, code) {
  await page.goto(`${BASE}/login?code=${code}`);
  const card = page.getByRole('region', { name: "J'ai une carte" });
  await card.getByLabel('Code secret').fill('1234');
  await card.getByRole('button', { name: 'Entrer' }).click();
  await page.waitForURL(`${BASE}/`);
}

// The scripts and WebAssembly a page loads, by address.
export async function scriptsLoaded(page) {
  const loaders = page.locator('script[src], link[rel="modulepreload"], link[rel="preload"][as="fetch"]');
  return loaders.evaluateAll((nodes) => nodes.map((node) => new URL(node.src || node.href).pathname));
}

// A page loads no script file and no WebAssembly: it is complete as sent.
export async function assertNoScriptLoaded(page) {
  assert.deepEqual(await scriptsLoaded(page), [], `scripts or WebAssembly on ${page.url()}`);
}

// The browsers one test opens (each a fresh context, with JavaScript on or off): `open`
// gives a new page; `pages` lists them; `close` closes them all.
export function browsersFor(browser, javaScript) {
  const contexts = [];
  return {
    open: async () => {
      const opened = await openPage(browser, { javaScript });
      contexts.push(opened);
      return opened.page;
    },
    pages: () => contexts.map(({ page }) => page),
    close: async () => {
      for (const { context } of contexts) await context.close();
    },
  };
}
