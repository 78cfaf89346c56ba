// The unread counter in a real browser: a signed-in person's page opens the
// notification stream, a notification written straight into MariaDB (as
// the notifier does) shows up in the header's badge without a reload, and
// reading it elsewhere takes the badge away.  Without JavaScript the page
// is the same, with no badge.
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
let userId;
const email = `stream-${RUN}@test.agora`;

before(async () => {
  browser = await launch();
  const res = await fetch(`${BASE}/api/v1/auth/register`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, name: 'Luz Prueba',
      role: 'externo' }) });
  const text = await res.text();
  assert.equal(res.status, 201, text);
  userId = JSON.parse(text).user.id;
});
after(async () => { await browser?.close(); });

async function signIn(p) {
  await p.goto(`${BASE}/login`);
  await p.fill('#f-email', email);
  await p.fill('#f-password', PASSWORD);
  await Promise.all([p.waitForURL((u) => !u.pathname.startsWith('/login')),
    p.click('form.panel button[type="submit"]')]);
}

test('a new notification lights the badge without a reload', async () => {
  const { ctx, page: p, problems } = await page(browser);
  await signIn(p);
  await p.goto(`${BASE}/`);
  const link = p.locator('.site-nav a[href="/notifications"]');
  assert.equal(await link.count(), 1);
  const badge = link.locator('[data-unread-count]');
  // Nothing unread: no badge to see.
  await p.waitForTimeout(800);
  assert.equal(await badge.filter({ visible: true }).count(), 0);

  let loads = 0;
  p.on('load', () => { loads++; });
  const [[id]] = sql(`INSERT INTO notifications (user_id, type, title)
    VALUES (${userId}, 'event_published', 'Nuevo evento ${RUN}');
    SELECT LAST_INSERT_ID();`);
  await badge.filter({ visible: true }).waitFor({ timeout: 3000 });
  assert.equal((await badge.innerText()).trim(), '1');
  await p.screenshot({ path: `${SHOTS}/stream-badge.png` });

  // Read elsewhere (another tab, the app): the badge goes away.
  sql(`UPDATE notifications SET read_at = UTC_TIMESTAMP() WHERE id = ${id}`);
  await badge.waitFor({ state: 'hidden', timeout: 8000 });
  assert.equal(loads, 0, 'no reload');
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('without JavaScript the page works and the badge is the server\'s count', async () => {
  const { ctx, page: p, problems } = await page(browser,
    { javaScriptEnabled: false });
  await signIn(p);
  await p.goto(`${BASE}/`);
  assert.equal(await p.locator('.site-nav a[href="/notifications"]').count(), 1);
  // Rendered by the server from the database; the stream only updates it.
  assert.equal(await p.locator('[data-unread-count]').count(), 1);
  assert.match(await p.locator('[data-unread-count]').innerText(), /^\d+$/);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('signed out: no stream is opened', async () => {
  const { ctx, page: p, problems } = await page(browser);
  const asked = [];
  p.on('request', (r) => { if (r.url().includes('/notifications/stream')) asked.push(r.url()); });
  await p.goto(`${BASE}/`);
  await p.waitForTimeout(500);
  assert.deepEqual(asked, []);
  assert.equal(await p.locator('script[src="/static/js/live.js"]').count(), 0);
  assert.deepEqual(problems, []);
  await ctx.close();
});
