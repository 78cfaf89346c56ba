// The sign-in, sign-up and sign-out pages as a browser without JavaScript
// uses them: CSRF tokens, Origin, session cookies, Post/Redirect/Get, and
// forms shown again with what was typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';

import { catalog, htmlLang, serial } from './lib.mjs';
import {
    Client, ORIGIN, newPassword, pageSignIn, signUp, uniqueEmail,
} from './accounts-lib.mjs';

await serial();
const TAG = 33;
const es = catalog('es');

/* HTML text content with the entities the templates write decoded. */
function decode(s) {
	return s.replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"')
	    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/* The value="" of the input with this name, or null. */
function inputValue(html, name) {
	const m = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html);
	if (!m)
		return null;
	const v = /value="([^"]*)"/.exec(m[0]);
	return v ? decode(v[1]) : '';
}

/* A browser with a fresh account and the sign-in form's CSRF cookie. */
async function ready() {
	const c = new Client(TAG);
	const a = await signUp(c);
	const form = await c.page('GET', '/login');
	assert.equal(form.status, 200);
	return { c, a };
}

test('GET /login sets agora_csrf and puts the same token in the form', async () => {
	const c = new Client(TAG);
	const res = await c.page('GET', '/login?next=%2Fusers%2Fme');
	assert.equal(res.status, 200);
	assert.match(res.headers['content-type'], /^text\/html/);
	assert.equal(htmlLang(res.text), 'es');
	const line = (res.headers['set-cookie'] ?? []).find((l) => l.startsWith('agora_csrf='));
	assert.ok(line, 'agora_csrf is set');
	assert.match(line, /; HttpOnly/);
	assert.match(line, /; SameSite=Lax/);
	const token = c.cookie('agora_csrf');
	assert.ok(token.length >= 32);
	assert.equal(inputValue(res.text, '_csrf'), token);
	assert.equal(inputValue(res.text, 'next'), '/users/me');
	assert.match(res.text, /<form[^>]*method="post"[^>]*action="\/login"/);
	assert.equal(c.cookie('agora_sid'), undefined, 'no session before signing in');
});

test('POST /login without _csrf is 403 and signs nobody in', async () => {
	const { c, a } = await ready();
	const res = await c.post('/login', { email: a.email, password: a.password, _csrf: null });
	assert.equal(res.status, 403, res.text.slice(0, 200));
	assert.match(res.headers['content-type'], /^text\/html/);
	assert.ok(decode(res.text).includes(es.error_detail.csrf), 'the page says why');
	assert.equal(c.cookie('agora_sid'), undefined);
});

test('POST /login with a wrong _csrf is 403', async () => {
	const { c, a } = await ready();
	const real = c.cookie('agora_csrf');
	const wrong = crypto.randomBytes(32).toString('base64url').slice(0, real.length);
	assert.equal(wrong.length, real.length);
	let res = await c.post('/login', { email: a.email, password: a.password, _csrf: wrong });
	assert.equal(res.status, 403);
	assert.equal(c.cookie('agora_sid'), undefined);
	// A token without its cookie is no better.
	res = await c.post('/login', { email: a.email, password: a.password, _csrf: real },
	    { headers: { Cookie: '' } });
	assert.equal(res.status, 403);
	// Nor a short one matching a short cookie.
	res = await c.post('/login', { email: a.email, password: a.password, _csrf: 'abc' },
	    { headers: { Cookie: 'agora_csrf=abc' } });
	assert.equal(res.status, 403);
	assert.equal(c.cookie('agora_sid'), undefined);
});

test('POST /login from a foreign Origin is 403 even with the right token', async () => {
	const { c, a } = await ready();
	for (const origin of ['http://evil.example', 'null', `http://127.0.0.1.evil.example`]) {
		const res = await c.post('/login', { email: a.email, password: a.password },
		    { origin });
		assert.equal(res.status, 403, `Origin ${origin}`);
	}
	assert.equal(c.cookie('agora_sid'), undefined);
});

test('POST /login with our own Origin, as browsers send it, is accepted', async () => {
	const { c, a } = await ready();
	const res = await c.post('/login', { email: a.email, password: a.password,
	    next: '/users/me' }, { origin: true });
	assert.equal(res.status, 303, `Origin ${ORIGIN} on ${ORIGIN}: ${res.status} ` +
	    `${res.text.slice(0, 120).replace(/\s+/g, ' ')}`);
	assert.equal(res.headers.location, '/users/me');
	assert.ok(c.cookie('agora_sid'));
	const out = await c.post('/logout', {}, { origin: true });
	assert.equal(out.status, 303, `sign-out with Origin ${ORIGIN}`);
});

test('POST /login with the token sends on to next with a new session', async () => {
	const { c, a } = await ready();
	const planted = 'planted-session-id-0123456789abcdef';
	c.setCookie('agora_sid', planted);
	const csrfBefore = c.cookie('agora_csrf');
	const res = await c.post('/login', { email: a.email, password: a.password,
	    next: '/users/me' });
	assert.equal(res.status, 303, res.text.slice(0, 200));
	assert.equal(res.headers.location, '/users/me');
	const sid = c.cookie('agora_sid');
	assert.ok(sid && sid !== planted, 'a session the server chose');
	assert.ok(sid.length >= 32);
	const line = res.headers['set-cookie'].find((l) => l.startsWith('agora_sid='));
	assert.match(line, /; HttpOnly/);
	assert.match(line, /; SameSite=Lax/);
	assert.notEqual(c.cookie('agora_csrf'), csrfBefore, 'a fresh CSRF token');

	// The planted id signs nobody in.
	const other = new Client(TAG);
	other.setCookie('agora_sid', planted);
	assert.equal((await other.send('/api/v1/users/me')).status, 401);

	// The session is the account's.
	const mine = await c.send('/api/v1/users/me');
	assert.equal(mine.status, 200, mine.text);
	assert.equal(mine.json().id, a.id);
});

test('signing in, a browser takes the language saved in the profile', async () => {
	const { c, a } = await ready();
	const set = await c.api('PATCH', '/api/v1/users/me',
	    { json: { lang: 'en' }, token: a.access });
	assert.equal(set.status, 200, set.text);
	const res = await c.post('/login', { email: a.email, password: a.password,
	    next: '/users/me' });
	assert.equal(res.status, 303, res.text.slice(0, 200));
	assert.equal(c.cookie('agora_lang'), 'en');
	assert.equal(htmlLang((await c.page('GET', '/users/me')).text), 'en');
	// A language chosen afterwards still wins.
	assert.equal(htmlLang((await c.page('GET', '/users/me?lang=es')).text), 'es');
	assert.equal(htmlLang((await c.page('GET', '/users/me')).text), 'es');
});

test('the profile page with the session shows the e-mail and name', async () => {
	const { c, a } = await ready();
	const login = await c.post('/login', { email: a.email, password: a.password });
	assert.equal(login.status, 303);
	assert.equal(login.headers.location, '/');
	const res = await c.page('GET', '/users/me');
	assert.equal(res.status, 200);
	assert.match(res.headers['content-type'], /^text\/html/);
	const text = decode(res.text);
	assert.ok(text.includes(a.email), 'the e-mail is shown');
	assert.match(text, new RegExp(`class="account__name">${a.name}<`));
	assert.equal(inputValue(res.text, 'name'), a.name);
	// The seed route gives a browser the same page.
	const seed = await c.page('GET', '/users/me', { headers: { Accept: 'text/html' } });
	assert.equal(seed.status, 200);
	assert.ok(decode(seed.text).includes(a.email));
});

test('POST /logout ends the session; replaying its cookie gets nothing', async () => {
	const { c, a } = await ready();
	await c.post('/login', { email: a.email, password: a.password });
	const sid = c.cookie('agora_sid');
	assert.ok(sid);
	const res = await c.post('/logout', {});
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/');
	const line = res.headers['set-cookie'].find((l) => l.startsWith('agora_sid='));
	assert.match(line, /^agora_sid=;.*Max-Age=0/);
	assert.equal(c.cookie('agora_sid'), undefined);

	const replay = new Client(TAG);
	replay.setCookie('agora_sid', sid);
	const page = await replay.page('GET', '/users/me');
	assert.equal(page.status, 303);
	assert.equal(page.headers.location, '/login?next=%2Fusers%2Fme');
	const api = await replay.send('/api/v1/users/me');
	assert.equal(api.status, 401);
	// The signed-out home page shows the sign-in link again.
	const home = await c.page('GET', '/');
	assert.ok(decode(home.text).includes(es.flash.signed_out), 'the flash says so');
	assert.match(home.text, /href="\/login"/);
});

test('POST /logout without the CSRF token is 403 and the session lives', async () => {
	const { c, a } = await ready();
	await c.post('/login', { email: a.email, password: a.password });
	const res = await c.post('/logout', { _csrf: null });
	assert.equal(res.status, 403);
	const still = await c.send('/api/v1/users/me');
	assert.equal(still.status, 200);
	const foreign = await c.post('/logout', {}, { origin: 'http://evil.example' });
	assert.equal(foreign.status, 403);
	assert.equal((await c.send('/api/v1/users/me')).status, 200);
});

test('a failed sign-in shows the form again with the e-mail, never the password', async () => {
	const { c, a } = await ready();
	const typed = `${a.password}-typo`;
	const res = await c.post('/login', { email: a.email, password: typed, next: '/users/me' });
	assert.equal(res.status, 401);
	assert.match(res.headers['content-type'], /^text\/html/);
	const text = decode(res.text);
	assert.ok(text.includes(es.error_detail.bad_credentials), 'the reason is shown');
	assert.match(res.text, /role="alert"/);
	assert.equal(inputValue(res.text, 'email'), a.email);
	assert.equal(inputValue(res.text, 'next'), '/users/me');
	assert.ok(!res.text.includes(typed), 'the typed password is not echoed');
	assert.ok(!res.text.includes(a.password), 'nor the real one');
	assert.equal(inputValue(res.text, 'password'), '', 'the password box is empty');
	assert.equal(inputValue(res.text, '_csrf'), c.cookie('agora_csrf'), 'the form can be sent again');
	assert.equal(c.cookie('agora_sid'), undefined);

	// An unknown e-mail gets the same page.
	const unknown = uniqueEmail('nobody');
	const u = await c.post('/login', { email: unknown, password: typed });
	assert.equal(u.status, 401);
	assert.ok(decode(u.text).includes(es.error_detail.bad_credentials));
	assert.equal(inputValue(u.text, 'email'), unknown);
});

test('after signing in, next never leaves the site', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example',
	    'javascript:alert(1)', 'users/me']) {
		c.jar.clear();
		const res = await pageSignIn(c, a.email, a.password, next);
		assert.equal(res.status, 303, `${next}: ${res.status}`);
		assert.equal(res.headers.location, '/', `next=${next}`);
	}
});

test('a signed-in browser asking for /login or /register goes on', async () => {
	const { c, a } = await ready();
	await c.post('/login', { email: a.email, password: a.password });
	for (const p of ['/login', '/register', '/login?next=%2Fusers%2Fme']) {
		const res = await c.page('GET', p);
		assert.equal(res.status, 303, p);
		assert.equal(res.headers.location, p.includes('next') ? '/users/me' : '/');
	}
});

test('sign-up through the form signs the browser in', async () => {
	const c = new Client(TAG);
	await c.page('GET', '/register');
	const email = uniqueEmail('form');
	const name = `Formulario ${crypto.randomBytes(3).toString('hex')}`;
	const res = await c.post('/register', { email, password: newPassword(), name,
	    role: 'profesional' });
	assert.equal(res.status, 303, res.text.slice(0, 300));
	assert.equal(res.headers.location, '/');
	assert.ok(c.cookie('agora_sid'), 'signed in');
	const home = await c.page('GET', '/');
	const text = decode(home.text);
	assert.ok(text.includes(es.flash.welcome), 'welcomed');
	assert.ok(text.includes(`class="account__name">${name}<`), 'named in the header');
	const mine = (await c.send('/api/v1/users/me')).json();
	assert.equal(mine.email, email);
	assert.equal(mine.role, 'profesional');
});

test('a refused sign-up form comes back with what was typed, no password', async () => {
	const c = new Client(TAG);
	await c.page('GET', '/register');
	const taken = await signUp(c);
	const password = newPassword();
	const res = await c.post('/register', { email: taken.email.toUpperCase(), password,
	    name: 'Ana <b>Núñez</b>', role: 'ong', organization: 'Río & Mar' });
	assert.equal(res.status, 422, res.text.slice(0, 200));
	const text = decode(res.text);
	assert.ok(text.includes(es.valid.required), 'tax_id is required');
	assert.equal(inputValue(res.text, 'name'), 'Ana <b>Núñez</b>');
	assert.ok(!res.text.includes('<b>Núñez</b>'), 'escaped');
	assert.equal(inputValue(res.text, 'organization'), 'Río & Mar');
	assert.match(res.text, /id="f-role-ong"[^>]*checked/);
	assert.doesNotMatch(res.text, /id="f-role-externo"[^>]*checked/);
	assert.ok(!res.text.includes(password), 'the password is not echoed');
	assert.equal(c.cookie('agora_sid'), undefined);

	// Now complete but with the taken e-mail: 422 on the page (409 in the API).
	const dup = await c.post('/register', { email: taken.email, password,
	    name: 'Ana', role: 'externo' });
	assert.equal(dup.status, 422);
	assert.ok(decode(dup.text).includes(es.valid.email_taken));
	assert.equal(inputValue(dup.text, 'email'), taken.email);
});

test('POST /register without the CSRF token is 403', async () => {
	const c = new Client(TAG);
	await c.page('GET', '/register');
	const email = uniqueEmail('nocsrf');
	const res = await c.post('/register', { email, password: newPassword(), name: 'Ana',
	    role: 'externo', _csrf: null });
	assert.equal(res.status, 403);
	assert.equal(c.cookie('agora_sid'), undefined);
});

test('a signed-in browser\'s token belongs to its session', async () => {
	const { c, a } = await ready();
	const before = c.cookie('agora_csrf');
	await c.post('/login', { email: a.email, password: a.password });
	const token = c.cookie('agora_csrf');
	assert.notEqual(token, before, 'signing in gives a new token');
	// A pair planted in the cookie and the form (a cookie set from a
	// neighbouring site) no longer passes once someone is signed in.
	const planted = crypto.randomBytes(32).toString('hex');
	c.setCookie('agora_csrf', planted);
	let res = await c.post('/logout', { _csrf: planted });
	assert.equal(res.status, 403);
	assert.equal((await c.send('/api/v1/users/me')).status, 200, 'still signed in');
	// Nor does another session's own token.
	const other = await ready();
	await other.c.post('/login', { email: other.a.email, password: other.a.password });
	const theirs = other.c.cookie('agora_csrf');
	c.setCookie('agora_csrf', theirs);
	res = await c.post('/logout', { _csrf: theirs });
	assert.equal(res.status, 403);
	// The next page puts the session's token back in the cookie.
	const page = await c.page('GET', '/users/me');
	assert.equal(page.status, 200);
	assert.equal(c.cookie('agora_csrf'), token);
	res = await c.post('/logout', {});
	assert.equal(res.status, 303);
	assert.equal((await c.send('/api/v1/users/me')).status, 401);
});

test('a session may send the CSRF token as X-CSRF-Token to the API', async () => {
	const { c, a } = await ready();
	await c.post('/login', { email: a.email, password: a.password });
	const token = c.cookie('agora_csrf');
	let res = await c.send('/api/v1/users/me', { method: 'PATCH', json: { city: 'Cádiz' } });
	assert.equal(res.status, 403, 'a cookie-borne API write needs the token');
	res = await c.send('/api/v1/users/me', { method: 'PATCH', json: { city: 'Cádiz' },
	    headers: { 'X-CSRF-Token': token } });
	assert.equal(res.status, 200, res.text.slice(0, 200));
	assert.equal(res.json().city, 'Cádiz');
});

test('the password pages need a session', async () => {
	const c = new Client(TAG);
	const res = await c.page('GET', '/password/change');
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/login?next=%2Fpassword%2Fchange');
	for (const p of ['/password/forgot', '/password/reset?token=abc']) {
		const open = await c.page('GET', p);
		assert.equal(open.status, 200, p);
	}
	const reset = await c.page('GET', '/password/reset?token=abc');
	assert.equal(inputValue(reset.text, 'token'), 'abc');
});
