// Accounts in a real browser: sign up through the form, sign out, sign in,
// change the password and sign in with the new one; the same sign-up and
// sign-in with JavaScript turned off.  Screenshots go to screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import { BASE, SHOTS, launch, page } from './lib.mjs';

const es = JSON.parse(readFileSync(new URL('../../templates/i18n/es.json', import.meta.url), 'utf8'));

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

function account() {
  const tag = crypto.randomBytes(4).toString('hex');
  return {
    email: `browser-${Date.now()}-${tag}@example.org`,
    password: `Navegador-${crypto.randomBytes(6).toString('base64url')}-1`,
    name: `Navegadora ${tag}`,
  };
}

// Submits a form by its button and waits for the page it leads to.
async function submit(p, button) {
  const [res] = await Promise.all([
    p.waitForNavigation({ waitUntil: 'load' }),
    p.click(button),
  ]);
  return res;
}

async function signUp(p, a, shot) {
  await p.goto(`${BASE}/register`);
  assert.equal(await p.title(), `${es.auth.register_title} · ${es.app.name}`);
  await p.fill('#f-email', a.email);
  await p.fill('#f-password', a.password);
  await p.fill('#f-name', a.name);
  await p.check('#f-role-externo');
  if (shot)
    await p.screenshot({ path: `${SHOTS}/${shot}.png`, fullPage: true });
  const res = await submit(p, 'form[action="/register"] button[type="submit"]');
  assert.equal(res.status(), 200, `after sign-up: ${res.status()} ${res.url()}`);
  assert.equal(new URL(p.url()).pathname, '/');
  assert.equal((await p.textContent('.account__name'))?.trim(), a.name, 'signed in');
  assert.match(await p.textContent('main'), new RegExp(es.flash.welcome.slice(0, 20)));
}

async function signOut(p) {
  const res = await submit(p, 'form[action="/logout"] button[type="submit"]');
  assert.equal(res.status(), 200);
  assert.equal(await p.locator('.account__name').count(), 0, 'signed out');
  assert.equal(await p.locator('a.account__link[href="/login"]').count(), 1);
}

async function signIn(p, a, password = a.password) {
  await p.goto(`${BASE}/login`);
  await p.fill('#f-email', a.email);
  await p.fill('#f-password', password);
  const res = await submit(p, 'form[action="/login"] button[type="submit"]');
  assert.equal(res.status(), 200, `after sign-in: ${res.status()} ${res.url()}`);
  assert.equal((await p.textContent('.account__name'))?.trim(), a.name, 'signed in');
}

test('sign up, sign out, sign in, change the password, sign in with it', async () => {
  const { ctx, page: p, problems } = await page(browser);
  const a = account();
  await signUp(p, a, 'accounts-register');
  await p.screenshot({ path: `${SHOTS}/accounts-signed-in.png` });

  await signOut(p);
  await signIn(p, a);

  // The profile page shows the account; its link leads to the password form.
  await p.goto(`${BASE}/users/me`);
  assert.match(await p.textContent('main'), new RegExp(a.email.replace(/\./g, '\\.')));
  await Promise.all([p.waitForNavigation(), p.click('a[href="/password/change"]')]);
  assert.equal(new URL(p.url()).pathname, '/password/change');
  const fresh = `${a.password}-nueva`;
  await p.fill('#f-current_password', a.password);
  await p.fill('#f-new_password', fresh);
  await p.screenshot({ path: `${SHOTS}/accounts-change-password.png` });
  const res = await submit(p, 'form[action="/password/change"] button[type="submit"]');
  assert.equal(res.status(), 200);
  assert.equal(new URL(p.url()).pathname, '/users/me');
  assert.match(await p.textContent('main'), new RegExp(es.flash.password_changed.slice(0, 20)));
  assert.equal((await p.textContent('.account__name'))?.trim(), a.name, 'still signed in');

  await signOut(p);
  await signIn(p, a, fresh);
  await p.screenshot({ path: `${SHOTS}/accounts-signed-in-again.png` });
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('a refused sign-up shows the form again with its errors', async () => {
  const { ctx, page: p } = await page(browser);
  const a = account();
  await p.goto(`${BASE}/register`);
  await p.fill('#f-email', a.email);
  await p.fill('#f-password', 'password123');	// too common
  await p.fill('#f-name', a.name);
  await p.check('#f-role-cliente');
  const res = await submit(p, 'form[action="/register"] button[type="submit"]');
  assert.equal(res.status(), 422);
  assert.equal(await p.inputValue('#f-email'), a.email);
  assert.equal(await p.inputValue('#f-name'), a.name);
  assert.equal(await p.inputValue('#f-password'), '');
  assert.ok(await p.isChecked('#f-role-cliente'));
  assert.equal(await p.getAttribute('#f-password', 'aria-invalid'), 'true');
  assert.match(await p.textContent('#f-password-error'), new RegExp(es.valid.password_common.slice(0, 20)));
  await p.screenshot({ path: `${SHOTS}/accounts-register-refused.png` });
  await ctx.close();
});

test('sign-up and sign-in work without JavaScript', async () => {
  const { ctx, page: p, problems } = await page(browser, { javaScriptEnabled: false });
  const a = account();
  await signUp(p, a);
  await signOut(p);
  await signIn(p, a);
  await p.screenshot({ path: `${SHOTS}/accounts-nojs-signed-in.png` });
  // Straight to a page that needs an account, then back after signing in.
  await signOut(p);
  await p.goto(`${BASE}/users/me`);
  assert.equal(new URL(p.url()).pathname, '/login');
  await p.fill('#f-email', a.email);
  await p.fill('#f-password', a.password);
  await submit(p, 'form[action="/login"] button[type="submit"]');
  assert.equal(new URL(p.url()).pathname, '/users/me');
  assert.deepEqual(problems, []);
  await ctx.close();
});
