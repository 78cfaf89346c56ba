// Enrolling in a real browser with JavaScript off: a person signs in, is
// sent back to the enrol page, confirms, finds the event in "Mis
// inscripciones" and cancels from there.  The event is written straight
// into MariaDB: its pages belong to the events program.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { BASE, SHOTS, launch, page } from './lib.mjs';

const RUN = `${process.pid}-${Date.now().toString(36)}`;
const PASSWORD = 'Prueba-Agora-2026';

function sql(q) {
  const sock = path.join(process.env.AGORA_VAR ?? 'var', 'run', 'mysql.sock');
  const out = execFileSync('mariadb', ['--socket', sock, '-u', 'root', '-N',
    '-B', 'agora', '-e', q], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean).map((l) => l.split('\t'));
}

let browser;
let eventId;
const title = `Reforestación ${RUN}`;
const email = `browser-${RUN}@test.agora`;

before(async () => {
  browser = await launch();
  const rows = sql(`INSERT INTO events (organizer_id, title, description,
    type_id, city_id, starts_at, ends_at, capacity, status) VALUES (2,
    '${title}', 'Plantamos árboles', (SELECT MIN(id) FROM event_types),
    (SELECT MIN(id) FROM cities), UTC_TIMESTAMP() + INTERVAL 10 DAY,
    UTC_TIMESTAMP() + INTERVAL 11 DAY, 20, 'published');
    SELECT LAST_INSERT_ID();`);
  eventId = Number(rows[0][0]);
  const res = await fetch(`${BASE}/api/v1/auth/register`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, name: 'Ana Prueba',
      role: 'externo' }) });
  assert.equal(res.status, 201, await res.text());
});
after(async () => { await browser?.close(); });

test('a person enrols and cancels without JavaScript', async () => {
  const { ctx, page: p, problems } = await page(browser,
    { javaScriptEnabled: false });
  // Signed out, the enrol page asks to sign in and comes back.
  await p.goto(`${BASE}/participations/new/${eventId}`);
  assert.match(p.url(), /\/login\?next=/);
  await p.fill('#f-email', email);
  await p.fill('#f-password', PASSWORD);
  await Promise.all([p.waitForURL(`**/participations/new/${eventId}`),
    p.click('form.panel button[type="submit"]')]);
  assert.equal(await p.getByRole('heading', { level: 2 }).first().innerText(),
    title);
  await p.screenshot({ path: `${SHOTS}/participations-new.png`, fullPage: true });

  await Promise.all([p.waitForURL(/\/participations$/),
    p.getByRole('button', { name: 'Inscribirme' }).click()]);
  assert.equal(await p.locator('h1').innerText(), 'Mis inscripciones');
  assert.match(await p.locator('.flash').innerText(), /Te has inscrito/);
  const row = p.locator('tbody tr', { hasText: title });
  assert.equal(await row.count(), 1);
  assert.match(await row.innerText(), /Aprobada/);
  await p.screenshot({ path: `${SHOTS}/participations-mine.png`, fullPage: true });

  // The keyboard reaches the cancel button, which works.
  const cancel = row.getByRole('button', { name: /Cancelar la inscripción/ });
  await cancel.focus();
  // The same address again: wait for the new page's message instead.
  await p.keyboard.press('Enter');
  await p.locator('.flash', { hasText: 'cancelado' }).waitFor();
  assert.match(await p.locator('tbody tr', { hasText: title }).innerText(),
    /Cancelada/);
  const [[status]] = sql(`SELECT status FROM participations WHERE event_id =
    ${eventId}`);
  assert.equal(status, 'cancelled');
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('the participation pages fit a phone screen', async () => {
  const pages = [[email, PASSWORD, '/participations', 'participations-phone'],
    ['ong@agora.test', 'Demo-Agora-2026', `/participations?event_id=${eventId}`,
      'participations-event-phone']];
  for (const [who, password, url, shot] of pages) {
    const { ctx, page: p } = await page(browser,
      { viewport: { width: 360, height: 740 } });
    await p.goto(`${BASE}/login`);
    await p.fill('#f-email', who);
    await p.fill('#f-password', password);
    await Promise.all([p.waitForURL(`${BASE}/`),
      p.click('form.panel button[type="submit"]')]);
    const res = await p.goto(`${BASE}${url}`);
    assert.equal(res.status(), 200);
    const overflow = await p.evaluate(() =>
      document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${url} scrolls sideways by ${overflow}px`);
    await p.screenshot({ path: `${SHOTS}/${shot}.png`, fullPage: true });
    await ctx.close();
  }
});
