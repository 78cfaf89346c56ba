// Signing up through the API and the seed's route: the account and token
// pair on success, and every way a sign-up is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { assertProblem, catalog, serial } from './lib.mjs';
import {
    Client, claims, logIn, me, newPassword, q, signUp, sql, uniqueEmail,
} from './accounts-lib.mjs';

await serial();
const TAG = 30;
const es = catalog('es');
const REGISTER = '/api/v1/auth/register';

/* A valid sign-up body with some fields replaced or removed (undefined). */
function body(over = {}) {
	const b = { email: uniqueEmail('reg'), password: newPassword(),
	    name: 'Ana Prueba', role: 'externo', ...over };
	for (const k of Object.keys(b))
		if (b[k] === undefined)
			delete b[k];
	return b;
}

/* No account was created for this address. */
function noAccount(email) {
	const rows = sql(`SELECT COUNT(*) FROM users WHERE email = ${q(email.toLowerCase())}`);
	assert.equal(rows[0][0], '0', `no account for ${email}`);
}

test('sign-up answers 201 with the user, a token pair and Location', async () => {
	const c = new Client(TAG);
	const b = body({ name: 'Ana Núñez' });
	const res = await c.api('POST', REGISTER, { json: b });
	assert.equal(res.status, 201, res.text);
	assert.match(res.headers['content-type'], /^application\/json\b/);
	assert.equal(res.headers.location, '/api/v1/users/me');
	assert.equal(res.headers['set-cookie'], undefined, 'the API sets no cookies');
	const doc = res.json();
	assert.equal(doc.token_type, 'bearer');
	assert.equal(doc.expires_in, 900);
	assert.match(doc.access_token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
	assert.match(doc.refresh_token, /^[\w-]{32,}$/);
	assert.equal(typeof doc.user.id, 'number');
	assert.deepEqual(doc.user, { id: doc.user.id, email: b.email,
	    name: 'Ana Núñez', role: 'externo', lang: 'es' });
	const cl = claims(doc.access_token);
	assert.equal(cl.sub, doc.user.id);
	assert.equal(cl.role, 'externo');
	assert.equal(cl.typ, 'access');
	assert.equal(cl.name, 'Ana Núñez');
	assert.ok(cl.exp - cl.iat === 900, `exp - iat = ${cl.exp - cl.iat}`);

	const mine = await me(c, doc.access_token);
	assert.equal(mine.status, 200, mine.text);
	assert.equal(mine.json().email, b.email);
	assert.equal(mine.json().id, doc.user.id);
	assert.equal(mine.json().role, 'externo');
});

test('a taken e-mail is 409 with errors.email, in any letter case', async () => {
	const c = new Client(TAG);
	const first = body();
	const a = await signUp(c, first);
	for (const email of [a.email, a.email.toUpperCase()]) {
		const res = await c.api('POST', REGISTER, { json: body({ email }) });
		const doc = assertProblem(res, 409, REGISTER);
		assert.equal(doc.errors?.email, es.valid.email_taken, `${email}: ${res.text}`);
		assert.equal(doc.access_token, undefined);
	}
	assert.equal(sql(`SELECT COUNT(*) FROM users WHERE email = ${q(a.email)}`)[0][0], '1');
});

test('the e-mail is stored in lower case and signs in in any case', async () => {
	const c = new Client(TAG);
	const mixed = uniqueEmail('MiXeD').replace('example.org', 'Example.ORG');
	const a = await signUp(c, { email: mixed });
	assert.equal(a.user.email, mixed.toLowerCase());
	const res = await logIn(c, mixed.toUpperCase(), a.password);
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().user.id, a.id);
});

test('a common password is refused (422), whatever its case', async () => {
	const c = new Client(TAG);
	for (const password of ['password123', 'PassWord123', '12345678', 'contraseña']) {
		const b = body({ password });
		const res = await c.api('POST', REGISTER, { json: b });
		const doc = assertProblem(res, 422, REGISTER);
		assert.equal(doc.errors?.password, es.valid.password_common, `${password}: ${res.text}`);
		assert.equal(doc.access_token, undefined);
		noAccount(b.email);
	}
});

test('a short or overlong password is refused (422)', async () => {
	const c = new Client(TAG);
	const short = body({ password: 'Ab-3xyz' });
	let doc = assertProblem(await c.api('POST', REGISTER, { json: short }), 422, REGISTER);
	assert.equal(doc.errors?.password, es.valid.too_short.replace('{min}', '8'));
	noAccount(short.email);

	// Eight characters but fewer bytes would not do: characters count.
	const accented = body({ password: 'ñáéíóú1' });
	doc = assertProblem(await c.api('POST', REGISTER, { json: accented }), 422, REGISTER);
	assert.ok(doc.errors?.password, 'seven characters in fourteen bytes are too few');

	const long = body({ password: `Aa1-${'x'.repeat(125)}` });
	doc = assertProblem(await c.api('POST', REGISTER, { json: long }), 422, REGISTER);
	assert.equal(doc.errors?.password, es.valid.too_long.replace('{max}', '128'));
	noAccount(long.email);
});

test('missing fields are 422 with an error for each', async () => {
	const c = new Client(TAG);
	let doc = assertProblem(await c.api('POST', REGISTER, { json: {} }), 422, REGISTER);
	for (const f of ['email', 'password', 'name', 'role'])
		assert.equal(doc.errors?.[f], es.valid.required, `errors.${f} in ${JSON.stringify(doc.errors)}`);

	const b = body({ name: undefined, role: undefined });
	doc = assertProblem(await c.api('POST', REGISTER, { json: b }), 422, REGISTER);
	assert.deepEqual(Object.keys(doc.errors).sort(), ['name', 'role']);
	noAccount(b.email);

	// An empty string is as good as absent.
	const blank = body({ name: '' });
	doc = assertProblem(await c.api('POST', REGISTER, { json: blank }), 422, REGISTER);
	assert.equal(doc.errors?.name, es.valid.required);
	noAccount(blank.email);
});

test('a malformed e-mail is 422 with errors.email', async () => {
	const c = new Client(TAG);
	for (const email of ['no-at-sign.example.org', 'a@b', 'a@@b.org', 'a b@c.org', '@example.org']) {
		const res = await c.api('POST', REGISTER, { json: body({ email }) });
		const doc = assertProblem(res, 422, REGISTER);
		assert.equal(doc.errors?.email, es.valid.bad_email, `${email}: ${res.text}`);
	}
});

test('an ong or empresa needs organization and tax_id (422)', async () => {
	const c = new Client(TAG);
	for (const role of ['ong', 'empresa']) {
		const b = body({ role });
		const doc = assertProblem(await c.api('POST', REGISTER, { json: b }), 422, REGISTER);
		assert.equal(doc.errors?.organization, es.valid.required, `${role}: ${JSON.stringify(doc.errors)}`);
		assert.equal(doc.errors?.tax_id, es.valid.required);
		noAccount(b.email);
	}
	const half = body({ role: 'ong', organization: 'Manos' });
	const doc = assertProblem(await c.api('POST', REGISTER, { json: half }), 422, REGISTER);
	assert.deepEqual(Object.keys(doc.errors), ['tax_id']);
	noAccount(half.email);
});

test('an ong with organization and tax_id signs up and owns it', async () => {
	const c = new Client(TAG);
	const a = await signUp(c, { role: 'ong', organization: 'Asociación Río', tax_id: 'G12345678' });
	assert.equal(a.user.role, 'ong');
	const doc = (await me(c, a.access)).json();
	assert.equal(doc.organization?.name, 'Asociación Río');
	assert.equal(doc.organization?.tax_id, 'G12345678');
	assert.equal(doc.is_org, true);
});

test('admin is not a role anyone can sign up with (422)', async () => {
	const c = new Client(TAG);
	for (const over of [{ role: 'admin' }, { rol: 'admin', role: undefined },
	    { role: 'superuser' }]) {
		const b = body(over);
		const res = await c.api('POST', REGISTER, { json: b });
		const doc = assertProblem(res, 422, REGISTER);
		const err = doc.errors?.role ?? doc.errors?.rol;
		assert.equal(err, es.valid.not_in_list, `${JSON.stringify(over)}: ${res.text}`);
		assert.equal(doc.access_token, undefined);
		noAccount(b.email);
	}
});

test('an oversize name is 422; control characters too', async () => {
	const c = new Client(TAG);
	const b = body({ name: 'N'.repeat(101) });
	const doc = assertProblem(await c.api('POST', REGISTER, { json: b }), 422, REGISTER);
	assert.equal(doc.errors?.name, es.valid.too_long.replace('{max}', '100'));
	noAccount(b.email);
	const ctl = body({ name: 'Ana\u0007Bell' });
	const d2 = assertProblem(await c.api('POST', REGISTER, { json: ctl }), 422, REGISTER);
	assert.ok(d2.errors?.name, `errors.name for a BEL: ${JSON.stringify(d2.errors)}`);
	noAccount(ctl.email);
});

test('a field of the wrong JSON type is 422', async () => {
	const c = new Client(TAG);
	const b = body({ name: ['Ana'] });
	const doc = assertProblem(await c.api('POST', REGISTER, { json: b }), 422, REGISTER);
	assert.equal(doc.errors?.name, es.valid.wrong_type);
	noAccount(b.email);
});

test('malformed JSON is 400', async () => {
	const c = new Client(TAG);
	for (const raw of ['{"email": "a@b.org",', '[]', '"x"', '{"email":"a@b.org","email":"c@d.org"}']) {
		const res = await c.api('POST', REGISTER, { body: raw, type: 'application/json' });
		const doc = assertProblem(res, 400, REGISTER);
		assert.equal(doc.detail, es.valid.bad_json, raw);
	}
});

test('invalid UTF-8 is 400, in JSON and in a form', async () => {
	const c = new Client(TAG);
	const email = uniqueEmail('utf');
	const json = Buffer.concat([Buffer.from(`{"email":"${email}","password":"`),
	    Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(`x-Long-Pass-1","name":"Ana","role":"externo"}`)]);
	assertProblem(await c.api('POST', REGISTER, { body: json, type: 'application/json' }), 400, REGISTER);
	const formBody = Buffer.from(`email=${encodeURIComponent(email)}&password=Long-Pass-1&` +
	    'name=%C3%28%FF&role=externo');
	const doc = assertProblem(await c.api('POST', REGISTER,
	    { body: formBody, type: 'application/x-www-form-urlencoded' }), 400, REGISTER);
	assert.equal(doc.detail, es.valid.bad_utf8);
	noAccount(email);
});

test('a body of another content type is 415', async () => {
	const c = new Client(TAG);
	const b = body();
	for (const type of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x']) {
		const res = await c.api('POST', REGISTER, { body: JSON.stringify(b), type });
		assertProblem(res, 415, REGISTER);
	}
	const none = await c.api('POST', REGISTER, { body: JSON.stringify(b) });
	assertProblem(none, 415, REGISTER);
	noAccount(b.email);
});

test('GET on the API sign-up is 405', async () => {
	const c = new Client(TAG);
	const res = await c.api('GET', REGISTER);
	assertProblem(res, 405, REGISTER);
	assert.match(res.headers.allow ?? '', /POST/);
});

test('the seed: POST /auth/register with nombre, apellido and rol', async () => {
	const c = new Client(TAG);
	const email = uniqueEmail('seed');
	const password = newPassword();
	const res = await c.api('POST', '/auth/register', { json: {
		email, password, nombre: 'Lucía', apellido: 'Pérez Gil', rol: 'cliente' } });
	assert.equal(res.status, 201, res.text);
	const doc = res.json();
	assert.equal(doc.token_type, 'bearer');
	assert.ok(doc.access_token && doc.refresh_token);
	assert.deepEqual(doc.user, { id: doc.user.id, email, name: 'Lucía Pérez Gil',
	    role: 'cliente', lang: 'es' });

	// Without apellido the name is the nombre alone.
	const solo = await c.api('POST', '/auth/register', { json: {
		email: uniqueEmail('seed'), password, nombre: 'Marta', rol: 'externo' } });
	assert.equal(solo.status, 201, solo.text);
	assert.equal(solo.json().user.name, 'Marta');
});

test('the seed: rol admin and a missing nombre are refused', async () => {
	const c = new Client(TAG);
	const b = { email: uniqueEmail('seed'), password: newPassword(), nombre: 'X', rol: 'admin' };
	let res = await c.api('POST', '/auth/register', { json: b });
	let doc = assertProblem(res, 422, '/api/v1/auth/register');
	assert.equal(doc.errors?.rol, es.valid.not_in_list, res.text);
	res = await c.api('POST', '/auth/register', { json: { ...b, nombre: undefined, rol: 'cliente' } });
	doc = assertProblem(res, 422, '/api/v1/auth/register');
	assert.ok(doc.errors?.name || doc.errors?.nombre, res.text);
	noAccount(b.email);
});
