// Event times are stored in UTC and shown and typed, on the pages, in the
// time zone of the event's city: 18:00 typed for a Madrid event is 17:00
// UTC in winter and 16:00 UTC in summer, an hour later in UTC for the
// Canaries.  The detail page, the list, the edit form and the calendar
// file agree; the JSON API keeps UTC both ways, a zoneless time meaning
// UTC as the mobile app has always sent it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

import { assertProblem, serial } from './lib.mjs';
import {
    Client, account, decode, eventFields, pageSignIn, signUp, sql, token,
} from './events-lib.mjs';

await serial();
const TAG = 69;
const es = JSON.parse(fs.readFileSync(new URL(
    '../../templates/i18n/es-events.json', import.meta.url), 'utf8'));

let admin, ong, madrid, canary;

/* A city of the catalog with its zone, made by the admin. */
async function city(timezone) {
	const res = await admin.api('POST', '/api/v1/catalog/cities',
	    { name: `Ciudad ${token('tz')}`, timezone });
	assert.equal(res.status, 201, res.text);
	const doc = res.json();
	assert.equal(doc.timezone, timezone);
	return doc.id;
}

/* Creates an event through the page form; returns its id. */
async function pageEvent(cityId, starts, ends, over = {}) {
	const res = await ong.post('/events', { title: `Evento ${token('tz')}`,
	    description: 'Una tarde de prueba.', type_id: '1',
	    city_id: String(cityId), place_id: '', starts_at: starts,
	    ends_at: ends, capacity: '0', ...over });
	assert.equal(res.status, 303, res.text.slice(0, 400));
	return Number(res.headers.location.split('/')[2]);
}

/* What the database holds, as MariaDB writes it. */
function stored(id) {
	return sql(`SELECT starts_at, ends_at FROM events WHERE id = ${Number(id)}`)[0];
}

/* DTSTART and DTEND of an event's calendar file. */
async function icsTimes(id) {
	const res = await ong.send(`/events/${id}.ics`);
	assert.equal(res.status, 200);
	const text = res.body.toString('utf8');
	return [/\r\nDTSTART:(\S+)\r\n/.exec(text)?.[1],
	    /\r\nDTEND:(\S+)\r\n/.exec(text)?.[1]];
}

test('set-up: an admin makes a Madrid and a Canary city; an NGO signs in', async () => {
	admin = await account(TAG, 'admin');
	madrid = await city('Europe/Madrid');
	canary = await city('Atlantic/Canary');
	ong = new Client(TAG);
	const u = await signUp(ong, 'ong');
	ong.access = null;
	await pageSignIn(ong, u.email, u.password);
});

test('winter in Madrid: 18:00 typed is 17:00 UTC, shown as 18:00 CET', async () => {
	const id = await pageEvent(madrid, '2031-01-15T18:00', '2031-01-15T20:30');
	assert.deepEqual(stored(id), ['2031-01-15 17:00:00', '2031-01-15 19:30:00']);

	const page = decode((await ong.page('GET', `/events/${id}`)).text);
	assert.match(page, /<time datetime="2031-01-15T17:00:00Z">2031-01-15 18:00<\/time> <abbr title="Europe\/Madrid">CET<\/abbr>/);
	assert.match(page, /<time datetime="2031-01-15T19:30:00Z">2031-01-15 20:30<\/time>/);
	assert.match(page, /\(Europe\/Madrid\)/);
	assert.doesNotMatch(page, /2031-01-15 17:00/, 'no UTC wall-clock time on the page');

	const edit = await ong.page('GET', `/events/${id}/edit`);
	assert.equal(edit.status, 200);
	assert.match(edit.text, /name="starts_at" type="datetime-local" required value="2031-01-15T18:00"/);
	assert.match(edit.text, /name="ends_at" type="datetime-local" required value="2031-01-15T20:30"/);

	assert.deepEqual(await icsTimes(id), ['20310115T170000Z', '20310115T193000Z']);
});

test('summer in Madrid: 18:00 typed is 16:00 UTC, shown as 18:00 CEST', async () => {
	const id = await pageEvent(madrid, '2031-07-15T18:00', '2031-07-15T19:00');
	assert.deepEqual(stored(id), ['2031-07-15 16:00:00', '2031-07-15 17:00:00']);
	const page = decode((await ong.page('GET', `/events/${id}`)).text);
	assert.match(page, /2031-07-15 18:00<\/time> <abbr title="Europe\/Madrid">CEST<\/abbr>/);
	const edit = await ong.page('GET', `/events/${id}/edit`);
	assert.match(edit.text, /value="2031-07-15T18:00"/);
	assert.deepEqual(await icsTimes(id), ['20310715T160000Z', '20310715T170000Z']);
});

test('the Canaries are an hour behind Madrid: 18:00 is 18:00 UTC in winter, 17:00 in summer', async () => {
	const w = await pageEvent(canary, '2031-01-15T18:00', '2031-01-15T20:00');
	assert.deepEqual(stored(w), ['2031-01-15 18:00:00', '2031-01-15 20:00:00']);
	let page = decode((await ong.page('GET', `/events/${w}`)).text);
	assert.match(page, /2031-01-15 18:00<\/time> <abbr title="Atlantic\/Canary">WET<\/abbr>/);
	assert.deepEqual(await icsTimes(w), ['20310115T180000Z', '20310115T200000Z']);

	const s = await pageEvent(canary, '2031-07-15T18:00', '2031-07-15T20:00');
	assert.deepEqual(stored(s), ['2031-07-15 17:00:00', '2031-07-15 19:00:00']);
	page = decode((await ong.page('GET', `/events/${s}`)).text);
	assert.match(page, /2031-07-15 18:00<\/time> <abbr title="Atlantic\/Canary">WEST<\/abbr>/);
	const edit = await ong.page('GET', `/events/${s}/edit`);
	assert.match(edit.text, /value="2031-07-15T18:00"/);
});

test('the list shows each event at its local time with its zone', async () => {
	const word = token('tzlist');
	for (const c of [madrid, canary])
		await pageEvent(c, '2031-02-01T18:00', '2031-02-01T19:00',
		    { title: `Lista ${word}`, status: 'published' });
	const list = decode((await ong.page('GET', `/events?q=${word}`)).text);
	assert.match(list, /2031-02-01 18:00<\/time> <abbr class="muted" title="Europe\/Madrid">CET<\/abbr>/);
	assert.match(list, /2031-02-01 18:00<\/time> <abbr class="muted" title="Atlantic\/Canary">WET<\/abbr>/);
	assert.match(list, /datetime="2031-02-01T17:00:00Z"/);
	assert.match(list, /datetime="2031-02-01T18:00:00Z"/);
});

test('from and to are days where each event happens, not UTC days', async () => {
	// 00:30 on 2031-02-10 in Madrid is 23:30 UTC on the 9th; 23:30 on the
	// 10th in the Canaries is 23:30 UTC on the 10th; 00:30 on the 11th
	// in Madrid is 23:30 UTC on the 10th.
	const word = token('tzday');
	const make = (c, at) => pageEvent(c, at, at.replace(/T.*/, 'T23:59'),
	    { title: `Día ${word}`, status: 'published' });
	const early = await make(madrid, '2031-02-10T00:30');
	const late = await make(canary, '2031-02-10T23:30');
	const next = await make(madrid, '2031-02-11T00:30');
	const ids = async (qs) => (await ong.api('GET',
	    `/api/v1/events?q=${word}&${qs}`)).json().items.map((e) => e.id);
	assert.deepEqual(await ids('from=2031-02-10&to=2031-02-10'), [early, late]);
	assert.deepEqual(await ids('from=2031-02-11'), [next]);
	assert.deepEqual(await ids('to=2031-02-09'), []);
	assert.deepEqual(await ids(`from=2031-02-10&to=2031-02-10&city_id=${madrid}`), [early]);
	assert.deepEqual(await ids(`from=2031-02-10&to=2031-02-10&city_id=${canary}`), [late]);
	assert.deepEqual(await ids(`to=2031-02-10&city_id=${madrid}`), [early]);
	// Without words the list takes the same days (and its index).
	const mine = async (qs) => (await ong.api('GET', '/api/v1/events?' +
	    `organizer_id=${ong.user.id}&${qs}`)).json().items.map((e) => e.id);
	assert.deepEqual(await mine('from=2031-02-10&to=2031-02-10'), [early, late]);
	assert.deepEqual(await mine('from=2031-02-11&to=2031-02-11'), [next]);
	assert.deepEqual(await mine('from=2031-02-10&to=2031-02-10&type_id=1'), [early, late]);
	assert.deepEqual(await mine('from=2031-02-10&to=9999-12-31'), [early, late, next],
	    'the last day a date can name');
	assert.deepEqual(await mine('status=draft&from=2031-02-10'), []);
	const page = decode((await ong.page('GET', `/events?q=${word}&from=2031-02-11`)).text);
	assert.match(page, /2031-02-11 00:30<\/time>/);
	assert.doesNotMatch(page, /2031-02-10 00:30<\/time>/);
});

test('saving the edit form unchanged keeps the time; another city reads it in its own zone', async () => {
	const id = await pageEvent(madrid, '2031-01-20T18:00', '2031-01-20T19:00');
	const fields = { title: 'Sin cambios', description: 'Igual.', type_id: '1',
	    city_id: String(madrid), place_id: '', starts_at: '2031-01-20T18:00',
	    ends_at: '2031-01-20T19:00', capacity: '0' };
	let res = await ong.post(`/events/${id}`, fields);
	assert.equal(res.status, 303, res.text.slice(0, 300));
	assert.deepEqual(stored(id), ['2031-01-20 17:00:00', '2031-01-20 18:00:00']);
	res = await ong.post(`/events/${id}`, { ...fields, city_id: String(canary) });
	assert.equal(res.status, 303, res.text.slice(0, 300));
	assert.deepEqual(stored(id), ['2031-01-20 18:00:00', '2031-01-20 19:00:00']);
});

test('a time the spring change skips is refused on the page; a repeated autumn time is the first', async () => {
	// Madrid's clocks go from 02:00 to 03:00 on 2031-03-30.
	const res = await ong.post('/events', { title: 'Madrugada', description:
	    'Prueba.', type_id: '1', city_id: String(madrid), place_id: '',
	    starts_at: '2031-03-30T02:30', ends_at: '2031-03-30T04:00',
	    capacity: '0' });
	assert.equal(res.status, 422);
	assert.match(res.text, /id="f-starts_at-error"/);
	assert.ok(decode(res.text).includes(es.valid.event_time_skipped));
	assert.match(res.text, /value="2031-03-30T02:30"/, 'the typed time comes back');
	// ... and back from 03:00 to 02:00 on 2031-10-26: 02:30 is read in
	// summer time, the first time the clocks show it.
	const id = await pageEvent(madrid, '2031-10-26T02:30', '2031-10-26T04:00');
	assert.deepEqual(stored(id), ['2031-10-26 00:30:00', '2031-10-26 03:00:00']);
	const page = decode((await ong.page('GET', `/events/${id}`)).text);
	assert.match(page, /2031-10-26 02:30<\/time> <abbr title="Europe\/Madrid">CEST<\/abbr>/);
	assert.match(page, /2031-10-26 04:00<\/time> <abbr title="Europe\/Madrid">CET<\/abbr>/);
});

test('a page time with its own zone is read as written', async () => {
	const id = await pageEvent(madrid, '2031-01-15T18:00:00Z', '2031-01-15T20:00+01:00');
	assert.deepEqual(stored(id), ['2031-01-15 18:00:00', '2031-01-15 19:00:00']);
});

test('the API is unchanged: UTC out with Z, a zoneless time in is UTC', async () => {
	const api = await account(TAG, 'ong');
	let res = await api.api('POST', '/api/v1/events', eventFields({
	    city_id: madrid, starts_at: '2031-01-15T18:00',
	    ends_at: '2031-01-15T20:00:00Z' }));
	assert.equal(res.status, 201, res.text);
	let doc = res.json();
	assert.equal(doc.starts_at, '2031-01-15T18:00:00Z');
	assert.equal(doc.ends_at, '2031-01-15T20:00:00Z');
	assert.equal(doc.timezone, 'Europe/Madrid');
	assert.equal(doc.starts_label, '2031-01-15 18:00', 'the API label stays UTC');
	assert.deepEqual(stored(doc.id), ['2031-01-15 18:00:00', '2031-01-15 20:00:00']);

	res = await api.api('PATCH', `/api/v1/events/${doc.id}`,
	    { starts_at: '2031-01-15T19:00+01:00', ends_at: '2031-01-15T21:00' });
	assert.equal(res.status, 200, res.text);
	doc = res.json();
	assert.equal(doc.starts_at, '2031-01-15T18:00:00Z');
	assert.equal(doc.ends_at, '2031-01-15T21:00:00Z');

	res = await api.api('GET', `/api/v1/events/${doc.id}`);
	assert.equal(res.json().starts_at, '2031-01-15T18:00:00Z');
	res = await api.api('POST', '/api/v1/events', eventFields({
	    city_id: canary, starts_at: '2031-03-30T01:30',
	    ends_at: '2031-03-30T02:30' }));
	assert.equal(res.status, 201, 'a zoneless API time is UTC, never a skipped local one');
	assert.equal(res.json().timezone, 'Atlantic/Canary');
	assertProblem(await api.api('POST', '/api/v1/events', eventFields({
	    city_id: madrid, starts_at: '2031-01-15T25:00' })), 422);
});

test('a mega event page shows its events at their local time; its API rows are unchanged', async () => {
	const api = await account(TAG, 'ong');
	const ev = (await api.api('POST', '/api/v1/events', eventFields({
	    city_id: canary, starts_at: '2031-07-15T17:00:00Z',
	    ends_at: '2031-07-15T18:00:00Z', status: 'published' }))).json();
	const cat = Number(sql('SELECT MIN(id) FROM megaevent_categories')[0][0]);
	let res = await api.api('POST', '/api/v1/megaevents', { title:
	    `Festival ${token('tz')}`, description: 'Varios días.', category_id: cat,
	    starts_at: '2031-07-14T10:00:00Z', ends_at: '2031-07-16T20:00:00Z' });
	assert.equal(res.status, 201, res.text);
	const me = res.json();
	res = await api.api('POST', `/api/v1/megaevents/${me.id}/events`, { event_id: ev.id });
	assert.ok(res.status < 300, res.text);
	const page = decode((await new Client(TAG).page('GET', `/megaevents/${me.id}`)).text);
	assert.match(page, /<time datetime="2031-07-15T17:00:00Z">2031-07-15 18:00 WEST<\/time>/);
	const doc = (await api.api('GET', `/api/v1/megaevents/${me.id}`)).json();
	assert.deepEqual(Object.keys(doc.events[0]).sort(), ['id', 'starts_at', 'status', 'title']);
	assert.equal(doc.events[0].starts_at, '2031-07-15T17:00:00Z');
});

test('participation pages show the event at its local time; their API stays UTC', async () => {
	const id = await pageEvent(madrid, '2031-01-16T18:00', '2031-01-16T20:00',
	    { status: 'published' });
	const person = await account(TAG, 'externo');
	let res = await person.api('POST', '/api/v1/participations', { event_id: id });
	assert.equal(res.status, 201, res.text);
	const pid = res.json().id;
	const list = decode((await ong.page('GET', `/participations?event_id=${id}`)).text);
	assert.match(list, /<time datetime="2031-01-16T17:00:00Z">2031-01-16 18:00 CET<\/time>/);
	const one = decode((await ong.page('GET', `/participations/${pid}`)).text);
	assert.match(one, /<time datetime="2031-01-16T17:00:00Z">2031-01-16 18:00 CET<\/time>/);
	res = await person.api('GET', '/api/v1/participations?mine=1');
	assert.equal(res.status, 200, res.text);
	const mine = res.json().items.find((p) => p.id === pid);
	assert.equal(mine.event_starts_at, '2031-01-16T17:00:00Z');
	assert.equal(mine.event_timezone, undefined);
	assert.equal(mine.event_starts_text, undefined);
});
