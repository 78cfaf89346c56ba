// The megaevents pages without JavaScript: the list and a mega event's
// page for anyone, the form for NGOs (Post/Redirect/Get, errors on the
// same page), joining, attaching events and deleting through forms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import {
    TOP, catalog, htmlLang, request, runPath, serial, sleep, sourceAddr, sql,
} from './lib.mjs';

await serial();
const PASSWORD = 'Demo-Agora-2026';
const AUTH_GAP = Math.ceil(60000 / Number(process.env.AUTH_RATE || 600)) + 15;
const es = catalog('es');
const words = JSON.parse(fs.readFileSync(path.join(TOP, 'templates', 'i18n',
    'es-megaevents.json'), 'utf8'));
let lastAuth = 0;

/* A browser: its own address and cookie jar; redirects are not followed. */
class Browser {
	constructor() {
		this.from = sourceAddr(83);
		this.jar = new Map();
		this.sent = 0;
	}

	async send(method, path, fields) {
		const headers = { Accept: 'text/html' };
		let body;
		if (fields !== undefined) {
			const pairs = [];
			if (!('_csrf' in fields))
				pairs.push(['_csrf', this.jar.get('agora_csrf') ?? '']);
			for (const [k, v] of Object.entries(fields))
				for (const one of Array.isArray(v) ? v : [v])
					pairs.push([k, one]);
			body = new URLSearchParams(pairs).toString();
			headers['Content-Type'] = 'application/x-www-form-urlencoded';
		}
		if (this.jar.size > 0)
			headers.Cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
		// A new address now and then keeps under nginx's per-address limit.
		if (++this.sent % 40 === 0)
			this.from = sourceAddr(83);
		const res = await request(path, { from: this.from, method, headers,
		    body, timeout: 10000 });
		for (const line of res.headers['set-cookie'] ?? []) {
			const [pair, ...attrs] = line.split(';');
			const name = pair.slice(0, pair.indexOf('=')).trim();
			const value = pair.slice(pair.indexOf('=') + 1).trim();
			if (value === '' || attrs.some((a) => /max-age=0$/i.test(a.trim())))
				this.jar.delete(name);
			else
				this.jar.set(name, value);
		}
		return res;
	}

	get(path) {
		return this.send('GET', path);
	}

	post(path, fields = {}) {
		return this.send('POST', path, fields);
	}

	async signIn(email, password = PASSWORD) {
		await this.get('/login');
		const wait = lastAuth + AUTH_GAP - performance.now();
		if (wait > 0)
			await sleep(wait);
		lastAuth = performance.now();
		const res = await this.post('/login', { email, password });
		assert.equal(res.status, 303, `sign-in ${email}: ${res.status}`);
		return this;
	}
}


function text(html) {
	return html.replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"')
	    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const browsers = {};
async function as(who) {
	const emails = { ong: 'ong@agora.test', persona: 'persona@agora.test',
	    admin: 'admin@agora.test' };
	if (!browsers[who]) {
		if (who === 'other')
			browsers[who] = await otherNgo();
		else
			browsers[who] = await new Browser().signIn(emails[who]);
	}
	return browsers[who];
}

/* A second NGO, signed up through the API and signed in as a browser. */
async function otherNgo() {
	const tag = crypto.randomBytes(5).toString('hex');
	const email = `me-page-${tag}@example.org`;
	const password = `Agora-${tag}-Clave-7`;
	const b = new Browser();
	const res = await request('/api/v1/auth/register', { from: b.from, method: 'POST',
	    headers: { 'Content-Type': 'application/json' },
	    body: JSON.stringify({ email, password, name: `ONG ${tag}`, role: 'ong',
		organization: `Asociación ${tag}`, tax_id: `G${crypto.randomInt(10000000, 99999999)}` }) });
	assert.equal(res.status, 201, res.text);
	return b.signIn(email, password);
}

function categoryId() {
	return sql("SELECT id FROM megaevent_categories WHERE name = 'Campaña'")[0][0];
}

/* Creates a mega event through the form; returns its id. */
async function createByForm(b, extra = {}) {
	const res = await b.post('/megaevents', {
		title: `Campaña ${crypto.randomBytes(3).toString('hex')}`,
		description: 'Recogida de juguetes.',
		category_id: categoryId(),
		starts_at: '2027-12-01T09:00',
		ends_at: '2028-01-06T20:00',
		is_public: ['1', '0'],
		...extra,
	});
	assert.equal(res.status, 303, text(res.text).slice(0, 400));
	const m = /^\/megaevents\/(\d+)$/.exec(res.headers.location);
	assert.ok(m, res.headers.location);
	return Number(m[1]);
}

test('the list page is public, Spanish by default, with filters', async () => {
	const b = new Browser();
	const res = await b.get('/megaevents');
	assert.equal(res.status, 200);
	assert.match(res.headers['content-type'], /^text\/html/);
	assert.equal(htmlLang(res.text), 'es');
	assert.ok(text(res.text).includes(words.megaevents.list_title));
	assert.match(res.text, /<form class="filters" method="get" action="\/megaevents"/);
	assert.doesNotMatch(res.text, /href="\/megaevents\/new"/, 'no create button for visitors');
	const en = await b.get('/megaevents?lang=en');
	assert.equal(htmlLang(en.text), 'en');
	assert.equal((await b.get('/megaevents?from=2027-01-01&to=2027-12-31')).status, 200);
});

test('visitors are sent to sign in for the form; people are refused', async () => {
	const anon = await new Browser().get('/megaevents/new');
	assert.equal(anon.status, 303);
	assert.match(anon.headers.location, /^\/login\?next=/);
	const persona = await as('persona');
	assert.equal((await persona.get('/megaevents/new')).status, 403);
	assert.equal((await persona.post('/megaevents', { title: 'x' })).status, 403);
});

test('an NGO creates through the form and lands on the new page', async () => {
	const ong = await as('ong');
	const form = await ong.get('/megaevents/new');
	assert.equal(form.status, 200);
	assert.match(form.text, /<label for="f-title">/);
	assert.match(form.text, /type="datetime-local"/);
	assert.match(form.text, /name="_csrf"/);
	const list = await ong.get('/megaevents');
	assert.match(list.text, /href="\/megaevents\/new"/);

	const id = await createByForm(ong, { title: 'Gran Recogida <Navidad>' });
	const page = await ong.get(`/megaevents/${id}`);
	assert.equal(page.status, 200);
	assert.match(page.text, /Gran Recogida &lt;Navidad&gt;/, 'escaped');
	assert.ok(text(page.text).includes(words.flash.megaevent_created));
	assert.match(page.text, new RegExp(`href="/megaevents/${id}/edit"`));
	assert.match(page.text, new RegExp(`action="/megaevents/${id}/delete"`));
	// Typed and read in the site's zone (Madrid's winter time, UTC+1),
	// kept in UTC.
	assert.match(page.text, /<time datetime="2027-12-01T08:00:00Z">2027-12-01 09:00 CET<\/time>/);
	assert.deepEqual(sql(`SELECT starts_at FROM megaevents WHERE id = ${id}`),
	    [['2027-12-01 08:00:00']]);
	assert.deepEqual(sql(`SELECT is_public FROM megaevents WHERE id = ${id}`), [['1']]);
});

test('a create form sent twice makes one mega event', async () => {
	const ong = await as('ong');
	const form = await ong.get('/megaevents/new');
	const key = form.text.match(/name="form_key" value="([A-Za-z0-9_-]{43})"/)?.[1];
	assert.ok(key, 'the form carries its key');
	const title = `Campaña única ${Date.now()}`;
	const fields = { form_key: key, title, description: 'Una vez.',
	    category_id: categoryId(), starts_at: '2027-12-01T09:00',
	    ends_at: '2028-01-06T20:00', is_public: ['1', '0'] };
	const a = await ong.post('/megaevents', fields);
	const b = await ong.post('/megaevents', fields);
	assert.equal(a.status, 303);
	assert.equal(b.status, 303);
	assert.equal(a.headers.location, b.headers.location);
	assert.deepEqual(sql(`SELECT COUNT(*) FROM megaevents WHERE title = '${title}'`), [['1']]);
	const page = await ong.get(b.headers.location);
	assert.ok(text(page.text).includes(words.flash.megaevent_sent_twice));
});

test('a bad form comes back with the errors and what was typed', async () => {
	const ong = await as('ong');
	const res = await ong.post('/megaevents', {
		title: '', description: 'Algo', category_id: categoryId(),
		starts_at: '2027-12-02T10:00', ends_at: '2027-12-01T10:00', is_public: '0',
	});
	assert.equal(res.status, 422);
	assert.match(res.text, /id="f-title-error"/);
	assert.match(res.text, /id="f-ends_at-error"/);
	assert.ok(text(res.text).includes(words.valid.megaevent_ends_before_starts));
	assert.match(res.text, /value="2027-12-02T10:00"/);
	assert.match(res.text, /<option value="\d+" selected>Campaña<\/option>/);
	assert.doesNotMatch(res.text, /id="f-is_public"[^>]*checked/, 'unticked stays unticked');
	// 02:30 on the morning Madrid's clocks go forward never happens.
	const gap = await ong.post('/megaevents', {
		title: 'Hora perdida', description: 'Algo', category_id: categoryId(),
		starts_at: '2027-03-28T02:30', ends_at: '2027-03-29T10:00', is_public: '1',
	});
	assert.equal(gap.status, 422);
	assert.ok(text(gap.text).includes(words.valid.megaevent_time_skipped));
	assert.match(gap.text, /Europe\/Madrid/, 'the form names its zone');
});

test('the edit form shows the stored values; an unticked box makes it private', async () => {
	const ong = await as('ong');
	const id = await createByForm(ong);
	const edit = await ong.get(`/megaevents/${id}/edit`);
	assert.equal(edit.status, 200);
	assert.match(edit.text, /value="2027-12-01T09:00"/);
	assert.match(edit.text, /id="f-is_public"[^>]*checked/);
	assert.match(edit.text, new RegExp(`action="/megaevents/${id}"`));
	// The page sends the whole form, as the browser does.
	const form = { title: 'Solo para el equipo', description: 'Recogida de juguetes.',
	    category_id: categoryId(), starts_at: '2027-12-01T09:00',
	    ends_at: '2028-01-06T20:00', is_public: '0' };
	const res = await ong.post(`/megaevents/${id}`, form);
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, `/megaevents/${id}`);
	assert.deepEqual(sql(`SELECT title, is_public FROM megaevents WHERE id = ${id}`),
	    [['Solo para el equipo', '0']]);
	assert.equal((await new Browser().get(`/megaevents/${id}`)).status, 404, 'now private');
	const bad = await ong.post(`/megaevents/${id}`, { ...form, ends_at: '2020-01-01T00:00' });
	assert.equal(bad.status, 422);
	assert.match(bad.text, /id="f-ends_at-error"/);
	assert.match(bad.text, /value="2020-01-01T00:00"/);
	// A field emptied is refused, not taken as left alone.
	const blank = await ong.post(`/megaevents/${id}`, { ...form, title: '', description: '' });
	assert.equal(blank.status, 422);
	assert.match(blank.text, /id="f-title-error"/);
	assert.match(blank.text, /id="f-description-error"/);
	assert.deepEqual(sql(`SELECT title FROM megaevents WHERE id = ${id}`),
	    [['Solo para el equipo']]);
});

test('other NGOs: 403 on a public one, 404 on a private one', async () => {
	const ong = await as('ong');
	const pub = await createByForm(ong);
	const priv = await createByForm(ong, { is_public: '0' });
	const other = await as('other');
	assert.equal((await other.get(`/megaevents/${pub}/edit`)).status, 403);
	assert.equal((await other.post(`/megaevents/${pub}`, { title: 'Mío' })).status, 403);
	assert.equal((await other.post(`/megaevents/${pub}/delete`)).status, 403);
	assert.equal((await other.get(`/megaevents/${priv}`)).status, 404);
	assert.equal((await other.get(`/megaevents/${priv}/edit`)).status, 404);
	const seen = await other.get(`/megaevents/${pub}`);
	assert.equal(seen.status, 200);
	assert.doesNotMatch(seen.text, /\/edit"/, 'no owner tools');
});

test('a person joins and leaves through the page', async () => {
	const ong = await as('ong');
	const id = await createByForm(ong);
	const anon = await new Browser().get(`/megaevents/${id}`);
	assert.match(anon.text, new RegExp(`href="/login\\?next=/megaevents/${id}"`));
	const p = await as('persona');
	let page = await p.get(`/megaevents/${id}`);
	assert.match(page.text, new RegExp(`action="/megaevents/${id}/join"`));
	let res = await p.post(`/megaevents/${id}/join`);
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, `/megaevents/${id}`);
	page = await p.get(`/megaevents/${id}`);
	assert.match(page.text, new RegExp(`action="/megaevents/${id}/leave"`));
	assert.ok(text(page.text).includes(words.flash.megaevent_joined));
	res = await p.post(`/megaevents/${id}/join`);
	assert.equal(res.status, 303, 'joining again is harmless');
	assert.deepEqual(sql(`SELECT participants_count FROM megaevents WHERE id = ${id}`), [['1']]);
	res = await p.post(`/megaevents/${id}/leave`);
	assert.equal(res.status, 303);
	assert.deepEqual(sql(`SELECT participants_count FROM megaevents WHERE id = ${id}`), [['0']]);
	const noToken = await p.post(`/megaevents/${id}/join`, { _csrf: 'wrong' });
	assert.equal(noToken.status, 403, 'forms need the CSRF token');
});

test('the organiser attaches and removes an event through the page', async () => {
	const ong = await as('ong');
	const id = await createByForm(ong);
	const ongId = sql("SELECT id FROM users WHERE email = 'ong@agora.test'")[0][0];
	const ev = Number(sql('INSERT INTO events (organizer_id, title, description, type_id, ' +
	    "city_id, starts_at, ends_at, status) SELECT " + `${ongId}, 'Reparto de juguetes', ` +
	    "'d', t.id, c.id, '2027-12-20 10:00:00', '2027-12-20 14:00:00', 'published' " +
	    'FROM event_types t, cities c ORDER BY t.id, c.id LIMIT 1; SELECT LAST_INSERT_ID()')[0][0]);
	let page = await ong.get(`/megaevents/${id}`);
	assert.match(page.text, new RegExp(`<option value="${ev}">Reparto de juguetes`));
	let res = await ong.post(`/megaevents/${id}/events`, { event_id: String(ev) });
	assert.equal(res.status, 303);
	page = await ong.get(`/megaevents/${id}`);
	assert.match(page.text, new RegExp(`href="/events/${ev}">Reparto de juguetes`));
	assert.match(page.text, new RegExp(`action="/megaevents/${id}/events/${ev}/remove"`));
	const pub = await new Browser().get(`/megaevents/${id}`);
	assert.match(pub.text, new RegExp(`href="/events/${ev}"`), 'published: public');
	assert.doesNotMatch(pub.text, /\/remove"/);
	res = await ong.post(`/megaevents/${id}/events`, { event_id: '99999999' });
	assert.equal(res.status, 422);
	assert.match(res.text, /id="f-event_id-error"/);
	res = await ong.post(`/megaevents/${id}/events/${ev}/remove`);
	assert.equal(res.status, 303);
	assert.deepEqual(sql(`SELECT megaevent_id FROM events WHERE id = ${ev}`), [['NULL']]);
});

test('the gallery is managed from the page', async () => {
	const ong = await as('ong');
	const id = await createByForm(ong);
	let page = await ong.get(`/megaevents/${id}`);
	assert.ok(text(page.text).includes(words.megaevents.gallery_empty));
	sql(`INSERT INTO megaevent_images (megaevent_id, caption, position) VALUES (${id}, 'Uno', 1), (${id}, 'Dos', 2)`);
	const [a, b] = sql(`SELECT id FROM megaevent_images WHERE megaevent_id = ${id} ORDER BY position`)
	    .map((r) => r[0]);
	page = await ong.get(`/megaevents/${id}`);
	assert.match(page.text, new RegExp(`action="/megaevents/${id}/images/${b}/move"`));
	let res = await ong.post(`/megaevents/${id}/images/${b}/move`, { direction: 'up' });
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, `/megaevents/${id}#gallery`);
	assert.deepEqual(sql(`SELECT id FROM megaevent_images WHERE megaevent_id = ${id} ORDER BY position`)
	    .map((r) => r[0]), [b, a]);
	res = await ong.post(`/megaevents/${id}/images/${a}`, { caption: 'Primera foto' });
	assert.equal(res.status, 303);
	res = await ong.post(`/megaevents/${id}/images/${b}/delete`);
	assert.equal(res.status, 303);
	page = await new Browser().get(`/megaevents/${id}`);
	assert.match(page.text, /Primera foto/);
	assert.doesNotMatch(page.text, /\/images\/\d+\/move"/, 'visitors get no forms');
});

test('the organiser deletes through the page and lands on the list', async () => {
	const ong = await as('ong');
	const id = await createByForm(ong);
	const res = await ong.post(`/megaevents/${id}/delete`);
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/megaevents');
	const list = await ong.get('/megaevents');
	assert.ok(text(list.text).includes(words.flash.megaevent_deleted));
	const gone = await ong.get(`/megaevents/${id}`);
	assert.equal(gone.status, 404);
	assert.ok(text(gone.text).includes(es.error['404']));
});
