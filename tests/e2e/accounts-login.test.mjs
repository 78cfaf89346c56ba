// Signing in through the API and the seed's routes: the token pair, the
// one answer for every bad credential, and the lock after repeated failures.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { assertProblem, catalog, serial, sleep } from './lib.mjs';
import {
    Client, claims, logIn, me, newPassword, signUp, uniqueEmail,
} from './accounts-lib.mjs';

await serial();
const TAG = 31;
const es = catalog('es');
const LOGIN = '/api/v1/auth/login';

test('API sign-in answers a token pair and the user, and no cookie', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	const res = await logIn(c, a.email, a.password);
	assert.equal(res.status, 200, res.text);
	assert.match(res.headers['content-type'], /^application\/json\b/);
	assert.equal(res.headers['set-cookie'], undefined);
	const doc = res.json();
	assert.equal(doc.token_type, 'bearer');
	assert.equal(doc.expires_in, 900);
	assert.notEqual(doc.refresh_token, a.refresh, 'a new refresh token');
	assert.deepEqual(doc.user, { id: a.id, email: a.email, name: a.name,
	    role: 'externo', lang: 'es' });
	assert.equal(claims(doc.access_token).sub, a.id);
	assert.equal((await me(c, doc.access_token)).json().id, a.id);
});

test('the seed: POST /auth/login with form username and password', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	const res = await c.api('POST', '/auth/login', { form: {
		username: a.email, password: a.password } });
	assert.equal(res.status, 200, res.text);
	const doc = res.json();
	assert.equal(doc.token_type, 'bearer');
	assert.equal(typeof doc.access_token, 'string');
	assert.equal(claims(doc.access_token).sub, a.id);

	const bad = await c.api('POST', '/auth/login', { form: {
		username: a.email, password: 'not-the-password' } });
	assertProblem(bad, 401, '/api/v1/auth/login');
});

test('the seed: POST /api/auth/login with JSON', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	const res = await c.api('POST', '/api/auth/login', { json: {
		email: a.email, password: a.password } });
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().token_type, 'bearer');
	assert.equal(res.json().user.id, a.id);
	const seedForm = await c.api('POST', '/api/auth/login', { json: {
		username: a.email, password: a.password } });
	assert.equal(seedForm.status, 200, `username in JSON: ${seedForm.text}`);
});

test('the seed: GET /users/me with a bearer token is JSON', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	for (const accept of [undefined, 'application/json', '*/*']) {
		const headers = accept ? { Accept: accept } : {};
		const res = await c.api('GET', '/users/me', { token: a.access, headers });
		assert.equal(res.status, 200, `${accept}: ${res.text.slice(0, 200)}`);
		assert.match(res.headers['content-type'], /^application\/json\b/, `Accept ${accept}`);
		const doc = res.json();
		assert.equal(doc.id, a.id);
		assert.equal(doc.email, a.email);
		assert.equal(doc.name, a.name);
		assert.equal(doc.role, 'externo');
		assert.equal(doc.lang, 'es');
	}
	const anon = await c.api('GET', '/users/me');
	assertProblem(anon, 401, '/api/v1/users/me');
});

test('a browser asking for /users/me signed out is sent to sign in', async () => {
	const c = new Client(TAG);
	const res = await c.page('GET', '/users/me');
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/login?next=%2Fusers%2Fme');
});

test('a wrong password and an unknown e-mail get the same 401', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	const wrong = await logIn(c, a.email, `${a.password}x`);
	const unknown = await logIn(c, uniqueEmail('nobody'), a.password);
	const dw = assertProblem(wrong, 401, LOGIN);
	const du = assertProblem(unknown, 401, LOGIN);
	assert.equal(dw.detail, es.error_detail.bad_credentials);
	assert.deepEqual(du, dw, 'the same document for both');
	assert.equal(wrong.headers['www-authenticate'], unknown.headers['www-authenticate']);
	assert.equal(dw.access_token, undefined);

	// Both run the password hash: neither answers in a fraction of the other's time.
	const ratio = unknown.ms / wrong.ms;
	assert.ok(ratio > 0.2 && ratio < 5, `unknown ${unknown.ms} ms, wrong ${wrong.ms} ms`);
});

test('sign-in without e-mail or password is 422', async () => {
	const c = new Client(TAG);
	let doc = assertProblem(await c.api('POST', LOGIN, { json: {} }), 422, LOGIN);
	assert.equal(doc.errors?.email, es.valid.required);
	assert.equal(doc.errors?.password, es.valid.required);
	doc = assertProblem(await c.api('POST', LOGIN, { json: { email: 'a@example.org' } }), 422, LOGIN);
	assert.deepEqual(Object.keys(doc.errors), ['password']);
});

test('failures lock the account: 429 with Retry-After, even for the right password', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	const other = new Client(TAG);
	const b = await signUp(other);

	// Delays start after five failures and double with each one more:
	// wait out any lock until there have been six.
	let locked = null;
	let failures = 0;
	for (let i = 0; i < 12 && failures < 6; i++) {
		const res = await logIn(c, a.email, 'Wrong-Password-1');
		if (res.status === 401) {
			failures++;
			continue;
		}
		const doc = assertProblem(res, 429, LOGIN);
		assert.equal(doc.detail, es.error_detail.login_locked);
		const wait = Number(res.headers['retry-after']);
		assert.ok(Number.isInteger(wait) && wait >= 1 && wait <= 900,
		    `Retry-After: ${res.headers['retry-after']}`);
		locked ??= failures;
		await sleep(wait * 1000 + 50);
	}
	assert.equal(failures, 6);

	// Locked for two seconds now: the right password is refused as well.
	const right = await logIn(c, a.email, a.password);
	const doc = assertProblem(right, 429, LOGIN);
	assert.equal(doc.detail, es.error_detail.login_locked);
	assert.equal(doc.access_token, undefined);
	const wait = Number(right.headers['retry-after']);
	assert.ok(wait >= 1 && wait <= 2, `Retry-After: ${right.headers['retry-after']}`);
	locked ??= failures;
	assert.ok(locked >= 5 && locked <= 6, `locked after ${locked} failures`);

	// It holds from another address too: it is the account's.
	const elsewhere = await logIn(other, a.email, a.password);
	assertProblem(elsewhere, 429, LOGIN);

	// Another account from another address is not affected.
	const ok = await logIn(other, b.email, b.password);
	assert.equal(ok.status, 200, ok.text);
});

test('a successful sign-in clears the failures of the account', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	for (let i = 0; i < 4; i++)
		assert.equal((await logIn(c, a.email, 'Wrong-Password-1')).status, 401);
	assert.equal((await logIn(c, a.email, a.password)).status, 200);
	// Four more failures would have locked it without the reset.
	for (let i = 0; i < 4; i++)
		assert.equal((await logIn(c, a.email, 'Wrong-Password-1')).status, 401,
		    `failure ${i + 1} after a success`);
	assert.equal((await logIn(c, a.email, a.password)).status, 200);
});

test('another account\'s password does not sign in', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	const b = await signUp(c, { password: newPassword() });
	const res = await logIn(c, a.email, b.password);
	assertProblem(res, 401, LOGIN);
});
