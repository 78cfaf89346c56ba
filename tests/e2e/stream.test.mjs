// Live notifications: GET /api/v1/notifications/stream (Server-Sent Events).
// Rows are put into notifications with SQL, as the notifier would, and read
// back from the stream: who may open one, what arrives and what never does,
// resuming with Last-Event-ID, and many open streams at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import {
    HOST, PORT, VAR, assertProblem, get, request, runPath, serial, sleep,
    sourceAddr, sql, sqlText, q, waitFor,
} from './lib.mjs';
import { Client, pageSignIn, signUp } from './events-lib.mjs';
import { accessClaims, signJwt } from './accounts-lib.mjs';

await serial();

const TAG = 90;
const PATH = '/api/v1/notifications/stream';

/*
 * Opens a stream and parses its events as they come.  Resolves once the
 * headers are in with { status, headers, events, text, close(),
 * next(pred, ms) }; events are { id, event, data } with data parsed.
 */
function openStream(opts = {}) {
	const headers = { Accept: 'text/event-stream', ...(opts.headers ?? {}) };
	return new Promise((resolve, reject) => {
		const req = http.request({
			host: HOST, port: PORT, path: opts.path ?? PATH, headers,
			agent: false, localAddress: opts.from,
		}, (res) => {
			const s = {
				status: res.statusCode, headers: res.headers,
				events: [], comments: [], text: '', ended: false,
				close() { req.destroy(); },
				async next(pred, ms = 3000) {
					return waitFor(() => s.events.find(pred), ms,
					    'an event', 20);
				},
			};
			let pending = '';
			res.setEncoding('utf8');
			res.on('data', (chunk) => {
				s.text += chunk;
				pending += chunk;
				let at;
				while ((at = pending.indexOf('\n\n')) >= 0) {
					const block = pending.slice(0, at);
					pending = pending.slice(at + 2);
					const ev = { id: null, event: 'message', data: [] };
					for (const line of block.split('\n')) {
						if (line.startsWith(':')) {
							s.comments.push(line);
							continue;
						}
						const m = /^([a-z]+): ?(.*)$/.exec(line);
						if (!m)
							continue;
						if (m[1] === 'data')
							ev.data.push(m[2]);
						else
							ev[m[1]] = m[2];
					}
					if (ev.data.length === 0)
						continue;	// retry: only
					const raw = ev.data.join('\n');
					try {
						ev.data = JSON.parse(raw);
					} catch {
						ev.data = raw;
					}
					s.events.push(ev);
				}
			});
			res.on('end', () => { s.ended = true; });
			res.on('error', () => { s.ended = true; });
			resolve(s);
		});
		req.on('error', reject);
		req.setTimeout(opts.timeout ?? 15000, () => req.destroy());
		req.end();
	});
}

const bearer = (c) => ({ Authorization: `Bearer ${c.access}` });

/* An access token as the auth program signs them, for any user id:
 * the stack's own secret, from its agora.conf. */
const SECRET = /^secret = (.*)$/m.exec(fs.readFileSync(path.join(VAR,
    'agora.conf'), 'utf8'))[1];
function token(uid, over = {}) {
	return { Authorization: `Bearer ${signJwt({ ...accessClaims(uid),
	    ...over }, SECRET)}` };
}

/* Inserts a notification for a user, as the notifier does; its id. */
function notify(uid, title = `t ${Math.random().toString(36).slice(2)}`) {
	return Number(sqlText(
	    'INSERT INTO notifications (user_id, type, title, body, link) ' +
	    `VALUES (${uid}, 'event_published', ${q(title)}, 'cuerpo', ` +
	    `'/events/1'); SELECT LAST_INSERT_ID()`));
}

const notes = (s) => s.events.filter((e) => e.event === 'notification');

/* Whether a resume mark, "below" or "below:id,id", says the client has id. */
function markHas(mark, id) {
	const [below, have = ''] = mark.split(':');
	return Number(below) >= id || have.split(',').map(Number).includes(id);
}

test('without credentials: 401 problem document', async () => {
	const res = await get(PATH, { from: sourceAddr(TAG) });
	assertProblem(res, 401);
	const bad = await get(PATH, { from: sourceAddr(TAG),
	    headers: { Authorization: 'Bearer not.a.token' } });
	assertProblem(bad, 401);
	const cookie = await get(PATH, { from: sourceAddr(TAG),
	    headers: { Cookie: `agora_sid=${'x'.repeat(43)}` } });
	assertProblem(cookie, 401);
});

test('bearer: the counter first, a new row within 2 s, another user\'s never', async () => {
	const me = new Client(TAG);
	const other = new Client(TAG);
	await signUp(me);
	await signUp(other);
	const s = await openStream({ headers: bearer(me), from: me.from });
	try {
		assert.equal(s.status, 200);
		assert.match(s.headers['content-type'], /^text\/event-stream/);
		assert.equal(s.headers['cache-control'], 'no-store');
		const first = await s.next((e) => e.event === 'count');
		assert.deepEqual(first.data, { count: 0 });
		assert.match(s.text, /^retry: \d+\n\n/);
		await sleep(100);

		const foreign = notify(other.user.id, 'not yours');
		const t0 = performance.now();
		const id = notify(me.user.id, 'Hola <b>"tú"</b>');
		const ev = await s.next((e) => e.event === 'notification', 2000);
		const ms = performance.now() - t0;
		assert.ok(ms < 2000, `delivered in ${ms} ms`);
		assert.ok(markHas(ev.id, id), `mark ${ev.id} has ${id}`);
		assert.deepEqual(Object.keys(ev.data).sort(), ['body', 'created_at',
		    'id', 'link', 'read', 'title', 'type']);
		assert.equal(ev.data.id, id);
		assert.equal(ev.data.title, 'Hola <b>"tú"</b>');
		assert.equal(ev.data.type, 'event_published');
		assert.equal(ev.data.link, '/events/1');
		assert.equal(ev.data.read, false);
		assert.match(ev.data.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		const count = await s.next((e) => e.event === 'count' &&
		    e.data.count === 1, 2000);
		assert.ok(count);
		// The other user's row had a lower id and never shows up.
		await sleep(1000);
		assert.deepEqual(notes(s).map((e) => e.data.id), [id]);
		assert.ok(foreign < id);
	} finally {
		s.close();
	}
});

test('session cookie: a signed-in browser gets its rows', async () => {
	const c = new Client(TAG);
	const user = await signUp(c);
	await pageSignIn(c, user.email, user.password);
	const sid = c.cookie('agora_sid');
	assert.ok(sid, 'signed in with a cookie');
	const s = await openStream({ path: '/notifications/stream', from: c.from,
	    headers: { Cookie: `agora_sid=${sid}` } });
	try {
		assert.equal(s.status, 200);
		await s.next((e) => e.event === 'count');
		await sleep(100);
		const id = notify(user.id);
		const ev = await s.next((e) => e.event === 'notification', 2000);
		assert.equal(ev.data.id, id);
	} finally {
		s.close();
	}
});

test('a browser signed out elsewhere receives nothing more; its stream ends', async () => {
	const c = new Client(TAG);
	const user = await signUp(c);
	await pageSignIn(c, user.email, user.password);
	const sid = c.cookie('agora_sid');
	const s = await openStream({ path: '/notifications/stream', from: c.from,
	    headers: { Cookie: `agora_sid=${sid}` } });
	try {
		assert.equal(s.status, 200);
		await s.next((e) => e.event === 'count');
		// A password changed in another browser revokes this session.
		sql(`UPDATE sessions SET revoked_at = UTC_TIMESTAMP() WHERE
		    token_hash = SHA2('${sid}', 256)`);
		notify(user.id);
		await waitFor(() => s.ended, 5000, 'the stream to end');
		assert.equal(s.events.filter((e) => e.event === 'notification').length, 0,
		    'nothing delivered after the sign-out');
	} finally {
		s.close();
	}
});

test('the counter follows rows read elsewhere', async () => {
	const c = new Client(TAG);
	await signUp(c);
	const a = notify(c.user.id);
	notify(c.user.id);
	const s = await openStream({ headers: bearer(c), from: c.from });
	try {
		await s.next((e) => e.event === 'count' && e.data.count === 2);
		sql(`UPDATE notifications SET read_at = UTC_TIMESTAMP() WHERE id = ${a}`);
		await s.next((e) => e.event === 'count' && e.data.count === 1, 8000);
	} finally {
		s.close();
	}
});

test('resume: Last-Event-ID replays exactly the missed rows, then live ones', async () => {
	const c = new Client(TAG);
	const other = new Client(TAG);
	await signUp(c);
	await signUp(other);
	const seen = notify(c.user.id, 'seen');
	const missed = [notify(c.user.id, 'm1'), notify(c.user.id, 'm2')];
	notify(other.user.id, 'not yours');
	missed.push(notify(c.user.id, 'm3'));

	const s = await openStream({ from: c.from,
	    headers: { ...bearer(c), 'Last-Event-ID': String(seen) } });
	try {
		await s.next((e) => e.event === 'count');
		assert.deepEqual(notes(s).map((e) => e.data.id), missed);
		assert.ok(notes(s).every((e) => markHas(e.id, e.data.id)));
		assert.deepEqual(notes(s).map((e) => e.data.title), ['m1', 'm2', 'm3']);
		const live = notify(c.user.id, 'live');
		await s.next((e) => e.data.id === live, 2000);
		await sleep(700);
		assert.deepEqual(notes(s).map((e) => e.data.id), [...missed, live],
		    'each once, in order');
	} finally {
		s.close();
	}

	// The query parameter, for clients that cannot set headers.
	const q2 = await openStream({ from: c.from, headers: bearer(c),
	    path: `${PATH}?last_event_id=${missed[1]}` });
	try {
		await q2.next((e) => e.event === 'count');
		assert.deepEqual(notes(q2).map((e) => e.data.id).slice(0, 1),
		    [missed[2]]);
	} finally {
		q2.close();
	}

	// No resume point, or a malformed one: only what is new.
	const fresh = await openStream({ from: c.from,
	    headers: { ...bearer(c), 'Last-Event-ID': 'abc' } });
	try {
		await fresh.next((e) => e.event === 'count');
		await sleep(300);
		assert.deepEqual(notes(fresh), []);
	} finally {
		fresh.close();
	}
});

test('rows that commit after later ones still come, however many', async () => {
	// A notifier batch of many rows that commits after another run's
	// smaller, later one: the ids of the first are lower.
	const c = new Client(TAG);
	await signUp(c);
	const s = await openStream({ from: c.from, headers: bearer(c) });
	try {
		await s.next((e) => e.event === 'count');
		const rows = Array.from({ length: 150 }, (_, i) =>
		    `(${c.user.id}, 'event_published', 'late ${i}', 'cuerpo', '/events/1')`);
		const slow = new Promise((resolve, reject) => execFile('mariadb',
		    ['--socket', runPath('mysql.sock'), '-u', 'root', 'agora', '-e',
		    'START TRANSACTION; INSERT INTO notifications (user_id, type, ' +
		    `title, body, link) VALUES ${rows.join(', ')}; ` +
		    'SELECT SLEEP(2); COMMIT;'], (err) => (err ? reject(err) : resolve())));
		await sleep(700);
		const early = notify(c.user.id, 'early');
		await s.next((e) => e.data.id === early, 3000);
		await slow;
		await waitFor(() => notes(s).length === 151, 5000, '151 notifications');
		const titles = notes(s).map((e) => e.data.title);
		assert.equal(new Set(titles).size, 151, 'each once');
		assert.ok(titles.includes('late 0') && titles.includes('late 149'));
	} finally {
		s.close();
	}
});

test('a row that commits late while the client is away comes on resume', async () => {
	// The client saw a later row, went away, and the earlier one
	// committed meanwhile: its mark says what it has above the gap.
	const c = new Client(TAG);
	await signUp(c);
	const s = await openStream({ from: c.from, headers: bearer(c) });
	let mark, early;
	const slow = new Promise((resolve, reject) => execFile('mariadb',
	    ['--socket', runPath('mysql.sock'), '-u', 'root', 'agora', '-e',
	    'START TRANSACTION; INSERT INTO notifications (user_id, type, ' +
	    `title, body, link) VALUES (${c.user.id}, 'event_published', ` +
	    "'late', 'cuerpo', '/events/1'); SELECT SLEEP(2); COMMIT;"],
	    (err) => (err ? reject(err) : resolve())));
	try {
		await s.next((e) => e.event === 'count');
		await sleep(700);
		early = notify(c.user.id, 'early');
		mark = (await s.next((e) => e.data.id === early, 3000)).id;
		assert.match(mark, new RegExp(`^\\d+:(\\d+,)*${early}$`),
		    'the mark keeps the open gap below it');
	} finally {
		s.close();
	}
	await slow;
	const back = await openStream({ from: c.from,
	    headers: { ...bearer(c), 'Last-Event-ID': mark } });
	try {
		await back.next((e) => e.event === 'count' && e.data.count === 2);
		assert.deepEqual(notes(back).map((e) => e.data.title), ['late']);
		const live = notify(c.user.id, 'live');
		const got = await back.next((e) => e.data.id === live, 2000);
		assert.ok(markHas(got.id, live) && markHas(got.id, early));
		assert.equal(notes(back).length, 2, 'each once');
	} finally {
		back.close();
	}
	// The same mark as a query value, for clients that cannot set headers.
	const q2 = await openStream({ from: c.from, headers: bearer(c),
	    path: `${PATH}?last_event_id=${encodeURIComponent(mark)}` });
	try {
		await q2.next((e) => e.event === 'count');
		assert.deepEqual(notes(q2).map((e) => e.data.title), ['late', 'live']);
	} finally {
		q2.close();
	}
});

test('a stream speaks its reader\'s language, whichever the row was written in', async () => {
	const c = new Client(TAG);
	await signUp(c);
	const en = await openStream({ from: c.from,
	    headers: { ...bearer(c), 'Accept-Language': 'en' } });
	const plain = await openStream({ from: c.from, headers: bearer(c) });
	try {
		await en.next((e) => e.event === 'count');
		await plain.next((e) => e.event === 'count');
		// Written in Spanish by the notifier, with what it was drawn from.
		const id = Number(sqlText('INSERT INTO notifications (user_id, ' +
		    'type, title, body, params, link) VALUES ' +
		    `(${c.user.id}, 'enrolment_approved', ` +
		    "'Inscripción aprobada: «Río»', 'Tu inscripción…', " +
		    `${q(JSON.stringify({ part: 'body', title: 'Río', when: '' }))}, ` +
		    "'/events/1'); SELECT LAST_INSERT_ID()"));
		const got = await en.next((e) => e.data.id === id);
		assert.equal(got.data.title, 'Enrolment approved: “Río”');
		assert.match(got.data.body, /has been approved/);
		assert.equal(got.data.params, undefined);
		const kept = await plain.next((e) => e.data.id === id);
		assert.equal(kept.data.title, 'Inscripción aprobada: «Río»',
		    'a client that names no language gets the recipient\'s');
	} finally {
		en.close();
		plain.close();
	}
});

test('a resume point past the newest notification still gets the live ones', async () => {
	// A client that kept its last id across a restored database.
	const c = new Client(TAG);
	await signUp(c);
	const s = await openStream({ from: c.from,
	    headers: { ...bearer(c), 'Last-Event-ID': '9007199254740' } });
	try {
		await s.next((e) => e.event === 'count');
		const live = notify(c.user.id, 'after the restore');
		const got = await s.next((e) => e.data.id === live, 2000);
		assert.ok(markHas(got.id, live), 'with its id, to resume from');
	} finally {
		s.close();
	}
});

test('resume after more than 100 missed: the newest 100', async () => {
	const c = new Client(TAG);
	await signUp(c);
	const first = notify(c.user.id, 'old');
	sql('INSERT INTO notifications (user_id, type, title) SELECT ' +
	    `${c.user.id}, 'event_changed', CONCAT('bulk ', seq) FROM ` +
	    'seq_1_to_120');
	const ids = sql(`SELECT id FROM notifications WHERE user_id = ${c.user.id} ` +
	    `AND id > ${first} ORDER BY id`).map((r) => Number(r[0]));
	assert.equal(ids.length, 120);
	const s = await openStream({ from: c.from,
	    headers: { ...bearer(c), 'Last-Event-ID': String(first) } });
	try {
		await s.next((e) => e.event === 'count' && e.data.count === 121);
		assert.deepEqual(notes(s).map((e) => e.data.id), ids.slice(20));
	} finally {
		s.close();
	}
});

test('other methods: 405; other paths of the program: 404', async () => {
	const c = new Client(TAG);
	await signUp(c);
	const post = await c.api('POST', PATH, {});
	assert.equal(post.status, 405);
	assert.match(post.headers.allow, /^GET, HEAD$/);
	// HEAD answers what a GET would, with no stream held open.
	const head = await c.api('HEAD', PATH);
	assert.equal(head.status, 200);
	assert.match(head.headers['content-type'], /^text\/event-stream/);
	assert.equal(head.body.length, 0);
	assert.equal((await request(PATH, { from: c.from, method: 'HEAD' })).status, 401);
	const res = await get('/api/v1/stream/nothing', { from: c.from });
	assertProblem(res, 404);
});

test('200 open streams: every one is served, other routes still answer, closing frees them', async (t) => {
	const c = new Client(TAG);
	await signUp(c);
	const N = 200;
	const MINE = 10;	// the rest belong to 190 other user ids
	const open = async () => {
		const all = [];
		// Each from its own address: nginx limits requests per address.
		for (let i = 0; i < N; i += 20) {
			const batch = [];
			for (let j = i; j < i + 20 && j < N; j++)
				batch.push(openStream({ from: sourceAddr(TAG + 1),
				    headers: j < MINE ? bearer(c) :
				    token(4000000000 + j) }));
			all.push(...await Promise.all(batch));
		}
		await waitFor(() => all.every((s) => s.events.length > 0), 15000,
		    'every stream\'s first event');
		return all;
	};
	let streams = await open();
	try {
		assert.ok(streams.every((s) => s.status === 200));
		const health = await get('/health/stream', { from: sourceAddr(TAG) });
		assert.equal(health.status, 200);
		assert.ok(health.json().streams >= N, `open: ${health.json().streams}`);
		// Other routes answer while the streams are open.
		const times = [];
		for (const p of ['/api/v1/events', '/health', '/']) {
			const res = await get(p, { from: sourceAddr(TAG), timeout: 3000 });
			assert.equal(res.status, 200, p);
			times.push(`${p} ${Math.round(res.ms)} ms`);
		}
		t.diagnostic(times.join(', '));
		// A row reaches every stream of its user, and only those.
		const id = notify(c.user.id);
		const has = (s) => s.events.some((e) => e.data.id === id);
		await waitFor(() => streams.slice(0, MINE).every(has), 5000,
		    'the row on all of its user\'s streams');
		await sleep(500);
		assert.equal(streams.filter(has).length, MINE);

		for (const s of streams)
			s.close();
		await waitFor(async () => (await get('/health/stream',
		    { from: sourceAddr(TAG) })).json().streams === 0, 5000,
		    'the closed streams to be freed');
		streams = await open();
		assert.ok(streams.every((s) => s.status === 200));
	} finally {
		for (const s of streams)
			s.close();
	}
});

test('one user holds at most 16 streams: the next is 429 until one closes', async () => {
	const uid = 4100000000 + Math.floor(Math.random() * 1000000);
	const held = [];
	try {
		for (let i = 0; i < 16; i++)
			held.push(await openStream({ from: sourceAddr(TAG + 1),
			    headers: token(uid) }));
		assert.ok(held.every((s) => s.status === 200));
		const res = await get(PATH, { from: sourceAddr(TAG),
		    headers: token(uid) });
		assertProblem(res, 429);
		assert.ok(Number(res.headers['retry-after']) > 0);
		// Another user is not held back.
		const other = await openStream({ from: sourceAddr(TAG + 1),
		    headers: token(uid + 1) });
		held.push(other);
		assert.equal(other.status, 200);
		held.shift().close();
		await waitFor(async () => {
			const s = await openStream({ from: sourceAddr(TAG + 1),
			    headers: token(uid) });
			held.push(s);
			return s.status === 200;
		}, 3000, 'a place after closing one');
	} finally {
		for (const s of held)
			s.close();
	}
});

test('a stream ends when its access token does; an expired token gets 401', async () => {
	const uid = 4200000000 + Math.floor(Math.random() * 1000000);
	const now = Math.floor(Date.now() / 1000);
	const s = await openStream({ headers: token(uid, { exp: now + 2 }),
	    from: sourceAddr(TAG) });
	try {
		assert.equal(s.status, 200);
		await waitFor(() => s.ended, 5000, 'the stream to end with its token');
	} finally {
		s.close();
	}
	const res = await get(PATH, { from: sourceAddr(TAG),
	    headers: token(uid, { iat: now - 1000, exp: now - 10 }) });
	assertProblem(res, 401);
});
