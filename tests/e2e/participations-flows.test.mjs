// Enrolling in events and the organiser's decisions, through nginx: the
// states, the counters on the event row, the outbox, and who may do what.
// Events are written straight into MariaDB (the events program owns their
// routes); people sign up through the API.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import {
    TOP, assertProblem, cookies, request, runPath, serial, sourceAddr, sql,
} from './lib.mjs';

await serial();
const from = sourceAddr(61);
const RUN = `${process.pid}-${Date.now().toString(36)}`;
const words = JSON.parse(fs.readFileSync(path.join(TOP, 'templates', 'i18n',
    'es-participations.json'), 'utf8'));

// ------------------------------------------------------------------ helpers


let nevents = 0;
/* A new event; status, start (days from now), capacity and approval. */
function makeEvent({ organizer = 2, status = 'published', days = 7,
    capacity = 0, approval = 0 } = {}) {
	const title = `Evento ${RUN} ${++nevents}`;
	const rows = sql(`INSERT INTO events (organizer_id, title, description,
	    type_id, city_id, starts_at, ends_at, capacity, requires_approval,
	    status) VALUES (${Number(organizer)}, '${title}', 'Prueba',
	    (SELECT MIN(id) FROM event_types), (SELECT MIN(id) FROM cities),
	    UTC_TIMESTAMP() + INTERVAL ${Number(days)} DAY,
	    UTC_TIMESTAMP() + INTERVAL ${Number(days) + 1} DAY,
	    ${Number(capacity)}, ${Number(approval)}, '${status}');
	    SELECT LAST_INSERT_ID();`);
	return { id: Number(rows[0][0]), title };
}

/* The event row's counters. */
function counters(id) {
	const [r] = sql(`SELECT approved_count, pending_count, waitlist_count
	    FROM events WHERE id = ${Number(id)}`);
	return { approved: Number(r[0]), pending: Number(r[1]),
	    waitlisted: Number(r[2]) };
}

/* Participation rows of an event by state, from the table itself. */
function states(id) {
	const out = { pending: 0, approved: 0, waitlisted: 0, rejected: 0,
	    cancelled: 0 };
	for (const [st, n] of sql(`SELECT status, COUNT(*) FROM participations
	    WHERE event_id = ${Number(id)} GROUP BY status`))
		out[st] = Number(n);
	return out;
}

/* Outbox topics written for a participation, in order. */
function topics(pid) {
	return sql(`SELECT topic FROM outbox WHERE topic LIKE 'participation.%'
	    AND JSON_VALUE(payload, '$.participation_id') = ${Number(pid)}
	    ORDER BY id`).map((r) => r[0]);
}

/* A JSON API call; token may be null. */
function api(method, p, token, body) {
	const headers = { Accept: 'application/json' };
	if (token)
		headers.Authorization = `Bearer ${token}`;
	if (body !== undefined)
		headers['Content-Type'] = 'application/json';
	// Each call from an address of its own: this file sends more than
	// one address's burst, and the limiter is not what it tests.
	return request(p, { from: sourceAddr(61), method, headers,
	    body: body === undefined ? undefined : JSON.stringify(body) });
}

let npeople = 0;
/* Signs a new account up (from its own address: no sign-in limit). */
async function person(role = 'externo') {
	const n = ++npeople;
	const body = { email: `part-${RUN}-${n}@test.agora`,
	    password: 'Prueba-Agora-2026', name: `Persona ${n}`, role };
	if (role === 'ong' || role === 'empresa') {
		body.organization = `Org ${RUN} ${n}`;
		body.tax_id = `G${n}${Date.now() % 100000}`;
	}
	const res = await request('/api/v1/auth/register', {
	    from: sourceAddr(62), method: 'POST',
	    headers: { 'Content-Type': 'application/json' },
	    body: JSON.stringify(body) });
	assert.equal(res.status, 201, res.text);
	const doc = res.json();
	return { id: doc.user.id, token: doc.access_token, email: body.email,
	    name: body.name };
}

/* A demo account's access token. */
async function demo(email) {
	const res = await request('/api/v1/auth/login', { from: sourceAddr(62),
	    method: 'POST', headers: { 'Content-Type': 'application/json' },
	    body: JSON.stringify({ email, password: 'Demo-Agora-2026' }) });
	assert.equal(res.status, 200, res.text);
	return res.json().access_token;
}

async function enrol(who, eventId, status = 201) {
	const res = await api('POST', '/api/v1/participations', who.token,
	    { event_id: eventId });
	assert.equal(res.status, status, res.text);
	return res.json();
}

let ong, other, admin;
before(async () => {
	ong = { id: 2, token: await demo('ong@agora.test') };
	admin = { id: 1, token: await demo('admin@agora.test') };
	other = await person('ong');
});

// --------------------------------------------------------------- enrolling

test('an event without approval takes people at once', async () => {
	const ev = makeEvent({ capacity: 5 });
	const p = await person();
	const res = await api('POST', '/api/v1/participations', p.token,
	    { event_id: ev.id });
	assert.equal(res.status, 201, res.text);
	const doc = res.json();
	assert.deepEqual(Object.keys(doc).sort(),
	    ['event_id', 'id', 'status', 'user_id']);
	assert.equal(doc.status, 'approved');
	assert.equal(doc.event_id, ev.id);
	assert.equal(doc.user_id, p.id);
	assert.equal(res.headers.location, `/api/v1/participations/${doc.id}`);
	assert.deepEqual(counters(ev.id), { approved: 1, pending: 0,
	    waitlisted: 0 });
	assert.deepEqual(topics(doc.id), ['participation.created']);
	const [payload] = sql(`SELECT payload FROM outbox WHERE topic =
	    'participation.created' AND JSON_VALUE(payload,
	    '$.participation_id') = ${doc.id}`);
	const body = JSON.parse(payload[0]);
	assert.equal(body.event_id, ev.id);
	assert.equal(body.user_id, p.id);
	assert.equal(body.organizer_id, 2);
	assert.equal(body.status, 'approved');
});

test('the seed route POST /api/participaciones/inscribir enrols', async () => {
	const ev = makeEvent();
	const p = await person();
	const res = await api('POST', '/api/participaciones/inscribir', p.token,
	    { event_id: ev.id });
	assert.equal(res.status, 201, res.text);
	assert.equal(res.json().status, 'approved');
	const again = await api('POST', '/api/participaciones/inscribir', p.token,
	    { evento_id: ev.id });
	assertProblem(again, 409);
});

test('an event with approval keeps the enrolment pending', async () => {
	const ev = makeEvent({ capacity: 5, approval: 1 });
	const p = await person();
	const doc = await enrol(p, ev.id);
	assert.equal(doc.status, 'pending');
	assert.deepEqual(counters(ev.id), { approved: 0, pending: 1,
	    waitlisted: 0 });
});

test('a full event puts people on the waiting list', async () => {
	const ev = makeEvent({ capacity: 2 });
	const ps = [await person(), await person(), await person()];
	const got = [];
	for (const p of ps)
		got.push((await enrol(p, ev.id)).status);
	assert.deepEqual(got, ['approved', 'approved', 'waitlisted']);
	assert.deepEqual(counters(ev.id), { approved: 2, pending: 0,
	    waitlisted: 1 });
});

test('enrolling twice is 409 and changes nothing', async () => {
	const ev = makeEvent({ capacity: 3 });
	const p = await person();
	await enrol(p, ev.id);
	const res = await api('POST', '/api/v1/participations', p.token,
	    { event_id: ev.id });
	const doc = assertProblem(res, 409, '/api/v1/participations');
	assert.equal(doc.detail,
	    words.error_detail.participation_duplicate);
	assert.deepEqual(counters(ev.id), { approved: 1, pending: 0,
	    waitlisted: 0 });
	assert.equal(states(ev.id).approved, 1);
});

test('drafts and unknown events are 404; past and closed ones 409', async () => {
	const p = await person();
	const draft = makeEvent({ status: 'draft' });
	assertProblem(await api('POST', '/api/v1/participations', p.token,
	    { event_id: draft.id }), 404);
	assertProblem(await api('POST', '/api/v1/participations', p.token,
	    { event_id: 999999999 }), 404);
	const past = makeEvent({ days: -2 });
	const doc = assertProblem(await api('POST', '/api/v1/participations',
	    p.token, { event_id: past.id }), 409);
	assert.equal(doc.detail, words.error_detail.participation_closed);
	for (const status of ['finished', 'cancelled']) {
		const ev = makeEvent({ status });
		assertProblem(await api('POST', '/api/v1/participations',
		    p.token, { event_id: ev.id }), 409);
	}
	assert.equal(Number(sql(`SELECT COUNT(*) FROM participations WHERE
	    user_id = ${p.id}`)[0][0]), 0);
});

test('a bad or missing event_id is 422 with the field', async () => {
	const p = await person();
	let doc = assertProblem(await api('POST', '/api/v1/participations',
	    p.token, {}), 422);
	assert.ok(doc.errors.event_id, JSON.stringify(doc));
	doc = assertProblem(await api('POST', '/api/v1/participations',
	    p.token, { event_id: 'x' }), 422);
	assert.ok(doc.errors.event_id, JSON.stringify(doc));
	doc = assertProblem(await api('POST', '/api/v1/participations',
	    p.token, { event_id: [1] }), 422);
	assert.ok(doc.errors.event_id, JSON.stringify(doc));
});

test('signed-out callers get 401', async () => {
	const ev = makeEvent();
	assertProblem(await api('POST', '/api/v1/participations', null,
	    { event_id: ev.id }), 401);
	assertProblem(await api('GET', '/api/v1/participations', null), 401);
	assertProblem(await api('POST', '/api/v1/participations/1/approve',
	    null), 401);
	const page = await request('/participations', { from });
	assert.equal(page.status, 303);
	assert.equal(page.headers.location, '/login?next=%2Fparticipations');
});

// ------------------------------------------------------------ cancelling

test('cancelling frees the place for the first in line', async () => {
	const ev = makeEvent({ capacity: 1 });
	const [a, b, c] = [await person(), await person(), await person()];
	const pa = await enrol(a, ev.id);
	const pb = await enrol(b, ev.id);
	const pc = await enrol(c, ev.id);
	assert.deepEqual([pa.status, pb.status, pc.status],
	    ['approved', 'waitlisted', 'waitlisted']);
	const res = await api('POST', `/api/v1/participations/${pa.id}/cancel`,
	    a.token);
	assert.equal(res.status, 200, res.text);
	const doc = res.json();
	assert.equal(doc.status, 'cancelled');
	assert.deepEqual(doc.promoted, { id: pb.id, user_id: b.id });
	assert.deepEqual(counters(ev.id), { approved: 1, pending: 0,
	    waitlisted: 1 });
	const show = await api('GET', `/api/v1/participations/${pb.id}`,
	    b.token);
	assert.equal(show.json().status, 'approved');
	assert.deepEqual(topics(pa.id), ['participation.created',
	    'participation.cancelled']);
	assert.deepEqual(topics(pb.id), ['participation.created',
	    'participation.promoted']);
	// Cancelling a waiting place frees nothing.
	const rc = await api('POST', `/api/v1/participations/${pc.id}/cancel`,
	    c.token);
	assert.equal(rc.json().promoted, null);
	assert.deepEqual(counters(ev.id), { approved: 1, pending: 0,
	    waitlisted: 0 });
	// And twice is a state change that does not apply.
	assertProblem(await api('POST', `/api/v1/participations/${pc.id}/cancel`,
	    c.token), 409);
});

test('more places, or none limited, go to those waiting, in their order', async () => {
	const ev = makeEvent({ capacity: 1 });
	const [a, b, c, d] = [await person(), await person(), await person(),
	    await person()];
	await enrol(a, ev.id);
	const pb = await enrol(b, ev.id);
	const pc = await enrol(c, ev.id);
	const pd = await enrol(d, ev.id);
	assert.deepEqual([pb.status, pc.status, pd.status],
	    ['waitlisted', 'waitlisted', 'waitlisted']);
	// One more place: the first in line takes it, nobody else.
	let res = await api('PATCH', `/api/v1/events/${ev.id}`, ong.token,
	    { capacity: 2 });
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().places_left, 0);
	assert.deepEqual(counters(ev.id), { approved: 2, pending: 0,
	    waitlisted: 2 });
	assert.deepEqual(topics(pb.id), ['participation.created',
	    'participation.promoted']);
	assert.deepEqual(topics(pc.id), ['participation.created']);
	// A newcomer does not pass those still waiting.
	const e = await person();
	assert.equal((await enrol(e, ev.id)).status, 'waitlisted');
	// Unlimited: everyone waiting is in.
	res = await api('PATCH', `/api/v1/events/${ev.id}`, ong.token,
	    { capacity: 0 });
	assert.equal(res.status, 200, res.text);
	assert.deepEqual(counters(ev.id), { approved: 5, pending: 0,
	    waitlisted: 0 });
	for (const [who, pid] of [[c, pc.id], [d, pd.id]]) {
		const show = await api('GET', `/api/v1/participations/${pid}`,
		    who.token);
		assert.equal(show.json().status, 'approved');
	}
	assert.deepEqual(topics(pd.id), ['participation.created',
	    'participation.promoted']);
});

test('re-enrolling after a cancellation reuses the row', async () => {
	const ev = makeEvent({ capacity: 3 });
	const p = await person();
	const first = await enrol(p, ev.id);
	assert.equal((await api('POST',
	    `/api/v1/participations/${first.id}/cancel`, p.token)).status, 200);
	const again = await enrol(p, ev.id);
	assert.equal(again.id, first.id);
	assert.equal(again.status, 'approved');
	assert.deepEqual(counters(ev.id), { approved: 1, pending: 0,
	    waitlisted: 0 });
	assert.deepEqual(topics(first.id), ['participation.created',
	    'participation.cancelled', 'participation.created']);
});

test('a person back after leaving waits behind those already waiting', async () => {
	const ev = makeEvent({ capacity: 1 });
	const [a, b, c] = [await person(), await person(), await person()];
	const pa = await enrol(a, ev.id);
	const pb = await enrol(b, ev.id);	// waitlisted, lower id
	await api('POST', `/api/v1/participations/${pb.id}/cancel`, b.token);
	const pc = await enrol(c, ev.id);	// waitlisted
	const again = await enrol(b, ev.id);	// waitlisted again, old id
	assert.equal(again.id, pb.id);
	assert.equal(again.status, 'waitlisted');
	const res = await api('POST', `/api/v1/participations/${pa.id}/cancel`,
	    a.token);
	assert.deepEqual(res.json().promoted, { id: pc.id, user_id: c.id });
});

test('only the participant cancels', async () => {
	const ev = makeEvent({ capacity: 3 });
	const p = await person();
	const q = await person();
	const doc = await enrol(p, ev.id);
	const url = `/api/v1/participations/${doc.id}/cancel`;
	const d = assertProblem(await api('POST', url, ong.token), 403);
	assert.equal(d.detail, words.error_detail.participation_not_yours);
	assertProblem(await api('POST', url, q.token), 404);
	assertProblem(await api('POST', url, other.token), 404);
	assert.equal(states(ev.id).approved, 1);
});

// ---------------------------------------------------------- deciding one

test('the organiser approves and rejects pending enrolments', async () => {
	const ev = makeEvent({ capacity: 1, approval: 1 });
	const [a, b, c] = [await person(), await person(), await person()];
	const pa = await enrol(a, ev.id);
	const pb = await enrol(b, ev.id);
	const pc = await enrol(c, ev.id);
	let res = await api('POST', `/api/v1/participations/${pa.id}/approve`,
	    ong.token);
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().status, 'approved');
	// Full: the second approval is refused and stays pending.
	res = await api('POST', `/api/v1/participations/${pb.id}/approve`,
	    ong.token);
	const doc = assertProblem(res, 409);
	assert.equal(doc.detail, words.error_detail.participation_full);
	res = await api('POST', `/api/v1/participations/${pc.id}/reject`,
	    ong.token);
	assert.equal(res.json().status, 'rejected');
	assert.deepEqual(counters(ev.id), { approved: 1, pending: 1,
	    waitlisted: 0 });
	assert.deepEqual(states(ev.id), { pending: 1, approved: 1,
	    waitlisted: 0, rejected: 1, cancelled: 0 });
	// Invalid transitions.
	assertProblem(await api('POST', `/api/v1/participations/${pc.id}/approve`,
	    ong.token), 409);
	assertProblem(await api('POST', `/api/v1/participations/${pa.id}/reject`,
	    ong.token), 409);
	// An admin decides too; the freed place lets the pending one in.
	await api('POST', `/api/v1/participations/${pa.id}/cancel`, a.token);
	res = await api('POST', `/api/v1/participations/${pb.id}/approve`,
	    admin.token);
	assert.equal(res.status, 200, res.text);
	assert.deepEqual(topics(pb.id), ['participation.created',
	    'participation.approved']);
	assert.deepEqual(topics(pc.id), ['participation.created',
	    'participation.rejected']);
	// A rejection stands: enrolling again is 409 and changes nothing.
	const again = assertProblem(await api('POST', '/api/v1/participations',
	    c.token, { event_id: ev.id }), 409);
	assert.equal(again.detail, words.error_detail.participation_declined);
	assert.deepEqual(states(ev.id), { pending: 0, approved: 1,
	    waitlisted: 0, rejected: 1, cancelled: 1 });
	assert.deepEqual(topics(pc.id), ['participation.created',
	    'participation.rejected']);
});

test('nobody approves their own enrolment; other NGOs see nothing', async () => {
	const ev = makeEvent({ capacity: 5, approval: 1 });
	const p = await person();
	const doc = await enrol(p, ev.id);
	const own = await enrol(ong, ev.id);	// the organiser enrolled too
	let d = assertProblem(await api('POST',
	    `/api/v1/participations/${doc.id}/approve`, p.token), 403);
	assert.equal(d.detail, words.error_detail.participation_self);
	d = assertProblem(await api('POST',
	    `/api/v1/participations/${own.id}/approve`, ong.token), 403);
	assert.equal(d.detail, words.error_detail.participation_self);
	for (const action of ['approve', 'reject'])
		assertProblem(await api('POST',
		    `/api/v1/participations/${doc.id}/${action}`, other.token), 404);
	assertProblem(await api('GET', `/api/v1/participations/${doc.id}`,
	    other.token), 404);
	assertProblem(await api('GET',
	    `/api/v1/participations?event_id=${ev.id}`, other.token), 404);
	assertProblem(await api('GET',
	    `/api/v1/participations?event_id=${ev.id}`, p.token), 404);
	assertProblem(await api('POST', '/api/v1/participations/bulk',
	    other.token, { event_id: ev.id, action: 'approve', ids: [doc.id] }),
	    404);
	assert.deepEqual(counters(ev.id), { approved: 0, pending: 2,
	    waitlisted: 0 });
});

// ------------------------------------------------------------------ bulk

test('bulk approval is all or nothing', async () => {
	const ev = makeEvent({ capacity: 2, approval: 1 });
	const ps = [await person(), await person(), await person()];
	const ids = [];
	for (const p of ps)
		ids.push((await enrol(p, ev.id)).id);
	const url = '/api/v1/participations/bulk';
	// Three for two places: nothing changes.
	let res = await api('POST', url, ong.token,
	    { event_id: ev.id, action: 'approve', ids });
	let doc = assertProblem(res, 409);
	assert.equal(doc.detail, words.error_detail.participation_full);
	assert.deepEqual(counters(ev.id), { approved: 0, pending: 3,
	    waitlisted: 0 });
	// An id of another event: 422, nothing changes.
	const elsewhere = makeEvent({ approval: 1 });
	const stranger = await enrol(ps[0], elsewhere.id);
	res = await api('POST', url, ong.token,
	    { event_id: ev.id, action: 'reject', ids: [ids[0], stranger.id] });
	doc = assertProblem(res, 422);
	assert.ok(doc.errors.ids, JSON.stringify(doc));
	assert.equal(states(ev.id).pending, 3);
	// Not ids at all.
	for (const bad of [['x'], [0], 'x', [], [1.5]]) {
		doc = assertProblem(await api('POST', url, ong.token,
		    { event_id: ev.id, action: 'approve', ids: bad }), 422);
		assert.ok(doc.errors.ids, JSON.stringify(bad));
	}
	doc = assertProblem(await api('POST', url, ong.token,
	    { event_id: ev.id, action: 'accept', ids }), 422);
	assert.ok(doc.errors.action);
	// Two of them, ids as strings or numbers.
	res = await api('POST', url, ong.token,
	    { event_id: ev.id, action: 'approve', ids: [ids[0], String(ids[1])] });
	assert.equal(res.status, 200, res.text);
	assert.deepEqual(res.json().items, [{ id: ids[0], status: 'approved' },
	    { id: ids[1], status: 'approved' }]);
	res = await api('POST', url, admin.token,
	    { event_id: ev.id, action: 'reject', ids: [ids[2]] });
	assert.equal(res.status, 200, res.text);
	assert.deepEqual(counters(ev.id), { approved: 2, pending: 0,
	    waitlisted: 0 });
	assert.deepEqual(states(ev.id), { pending: 0, approved: 2,
	    waitlisted: 0, rejected: 1, cancelled: 0 });
	// Already decided: 409.
	assertProblem(await api('POST', url, ong.token,
	    { event_id: ev.id, action: 'reject', ids: [ids[0]] }), 409);
});

// ------------------------------------------------------------------ lists

test('the organiser lists participants by state with name and e-mail', async () => {
	const ev = makeEvent({ capacity: 1 });
	const [a, b] = [await person(), await person()];
	await enrol(a, ev.id);
	await enrol(b, ev.id);
	let res = await api('GET', `/api/v1/participations?event_id=${ev.id}`,
	    ong.token);
	assert.equal(res.status, 200, res.text);
	let doc = res.json();
	assert.equal(doc.next, null);
	assert.deepEqual(doc.items.map((i) => [i.email, i.status]),
	    [[a.email, 'approved'], [b.email, 'waitlisted']]);
	assert.equal(doc.items[0].name, a.name);
	assert.equal(doc.counts.approved, 1);
	assert.equal(doc.counts.waitlisted, 1);
	assert.equal(doc.event.id, ev.id);
	res = await api('GET',
	    `/api/v1/participations?event_id=${ev.id}&status=waitlisted`,
	    admin.token);
	doc = res.json();
	assert.deepEqual(doc.items.map((i) => i.email), [b.email]);
	assertProblem(await api('GET',
	    `/api/v1/participations?event_id=${ev.id}&status=maybe`, ong.token),
	    422);
});

test('mine lists my participations with the event title and start', async () => {
	const e1 = makeEvent({ days: 3 });
	const e2 = makeEvent({ days: 9, approval: 1 });
	const p = await person();
	await enrol(p, e1.id);
	await enrol(p, e2.id);
	for (const q of ['?mine=1', '']) {
		const res = await api('GET', `/api/v1/participations${q}`, p.token);
		assert.equal(res.status, 200, res.text);
		const doc = res.json();
		assert.equal(doc.next, null);
		assert.deepEqual(doc.items.map((i) => [i.event_title, i.status]),
		    [[e2.title, 'pending'], [e1.title, 'approved']]);
		assert.match(doc.items[0].event_starts_at,
		    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
	}
	const res = await api('GET', '/api/v1/participations?mine=1&status=pending',
	    p.token);
	assert.deepEqual(res.json().items.map((i) => i.event_id), [e2.id]);
});

// ------------------------------------------------------------------ pages

/* A browser session for a demo account: cookies and the CSRF token.
 * One sign-in per account, as sign-ins are limited. */
const sessions = new Map();
function browser(email) {
	if (!sessions.has(email))
		sessions.set(email, signInBrowser(email));
	return sessions.get(email);
}

async function signInBrowser(email) {
	// Each browser from an address of its own, as people have: the API
	// tests above spent this file's address's burst.
	const addr = sourceAddr(70);
	const jar = {};
	const keep = (res) => {
		for (const [k, line] of Object.entries(cookies(res)))
			jar[k] = line.split(';')[0].slice(k.length + 1);
	};
	const header = () => Object.entries(jar).map(([k, v]) => `${k}=${v}`)
	    .join('; ');
	const s = {
		async get(p) {
			const res = await request(p, { from: addr,
			    headers: { Cookie: header() } });
			keep(res);
			return res;
		},
		async post(p, form) {
			const body = new URLSearchParams(form);
			body.append('_csrf', jar.agora_csrf);
			const res = await request(p, { from: addr, method: 'POST',
			    headers: { Cookie: header(),
			    'Content-Type': 'application/x-www-form-urlencoded' },
			    body: body.toString() });
			keep(res);
			return res;
		},
	};
	await s.get('/login');
	const res = await s.post('/login', { email,
	    password: 'Demo-Agora-2026' });
	assert.equal(res.status, 303, res.text.slice(0, 200));
	return s;
}

test('pages: enrol by form, see it in "Mis inscripciones", cancel it', async () => {
	const ev = makeEvent({ capacity: 4 });
	const s = await browser('persona@agora.test');
	let res = await s.get(`/participations/new/${ev.id}`);
	assert.equal(res.status, 200);
	assert.match(res.text, new RegExp(ev.title));
	assert.match(res.text, /<form method="post" action="\/participations">/);
	res = await s.post('/participations', { event_id: String(ev.id) });
	assert.equal(res.status, 303, res.text.slice(0, 300));
	assert.equal(res.headers.location, '/participations');
	res = await s.get('/participations');
	assert.equal(res.status, 200);
	assert.match(res.text, new RegExp(`<h1>${words.participations.mine_title}`));
	assert.match(res.text, new RegExp(ev.title));
	assert.match(res.text, new RegExp(words.flash.participation_enrolled));
	assert.match(res.text, new RegExp(words.participations.state.approved));
	// A second try is a friendly error page.
	res = await s.post('/participations', { event_id: String(ev.id) });
	assert.equal(res.status, 409);
	assert.match(res.headers['content-type'], /^text\/html/);
	const [[pid]] = sql(`SELECT id FROM participations WHERE event_id =
	    ${ev.id} AND user_id = 4`);
	res = await s.post(`/participations/${pid}/cancel`, {});
	assert.equal(res.status, 303);
	res = await s.get(`/participations/${pid}`);
	assert.equal(res.status, 200);
	assert.match(res.text, new RegExp(words.participations.state.cancelled));
	// Times as people read them where the event is, not raw UTC.
	assert.match(res.text, /<time datetime="[0-9-]+T[0-9:]+Z">\d{4}-\d\d-\d\d \d\d:\d\d [A-Z+0-9-]+<\/time>/);
	assert.doesNotMatch(res.text, /<time datetime="[^"]*">[0-9-]+T/);
	// Without the token the form is refused.
	res = await request('/participations', { from, method: 'POST',
	    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
	    body: `event_id=${ev.id}` });
	assert.ok(res.status === 401 || res.status === 403, String(res.status));
});

test('pages: a state renamed in the catalog shows by its new name', async () => {
	const ev = makeEvent({ capacity: 10, approval: 1 });
	const p = await person();
	await enrol(p, ev.id);
	const items = (await api('GET', '/api/v1/catalog/participation-states',
	    admin.token)).json().items;
	const pending = items.find((i) => i.code === 'pending');
	const url = `/api/v1/catalog/participation-states/${pending.id}`;
	const was = (await api('GET', url, admin.token)).json();
	const name = `Por decidir ${RUN}`;
	let res = await api('PATCH', url, admin.token,
	    { name, name_en: `Undecided ${RUN}` });
	assert.equal(res.status, 200, res.text);
	try {
		const s = await browser('ong@agora.test');
		res = await s.get(`/participations?event_id=${ev.id}`);
		assert.equal(res.status, 200);
		// In the row, in the count and in the filter's options.
		assert.equal(res.text.split(name).length - 1, 3, 'three times');
		assert.doesNotMatch(res.text, new RegExp(words.participations.state.pending));
		res = await s.get(`/participations?event_id=${ev.id}&lang=en`);
		assert.match(res.text, new RegExp(`Undecided ${RUN}`));
		await s.get(`/participations?event_id=${ev.id}&lang=es`);
		// The participant's own state on the event's page.
		res = await request(`/events/${ev.id}`, { from, headers: {
		    Accept: 'text/html', Authorization: `Bearer ${p.token}` } });
		assert.equal(res.status, 200);
		assert.match(res.text, new RegExp(name));
		// The API keeps speaking in codes.
		res = await api('GET', `/api/v1/participations?event_id=${ev.id}`,
		    ong.token);
		assert.equal(res.json().items[0].status, 'pending');
		assert.equal(res.json().items[0].status_name, undefined);
	} finally {
		res = await api('PATCH', url, admin.token,
		    { name: was.name_es, name_en: was.name_en });
		assert.equal(res.status, 200, res.text);
	}
});

test('pages: the organiser decides many with repeated ids checkboxes', async () => {
	const ev = makeEvent({ capacity: 10, approval: 1 });
	const ps = [await person(), await person(), await person()];
	const ids = [];
	for (const p of ps)
		ids.push((await enrol(p, ev.id)).id);
	const s = await browser('ong@agora.test');
	let res = await s.get(`/participations?event_id=${ev.id}`);
	assert.doesNotMatch(res.text, /<time datetime="[^"]*">[0-9-]+T/,
	    'no raw UTC times');
	assert.equal(res.status, 200);
	for (const id of ids)
		assert.match(res.text, new RegExp(`name="ids" value="${id}"`));
	assert.match(res.text, /action="\/participations\/bulk"/);
	assert.match(res.text, new RegExp(`/events/${ev.id}/participants.csv`));
	const form = new URLSearchParams();
	form.append('event_id', String(ev.id));
	form.append('action', 'approve');
	form.append('ids', String(ids[0]));
	form.append('ids', String(ids[2]));
	res = await s.post('/participations/bulk', form);
	assert.equal(res.status, 303, res.text.slice(0, 300));
	assert.equal(res.headers.location, `/participations?event_id=${ev.id}`);
	assert.deepEqual(states(ev.id), { pending: 1, approved: 2,
	    waitlisted: 0, rejected: 0, cancelled: 0 });
	res = await s.post(`/participations/${ids[1]}/reject`, {});
	assert.equal(res.status, 303);
	res = await s.get(res.headers.location);
	assert.match(res.text, new RegExp(words.flash.participation_rejected));
	assert.deepEqual(counters(ev.id), { approved: 2, pending: 0,
	    waitlisted: 0 });
	// No box ticked: the form comes back with the reason.
	res = await s.post('/participations/bulk', { event_id: String(ev.id),
	    action: 'reject' });
	assert.equal(res.status, 422);
	// English pages.
	res = await s.get(`/participations?event_id=${ev.id}&lang=en`);
	const en = JSON.parse(fs.readFileSync(path.join(TOP, 'templates', 'i18n',
	    'en-participations.json'), 'utf8'));
	assert.match(res.text, new RegExp(en.participations.state.approved));
});

test('pages: a person turned down sees so, with no form to enrol again', async () => {
	const ev = makeEvent({ capacity: 3, approval: 1 });
	const p = { token: await demo('persona@agora.test') };
	const mine = await enrol(p, ev.id);
	const res0 = await api('POST', `/api/v1/participations/${mine.id}/reject`,
	    ong.token);
	assert.equal(res0.status, 200, res0.text);
	const s = await browser('persona@agora.test');
	const res = await s.get(`/participations/new/${ev.id}`);
	assert.equal(res.status, 200, res.text.slice(0, 300));
	assert.ok(res.text.includes(words.participations.declined));
	assert.doesNotMatch(res.text, /<form method="post" action="\/participations">/);
	const post = await s.post('/participations', { event_id: String(ev.id) });
	assert.equal(post.status, 409);
	assert.ok(post.text.includes(words.error_detail.participation_declined));
});

test('pages: no decisions are offered once the event is cancelled', async () => {
	const ev = makeEvent({ capacity: 3, approval: 1 });
	const p = await person();
	const mine = await enrol(p, ev.id);
	const s = await browser('ong@agora.test');
	let res = await s.get(`/participations?event_id=${ev.id}`);
	assert.ok(res.text.includes(`/participations/${mine.id}/approve`));
	sql(`UPDATE events SET status = 'cancelled' WHERE id = ${ev.id}`);
	res = await s.get(`/participations?event_id=${ev.id}`);
	assert.equal(res.status, 200);
	assert.ok(!res.text.includes(`/participations/${mine.id}/approve`));
	assert.ok(!res.text.includes('action="/participations/bulk"'));
	res = await s.get(`/participations/${mine.id}`);
	assert.ok(!res.text.includes(`/participations/${mine.id}/approve`));
	// Nor taken: the cancellation is the answer everyone gets.
	for (const step of ['approve', 'reject'])
		assertProblem(await api('POST', `/api/v1/participations/${mine.id}/${step}`,
		    ong.token), 409);
	assertProblem(await api('POST', '/api/v1/participations/bulk', ong.token,
	    { event_id: ev.id, action: 'reject', ids: [mine.id] }), 409);
	assert.deepEqual(topics(mine.id), ['participation.created']);
});

test('pages: "next" goes only to a path here, never past a tab to another site', async () => {
	const s = await browser('persona@agora.test');
	for (const [next, want] of [['/\t/evil.example', '/participations'],
	    ['/events?q=pan de barrio', '/events?q=pan de barrio']]) {
		const ev = makeEvent({ capacity: 3 });
		const res = await s.post('/participations', { event_id: String(ev.id), next });
		assert.equal(res.status, 303, res.text.slice(0, 200));
		assert.equal(res.headers.location, want);
	}
});
