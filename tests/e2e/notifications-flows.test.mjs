// Every notification path end to end: an action through the API, a run of
// the real notifier, then the notification in the API and the mail in the
// spool, in the recipient's language; preferences that turn a channel off;
// push through a command and an HTTP endpoint (invalid tokens forgotten);
// reminders once; a consumer that fails and then recovers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { VAR, runPath, serial, sleep, sql, sqlText } from './lib.mjs';
import { account, decode, future } from './events-lib.mjs';
import {
    SPOOL, mailsTo, pauseTimer, resumeTimer, rowsOf, runNotifier, subject,
} from './notifications-lib.mjs';

await serial();
const TAG = 171;

before(pauseTimer);
after(resumeTimer);

async function inLang(c, lang) {
	const res = await c.api('PATCH', '/api/v1/users/me', { lang });
	assert.equal(res.status, 200, res.text);
}

function emailOf(c) {
	return sqlText(`SELECT email FROM users WHERE id = ${Number(c.user.id)}`);
}

async function listOf(c) {
	const res = await c.api('GET', '/api/v1/notifications');
	assert.equal(res.status, 200, res.text);
	return res.json().items;
}

async function unread(c) {
	const res = await c.api('GET', '/api/v1/notifications/unread-count');
	assert.equal(res.status, 200, res.text);
	return res.json().count;
}

async function enrol(c, eventId) {
	const res = await c.api('POST', '/api/v1/participations',
	    { event_id: eventId });
	assert.equal(res.status, 201, res.text);
	return res.json();
}

let ong, ana, ben, ev;

/* A published event of the NGO's, in `day` days, whose enrolments it
 * reviews. */
async function reviewedEvent(title, description, day) {
	const res = await ong.api('POST', '/api/v1/events', {
		title, description, type_id: 1, city_id: 1,
		starts_at: future(day, 9), ends_at: future(day, 13), capacity: 10,
		requires_approval: true, status: 'published' });
	assert.equal(res.status, 201, res.text);
	return res.json();
}

before(async () => {
	ong = await account(TAG, 'ong');		// Spanish (the default)
	ana = await account(TAG, 'externo');
	ben = await account(TAG, 'externo');
	await inLang(ana, 'en');
	ev = await reviewedEvent('Limpieza del río', 'Recogemos la orilla.', 12);
});

test('enrolment received (es) and approved (en): notification and mail', async () => {
	const p = await enrol(ana, ev.id);
	await runNotifier();
	const got = (await listOf(ong)).filter((n) => n.link === `/events/${ev.id}`);
	assert.equal(got.length, 1);
	assert.equal(got[0].type, 'enrolment_received');
	assert.equal(got[0].title, 'Nueva inscripción en «Limpieza del río»');
	assert.equal(got[0].read, false);
	assert.match(got[0].created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
	assert.deepEqual(Object.keys(got[0]).sort(),
	    ['body', 'created_at', 'id', 'link', 'read', 'title', 'type']);
	assert.equal(await unread(ong), 1);
	const es = mailsTo(emailOf(ong), 'enrolment_received');
	assert.equal(es.length, 1, 'one mail to the NGO');
	assert.equal(subject(es[0].text), 'Nueva inscripción en «Limpieza del río»');
	assert.match(es[0].text, /\r\n\r\nHola /);
	assert.match(es[0].text, /Alguien se ha inscrito en tu evento «Limpieza del río»\. Revisa la solicitud/);
	assert.match(es[0].text, new RegExp(`http://agora\\.test/events/${ev.id}\\n`));
	assert.match(es[0].text, /Puedes elegir qué avisos recibes/);

	const res = await ong.api('POST', `/api/v1/participations/${p.id}/approve`);
	assert.equal(res.status, 200, res.text);
	await runNotifier();
	const mine = await listOf(ana);
	assert.equal(mine[0].type, 'enrolment_approved');
	assert.equal(mine[0].title, 'Enrolment approved: “Limpieza del río”');
	const en = mailsTo(emailOf(ana), 'enrolment_approved');
	assert.equal(en.length, 1, 'one mail to the participant');
	assert.equal(subject(en[0].text), 'Enrolment approved: “Limpieza del río”');
	assert.match(en[0].text, /\r\n\r\nHello /);
	assert.match(en[0].text, /has been approved/);
	assert.match(en[0].text, /You can choose which notifications/);

	// Read in another language, the words follow the reader's: a
	// client that names none gets the recipient's.
	const read = async (lang) => (await ana.api('GET', '/api/v1/notifications',
	    undefined, { headers: { 'Accept-Language': lang } })).json().items[0];
	assert.equal((await read('es')).title, 'Inscripción aprobada: «Limpieza del río»');
	assert.equal((await read('es')).body,
	    'Tu inscripción en «Limpieza del río» ha sido aprobada. ¡Te esperamos!');
	assert.equal((await read('en-GB,en;q=0.8')).title, mine[0].title);
	const page = await ana.api('GET', '/notifications?lang=es', undefined,
	    { headers: { Accept: 'text/html' } });
	assert.match(decode(page.text), /Inscripción aprobada: «Limpieza del río»/);

	// Another run changes nothing: each row had its effect once.
	await runNotifier();
	assert.equal(rowsOf(ana.user.id, 'enrolment_approved').length, 1);
	assert.equal(mailsTo(emailOf(ana), 'enrolment_approved').length, 1);
});

test('a person\'s notifications keep the order of what happened, across topics', async () => {
	// Four rows in one batch: an enrolment, a change, its approval and
	// another change.  The participant hears of three, in that order.
	const poda = await reviewedEvent('Taller de poda', 'Árboles del parque.', 14);
	await runNotifier();
	const cai = await account(TAG, 'externo');
	const p = await enrol(cai, poda.id);
	await runNotifier();
	assert.deepEqual(rowsOf(cai.user.id), [], 'nothing yet');
	const patch = (title) => ong.api('PATCH', `/api/v1/events/${poda.id}`,
	    { title });
	assert.equal((await patch('Taller de poda (aula 2)')).status, 200);
	assert.equal((await ong.api('POST',
	    `/api/v1/participations/${p.id}/approve`)).status, 200);
	assert.equal((await patch('Taller de poda (aula 3)')).status, 200);
	await runNotifier();
	const got = rowsOf(cai.user.id).map((n) => n.type);
	assert.deepEqual(got, ['event_changed', 'enrolment_approved',
	    'event_changed'], 'newest first, as they happened');
	assert.deepEqual((await listOf(cai)).map((n) => n.type), got);
});

test('only those enrolled when a change was made are told of it', async () => {
	// Each change is followed by an enrolment before the notifier runs:
	// the newcomer already sees the event as it is.
	let res = await ong.api('POST', '/api/v1/events', {
		title: 'Taller de compost', description: 'En el huerto.',
		type_id: 1, city_id: 1, starts_at: future(16, 9),
		ends_at: future(16, 13), requires_approval: true });
	assert.equal(res.status, 201, res.text);
	const compost = res.json();
	const dan = await account(TAG, 'externo');
	const eva = await account(TAG, 'externo');
	res = await ong.api('POST', `/api/v1/events/${compost.id}/publish`);
	assert.equal(res.status, 200, res.text);
	await enrol(dan, compost.id);
	await runNotifier();
	assert.deepEqual(rowsOf(dan.user.id, 'event_published'), [],
	    'enrolled after it was published');
	res = await ong.api('PATCH', `/api/v1/events/${compost.id}`,
	    { title: 'Taller de compost (huerto 2)' });
	assert.equal(res.status, 200, res.text);
	await enrol(eva, compost.id);
	await runNotifier();
	assert.equal(rowsOf(dan.user.id, 'event_changed').length, 1);
	assert.deepEqual(rowsOf(eva.user.id, 'event_changed'), [],
	    'enrolled after the change');
	assert.equal(mailsTo(emailOf(eva), 'event_changed').length, 0);
});

test('enrolment rejected, with e-mail turned off: in-app only', async () => {
	let res = await ben.api('PUT', '/api/v1/notifications/preferences',
	    { 'enrolment_rejected.email': false });
	assert.equal(res.status, 200, res.text);
	const p = await enrol(ben, ev.id);
	res = await ong.api('POST', `/api/v1/participations/${p.id}/reject`);
	assert.equal(res.status, 200, res.text);
	await runNotifier();
	const got = await listOf(ben);
	assert.equal(got[0].type, 'enrolment_rejected');
	assert.equal(got[0].title, 'Inscripción rechazada: «Limpieza del río»');
	assert.equal(mailsTo(emailOf(ben), 'enrolment_rejected').length, 0,
	    'no mail: turned off');
});

test('in-app turned off: no row, the mail still goes', async () => {
	const res = await ana.api('PUT', '/api/v1/notifications/preferences',
	    { 'event_changed.inapp': false });
	assert.equal(res.status, 200, res.text);
	const doc = res.json().items.find((i) => i.type === 'event_changed');
	// Names in the request's language (Spanish: none asked for).
	assert.deepEqual(doc, { type: 'event_changed', name: 'Evento modificado',
	    inapp: false, email: true, push: true });
	const upd = await ong.api('PATCH', `/api/v1/events/${ev.id}`,
	    { description: 'Recogemos la orilla y plantamos árboles.' });
	assert.equal(upd.status, 200, upd.text);
	await runNotifier();
	assert.equal(rowsOf(ana.user.id, 'event_changed').length, 0);
	const m = mailsTo(emailOf(ana), 'event_changed');
	assert.equal(m.length, 1);
	assert.match(m[0].text, /which you take part in, has changed/);
	// When it is, where it is: Madrid's time, not UTC.
	const [[utc]] = sql(`SELECT DATE_FORMAT(starts_at, '%Y-%m-%dT%H:%i:%sZ')
	    FROM events WHERE id = ${ev.id}`);
	const madrid = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Madrid',
	    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
	    minute: '2-digit' }).format(new Date(utc));
	assert.match(m[0].text, new RegExp(`It starts on ${madrid} CES?T;`));
	// The rejected participant hears nothing of it.
	assert.equal(rowsOf(ben.user.id, 'event_changed').length, 0);
	assert.equal(mailsTo(emailOf(ben), 'event_changed').length, 0);
});

test('sponsorship requested (to the NGO) and accepted (to the company)', async () => {
	const co = await account(TAG, 'empresa');
	let res = await co.api('POST', `/api/v1/events/${ev.id}/sponsors`);
	assert.equal(res.status, 201, res.text);
	await runNotifier();
	let got = rowsOf(ong.user.id, 'sponsorship_requested');
	assert.equal(got.length, 1);
	assert.equal(got[0].link, `/events/${ev.id}/sponsors`);
	assert.equal(mailsTo(emailOf(ong), 'sponsorship_requested').length, 1);
	res = await ong.api('POST',
	    `/api/v1/events/${ev.id}/sponsors/${co.user.id}/accept`);
	assert.equal(res.status, 200, res.text);
	await runNotifier();
	got = rowsOf(co.user.id, 'sponsorship_accepted');
	assert.equal(got.length, 1);
	assert.equal(got[0].title, 'Patrocinio aceptado: «Limpieza del río»');
	assert.equal(rowsOf(ong.user.id, 'sponsorship_accepted').length, 0,
	    'not to the one who accepted');
	assert.equal(mailsTo(emailOf(co), 'sponsorship_accepted').length, 1);
});

test('a password reset shows in-app too (its mail is the reset mail)', async () => {
	const email = emailOf(ben);
	const res = await ben.api('POST', '/api/v1/auth/password/forgot',
	    { email }, { token: false });
	assert.ok([200, 202, 204].includes(res.status), res.text);
	await runNotifier();
	const got = rowsOf(ben.user.id, 'password_reset');
	assert.equal(got.length, 1);
	assert.equal(got[0].link, 'NULL', 'no link: the token stays in the mail');
	const mails = mailsTo(email, 'password_reset');
	assert.equal(mails.length, 1);
	// A plain-text mail: the name as written, no HTML entities.
	sqlText(`UPDATE users SET name = 'Seán O''Neil & <Co>' WHERE id = ${ben.user.id}`);
	await ben.api('POST', '/api/v1/auth/password/forgot', { email }, { token: false });
	await runNotifier();
	const named = mailsTo(email, 'password_reset').map((m) => m.text)
	    .find((t) => t.includes('Seán'));
	assert.ok(named, 'a second reset mail');
	assert.ok(named.includes("Seán O'Neil & <Co>,"), named.slice(0, 400));
	assert.doesNotMatch(named, /&amp;|&#39;|&lt;/);
	assert.match(named, /\/password\/reset\?token=[A-Za-z0-9_-]+/);
});

test('a reminder a day before, once, to approved participants only', async () => {
	const title = `Recordatorio ${Date.now()}`;
	const id = Number(sqlText(`INSERT INTO events (organizer_id, title,
	    description, type_id, city_id, starts_at, ends_at, capacity,
	    status) VALUES (${ong.user.id}, '${title}', 'x', 1, 1,
	    UTC_TIMESTAMP() + INTERVAL 3 HOUR, UTC_TIMESTAMP() + INTERVAL 5 HOUR,
	    0, 'published'); SELECT LAST_INSERT_ID()`));
	sql(`INSERT INTO participations (event_id, user_id, status) VALUES
	    (${id}, ${ana.user.id}, 'approved'), (${id}, ${ben.user.id}, 'pending')`);
	await runNotifier();
	await runNotifier();
	const got = rowsOf(ana.user.id, 'event_reminder');
	assert.equal(got.length, 1, 'one reminder however many runs');
	assert.equal(got[0].title, `Reminder: “${title}” is soon`);
	assert.match(sqlText(`SELECT body FROM notifications WHERE user_id =
	    ${ana.user.id} AND type = 'event_reminder' AND link = '/events/${id}'`),
	    /starts on \d{4}-\d\d-\d\d \d\d:\d\d CES?T\.$/);
	assert.equal(got[0].link, `/events/${id}`);
	assert.equal(rowsOf(ben.user.id, 'event_reminder').length, 0, 'pending: no');
	assert.equal(mailsTo(emailOf(ana), 'event_reminder').length, 1);

	// Approved later, inside the last day: reminded at the next run, once;
	// those reminded before are not again.
	const dia = await account(TAG, 'externo');
	sql(`UPDATE participations SET status = 'approved' WHERE event_id = ${id}
	    AND user_id = ${ben.user.id}`);
	sql(`INSERT INTO participations (event_id, user_id, status) VALUES
	    (${id}, ${dia.user.id}, 'approved')`);
	await runNotifier();
	await runNotifier();
	for (const who of [ana, ben, dia])
		assert.equal(rowsOf(who.user.id, 'event_reminder').filter((n) =>
		    n.link === `/events/${id}`).length, 1, `once: ${who.user.id}`);
	assert.equal(mailsTo(emailOf(ana), 'event_reminder').length, 1);
	assert.equal(Number(sqlText(`SELECT COUNT(*) FROM event_reminded
	    WHERE event_id = ${id}`)), 3);

	// Moved by minutes: the change notice gives the time; no second
	// reminder.
	sql(`UPDATE events SET starts_at = starts_at + INTERVAL 10 MINUTE,
	    ends_at = ends_at + INTERVAL 10 MINUTE WHERE id = ${id}`);
	await runNotifier();
	for (const who of [ana, ben, dia])
		assert.equal(rowsOf(who.user.id, 'event_reminder').filter((n) =>
		    n.link === `/events/${id}`).length, 1, `not again: ${who.user.id}`);
	// Moved to a later day, then that day comes: reminded of the new
	// start, once more each.
	sql(`UPDATE events SET starts_at = starts_at + INTERVAL 7 DAY,
	    ends_at = ends_at + INTERVAL 7 DAY WHERE id = ${id}`);
	await runNotifier();
	assert.equal(rowsOf(ana.user.id, 'event_reminder').filter((n) =>
	    n.link === `/events/${id}`).length, 1, 'not before its last day');
	// A week passes: the reminders sent are a week old, and the new
	// start is a day away.
	sql(`UPDATE event_reminded SET sent_at = sent_at - INTERVAL 7 DAY
	    WHERE event_id = ${id}`);
	sql(`UPDATE events SET starts_at = UTC_TIMESTAMP() + INTERVAL 20 HOUR,
	    ends_at = UTC_TIMESTAMP() + INTERVAL 22 HOUR WHERE id = ${id}`);
	await runNotifier();
	await runNotifier();
	for (const who of [ana, ben, dia])
		assert.equal(rowsOf(who.user.id, 'event_reminder').filter((n) =>
		    n.link === `/events/${id}`).length, 2, `again: ${who.user.id}`);
	assert.equal(mailsTo(emailOf(ana), 'event_reminder').length, 2);
});

test('event cancelled: participants hear, by push too (HTTP endpoint)', async () => {
	const got = [];
	const srv = http.createServer((req, res) => {
		let body = '';
		req.on('data', (d) => { body += d; });
		req.on('end', () => {
			const msg = JSON.parse(body);
			got.push(msg);
			res.writeHead(msg.token.startsWith('gone-') ? 410 : 200);
			res.end();
		});
	});
	await new Promise((r) => srv.listen(0, '127.0.0.1', r));
	const url = `http://127.0.0.1:${srv.address().port}/push`;
	const good = `good-${Date.now()}`, gone = `gone-${Date.now()}`;
	for (const [platform, token] of [['android', good], ['ios', gone]]) {
		const res = await ana.api('POST', '/api/v1/notifications/devices',
		    { platform, token });
		assert.equal(res.status, 201, res.text);
	}
	try {
		const res = await ong.api('POST', `/api/v1/events/${ev.id}/cancel`);
		assert.equal(res.status, 200, res.text);
		await runNotifier({ AGORA_PUSH_URL: url });
	} finally {
		srv.close();
	}
	assert.equal(rowsOf(ana.user.id, 'event_cancelled').length, 1);
	assert.equal(mailsTo(emailOf(ana), 'event_cancelled').length, 1);
	const mine = got.filter((m) => m.type === 'event_cancelled');
	assert.deepEqual(mine.map((m) => m.token).sort(), [good, gone].sort());
	assert.equal(mine[0].title, 'Event cancelled: “Limpieza del río”');
	assert.equal(mine[0].link, `/events/${ev.id}`);
	assert.equal(sqlText(`SELECT COUNT(*) FROM push_devices WHERE token =
	    '${gone}'`), '0', 'the invalid token is forgotten');
	assert.equal(sqlText(`SELECT last_used_at IS NOT NULL FROM push_devices
	    WHERE token = '${good}'`), '1');
});

test('a device that fails is retried alone: the others see the message once', async () => {
	const c = await account(TAG, 'externo');
	const seen = [];
	let failures = 1;
	const srv = http.createServer((req, res) => {
		let body = '';
		req.on('data', (d) => { body += d; });
		req.on('end', () => {
			const msg = JSON.parse(body);
			seen.push(msg);
			const fail = msg.token.startsWith('flaky-') &&
			    msg.type === 'event_changed' && failures-- > 0;
			res.writeHead(fail ? 503 : 200);
			res.end();
		});
	});
	await new Promise((r) => srv.listen(0, '127.0.0.1', r));
	const url = `http://127.0.0.1:${srv.address().port}/push`;
	const steady = `steady-${Date.now()}`, flaky = `flaky-${Date.now()}`;
	for (const [platform, token] of [['android', steady], ['ios', flaky]]) {
		const res = await c.api('POST', '/api/v1/notifications/devices',
		    { platform, token });
		assert.equal(res.status, 201, res.text);
	}
	const pev = await ong.api('POST', '/api/v1/events', {
		title: 'Banco de alimentos', description: 'Clasificamos.', type_id: 1,
		city_id: 1, starts_at: future(22, 9), ends_at: future(22, 12),
		capacity: 0, status: 'published' });
	assert.equal(pev.status, 201, pev.text);
	await enrol(c, pev.json().id);
	const res = await ong.api('PATCH', `/api/v1/events/${pev.json().id}`,
	    { title: 'Banco de alimentos del barrio' });
	assert.equal(res.status, 200, res.text);
	const rows = () => sqlText(`SELECT status FROM outbox WHERE topic =
	    'push.notification' AND JSON_VALUE(payload, '$.user_id') = ${Number(c.user.id)}
	    AND JSON_VALUE(payload, '$.type') = 'event_changed' ORDER BY id`).split('\n');
	try {
		await runNotifier({ AGORA_PUSH_URL: url });
		assert.deepEqual(rows(), ['done', 'pending'], 'a request per device; the failed one waits');
		// Its back-off over, the failed device goes again, alone.
		sqlText(`UPDATE outbox SET available_at = UTC_TIMESTAMP(3) WHERE topic =
		    'push.notification' AND status = 'pending'`);
		await runNotifier({ AGORA_PUSH_URL: url });
	} finally {
		srv.close();
	}
	assert.deepEqual(rows(), ['done', 'done']);
	const changed = seen.filter((m) => m.type === 'event_changed').map((m) => m.token);
	assert.equal(changed.filter((t) => t === steady).length, 1, 'the steady device once');
	assert.equal(changed.filter((t) => t === flaky).length, 2, 'the flaky one: failed, then sent');
});

test('push through a command: token as $1, the message on stdin', async () => {
	const c = await account(TAG, 'externo');
	const out = path.join(VAR, `push-${Date.now()}.log`);
	const token = `cmd-${Date.now()}`;
	let res = await c.api('POST', '/api/v1/notifications/devices',
	    { platform: 'web', token });
	assert.equal(res.status, 201, res.text);
	const pev = await ong.api('POST', '/api/v1/events', {
		title: 'Taller de huertos', description: 'Plantamos.', type_id: 1,
		city_id: 1, starts_at: future(20, 9), ends_at: future(20, 12),
		capacity: 0, status: 'published' });
	assert.equal(pev.status, 201, pev.text);
	await enrol(c, pev.json().id);
	res = await ong.api('PATCH', `/api/v1/events/${pev.json().id}`,
	    { title: 'Taller de huertos urbanos' });
	assert.equal(res.status, 200, res.text);
	await runNotifier({ AGORA_PUSH_COMMAND:
	    `printf '%s ' "$1" >> ${out}; cat >> ${out}; echo >> ${out}` });
	const lines = fs.readFileSync(out, 'utf8').trim().split('\n');
	const line = lines.find((l) => l.includes('"event_changed"'));
	assert.ok(line, lines.join('\n'));
	assert.equal(line.slice(0, token.length + 1), `${token} `);
	const msg = JSON.parse(line.slice(token.length + 1));
	assert.equal(msg.token, token);
	assert.equal(msg.title, 'Cambios en «Taller de huertos urbanos»');
	assert.equal(msg.platform, 'web');
});

test('a row that names nobody fails and is retried; the rest of its batch is delivered', async () => {
	const c = await account(TAG, 'externo');
	const ids = sqlText(`INSERT INTO outbox (topic, payload) VALUES
	    ('participation.approved', JSON_OBJECT('participation_id', 1,
	     'event_id', ${ev.id}, 'organizer_id', ${ong.user.id},
	     'status', 'approved', 'title', 'Sin persona')),
	    ('participation.approved', JSON_OBJECT('participation_id', 1,
	     'event_id', ${ev.id}, 'user_id', ${c.user.id},
	     'organizer_id', ${ong.user.id}, 'status', 'approved',
	     'title', 'Con persona'));
	    SELECT LAST_INSERT_ID()`);
	const bad = Number(ids);
	await runNotifier();
	const [status, attempts, error] = sql(`SELECT status, attempts,
	    last_error FROM outbox WHERE id = ${bad}`)[0];
	assert.equal(status, 'pending');
	assert.equal(attempts, '1');
	assert.match(error, /participation\.approved: row \d+ has no user_id/);
	assert.equal(sqlText(`SELECT status FROM outbox WHERE id = ${bad + 1}`), 'done');
	assert.equal(rowsOf(c.user.id, 'enrolment_approved').length, 1);
	sqlText(`DELETE FROM outbox WHERE id = ${bad}`);
});

test('a batch run again after a lock wait hands each mail over once', async () => {
	// Another transaction holds the platform's figures row, which the
	// event's rollup needs: the batch waits, times out and runs again,
	// having handed over the mail rows before it.
	const sent = path.join(VAR, `sent-${Date.now()}.mbox`);
	const tejas = await reviewedEvent('Taller de tejas', 'En el patio.', 18);
	await runNotifier();
	const ids = [];
	for (const title of ['Uno', 'Dos']) {
		ids.push(Number(sqlText(`INSERT INTO outbox (topic, payload) VALUES
		    ('mail.notification', JSON_OBJECT('user_id', ${ana.user.id},
		     'type', 'event_changed', 'title', '${title}', 'subject',
		     '${title}', 'body', 'b', 'link', '/events/${ev.id}',
		     'event_title', '${title}', 'source', 0));
		    SELECT LAST_INSERT_ID()`)));
	}
	const holder = new Promise((resolve) => execFile('mariadb', ['--socket',
	    runPath('mysql.sock'), '-u', 'root', 'agora', '-e',
	    'START TRANSACTION; INSERT INTO dash_version (scope_id, version) ' +
	    'VALUES (0, 0) ON DUPLICATE KEY UPDATE version = version; ' +
	    'SELECT SLEEP(6); ROLLBACK;'], () => resolve()));
	await sleep(500);
	const upd = await ong.api('PATCH', `/api/v1/events/${tejas.id}`,
	    { description: 'En el patio; traed guantes.' });
	assert.equal(upd.status, 200, upd.text);
	await runNotifier({ AGORA_MAIL_SPOOL: '', AGORA_DB_RW_TIMEOUT: '3',
	    AGORA_MAIL_COMMAND: `cat >> ${sent}; echo '@@@' >> ${sent}` });
	// Message-IDs end in the host of the base_url runNotifier gives.
	const copies = (id) => fs.readFileSync(sent, 'utf8').split('@@@')
	    .filter((m) => m.includes(`Message-ID: <${id}.event_changed@agora.test>`))
	    .length;
	// The run tried the batch until the row was free, then committed it.
	assert.deepEqual(ids.map(copies), [1, 1],
	    'once each, however often the batch ran');
	for (const id of ids)
		assert.equal(sqlText(`SELECT status FROM outbox WHERE id = ${id}`), 'done');
	await holder;
});

test('a consumer that fails is retried and then recovers', async () => {
	const c = await account(TAG, 'externo');
	// A spool the notifier cannot write: under a plain file.
	const blocker = path.join(VAR, `not-a-dir-${Date.now()}`);
	fs.writeFileSync(blocker, '');
	const bad = path.join(blocker, 'spool');
	const pev = await ong.api('POST', '/api/v1/events', {
		title: 'Carrera solidaria', description: 'Corremos.', type_id: 1,
		city_id: 1, starts_at: future(25, 9), ends_at: future(25, 12),
		capacity: 0, status: 'published' });
	assert.equal(pev.status, 201, pev.text);
	await enrol(c, pev.json().id);
	await runNotifier({ AGORA_MAIL_SPOOL: bad });
	// The notification is there; its mail is waiting for a retry.
	assert.equal(rowsOf(ong.user.id).filter((n) =>
	    n.link === `/events/${pev.json().id}`).length, 1);
	const [id, status, attempts, error] = sql(`SELECT id, status, attempts,
	    last_error FROM outbox WHERE topic = 'mail.notification' AND
	    JSON_VALUE(payload, '$.user_id') = ${ong.user.id} AND
	    JSON_VALUE(payload, '$.link') = '/events/${pev.json().id}' AND
	    JSON_VALUE(payload, '$.type') = 'enrolment_received'`)[0];
	assert.equal(status, 'pending');
	assert.equal(attempts, '1');
	assert.match(error, /spool/);
	assert.equal(mailsTo(emailOf(ong), 'enrolment_received').filter((m) =>
	    m.text.includes('Carrera solidaria')).length, 0);
	// Due again, with the spool back: delivered once.
	sqlText(`UPDATE outbox SET available_at = UTC_TIMESTAMP(3) WHERE id = ${id}`);
	await runNotifier();
	assert.equal(sqlText(`SELECT status FROM outbox WHERE id = ${id}`), 'done');
	const mail = fs.readFileSync(path.join(SPOOL, `${id}-enrolment_received.eml`),
	    'utf8');
	// Taken on without review: nothing to approve.
	assert.match(mail, /Alguien se ha inscrito en tu evento «Carrera solidaria»\.\n/);
	assert.doesNotMatch(mail, /Revisa la solicitud/);
	assert.equal(rowsOf(ong.user.id).filter((n) =>
	    n.link === `/events/${pev.json().id}`).length, 1, 'not doubled');
});

test('a mail command that fails is logged by its exit code', async () => {
	const id = Number(sqlText(`INSERT INTO outbox (topic, payload) VALUES
	    ('mail.notification', JSON_OBJECT('user_id', ${ana.user.id},
	     'type', 'event_changed', 'title', 'Salida', 'subject', 'Salida',
	     'body', 'b', 'link', '/events', 'event_title', 'Salida',
	     'source', 0));
	    SELECT LAST_INSERT_ID()`));
	await runNotifier({ AGORA_MAIL_SPOOL: '', AGORA_MAIL_COMMAND: 'cat >/dev/null; exit 3' });
	const error = sqlText(`SELECT last_error FROM outbox WHERE id = ${id}`);
	assert.match(error, /exited with 3$/, 'not the wait status (768)');
	sqlText(`DELETE FROM outbox WHERE id = ${id}`);
});

test('the NGO hears that a full event put someone on its waiting list', async () => {
	const res = await ong.api('POST', '/api/v1/events', {
		title: 'Taller lleno', description: 'Una plaza.', type_id: 1,
		city_id: 1, starts_at: future(26, 9), ends_at: future(26, 12),
		capacity: 1, status: 'published' });
	assert.equal(res.status, 201, res.text);
	const id = res.json().id;
	await enrol(ana, id);
	assert.equal((await enrol(ben, id)).status, 'waitlisted');
	await runNotifier();
	const bodies = sqlText(`SELECT body FROM notifications WHERE user_id =
	    ${ong.user.id} AND link = '/events/${id}' ORDER BY id`).split('\n');
	assert.deepEqual(bodies, [
	    'Alguien se ha inscrito en tu evento «Taller lleno».',
	    'Alguien se ha apuntado a la lista de espera de tu evento «Taller lleno», que está completo. Ocupará la primera plaza que quede libre.',
	]);
});

test('a long title: the notice keeps its quotes, the subject folds into words', async () => {
	const title = ('Ñandú 🎉 & <b> "x" ').repeat(12).slice(0, 200).trim();
	const res = await ong.api('POST', '/api/v1/events', {
		title, description: 'Largo.', type_id: 1, city_id: 1,
		starts_at: future(27, 9), ends_at: future(27, 12), capacity: 0,
		status: 'published' });
	assert.equal(res.status, 201, res.text);
	const id = res.json().id;
	await enrol(ana, id);
	await runNotifier();
	const [note] = sqlText(`SELECT title FROM notifications WHERE user_id =
	    ${ong.user.id} AND link = '/events/${id}'`).split('\n');
	assert.match(note, /^Nueva inscripción en «Ñandú .*…»$/u, 'cut inside, quotes kept');
	const mail = mailsTo(emailOf(ong), 'enrolment_received')
	    .find((m) => subject(m.text)?.startsWith('Nueva inscripción en «Ñandú'));
	assert.ok(mail, 'the mail');
	// (The mariadb client shows the emoji as "?"; the mail has it whole.)
	assert.match(subject(mail.text), /^Nueva inscripción en «Ñandú 🎉 & <b> "x" .*…»$/u);
	assert.equal([...subject(mail.text)].length, [...note].length);
	const head = mail.text.slice(0, mail.text.indexOf('\r\n\r\n'));
	for (const line of head.split('\r\n'))
		assert.ok(line.length <= 78, `a header line of ${line.length}: ${line}`);
});
