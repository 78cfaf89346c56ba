// The dashboard's figures come from rollups the notifier keeps, never from
// the raw tables; after a drain they equal the figures recomputed from the
// raw tables, for an NGO and for the platform, through every kind of
// state move (waiting list promotion, approval, rejection, cancellation,
// re-enrolment, likes taken back, sponsors, a deleted draft), and a
// rebuild from the raw tables changes nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { serial, sql } from './lib.mjs';
import {
    Client, account, createEvent, pageSignIn, publishedEvent, token,
} from './events-lib.mjs';
import {
    figures, notifier, pauseTimer, recompute, resumeTimer, utcDay,
} from './dashboard-lib.mjs';

await serial();

const TAG = 120;
let ong, admin, company, firstOutbox;
const people = [];
let evA, evB, evDraft, evGone, evCancelled;

before(async () => {
	await pauseTimer();
	// Rows other tests wrote straight into the tables have no outbox
	// rows: start the platform's figures from the raw tables.
	const r = await notifier(['-R']);
	assert.equal(r.code, 0, r.err);
	firstOutbox = Number(sql('SELECT COALESCE(MAX(id), 0) + 1 FROM outbox')[0][0]);
	ong = await account(TAG, 'ong');
	admin = await account(TAG, 'admin');
	company = await account(TAG, 'empresa');
	for (let i = 0; i < 5; i++)
		people.push(await account(TAG, 'externo'));
	evA = await publishedEvent(ong, { capacity: 2 });
	evB = await publishedEvent(ong, { requires_approval: true,
	    title: `=SUM("a",1) ${token()}` });
	evDraft = await createEvent(ong);
	evGone = await createEvent(ong);
	evCancelled = await publishedEvent(ong);
});
after(resumeTimer);

async function enrol(c, ev, status) {
	const res = await c.api('POST', '/api/v1/participations', { event_id: ev.id });
	assert.equal(res.status, 201, res.text);
	if (status)
		assert.equal(res.json().status, status);
	return res.json().id;
}

async function act(c, method, path, want = [200, 201, 204]) {
	const res = await c.api(method, path);
	assert.ok(want.includes(res.status), `${method} ${path}: ${res.status} ${res.text}`);
	return res;
}

test('figures equal the raw tables after every kind of change', async () => {
	const [p1, p2, p3, p4, p5] = people;
	// A: two places, a waiting list, a cancellation promotes, a return.
	const a1 = await enrol(p1, evA, 'approved');
	await enrol(p2, evA, 'approved');
	const a3 = await enrol(p3, evA, 'waitlisted');
	await act(p1, 'POST', `/api/v1/participations/${a1}/cancel`);
	assert.equal(sql(`SELECT status FROM participations WHERE id = ${a3}`)[0][0],
	    'approved', 'the first in line took the place');
	await enrol(p1, evA, 'waitlisted');	// the same row, again
	// B: approval needed; approve, reject, withdraw.
	const b1 = await enrol(p1, evB, 'pending');
	const b2 = await enrol(p2, evB, 'pending');
	const b3 = await enrol(p3, evB, 'pending');
	await enrol(p4, evB, 'pending');
	const b5 = await enrol(p5, evB, 'pending');
	await act(ong, 'POST', `/api/v1/participations/${b1}/approve`);
	await act(ong, 'POST', `/api/v1/participations/${b2}/approve`);
	await act(ong, 'POST', `/api/v1/participations/${b3}/reject`);
	await act(p5, 'POST', `/api/v1/participations/${b5}/cancel`);
	// Likes, one taken back.
	await act(p1, 'POST', `/api/v1/events/${evA.id}/reaction`);
	await act(p2, 'POST', `/api/v1/events/${evA.id}/reaction`);
	await act(p3, 'POST', `/api/v1/events/${evB.id}/reaction`);
	await act(p2, 'DELETE', `/api/v1/events/${evA.id}/reaction`);
	// Sponsors: one accepted; a draft takes none, and is deleted.
	await act(company, 'POST', `/api/v1/events/${evA.id}/sponsors`);
	await act(ong, 'POST', `/api/v1/events/${evA.id}/sponsors/${company.user.id}/accept`);
	let res = await ong.api('POST', `/api/v1/events/${evGone.id}/sponsors`,
	    { company_id: company.user.id });
	assert.equal(res.status, 409, res.text);
	await act(ong, 'DELETE', `/api/v1/events/${evGone.id}`);
	await act(ong, 'POST', `/api/v1/events/${evCancelled.id}/cancel`);

	const r = await notifier();
	assert.equal(r.code, 0, r.err);
	assert.equal(sql(`SELECT COUNT(*) FROM outbox WHERE status <> 'done' AND
	    id >= ${firstOutbox}`)[0][0], '0', 'every row delivered');

	const from = utcDay(29), to = utcDay(0);
	res = await ong.api('GET', '/api/v1/dashboard');
	assert.equal(res.status, 200, res.text);
	const doc = res.json();
	assert.equal(doc.scope, 'organizer');
	assert.equal(doc.organizer_id, ong.user.id);
	assert.equal(doc.from, from);
	assert.equal(doc.to, to);
	assert.equal(doc.outbox, undefined, 'an NGO does not see the outbox');
	const want = recompute(ong.user.id, from, to);
	assert.deepEqual(figures(doc), want);
	// And the figures are the ones this test made, not zeros.
	assert.deepEqual(doc.events_by_status, { draft: 1, published: 2,
	    finished: 0, cancelled: 1 });
	assert.deepEqual(doc.participants_by_status, { pending: 1, approved: 4,
	    rejected: 1, cancelled: 1, waitlisted: 1 });
	assert.equal(doc.approval_rate, 0.8);
	assert.equal(doc.reactions_total, 2);
	assert.deepEqual(doc.sponsors.map((s) => [s.company_id, s.accepted]),
	    [[company.user.id, 1]]);
	// A and B tie on approved people and likes: the newer first.
	assert.deepEqual(doc.top_events.slice(0, 2).map((e) => [e.event_id,
	    e.approved, e.waitlisted, e.reactions]), [[evB.id, 2, 0, 1],
	    [evA.id, 2, 1, 1]]);

	// The platform, for an admin, with the outbox's health.
	res = await admin.api('GET', `/api/v1/dashboard?from=${from}&to=${to}`);
	assert.equal(res.status, 200, res.text);
	const all = res.json();
	assert.equal(all.scope, 'platform');
	assert.deepEqual(figures(all), recompute(null, from, to));
	assert.deepEqual(Object.keys(all.outbox).sort(), ['backlog', 'dead',
	    'failing', 'oldest_pending', 'oldest_pending_seconds']);
	assert.equal(all.outbox.backlog, 0);
});

test('two notifier runs side by side keep the figures exact', async () => {
	const ev = await publishedEvent(ong, { capacity: 3 });
	// The same rows enrol and leave again and again: many outbox rows
	// about few participations, taken by two runs at once.
	for (let round = 0; round < 3; round++) {
		const ids = [];
		for (const p of people)
			ids.push(await enrol(p, ev));
		for (const [i, id] of ids.entries())
			if ((i + round) % 2 === 0)
				await act(people[i], 'POST', `/api/v1/participations/${id}/cancel`);
		if (round < 2)
			for (const [i, id] of ids.entries())
				if ((i + round) % 2 !== 0)
					await act(people[i], 'POST',
					    `/api/v1/participations/${id}/cancel`, [200, 204]);
	}
	const runs = await Promise.all([notifier(['-1'], {
	    AGORA_NOTIFIER_LEASE_SECONDS: '2' }), notifier(['-1'], {
	    AGORA_NOTIFIER_LEASE_SECONDS: '2' })]);
	for (const r of runs)
		assert.equal(r.code, 0, r.err);
	await notifier();
	const from = utcDay(29), to = utcDay(0);
	const res = await ong.api('GET', '/api/v1/dashboard');
	assert.deepEqual(figures(res.json()), recompute(ong.user.id, from, to));
	const [row] = sql(`SELECT pending, approved, rejected, cancelled,
	    waitlisted FROM dash_event WHERE event_id = ${ev.id}`);
	const raw = Object.fromEntries(sql(`SELECT status, COUNT(*) FROM
	    participations WHERE event_id = ${ev.id} GROUP BY status`));
	assert.deepEqual(row.map(Number), ['pending', 'approved', 'rejected',
	    'cancelled', 'waitlisted'].map((s) => Number(raw[s] ?? 0)));
});

test('a rebuild from the raw tables gives the same rollups', async () => {
	const snap = () => sql(`SELECT scope_id, day, pending, approved, rejected,
	    cancelled, waitlisted, reactions, ev_draft, ev_published,
	    ev_finished, ev_cancelled FROM dash_day WHERE pending + approved +
	    rejected + cancelled + waitlisted + reactions + ev_draft +
	    ev_published + ev_finished + ev_cancelled > 0 ORDER BY 1, 2;
	    SELECT * FROM dash_event ORDER BY event_id;
	    SELECT * FROM dash_sponsor ORDER BY 1, 2`);
	const before = snap();
	const r = await notifier(['-R']);
	assert.equal(r.code, 0, r.err);
	assert.deepEqual(snap(), before);
});

test('a range: one day, far away, and bad ones', async () => {
	const today = utcDay(0);
	let res = await ong.api('GET', `/api/v1/dashboard?from=${today}&to=${today}`);
	assert.equal(res.status, 200);
	assert.deepEqual(figures(res.json()), recompute(ong.user.id, today, today));
	res = await ong.api('GET', '/api/v1/dashboard?from=2001-01-01');
	assert.deepEqual([res.json().from, res.json().to], ['2001-01-01', '2001-01-30']);
	res = await ong.api('GET', '/api/v1/dashboard?to=2001-03-01');
	assert.deepEqual([res.json().from, res.json().to], ['2001-01-31', '2001-03-01']);
	// The end left out never passes the dates a field takes.
	res = await ong.api('GET', '/api/v1/dashboard?from=9999-12-20');
	assert.deepEqual([res.json().from, res.json().to], ['9999-12-20', '9999-12-31']);
	res = await ong.api('GET', '/api/v1/dashboard?to=0001-01-10');
	assert.deepEqual([res.json().from, res.json().to], ['0001-01-01', '0001-01-10']);
	res = await ong.api('GET', '/api/v1/dashboard?from=2001-01-01&to=2001-12-31');
	assert.equal(res.status, 200);
	assert.equal(res.json().participants_total, 0);
	assert.deepEqual(res.json().days, []);
	for (const q of ['from=2026-02-30', 'to=tomorrow', 'from=2026-03-02&to=2026-03-01',
	    'from=2024-01-01&to=2025-12-31', 'from=01-01-2026']) {
		res = await ong.api('GET', `/api/v1/dashboard?${q}`);
		assert.equal(res.status, 422, `${q}: ${res.status}`);
		assert.ok(res.json().errors, q);
	}
});

test('who may look: NGOs and admins; others 403, nobody 401', async () => {
	const res = await people[0].api('GET', '/api/v1/dashboard');
	assert.equal(res.status, 403);
	assert.equal((await company.api('GET', '/api/v1/dashboard')).status, 403);
	assert.equal((await company.api('GET', '/api/v1/dashboard/days.csv')).status, 403);
	const anon = new Client(TAG);
	assert.equal((await anon.send('/api/v1/dashboard', { cookies: false })).status, 401);
	const page = await anon.page('GET', '/dashboard');
	assert.equal(page.status, 303);
	assert.match(page.headers.location, /^\/login/);
	assert.equal((await ong.api('GET', '/api/v1/dashboard/outbox')).status, 403);
	assert.equal((await ong.api('GET', '/dashboard/outbox.csv')).status, 403);
});

function parseCsv(text) {
	assert.ok(text.startsWith('\ufeff'), 'a byte-order mark');
	const rows = [];
	let row = [], cell = '', quoted = false;
	const s = text.slice(1);
	for (let i = 0; i < s.length; i++) {
		const ch = s[i];
		if (quoted) {
			if (ch === '"' && s[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"')
				quoted = false;
			else
				cell += ch;
		} else if (ch === '"')
			quoted = true;
		else if (ch === ',') {
			row.push(cell);
			cell = '';
		} else if (ch === '\r' && s[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else
			cell += ch;
	}
	assert.equal(cell + row.join(''), '', 'ends with CRLF');
	return rows;
}

test('every table as CSV, quoted and safe from formulas', async () => {
	const headers = { 'Accept-Language': 'en' };
	let res = await ong.api('GET', '/api/v1/dashboard');
	const doc = res.json();
	res = await ong.send('/dashboard/top-events.csv', { cookies: false, headers });
	assert.equal(res.status, 200);
	assert.match(res.headers['content-type'], /^text\/csv/);
	assert.match(res.headers['content-disposition'], /attachment; filename="dashboard-top-events-/);
	assert.ok(res.text.includes(`"'=SUM(""a"",1) `), 'a formula is defused and quotes doubled');
	let rows = parseCsv(res.text);
	assert.deepEqual(rows[0], ['Event', 'Title', 'status', 'Approved',
	    'Awaiting approval', 'Waiting list', 'Rejected', 'Cancelled', 'Likes']);
	assert.equal(rows.length, doc.top_events.length + 1);
	const b = rows.find((r) => r[0] === String(evB.id));
	assert.equal(b[1], `'${doc.top_events.find((e) => e.event_id === evB.id).title}`);
	res = await ong.send('/dashboard/participants.csv', { cookies: false, headers });
	rows = parseCsv(res.text);
	assert.deepEqual(rows.slice(1).map((r) => [r[0], Number(r[2])]),
	    Object.entries(doc.participants_by_status));
	res = await ong.send('/dashboard/events.csv', { cookies: false, headers });
	rows = parseCsv(res.text);
	assert.deepEqual(rows.slice(1).map((r) => [r[0], Number(r[2])]),
	    Object.entries(doc.events_by_status));
	res = await ong.send('/dashboard/days.csv', { cookies: false, headers });
	rows = parseCsv(res.text);
	assert.equal(rows[0][0], 'Day');
	assert.deepEqual(rows.slice(1).map((r) => [r[0], Number(r[1])]),
	    doc.days.map((d) => [d.day, d.participations]));
	res = await ong.send('/dashboard/sponsors.csv', { cookies: false, headers });
	rows = parseCsv(res.text);
	assert.deepEqual(rows.slice(1).map((r) => [Number(r[0]), r[1], Number(r[2])]),
	    doc.sponsors.map((s) => [s.company_id, s.name, s.accepted]));
	res = await admin.send('/dashboard/outbox.csv', { cookies: false, headers });
	assert.equal(res.status, 200);
	assert.equal(parseCsv(res.text)[0][0], 'Waiting to be sent');
	res = await ong.send('/dashboard/days.csv?from=2026-03-02&to=2026-03-01',
	    { cookies: false });
	assert.equal(res.status, 422);
});

test('the NGO page: charts with a title and a table beside each', async () => {
	const c = new Client(TAG);
	await pageSignIn(c, ong.user.email, ong.user.password);
	const res = await c.page('GET', '/dashboard');
	assert.equal(res.status, 200, res.text.slice(0, 300));
	const svgs = res.text.match(/<svg class="chart"[^>]*>/g) ?? [];
	assert.equal(svgs.length, 4);
	for (const s of svgs) {
		assert.match(s, /role="img"/);
		assert.match(s, /aria-labelledby="[^"]+-title [^"]+-desc"/);
	}
	assert.equal((res.text.match(/<svg[\s\S]*?<title id=/g) ?? []).length, 4);
	assert.ok((res.text.match(/<table/g) ?? []).length >= 5);
	assert.match(res.text, /href="\/dashboard" aria-current="page"/, 'the nav link');
	assert.match(res.text, /href="\/dashboard\/days\.csv\?from=/);
	assert.ok(!res.text.includes('/dashboard/outbox'), 'no outbox for an NGO');
	const bad = await c.page('GET', '/dashboard?from=2026-03-02&to=2026-03-01');
	assert.equal(bad.status, 422);
	// The page keeps its form, with the dates as typed and why, and
	// shows the last 30 days below it.
	assert.match(bad.text, /id="f-from"[^>]*value="2026-03-02"[^>]*aria-invalid="true"/);
	assert.match(bad.text, /id="f-from-error"/);
	assert.match(bad.text, /value="2026-03-01"/);
	assert.equal((bad.text.match(/<svg class="chart"[^>]*>/g) ?? []).length, 4);
	assert.match(bad.text, /href="\/dashboard\/days\.csv\?from=\d{4}-\d\d-\d\d&amp;to=/);
});

test('a participation state renamed in the catalog: the kept page and the CSV say so', async () => {
	const c = new Client(TAG);
	await pageSignIn(c, ong.user.email, ong.user.password);
	const first = await c.page('GET', '/dashboard');
	assert.equal(first.status, 200);
	const items = (await admin.api('GET', '/api/v1/catalog/participation-states'))
	    .json().items;
	const approved = items.find((i) => i.code === 'approved');
	const url = `/api/v1/catalog/participation-states/${approved.id}`;
	const was = (await admin.api('GET', url)).json();
	const name = `Confirmada ${token()}`;
	let res = await admin.api('PATCH', url, { name });
	assert.equal(res.status, 200, res.text);
	try {
		// The page was kept under the NGO's version: the rename moved it.
		const page = await c.page('GET', '/dashboard');
		assert.ok(page.text.includes(name), 'the participants table');
		const csv = await c.page('GET', '/dashboard/participants.csv');
		assert.equal(csv.status, 200);
		assert.ok(csv.text.includes(`"approved","${name}"`), csv.text);
	} finally {
		res = await admin.api('PATCH', url, { name: was.name_es });
		assert.equal(res.status, 200, res.text);
	}
	const back = await c.page('GET', '/dashboard');
	assert.ok(!back.text.includes(name));
});
