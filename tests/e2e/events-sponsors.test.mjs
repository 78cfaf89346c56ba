// Sponsorships both ways: a company asks and the NGO answers; the NGO
// invites and the company answers.  Only the side that did not ask may
// answer; accepted sponsors show on the event.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { assertProblem, serial } from './lib.mjs';
import {
    account, createEvent, outboxTopics, publishedEvent, sql,
} from './events-lib.mjs';

await serial();
const TAG = 65;

test('a company asks, the NGO accepts, the sponsor shows on the event', async () => {
	const ong = await account(TAG, 'ong');
	const co = await account(TAG, 'empresa');
	const ev = await publishedEvent(ong);
	let res = await co.api('GET', `/api/v1/events/${ev.id}`);
	assert.equal(res.json().can_sponsor, true);

	res = await co.api('POST', `/api/v1/events/${ev.id}/sponsors`);
	assert.equal(res.status, 201, res.text);
	assert.deepEqual(res.json(), { event_id: ev.id, company_id: co.user.id,
	    status: 'requested' });
	res = await co.api('POST', `/api/v1/events/${ev.id}/sponsors`);
	assertProblem(res, 409);
	res = await co.api('GET', `/api/v1/events/${ev.id}`);
	assert.equal(res.json().my_sponsorship.status, 'requested');
	assert.equal(res.json().can_sponsor, false);

	// The company cannot accept its own request.
	res = await co.api('POST', `/api/v1/events/${ev.id}/sponsors/${co.user.id}/accept`);
	assertProblem(res, 403);
	// Nor can another NGO, who learns nothing of it: the same 404 as
	// for a company that never asked.
	const other = await account(TAG, 'ong');
	res = await other.api('POST', `/api/v1/events/${ev.id}/sponsors/${co.user.id}/accept`);
	assertProblem(res, 404);
	res = await other.api('POST', `/api/v1/events/${ev.id}/sponsors/${other.user.id}/decline`);
	assertProblem(res, 404);

	res = await ong.api('GET', `/api/v1/events/${ev.id}/sponsors`);
	assert.equal(res.status, 200);
	const row = res.json().items.find((s) => s.company_id === co.user.id);
	assert.equal(row.status, 'requested');
	assert.equal(row.can_answer, true);

	res = await ong.api('POST', `/api/v1/events/${ev.id}/sponsors/${co.user.id}/accept`);
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().status, 'accepted');
	res = await ong.api('POST', `/api/v1/events/${ev.id}/sponsors/${co.user.id}/decline`);
	assertProblem(res, 409);

	res = await co.api('GET', `/api/v1/events/${ev.id}`);
	const doc = res.json();
	assert.deepEqual(doc.sponsors, [{ id: co.user.id, name: co.user.organization }]);
	const html = await co.page('GET', `/events/${ev.id}`, { cookies: false,
	    token: co.access });
	assert.ok(html.text.includes(`<li>${co.user.organization}</li>`));
	assert.deepEqual(outboxTopics(ev.id).filter((t) => t.startsWith('sponsor.')),
	    ['sponsor.requested', 'sponsor.accepted']);
});

test('the NGO invites, the company declines, then asks again', async () => {
	const ong = await account(TAG, 'ong');
	const co = await account(TAG, 'empresa');
	const ev = await publishedEvent(ong);

	let res = await ong.api('POST', `/api/v1/events/${ev.id}/sponsors`,
	    { company_id: co.user.id });
	assert.equal(res.status, 201, res.text);
	assert.equal(res.json().status, 'invited');

	// The NGO cannot answer its own invitation.
	res = await ong.api('POST', `/api/v1/events/${ev.id}/sponsors/${co.user.id}/accept`);
	assertProblem(res, 403);
	res = await co.api('GET', `/api/v1/events/${ev.id}`);
	assert.equal(res.json().my_sponsorship.is_invited, true);
	res = await co.api('POST', `/api/v1/events/${ev.id}/sponsors/${co.user.id}/decline`);
	assert.equal(res.status, 200);
	assert.equal(res.json().status, 'declined');
	res = await co.api('GET', `/api/v1/events/${ev.id}`);
	assert.deepEqual(res.json().sponsors, []);
	assert.equal(res.json().can_sponsor, true, 'a declined one may ask again');

	res = await co.api('POST', `/api/v1/events/${ev.id}/sponsors`);
	assert.equal(res.status, 201);
	assert.equal(res.json().status, 'requested');
	res = await ong.api('POST', `/api/v1/events/${ev.id}/sponsors/${co.user.id}/decline`);
	assert.equal(res.status, 200);
	assert.deepEqual(outboxTopics(ev.id).filter((t) => t.startsWith('sponsor.')),
	    ['sponsor.invited', 'sponsor.declined', 'sponsor.requested',
	    'sponsor.declined']);
});

test('invitations: only the organiser, only companies, not after the event', async () => {
	const ong = await account(TAG, 'ong');
	const other = await account(TAG, 'ong');
	const co = await account(TAG, 'empresa');
	const person = await account(TAG, 'externo');
	const ev = await publishedEvent(ong);

	let res = await other.api('POST', `/api/v1/events/${ev.id}/sponsors`,
	    { company_id: co.user.id });
	assertProblem(res, 403);
	res = await ong.api('POST', `/api/v1/events/${ev.id}/sponsors`,
	    { company_id: person.user.id });
	let doc = assertProblem(res, 422);
	assert.ok(doc.errors.company_id);
	res = await ong.api('POST', `/api/v1/events/${ev.id}/sponsors`, {});
	doc = assertProblem(res, 422);
	assert.ok(doc.errors.company_id);
	res = await person.api('POST', `/api/v1/events/${ev.id}/sponsors`);
	assertProblem(res, 403);
	res = await ong.api('POST', `/api/v1/events/${ev.id}/sponsors/${co.user.id}/accept`);
	assertProblem(res, 404, `/api/v1/events/${ev.id}/sponsors/${co.user.id}/accept`);

	await ong.api('POST', `/api/v1/events/${ev.id}/cancel`);
	res = await co.api('POST', `/api/v1/events/${ev.id}/sponsors`);
	assertProblem(res, 409);

	// A draft has no sponsors yet: the company could not even see it.
	const draft = await createEvent(ong);
	doc = assertProblem(await ong.api('POST', `/api/v1/events/${draft.id}/sponsors`,
	    { company_id: co.user.id }), 409);
	assert.match(doc.detail, /draft|borrador/i);
	assert.equal(sql(`SELECT COUNT(*) FROM event_sponsors WHERE event_id = ${draft.id}`)[0][0], '0');
	assert.equal(sql(`SELECT COUNT(*) FROM outbox WHERE topic LIKE 'sponsor.%' AND
	    JSON_VALUE(payload, '$.event_id') = ${draft.id}`)[0][0], '0');
	res = await ong.page('GET', `/events/${draft.id}/sponsors`,
	    { cookies: false, token: ong.access });
	assert.equal(res.status, 200);
	assert.doesNotMatch(res.text, /<select[^>]*name="company_id"/, 'no invitation form');
});

test('pages: the sponsors page lists and answers without JavaScript', async () => {
	const ong = await account(TAG, 'ong');
	const co = await account(TAG, 'empresa');
	const ev = await publishedEvent(ong);
	await co.api('POST', `/api/v1/events/${ev.id}/sponsors`);
	const res = await ong.page('GET', `/events/${ev.id}/sponsors`,
	    { cookies: false, token: ong.access });
	assert.equal(res.status, 200);
	assert.match(res.text, new RegExp(
	    `action="/events/${ev.id}/sponsors/${co.user.id}/accept"`));
	assert.doesNotMatch(res.text, new RegExp(`<option value="${co.user.id}">`),
	    'a company that asked is not offered again');
	assert.match(res.text, /<option value="\d+">/, 'others are');
	const form = await ong.send(`/events/${ev.id}/sponsors/${co.user.id}/accept`,
	    { method: 'POST', html: true, cookies: false, token: ong.access,
	    form: {} });
	assert.equal(form.status, 303);
	assert.equal(form.headers.location, `/events/${ev.id}/sponsors`);
});
