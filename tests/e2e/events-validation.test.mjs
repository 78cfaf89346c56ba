// Every rule of an event's fields answers 422 with the field and a reason:
// dates in order and in the future, known and live catalog entries, a
// place in the chosen city, capacity in range, lengths.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';

import { assertProblem, catalog, serial } from './lib.mjs';
import {
    account, createEvent, eventFields, future, q, sql,
} from './events-lib.mjs';

await serial();
const TAG = 63;
const es = catalog('es');
let ong;

async function refused(over, field, message) {
	const res = await ong.api('POST', '/api/v1/events', eventFields(over));
	const doc = assertProblem(res, 422);
	assert.ok(doc.errors && doc.errors[field], `errors.${field} in ${res.text}`);
	if (message !== undefined)
		assert.equal(doc.errors[field], message);
	return doc;
}

test('set-up: an NGO', async () => {
	ong = await account(TAG, 'ong');
});

test('required fields', async () => {
	const res = await ong.api('POST', '/api/v1/events', {});
	const doc = assertProblem(res, 422);
	for (const f of ['title', 'description', 'type_id', 'city_id', 'starts_at',
	    'ends_at'])
		assert.equal(doc.errors[f], es.valid.required, f);
	await refused({ title: '' }, 'title', es.valid.required);
});

test('dates out of order, in the past, or not dates', async () => {
	await refused({ starts_at: future(3, 12), ends_at: future(3, 11) },
	    'ends_at', 'El final tiene que ser posterior al comienzo.');
	await refused({ starts_at: '2999-05-01T10:00:00Z', ends_at: '2999-05-01T12:00:00Z' },
	    'starts_at', 'Los eventos se planifican como mucho con diez años de antelación: revisa el año.');
	await refused({ ends_at: '9999-12-31T23:59:59Z' }, 'ends_at');
	await refused({ starts_at: future(-1, 10), ends_at: future(1, 10) },
	    'starts_at', 'El evento tiene que empezar en el futuro.');
	await refused({ starts_at: 'mañana' }, 'starts_at', es.valid.bad_datetime);
	await refused({ ends_at: '2030-02-30T10:00' }, 'ends_at', es.valid.bad_datetime);
	// Offsets are honoured: 12:00+02:00 is 10:00Z, before an 11:00Z start.
	const d = future(4, 11).slice(0, 10);
	await refused({ starts_at: `${d}T11:00:00Z`, ends_at: `${d}T12:00:00+02:00` },
	    'ends_at');
	// The same instant for start and end is no event: a calendar's
	// DTEND must come after its DTSTART (RFC 5545, 3.8.2.2).
	await refused({ starts_at: `${d}T11:00:00Z`, ends_at: `${d}T13:00:00+02:00` },
	    'ends_at', 'El final tiene que ser posterior al comienzo.');
});

test('an edit cannot move the start into the past; a past draft is not published', async () => {
	const ev = await createEvent(ong, { status: 'published' });
	const past = { starts_at: future(-2, 10), ends_at: future(-2, 12) };
	let res = await ong.api('PATCH', `/api/v1/events/${ev.id}`, past);
	let doc = assertProblem(res, 422);
	assert.equal(doc.errors.starts_at, 'El evento tiene que empezar en el futuro.');
	// A start left as it was may be mended around: here, the title.
	res = await ong.api('PATCH', `/api/v1/events/${ev.id}`, { title: 'Otro título' });
	assert.equal(res.status, 200, res.text);
	// A draft whose start passed (written by hand) cannot be published.
	const draft = await createEvent(ong);
	sql(`UPDATE events SET starts_at = UTC_TIMESTAMP() - INTERVAL 1 HOUR,
	    ends_at = UTC_TIMESTAMP() + INTERVAL 1 HOUR WHERE id = ${Number(draft.id)}`);
	res = await ong.api('POST', `/api/v1/events/${draft.id}/publish`);
	doc = assertProblem(res, 409);
	assert.match(doc.detail, /ya ha pasado/);
	res = await ong.api('GET', `/api/v1/events/${draft.id}`);
	assert.equal(res.json().status, 'draft');
});

test('unknown or retired catalog entries', async () => {
	await refused({ type_id: 999999 }, 'type_id');
	await refused({ city_id: 999999 }, 'city_id');
	await refused({ place_id: 999999 }, 'place_id');
	// JSON of another type is refused, not read as text.
	await refused({ type_id: 'dos' }, 'type_id', es.valid.need_number);
	await refused({ type_id: '2' }, 'type_id', es.valid.need_number);
	await refused({ title: 123 }, 'title', es.valid.need_text);
	await refused({ requires_approval: 'yes' }, 'requires_approval',
	    es.valid.need_boolean);
	const name = `Retirado ${Date.now()}`;
	sql(`INSERT INTO event_types (name, retired_at) VALUES (${q(name)}, UTC_TIMESTAMP())`);
	const [[id]] = sql(`SELECT id FROM event_types WHERE name = ${q(name)}`);
	await refused({ type_id: Number(id) }, 'type_id');
	// An event keeps a type retired after it was chosen, and can still
	// be changed in other ways.
	const ev = await createEvent(ong, { type_id: 1 });
	sql(`UPDATE events SET type_id = ${Number(id)} WHERE id = ${ev.id}`);
	const res = await ong.api('PATCH', `/api/v1/events/${ev.id}`, { title: 'Sigue' });
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().type_id, Number(id));
	// The retired type is not offered for a new event, but stays chosen
	// on the edit form of the event that has it.
	const form = await ong.page('GET', '/events/new', { cookies: false,
	    token: ong.access });
	assert.ok(!form.text.includes(name));
	const edit = await ong.page('GET', `/events/${ev.id}/edit`,
	    { cookies: false, token: ong.access });
	assert.equal(edit.status, 200);
	assert.match(edit.text, new RegExp(`<option value="${Number(id)}" selected>${name}</option>`));
});

test('a place must be in the chosen city', async () => {
	// Place 3 is in Barcelona (city 2); city 1 is Madrid.
	await refused({ city_id: 1, place_id: 3 }, 'place_id',
	    'Ese lugar no está en la ciudad elegida.');
	const ok = await createEvent(ong, { city_id: 2, place_id: 3 });
	assert.equal(ok.place_id, 3);
	// Moving the event to another city without a new place is refused.
	const res = await ong.api('PATCH', `/api/v1/events/${ok.id}`, { city_id: 1 });
	const doc = assertProblem(res, 422);
	assert.ok(doc.errors.place_id);
});

test('capacity between 0 and 100000', async () => {
	await refused({ capacity: -1 }, 'capacity');
	await refused({ capacity: 100001 }, 'capacity');
	await refused({ capacity: 2.5 }, 'capacity');
	const ev = await createEvent(ong, { capacity: 100000 });
	assert.equal(ev.capacity, 100000);
	// Not below the approved enrolments.
	sql(`UPDATE events SET approved_count = 3 WHERE id = ${ev.id}`);
	const res = await ong.api('PATCH', `/api/v1/events/${ev.id}`, { capacity: 2 });
	assertProblem(res, 422);
	const ok = await ong.api('PATCH', `/api/v1/events/${ev.id}`, { capacity: 3 });
	assert.equal(ok.status, 200);
	assert.equal(ok.json().places_left, 0);
});

test('lengths and characters', async () => {
	await refused({ title: 'x'.repeat(201) }, 'title');
	await refused({ title: '   ' }, 'title', es.valid.blank);
	await refused({ description: ' \n\u00a0' }, 'description', es.valid.blank);
	await refused({ type_id: 0 }, 'type_id', es.valid.not_id);
	await refused({ title: 'dos\nlíneas' }, 'title');
	await refused({ description: 'd'.repeat(5001) }, 'description');
	const ev = await createEvent(ong, { title: 'ñ'.repeat(200),
	    description: 'é'.repeat(5000) });
	assert.equal([...ev.title].length, 200);
	await refused({ requires_approval: 'quizá' }, 'requires_approval');
	await refused({ status: 'finished' }, 'status');
	await refused({ status: 'cancelled' }, 'status');
});

test('the page form shows every reason beside its field', async () => {
	const res = await ong.send('/events', { method: 'POST', html: true,
	    cookies: false, token: ong.access, form: { title: '', description: '',
	    type_id: '999999', city_id: '1', place_id: '3', starts_at: 'x',
	    ends_at: '', capacity: '-5' } });
	assert.equal(res.status, 422);
	for (const f of ['title', 'description', 'type_id', 'place_id', 'starts_at',
	    'ends_at', 'capacity'])
		assert.match(res.text, new RegExp(`id="f-${f}-error"`), f);
	assert.match(res.text, /value="-5"/, 'what was typed stays');
	// The summary names each field as the form labels it.
	assert.match(res.text, /<a class="error-list__field" href="#f-title">Título<\/a>/);
	assert.match(res.text, /<a class="error-list__field" href="#f-ends_at">Termina<\/a>/);
	assert.doesNotMatch(res.text, /href="#f-[a-z_]+">[a-z_]+<\/a>/);
	// An error with no field to mend lists none.
	const page = await ong.send('/events/999999999', { html: true,
	    cookies: false, token: ong.access });
	assert.equal(page.status, 404);
	assert.doesNotMatch(page.text, /error-list/);
});

after(() => {
	sql("DELETE FROM event_types WHERE name LIKE 'Retirado %' AND id NOT IN " +
	    '(SELECT type_id FROM events)');
});
