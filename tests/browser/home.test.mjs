// The home page in a real browser: Spanish by default, the language switch,
// keyboard access, no console or CSP errors, and a screenshot for people.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, SHOTS, launch, page } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('home page opens in Spanish and switches to English', async () => {
  const { ctx, page: p, problems } = await page(browser);
  const res = await p.goto(`${BASE}/`);
  assert.equal(res.status(), 200);
  assert.equal(await p.getAttribute('html', 'lang'), 'es');
  assert.match(await p.title(), /Ágora/);
  await p.screenshot({ path: `${SHOTS}/home-es.png`, fullPage: true });

  await p.click('a[hreflang="en"]');
  await p.waitForLoadState('load');
  assert.equal(await p.getAttribute('html', 'lang'), 'en');
  await p.screenshot({ path: `${SHOTS}/home-en.png`, fullPage: true });

  // The choice is remembered by the cookie on the next visit.
  await p.goto(`${BASE}/`);
  assert.equal(await p.getAttribute('html', 'lang'), 'en');
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('home page works without JavaScript and from the keyboard', async () => {
  const { ctx, page: p, problems } = await page(browser, { javaScriptEnabled: false });
  await p.goto(`${BASE}/`);
  await p.keyboard.press('Tab');
  const first = await p.evaluate(() => document.activeElement?.getAttribute('href'));
  assert.equal(first, '#main', 'the first Tab reaches the skip link');
  assert.ok(await p.locator('main#main').count() === 1);
  assert.ok(await p.locator('header').count() >= 1);
  assert.ok(await p.locator('footer').count() >= 1);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('home page fits a phone screen', async () => {
  const { ctx, page: p } = await page(browser, { viewport: { width: 360, height: 740 } });
  await p.goto(`${BASE}/`);
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await p.screenshot({ path: `${SHOTS}/home-phone.png`, fullPage: true });
  await ctx.close();
});
