// The catalog program through the JSON API: public reads and their shape,
// languages, places near a point, and what admins may change (create,
// rename, reorder, retire, restore) with the 401/403/404/409/422 answers
// around it.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';

import {
    assertProblem, request, runPath, serial, sleep, sourceAddr, sql,
} from './lib.mjs';

await serial();
// Each test sends from its own address: nginx limits requests per address.
let from = sourceAddr(80);
beforeEach(() => {
	from = sourceAddr(80);
});
const PASSWORD = 'Demo-Agora-2026';
const AUTH_GAP = Math.ceil(60000 / Number(process.env.AUTH_RATE || 600)) + 15;
const CATALOGS = ['event-types', 'megaevent-categories', 'cities', 'places',
    'participation-states', 'notification-types'];

/* A JSON call: opts.token (bearer), opts.json (body), opts.lang. */
async function call(method, path, opts = {}) {
	const headers = {};
	let body;
	if (opts.json !== undefined) {
		body = JSON.stringify(opts.json);
		headers['Content-Type'] = 'application/json';
	}
	if (opts.token)
		headers.Authorization = `Bearer ${opts.token}`;
	if (opts.lang)
		headers['Accept-Language'] = opts.lang;
	Object.assign(headers, opts.headers ?? {});
	return request(path, { from, method, headers, body, timeout: 10000 });
}

let lastAuth = 0;
/* An access token for a demo account (sign-in requests paced). */
async function token(email) {
	const wait = lastAuth + AUTH_GAP - performance.now();
	if (wait > 0)
		await sleep(wait);
	lastAuth = performance.now();
	const res = await call('POST', '/api/v1/auth/login',
	    { json: { email, password: PASSWORD } });
	assert.equal(res.status, 200, `sign-in ${email}: ${res.text}`);
	return res.json().access_token;
}


/* A name nobody has used. */
function fresh(tag) {
	return `${tag} ${crypto.randomBytes(4).toString('hex')}`;
}

const tokens = {};
async function admin() {
	tokens.admin ??= await token('admin@agora.test');
	return tokens.admin;
}
async function ong() {
	tokens.ong ??= await token('ong@agora.test');
	return tokens.ong;
}

/* Creates an entry as admin and returns its JSON. */
async function create(catalog, json) {
	const res = await call('POST', `/api/v1/catalog/${catalog}`,
	    { token: await admin(), json });
	assert.equal(res.status, 201, res.text);
	return res.json();
}

/* The ids of a catalog's public list, in order. */
async function ids(catalog, query = '', tok) {
	const res = await call('GET', `/api/v1/catalog/${catalog}${query}`, { token: tok });
	assert.equal(res.status, 200, res.text);
	return res.json().items.map((i) => i.id);
}

/* The newest catalog.changed payload for an entry, or null. */
function changed(catalog, id) {
	const rows = sql('SELECT payload FROM outbox WHERE topic = ' +
	    `'catalog.changed' AND JSON_VALUE(payload, '$.catalog') = '${catalog}' ` +
	    `AND JSON_VALUE(payload, '$.id') = ${Number(id)} ORDER BY id DESC LIMIT 1`);
	return rows.length ? JSON.parse(rows[0][0]) : null;
}

// ------------------------------------------------------------ public reads

test('every catalog is public: {items, next} ordered by position', async () => {
	for (const name of CATALOGS) {
		const res = await call('GET', `/api/v1/catalog/${name}`);
		assert.equal(res.status, 200, `${name}: ${res.text}`);
		assert.match(res.headers['content-type'], /^application\/json\b/);
		const doc = res.json();
		assert.ok(Array.isArray(doc.items), name);
		assert.ok(doc.items.length > 0, `${name} has demo entries`);
		assert.equal(doc.next, null);
		let prev = -Infinity;
		for (const item of doc.items) {
			assert.equal(typeof item.id, 'number', name);
			assert.equal(typeof item.name, 'string', name);
			assert.ok(item.position >= prev, `${name} ordered by position`);
			prev = item.position;
			assert.equal(item.name_en, undefined, 'raw names only for admins');
			assert.equal(item.retired_at, undefined);
		}
	}
});

test('fixed-code catalogs carry their codes', async () => {
	const states = (await call('GET', '/api/v1/catalog/participation-states')).json();
	const codes = states.items.map((i) => i.code).sort();
	assert.deepEqual(codes, ['approved', 'cancelled', 'pending', 'rejected', 'waitlisted']);
	const types = (await call('GET', '/api/v1/catalog/notification-types')).json();
	assert.ok(types.items.some((i) => i.code === 'enrolment_approved'));
});

test('names follow the language; admins also get name_es and name_en', async () => {
	const es = (await call('GET', '/api/v1/catalog/cities')).json();
	const en = (await call('GET', '/api/v1/catalog/cities?lang=en')).json();
	const sevillaEs = es.items.find((i) => i.name === 'Sevilla');
	const sevillaEn = en.items.find((i) => i.id === sevillaEs.id);
	assert.equal(sevillaEn.name, 'Seville');
	const viaHeader = (await call('GET', '/api/v1/catalog/cities', { lang: 'en' })).json();
	assert.equal(viaHeader.items.find((i) => i.id === sevillaEs.id).name, 'Seville');

	const adm = (await call('GET', '/api/v1/catalog/cities?lang=en',
	    { token: await admin() })).json();
	const row = adm.items.find((i) => i.id === sevillaEs.id);
	assert.equal(row.name, 'Seville');
	assert.equal(row.name_es, 'Sevilla');
	assert.equal(row.name_en, 'Seville');
	assert.equal(row.retired_at, null);
});

test('an entry without an English name keeps its Spanish one in English', async () => {
	const e = await create('event-types', { name: fresh('Sin inglés') });
	const en = (await call('GET', `/api/v1/catalog/event-types/${e.id}?lang=en`)).json();
	assert.equal(en.name, e.name);
});

test('places carry city, address and coordinates; ?city_id filters', async () => {
	const doc = (await call('GET', '/api/v1/catalog/places')).json();
	for (const p of doc.items) {
		assert.equal(typeof p.city_id, 'number');
		assert.equal(typeof p.city_name, 'string');
		assert.equal(typeof p.address, 'string');
		assert.equal(typeof p.lat, 'number');
		assert.equal(typeof p.lng, 'number');
		assert.ok(p.lat >= -90 && p.lat <= 90);
		assert.ok(p.lng >= -180 && p.lng <= 180);
	}
	const madrid = doc.items.find((p) => p.city_name === 'Madrid').city_id;
	const only = (await call('GET', `/api/v1/catalog/places?city_id=${madrid}`)).json();
	assert.ok(only.items.length >= 2);
	assert.ok(only.items.every((p) => p.city_id === madrid));
	assert.ok(only.items.length < doc.items.length);
});

test('near=lat,lng&km= finds places within the distance, nearest first', async () => {
	// Puerta del Sol, Madrid: the two demo places in Madrid are 1-2 km away.
	const res = await call('GET', '/api/v1/catalog/places?near=40.4168,-3.7038&km=5');
	assert.equal(res.status, 200, res.text);
	const items = res.json().items;
	assert.ok(items.length >= 2, res.text);
	assert.ok(items.every((p) => p.city_name === 'Madrid'), 'Barcelona is far away');
	for (let i = 0; i < items.length; i++) {
		assert.equal(typeof items[i].distance_km, 'number');
		assert.ok(items[i].distance_km <= 5);
		if (i > 0)
			assert.ok(items[i].distance_km >= items[i - 1].distance_km, 'nearest first');
	}
	const conde = items.find((p) => p.name === 'Centro Cultural Conde Duque');
	assert.ok(conde.distance_km > 1 && conde.distance_km < 1.6, `${conde.distance_km} km`);

	const tight = (await call('GET', '/api/v1/catalog/places?near=40.4168,-3.7038&km=0.5')).json();
	assert.equal(tight.items.length, 0, 'nothing within 500 m');
	const wide = (await call('GET', '/api/v1/catalog/places?near=40.4168,-3.7038&km=700')).json();
	assert.ok(wide.items.some((p) => p.city_name === 'Barcelona'), 'Barcelona is ~500 km away');
	assert.ok(wide.items.some((p) => p.city_name === 'Sevilla'));
});

test('near without km searches 10 km; a bad point or distance is 422', async () => {
	const def = (await call('GET', '/api/v1/catalog/places?near=41.3874,2.1686')).json();
	assert.ok(def.items.some((p) => p.name === 'Centre Cívic Sagrada Família'));
	assert.ok(def.items.every((p) => p.distance_km <= 10));
	for (const q of ['near=91,0', 'near=40', 'near=abc,def', 'near=40,-181',
	    'near=40,3&km=-1', 'near=40,3&km=99999', 'near=40,3&km=x']) {
		const res = await call('GET', `/api/v1/catalog/places?${q}`);
		const doc = assertProblem(res, 422);
		assert.ok(doc.errors && (doc.errors.near || doc.errors.km), `${q}: ${res.text}`);
	}
});

test('a place moved by an admin is found at its new point', async () => {
	const cities = (await call('GET', '/api/v1/catalog/cities')).json().items;
	const bilbao = cities.find((c) => c.name === 'Bilbao').id;
	const p = await create('places', { name: fresh('Plaza'), city_id: bilbao,
	    address: 'Plaza Moyúa, Bilbao', lat: 43.2630, lng: -2.9350 });
	let near = (await call('GET', '/api/v1/catalog/places?near=43.263,-2.935&km=1')).json();
	assert.ok(near.items.some((i) => i.id === p.id));
	const res = await call('PATCH', `/api/v1/catalog/places/${p.id}`,
	    { token: await admin(), json: { lat: 28.1235, lng: -15.4363 } });
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().lat, 28.1235);
	near = (await call('GET', '/api/v1/catalog/places?near=43.263,-2.935&km=1')).json();
	assert.ok(!near.items.some((i) => i.id === p.id), 'gone from its old point');
	near = (await call('GET', '/api/v1/catalog/places?near=28.1235,-15.4363&km=1')).json();
	assert.ok(near.items.some((i) => i.id === p.id), 'the location column moved too');
});

test('a place events are held at keeps its city', async () => {
	const cities = (await call('GET', '/api/v1/catalog/cities')).json().items;
	const bilbao = cities.find((c) => c.name === 'Bilbao').id;
	const madrid = cities.find((c) => c.name === 'Madrid').id;
	const p = await create('places', { name: fresh('Frontón'), city_id: bilbao,
	    address: 'Calle 1, Bilbao', lat: 43.26, lng: -2.93 });
	const token = await admin();
	// Unused, it may move; then an event is held there, and it may not.
	let res = await call('PATCH', `/api/v1/catalog/places/${p.id}`,
	    { token, json: { city_id: madrid } });
	assert.equal(res.status, 200, res.text);
	sql(`INSERT INTO events (organizer_id, title, description, type_id,
	    city_id, place_id, starts_at, ends_at, status) VALUES (2,
	    'En el frontón', 'x', 1, ${madrid}, ${p.id}, '2031-01-01 10:00:00',
	    '2031-01-01 12:00:00', 'published')`);
	res = await call('PATCH', `/api/v1/catalog/places/${p.id}`,
	    { token, json: { city_id: bilbao, name: 'Otro nombre' } });
	const doc = assertProblem(res, 409);
	assert.match(doc.detail, /lugar nuevo|new place/);
	const [[city, name]] = sql(`SELECT city_id, name FROM places WHERE id = ${p.id}`);
	assert.deepEqual([Number(city), name], [madrid, p.name], 'nothing changed');
	// The same city, or other fields, are fine.
	res = await call('PATCH', `/api/v1/catalog/places/${p.id}`,
	    { token, json: { city_id: madrid, address: 'Calle 2, Madrid' } });
	assert.equal(res.status, 200, res.text);
});

test('an unknown catalog is 404, also for admins and writes', async () => {
	assertProblem(await call('GET', '/api/v1/catalog/colours'), 404);
	assertProblem(await call('GET', '/api/v1/catalog/colours/1'), 404);
	assertProblem(await call('POST', '/api/v1/catalog/colours',
	    { token: await admin(), json: { name: 'Rojo' } }), 404);
	assertProblem(await call('GET', '/api/v1/catalog/cities/999999'), 404);
});

test('GETs carry an ETag and answer 304', async () => {
	const first = await call('GET', '/api/v1/catalog/event-types');
	const etag = first.headers.etag;
	assert.ok(etag);
	const again = await call('GET', '/api/v1/catalog/event-types',
	    { headers: { 'If-None-Match': etag } });
	assert.equal(again.status, 304);
});

// ------------------------------------------------------------ who may write

test('anonymous writes are 401, other roles 403', async () => {
	const url = '/api/v1/catalog/event-types';
	assertProblem(await call('POST', url, { json: { name: fresh('X') } }), 401);
	assertProblem(await call('PATCH', `${url}/1`, { json: { name: fresh('X') } }), 401);
	assertProblem(await call('POST', `${url}/1/retire`, { json: {} }), 401);
	const tok = await ong();
	assertProblem(await call('POST', url, { token: tok, json: { name: fresh('X') } }), 403);
	assertProblem(await call('PATCH', `${url}/1`, { token: tok, json: { name: fresh('X') } }), 403);
	assertProblem(await call('POST', `${url}/1/move`, { token: tok, json: { direction: 'up' } }), 403);
	assertProblem(await call('POST', `${url}/1/retire`, { token: tok, json: {} }), 403);
	assertProblem(await call('POST', `${url}/1/restore`, { token: tok, json: {} }), 403);
	assertProblem(await call('GET', '/api/v1/catalog', { token: tok }), 403);
	assertProblem(await call('GET', '/api/v1/catalog'), 401);
});

test('?all=1 shows retired entries to admins only', async () => {
	const e = await create('event-types', { name: fresh('Retirable') });
	const r = await call('POST', `/api/v1/catalog/event-types/${e.id}/retire`,
	    { token: await admin(), json: {} });
	assert.equal(r.status, 200, r.text);
	assert.ok(!(await ids('event-types', '?all=1')).includes(e.id), 'anonymous');
	assert.ok(!(await ids('event-types', '?all=1', await ong())).includes(e.id), 'an NGO');
	assert.ok(!(await ids('event-types', '', await admin())).includes(e.id), 'admin without all');
	const all = (await call('GET', '/api/v1/catalog/event-types?all=1',
	    { token: await admin() })).json();
	const row = all.items.find((i) => i.id === e.id);
	assert.ok(row, 'admin with all=1');
	assert.match(row.retired_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
	assertProblem(await call('GET', `/api/v1/catalog/event-types/${e.id}`), 404);
	assert.equal((await call('GET', `/api/v1/catalog/event-types/${e.id}`,
	    { token: await admin() })).status, 200);
});

// ------------------------------------------------------------ admin changes

test('admin creates an entry: 201, Location, last in the list, outbox', async () => {
	const name = fresh('Mercadillo');
	const res = await call('POST', '/api/v1/catalog/event-types',
	    { token: await admin(), json: { name, name_en: 'Market' } });
	assert.equal(res.status, 201, res.text);
	const doc = res.json();
	assert.equal(res.headers.location, `/api/v1/catalog/event-types/${doc.id}`);
	assert.equal(doc.name, name);
	assert.equal(doc.name_es, name);
	assert.equal(doc.name_en, 'Market');
	assert.equal(doc.retired_at, null);
	const list = await ids('event-types');
	assert.equal(list[list.length - 1], doc.id, 'new entries go last');
	const en = (await call('GET', `/api/v1/catalog/event-types/${doc.id}?lang=en`)).json();
	assert.equal(en.name, 'Market');
	assert.deepEqual(changed('event-types', doc.id),
	    { catalog: 'event-types', id: doc.id, action: 'created' });
});

test('admin renames; an empty name_en clears it; absent fields stay', async () => {
	const e = await create('megaevent-categories', { name: fresh('Feria'), name_en: 'Fair' });
	const tok = await admin();
	const url = `/api/v1/catalog/megaevent-categories/${e.id}`;
	const name = fresh('Feria renombrada');
	let res = await call('PATCH', url, { token: tok, json: { name } });
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().name, name);
	assert.equal(res.json().name_en, 'Fair', 'name_en stays');
	res = await call('PATCH', url, { token: tok, json: { name_en: '' } });
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().name_en, null);
	assert.equal(res.json().name, name);
	assert.equal(changed('megaevent-categories', e.id).action, 'updated');
	// The page form posts the same handler.
	res = await call('POST', url, { token: tok, json: { name_en: 'Fair again' } });
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().name_en, 'Fair again');
});

test('duplicate names are 409, whatever the case, and nothing changes', async () => {
	const tok = await admin();
	const a = await create('cities', { name: fresh('Ciudad') });
	const b = await create('cities', { name: fresh('Ciudad') });
	let res = await call('POST', '/api/v1/catalog/cities', { token: tok,
	    json: { name: a.name.toUpperCase() } });
	let doc = assertProblem(res, 409);
	assert.ok(doc.errors?.name, res.text);
	res = await call('PATCH', `/api/v1/catalog/cities/${b.id}`, { token: tok,
	    json: { name: a.name } });
	assertProblem(res, 409);
	const still = (await call('GET', `/api/v1/catalog/cities/${b.id}`)).json();
	assert.equal(still.name, b.name);
	// Fixed-code catalogs and places (within a city) too.
	const states = (await call('GET', '/api/v1/catalog/participation-states')).json().items;
	res = await call('PATCH', `/api/v1/catalog/participation-states/${states[0].id}`,
	    { token: tok, json: { name: states[1].name } });
	assertProblem(res, 409);
	const p = (await call('GET', '/api/v1/catalog/places')).json().items[0];
	res = await call('POST', '/api/v1/catalog/places', { token: tok, json: {
		name: p.name, city_id: p.city_id, address: 'Otra', lat: 1, lng: 1 } });
	assertProblem(res, 409);
});

test('validation: 422 with a reason per field', async () => {
	const tok = await admin();
	const cases = [
		['event-types', {}, ['name']],
		['event-types', { name: '' }, ['name']],
		['event-types', { name: 'x'.repeat(101) }, ['name']],
		['event-types', { name: fresh('Ok'), name_en: 'y'.repeat(101) }, ['name_en']],
		['event-types', { name: 'Línea\nnueva' }, ['name']],
		['places', { name: fresh('P') }, ['city_id', 'address', 'lat', 'lng']],
		['places', { name: fresh('P'), city_id: 1, address: 'a', lat: 90.5, lng: 0 }, ['lat']],
		['places', { name: fresh('P'), city_id: 1, address: 'a', lat: 0, lng: -180.01 }, ['lng']],
		['places', { name: fresh('P'), city_id: 1, address: 'a', lat: 'norte', lng: 0 }, ['lat']],
		['places', { name: fresh('P'), city_id: 1, address: 'a'.repeat(301), lat: 0, lng: 0 }, ['address']],
		['places', { name: fresh('P'), city_id: 999999, address: 'a', lat: 0, lng: 0 }, ['city_id']],
		['places', { name: fresh('P'), city_id: 'Madrid', address: 'a', lat: 0, lng: 0 }, ['city_id']],
	];
	for (const [cat, json, bad] of cases) {
		const res = await call('POST', `/api/v1/catalog/${cat}`, { token: tok, json });
		const doc = assertProblem(res, 422);
		for (const f of bad)
			assert.ok(doc.errors?.[f], `${cat} ${JSON.stringify(json).slice(0, 60)}: ${f} in ${res.text}`);
	}
	const e = await create('event-types', { name: fresh('Posición') });
	for (const position of [-1, 1000001, 'primero', 1.5]) {
		const res = await call('PATCH', `/api/v1/catalog/event-types/${e.id}`,
		    { token: tok, json: { position } });
		const doc = assertProblem(res, 422);
		assert.ok(doc.errors?.position, res.text);
		// Creating checks it as editing does, and keeps nothing.
		const name = fresh('Posición mala');
		const made = await call('POST', '/api/v1/catalog/event-types',
		    { token: tok, json: { name, position } });
		assert.ok(assertProblem(made, 422).errors?.position, made.text);
		assert.equal(sql(`SELECT COUNT(*) FROM event_types WHERE name = '${name}'`)[0][0], '0');
	}
	const placed = await create('event-types', { name: fresh('Al final'), position: 999999 });
	assert.equal(placed.position, 999999, 'a position given on creation is kept');
	const res = await call('POST', `/api/v1/catalog/event-types/${e.id}/move`,
	    { token: tok, json: { direction: 'sideways' } });
	assert.ok(assertProblem(res, 422).errors?.direction);
	assert.ok(assertProblem(await call('POST', `/api/v1/catalog/event-types/${e.id}/move`,
	    { token: tok, json: {} }), 422).errors?.direction);
});

test('a place needs a city in use, and keeps a retired one', async () => {
	const tok = await admin();
	const city = await create('cities', { name: fresh('Villa') });
	const p = await create('places', { name: fresh('Ermita'), city_id: city.id,
	    address: 'Camino 1', lat: 40, lng: -4 });
	assert.equal(p.city_id, city.id);
	assert.equal((await call('POST', `/api/v1/catalog/cities/${city.id}/retire`,
	    { token: tok, json: {} })).status, 200);
	let res = await call('POST', '/api/v1/catalog/places', { token: tok, json: {
		name: fresh('Otra'), city_id: city.id, address: 'a', lat: 1, lng: 1 } });
	assert.ok(assertProblem(res, 422).errors?.city_id, res.text);
	res = await call('PATCH', `/api/v1/catalog/places/${p.id}`,
	    { token: tok, json: { city_id: city.id, address: 'Camino 2' } });
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().address, 'Camino 2');
	assert.equal(res.json().city_id, city.id, 'a retired entry stays on old records');
});

test('move up and down swaps neighbours; the ends stay put', async () => {
	const tok = await admin();
	const a = await create('event-types', { name: fresh('A') });
	const b = await create('event-types', { name: fresh('B') });
	const c = await create('event-types', { name: fresh('C') });
	const around = async () => (await ids('event-types')).filter((i) =>
	    [a.id, b.id, c.id].includes(i));
	assert.deepEqual(await around(), [a.id, b.id, c.id]);
	let res = await call('POST', `/api/v1/catalog/event-types/${c.id}/move`,
	    { token: tok, json: { direction: 'up' } });
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().id, c.id);
	assert.deepEqual(await around(), [a.id, c.id, b.id]);
	assert.equal(changed('event-types', c.id).action, 'moved');
	res = await call('POST', `/api/v1/catalog/event-types/${a.id}/move`,
	    { token: tok, json: { direction: 'down' } });
	assert.equal(res.status, 200);
	assert.deepEqual(await around(), [c.id, a.id, b.id]);
	// The last entry moving down changes nothing.
	const list = await ids('event-types');
	const last = list[list.length - 1];
	res = await call('POST', `/api/v1/catalog/event-types/${last}/move`,
	    { token: tok, json: { direction: 'down' } });
	assert.equal(res.status, 200);
	assert.deepEqual(await ids('event-types'), list);
	assertProblem(await call('POST', '/api/v1/catalog/event-types/999999/move',
	    { token: tok, json: { direction: 'up' } }), 404);
});

test('an active entry moves past retired ones hidden between', async () => {
	const tok = await admin();
	const a = await create('event-types', { name: fresh('Antes') });
	const hidden = await create('event-types', { name: fresh('Oculta') });
	const c = await create('event-types', { name: fresh('Después') });
	await call('POST', `/api/v1/catalog/event-types/${hidden.id}/retire`, { token: tok, json: {} });
	await call('POST', `/api/v1/catalog/event-types/${c.id}/move`,
	    { token: tok, json: { direction: 'up' } });
	const list = (await ids('event-types')).filter((i) => [a.id, c.id].includes(i));
	assert.deepEqual(list, [c.id, a.id], 'one click is one visible step');
});

test('PATCH position places an entry directly', async () => {
	const tok = await admin();
	const e = await create('event-types', { name: fresh('Primero') });
	const res = await call('PATCH', `/api/v1/catalog/event-types/${e.id}`,
	    { token: tok, json: { position: 0 } });
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().position, 0);
	const items = (await call('GET', '/api/v1/catalog/event-types')).json().items;
	const at = items.findIndex((i) => i.id === e.id);
	assert.ok(items.slice(0, at).every((i) => i.position === 0), 'before every other position');
});

test('retire and restore, with 409 when it does not apply', async () => {
	const tok = await admin();
	const e = await create('megaevent-categories', { name: fresh('Temporal') });
	const url = `/api/v1/catalog/megaevent-categories/${e.id}`;
	let res = await call('POST', `${url}/retire`, { token: tok, json: {} });
	assert.equal(res.status, 200, res.text);
	assert.ok(res.json().retired_at);
	assert.equal(changed('megaevent-categories', e.id).action, 'retired');
	assert.ok(!(await ids('megaevent-categories')).includes(e.id));
	assertProblem(await call('POST', `${url}/retire`, { token: tok, json: {} }), 409);
	res = await call('POST', `${url}/restore`, { token: tok, json: {} });
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().retired_at, null);
	assert.equal(changed('megaevent-categories', e.id).action, 'restored');
	assert.ok((await ids('megaevent-categories')).includes(e.id));
	assertProblem(await call('POST', `${url}/restore`, { token: tok, json: {} }), 409);
	assertProblem(await call('POST', '/api/v1/catalog/megaevent-categories/999999/retire',
	    { token: tok, json: {} }), 404);
});

test('fixed codes: no new entries, no retiring, renaming and reordering allowed', async () => {
	const tok = await admin();
	for (const cat of ['participation-states', 'notification-types']) {
		const res = await call('POST', `/api/v1/catalog/${cat}`,
		    { token: tok, json: { name: fresh('Nuevo') } });
		assertProblem(res, 409);
		const items = (await call('GET', `/api/v1/catalog/${cat}`)).json().items;
		for (const item of items.slice(0, 2))
			assertProblem(await call('POST', `/api/v1/catalog/${cat}/${item.id}/retire`,
			    { token: tok, json: {} }), 409);
	}
	const items = (await call('GET', '/api/v1/catalog/participation-states')).json().items;
	const pending = items.find((i) => i.code === 'pending');
	const url = `/api/v1/catalog/participation-states/${pending.id}`;
	const was = (await call('GET', url, { token: tok })).json();
	let res = await call('PATCH', url, { token: tok, json: { name: fresh('En espera') } });
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().code, 'pending', 'the code never changes');
	res = await call('PATCH', url, { token: tok, json: { name: was.name_es } });
	assert.equal(res.status, 200, res.text);
	res = await call('POST', `${url}/move`, { token: tok, json: { direction: 'down' } });
	assert.equal(res.status, 200, res.text);
	res = await call('POST', `${url}/move`, { token: tok, json: { direction: 'up' } });
	assert.equal(res.status, 200, res.text);
});

test('GET /api/v1/catalog lists the six catalogs with counts (admins)', async () => {
	const res = await call('GET', '/api/v1/catalog', { token: await admin() });
	assert.equal(res.status, 200, res.text);
	const doc = res.json();
	assert.deepEqual(doc.items.map((i) => i.slug), CATALOGS);
	for (const i of doc.items) {
		assert.equal(typeof i.title, 'string');
		assert.equal(i.active + i.retired, i.total);
	}
	assert.equal(doc.next, null);
});
