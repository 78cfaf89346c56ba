// Dead letters: a row a consumer keeps rejecting is retried, then
// dead-lettered with its error; an admin sees it on /dashboard/outbox and
// sends it again from there, and the next run delivers it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { serial, sql } from './lib.mjs';
import { Client, account, decode, pageSignIn } from './events-lib.mjs';
import { notifier, pauseTimer, resumeTimer } from './dashboard-lib.mjs';

await serial();

const TAG = 121;
let admin, ong, id;

before(async () => {
	await pauseTimer();
	admin = await account(TAG, 'admin');
	ong = await account(TAG, 'ong');
	// A participation row without its id: the rollups cannot place it
	// (the in-app consumer can: it names the organiser).
	id = Number(sql(`INSERT INTO outbox (topic, payload) VALUES
	    ('participation.created', '{"event_id": 1, "organizer_id":
	    ${Number(ong.user.id)}, "note": "=cmd|x"}');
	    SELECT LAST_INSERT_ID()`)[0][0]);
});
after(resumeTimer);

function row() {
	const [r] = sql(`SELECT status, attempts, COALESCE(last_error, '') FROM
	    outbox WHERE id = ${id}`);
	return { status: r[0], attempts: Number(r[1]), error: r[2] };
}

test('a failing row is retried, then dead with its error', async () => {
	let r = await notifier(['-1'], { AGORA_NOTIFIER_MAX_ATTEMPTS: '2' });
	assert.equal(r.code, 0, r.err);
	assert.deepEqual(row(), { status: 'pending', attempts: 1,
	    error: 'rollups: the payload has no participation_id' });
	sql(`UPDATE outbox SET available_at = UTC_TIMESTAMP(3) WHERE id = ${id}`);
	r = await notifier(['-1'], { AGORA_NOTIFIER_MAX_ATTEMPTS: '2' });
	assert.equal(row().status, 'dead');
	assert.equal(row().attempts, 2);
});

test('the admin sees it in the API and on the page', async () => {
	let res = await admin.api('GET', '/api/v1/dashboard/outbox');
	assert.equal(res.status, 200, res.text);
	const doc = res.json();
	const item = doc.items.find((i) => i.id === id);
	assert.ok(item, 'listed');
	assert.equal(item.topic, 'participation.created');
	assert.equal(item.status, 'dead');
	assert.equal(item.is_dead, true);
	assert.equal(item.last_error, 'rollups: the payload has no participation_id');
	assert.ok('next' in doc);
	assert.ok(doc.outbox.dead >= 1);
	res = await admin.api('GET', '/api/v1/dashboard');
	assert.ok(res.json().outbox.dead >= 1, 'the health figures count it');

	const c = new Client(TAG);
	await pageSignIn(c, 'admin@agora.test', 'Demo-Agora-2026');
	res = await c.page('GET', '/dashboard/outbox');
	assert.equal(res.status, 200);
	const text = decode(res.text);
	assert.ok(text.includes('rollups: the payload has no participation_id'));
	assert.ok(text.includes(`action="/dashboard/outbox/${id}/retry"`));
	assert.match(text, /<time datetime="\d{4}-\d\d-\d\dT[\d:.]+Z">\d{4}-\d\d-\d\d \d\d:\d\d CES?T<\/time>/,
	    'times in the site\'s zone');
	res = await c.page('GET', '/dashboard');
	assert.ok(res.text.includes('href="/dashboard/outbox"'), 'linked from the dashboard');
});

test('only admins, with the CSRF token, and only dead rows', async () => {
	let res = await ong.api('GET', '/api/v1/dashboard/outbox');
	assert.equal(res.status, 403);
	res = await ong.api('POST', `/api/v1/dashboard/outbox/${id}/retry`);
	assert.equal(res.status, 403);
	const c = new Client(TAG);
	await pageSignIn(c, 'admin@agora.test', 'Demo-Agora-2026');
	await c.page('GET', '/dashboard/outbox');
	res = await c.post(`/dashboard/outbox/${id}/retry`, { _csrf: null });
	assert.equal(res.status, 403, 'no token');
	assert.equal(row().status, 'dead');
	res = await admin.api('POST', '/api/v1/dashboard/outbox/999999999/retry');
	assert.equal(res.status, 404);
	const done = sql(`INSERT INTO outbox (topic, payload, status) VALUES
	    ('dashboard.test', '{}', 'done'); SELECT LAST_INSERT_ID()`)[0][0];
	res = await admin.api('POST', `/api/v1/dashboard/outbox/${done}/retry`);
	assert.equal(res.status, 409);
});

test('sent again from the page, then delivered', async () => {
	// The cause is fixed: the payload now names a participation (one
	// that no longer exists, which the rollups take as nothing to count).
	sql(`UPDATE outbox SET payload = '{"event_id": 999999999,
	    "participation_id": 999999999, "organizer_id": ${Number(ong.user.id)}}'
	    WHERE id = ${id}`);
	const c = new Client(TAG);
	await pageSignIn(c, 'admin@agora.test', 'Demo-Agora-2026');
	await c.page('GET', '/dashboard/outbox');
	let res = await c.post(`/dashboard/outbox/${id}/retry`);
	assert.equal(res.status, 303, res.text.slice(0, 300));
	assert.equal(res.headers.location, '/dashboard/outbox');
	const r = row();
	assert.equal(r.status, 'pending');
	assert.equal(r.attempts, 0);
	res = await c.page('GET', '/dashboard/outbox');
	assert.ok(decode(res.text).includes('El mensaje se enviará de nuevo'), 'the flash');
	res = await admin.api('POST', `/api/v1/dashboard/outbox/${id}/retry`);
	assert.equal(res.status, 409, 'pending is not dead');
	await notifier(['-1'], { AGORA_NOTIFIER_MAX_ATTEMPTS: '2' });
	assert.equal(row().status, 'done');
	res = await admin.api('GET', '/api/v1/dashboard/outbox');
	assert.ok(!res.json().items.some((i) => i.id === id), 'gone from the list');
});
