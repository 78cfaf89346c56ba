// iCalendar: one event as an RFC 5545 VCALENDAR (CRLF, folding at 75
// octets, TEXT escaping, UTC times) and a person's private feed.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { HOST, assertProblem, serial } from './lib.mjs';
import {
    Client, account, createEvent, pageSignIn, publishedEvent, sql,
} from './events-lib.mjs';

await serial();
const TAG = 67;
// UIDs name the installation by the host of its base_url (the stack's
// own address), so that two sites' events never share one.
const uidOf = (id) => `event-${id}@${HOST}`;

/* Checks the framing and returns the unfolded content lines. */
function parse(buf) {
	const text = buf.toString('utf8');
	assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
	assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'no bare CR or LF');
	const raw = text.slice(0, -2).split('\r\n');
	for (const line of raw)
		assert.ok(Buffer.byteLength(line) <= 75, `over 75 octets: ${line}`);
	// Folding never splits a UTF-8 character.
	for (const line of raw)
		assert.ok(!line.includes('\ufffd'), `a split character: ${line}`);
	const lines = [];
	for (const line of raw) {
		if (line.startsWith(' '))
			lines[lines.length - 1] += line.slice(1);
		else
			lines.push(line);
	}
	return lines;
}

function prop(lines, name) {
	const l = lines.find((x) => x.startsWith(`${name}:`));
	return l === undefined ? undefined : l.slice(name.length + 1);
}

function unescape(s) {
	return s.replace(/\\(\\|;|,|n|N)/g, (_, c) => (c === 'n' || c === 'N') ? '\n' : c);
}

test('GET /events/{id}.ics is one VEVENT with escaped, folded text', async () => {
	const ong = await account(TAG, 'ong');
	const title = 'Taller: pan, aceite; y "sal" \\ con ñandú y acentos áéíóú';
	const description = `Primera línea, con coma; y punto y coma\nSegunda línea \\ barra\n${'ñ'.repeat(120)}`;
	const ev = await publishedEvent(ong, { title, description, place_id: 1,
	    starts_at: '2031-03-04T09:30:00+01:00', ends_at: '2031-03-04T12:00:00Z' });
	const res = await new Client(TAG).send(`/events/${ev.id}.ics`);
	assert.equal(res.status, 200);
	assert.equal(res.headers['content-type'], 'text/calendar; charset=utf-8');
	assert.match(res.headers['content-disposition'], /filename="event-\d+\.ics"/);
	const lines = parse(res.body);
	assert.equal(lines[0], 'BEGIN:VCALENDAR');
	assert.equal(lines.at(-1), 'END:VCALENDAR');
	assert.equal(prop(lines, 'VERSION'), '2.0');
	assert.ok(prop(lines, 'PRODID'));
	assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 1);
	assert.equal(prop(lines, 'UID'), uidOf(ev.id));
	assert.match(prop(lines, 'DTSTAMP'), /^\d{8}T\d{6}Z$/);
	assert.equal(prop(lines, 'DTSTART'), '20310304T083000Z');
	assert.equal(prop(lines, 'DTEND'), '20310304T120000Z');
	assert.equal(unescape(prop(lines, 'SUMMARY')), title);
	assert.equal(unescape(prop(lines, 'DESCRIPTION')), description);
	assert.match(prop(lines, 'SUMMARY'), /pan\\, aceite\\; y "sal" \\\\ con/);
	assert.match(prop(lines, 'LOCATION'), /^Centro Cultural Conde Duque\\, .*Madrid$/);
	assert.equal(prop(lines, 'STATUS'), 'CONFIRMED');
	assert.ok(res.text.split('\r\n').some((l) => l.startsWith(' ')), 'long lines are folded');
	// The API twin and HEAD answer the same calendar.
	const api = await new Client(TAG).send(`/api/v1/events/${ev.id}.ics`);
	assert.equal(api.status, 200);
	assert.equal(api.headers['content-type'], 'text/calendar; charset=utf-8');
	const head = await new Client(TAG).send(`/events/${ev.id}.ics`, { method: 'HEAD' });
	assert.equal(head.status, 200);
	assert.equal(head.body.length, 0);
});

test('drafts, unknown ids and other names under /events/ are 404', async () => {
	const ong = await account(TAG, 'ong');
	const draft = await createEvent(ong);
	const anon = new Client(TAG);
	assert.equal((await anon.send(`/events/${draft.id}.ics`)).status, 404);
	assert.equal((await ong.api('GET', `/api/v1/events/${draft.id}.ics`)).status, 200);
	for (const p of ['/events/999999999.ics', '/events/0.ics', '/events/12.ical',
	    '/events/abc.ics', '/events/.ics', '/events/12.ics.ics'])
		assertProblem(await anon.api('GET', `/api/v1${p}`), 404);
	const res = await anon.send(`/events/${draft.id}.ics`, { method: 'POST',
	    body: '' });
	assert.equal(res.status, 405);
});

test('the private feed lists the person\'s enrolments; a wrong token is 404', async () => {
	const ong = await account(TAG, 'ong');
	const p = await account(TAG, 'externo');
	const a = await publishedEvent(ong, { title: 'Evento del feed A' });
	const b = await publishedEvent(ong, { title: 'Evento del feed B' });
	const c = await publishedEvent(ong, { title: 'Evento del feed C' });
	const d = await publishedEvent(ong, { title: 'Evento del feed D' });
	// Enrolments belong to the participations program; made here directly.
	sql('INSERT INTO participations (event_id, user_id, status) VALUES ' +
	    `(${a.id}, ${p.user.id}, 'approved'), (${b.id}, ${p.user.id}, 'cancelled'), ` +
	    `(${c.id}, ${p.user.id}, 'pending'), (${d.id}, ${p.user.id}, 'waitlisted')`);
	await ong.api('POST', `/api/v1/events/${c.id}/cancel`);

	// The app asks for the address; lists do not carry it.
	const list = await p.api('GET', '/api/v1/events/feed');
	assert.equal(list.status, 200, list.text);
	const feed = list.json().feed_url;
	assert.equal((await p.api('GET', '/api/v1/events')).json().feed_url, undefined);
	assert.match(feed, new RegExp(`^/events/feed/${p.user.id}/[0-9a-f]{64}\\.ics$`));
	const res = await new Client(TAG).send(feed);
	assert.equal(res.status, 200);
	assert.equal(res.headers['content-type'], 'text/calendar; charset=utf-8');
	const lines = parse(res.body);
	const uids = lines.filter((l) => l.startsWith('UID:')).map((l) => l.slice(4));
	assert.deepEqual(uids.sort(), [uidOf(a.id), uidOf(c.id), uidOf(d.id)].sort());
	// Each event's status, by its UID: a place still waited for is
	// tentative.
	const status = {};
	let uid;
	for (const l of lines) {
		if (l.startsWith('UID:'))
			uid = l.slice(4);
		else if (l.startsWith('STATUS:'))
			status[uid] = l.slice(7);
	}
	assert.deepEqual(status, { [uidOf(a.id)]: 'CONFIRMED',
	    [uidOf(c.id)]: 'CANCELLED', [uidOf(d.id)]: 'TENTATIVE' });

	const tok = feed.split('/')[4].slice(0, 64);
	const anon = new Client(TAG);
	const flip = tok.slice(0, -1) + (tok.at(-1) === '0' ? '1' : '0');
	assert.equal((await anon.send(`/events/feed/${p.user.id}/${flip}.ics`)).status, 404);
	assert.equal((await anon.send(`/events/feed/${ong.user.id}/${tok}.ics`)).status, 404,
	    'one person\'s token does not open another\'s feed');
	assert.equal((await anon.send(`/events/feed/${p.user.id}/${tok}`)).status, 404);
	assert.equal((await anon.send(`/events/feed/${p.user.id}/x.ics`)).status, 404);
	assert.equal(list.json().feed_url, (await p.api('GET', '/api/v1/events/feed')).json().feed_url,
	    'the address is stable');
	assertProblem(await anon.api('GET', '/api/v1/events/feed'), 401);
});

test('a new calendar address retires the old one', async () => {
	const p = await account(TAG, 'externo');
	const ev = await publishedEvent(await account(TAG, 'ong'),
	    { title: 'Evento del feed renovado' });
	sql('INSERT INTO participations (event_id, user_id, status) VALUES ' +
	    `(${ev.id}, ${p.user.id}, 'approved')`);
	const old = (await p.api('GET', '/api/v1/events/feed')).json().feed_url;
	const anon = new Client(TAG);
	assert.equal((await anon.send(old)).status, 200);

	// The API gives the new address at once.
	let res = await p.api('POST', '/api/v1/events/feed');
	assert.equal(res.status, 200, res.text);
	const fresh = res.json().feed_url;
	assert.match(fresh, new RegExp(`^/events/feed/${p.user.id}/[0-9a-f]{64}\\.ics$`));
	assert.notEqual(fresh, old);
	assert.equal((await anon.send(old)).status, 404, 'the old address is gone');
	res = await anon.send(fresh);
	assert.equal(res.status, 200);
	assert.ok(parse(res.body).includes(`UID:${uidOf(ev.id)}`));
	assert.equal((await p.api('GET', '/api/v1/events/feed')).json().feed_url, fresh);

	// The page's button does the same, with its CSRF token; without the
	// token nothing changes.
	const browser = new Client(TAG);
	await pageSignIn(browser, p.user.email, p.user.password);
	res = await browser.page('GET', '/events');
	assert.ok(res.text.includes('action="/events/feed"'), 'the page offers it');
	assert.ok(res.text.includes(fresh), 'the page shows the current address');
	res = await browser.post('/events/feed', { _csrf: null });
	assert.equal(res.status, 403);
	assert.equal((await anon.send(fresh)).status, 200);
	res = await browser.post('/events/feed');
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/events#feed-title');
	assert.equal((await anon.send(fresh)).status, 404);
	res = await browser.page('GET', '/events');
	const third = (await p.api('GET', '/api/v1/events/feed')).json().feed_url;
	assert.ok(res.text.includes(third));

	// Signed out, there is no address to renew.
	assertProblem(await anon.api('POST', '/api/v1/events/feed'), 401);
});
