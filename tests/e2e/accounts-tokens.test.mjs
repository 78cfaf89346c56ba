// The app's tokens: refresh rotation, reuse detection, signing out with a
// refresh token, and access tokens that must count for nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';

import { assertProblem, catalog, serial } from './lib.mjs';
import {
    Client, accessClaims, b64url, claims, me, refresh, signJwt, signUp,
    tokens,
} from './accounts-lib.mjs';

await serial();
const TAG = 32;
const es = catalog('es');
const REFRESH = '/api/v1/auth/refresh';
const ME = '/api/v1/users/me';

/* The token counts for nothing: /api/v1/users/me is 401 with it. */
async function anonymous(c, token, what) {
	const res = await c.api('GET', ME, { token });
	assert.equal(res.status, 401, `${what}: ${res.status} ${res.text.slice(0, 200)}`);
	assertProblem(res, 401, ME);
}

test('refresh answers a new pair; the old refresh token stops working', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	const res = await refresh(c, a.refresh);
	assert.equal(res.status, 200, res.text);
	const doc = res.json();
	assert.equal(doc.token_type, 'bearer');
	assert.equal(doc.expires_in, 900);
	assert.notEqual(doc.refresh_token, a.refresh);
	assert.equal(claims(doc.access_token).sub, a.id);
	assert.equal(doc.user?.id, a.id);
	assert.equal(doc.user?.email, a.email);
	assert.equal((await me(c, doc.access_token)).status, 200);

	const again = await refresh(c, a.refresh);
	assertProblem(again, 401, REFRESH);
	assert.equal(again.json().access_token, undefined);
});

test('a reused refresh token revokes its whole family, not other sign-ins', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	const other = await tokens(c, a.email, a.password);	// a second family

	const r2 = (await refresh(c, a.refresh)).json().refresh_token;
	const r3res = await refresh(c, r2);
	assert.equal(r3res.status, 200, r3res.text);
	const r3 = r3res.json().refresh_token;

	// Someone replays r2: the family ends.
	const reuse = await refresh(c, r2);
	const doc = assertProblem(reuse, 401, REFRESH);
	assert.equal(doc.detail, es.error_detail.token_reused);

	// The newest token of the family fails afterwards.
	assertProblem(await refresh(c, r3), 401, REFRESH);
	// The first token, spent long ago, too.
	assertProblem(await refresh(c, a.refresh), 401, REFRESH);

	// The other sign-in's family lives on.
	const fine = await refresh(c, other.refresh);
	assert.equal(fine.status, 200, fine.text);
});

test('an unknown refresh token is 401; a missing one 422', async () => {
	const c = new Client(TAG);
	const doc = assertProblem(await refresh(c, crypto.randomBytes(32).toString('base64url')),
	    401, REFRESH);
	assert.equal(doc.detail, es.error_detail.token_invalid);
	assertProblem(await c.api('POST', REFRESH, { json: {} }), 422, REFRESH);
	assertProblem(await refresh(c, 'x'.repeat(300)), 422, REFRESH);
});

test('an access token is not a refresh token, nor the other way round', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	assertProblem(await refresh(c, a.access), a.access.length > 200 ? 422 : 401, REFRESH);
	await anonymous(c, a.refresh, 'refresh token as bearer');
	// Neither spent the real refresh token.
	assert.equal((await refresh(c, a.refresh)).status, 200);
});

test('sign-out with a refresh token is 204 and ends that token', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	const other = await tokens(c, a.email, a.password);
	const res = await c.api('POST', '/api/v1/auth/logout', { json: { refresh_token: a.refresh } });
	assert.equal(res.status, 204, res.text);
	assert.equal(res.body.length, 0);
	const doc = assertProblem(await refresh(c, a.refresh), 401, REFRESH);
	assert.ok(doc.detail === es.error_detail.token_invalid ||
	    doc.detail === es.error_detail.token_reused, doc.detail);
	// Only that family: the other sign-in still refreshes.
	assert.equal((await refresh(c, other.refresh)).status, 200);
});

test('sign-out through the seed route, and with an unknown token, is 204', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	const res = await c.api('POST', '/auth/logout', { json: { refresh_token: a.refresh } });
	assert.equal(res.status, 204, res.text);
	assertProblem(await refresh(c, a.refresh), 401, REFRESH);
	const unknown = await c.api('POST', '/api/v1/auth/logout',
	    { json: { refresh_token: crypto.randomBytes(32).toString('base64url') } });
	assert.equal(unknown.status, 204);
});

test('a tampered access token is anonymous', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	const [h, p, s] = a.access.split('.');
	// One character of the payload flipped.
	const i = Math.floor(p.length / 2);
	const flipped = p.slice(0, i) + (p[i] === 'A' ? 'B' : 'A') + p.slice(i + 1);
	await anonymous(c, `${h}.${flipped}.${s}`, 'flipped payload');
	// The role raised to admin with the real signature.
	const raised = b64url({ ...claims(a.access), role: 'admin' });
	await anonymous(c, `${h}.${raised}.${s}`, 'role raised');
	const list = await c.api('GET', '/api/v1/users', { token: `${h}.${raised}.${s}` });
	assertProblem(list, 401, '/api/v1/users');
	// Another user's id under the real signature.
	await anonymous(c, `${h}.${b64url({ ...claims(a.access), sub: 1 })}.${s}`, 'sub changed');
	// The signature altered or cut.
	const sig = s.slice(0, -2) + (s.endsWith('AA') ? 'BB' : 'AA');
	await anonymous(c, `${h}.${p}.${sig}`, 'signature altered');
	await anonymous(c, `${h}.${p}.`, 'no signature');
	await anonymous(c, `${h}.${p}`, 'two parts');
	// The untouched token still works: the failures were the changes.
	assert.equal((await me(c, a.access)).status, 200);
});

test('a token signed with another key is anonymous', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	const key = crypto.randomBytes(48);
	await anonymous(c, signJwt(accessClaims(a.id, 'externo'), key), 'random key');
	await anonymous(c, signJwt(accessClaims(1, 'admin'), key), 'random key, admin');
	await anonymous(c, signJwt(accessClaims(a.id, 'externo'), ''), 'empty key');
	await anonymous(c, signJwt(accessClaims(a.id, 'externo'), 'secret'), '"secret"');
	const list = await c.api('GET', '/api/v1/users', { token: signJwt(accessClaims(1, 'admin'), key) });
	assertProblem(list, 401, '/api/v1/users');
});

test('alg none and other algorithms are refused', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	const body = b64url(accessClaims(a.id, 'admin'));
	for (const alg of ['none', 'None', 'NONE', '']) {
		const head = b64url({ alg, typ: 'JWT' });
		await anonymous(c, `${head}.${body}.`, `alg ${alg}`);
		await anonymous(c, `${head}.${body}`, `alg ${alg}, two parts`);
	}
	// HS256 in the header but the signature of another algorithm.
	const head = b64url({ alg: 'HS512', typ: 'JWT' });
	const sig = crypto.createHmac('sha512', 'k').update(`${head}.${body}`).digest('base64url');
	await anonymous(c, `${head}.${body}.${sig}`, 'HS512');
	// A header without alg.
	await anonymous(c, `${b64url({ typ: 'JWT' })}.${body}.${a.access.split('.')[2]}`, 'no alg');
});

test('an expired token is anonymous', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	const now = Math.floor(Date.now() / 1000);
	const past = { ...claims(a.access), iat: now - 3600, exp: now - 1800 };
	// Without the server's key: a real header and signature over a past exp,
	// and past claims under another key.
	const [h, , s] = a.access.split('.');
	await anonymous(c, `${h}.${b64url(past)}.${s}`, 'past exp, real signature');
	await anonymous(c, signJwt(past, crypto.randomBytes(32)), 'past exp, other key');
	await anonymous(c, signJwt({ ...past, exp: 0 }, crypto.randomBytes(32)), 'exp 0');
	await anonymous(c, signJwt({ ...past, exp: undefined }, crypto.randomBytes(32)), 'no exp');
});

test('garbage in Authorization is anonymous, never a 500', async () => {
	const c = new Client(TAG);
	const bad = ['garbage', 'a.b.c', '...', '.', 'eyJ.eyJ.eyJ', 'Bearer',
	    '%00', '\u00e9\u00e9.\u00e9.\u00e9', 'x'.repeat(4000),
	    `${'eyJ'.repeat(500)}.${'eyJ'.repeat(500)}.${'A'.repeat(43)}`,
	    `${b64url('not json')}.${b64url('also not')}.AAAA`,
	    `${b64url([1, 2])}.${b64url({ sub: 1 })}.AAAA`];
	for (const token of bad) {
		const res = await c.api('GET', ME, { headers: {
			Authorization: `Bearer ${token}` } });
		assert.equal(res.status, 401,
		    `${token.slice(0, 40)}: ${res.status} ${res.text.slice(0, 120)}`);
	}
	for (const header of ['Bearer', 'Bearer ', 'Basic YTpi', 'bearer', 'Token abc']) {
		const res = await c.api('GET', ME, { headers: { Authorization: header } });
		assertProblem(res, 401, ME);
	}
});

test('the scheme name is case-insensitive', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	const res = await c.api('GET', ME, { headers: { Authorization: `bearer ${a.access}` } });
	assert.equal(res.status, 200, res.text);
});
