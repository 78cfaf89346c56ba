// Notifications in a real browser: an NGO signs in, someone enrols in its
// event, the notifier runs, the counter in the header says 1; the NGO opens
// the list, marks the notification read and the counter says 0.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE, SHOTS, launch, page } from './lib.mjs';

const TOP = fileURLToPath(new URL('../..', import.meta.url));
const VAR = process.env.AGORA_VAR ?? path.join(TOP, 'var');
const RUN = `${process.pid}-${Date.now().toString(36)}`;
const PASSWORD = 'Prueba-Agora-2026';

function sql(q) {
  const out = execFileSync('mariadb', ['--socket', path.join(VAR, 'run',
    'mysql.sock'), '-u', 'root', '-N', '-B', 'agora', '-e', q],
    { encoding: 'utf8' });
  return out.split('\n').filter(Boolean).map((l) => l.split('\t'));
}

function notifier() {
  execFileSync(path.join(TOP, 'build', 'cron', 'notifier'),
    ['-c', path.join(VAR, 'agora.conf'), '-1'], { env: { ...process.env,
      AGORA_MAIL_SPOOL: path.join(VAR, 'mail'),
      AGORA_SERVER_TEMPLATES: path.join(TOP, 'templates') },
    stdio: 'ignore' });
}

async function register(body) {
  const res = await fetch(`${BASE}/api/v1/auth/register`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ password: PASSWORD, ...body }) });
  const text = await res.text();
  assert.equal(res.status, 201, text);
  return JSON.parse(text);
}

let browser, ongEmail, eventId, person;
const title = `Banco de alimentos ${RUN}`;

before(async () => {
  browser = await launch();
  ongEmail = `ong-${RUN}@test.agora`;
  const ong = await register({ email: ongEmail, name: 'ONG Prueba',
    role: 'ong', organization: 'ONG Prueba', tax_id: `G${Date.now() % 1e8}` });
  eventId = Number(sql(`INSERT INTO events (organizer_id, title, description,
    type_id, city_id, starts_at, ends_at, capacity, status) VALUES
    (${ong.user.id}, '${title}', 'Recogida', (SELECT MIN(id) FROM event_types),
    (SELECT MIN(id) FROM cities), UTC_TIMESTAMP() + INTERVAL 10 DAY,
    UTC_TIMESTAMP() + INTERVAL 11 DAY, 20, 'published');
    SELECT LAST_INSERT_ID();`)[0][0]);
  person = await register({ email: `p-${RUN}@test.agora`, name: 'Ana',
    role: 'externo' });
});
after(async () => { await browser?.close(); });

test('the header counter shows a new enrolment; marking it read clears it', async () => {
  const { ctx, page: p, problems } = await page(browser);
  await p.goto(`${BASE}/login`);
  await p.fill('#f-email', ongEmail);
  await p.fill('#f-password', PASSWORD);
  await Promise.all([p.waitForURL((u) => !u.pathname.startsWith('/login')),
    p.click('form.panel button[type="submit"]')]);
  const badge = p.locator('a[href="/notifications"] [data-unread-count]');
  assert.equal(await badge.innerText(), '0');

  const res = await fetch(`${BASE}/api/v1/participations`, {
    method: 'POST', headers: { 'Content-Type': 'application/json',
      Authorization: `Bearer ${person.access_token}` },
    body: JSON.stringify({ event_id: eventId }) });
  assert.equal(res.status, 201, await res.text());
  notifier();

  await p.reload();
  assert.equal(await badge.innerText(), '1');
  await Promise.all([p.waitForURL('**/notifications'),
    p.locator('a[href="/notifications"]').first().click()]);
  assert.equal(await p.locator('h1').innerText(), 'Avisos');
  const item = p.locator('.notifications tbody tr').first();
  assert.match(await item.innerText(), new RegExp(`Nueva inscripción en «${title}»`));
  await p.screenshot({ path: `${SHOTS}/notifications-list.png`, fullPage: true });
  // Marked read, the person stays on the list; the title is the link.
  await Promise.all([p.waitForURL('**/notifications'),
    item.getByRole('button', { name: /Marcar como leído/ }).click()]);
  assert.equal(await badge.innerText(), '0');
  assert.equal(await p.locator('.notifications .is-unread').count(), 0);
  await Promise.all([p.waitForURL(`**/events/${eventId}`),
    p.locator('.notifications tbody tr').first().getByRole('link').first().click()]);
  assert.deepEqual(problems, []);
  await ctx.close();
});
