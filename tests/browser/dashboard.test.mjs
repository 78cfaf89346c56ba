// The dashboard in a real browser: the demo NGO signs in, follows the
// navigation's link and finds a chart drawn on the server (an SVG image
// with its title) beside a table holding the same figures; the range
// form narrows it to one day.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, SHOTS, launch, page } from './lib.mjs';

let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('an NGO sees its charts and their tables', async () => {
  const { ctx, page: p, problems } = await page(browser);
  await p.goto(`${BASE}/login`);
  await p.fill('#f-email', 'ong@agora.test');
  await p.fill('#f-password', 'Demo-Agora-2026');
  await Promise.all([p.waitForURL((u) => !u.pathname.startsWith('/login')),
    p.click('form.panel button[type="submit"]')]);
  await Promise.all([p.waitForURL('**/dashboard'),
    p.getByRole('link', { name: 'Panel' }).click()]);
  assert.equal(await p.locator('h1').innerText(), 'Panel');

  const chart = p.getByRole('img', { name: 'Eventos por estado' });
  assert.equal(await chart.count(), 1);
  assert.equal(await chart.evaluate((e) => e.tagName.toLowerCase()), 'svg');
  const bars = await chart.locator('rect').count();
  assert.equal(bars, 4, 'a bar per event state');
  const table = p.getByRole('table', { name: 'Eventos por estado' });
  const published = await table.locator('tr', { hasText: 'Publicado' })
    .locator('td').innerText();
  assert.match(published, /^\d+$/);
  assert.ok(Number(published) >= 1, 'the demo NGO has published events');
  // The chart says the same number as the table.
  assert.ok((await chart.innerHTML()).includes(`>${published}</text>`));
  await p.screenshot({ path: `${SHOTS}/dashboard.png`, fullPage: true });

  // One day far back: nothing was created then.
  await p.fill('#f-from', '2001-01-01');
  await p.fill('#f-to', '2001-01-01');
  await Promise.all([p.waitForURL(/from=2001-01-01/),
    p.getByRole('button', { name: 'Mostrar' }).click()]);
  assert.equal(await table.locator('tr', { hasText: 'Publicado' })
    .locator('td').innerText(), '0');
  assert.deepEqual(problems, []);
  await ctx.close();
});
