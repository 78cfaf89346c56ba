// Who may do what with an event: only its NGO (or an admin) changes it;
// another NGO gets 403 on a public event and 404 on a draft; people and
// companies cannot create; drafts are invisible to everyone else.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { assertProblem, serial } from './lib.mjs';
import {
    Client, account, createEvent, eventFields, publishedEvent,
} from './events-lib.mjs';

await serial();
const TAG = 62;

test('a person or a company cannot create events; anonymous is 401', async () => {
	for (const role of ['externo', 'empresa']) {
		const c = await account(TAG, role);
		const res = await c.api('POST', '/api/v1/events', eventFields());
		assertProblem(res, 403);
	}
	const anon = new Client(TAG);
	const res = await anon.api('POST', '/api/v1/events', eventFields());
	assertProblem(res, 401);
	const page = await anon.page('GET', '/events/new');
	assert.equal(page.status, 303);
	assert.match(page.headers.location, /^\/login\?next=%2Fevents%2Fnew$/);
});

test('a form posted without a session is the page asking to sign in', async () => {
	// A session that expired while the form was open: the handler never
	// runs, so there is no form to draw again, only the 401 page.
	const anon = new Client(TAG);
	for (const path of ['/events', '/events/1', '/megaevents',
	    '/megaevents/1/events', '/catalog/cities', '/catalog/cities/1/retire']) {
		const res = await anon.post(path, { title: 'x' });
		assert.equal(res.status, 401, `${path}: ${res.text.slice(0, 200)}`);
		assert.match(res.headers['content-type'], /^text\/html/);
		assert.match(res.text, /href="\/login"/, path);
	}
});

test('another NGO gets 403 on a published event and 404 on a draft', async () => {
	const owner = await account(TAG, 'ong');
	const other = await account(TAG, 'ong');
	const pub = await publishedEvent(owner);
	const draft = await createEvent(owner);

	let res = await other.api('PATCH', `/api/v1/events/${pub.id}`, { title: 'Mío' });
	assertProblem(res, 403);
	for (const step of ['finish', 'cancel']) {
		res = await other.api('POST', `/api/v1/events/${pub.id}/${step}`);
		assertProblem(res, 403);
	}
	res = await other.api('DELETE', `/api/v1/events/${pub.id}`);
	assertProblem(res, 403);

	res = await other.api('PATCH', `/api/v1/events/${draft.id}`, { title: 'Mío' });
	assertProblem(res, 404);
	res = await other.api('POST', `/api/v1/events/${draft.id}/publish`);
	assertProblem(res, 404);
	res = await other.api('DELETE', `/api/v1/events/${draft.id}`);
	assertProblem(res, 404);
	res = await other.page('GET', `/events/${pub.id}/edit`, { cookies: false,
	    token: other.access });
	assert.equal(res.status, 403);

	// Nothing changed.
	res = await owner.api('GET', `/api/v1/events/${draft.id}`);
	assert.equal(res.json().title, draft.title);
	assert.equal(res.json().status, 'draft');
	res = await owner.api('GET', `/api/v1/events/${pub.id}`);
	assert.equal(res.json().status, 'published');
});

test('drafts are 404 to everyone but their NGO and admins', async () => {
	const owner = await account(TAG, 'ong');
	const draft = await createEvent(owner);
	const person = await account(TAG, 'externo');
	const other = await account(TAG, 'ong');
	const anon = new Client(TAG);
	const admin = await account(TAG, 'admin');

	for (const c of [person, other, anon]) {
		assertProblem(await c.api('GET', `/api/v1/events/${draft.id}`), 404);
		assertProblem(await c.api('GET', `/api/v1/events/${draft.id}.ics`), 404);
		assertProblem(await c.api('GET', `/api/v1/events/${draft.id}/sponsors`), 404);
	}
	assert.equal((await anon.page('GET', `/events/${draft.id}`)).status, 404);
	assert.equal((await owner.api('GET', `/api/v1/events/${draft.id}`)).status, 200);
	assert.equal((await admin.api('GET', `/api/v1/events/${draft.id}`)).status, 200);

	// Lists: status=draft shows only the caller's own drafts.
	let res = await other.api('GET', `/api/v1/events?status=draft&organizer_id=${owner.user.id}`);
	assert.equal(res.status, 200);
	assert.deepEqual(res.json().items, []);
	res = await owner.api('GET', `/api/v1/events?status=draft&organizer_id=${owner.user.id}`);
	assert.deepEqual(res.json().items.map((e) => e.id), [draft.id]);
	res = await admin.api('GET', `/api/v1/events?status=draft&organizer_id=${owner.user.id}`);
	assert.deepEqual(res.json().items.map((e) => e.id), [draft.id]);
	res = await anon.api('GET', `/api/v1/events?status=all&organizer_id=${owner.user.id}`);
	assert.deepEqual(res.json().items, [], 'status=all hides drafts too');
});

test('an admin may change and publish any event', async () => {
	const owner = await account(TAG, 'ong');
	const admin = await account(TAG, 'admin');
	const draft = await createEvent(owner);
	let res = await admin.api('PATCH', `/api/v1/events/${draft.id}`,
	    { title: 'Revisado por administración' });
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().organizer.id, owner.user.id, 'the NGO stays the organiser');
	res = await admin.api('POST', `/api/v1/events/${draft.id}/publish`);
	assert.equal(res.status, 200);
});

test('the organiser view shows only to the organiser', async () => {
	const owner = await account(TAG, 'ong');
	const ev = await publishedEvent(owner);
	const person = await account(TAG, 'externo');
	let res = await owner.api('GET', `/api/v1/events/${ev.id}`);
	let doc = res.json();
	assert.equal(doc.is_owner, true);
	assert.equal(doc.can_edit, true);
	assert.equal(doc.can_cancel, true);
	assert.equal(doc.can_enroll, false, 'the organiser does not enroll');
	res = await person.api('GET', `/api/v1/events/${ev.id}`);
	doc = res.json();
	assert.equal(doc.is_owner, false);
	assert.equal(doc.can_edit, false);
	assert.equal(doc.can_enroll, true);
	assert.equal(doc.participation, null);
	const html = await person.page('GET', `/events/${ev.id}`, { cookies: false,
	    token: person.access });
	assert.equal(html.status, 200);
	assert.doesNotMatch(html.text, /participants\.csv/);
	assert.match(html.text, /<form method="post" action="\/participations">/);
	assert.match(html.text, new RegExp(`name="event_id" value="${ev.id}"`));
});
