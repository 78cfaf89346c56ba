// The notifications program: the list (newest first, cursor pages), the
// unread counter (API and the header of every page), marking read (one,
// mine only; all), preferences (API and page), push devices, and the
// development mail browser.  Notifications are written straight into
// MariaDB here; notifications-flows.test.mjs makes them through the notifier.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { VAR, assertProblem, serial, sqlText } from './lib.mjs';
import { Client, account, decode, pageSignIn, signUp } from './events-lib.mjs';

await serial();
const TAG = 172;

/* n notifications for uid, oldest first; returns their ids. */
function seed(uid, n, over = {}) {
	const values = Array.from({ length: n }, (_, i) => `(${Number(uid)},
	    '${over.type ?? 'event_changed'}', 'Aviso ${i + 1}', 'Cuerpo ${i + 1}',
	    ${over.link === null ? 'NULL' : `'${over.link ?? `/events/${i + 1}`}'`})`);
	const first = Number(sqlText(`INSERT INTO notifications (user_id, type,
	    title, body, link) VALUES ${values.join(',')}; SELECT LAST_INSERT_ID()`));
	return Array.from({ length: n }, (_, i) => first + i);
}

async function count(c) {
	const res = await c.api('GET', '/api/v1/notifications/unread-count');
	assert.equal(res.status, 200, res.text);
	return res.json().count;
}

let me, other;

before(async () => {
	me = await account(TAG, 'externo');
	other = await account(TAG, 'externo');
});

test('signed out: the API says 401, the page sends to sign in', async () => {
	const c = new Client(TAG);
	assertProblem(await c.api('GET', '/api/v1/notifications'), 401,
	    '/api/v1/notifications');
	assertProblem(await c.api('GET', '/api/v1/notifications/unread-count'),
	    401, '/api/v1/notifications/unread-count');
	const res = await c.page('GET', '/notifications');
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/login?next=%2Fnotifications');
});

test('the list: newest first, twenty a page, a cursor to the next', async () => {
	const c = await account(TAG, 'externo');
	const ids = seed(c.user.id, 25);
	let res = await c.api('GET', '/api/v1/notifications');
	assert.equal(res.status, 200, res.text);
	let doc = res.json();
	assert.equal(doc.items.length, 20);
	assert.deepEqual(doc.items.map((n) => n.id), ids.slice(5).reverse());
	assert.deepEqual(doc.items[0], { id: ids[24], type: 'event_changed',
	    title: 'Aviso 25', body: 'Cuerpo 25', link: '/events/25', read: false,
	    created_at: doc.items[0].created_at });
	assert.equal(doc.next, ids[5]);
	res = await c.api('GET', `/api/v1/notifications?before=${doc.next}`);
	doc = res.json();
	assert.deepEqual(doc.items.map((n) => n.id), ids.slice(0, 5).reverse());
	assert.equal(doc.next, null);
	assertProblem(await c.api('GET', '/api/v1/notifications?before=x'), 422,
	    '/api/v1/notifications');
	// Only mine.
	res = await other.api('GET', '/api/v1/notifications');
	assert.ok(!res.json().items.some((n) => ids.includes(n.id)));
});

test('mark one read: mine only (404 for anyone else), then all', async () => {
	const c = await account(TAG, 'externo');
	const ids = seed(c.user.id, 3);
	assert.equal(await count(c), 3);
	let res = await other.api('POST', `/api/v1/notifications/${ids[0]}/read`);
	assertProblem(res, 404, `/api/v1/notifications/${ids[0]}/read`);
	res = await c.api('POST', '/api/v1/notifications/999999999/read');
	assert.equal(res.status, 404);
	res = await c.api('POST', `/api/v1/notifications/${ids[0]}/read`);
	assert.equal(res.status, 204);
	assert.equal(await count(c), 2);
	res = await c.api('POST', `/api/v1/notifications/${ids[0]}/read`);
	assert.equal(res.status, 204, 'twice is fine');
	assert.equal(await count(c), 2);
	const items = (await c.api('GET', '/api/v1/notifications')).json().items;
	assert.deepEqual(items.map((n) => n.read), [false, false, true]);
	res = await c.api('POST', '/api/v1/notifications/read-all');
	assert.equal(res.status, 204);
	assert.equal(await count(c), 0);
	assert.equal(await count(other), 0, 'nobody else touched');
});

test('the header counter on every page; the list page marks read', async () => {
	const c = new Client(TAG);
	const u = await signUp(c, 'externo');
	const ids = seed(u.id, 2, { link: '/events' });
	await pageSignIn(c, u.email, u.password);
	for (const p of ['/', '/events', '/users/me', '/notifications']) {
		const res = await c.page('GET', p);
		assert.equal(res.status, 200, `${p}: ${res.status}`);
		assert.match(res.text, /<a href="\/notifications"[^>]*>[^<]*<span class="badge" data-unread-count>2<\/span>/,
		    `${p} shows the counter`);
	}
	let res = await c.page('GET', '/notifications');
	const text = decode(res.text);
	assert.ok(text.indexOf('Aviso 2') < text.indexOf('Aviso 1'), 'newest first');
	assert.match(text, new RegExp(`action="/notifications/${ids[0]}/read"`));
	assert.match(text, /action="\/notifications\/read-all"/);
	assert.match(text, /href="\/notifications\/preferences"/);
	// Times as people read them (the site's zone), not raw UTC.
	assert.match(text, /<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ">\d{4}-\d\d-\d\d \d\d:\d\d CES?T<\/time>/);
	assert.doesNotMatch(text, /<time datetime="[^"]*">\d{4}-\d\d-\d\dT/);
	res = await c.post(`/notifications/${ids[0]}/read`);
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/notifications', 'back to the list');
	res = await c.page('GET', '/');
	assert.match(res.text, /data-unread-count>1</);
	res = await c.post(`/notifications/${ids[1]}/read`, { _csrf: null });
	assert.equal(res.status, 403, 'CSRF checked');
	res = await c.post('/notifications/read-all');
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/notifications');
	res = await c.page('GET', '/notifications');
	assert.match(res.text, /data-unread-count>0</);
	assert.doesNotMatch(res.text, /action="\/notifications\/read-all"/);
	// Signed out: no counter.
	res = await new Client(TAG).page('GET', '/');
	assert.doesNotMatch(res.text, /data-unread-count/);
});

test('preferences: defaults on, the API changes what it names', async () => {
	const c = await account(TAG, 'externo');
	let res = await c.api('GET', '/api/v1/notifications/preferences');
	assert.equal(res.status, 200, res.text);
	let items = res.json().items;
	assert.equal(items.length, 10);
	assert.deepEqual(items[0], { type: 'enrolment_received',
	    name: 'Inscripción recibida', inapp: true, email: true, push: true });
	assert.ok(items.every((i) => i.inapp && i.email && i.push));
	res = await c.api('PUT', '/api/v1/notifications/preferences',
	    { 'event_reminder.push': false, 'event_cancelled.email': false });
	assert.equal(res.status, 200, res.text);
	items = res.json().items;
	const by = Object.fromEntries(items.map((i) => [i.type, i]));
	assert.equal(by.event_reminder.push, false);
	assert.equal(by.event_reminder.email, true);
	assert.equal(by.event_cancelled.email, false);
	assert.equal(by.event_changed.email, true);
	res = await c.api('PUT', '/api/v1/notifications/preferences',
	    { 'event_reminder.push': 'maybe' });
	const doc = assertProblem(res, 422, '/api/v1/notifications/preferences');
	assert.ok(doc.errors['event_reminder.push']);
	// The reset mail always goes: its switch stays on.
	res = await c.api('PUT', '/api/v1/notifications/preferences',
	    { 'password_reset.email': false });
	assert.ok(assertProblem(res, 422).errors['password_reset.email']);
	res = await c.api('PUT', '/api/v1/notifications/preferences',
	    { 'password_reset.email': true, 'password_reset.push': false });
	assert.equal(res.status, 200, res.text);
	const reset = res.json().items.find((i) => i.type === 'password_reset');
	assert.deepEqual([reset.email, reset.push], [true, false]);
	// A name the API does not know is refused, with the rest unchanged.
	for (const body of [{ 'event_changed.mail': false },
	    { 'event_changed.email': false, event_changed: false }]) {
		res = await c.api('PUT', '/api/v1/notifications/preferences', body);
		assert.match(assertProblem(res, 422).detail, /<tipo>\.<canal>/);
	}
	res = await c.api('GET', '/api/v1/notifications/preferences');
	assert.equal(res.json().items.find((i) => i.type === 'event_changed').email,
	    true, 'nothing of a refused body was kept');
	res = await c.api('GET', '/api/v1/notifications/preferences',
	    undefined, { headers: { 'Accept-Language': 'en' } });
	assert.equal(res.json().items[0].name, 'Enrolment received');
});

test('preferences page: a box per type and channel, unticked is off', async () => {
	const c = new Client(TAG);
	const u = await signUp(c, 'externo');
	await pageSignIn(c, u.email, u.password);
	let res = await c.page('GET', '/users/me');
	assert.match(res.text, /href="\/notifications\/preferences"/);
	res = await c.page('GET', '/notifications/preferences');
	assert.equal(res.status, 200);
	assert.equal((res.text.match(/type="checkbox"/g) ?? []).length, 30);
	assert.equal((res.text.match(/ checked>/g) ?? []).length, 29);
	// The reset mail's box: on, and not to be turned off.
	assert.match(res.text, /name="password_reset\.email" value="1" [^>]* checked disabled aria-describedby="prefs-fixed">/);
	assert.match(res.text, /name="event_reminder\.email"/);
	res = await c.post('/notifications/preferences',
	    { 'event_reminder.inapp': '1', 'enrolment_approved.push': '1' });
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/notifications/preferences');
	res = await c.page('GET', '/notifications/preferences');
	assert.equal((res.text.match(/ checked>/g) ?? []).length, 2);
	assert.match(res.text, /name="password_reset\.email" [^>]* checked disabled/);
	assert.equal(sqlText(`SELECT COUNT(*) FROM notification_prefs WHERE
	    user_id = ${u.id} AND enabled = 0`), '27');
});

test('push devices: register (a token moves), forget, mine only', async () => {
	const token = `tok-${Date.now()}`;
	let res = await me.api('POST', '/api/v1/notifications/devices',
	    { platform: 'android', token });
	assert.equal(res.status, 201, res.text);
	assert.deepEqual(res.json(), { platform: 'android', token });
	res = await me.api('POST', '/api/v1/notifications/devices',
	    { platform: 'android', token });
	assert.equal(res.status, 201, 'again is fine');
	assert.equal(sqlText(`SELECT COUNT(*) FROM push_devices WHERE token =
	    '${token}'`), '1');
	let doc = assertProblem(await me.api('POST',
	    '/api/v1/notifications/devices', { platform: 'fax', token }), 422,
	    '/api/v1/notifications/devices');
	assert.ok(doc.errors.platform);
	doc = assertProblem(await me.api('POST', '/api/v1/notifications/devices',
	    { platform: 'ios' }), 422, '/api/v1/notifications/devices');
	assert.ok(doc.errors.token);
	assertProblem(await other.api('DELETE', '/api/v1/notifications/devices',
	    { token }), 404, '/api/v1/notifications/devices');
	// The same phone signed in by someone else now reaches them.
	res = await other.api('POST', '/api/v1/notifications/devices',
	    { platform: 'ios', token });
	assert.equal(res.status, 201);
	assert.equal(sqlText(`SELECT user_id FROM push_devices WHERE token =
	    '${token}'`), String(other.user.id));
	res = await other.api('DELETE', '/api/v1/notifications/devices', { token });
	assert.equal(res.status, 204);
	res = await other.api('DELETE', '/api/v1/notifications/devices', { token });
	assert.equal(res.status, 404);
});

test('the development mail browser lists and shows spooled mail', async () => {
	const spool = path.join(VAR, 'mail');
	fs.mkdirSync(spool, { recursive: true });
	const name = `999999${Date.now() % 1000}-event_changed.eml`;
	// A subject in two encoded-words on folded lines, as long ones are.
	const word = (t) => `=?UTF-8?B?${Buffer.from(t).toString('base64')}?=`;
	fs.writeFileSync(path.join(spool, name), 'From: Agora <a@b>\r\n' +
	    `To: ana@example.org\r\nSubject: ${word('Cambios en ')}\r\n ` +
	    `${word('«Río»')}\r\n\r\nHola Ana,\r\n`);
	try {
		// Everyone's mail, reset links too: admins only.
		const anon = new Client(TAG);
		assert.equal((await anon.page('GET', '/notifications/dev/mail')).status, 303);
		assert.equal((await me.api('GET', '/api/v1/notifications/dev/mail')).status, 403);
		assert.equal((await me.api('GET', `/api/v1/notifications/dev/mail/${name}`)).status, 403);
		const admin = await account(TAG, 'admin');
		const c = { page: (m, p) => admin.page(m, p, { cookies: false, token: admin.access }),
		    api: (m, p) => admin.api(m, p) };
		let res = await c.page('GET', '/notifications/dev/mail');
		assert.equal(res.status, 200);
		const text = decode(res.text);
		assert.match(text, new RegExp(`href="/notifications/dev/mail/${name}">Cambios en «Río»</a>`));
		assert.match(text, /ana@example\.org/);
		res = await c.page('GET', `/notifications/dev/mail/${name}`);
		assert.equal(res.status, 200);
		assert.match(res.headers['content-type'], /^text\/plain/);
		assert.match(res.text, /Hola Ana,/);
		for (const bad of ['..%2Fagora.conf', '.hidden.eml', 'x.txt',
		    'nope-1.eml'])
			assert.equal((await c.page('GET',
			    `/notifications/dev/mail/${bad}`)).status, 404, bad);
		res = await c.api('GET', '/api/v1/notifications/dev/mail');
		assert.ok(res.json().items.some((m) => m.file === name &&
		    m.subject === 'Cambios en «Río»' && m.to === 'ana@example.org'));
	} finally {
		fs.rmSync(path.join(spool, name), { force: true });
	}
});
