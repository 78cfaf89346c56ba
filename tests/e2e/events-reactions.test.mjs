// Likes: one per person, a second like or unlike changes nothing, the
// counter moves with the rows, the page's buttons work without JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { assertProblem, serial } from './lib.mjs';
import {
    Client, account, createEvent, outboxTopics, publishedEvent, sql,
} from './events-lib.mjs';

await serial();
const TAG = 66;

test('liking twice counts once; unliking twice removes once', async () => {
	const ong = await account(TAG, 'ong');
	const a = await account(TAG, 'externo');
	const b = await account(TAG, 'empresa');
	const ev = await publishedEvent(ong);

	let res = await a.api('POST', `/api/v1/events/${ev.id}/reaction`);
	assert.equal(res.status, 200, res.text);
	assert.deepEqual(res.json(), { event_id: ev.id, reacted: true, reactions_count: 1 });
	res = await a.api('POST', `/api/v1/events/${ev.id}/reaction`);
	assert.deepEqual(res.json(), { event_id: ev.id, reacted: true, reactions_count: 1 });
	res = await b.api('POST', `/api/v1/events/${ev.id}/reaction`);
	assert.equal(res.json().reactions_count, 2);
	res = await a.api('GET', `/api/v1/events/${ev.id}`);
	assert.equal(res.json().reacted, true);
	assert.equal(res.json().reactions_count, 2);

	res = await a.api('DELETE', `/api/v1/events/${ev.id}/reaction`);
	assert.deepEqual(res.json(), { event_id: ev.id, reacted: false, reactions_count: 1 });
	res = await a.api('DELETE', `/api/v1/events/${ev.id}/reaction`);
	assert.equal(res.json().reactions_count, 1);
	res = await a.api('GET', `/api/v1/events/${ev.id}`);
	assert.equal(res.json().reacted, false);
	const [[rows]] = sql(`SELECT COUNT(*) FROM event_reactions WHERE event_id = ${ev.id}`);
	assert.equal(Number(rows), 1, 'the counter matches the rows');
	assert.deepEqual(outboxTopics(ev.id).filter((t) => t.startsWith('reaction.')),
	    ['reaction.added', 'reaction.added', 'reaction.removed']);
});

test('likes at once from many requests keep the counter exact', async () => {
	const ong = await account(TAG, 'ong');
	const a = await account(TAG, 'externo');
	const ev = await publishedEvent(ong);
	const all = await Promise.all(Array.from({ length: 6 }, () =>
	    new Client(TAG).send(`/api/v1/events/${ev.id}/reaction`,
	    { method: 'POST', cookies: false, token: a.access })));
	for (const res of all)
		assert.equal(res.status, 200, res.text);
	const [[count]] = sql(`SELECT reactions_count FROM events WHERE id = ${ev.id}`);
	assert.equal(Number(count), 1);
});

test('signed out is 401; someone else\'s draft is 404', async () => {
	const ong = await account(TAG, 'ong');
	const a = await account(TAG, 'externo');
	const pub = await publishedEvent(ong);
	const draft = await createEvent(ong);
	assertProblem(await new Client(TAG).api('POST', `/api/v1/events/${pub.id}/reaction`), 401);
	assertProblem(await a.api('POST', `/api/v1/events/${draft.id}/reaction`), 404);
	assertProblem(await a.api('POST', '/api/v1/events/999999999/reaction'), 404);
});

test('pages: the like and unlike buttons', async () => {
	const ong = await account(TAG, 'ong');
	const a = await account(TAG, 'externo');
	const ev = await publishedEvent(ong);
	const opts = { cookies: false, token: a.access };
	let res = await a.page('GET', `/events/${ev.id}`, opts);
	assert.match(res.text, new RegExp(`action="/events/${ev.id}/reaction"`));
	res = await a.send(`/events/${ev.id}/reaction`, { ...opts, method: 'POST',
	    html: true, form: {} });
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, `/events/${ev.id}`);
	res = await a.page('GET', `/events/${ev.id}`, opts);
	assert.match(res.text, new RegExp(`action="/events/${ev.id}/reaction/delete"`));
	assert.match(res.text, /<strong>1<\/strong> persona apoya este evento/);
	res = await a.send(`/events/${ev.id}/reaction/delete`, { ...opts,
	    method: 'POST', html: true, form: {} });
	assert.equal(res.status, 303);
	res = await a.api('GET', `/api/v1/events/${ev.id}`);
	assert.equal(res.json().reactions_count, 0);
	res = await a.page('GET', `/events/${ev.id}`, opts);
	assert.match(res.text, /<strong>0<\/strong> personas apoyan este evento/);
});
