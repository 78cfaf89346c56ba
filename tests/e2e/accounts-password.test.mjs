// Passwords changed, forgotten and reset, and accounts deleted: which
// sessions and tokens survive each, and what is left in the database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';

import { assertProblem, catalog, serial } from './lib.mjs';
import {
    Client, logIn, me, newPassword, outboxFor, pageSignIn, q, refresh,
    signUp, sql, tokens, uniqueEmail,
} from './accounts-lib.mjs';

await serial();
const TAG = 35;
const es = catalog('es');
const CHANGE = '/api/v1/auth/password/change';
const FORGOT = '/api/v1/auth/password/forgot';
const RESET = '/api/v1/auth/password/reset';

/* The token of the newest reset link mailed to a user. */
function resetToken(userId) {
	const p = outboxFor('mail.password_reset', userId);
	assert.ok(p, `a mail.password_reset row for user ${userId}`);
	const m = /^\/password\/reset\?token=([\w-]+)$/.exec(p.link);
	assert.ok(m, `link ${p.link}`);
	assert.equal(p.expires_minutes, 60);
	return m[1];
}

/* HTML with the entities the templates write decoded. */
function decode(s) {
	return s.replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"')
	    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

test('changing the password ends every other session and answers a new pair', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	const b = await tokens(c, a.email, a.password);
	const browser = new Client(TAG);
	assert.equal((await pageSignIn(browser, a.email, a.password)).status, 303);
	assert.equal((await browser.send('/api/v1/users/me')).status, 200);

	const fresh = newPassword();
	const res = await c.api('POST', CHANGE, { token: a.access, json: {
		current_password: a.password, new_password: fresh } });
	assert.equal(res.status, 200, res.text);
	const doc = res.json();
	assert.equal(doc.token_type, 'bearer');
	assert.ok(doc.access_token && doc.refresh_token);
	assert.equal(res.headers['set-cookie'], undefined);

	assertProblem(await refresh(c, a.refresh), 401, '/api/v1/auth/refresh');
	assertProblem(await refresh(c, b.refresh), 401, '/api/v1/auth/refresh');
	assert.equal((await browser.send('/api/v1/users/me')).status, 401, 'the browser session ended');
	const page = await browser.page('GET', '/users/me');
	assert.equal(page.status, 303);

	const next = await refresh(c, doc.refresh_token);
	assert.equal(next.status, 200, 'the new pair works');
	assert.equal((await me(c, doc.access_token)).status, 200);
	assertProblem(await logIn(c, a.email, a.password), 401, '/api/v1/auth/login');
	assert.equal((await logIn(c, a.email, fresh)).status, 200);
	assert.ok(outboxFor('user.password_changed', a.id), 'the change is announced');
});

test('a wrong current password, a weak new one, or no session is refused', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	let res = await c.api('POST', CHANGE, { token: a.access, json: {
		current_password: `${a.password}x`, new_password: newPassword() } });
	let doc = assertProblem(res, 422, CHANGE);
	assert.equal(doc.errors?.current_password, es.valid.wrong_password);
	assert.equal(doc.access_token, undefined);

	res = await c.api('POST', CHANGE, { token: a.access, json: {
		current_password: a.password, new_password: 'password123' } });
	doc = assertProblem(res, 422, CHANGE);
	assert.equal(doc.errors?.new_password, es.valid.password_common);

	res = await c.api('POST', CHANGE, { token: a.access, json: {} });
	doc = assertProblem(res, 422, CHANGE);
	assert.equal(doc.errors?.current_password, es.valid.required);
	assert.equal(doc.errors?.new_password, es.valid.required);

	res = await c.api('POST', CHANGE, { json: { current_password: a.password,
	    new_password: newPassword() } });
	assertProblem(res, 401, CHANGE);

	// Nothing was changed or revoked.
	assert.equal((await refresh(c, a.refresh)).status, 200);
	assert.equal((await logIn(c, a.email, a.password)).status, 200);
});

test('a too short or too long new password is 422 naming new_password', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	for (const [pw, msg] of [['short', es.valid.too_short.replace('{min}', '8')],
	    [`Aa1-${'x'.repeat(125)}`, es.valid.too_long.replace('{max}', '128')]]) {
		const res = await c.api('POST', CHANGE, { token: a.access, json: {
			current_password: a.password, new_password: pw } });
		const doc = assertProblem(res, 422, CHANGE);
		assert.equal(doc.errors?.new_password, msg,
		    `new_password of ${pw.length} characters is named in errors: ${res.text}`);
	}
	assert.equal((await logIn(c, a.email, a.password)).status, 200, 'unchanged');
});

test('the password form changes it and keeps this browser signed in', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	assert.equal((await pageSignIn(c, a.email, a.password)).status, 303);
	const old = c.cookie('agora_sid');
	const form = await c.page('GET', '/password/change');
	assert.equal(form.status, 200);
	const wrong = await c.post('/password/change', { current_password: 'nope-nope-nope',
	    new_password: newPassword() });
	assert.equal(wrong.status, 422);
	assert.ok(decode(wrong.text).includes(es.valid.wrong_password));
	const fresh = newPassword();
	const res = await c.post('/password/change', { current_password: a.password,
	    new_password: fresh });
	assert.equal(res.status, 303, res.text.slice(0, 200));
	assert.equal(res.headers.location, '/users/me');
	assert.ok(c.cookie('agora_sid') && c.cookie('agora_sid') !== old, 'a new session');
	const page = await c.page('GET', '/users/me');
	assert.equal(page.status, 200);
	assert.ok(decode(page.text).includes(es.flash.password_changed));
	assertProblem(await refresh(c, a.refresh), 401, '/api/v1/auth/refresh');
	assert.equal((await logIn(c, a.email, fresh)).status, 200);
});

test('forgot password answers the same for known and unknown e-mails', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	const before = sql("SELECT COUNT(*) FROM outbox WHERE topic = 'mail.password_reset'")[0][0];
	const known = await c.api('POST', FORGOT, { json: { email: a.email.toUpperCase() } });
	const unknownEmail = uniqueEmail('nobody');
	const unknown = await c.api('POST', FORGOT, { json: { email: unknownEmail } });
	assert.equal(known.status, 200, known.text);
	assert.equal(unknown.status, known.status);
	assert.equal(unknown.text, known.text);
	assert.deepEqual(known.json(), { status: 'sent' });
	assert.equal(known.headers['content-type'], unknown.headers['content-type']);
	const after = sql("SELECT COUNT(*) FROM outbox WHERE topic = 'mail.password_reset'")[0][0];
	assert.equal(Number(after) - Number(before), 1, 'one mail, for the known address');
	const p = outboxFor('mail.password_reset', a.id);
	assert.equal(p.name, a.name);
	assert.equal(p.lang, 'es');
	assert.ok(!JSON.stringify(p).includes(unknownEmail));

	// The page says the same either way, too.
	const page = new Client(TAG);
	await page.page('GET', '/password/forgot');
	for (const email of [a.email, uniqueEmail('nobody')]) {
		const res = await page.post('/password/forgot', { email });
		assert.equal(res.status, 303, email);
		assert.equal(res.headers.location, '/login');
		const shown = await page.page('GET', '/login');
		assert.ok(decode(shown.text).includes(es.flash.reset_sent));
	}
	// A malformed address is the only thing it refuses.
	assertProblem(await c.api('POST', FORGOT, { json: { email: 'not-an-address' } }), 422, FORGOT);
});

test('the mailed reset link sets a new password once', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	assert.equal((await c.api('POST', FORGOT, { json: { email: a.email } })).status, 200);
	const token = resetToken(a.id);

	const fresh = newPassword();
	const res = await c.api('POST', RESET, { json: { token, password: fresh } });
	assert.equal(res.status, 204, res.text);
	assert.equal(res.body.length, 0);

	const again = await c.api('POST', RESET, { json: { token, password: newPassword() } });
	const doc = assertProblem(again, 422, RESET);
	assert.equal(doc.errors?.token, es.valid.token_expired);

	assert.equal((await logIn(c, a.email, fresh)).status, 200, 'the new password signs in');
	assertProblem(await logIn(c, a.email, a.password), 401, '/api/v1/auth/login');
	assertProblem(await refresh(c, a.refresh), 401, '/api/v1/auth/refresh');
	assert.ok(outboxFor('user.password_changed', a.id));
});

test('a weak password keeps the link alive; a newer reset kills older links', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	await c.api('POST', FORGOT, { json: { email: a.email } });
	const first = resetToken(a.id);
	const weak = await c.api('POST', RESET, { json: { token: first, password: '12345678' } });
	assert.equal(assertProblem(weak, 422, RESET).errors?.password, es.valid.password_common);

	await c.api('POST', FORGOT, { json: { email: a.email } });
	const second = resetToken(a.id);
	assert.notEqual(second, first);
	const fresh = newPassword();
	assert.equal((await c.api('POST', RESET, { json: { token: second, password: fresh } })).status, 204);
	const old = await c.api('POST', RESET, { json: { token: first, password: newPassword() } });
	assert.equal(assertProblem(old, 422, RESET).errors?.token, es.valid.token_expired);
	assert.equal((await logIn(c, a.email, fresh)).status, 200);
});

test('an unknown or missing reset token is 422', async () => {
	const c = new Client(TAG);
	let doc = assertProblem(await c.api('POST', RESET, { json: {
		token: crypto.randomBytes(32).toString('base64url'), password: newPassword() } }), 422, RESET);
	assert.equal(doc.errors?.token, es.valid.token_expired);
	doc = assertProblem(await c.api('POST', RESET, { json: { password: newPassword() } }), 422, RESET);
	assert.equal(doc.errors?.token, es.valid.required);
});

test('the reset page carries the token and sends the browser to sign in', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	await c.api('POST', FORGOT, { json: { email: a.email } });
	const token = resetToken(a.id);
	const browser = new Client(TAG);
	const form = await browser.page('GET', `/password/reset?token=${token}`);
	assert.equal(form.status, 200);
	assert.match(form.text, new RegExp(`name="token" value="${token}"`));
	const fresh = newPassword();
	const res = await browser.post('/password/reset', { token, password: fresh });
	assert.equal(res.status, 303, res.text.slice(0, 200));
	assert.equal(res.headers.location, '/login');
	const login = await browser.page('GET', '/login');
	assert.ok(decode(login.text).includes(es.flash.password_reset));
	const dead = await browser.post('/password/reset', { token, password: newPassword() });
	assert.equal(dead.status, 422);
	assert.ok(decode(dead.text).includes(es.valid.token_expired));
	assert.equal((await logIn(c, a.email, fresh)).status, 200);
});

test('DELETE /api/v1/users/me anonymises the account and ends it', async () => {
	const c = new Client(TAG);
	const a = await signUp(c, { role: 'ong' });
	const patched = await c.api('PATCH', '/api/v1/users/me', { token: a.access,
	    json: { phone: '+34 611 22 33 44', city: 'Lugo', bio: 'Algo' } });
	assert.equal(patched.status, 200);
	const res = await c.api('DELETE', '/api/v1/users/me', { token: a.access });
	assert.equal(res.status, 204, res.text);
	assert.equal(res.body.length, 0);

	assertProblem(await logIn(c, a.email, a.password), 401, '/api/v1/auth/login');
	assertProblem(await c.api('GET', `/api/v1/users/${a.id}`), 404, `/api/v1/users/${a.id}`);
	assertProblem(await refresh(c, a.refresh), 401, '/api/v1/auth/refresh');

	const [row] = sql('SELECT email, name, phone IS NULL, city IS NULL, bio IS NULL, ' +
	    `disabled, deleted_at IS NOT NULL, password_hash FROM users WHERE id = ${a.id}`);
	const [email, name, noPhone, noCity, noBio, disabled, deleted, hash] = row;
	assert.match(email, /^deleted-\d+@deleted\.invalid$/);
	assert.equal(name, es.user.deleted_name);
	assert.deepEqual([noPhone, noCity, noBio, disabled, deleted], ['1', '1', '1', '1', '1']);
	assert.ok(!hash.startsWith('$argon2'), 'no password hash is kept');
	assert.equal(sql(`SELECT COUNT(*) FROM organizations WHERE user_id = ${a.id}`)[0][0], '0');
	assert.equal(sql(`SELECT COUNT(*) FROM users WHERE email = ${q(a.email)}`)[0][0], '0');
	assert.ok(outboxFor('user.deleted', a.id));

	// The address is free again.
	const again = await signUp(c, { email: a.email });
	assert.notEqual(again.id, a.id);
});

test('deleting needs a session; the page asks for the password', async () => {
	const c = new Client(TAG);
	assertProblem(await c.api('DELETE', '/api/v1/users/me'), 401, '/api/v1/users/me');
	const a = await signUp(c);
	assert.equal((await pageSignIn(c, a.email, a.password)).status, 303);
	const wrong = await c.post('/users/me/delete', { password: 'not-my-password' });
	assert.equal(wrong.status, 422);
	assert.ok(decode(wrong.text).includes(es.valid.wrong_password));
	assert.equal((await c.send('/api/v1/users/me')).status, 200, 'still there');
	const nocsrf = await c.post('/users/me/delete', { password: a.password, _csrf: null });
	assert.equal(nocsrf.status, 403);
	const res = await c.post('/users/me/delete', { password: a.password });
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/');
	assert.equal(c.cookie('agora_sid'), undefined);
	const home = await c.page('GET', '/');
	assert.ok(decode(home.text).includes(es.flash.account_deleted));
	assertProblem(await logIn(c, a.email, a.password), 401, '/api/v1/auth/login');
});
