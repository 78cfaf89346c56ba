// The megaevents program through the JSON API: who may create, change and
// delete; private ones hidden as 404; joining and leaving with counts;
// attaching only the organiser's own events; the gallery; list filters.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';

import {
    assertProblem, request, runPath, serial, sleep, sourceAddr, sql, sqlText,
} from './lib.mjs';

await serial();
// Each test sends from its own address: nginx limits requests per address.
let from = sourceAddr(82);
beforeEach(() => {
	from = sourceAddr(82);
});
const PASSWORD = 'Demo-Agora-2026';
const AUTH_GAP = Math.ceil(60000 / Number(process.env.AUTH_RATE || 600)) + 15;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/* A JSON call: opts.token (bearer), opts.json (body). */
function call(method, path, opts = {}) {
	const headers = {};
	let body;
	if (opts.json !== undefined) {
		body = JSON.stringify(opts.json);
		headers['Content-Type'] = 'application/json';
	}
	if (opts.token)
		headers.Authorization = `Bearer ${opts.token}`;
	return request(path, { from, method, headers, body, timeout: 10000 });
}

let lastAuth = 0;
async function paced() {
	const wait = lastAuth + AUTH_GAP - performance.now();
	if (wait > 0)
		await sleep(wait);
	lastAuth = performance.now();
}

/* { token, id } of a demo account. */
async function demo(email) {
	await paced();
	const res = await call('POST', '/api/v1/auth/login',
	    { json: { email, password: PASSWORD } });
	assert.equal(res.status, 200, `sign-in ${email}: ${res.text}`);
	return { token: res.json().access_token, id: res.json().user.id };
}

/* { token, id } of a new account of a role. */
async function signUp(role) {
	await paced();
	const tag = crypto.randomBytes(5).toString('hex');
	const json = { email: `me-${tag}@example.org`, password: `Agora-${tag}-Clave-7`,
	    name: `Prueba ${tag}`, role };
	if (role === 'ong') {
		json.organization = `Asociación ${tag}`;
		json.tax_id = `G${crypto.randomInt(10000000, 99999999)}`;
	}
	const res = await call('POST', '/api/v1/auth/register', { json });
	assert.equal(res.status, 201, `sign-up: ${res.text}`);
	return { token: res.json().access_token, id: res.json().user.id };
}


/* An event row of an organiser, written as the events program would. */
function insertEvent(organizer, status, title = `Evento ${status}`) {
	const rows = sql('INSERT INTO events (organizer_id, title, description, ' +
	    'type_id, city_id, starts_at, ends_at, status) SELECT ' +
	    `${Number(organizer)}, '${title}', 'Descripción', t.id, c.id, ` +
	    "'2027-06-01 10:00:00', '2027-06-01 12:00:00', " + `'${status}' ` +
	    'FROM event_types t, cities c ORDER BY t.id, c.id LIMIT 1; ' +
	    'SELECT LAST_INSERT_ID()');
	return Number(rows[0][0]);
}

function outboxCount(topic, megaeventId, extra = '') {
	return Number(sql(`SELECT COUNT(*) FROM outbox WHERE topic = '${topic}' AND ` +
	    `JSON_VALUE(payload, '$.megaevent_id') = ${Number(megaeventId)} ${extra}`)[0][0]);
}

const who = {};
let categories;
async function setup() {
	if (who.ong)
		return;
	who.admin = await demo('admin@agora.test');
	who.ong = await demo('ong@agora.test');
	who.persona = await demo('persona@agora.test');
	who.empresa = await demo('empresa@agora.test');
	who.other = await signUp('ong');
	categories = (await call('GET', '/api/v1/catalog/megaevent-categories')).json().items;
	assert.ok(categories.length >= 2, 'demo categories');
}

function body(extra = {}) {
	return {
		title: `Festival ${crypto.randomBytes(3).toString('hex')}`,
		description: 'Tres días de actividades solidarias.',
		category_id: categories[0].id,
		starts_at: '2027-04-16T10:00:00Z',
		ends_at: '2027-04-18T21:00:00Z',
		...extra,
	};
}

/* Creates a mega event as `as` (the demo NGO by default). */
async function create(extra = {}, as = who.ong) {
	const res = await call('POST', '/api/v1/megaevents', { token: as.token, json: body(extra) });
	assert.equal(res.status, 201, res.text);
	return res.json();
}

// ----------------------------------------------------------------- create

test('an NGO creates a mega event: 201, Location, the whole resource', async () => {
	await setup();
	const json = body({ starts_at: '2027-04-16T12:00:00+02:00' });
	const res = await call('POST', '/api/v1/megaevents', { token: who.ong.token, json });
	assert.equal(res.status, 201, res.text);
	const doc = res.json();
	assert.equal(res.headers.location, `/api/v1/megaevents/${doc.id}`);
	assert.equal(doc.title, json.title);
	assert.equal(doc.description, json.description);
	assert.equal(doc.category_id, categories[0].id);
	assert.equal(doc.category_name, categories[0].name);
	assert.equal(doc.organizer_id, who.ong.id);
	assert.equal(typeof doc.organizer_name, 'string');
	// An NGO with an organisation is shown by its name, as on events.
	const theirs = await create({}, who.other);
	assert.match(theirs.organizer_name, /^Asociación [0-9a-f]{10}$/);
	assert.equal(theirs.organizer_name, sqlText(`SELECT name FROM
	    organizations WHERE user_id = ${Number(who.other.id)}`));
	assert.equal(doc.starts_at, '2027-04-16T10:00:00Z', 'stored in UTC');
	assert.equal(doc.ends_at, '2027-04-18T21:00:00Z');
	assert.equal(doc.is_public, true, 'public by default');
	assert.equal(doc.participants_count, 0);
	assert.equal(doc.joined, false);
	assert.deepEqual(doc.events, []);
	assert.deepEqual(doc.gallery, []);
	assert.equal(doc.can_edit, true);
	assert.match(doc.created_at, ISO);
	assert.equal(outboxCount('megaevent.created', doc.id), 1);
});

test('people and companies may not create (403), nobody signed out (401)', async () => {
	await setup();
	assertProblem(await call('POST', '/api/v1/megaevents', { json: body() }), 401);
	assertProblem(await call('POST', '/api/v1/megaevents',
	    { token: who.persona.token, json: body() }), 403);
	assertProblem(await call('POST', '/api/v1/megaevents',
	    { token: who.empresa.token, json: body() }), 403);
	const res = await call('POST', '/api/v1/megaevents',
	    { token: who.admin.token, json: body() });
	assert.equal(res.status, 201, 'admins may');
});

test('validation: 422 with a reason per field', async () => {
	await setup();
	const cases = [
		[{ title: undefined }, 'title'],
		[{ title: '' }, 'title'],
		[{ title: 'x'.repeat(201) }, 'title'],
		[{ description: undefined }, 'description'],
		[{ description: 'd'.repeat(5001) }, 'description'],
		[{ category_id: undefined }, 'category_id'],
		[{ category_id: 999999 }, 'category_id'],
		[{ category_id: 'festival' }, 'category_id'],
		[{ starts_at: '2027-13-01T10:00' }, 'starts_at'],
		[{ starts_at: 'mañana' }, 'starts_at'],
		[{ ends_at: undefined }, 'ends_at'],
		[{ ends_at: '2027-04-16T09:59:59Z' }, 'ends_at'],
		[{ is_public: 'quizá' }, 'is_public'],
	];
	for (const [extra, field] of cases) {
		const json = body(extra);
		for (const k of Object.keys(extra))
			if (extra[k] === undefined)
				delete json[k];
		const res = await call('POST', '/api/v1/megaevents', { token: who.ong.token, json });
		const doc = assertProblem(res, 422);
		assert.ok(doc.errors?.[field], `${JSON.stringify(extra).slice(0, 60)}: ${res.text}`);
	}
	// Equal start and end is a valid (instant) mega event.
	const same = await call('POST', '/api/v1/megaevents', { token: who.ong.token,
	    json: body({ ends_at: '2027-04-16T10:00:00Z' }) });
	assert.equal(same.status, 201, same.text);
});

test('a retired category is refused for new mega events, kept by old ones', async () => {
	await setup();
	const cat = await call('POST', '/api/v1/catalog/megaevent-categories', {
		token: who.admin.token,
		json: { name: `Temporal ${crypto.randomBytes(3).toString('hex')}` } });
	assert.equal(cat.status, 201, cat.text);
	const catId = cat.json().id;
	const me = await create({ category_id: catId });
	const r = await call('POST', `/api/v1/catalog/megaevent-categories/${catId}/retire`,
	    { token: who.admin.token, json: {} });
	assert.equal(r.status, 200, r.text);
	const res = await call('POST', '/api/v1/megaevents',
	    { token: who.ong.token, json: body({ category_id: catId }) });
	assert.ok(assertProblem(res, 422).errors?.category_id);
	const keep = await call('PATCH', `/api/v1/megaevents/${me.id}`,
	    { token: who.ong.token, json: { category_id: catId, title: 'Sigue igual' } });
	assert.equal(keep.status, 200, keep.text);
	assert.equal(keep.json().category_id, catId);
	const move = await call('PATCH', `/api/v1/megaevents/${me.id}`,
	    { token: who.ong.token, json: { category_id: categories[1].id } });
	assert.equal(move.status, 200);
	const back = await call('PATCH', `/api/v1/megaevents/${me.id}`,
	    { token: who.ong.token, json: { category_id: catId } });
	assert.ok(assertProblem(back, 422).errors?.category_id, 'not back to a retired one');
});

// ---------------------------------------------------------------- change

test('the owner changes what is sent; the rest stays', async () => {
	await setup();
	const me = await create();
	const url = `/api/v1/megaevents/${me.id}`;
	let res = await call('PATCH', url, { token: who.ong.token,
	    json: { title: 'Nuevo título', is_public: false } });
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().title, 'Nuevo título');
	assert.equal(res.json().is_public, false);
	assert.equal(res.json().description, me.description);
	assert.equal(res.json().starts_at, me.starts_at);
	assert.equal(outboxCount('megaevent.updated', me.id), 1);
	// The end may not move before the stored start, nor the start after the end.
	res = await call('PATCH', url, { token: who.ong.token,
	    json: { ends_at: '2027-01-01T00:00:00Z' } });
	assert.ok(assertProblem(res, 422).errors?.ends_at, res.text);
	res = await call('PATCH', url, { token: who.ong.token,
	    json: { starts_at: '2028-01-01T00:00:00Z' } });
	assert.ok(assertProblem(res, 422).errors?.ends_at, res.text);
	res = await call('PATCH', url, { token: who.ong.token,
	    json: { starts_at: '2028-01-01T00:00:00Z', ends_at: '2028-01-02T00:00:00Z' } });
	assert.equal(res.status, 200, res.text);
	res = await call('PATCH', url, { token: who.ong.token, json: { title: 'x'.repeat(201) } });
	assert.ok(assertProblem(res, 422).errors?.title);
	// Page forms post the same handler.
	res = await call('POST', url, { token: who.ong.token, json: { is_public: true } });
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().is_public, true);
});

test('others may not change it: 403 when public, 404 when private', async () => {
	await setup();
	const pub = await create();
	const priv = await create({ is_public: false });
	const change = { title: 'Secuestrado' };
	assertProblem(await call('PATCH', `/api/v1/megaevents/${pub.id}`,
	    { token: who.other.token, json: change }), 403);
	assertProblem(await call('PATCH', `/api/v1/megaevents/${priv.id}`,
	    { token: who.other.token, json: change }), 404);
	assertProblem(await call('PATCH', `/api/v1/megaevents/${pub.id}`,
	    { token: who.persona.token, json: change }), 403);
	assertProblem(await call('PATCH', `/api/v1/megaevents/${pub.id}`, { json: change }), 401);
	assertProblem(await call('DELETE', `/api/v1/megaevents/${pub.id}`,
	    { token: who.other.token }), 403);
	assertProblem(await call('DELETE', `/api/v1/megaevents/${priv.id}`,
	    { token: who.other.token }), 404);
	assertProblem(await call('PATCH', '/api/v1/megaevents/99999999',
	    { token: who.ong.token, json: change }), 404);
	assert.equal((await call('GET', `/api/v1/megaevents/${pub.id}`)).json().title, pub.title);
	const adm = await call('PATCH', `/api/v1/megaevents/${priv.id}`,
	    { token: who.admin.token, json: { title: 'Cambiado por la administración' } });
	assert.equal(adm.status, 200, 'admins may');
	assert.equal(adm.json().can_edit, true);
});

test('delete: 204, gone, its events stay outside any mega event', async () => {
	await setup();
	const me = await create();
	const ev = insertEvent(who.ong.id, 'published');
	assert.equal((await call('POST', `/api/v1/megaevents/${me.id}/events`,
	    { token: who.ong.token, json: { event_id: ev } })).status, 200);
	await call('POST', `/api/v1/megaevents/${me.id}/join`, { token: who.persona.token, json: {} });
	const res = await call('DELETE', `/api/v1/megaevents/${me.id}`, { token: who.ong.token });
	assert.equal(res.status, 204, res.text);
	assert.equal(res.body.length, 0);
	assertProblem(await call('GET', `/api/v1/megaevents/${me.id}`), 404);
	assertProblem(await call('DELETE', `/api/v1/megaevents/${me.id}`,
	    { token: who.ong.token }), 404);
	assert.deepEqual(sql(`SELECT id, megaevent_id FROM events WHERE id = ${ev}`),
	    [[String(ev), 'NULL']]);
	assert.equal(outboxCount('megaevent.deleted', me.id), 1);
	const other = await create();
	assert.equal((await call('DELETE', `/api/v1/megaevents/${other.id}`,
	    { token: who.admin.token })).status, 204, 'admins may');
});

// ------------------------------------------------------------ visibility

test('a private mega event is 404 to everyone but its owner and admins', async () => {
	await setup();
	const priv = await create({ is_public: false });
	const url = `/api/v1/megaevents/${priv.id}`;
	assertProblem(await call('GET', url), 404);
	assertProblem(await call('GET', url, { token: who.persona.token }), 404);
	assertProblem(await call('GET', url, { token: who.other.token }), 404);
	assert.equal((await call('GET', url, { token: who.ong.token })).status, 200);
	assert.equal((await call('GET', url, { token: who.admin.token })).status, 200);
	assertProblem(await call('GET', `${url}/images`), 404);
	assertProblem(await call('POST', `${url}/join`, { token: who.persona.token, json: {} }), 404);
	assertProblem(await call('DELETE', `${url}/join`, { token: who.persona.token }), 404);

	// The list is paginated; look in every page.
	const all = async (tok) => {
		const out = [];
		for (let page = 1; page < 50; page++) {
			const doc = (await call('GET', `/api/v1/megaevents?page=${page}`, { token: tok })).json();
			out.push(...doc.items.map((i) => i.id));
			if (doc.next === null)
				break;
			assert.equal(doc.next, page + 1);
		}
		return out;
	};
	assert.ok(!(await all()).includes(priv.id), 'anonymous list');
	assert.ok(!(await all(who.other.token)).includes(priv.id), 'another NGO');
	assert.ok((await all(who.ong.token)).includes(priv.id), 'the owner');
	assert.ok((await all(who.admin.token)).includes(priv.id), 'an admin');
});

test('the list: {items, next}, soonest first, category and date filters', async () => {
	await setup();
	const cat = await call('POST', '/api/v1/catalog/megaevent-categories', {
		token: who.admin.token,
		json: { name: `Lista ${crypto.randomBytes(3).toString('hex')}` } });
	const catId = cat.json().id;
	const made = [];
	for (let i = 0; i < 21; i++) {
		const day = String(1 + i).padStart(2, '0');
		made.push((await create({ category_id: catId, starts_at: `2030-03-${day}T10:00:00Z`,
		    ends_at: `2030-03-${day}T20:00:00Z` })).id);
	}
	let res = await call('GET', `/api/v1/megaevents?category_id=${catId}`);
	assert.equal(res.status, 200, res.text);
	let doc = res.json();
	assert.equal(doc.items.length, 20);
	assert.equal(doc.next, 2);
	assert.deepEqual(doc.items.map((i) => i.id), made.slice(0, 20), 'soonest first');
	const item = doc.items[0];
	for (const k of ['id', 'title', 'summary', 'category_id', 'category_name',
	    'organizer_id', 'organizer_name', 'starts_at', 'ends_at', 'is_public',
	    'participants_count'])
		assert.ok(k in item, `${k} in a list item`);
	assert.equal(item.description, undefined, 'the list carries a summary');
	doc = (await call('GET', `/api/v1/megaevents?category_id=${catId}&page=2`)).json();
	assert.deepEqual(doc.items.map((i) => i.id), [made[20]]);
	assert.equal(doc.next, null);
	doc = (await call('GET', `/api/v1/megaevents?category_id=${catId}&from=2030-03-05&to=2030-03-06`)).json();
	assert.deepEqual(doc.items.map((i) => i.id), [made[4], made[5]], 'whole days');
	doc = (await call('GET', `/api/v1/megaevents?category_id=${catId}&from=2030-03-20T21:00:00Z`)).json();
	assert.deepEqual(doc.items.map((i) => i.id), [made[20]], 'overlapping the window');
	for (const q of ['from=ayer', 'to=2030-02-30', 'category_id=abc', 'page=0', 'page=x'])
		assertProblem(await call('GET', `/api/v1/megaevents?${q}`), 422);
	// A window that ends before it starts; one day alone is a window.
	const back = assertProblem(await call('GET',
	    '/api/v1/megaevents?from=2030-03-06&to=2030-03-05'), 422);
	assert.ok(back.errors?.to, 'errors.to');
	doc = (await call('GET', `/api/v1/megaevents?category_id=${catId}&from=2030-03-05&to=2030-03-05`)).json();
	assert.deepEqual(doc.items.map((i) => i.id), [made[4]], 'one whole day');
});

// ------------------------------------------------------------ join/leave

test('join and leave: idempotent, the count moves once, outbox once', async () => {
	await setup();
	const me = await create();
	const url = `/api/v1/megaevents/${me.id}`;
	let res = await call('POST', `${url}/join`, { token: who.persona.token, json: {} });
	assert.equal(res.status, 200, res.text);
	assert.deepEqual(res.json(), { id: me.id, joined: true, participants_count: 1 });
	res = await call('POST', `${url}/join`, { token: who.persona.token, json: {} });
	assert.deepEqual(res.json(), { id: me.id, joined: true, participants_count: 1 });
	res = await call('POST', `${url}/join`, { token: who.empresa.token, json: {} });
	assert.equal(res.json().participants_count, 2);
	assert.equal((await call('GET', url, { token: who.persona.token })).json().joined, true);
	assert.equal((await call('GET', url)).json().joined, false);
	assert.equal((await call('GET', url)).json().participants_count, 2);

	res = await call('DELETE', `${url}/join`, { token: who.persona.token });
	assert.equal(res.status, 200, res.text);
	assert.deepEqual(res.json(), { id: me.id, joined: false, participants_count: 1 });
	res = await call('DELETE', `${url}/join`, { token: who.persona.token });
	assert.deepEqual(res.json(), { id: me.id, joined: false, participants_count: 1 });
	res = await call('POST', `${url}/leave`, { token: who.persona.token, json: {} });
	assert.equal(res.json().participants_count, 1, 'the page route too');
	assert.equal(outboxCount('megaevent.joined', me.id,
	    `AND JSON_VALUE(payload, '$.user_id') = ${who.persona.id}`), 1);
	assert.equal(outboxCount('megaevent.left', me.id,
	    `AND JSON_VALUE(payload, '$.user_id') = ${who.persona.id}`), 1);
	assert.deepEqual(sql(`SELECT participants_count FROM megaevents WHERE id = ${me.id}`), [['1']]);

	assertProblem(await call('POST', `${url}/join`, { json: {} }), 401);
	assertProblem(await call('POST', '/api/v1/megaevents/99999999/join',
	    { token: who.persona.token, json: {} }), 404);
});

// ---------------------------------------------------------------- events

test('nobody joins or leaves a mega event that is over', async () => {
	await setup();
	const me = await create({ starts_at: '2020-01-01T00:00:00Z', ends_at: '2020-01-02T00:00:00Z' });
	const doc = assertProblem(await call('POST', `/api/v1/megaevents/${me.id}/join`,
	    { token: who.persona.token, json: {} }), 409);
	assert.match(doc.detail, /terminado|over/);
	assertProblem(await call('DELETE', `/api/v1/megaevents/${me.id}/join`,
	    { token: who.persona.token }), 409);
	assert.equal(outboxCount('megaevent.joined', me.id), 0);
	// Its page offers neither, and says why.
	const page = await request(`/megaevents/${me.id}`, { from,
	    headers: { Accept: 'text/html', Authorization: `Bearer ${who.persona.token}` } });
	assert.equal(page.status, 200);
	assert.ok(!page.text.includes(`/megaevents/${me.id}/join`), 'no join form');
	assert.match(page.text, /ya ha terminado/);
});

test('an event names its mega event, as it is now, to those who may see it', async () => {
	await setup();
	const me = await create();
	const ev = insertEvent(who.ong.id, 'published', 'Concierto del festival');
	let res = await call('POST', `/api/v1/megaevents/${me.id}/events`,
	    { token: who.ong.token, json: { event_id: ev } });
	assert.equal(res.status, 200, res.text);
	const page = () => request(`/events/${ev}`, { from,
	    headers: { Accept: 'text/html' } });
	const link = (title) => `<a href="/megaevents/${me.id}">${title}</a>`;

	res = await call('GET', `/api/v1/events/${ev}`);
	assert.deepEqual(res.json().megaevent, { id: me.id, title: me.title });
	res = await page();
	assert.equal(res.status, 200);
	assert.ok(res.text.includes(link(me.title)), 'the page links to it');

	// Renamed: the page signed out (kept by each worker) follows at once.
	res = await call('PATCH', `/api/v1/megaevents/${me.id}`,
	    { token: who.ong.token, json: { title: `${me.title} & amigos` } });
	assert.equal(res.status, 200, res.text);
	res = await page();
	assert.ok(res.text.includes(link(`${me.title} &amp; amigos`)), res.text.slice(0, 200));

	// Private: gone for others, kept for its organiser and admins.
	res = await call('PATCH', `/api/v1/megaevents/${me.id}`,
	    { token: who.ong.token, json: { is_public: false } });
	assert.equal(res.status, 200, res.text);
	assert.ok(!(await page()).text.includes(`/megaevents/${me.id}"`));
	assert.equal((await call('GET', `/api/v1/events/${ev}`)).json().megaevent, null);
	assert.equal((await call('GET', `/api/v1/events/${ev}`)).json().megaevent_id, null);
	assert.equal((await call('GET', `/api/v1/events/${ev}`,
	    { token: who.persona.token })).json().megaevent, null);
	for (const as of [who.ong, who.admin])
		assert.equal((await call('GET', `/api/v1/events/${ev}`,
		    { token: as.token })).json().megaevent?.id, me.id);

	// Deleted: the event stays, on its own.
	res = await call('PATCH', `/api/v1/megaevents/${me.id}`,
	    { token: who.ong.token, json: { is_public: true } });
	assert.ok((await page()).text.includes(`/megaevents/${me.id}"`));
	res = await call('DELETE', `/api/v1/megaevents/${me.id}`, { token: who.ong.token });
	assert.equal(res.status, 204, res.text);
	res = await page();
	assert.equal(res.status, 200);
	assert.ok(!res.text.includes(`/megaevents/${me.id}"`));
});

test('the organiser attaches only their own events; the public sees published ones', async () => {
	await setup();
	const me = await create();
	const url = `/api/v1/megaevents/${me.id}`;
	const published = insertEvent(who.ong.id, 'published', 'Concierto');
	const draft = insertEvent(who.ong.id, 'draft', 'Taller en preparación');
	const theirs = insertEvent(who.other.id, 'published', 'Ajeno');
	const theirDraft = insertEvent(who.other.id, 'draft', 'Ajeno borrador');

	let res = await call('POST', `${url}/events`, { token: who.ong.token,
	    json: { event_id: published } });
	assert.equal(res.status, 200, res.text);
	assert.deepEqual(res.json().events.map((e) => e.id), [published]);
	res = await call('POST', `${url}/events`, { token: who.ong.token, json: { event_id: draft } });
	assert.equal(res.status, 200, res.text);
	res = await call('POST', `${url}/events`, { token: who.ong.token,
	    json: { event_id: published } });
	assert.equal(res.status, 200, 'attaching twice changes nothing');
	assert.equal(outboxCount('megaevent.updated', me.id,
	    `AND JSON_VALUE(payload, '$.event_id') = ${published}`), 1);

	const owner = (await call('GET', url, { token: who.ong.token })).json();
	assert.deepEqual(owner.events.map((e) => e.id).sort(), [published, draft].sort());
	for (const e of owner.events) {
		assert.equal(typeof e.title, 'string');
		assert.match(e.starts_at, ISO);
		assert.ok(['published', 'draft'].includes(e.status));
	}
	const pub = (await call('GET', url)).json();
	assert.deepEqual(pub.events, [{ id: published, title: 'Concierto',
	    starts_at: '2027-06-01T10:00:00Z', status: 'published' }]);

	assertProblem(await call('POST', `${url}/events`, { token: who.ong.token,
	    json: { event_id: theirs } }), 403);
	let doc = assertProblem(await call('POST', `${url}/events`, { token: who.ong.token,
	    json: { event_id: theirDraft } }), 422);
	assert.ok(doc.errors?.event_id, 'another organiser\'s draft does not exist for us');
	doc = assertProblem(await call('POST', `${url}/events`, { token: who.ong.token,
	    json: { event_id: 99999999 } }), 422);
	assert.ok(doc.errors?.event_id);
	doc = assertProblem(await call('POST', `${url}/events`, { token: who.ong.token,
	    json: {} }), 422);
	assert.ok(doc.errors?.event_id);
	assertProblem(await call('POST', `${url}/events`, { token: who.other.token,
	    json: { event_id: theirs } }), 403);
	assertProblem(await call('POST', `${url}/events`, { token: who.persona.token,
	    json: { event_id: published } }), 403);
	assert.deepEqual(sql(`SELECT megaevent_id FROM events WHERE id IN (${theirs}, ${theirDraft})`),
	    [['NULL'], ['NULL']]);

	res = await call('DELETE', `${url}/events/${draft}`, { token: who.ong.token });
	assert.equal(res.status, 204, res.text);
	assertProblem(await call('DELETE', `${url}/events/${draft}`, { token: who.ong.token }), 404);
	assertProblem(await call('DELETE', `${url}/events/${published}`,
	    { token: who.other.token }), 403);
	assert.deepEqual(sql(`SELECT megaevent_id FROM events WHERE id = ${draft}`), [['NULL']]);
	assert.deepEqual(sql(`SELECT megaevent_id FROM events WHERE id = ${published}`),
	    [[String(me.id)]]);

	// An event moves from one of the organiser's mega events to another.
	const second = await create();
	res = await call('POST', `/api/v1/megaevents/${second.id}/events`,
	    { token: who.ong.token, json: { event_id: published } });
	assert.equal(res.status, 200);
	assert.deepEqual((await call('GET', url)).json().events, []);
});

// --------------------------------------------------------------- gallery

test('the gallery: listed in order, captions, moves and removals by the owner', async () => {
	await setup();
	const me = await create();
	const url = `/api/v1/megaevents/${me.id}/images`;
	let res = await call('GET', url);
	assert.equal(res.status, 200, res.text);
	assert.deepEqual(res.json(), { items: [], next: null });
	// Entries are made by the storage program; here they are written directly.
	sql('INSERT INTO megaevent_images (megaevent_id, caption, position) VALUES ' +
	    `(${me.id}, 'Primera', 1), (${me.id}, 'Segunda', 2), (${me.id}, NULL, 3)`);
	let items = (await call('GET', url)).json().items;
	assert.deepEqual(items.map((i) => i.caption), ['Primera', 'Segunda', null]);
	for (const i of items) {
		assert.equal(typeof i.id, 'number');
		assert.equal(i.file_id, null);
		assert.match(i.created_at, ISO);
	}
	const [a, b, c] = items.map((i) => i.id);
	assert.deepEqual((await call('GET', `/api/v1/megaevents/${me.id}`)).json().gallery
	    .map((i) => i.id), [a, b, c]);

	res = await call('POST', `${url}/${c}/move`, { token: who.ong.token, json: { direction: 'up' } });
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().id, c);
	items = (await call('GET', url)).json().items;
	assert.deepEqual(items.map((i) => i.id), [a, c, b]);
	res = await call('POST', `${url}/${a}/move`, { token: who.ong.token, json: { direction: 'up' } });
	assert.equal(res.status, 200, 'the first stays first');
	assertProblem(await call('POST', `${url}/${a}/move`, { token: who.ong.token,
	    json: { direction: 'left' } }), 422);

	res = await call('PATCH', `${url}/${c}`, { token: who.ong.token, json: { caption: 'Tercera' } });
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().caption, 'Tercera');
	res = await call('PATCH', `${url}/${a}`, { token: who.ong.token, json: { caption: '' } });
	assert.equal(res.json().caption, null, 'an empty caption clears it');
	assert.ok(assertProblem(await call('PATCH', `${url}/${a}`, { token: who.ong.token,
	    json: { caption: 'c'.repeat(301) } }), 422).errors?.caption);

	assertProblem(await call('PATCH', `${url}/${a}`, { token: who.other.token,
	    json: { caption: 'Mía' } }), 403);
	assertProblem(await call('DELETE', `${url}/${a}`, { token: who.persona.token }), 403);
	assertProblem(await call('DELETE', `${url}/${a}`), 401);

	res = await call('DELETE', `${url}/${b}`, { token: who.ong.token });
	assert.equal(res.status, 204, res.text);
	assertProblem(await call('DELETE', `${url}/${b}`, { token: who.ong.token }), 404);
	items = (await call('GET', url)).json().items;
	assert.deepEqual(items.map((i) => i.id), [a, c]);

	// An image of another mega event is not reachable through this one.
	const other = await create();
	assertProblem(await call('PATCH', `/api/v1/megaevents/${other.id}/images/${a}`,
	    { token: who.ong.token, json: { caption: 'x' } }), 404);
});
