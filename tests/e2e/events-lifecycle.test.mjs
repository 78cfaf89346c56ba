// The life of an event through the API and the pages: draft, publish,
// edit, finish; cancel; delete only drafts; every change in the outbox;
// the seed's POST /api/eventos.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { assertProblem, serial } from './lib.mjs';
import {
    Client, account, createEvent, decode, eventFields, future, outboxTopics,
    pageSignIn, publishedEvent, signUp, sql,
} from './events-lib.mjs';

await serial();
const TAG = 61;

test('draft -> published -> finished, each change in the outbox', async () => {
	const ong = await account(TAG, 'ong');
	const ev = await createEvent(ong, { capacity: 5, requires_approval: true,
	    place_id: 1 });
	assert.equal(ev.status, 'draft');
	assert.equal(ev.organizer.id, ong.user.id);
	assert.equal(ev.places_left, 5);
	assert.equal(ev.requires_approval, true);
	assert.equal(ev.place_id, 1);
	assert.equal(typeof ev.place_name, 'string');
	assert.equal(ev.published_at, null);

	let res = await ong.api('POST', `/api/v1/events/${ev.id}/publish`);
	assert.equal(res.status, 200, res.text);
	assert.deepEqual(res.json(), { id: ev.id, status: 'published' });
	res = await ong.api('GET', `/api/v1/events/${ev.id}`);
	assert.equal(res.json().status, 'published');
	assert.match(res.json().published_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

	res = await ong.api('POST', `/api/v1/events/${ev.id}/publish`);
	assertProblem(res, 409);
	// Not begun: it is cancelled, not finished.
	res = await ong.api('POST', `/api/v1/events/${ev.id}/finish`);
	const early = assertProblem(res, 409);
	assert.match(early.detail, /not begun|no ha empezado/);
	sql(`UPDATE events SET starts_at = UTC_TIMESTAMP() - INTERVAL 1 HOUR
	    WHERE id = ${ev.id}`);
	res = await ong.api('POST', `/api/v1/events/${ev.id}/finish`);
	assert.equal(res.status, 200);
	assert.equal(res.json().status, 'finished');
	for (const step of ['publish', 'finish', 'cancel']) {
		res = await ong.api('POST', `/api/v1/events/${ev.id}/${step}`);
		assertProblem(res, 409);
	}
	res = await ong.api('PATCH', `/api/v1/events/${ev.id}`, { title: 'Otro' });
	assertProblem(res, 409);
	assert.deepEqual(outboxTopics(ev.id),
	    ['event.created', 'event.published', 'event.finished']);
});

test('published -> cancelled; a cancelled event cannot be published', async () => {
	const ong = await account(TAG, 'ong');
	const ev = await publishedEvent(ong);
	assert.equal(ev.status, 'published');
	let res = await ong.api('POST', `/api/v1/events/${ev.id}/cancel`);
	assert.equal(res.status, 200);
	assert.equal(res.json().status, 'cancelled');
	res = await ong.api('POST', `/api/v1/events/${ev.id}/publish`);
	assertProblem(res, 409);
	res = await ong.api('POST', `/api/v1/events/${ev.id}/cancel`);
	assertProblem(res, 409);
	// A draft cannot be cancelled or finished either.
	const draft = await createEvent(ong);
	res = await ong.api('POST', `/api/v1/events/${draft.id}/cancel`);
	assertProblem(res, 409);
	res = await ong.api('POST', `/api/v1/events/${draft.id}/finish`);
	assertProblem(res, 409);
	assert.deepEqual(outboxTopics(ev.id),
	    ['event.created', 'event.published', 'event.cancelled']);
});

test('an edit that changes nothing writes nothing and tells nobody', async () => {
	const ong = await account(TAG, 'ong');
	const ev = await publishedEvent(ong);
	let res = await ong.api('PATCH', `/api/v1/events/${ev.id}`, {});
	assert.equal(res.status, 200, res.text);
	res = await ong.api('PATCH', `/api/v1/events/${ev.id}`,
	    { title: ev.title, capacity: ev.capacity ?? 0 });
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().title, ev.title);
	assert.deepEqual(outboxTopics(ev.id), ['event.created', 'event.published']);
	res = await ong.api('PATCH', `/api/v1/events/${ev.id}`, { title: `${ev.title}.` });
	assert.equal(res.status, 200, res.text);
	assert.deepEqual(outboxTopics(ev.id),
	    ['event.created', 'event.published', 'event.updated']);
});

test('only drafts are deleted; a published event answers 409', async () => {
	const ong = await account(TAG, 'ong');
	const draft = await createEvent(ong);
	const pub = await publishedEvent(ong);
	let res = await ong.api('DELETE', `/api/v1/events/${pub.id}`);
	const doc = assertProblem(res, 409);
	assert.ok(doc.detail.length > 0);
	res = await ong.api('GET', `/api/v1/events/${pub.id}`);
	assert.equal(res.status, 200, 'still there');

	res = await ong.api('DELETE', `/api/v1/events/${draft.id}`);
	assert.equal(res.status, 204);
	assert.equal(res.body.length, 0);
	res = await ong.api('GET', `/api/v1/events/${draft.id}`);
	assertProblem(res, 404);
	res = await ong.api('DELETE', `/api/v1/events/${draft.id}`);
	assertProblem(res, 404);
	assert.deepEqual(outboxTopics(draft.id), ['event.created', 'event.deleted']);
});

test('PATCH changes only what it names; place_id null clears the place', async () => {
	const ong = await account(TAG, 'ong');
	const ev = await createEvent(ong, { place_id: 1, capacity: 3 });
	let res = await ong.api('PATCH', `/api/v1/events/${ev.id}`,
	    { title: 'Título nuevo', capacity: 0 });
	assert.equal(res.status, 200, res.text);
	let doc = res.json();
	assert.equal(doc.title, 'Título nuevo');
	assert.equal(doc.description, ev.description);
	assert.equal(doc.place_id, 1);
	assert.equal(doc.places_left, null, 'capacity 0 is unlimited');
	res = await ong.api('PATCH', `/api/v1/events/${ev.id}`, { place_id: null });
	assert.equal(res.status, 200);
	doc = res.json();
	assert.equal(doc.place_id, null);
	assert.equal(doc.place_name, null);
	assert.deepEqual(outboxTopics(ev.id),
	    ['event.created', 'event.updated', 'event.updated']);
});

test('the seed route POST /api/eventos creates an event', async () => {
	const ong = await account(TAG, 'ong');
	const fields = eventFields({ status: 'published' });
	const res = await ong.send('/api/eventos', { method: 'POST', json: fields,
	    cookies: false, token: ong.access });
	assert.equal(res.status, 201, res.text);
	const doc = res.json();
	assert.equal(doc.title, fields.title);
	assert.equal(doc.status, 'published');
	assert.equal(res.headers.location, `/events/${doc.id}`);
	const again = await ong.api('GET', `/api/v1/events/${doc.id}`);
	assert.equal(again.status, 200);
});

test('pages: create, publish and edit an event with forms (no JavaScript)', async () => {
	const c = new Client(TAG);
	const u = await signUp(c, 'ong');
	c.access = null;
	await pageSignIn(c, u.email, u.password);

	let res = await c.page('GET', '/events/new');
	assert.equal(res.status, 200);
	assert.match(res.text, /<form[^>]*method="post"[^>]*action="\/events"/);
	assert.match(res.text, /<select id="f-type_id" name="type_id" required>/);
	assert.match(res.text, /<option value="1">Voluntariado<\/option>/);

	// A form with mistakes comes back with what was typed and why.
	res = await c.post('/events', { title: 'Taller <b>de</b> prueba',
	    description: 'Algo', type_id: '1', city_id: '1', place_id: '',
	    starts_at: future(5, 18).slice(0, 16), ends_at: future(5, 17).slice(0, 16),
	    capacity: '10' });
	assert.equal(res.status, 422, res.text.slice(0, 300));
	assert.match(res.text, /id="f-ends_at-error"/);
	assert.ok(res.text.includes('value="Taller &lt;b&gt;de&lt;/b&gt; prueba"'),
	    'the typed title, escaped');
	assert.match(res.text, /<option value="1" selected>/);

	res = await c.post('/events', { title: 'Taller de prueba', description:
	    'Línea uno\nLínea dos', type_id: '4', city_id: '1', place_id: '1',
	    starts_at: future(5, 17).slice(0, 16), ends_at: future(5, 18).slice(0, 16),
	    capacity: '10', requires_approval: '1' });
	assert.equal(res.status, 303, res.text.slice(0, 300));
	const loc = res.headers.location;
	assert.match(loc, /^\/events\/\d+$/);
	const id = Number(loc.split('/')[2]);

	res = await c.page('GET', loc);
	assert.equal(res.status, 200);
	const page = decode(res.text);
	assert.ok(page.includes('Taller de prueba'));
	assert.match(page, /class="flash flash--ok"/);
	assert.match(res.text, new RegExp(`action="/events/${id}/publish"`));
	assert.match(res.text, new RegExp(`href="/participations\\?event_id=${id}"`));
	assert.match(res.text, new RegExp(`href="/events/${id}/participants.csv"`));

	res = await c.post(`/events/${id}/publish`);
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, `/events/${id}`);

	res = await c.page('GET', `/events/${id}/edit`);
	assert.equal(res.status, 200);
	assert.ok(res.text.includes('value="Taller de prueba"'));
	assert.match(res.text, /name="requires_approval" type="checkbox" value="1"[^>]*checked/);
	assert.match(res.text, /<option value="1" selected>[^<]*\(Madrid\)/);

	// The page sends the whole form: no place and an unticked box clear them.
	res = await c.post(`/events/${id}`, { title: 'Taller renovado',
	    description: 'Otra descripción', type_id: '4', city_id: '2',
	    place_id: '', starts_at: future(6, 17).slice(0, 16),
	    ends_at: future(6, 19).slice(0, 16), capacity: '0' });
	assert.equal(res.status, 303, res.text.slice(0, 300));
	const api = await new Client(TAG).api('GET', `/api/v1/events/${id}`);
	const doc = api.json();
	assert.equal(doc.title, 'Taller renovado');
	assert.equal(doc.city_id, 2);
	assert.equal(doc.place_id, null);
	assert.equal(doc.requires_approval, false);
	assert.equal(doc.status, 'published');

	// Without the CSRF token nothing changes.
	res = await c.post(`/events/${id}/cancel`, { _csrf: null });
	assert.equal(res.status, 403);
	res = await c.post(`/events/${id}/cancel`);
	assert.equal(res.status, 303);
	res = await c.post(`/events/${id}/delete`);
	assert.equal(res.status, 409, 'a cancelled event is not deleted');
});

test('pages: an event under way is mended, finished, and no longer left', async () => {
	const c = new Client(TAG);
	const u = await signUp(c, 'ong');
	const person = await account(TAG, 'externo');
	const ev = await publishedEvent(c);
	let res = await person.api('POST', '/api/v1/participations', { event_id: ev.id });
	assert.equal(res.status, 201, res.text);
	c.access = null;
	await pageSignIn(c, u.email, u.password);
	res = await c.page('GET', `/events/${ev.id}`);
	assert.doesNotMatch(res.text, new RegExp(`action="/events/${ev.id}/finish"`),
	    'nothing to finish before it begins');

	// Under way since a time with seconds, which the form cannot show.
	sql(`UPDATE events SET starts_at = UTC_TIMESTAMP() - INTERVAL 3599 SECOND,
	    ends_at = UTC_TIMESTAMP() + INTERVAL 2 HOUR WHERE id = ${ev.id}`);
	res = await c.page('GET', `/events/${ev.id}/edit`);
	assert.equal(res.status, 200);
	const value = (name) => res.text.match(new RegExp(
	    `name="${name}"[^>]*value="([^"]*)"`))[1];
	const form = { title: 'Título corregido', description: 'Sin erratas',
	    type_id: '1', city_id: '1', place_id: '', starts_at: value('starts_at'),
	    ends_at: value('ends_at'), capacity: '0' };
	const [[startBefore]] = sql(`SELECT starts_at FROM events WHERE id = ${ev.id}`);
	res = await c.post(`/events/${ev.id}`, form);
	assert.equal(res.status, 303, decode(res.text).slice(0, 400));
	res = await new Client(TAG).api('GET', `/api/v1/events/${ev.id}`);
	assert.equal(res.json().title, 'Título corregido');
	assert.deepEqual(sql(`SELECT starts_at FROM events WHERE id = ${ev.id}`),
	    [[startBefore]], 'the start keeps its seconds');

	res = await c.page('GET', `/events/${ev.id}`);
	assert.match(res.text, new RegExp(`action="/events/${ev.id}/finish"`));
	const mine = await person.page('GET', `/events/${ev.id}`,
	    { cookies: false, token: person.access });
	assert.doesNotMatch(mine.text, /\/participations\/\d+\/cancel/,
	    'leaving is over once it has begun');
	const anon = await new Client(TAG).page('GET', `/events/${ev.id}`);
	assert.doesNotMatch(anon.text, /login\?next=/, 'no sign-in to enrol');
	res = await c.post(`/events/${ev.id}/finish`);
	assert.equal(res.status, 303);
});

test('pages: a create form sent twice, or twice at once, makes one event', async () => {
	const c = new Client(TAG);
	const u = await signUp(c, 'ong');
	c.access = null;
	await pageSignIn(c, u.email, u.password);
	for (const together of [false, true]) {
		const form = await c.page('GET', '/events/new');
		const key = form.text.match(/name="form_key" value="([A-Za-z0-9_-]{43})"/)?.[1];
		assert.ok(key, 'the form carries its key');
		const title = `Doble envío ${together ? 'a la vez' : 'seguido'} ${Date.now()}`;
		const fields = { form_key: key, title, description: 'Una vez.',
		    type_id: '1', city_id: '1', place_id: '',
		    starts_at: future(8, 10).slice(0, 16), ends_at: future(8, 12).slice(0, 16),
		    capacity: '0' };
		const [a, b] = together ?
		    await Promise.all([c.post('/events', fields), c.post('/events', fields)]) :
		    [await c.post('/events', fields), await c.post('/events', fields)];
		assert.equal(a.status, 303, decode(a.text).slice(0, 300));
		assert.equal(b.status, 303, decode(b.text).slice(0, 300));
		assert.equal(a.headers.location, b.headers.location, 'both go to the one event');
		const rows = sql(`SELECT id FROM events WHERE title = '${title}'`);
		assert.equal(rows.length, 1, `one event (${together ? 'at once' : 'in turn'})`);
		assert.deepEqual(outboxTopics(Number(rows[0][0])), ['event.created']);
	}
	// A new form is a new event, even with the same fields.
	const again = await c.page('GET', '/events/new');
	assert.notEqual(again.text.match(/name="form_key" value="([^"]+)"/)[1], undefined);
});

test('pages: deleting a draft goes back to the list', async () => {
	const c = new Client(TAG);
	const u = await signUp(c, 'ong');
	const ev = await createEvent(c);
	c.access = null;
	await pageSignIn(c, u.email, u.password);
	const res = await c.post(`/events/${ev.id}/delete`);
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/events');
	const gone = await c.page('GET', `/events/${ev.id}`);
	assert.equal(gone.status, 404);
});
