// The Events app in a real browser with JavaScript off: an NGO signs in,
// creates and publishes an event through the forms and finds it in the
// list; the pages fit a phone screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { BASE, SHOTS, launch, page } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/* "YYYY-MM-DDTHH:MM" `days` from now, for a datetime-local input (the
 * event city's wall-clock time). */
function local(days, hour) {
  const d = new Date(Date.now() + days * 86400000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString().slice(0, 16);
}

test('an NGO creates and publishes an event without JavaScript', async () => {
  const { ctx, page: p, problems } = await page(browser, { javaScriptEnabled: false });
  const word = `Navegador${crypto.randomBytes(4).toString('hex')}`;

  await p.goto(`${BASE}/login?next=/events`);
  await p.fill('#f-email', 'ong@agora.test');
  await p.fill('#f-password', 'Demo-Agora-2026');
  await Promise.all([p.waitForLoadState('load'), p.click('form[action="/login"] button[type="submit"]')]);
  assert.match(p.url(), /\/events$/);

  await Promise.all([p.waitForLoadState('load'), p.click('a[href="/events/new"]')]);
  assert.match(p.url(), /\/events\/new$/);
  assert.equal(await p.getAttribute('html', 'lang'), 'es');
  await p.fill('#f-title', `Taller ${word}`);
  await p.fill('#f-description', 'Una tarde de taller para aprender a reparar ropa.');
  await p.selectOption('#f-type_id', '4');
  await p.selectOption('#f-city_id', '1');
  await p.selectOption('#f-place_id', '1');
  const starts = local(12, 17);
  await p.fill('#f-starts_at', starts);
  await p.fill('#f-ends_at', local(12, 19));
  await p.fill('#f-capacity', '12');
  await p.check('#f-status');
  await p.screenshot({ path: `${SHOTS}/events-form.png`, fullPage: true });
  await Promise.all([p.waitForLoadState('load'), p.click('form[action="/events"] button[type="submit"]')]);

  assert.match(p.url(), /\/events\/\d+$/);
  assert.equal(await p.textContent('h1'), `Taller ${word}`);
  assert.match(await p.textContent('.flash'), /publicado/i);
  // The time typed is Madrid's (city 1), and comes back as typed.
  assert.match(await p.textContent('.facts'),
    new RegExp(`${starts.replace('T', ' ')} CES?T \\(Europe/Madrid\\)`));
  await p.screenshot({ path: `${SHOTS}/events-show.png`, fullPage: true });

  await p.goto(`${BASE}/events?q=${word}`);
  const cards = p.locator('.cards .card');
  assert.equal(await cards.count(), 1);
  assert.match(await cards.first().textContent(), new RegExp(word));
  await p.screenshot({ path: `${SHOTS}/events-list.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('the events list fits a phone screen', async () => {
  const { ctx, page: p } = await page(browser, { viewport: { width: 360, height: 740 } });
  await p.goto(`${BASE}/events`);
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await p.screenshot({ path: `${SHOTS}/events-phone.png`, fullPage: true });
  await ctx.close();
});
