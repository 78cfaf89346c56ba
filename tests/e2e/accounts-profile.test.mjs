// Profiles through the API: one's own, the public view of another, and
// what an admin may do to other accounts (and not to their own).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { assertProblem, catalog, serial } from './lib.mjs';
import {
    ADMIN_EMAIL, Client, adminTokens, logIn, me, q, refresh, signUp, sql,
} from './accounts-lib.mjs';

await serial();
const TAG = 34;
const es = catalog('es');
const ME = '/api/v1/users/me';

const patchMe = (c, token, json) => c.api('PATCH', ME, { token, json });

test('PATCH /api/v1/users/me changes city, bio and phone', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	const res = await patchMe(c, a.access, { city: 'Málaga', bio: 'Voluntaria.\nLínea dos.',
	    phone: '+34 600 11 22 33' });
	assert.equal(res.status, 200, res.text);
	const doc = res.json();
	assert.equal(doc.city, 'Málaga');
	assert.equal(doc.bio, 'Voluntaria.\nLínea dos.');
	assert.equal(doc.phone, '+34 600 11 22 33');
	assert.equal(doc.email, a.email, 'the e-mail stays');
	assert.equal(doc.name, a.name, 'absent fields stay');

	const again = (await me(c, a.access)).json();
	assert.equal(again.city, 'Málaga');
	assert.equal(again.phone, '+34 600 11 22 33');

	// Only what is sent changes; an empty string clears.
	const some = await patchMe(c, a.access, { city: '', name: 'Otro Nombre' });
	assert.equal(some.status, 200, some.text);
	assert.equal(some.json().city, null);
	assert.equal(some.json().phone, '+34 600 11 22 33');
	assert.equal(some.json().bio, 'Voluntaria.\nLínea dos.');
	assert.equal(some.json().name, 'Otro Nombre');
});

test('PATCH /api/v1/users/me changes the language', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	const res = await patchMe(c, a.access, { lang: 'en' });
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().lang, 'en');
	const bad = await patchMe(c, a.access, { lang: 'fr' });
	const doc = assertProblem(bad, 422, ME);
	assert.ok(doc.errors?.lang, bad.text);
});

test('a bad phone is 422 and nothing changes', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	for (const phone of ['abc', '12', '+34 600 11 22 33 ext 4', '++34600112233',
	    '1'.repeat(21), '600-11-22-33<script>']) {
		const res = await patchMe(c, a.access, { phone, city: 'Huelva' });
		const doc = assertProblem(res, 422, ME);
		assert.equal(doc.errors?.phone, es.valid.bad_phone, `${phone}: ${res.text.slice(0, 200)}`);
	}
	const now = (await me(c, a.access)).json();
	assert.equal(now.phone, null);
	assert.equal(now.city, null, 'the valid field of a refused request is not saved');
});

test('an oversize field is 422; an empty name keeps the name', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	let doc = assertProblem(await patchMe(c, a.access, { name: 'n'.repeat(101) }), 422, ME);
	assert.equal(doc.errors?.name, es.valid.too_long.replace('{max}', '100'));
	doc = assertProblem(await patchMe(c, a.access, { bio: 'b'.repeat(2001) }), 422, ME);
	assert.ok(doc.errors?.bio);
	doc = assertProblem(await patchMe(c, a.access, { city: 'c'.repeat(101) }), 422, ME);
	assert.ok(doc.errors?.city);
	// An empty required field counts as absent (lib/req.c), so it stays.
	const blank = await patchMe(c, a.access, { name: '' });
	assert.equal(blank.status, 200, blank.text);
	assert.equal((await me(c, a.access)).json().name, a.name);
});

test('an ong\'s website must be http(s): javascript: is refused', async () => {
	const c = new Client(TAG);
	const a = await signUp(c, { role: 'ong', organization: 'Manos', tax_id: 'G11111111' });
	for (const website of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x',
	    'ftp://example.org', '//example.org', 'example.org', 'http://', 'https:///x',
	    'http://exa mple.org', 'https://example.org/"><script>']) {
		const res = await patchMe(c, a.access, { organization: 'Manos', tax_id: 'G11111111',
		    website });
		const doc = assertProblem(res, 422, ME);
		assert.ok(doc.errors?.website, `${website}: ${res.text.slice(0, 200)}`);
	}
	const ok = await patchMe(c, a.access, { organization: 'Manos', tax_id: 'G11111111',
	    website: 'https://manos.example.org/quienes' });
	assert.equal(ok.status, 200, ok.text);
	assert.equal(ok.json().organization?.website, 'https://manos.example.org/quienes');
	const pub = await c.api('GET', `/api/v1/users/${a.id}`);
	assert.equal(pub.json().website, 'https://manos.example.org/quienes');
	assert.equal(pub.json().organization, 'Manos');
});

test('an ong\'s website sent alone is saved (or refused), never dropped', async () => {
	const c = new Client(TAG);
	const a = await signUp(c, { role: 'ong', organization: 'Sola', tax_id: 'G22222222' });
	const res = await patchMe(c, a.access, { website: 'https://sola.example.org' });
	if (res.status === 422)
		return;		// asking for organization and tax_id too is fair
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().organization?.website, 'https://sola.example.org',
	    'PATCH {website} answered 200 but did not save the website');
});

test('PATCH with organization and tax_id keeps the absent website and description', async () => {
	const c = new Client(TAG);
	const a = await signUp(c, { role: 'ong', organization: 'Antes', tax_id: 'G33333333' });
	const first = await patchMe(c, a.access, { organization: 'Antes', tax_id: 'G33333333',
	    website: 'https://antes.example.org', description: 'Lo que hacemos.' });
	assert.equal(first.status, 200, first.text);
	const res = await patchMe(c, a.access, { organization: 'Después', tax_id: 'G33333333' });
	assert.equal(res.status, 200, res.text);
	const org = res.json().organization;
	assert.equal(org?.name, 'Después');
	assert.equal(org?.website, 'https://antes.example.org', 'absent fields stay (users.c)');
	assert.equal(org?.description, 'Lo que hacemos.', 'absent fields stay (users.c)');
});

test('the public profile has no e-mail or phone; unknown ids are 404', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	await patchMe(c, a.access, { phone: '600112233', city: 'Jaén', bio: 'Hola' });
	const res = await c.api('GET', `/api/v1/users/${a.id}`);
	assert.equal(res.status, 200, res.text);
	const doc = res.json();
	assert.equal(doc.id, a.id);
	assert.equal(doc.name, a.name);
	assert.equal(doc.role, 'externo');
	assert.equal(doc.city, 'Jaén');
	assert.equal(doc.bio, 'Hola');
	const all = JSON.stringify(doc);
	assert.ok(!all.includes(a.email), 'no e-mail anywhere in the document');
	assert.ok(!all.includes('600112233'), 'no phone anywhere in the document');
	for (const k of ['email', 'phone', 'password_hash', 'disabled', 'lang'])
		assert.equal(doc[k], undefined, k);
	// The same for the page.
	const page = await c.page('GET', `/users/${a.id}`);
	assert.equal(page.status, 200);
	assert.ok(!page.text.includes(a.email) && !page.text.includes('600112233'));

	for (const id of ['999999999', '0', '-1', 'abc', '1.5']) {
		const r = await c.api('GET', `/api/v1/users/${id}`);
		assert.equal(r.status, 404, `/api/v1/users/${id}: ${r.status}`);
	}
});

test('role escalation through PATCH /api/v1/users/me is ignored', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	const res = await patchMe(c, a.access, { role: 'admin', city: 'Toledo' });
	assert.ok(res.status === 200 || res.status === 422, `${res.status} ${res.text}`);
	assert.equal((await me(c, a.access)).json().role, 'externo');
	assert.equal(sql(`SELECT role FROM users WHERE id = ${a.id}`)[0][0], 'externo');
	const fresh = (await refresh(c, a.refresh)).json();
	assert.equal(fresh.user.role, 'externo');
	assertProblem(await c.api('GET', '/api/v1/users', { token: fresh.access_token }), 403,
	    '/api/v1/users');
	// The form field too.
	const seedRole = await patchMe(c, a.access, { rol: 'admin', disabled: false });
	assert.ok(seedRole.status < 500);
	assert.equal((await me(c, a.access)).json().role, 'externo');
});

test('a non-admin cannot change or list other accounts (403); anonymous 401', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	const b = await signUp(c, { role: 'profesional' });
	for (const body of [{ role: 'admin' }, { disabled: true }, { role: 'cliente' }]) {
		const res = await c.api('PATCH', `/api/v1/users/${b.id}`, { token: a.access, json: body });
		assertProblem(res, 403, `/api/v1/users/${b.id}`);
	}
	// Not even on oneself.
	assertProblem(await c.api('PATCH', `/api/v1/users/${a.id}`, { token: a.access,
	    json: { role: 'admin' } }), 403, `/api/v1/users/${a.id}`);
	assertProblem(await c.api('GET', '/api/v1/users', { token: a.access }), 403, '/api/v1/users');
	assertProblem(await c.api('GET', '/api/v1/users'), 401, '/api/v1/users');
	assertProblem(await c.api('PATCH', `/api/v1/users/${b.id}`, { json: { disabled: true } }),
	    401, `/api/v1/users/${b.id}`);
	assert.equal((await me(c, b.access)).json().role, 'profesional');
	assert.equal((await me(c, a.access)).json().role, 'externo');
});

test('the admin lists accounts by role and text', async () => {
	const c = new Client(TAG);
	const marker = `Marca${Date.now().toString(36)}`;
	const ong = await signUp(c, { role: 'ong', name: `ONG ${marker}` });
	const other = await signUp(c, { role: 'externo', name: `Persona ${marker}` });
	const admin = await adminTokens(c);
	assert.equal(admin.user.role, 'admin');

	let res = await c.api('GET', `/api/v1/users?role=ong&q=${marker}`, { token: admin.access });
	assert.equal(res.status, 200, res.text);
	let doc = res.json();
	assert.deepEqual(doc.items.map((u) => u.id), [ong.id]);
	assert.equal(doc.items[0].email, ong.email, 'the admin sees e-mails');
	assert.equal(doc.items[0].role, 'ong');
	assert.equal(doc.next, null);

	res = await c.api('GET', `/api/v1/users?q=${marker}`, { token: admin.access });
	doc = res.json();
	assert.deepEqual(doc.items.map((u) => u.id).sort(), [ong.id, other.id].sort());

	// By e-mail, too.
	res = await c.api('GET', `/api/v1/users?q=${encodeURIComponent(other.email)}`, { token: admin.access });
	assert.deepEqual(res.json().items.map((u) => u.id), [other.id]);

	// Every ong account and no one else.
	res = await c.api('GET', '/api/v1/users?role=ong&q=', { token: admin.access });
	assert.equal(res.status, 200);
	doc = res.json();
	assert.ok(doc.items.length >= 1);
	assert.ok(doc.items.every((u) => u.role === 'ong'), 'only ong accounts');
	assert.ok(doc.items.length <= 20, 'a page holds twenty');

	// LIKE's wildcards are literal.
	res = await c.api('GET', '/api/v1/users?q=%25', { token: admin.access });
	assert.ok(res.json().items.every((u) => u.name.includes('%') || u.email.includes('%')),
	    'q=% matches only a literal percent sign');

	// A role that does not exist is 422.
	assertProblem(await c.api('GET', '/api/v1/users?role=king', { token: admin.access }),
	    422, '/api/v1/users');
});

test('the admin disables an account: its tokens, session and sign-in end', async () => {
	const c = new Client(TAG);
	const a = await signUp(c);
	const admin = await adminTokens(c);
	const session = new Client(TAG);
	await session.page('GET', '/login');
	assert.equal((await session.post('/login', { email: a.email, password: a.password })).status, 303);
	assert.equal((await session.send('/api/v1/users/me')).status, 200);

	const res = await c.api('PATCH', `/api/v1/users/${a.id}`, { token: admin.access,
	    json: { disabled: true } });
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().id, a.id);

	assertProblem(await refresh(c, a.refresh), 401, '/api/v1/auth/refresh');
	const login = await logIn(c, a.email, a.password);
	const doc = assertProblem(login, 401, '/api/v1/auth/login');
	assert.equal(doc.detail, es.error_detail.bad_credentials, 'no hint that it exists');
	assert.equal((await session.send('/api/v1/users/me')).status, 401, 'the browser session ended');
	assertProblem(await c.api('GET', `/api/v1/users/${a.id}`), 404, `/api/v1/users/${a.id}`);
	const listed = await c.api('GET', `/api/v1/users?q=${encodeURIComponent(a.email)}`,
	    { token: admin.access });
	assert.equal(listed.json().items[0]?.disabled, true);

	// Enabled again, the account signs in.
	const back = await c.api('PATCH', `/api/v1/users/${a.id}`, { token: admin.access,
	    json: { disabled: false } });
	assert.equal(back.status, 200);
	assert.equal((await logIn(c, a.email, a.password)).status, 200);
});

test('the admin changes a role; bad values are 422; unknown ids 404', async () => {
	const c = new Client(TAG);
	const a = await signUp(c, { role: 'cliente' });
	const admin = await adminTokens(c);
	const res = await c.api('PATCH', `/api/v1/users/${a.id}`, { token: admin.access,
	    json: { role: 'profesional' } });
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().role, 'profesional');
	const after = (await logIn(c, a.email, a.password)).json();
	assert.equal(after.user.role, 'profesional');

	assertProblem(await c.api('PATCH', `/api/v1/users/${a.id}`, { token: admin.access,
	    json: { role: 'king' } }), 422, `/api/v1/users/${a.id}`);
	assertProblem(await c.api('PATCH', `/api/v1/users/${a.id}`, { token: admin.access,
	    json: { disabled: 'maybe' } }), 422, `/api/v1/users/${a.id}`);
	assertProblem(await c.api('PATCH', '/api/v1/users/999999999', { token: admin.access,
	    json: { disabled: true } }), 404, '/api/v1/users/999999999');
});

test('the admin cannot disable themselves or change their own role (409)', async () => {
	const c = new Client(TAG);
	const admin = await adminTokens(c);
	const id = admin.user.id;
	try {
		for (const body of [{ disabled: true }, { role: 'externo' }]) {
			const res = await c.api('PATCH', `/api/v1/users/${id}`, { token: admin.access, json: body });
			const doc = assertProblem(res, 409, `/api/v1/users/${id}`);
			assert.equal(doc.detail, es.error_detail.self_admin);
		}
		const row = sql(`SELECT role, disabled FROM users WHERE id = ${id}`)[0];
		assert.deepEqual(row, ['admin', '0']);
		assert.equal((await refresh(c, admin.refresh)).status, 200, 'still signed in');
	} finally {
		// Whatever happened, the demo admin stays as it was.
		sql(`UPDATE users SET role = 'admin', disabled = 0 WHERE email = ${q(ADMIN_EMAIL)}`);
	}
});
