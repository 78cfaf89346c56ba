// Searching and filtering the list: words (prefixes, every word, accents),
// city, type, dates, places left, status, organiser, relevance, pages.
// Each test searches for a word only its own events carry.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { assertProblem, serial } from './lib.mjs';
import {
    Client, account, day, future, publishedEvent, sql, token,
} from './events-lib.mjs';

await serial();
const TAG = 64;
const anon = new Client(TAG);

async function ids(query) {
	const res = await anon.api('GET', `/api/v1/events?${query}`);
	assert.equal(res.status, 200, `${query}: ${res.status} ${res.text.slice(0, 200)}`);
	return res.json().items.map((e) => e.id);
}

test('q matches every word as a prefix, in title or description', async () => {
	const ong = await account(TAG, 'ong');
	const w = token('w');
	const a = await publishedEvent(ong, { title: `Taller de cerámica ${w}`,
	    starts_at: future(3), ends_at: future(3, 12) });
	const b = await publishedEvent(ong, { title: `Recogida ${w}`,
	    description: 'Ayuda con la cerámica del barrio', starts_at: future(4),
	    ends_at: future(4, 12) });
	const c = await publishedEvent(ong, { title: `Concierto ${w}`,
	    starts_at: future(5), ends_at: future(5, 12) });
	const draft = await publishedEvent(ong, { title: `Borrador ${w}`,
	    status: 'draft' });

	assert.deepEqual(await ids(`q=${w}`), [a.id, b.id, c.id], 'soonest first');
	assert.deepEqual(await ids(`q=${w.slice(0, 7)}`).then((x) =>
	    x.filter((id) => [a.id, b.id, c.id].includes(id))), [a.id, b.id, c.id],
	    'a prefix matches');
	assert.deepEqual(await ids(`q=${w}+${encodeURIComponent('cerám')}`), [a.id, b.id], 'every word');
	assert.deepEqual(await ids(`q=${w}+ceramica`), [a.id, b.id], 'accents fold');
	assert.deepEqual(await ids(`q=${w}+de+la`), [a.id, b.id, c.id],
	    'stop words are left out');
	// Words under three letters are in no index: a title typed whole,
	// "y", "el", "3D" or the O of O'Brien in it, still finds its event.
	assert.deepEqual(await ids(`q=${encodeURIComponent(`Taller de cerámica ${w} y el 3D`)}`),
	    [a.id], 'short words are left out');
	assert.deepEqual(await ids(`q=${encodeURIComponent(`O'${w}`)}`), [a.id, b.id, c.id]);
	assert.deepEqual(await ids(`q=${encodeURIComponent(`ñu ${w}`)}`), [a.id, b.id, c.id],
	    'two letters, one of them two bytes');
	assert.deepEqual(await ids(`q=${encodeURIComponent(`"${w}" +(concierto)*`)}`),
	    [c.id], 'other operators are only word breaks');
	assert.ok(!(await ids(`q=${w}`)).includes(draft.id));
});

test('a phrase in quotes stands as typed; a leading - leaves a word out', async () => {
	const ong = await account(TAG, 'ong');
	const w = token('p');
	const a = await publishedEvent(ong, { title: `Taller de pan ${w}`,
	    starts_at: future(3), ends_at: future(3, 12) });
	const b = await publishedEvent(ong, { title: `Pan de barrio ${w}`,
	    description: 'Un taller abierto', starts_at: future(4),
	    ends_at: future(4, 12) });
	const c = await publishedEvent(ong, { title: `Concierto ${w}`,
	    starts_at: future(5), ends_at: future(5, 12) });
	const q = async (text) => ids(`q=${encodeURIComponent(text)}`);

	assert.deepEqual(await q(`taller pan ${w}`), [a.id, b.id]);
	assert.deepEqual(await q(`"taller de pan" ${w}`), [a.id], 'the phrase in order');
	assert.deepEqual(await q(`"pan de barrio" ${w}`), [b.id]);
	assert.deepEqual(await ids(`q=${encodeURIComponent(`"taller de pan" ${w}`)}&sort=relevance`),
	    [a.id], 'by relevance too');
	for (const odd of ['"', '-"', '""', '-', '" "', `-${w}`])
		assert.deepEqual(await q(odd), await ids(''), odd);
	assert.deepEqual(await q(`"taller de pan ${w}`), [a.id], 'an unclosed quote runs to the end');
	assert.deepEqual(await q(`${w} -pan`), [c.id]);
	assert.deepEqual(await q(`${w} -"taller de pan"`), [b.id, c.id]);
	assert.deepEqual(await q(`${w}-pan`), [a.id, b.id], 'a hyphen inside a word only breaks it');
	assert.deepEqual(await q(`${w} - pan`), [a.id, b.id], 'a - on its own leaves nothing out');
	// Nothing required: FULLTEXT cannot list what lacks a word, so the
	// list is as without q.
	assert.deepEqual(await q('-pan'), await ids(''));
	let res = await anon.page('GET', '/events');
	assert.match(res.text, /aria-describedby="f-q-help"/);
	assert.doesNotMatch(res.text, /<p class="muted" role="status">/);
	// Only short words: the page says why nothing was narrowed.
	res = await anon.page('GET', `/events?q=${encodeURIComponent('5 km')}`);
	assert.match(res.text, /<p class="muted" role="status">/);
	res = await anon.page('GET', `/events?q=${w}`);
	assert.doesNotMatch(res.text, /<p class="muted" role="status">/);
});

test('sort=relevance puts the best match first', async () => {
	const ong = await account(TAG, 'ong');
	const w = token('r');
	const weak = await publishedEvent(ong, { title: `Charla ${w}`,
	    starts_at: future(2), ends_at: future(2, 12) });
	const strong = await publishedEvent(ong, { title: `${w} ${w} jardín`,
	    description: `${w} jardín ${w} jardín`, starts_at: future(9),
	    ends_at: future(9, 12) });
	assert.deepEqual(await ids(`q=${w}+jard&sort=relevance`), [strong.id]);
	assert.deepEqual(await ids(`q=${w}&sort=relevance`), [strong.id, weak.id]);
	assert.deepEqual(await ids(`q=${w}&sort=date`), [weak.id, strong.id]);
	const res = await anon.api('GET', '/api/v1/events?sort=best');
	assertProblem(res, 422);
});

test('city, type, date range, organiser and status filters', async () => {
	const ong = await account(TAG, 'ong');
	const w = token('f');
	const madrid = await publishedEvent(ong, { title: `Madrid ${w}`, city_id: 1,
	    type_id: 4, starts_at: future(20), ends_at: future(20, 12) });
	const bcn = await publishedEvent(ong, { title: `Barcelona ${w}`, city_id: 2,
	    type_id: 5, starts_at: future(30), ends_at: future(30, 12) });
	const over = await publishedEvent(ong, { title: `Terminado ${w}`, city_id: 1,
	    type_id: 5, starts_at: future(25), ends_at: future(25, 12) });
	sql(`UPDATE events SET status = 'finished' WHERE id = ${over.id}`);

	assert.deepEqual(await ids(`q=${w}&city_id=1`), [madrid.id]);
	assert.deepEqual(await ids(`q=${w}&city_id=2`), [bcn.id]);
	assert.deepEqual(await ids(`q=${w}&type_id=5`), [bcn.id]);
	assert.deepEqual(await ids(`q=${w}&type_id=5&city_id=1`), []);
	assert.deepEqual(await ids(`q=${w}&from=${day(21)}`), [bcn.id]);
	assert.deepEqual(await ids(`q=${w}&to=${day(20)}`), [madrid.id], 'to is inclusive');
	assert.deepEqual(await ids(`q=${w}&from=${day(20)}&to=${day(29)}`), [madrid.id]);
	assert.deepEqual(await ids(`q=${w}&status=finished`), [over.id]);
	assert.deepEqual(await ids(`q=${w}&status=all`), [madrid.id, over.id, bcn.id]);
	assert.deepEqual(await ids(`organizer_id=${ong.user.id}`), [madrid.id, bcn.id]);
	for (const bad of ['city_id=0', 'type_id=x', 'from=2030-13-01',
	    'to=ayer', 'status=gone', 'page=0', 'has_places=maybe'])
		assertProblem(await anon.api('GET', `/api/v1/events?${bad}`), 422);
	// A range that ends before it starts names its end.
	const back = assertProblem(await anon.api('GET',
	    `/api/v1/events?from=${day(29)}&to=${day(20)}`), 422);
	assert.ok(back.errors?.to, 'errors.to');
});

test('has_places=1 leaves out full events', async () => {
	const ong = await account(TAG, 'ong');
	const w = token('p');
	const open = await publishedEvent(ong, { title: `Libre ${w}`, capacity: 0,
	    starts_at: future(6), ends_at: future(6, 12) });
	const room = await publishedEvent(ong, { title: `Hueco ${w}`, capacity: 2,
	    starts_at: future(7), ends_at: future(7, 12) });
	const full = await publishedEvent(ong, { title: `Lleno ${w}`, capacity: 2,
	    starts_at: future(8), ends_at: future(8, 12) });
	sql(`UPDATE events SET approved_count = 1 WHERE id = ${room.id}`);
	sql(`UPDATE events SET approved_count = 2 WHERE id = ${full.id}`);
	assert.deepEqual(await ids(`q=${w}`), [open.id, room.id, full.id]);
	assert.deepEqual(await ids(`q=${w}&has_places=1`), [open.id, room.id]);
	const res = await anon.api('GET', `/api/v1/events/${full.id}`);
	assert.equal(res.json().places_left, 0);
	assert.equal(res.json().is_full, true);
});

test('20 a page; next in the API is a cursor, the pages number their links', async () => {
	const ong = await account(TAG, 'ong');
	const w = token('g');
	const made = [];
	for (let i = 0; i < 22; i++)
		made.push((await publishedEvent(ong, { title: `Página ${w} ${i}`,
		    starts_at: future(40 + i), ends_at: future(40 + i, 12) })).id);
	let res = await anon.api('GET', `/api/v1/events?q=${w}`);
	let doc = res.json();
	assert.equal(doc.items.length, 20);
	assert.equal(typeof doc.next, 'string');
	assert.deepEqual(doc.items.map((e) => e.id), made.slice(0, 20));
	const cursor = doc.next;
	// An event added before the cursor does not shift the next page.
	const early = await publishedEvent(ong, { title: `Página ${w} antes`,
	    starts_at: future(39), ends_at: future(39, 12) });
	res = await anon.api('GET', `/api/v1/events?q=${w}&cursor=${encodeURIComponent(cursor)}`);
	assert.equal(res.status, 200, res.text);
	doc = res.json();
	assert.deepEqual(doc.items.map((e) => e.id), made.slice(20));
	assert.equal(doc.next, null);
	// Pages by number still work (the HTML pager), and shift.
	res = await anon.api('GET', `/api/v1/events?q=${w}&page=2`);
	assert.deepEqual(res.json().items.map((e) => e.id), made.slice(19));
	assert.ok(!res.json().items.some((e) => e.id === early.id));

	// By relevance the cursor counts the rows given.
	res = await anon.api('GET', `/api/v1/events?q=${w}&sort=relevance`);
	doc = res.json();
	assert.equal(doc.next, 'r20');
	res = await anon.api('GET', `/api/v1/events?q=${w}&sort=relevance&cursor=r20`);
	assert.equal(res.json().items.length, 3);
	assert.equal(res.json().next, null);

	// A cursor the list never gave: 422 naming the field.
	for (const bad of ['x', '2031-02-10T17:00:00Z', '2031-02-30T17:00:00Z.5',
	    '2031-02-10T17:00:00Z.-1', 'r20', '2031-02-10T17:00:00Z.5x']) {
		res = await anon.api('GET', `/api/v1/events?q=${w}&cursor=${encodeURIComponent(bad)}`);
		assertProblem(res, 422);
		assert.ok(res.json().errors?.cursor, `${bad}: ${res.text}`);
	}
	res = await anon.api('GET', `/api/v1/events?q=${w}&sort=relevance&cursor=${encodeURIComponent(cursor)}`);
	assertProblem(res, 422);

	// The page links carry the filters.
	const html = await anon.page('GET', `/events?q=${w}&city_id=1`);
	assert.equal(html.status, 200);
	assert.match(html.text, new RegExp(`href="/events\\?q=${w}&amp;city_id=1&amp;page=2"`));
	assert.match(html.text, /<option value="1" selected>Madrid<\/option>/);
	assert.match(html.text, new RegExp(`name="q" type="search" maxlength="200" value="${w}"`));
});

test('a cursor between events that start at the same time: by id, none repeated or lost', async () => {
	const ong = await account(TAG, 'ong');
	const made = [];
	for (let i = 0; i < 23; i++)
		made.push((await publishedEvent(ong, { title: `Misma hora ${i}`,
		    starts_at: future(60), ends_at: future(60, 12) })).id);
	const base = `/api/v1/events?organizer_id=${ong.user.id}`;
	let doc = (await anon.api('GET', base)).json();
	assert.deepEqual(doc.items.map((e) => e.id), made.slice(0, 20));
	assert.match(doc.next, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\.\d+$/);
	const res = await anon.api('GET', `${base}&cursor=${encodeURIComponent(doc.next)}&page=3`);
	doc = res.json();
	assert.deepEqual(doc.items.map((e) => e.id), made.slice(20), 'page= does not add to a cursor');
	assert.equal(doc.next, null);
});

test('the list page: cards, the NGO\'s buttons, English names', async () => {
	const ong = await account(TAG, 'ong');
	const w = token('l');
	const ev = await publishedEvent(ong, { title: `Carrera ${w}`, type_id: 7,
	    city_id: 4 });
	let res = await anon.page('GET', `/events?q=${w}`);
	assert.equal(res.status, 200);
	assert.match(res.text, new RegExp(`href="/events/${ev.id}"`));
	assert.match(res.text, /Carrera solidaria/);
	assert.match(res.text, /Sevilla/);
	assert.doesNotMatch(res.text, /href="\/events\/new"/);
	res = await anon.page('GET', `/events?q=${w}&lang=en`);
	assert.match(res.text, /Charity run/);
	assert.match(res.text, /Seville/);
	res = await anon.api('GET', `/api/v1/events/${ev.id}?lang=en`);
	assert.equal(res.json().type_name, 'Charity run');
	assert.equal(res.json().city_name, 'Seville');
	res = await ong.page('GET', '/events', { cookies: false, token: ong.access });
	assert.match(res.text, /href="\/events\/new"/);
	assert.match(res.text, /\/events\/feed\/\d+\/[0-9a-f]{64}\.ics/);
});

test('more filter combinations than a worker keeps prepared: each still answers', async () => {
	// Each combination is its own statement; a worker keeps 16.
	let n = 0;
	for (const q of ['', 'q=taller', 'q=taller&sort=relevance'])
		for (const c of ['', 'city_id=1'])
			for (const d of ['', 'from=2026-01-01', 'to=2030-01-01&type_id=1'])
				for (const s of ['', 'status=all', 'has_places=1', 'status=finished']) {
					const res = await anon.api('GET', `/api/v1/events?${q}&${c}&${d}&${s}`);
					assert.equal(res.status, 200, `${q}&${c}&${d}&${s}: ${res.text.slice(0, 200)}`);
					assert.ok(Array.isArray(res.json().items));
					n++;
				}
	assert.equal(n, 72);
});
