// The events program's workers keep the lists and event pages they drew
// (what is the same for every viewer) and serve them again while the sum
// of event_pages_version, which triggers move with every change to what
// those pages show, stays the same.  Each case here lets every worker
// keep a page, changes something the page shows (through the API, the
// catalog or a hand-written statement), and asks again as many times:
// every answer must show the change.  The version itself is read from a
// reading the programs share for up to VERSIONS_RECENT_MS, which any commit
// through the site makes old: a change through the site shows on the
// very next request, a hand-written one a moment later.  A search keeps
// the ids it found under another version, which counters do not move.
// Signed-in viewers and languages never get another's page; a page that
// says an event is upcoming stops saying so when it starts, with nothing
// changed.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';

import { serial, sleep } from './lib.mjs';
import {
    Client, account, createEvent, decode, pageSignIn, publishedEvent, sql,
    token,
} from './events-lib.mjs';

await serial();
const TAG = 173;
const ROUNDS = 12;	// enough requests to meet every worker
const RECENT_MS = 100;	// VERSIONS_RECENT_MS in lib/versions.h
let admin, ong, person, anon, cityId;

/* Every one of ROUNDS answers to an anonymous GET of path. */
async function everyWorker(path, opts = {}) {
	const out = [];
	for (let i = 0; i < ROUNDS; i++) {
		const res = await anon.send(path, { cookies: false, token: false,
		    ...opts });
		assert.equal(res.status, 200, `${path}: ${res.status} ${res.text.slice(0, 300)}`);
		out.push(res);
	}
	return out;
}

/* Someone looks at the list just before a change through the site: the
 * shared reading of the version is then at its freshest, and only the
 * change's commit can make the next request read it again. */
async function lookJustBefore() {
	await sleep(2 * RECENT_MS + 50);
	const res = await anon.send(`/api/v1/events?city_id=${cityId}`,
	    { cookies: false, token: false });
	assert.equal(res.status, 200, res.text);
}

/* A hand-written statement commits behind the site's back: the shared
 * reading may stand until it is old. */
function handWritten(statement) {
	sql(statement);
	return sleep(2 * RECENT_MS + 50);
}

async function apiList() {
	return (await everyWorker(`/api/v1/events?city_id=${cityId}`))
	    .map((r) => r.json());
}

async function listPages(lang = 'es') {
	return (await everyWorker(`/events?city_id=${cityId}`, { html: true,
	    headers: { 'Accept-Language': lang } })).map((r) => decode(r.text));
}

async function detailPages(id) {
	return (await everyWorker(`/events/${id}`, { html: true }))
	    .map((r) => decode(r.text));
}

before(async () => {
	admin = await account(TAG, 'admin');
	ong = await account(TAG, 'ong');
	person = await account(TAG, 'externo');
	anon = new Client(TAG);
	const res = await admin.api('POST', '/api/v1/catalog/cities',
	    { name: `Villa ${token('kp')}`, timezone: 'Europe/Madrid' });
	assert.equal(res.status, 201, res.text);
	cityId = res.json().id;
});

test('a list kept empty shows an event published in its city at once', async () => {
	for (const doc of await apiList())
		assert.deepEqual(doc.items, []);
	for (const text of await listPages())
		assert.ok(!text.includes('class="card"'), 'no event yet');
	const ev = await publishedEvent(ong, { city_id: cityId, capacity: 3,
	    title: `Huerto ${token('kp')}` });
	for (const doc of await apiList())
		assert.deepEqual(doc.items.map((e) => e.id), [ev.id]);
	for (const text of await listPages())
		assert.ok(text.includes(ev.title), 'the new event is listed');
});

test('an enrolment moves places left on kept lists and pages', async () => {
	const ev = (await apiList())[0].items[0];
	assert.equal(ev.places_left, 3);
	for (const text of await detailPages(ev.id))
		assert.match(text, /Plazas libres: 3/);
	await lookJustBefore();
	const res = await person.api('POST', '/api/v1/participations',
	    { event_id: ev.id });
	assert.equal(res.status, 201, res.text);
	assert.equal(res.json().status, 'approved');
	for (const doc of await apiList())
		assert.equal(doc.items[0].places_left, 2);
	for (const text of await detailPages(ev.id)) {
		assert.match(text, /Plazas libres: 2/);
		assert.ok(!text.includes('Tu inscripción'), 'nobody\'s enrolment');
	}
	for (const text of await listPages())
		assert.match(text, /Plazas libres: 2/);
});

test('a renamed city and a hand-written title change show on kept pages', async () => {
	const ev = (await apiList())[0].items[0];
	await detailPages(ev.id);
	await listPages();
	const name = `Villa nueva ${token('kp')}`;
	await lookJustBefore();
	const res = await admin.api('PATCH', `/api/v1/catalog/cities/${cityId}`,
	    { name });
	assert.equal(res.status, 200, res.text);
	for (const text of await detailPages(ev.id))
		assert.ok(text.includes(name), 'the city\'s new name on the page');
	for (const text of await listPages())
		assert.ok(text.includes(`>${name}</option>`), 'and in the filter');
	const title = `Retitulado ${token('kp')}`;
	await handWritten(`UPDATE events SET title = '${title}' WHERE id = ${Number(ev.id)}`);
	for (const text of await detailPages(ev.id))
		assert.ok(text.includes(title));
	for (const doc of await apiList())
		assert.equal(doc.items[0].title, title);
});

test('an organisation\'s new name shows as the organiser', async () => {
	const ev = (await apiList())[0].items[0];
	await detailPages(ev.id);
	const name = `Asociación ${token('kp')}`;
	await handWritten(`UPDATE organizations SET name = '${name}' WHERE user_id = ${Number(ong.user.id)}`);
	for (const text of await detailPages(ev.id))
		assert.ok(text.includes(name));
	for (const doc of await apiList())
		assert.equal(doc.items[0].organizer.name, name);
});

test('signed-in viewers and other languages never get another\'s page', async () => {
	const ev = (await apiList())[0].items[0];
	await detailPages(ev.id);
	await listPages('es');
	// The person enrolled above sees their own enrolment and can leave.
	const browser = new Client(TAG);
	await pageSignIn(browser, person.user.email, person.user.password);
	for (let i = 0; i < ROUNDS; i++) {
		const res = await browser.page('GET', `/events/${ev.id}`);
		assert.equal(res.status, 200);
		assert.ok(res.text.includes(`/participations/`) &&
		    res.text.includes('/cancel"'), 'the leave form is theirs');
		const list = await browser.page('GET', `/events?city_id=${cityId}`);
		assert.ok(list.text.includes('value="draft"'), 'drafts to pick');
		assert.ok(list.text.includes('/events/feed/'), 'their own feed');
	}
	for (const text of await detailPages(ev.id)) {
		assert.ok(!text.includes('/cancel"'), 'no one\'s leave form');
		assert.ok(!text.includes('name="_csrf"'), 'no one\'s token');
	}
	for (const text of await listPages('es')) {
		assert.ok(!text.includes('value="draft"'));
		assert.ok(!text.includes('/events/feed/'));
	}
	for (const text of await listPages('en')) {
		assert.match(text, /Places left: 2/, 'the English page');
		assert.ok(!text.includes('Plazas libres'));
	}
});

test('a kept search reads its events again after an enrolment, and searches again when one stops matching', async () => {
	const w = token('kps');
	const search = async (extra = '') => (await everyWorker(
	    `/api/v1/events?q=${w}${extra}`)).map((r) => r.json());
	const a = await publishedEvent(ong, { city_id: cityId, capacity: 5,
	    title: `Taller ${w}` });
	for (const doc of await search())
		assert.deepEqual(doc.items.map((e) => [e.id, e.places_left]),
		    [[a.id, 5]]);
	for (const doc of await search('&sort=relevance'))
		assert.deepEqual(doc.items.map((e) => e.id), [a.id]);
	// A counter moves: every page is stale, the events found are not.
	const res = await person.api('POST', '/api/v1/participations',
	    { event_id: a.id });
	assert.equal(res.status, 201, res.text);
	for (const doc of await search())
		assert.deepEqual(doc.items.map((e) => [e.id, e.places_left]),
		    [[a.id, 4]]);
	// Its title loses the word: it is found no more.
	const patch = await ong.api('PATCH', `/api/v1/events/${a.id}`,
	    { title: 'Taller sin la palabra' });
	assert.equal(patch.status, 200, patch.text);
	for (const doc of await search())
		assert.deepEqual(doc.items, []);
	for (const doc of await search('&sort=relevance'))
		assert.deepEqual(doc.items, []);
	// Another event gets it.
	const b = await publishedEvent(ong, { city_id: cityId,
	    title: `Charla ${w}` });
	for (const doc of await search())
		assert.deepEqual(doc.items.map((e) => e.id), [b.id]);
});

test('a kept page stops calling an event upcoming when it starts', async () => {
	const starts = new Date(Date.now() + 4000);
	const ends = new Date(Date.now() + 3600 * 1000);
	const iso = (d) => d.toISOString().replace(/\.\d+Z$/, 'Z');
	const ev = await createEvent(ong, { city_id: cityId, status: 'published',
	    starts_at: iso(starts), ends_at: iso(ends) });
	const docs = await everyWorker(`/api/v1/events/${ev.id}`);
	for (const r of docs)
		assert.equal(r.json().upcoming, true);
	const wait = starts.getTime() + 1200 - Date.now();
	if (wait > 0)
		await sleep(wait);
	for (const r of await everyWorker(`/api/v1/events/${ev.id}`))
		assert.equal(r.json().upcoming, false);
	for (const doc of await apiList()) {
		const row = doc.items.find((e) => e.id === ev.id);
		assert.ok(row, 'listed');
		assert.equal(row.upcoming, false);
	}
});
