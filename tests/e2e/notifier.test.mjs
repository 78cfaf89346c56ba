// The notifier: every outbox row delivered once even with two runs side by
// side, a run killed with -9 loses nothing and doubles nothing, a failing
// row is retried and then dead-lettered with its error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import {
    VAR, pauseNotifierTimer, resumeNotifierTimer, serial, sleep, spawnNotifier,
    sqlText, waitFor,
} from './lib.mjs';

await serial();

// The stack's own notifier timer would race these runs.
before(pauseNotifierTimer);
after(resumeNotifierTimer);

const SPOOL = path.join(VAR, 'mail-notifier-test');

/* Starts one notifier run (-1 drains until empty) with a short lease. */
function notifier(env = {}, args = ['-1']) {
	return spawnNotifier(args, { AGORA_MAIL_SPOOL: SPOOL,
	    AGORA_NOTIFIER_LEASE_SECONDS: '2', ...env });
}

/* A user to write to, and n reset-mail rows for them; returns their ids. */
function rows(n, tag, payload = null) {
	const email = `notif-${tag}@example.org`;
	sqlText(`INSERT IGNORE INTO users (email, password_hash, name, role)
	    VALUES ('${email}', '!', 'Nora', 'externo')`);
	const uid = sqlText(`SELECT id FROM users WHERE email = '${email}'`);
	const p = payload ?? `{"user_id": ${uid}, "name": "Nora", "lang": "es",
	    "link": "/password/reset?token=t-${tag}", "expires_minutes": 60}`;
	const first = Number(sqlText(`INSERT INTO outbox (topic, payload) SELECT
	    'mail.password_reset', '${p.replace(/\n\s*/g, ' ')}' FROM seq_1_to_${n};
	    SELECT LAST_INSERT_ID()`));
	// One statement: its ids are consecutive (innodb_autoinc_lock_mode 1).
	return { uid, ids: Array.from({ length: n }, (_, i) => first + i) };
}

function spooled(ids) {
	const have = new Set(fs.existsSync(SPOOL) ? fs.readdirSync(SPOOL) : []);
	return ids.filter((id) => have.has(`${id}-password_reset.eml`)).length;
}

test('two runs side by side deliver each row exactly once', async () => {
	const { ids } = rows(120, `pair-${Date.now()}`);
	const a = notifier(), b = notifier();
	await Promise.all([a.done, b.done]);
	await waitFor(() => sqlText(`SELECT COUNT(*) FROM outbox WHERE id IN
	    (${ids}) AND status = 'done'`) === String(ids.length), 30000,
	    'every row done');
	assert.equal(sqlText(`SELECT COUNT(*) FROM mail_log WHERE outbox_id IN (${ids})`),
	    String(ids.length), 'one mail_log row per outbox row');
	// The in-app consumer of the same topic keeps its own markers.
	assert.equal(sqlText(`SELECT COUNT(*) FROM outbox_consumed WHERE outbox_id IN
	    (${ids}) AND consumer = 'mail.password_reset'`), String(ids.length),
	    'one marker per row');
	assert.equal(spooled(ids), ids.length, 'one spooled message per row');
});

test('a run killed with -9 mid-batch: the next finishes, nothing doubled', async () => {
	const { ids } = rows(200, `kill-${Date.now()}`);
	const a = notifier({}, []);
	await waitFor(() => Number(sqlText(`SELECT COUNT(*) FROM outbox WHERE id IN
	    (${ids}) AND status = 'done'`)) > 0, 20000, 'the run to start delivering', 5);
	a.child.kill('SIGKILL');
	await a.done;
	// The killed run's lease (2 s here, 60 s in production) runs out.
	await sleep(2500);
	await notifier().done;
	await waitFor(() => sqlText(`SELECT COUNT(*) FROM outbox WHERE id IN
	    (${ids}) AND status = 'done'`) === String(ids.length), 30000,
	    'every row done after the kill');
	assert.equal(sqlText(`SELECT COUNT(*) FROM mail_log WHERE outbox_id IN (${ids})`),
	    String(ids.length), 'no row delivered twice, none lost');
	assert.equal(spooled(ids), ids.length);
});

test('a row that keeps failing is retried with backoff, then dead-lettered', async () => {
	// A payload the mail template cannot render (no link): fails every time.
	const tag = `dead-${Date.now()}`;
	const { ids } = rows(1, tag, `{"user_id": 0, "lang": "es"}`);
	const uid = sqlText(`SELECT id FROM users WHERE email = 'notif-${tag}@example.org'`);
	sqlText(`UPDATE outbox SET payload = JSON_OBJECT('user_id', ${uid}) WHERE id = ${ids[0]}`);
	await notifier({ AGORA_NOTIFIER_MAX_ATTEMPTS: '3' }).done;
	let row = sqlText(`SELECT status, attempts, available_at > UTC_TIMESTAMP(3),
	    last_error IS NOT NULL FROM outbox WHERE id = ${ids[0]}`).split('\t');
	assert.deepEqual(row, ['pending', '1', '1', '1'], 'failed once, retried later');
	// Make it due again twice: the third failure is the last.
	for (let i = 0; i < 2; i++) {
		sqlText(`UPDATE outbox SET available_at = UTC_TIMESTAMP(3) WHERE id = ${ids[0]}`);
		await notifier({ AGORA_NOTIFIER_MAX_ATTEMPTS: '3' }).done;
	}
	row = sqlText(`SELECT status, attempts, last_error FROM outbox WHERE id = ${ids[0]}`)
	    .split('\t');
	assert.equal(row[0], 'dead');
	assert.equal(row[1], '3');
	assert.match(row[2], /render mail\/password_reset/);
	assert.equal(sqlText(`SELECT COUNT(*) FROM mail_log WHERE outbox_id = ${ids[0]}`), '0',
	    'a failed delivery leaves no trace behind');
});

/* Waits for every row done and checks each had its effect exactly once. */
async function deliveredOnce(ids, what) {
	const list = `${ids[0]} AND ${ids[ids.length - 1]}`;
	await waitFor(() => sqlText(`SELECT COUNT(*) FROM outbox WHERE id BETWEEN
	    ${list} AND status = 'done'`) === String(ids.length), 120000,
	    `every row done (${what})`, 200);
	assert.equal(sqlText(`SELECT COUNT(*) FROM mail_log WHERE outbox_id BETWEEN
	    ${list}`), String(ids.length), `one mail_log row per outbox row (${what})`);
	for (const c of ['mail.password_reset', 'inapp.password_reset'])
		assert.equal(sqlText(`SELECT COUNT(*) FROM outbox_consumed WHERE
		    outbox_id BETWEEN ${list} AND consumer = '${c}'`), String(ids.length),
		    `one ${c} marker per row (${what})`);
	assert.equal(sqlText(`SELECT COUNT(*) FROM notifications WHERE outbox_id
	    BETWEEN ${list}`), String(ids.length), `one notification per row (${what})`);
	assert.equal(spooled(ids), ids.length, `one spooled message per row (${what})`);
}

for (const runs of [2, 4]) {
	test(`${runs} runs at once over 20,000 rows: each delivered once`, async () => {
		const { ids } = rows(20000, `bulk${runs}-${Date.now()}`);
		const started = Date.now();
		const all = Array.from({ length: runs }, () => notifier());
		const ends = await Promise.all(all.map((r) => r.done));
		for (const e of ends)
			assert.equal(e.code, 0, e.err);
		await deliveredOnce(ids, `${runs} runs`);
		// Every run took a share: none waited for the others' locks.
		const took = ends.map((e) => Number((e.err.match(/handled (\d+) outbox rows/) ?? [0, 0])[1]));
		assert.equal(took.reduce((a, b) => a + b, 0), ids.length, took.join('+'));
		console.log(`# ${runs} runs: 20000 rows in ${Date.now() - started} ms (${took.join(' + ')})`);
	});
}

test('SIGKILL at random points: every row once, only the bad ones dead', async () => {
	const kills = Number(process.env.NOTIFIER_KILLS ?? 30);
	const tag = `chaos-${Date.now()}`;
	// Enough rows that every run is killed with work in hand.
	const { ids, uid } = rows(kills * 200, tag);
	// Five rows the mail template cannot render: they must end up dead,
	// and nothing else may.
	const step = Math.floor(ids.length / 5);
	const bad = ids.filter((_, i) => i % step === step >> 1);
	sqlText(`UPDATE outbox SET payload = JSON_OBJECT('user_id', ${uid}) WHERE id IN (${bad})`);
	const env = { AGORA_NOTIFIER_MAX_ATTEMPTS: '1', AGORA_NOTIFIER_LEASE_SECONDS: '1' };
	for (let i = 0; i < kills; i++) {
		const r = notifier(env, []);
		await sleep(30 + Math.floor(Math.random() * 300));
		r.child.kill('SIGKILL');
		const end = await r.done;
		assert.equal(end.sig, 'SIGKILL', `run ${i} was killed, not finished`);
	}
	await sleep(1200);	// the last killed run's lease runs out
	assert.equal((await notifier(env).done).code, 0);
	const good = ids.filter((id) => !bad.includes(id));
	const list = `${ids[0]} AND ${ids[ids.length - 1]}`;
	assert.equal(sqlText(`SELECT COUNT(*) FROM outbox WHERE id BETWEEN ${list}
	    AND status = 'done'`), String(good.length), 'every good row done');
	assert.equal(sqlText(`SELECT GROUP_CONCAT(id ORDER BY id) FROM outbox WHERE id
	    BETWEEN ${list} AND status = 'dead'`), bad.join(','), 'only the bad rows dead');
	assert.equal(sqlText(`SELECT COUNT(*) FROM mail_log WHERE outbox_id BETWEEN
	    ${list}`), String(good.length), 'each good row mailed once in effect');
	// A range and the few bad ids, not every good id: 200 runs by hand
	// make a statement longer than a command line may be.
	assert.equal(sqlText(`SELECT COUNT(*) FROM notifications WHERE outbox_id
	    BETWEEN ${list} AND outbox_id NOT IN (${bad})`), String(good.length),
	    'each good row notified once in effect');
	assert.equal(sqlText(`SELECT COUNT(*) FROM mail_log WHERE outbox_id IN (${bad})`), '0',
	    'the failed consumer left no effect behind');
	// Each consumer is on its own: the in-app one may have done its part
	// of a bad row, but then once, and with its marker.
	assert.equal(sqlText(`SELECT COUNT(*) FROM notifications WHERE outbox_id IN (${bad})`),
	    sqlText(`SELECT COUNT(*) FROM outbox_consumed WHERE outbox_id IN (${bad})
	    AND consumer = 'inapp.password_reset'`), 'in-app effects of bad rows match their markers');
	assert.equal(sqlText(`SELECT COUNT(*) FROM (SELECT outbox_id FROM notifications
	    WHERE outbox_id IN (${bad}) GROUP BY outbox_id HAVING COUNT(*) > 1) x`), '0');
});

test('a row that fails and then recovers is delivered once', async () => {
	const tag = `recover-${Date.now()}`;
	const { ids, uid } = rows(1, tag);
	const good = sqlText(`SELECT payload FROM outbox WHERE id = ${ids[0]}`);
	sqlText(`UPDATE outbox SET payload = JSON_OBJECT('user_id', ${uid}) WHERE id = ${ids[0]}`);
	await notifier().done;
	assert.deepEqual(sqlText(`SELECT status, attempts FROM outbox WHERE id = ${ids[0]}`)
	    .split('\t'), ['pending', '1']);
	// What made it fail is gone (here: the payload is whole again).
	sqlText(`UPDATE outbox SET payload = '${good}', available_at = UTC_TIMESTAMP(3)
	    WHERE id = ${ids[0]}`);
	await notifier().done;
	assert.deepEqual(sqlText(`SELECT status, last_error IS NULL FROM outbox WHERE id =
	    ${ids[0]}`).split('\t'), ['done', '1']);
	assert.equal(sqlText(`SELECT COUNT(*) FROM mail_log WHERE outbox_id = ${ids[0]}`), '1');
	assert.equal(spooled(ids), 1);
});

test('a frozen run (SIGSTOP) gives its rows back; nothing doubled', async () => {
	const { ids } = rows(1500, `frozen-${Date.now()}`);
	const env = { AGORA_NOTIFIER_LEASE_SECONDS: '2', AGORA_DB_IDLE_TX_TIMEOUT: '2' };
	const a = notifier(env, []);
	await waitFor(() => Number(sqlText(`SELECT COUNT(*) FROM outbox WHERE id BETWEEN
	    ${ids[0]} AND ${ids[ids.length - 1]} AND status = 'done'`)) > 0, 20000,
	    'the first run to start delivering', 5);
	a.child.kill('SIGSTOP');
	try {
		// The frozen run's transaction ends on the server after 2 s idle,
		// its leases after 2 s: runs started as cron would start them take
		// everything left.
		const left = () => Number(sqlText(`SELECT COUNT(*) FROM outbox WHERE id
		    BETWEEN ${ids[0]} AND ${ids[ids.length - 1]} AND status <> 'done'`));
		for (let i = 0; i < 10 && left() > 0; i++) {
			const b = await notifier(env).done;
			assert.equal(b.code, 0, b.err);
			await sleep(2500);
		}
		await deliveredOnce(ids, 'after a frozen run');
	} finally {
		a.child.kill('SIGCONT');
		a.child.kill('SIGTERM');
		await a.done;
	}
	// Woken up, the first run finds its work done and doubles nothing.
	assert.equal(sqlText(`SELECT COUNT(*) FROM mail_log WHERE outbox_id BETWEEN
	    ${ids[0]} AND ${ids[ids.length - 1]}`), String(ids.length));
});

/* An NGO's event in the given state with n people enrolled and approved;
 * the people's emails end in -${tag}@example.org. */
function eventWithPeople(tag, n, status) {
	sqlText(`INSERT INTO users (email, password_hash, name, role) VALUES
	    ('ong-${tag}@example.org', '!', 'ONG ${tag}', 'ong')`);
	const org = sqlText(`SELECT id FROM users WHERE email = 'ong-${tag}@example.org'`);
	sqlText(`INSERT INTO users (email, password_hash, name, role) SELECT
	    CONCAT('p', seq, '-${tag}@example.org'), '!', 'P', 'externo' FROM seq_1_to_${n}`);
	const ev = sqlText(`INSERT INTO events (organizer_id, title, description, type_id,
	    city_id, starts_at, ends_at, capacity, status) VALUES (${org}, 'Evento ${tag}',
	    'Prueba.', 1, 1, UTC_TIMESTAMP() + INTERVAL 5 DAY, UTC_TIMESTAMP() +
	    INTERVAL 5 DAY + INTERVAL 1 HOUR, 0, '${status}'); SELECT LAST_INSERT_ID()`);
	sqlText(`INSERT INTO participations (event_id, user_id, status) SELECT ${ev}, id,
	    'approved' FROM users WHERE email LIKE 'p%-${tag}@example.org'`);
	return { org, ev };
}

test('a bad row among many: the rest go at once, it alone fails', async () => {
	const { org, ev } = eventWithPeople(`group-${Date.now()}`, 10, 'published');
	const payload = `'participation_id', p.id, 'event_id', p.event_id, 'user_id',
	    p.user_id, 'organizer_id', ${org}, 'status', 'approved', 'title', 'Evento'`;
	const first = Number(sqlText(`INSERT INTO outbox (topic, payload) SELECT
	    'participation.created', JSON_OBJECT(${payload}) FROM participations p
	    WHERE p.event_id = ${ev} ORDER BY p.id; SELECT LAST_INSERT_ID()`));
	// The rollups cannot count a participation the row does not name.
	const bad = sqlText(`INSERT INTO outbox (topic, payload) VALUES
	    ('participation.created', JSON_OBJECT('event_id', ${ev}, 'organizer_id',
	    ${org}, 'title', 'Evento')); SELECT LAST_INSERT_ID()`);
	const good = Array.from({ length: 10 }, (_, i) => first + i);
	const { code, err } = await notifier({ AGORA_NOTIFIER_MAX_ATTEMPTS: '1' }).done;
	assert.equal(code, 0, err);
	assert.equal(sqlText(`SELECT COUNT(*) FROM outbox WHERE id IN (${good}) AND
	    status = 'done'`), '10');
	assert.deepEqual(sqlText(`SELECT status, last_error LIKE '%participation_id%'
	    FROM outbox WHERE id = ${bad}`).split('\t'), ['dead', '1']);
	assert.equal(sqlText(`SELECT COUNT(*) FROM outbox_consumed WHERE outbox_id IN
	    (${good}) AND consumer = 'rollups.participation.created'`), '10');
	assert.equal(sqlText(`SELECT COUNT(*) FROM outbox_consumed WHERE outbox_id =
	    ${bad} AND consumer LIKE 'rollups.%'`), '0', 'the failed consumer left no marker');
	assert.equal(sqlText(`SELECT COUNT(*) FROM notifications WHERE outbox_id IN
	    (${good}) AND user_id = ${org}`), '10', 'the organiser told of each');
	assert.equal(sqlText(`SELECT approved FROM dash_event WHERE event_id = ${ev}`), '10');
	assert.equal(sqlText(`SELECT SUM(approved) FROM dash_day WHERE scope_id = ${org}`),
	    '10', 'the figures count each good row once');
});

test('an event with 1,200 people: each told once, in statements of bounded size', async () => {
	const tag = `crowd-${Date.now()}`;
	const { org, ev } = eventWithPeople(tag, 1200, 'cancelled');
	// Mail off for them: this is about the in-app rows.
	sqlText(`INSERT INTO notification_prefs (user_id, type, channel, enabled) SELECT id,
	    'event_cancelled', 'email', 0 FROM users WHERE email LIKE 'p%-${tag}@example.org'`);
	const row = sqlText(`INSERT INTO outbox (topic, payload) VALUES ('event.cancelled',
	    JSON_OBJECT('event_id', ${ev}, 'organizer_id', ${org}, 'title', 'Concierto',
	    'status', 'cancelled')); SELECT LAST_INSERT_ID()`);
	const { code, err } = await notifier().done;
	assert.equal(code, 0, err);
	assert.equal(sqlText(`SELECT status FROM outbox WHERE id = ${row}`), 'done');
	assert.equal(sqlText(`SELECT COUNT(*), COUNT(DISTINCT user_id) FROM notifications
	    WHERE outbox_id = ${row}`), '1200\t1200');
});
