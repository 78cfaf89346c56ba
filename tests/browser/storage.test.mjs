// Storage in a real browser with JavaScript off: an NGO creates an event,
// uploads a cover from the event's page through the plain form, and sees
// the thumbnail load in the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { BASE, SHOTS, launch, page } from './lib.mjs';

const COVER = fileURLToPath(new URL('../e2e/fixtures/storage/exif6-gps.jpg', import.meta.url));

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

function local(days, hour) {
  const d = new Date(Date.now() + days * 86400000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString().slice(0, 16);
}

test('an NGO uploads an event cover and sees its thumbnail', async () => {
  const { ctx, page: p, problems } = await page(browser, { javaScriptEnabled: false });
  const word = `Portada${crypto.randomBytes(4).toString('hex')}`;

  await p.goto(`${BASE}/login?next=/events/new`);
  await p.fill('#f-email', 'ong@agora.test');
  await p.fill('#f-password', 'Demo-Agora-2026');
  await Promise.all([p.waitForLoadState('load'), p.click('form[action="/login"] button[type="submit"]')]);
  assert.match(p.url(), /\/events\/new$/);
  await p.fill('#f-title', `Taller ${word}`);
  await p.fill('#f-description', 'Un taller con portada.');
  await p.selectOption('#f-type_id', '4');
  await p.selectOption('#f-city_id', '1');
  await p.fill('#f-starts_at', local(12, 17));
  await p.fill('#f-ends_at', local(12, 19));
  await p.fill('#f-capacity', '12');
  await Promise.all([p.waitForLoadState('load'), p.click('form[action="/events"] button[type="submit"]')]);
  assert.match(p.url(), /\/events\/\d+$/);
  assert.equal(await p.locator('.event__cover img').count(), 0);

  const thumbs = [];
  p.on('response', (r) => {
    if (/\/files\/\d+\/thumb\/480\./.test(r.url()))
      thumbs.push({ status: r.status(), type: r.headers()['content-type'] });
  });
  await p.setInputFiles('#f-cover', COVER);
  await Promise.all([p.waitForLoadState('load'),
    p.click('form[action="/files"] button[type="submit"]')]);
  assert.match(p.url(), /\/events\/\d+$/);
  const img = p.locator('.event__cover img');
  assert.equal(await img.count(), 1);
  await img.scrollIntoViewIfNeeded();
  for (let i = 0; i < 50 && thumbs.length === 0; i++)
    await p.waitForTimeout(100);
  assert.equal(thumbs.length, 1, 'the thumbnail was fetched');
  assert.equal(thumbs[0].status, 200);
  assert.match(thumbs[0].type, /^image\/(webp|jpeg)$/);
  const box = await img.boundingBox();
  assert.ok(box.height > box.width, 'upright: the EXIF turn was applied');
  await p.screenshot({ path: `${SHOTS}/storage-cover.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await ctx.close();
});
