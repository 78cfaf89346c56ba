// The catalog's pages: the public list, the admin's index and forms
// (Post/Redirect/Get, field errors on the same page, 409 for a name in
// use), and what other people get.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import {
    TOP, catalog, htmlLang, pageTitle, request, serial, sleep, sourceAddr, sql,
} from './lib.mjs';

await serial();
const PASSWORD = 'Demo-Agora-2026';
const AUTH_GAP = Math.ceil(60000 / Number(process.env.AUTH_RATE || 600)) + 15;
const es = catalog('es');
const words = JSON.parse(fs.readFileSync(path.join(TOP, 'templates', 'i18n',
    'es-catalog.json'), 'utf8'));
let lastAuth = 0;

/* A browser: its own address and cookie jar; redirects are not followed. */
class Browser {
	constructor() {
		this.from = sourceAddr(81);
		this.jar = new Map();
	}

	async send(method, path, fields) {
		const headers = { Accept: 'text/html' };
		let body;
		if (fields !== undefined) {
			const f = { _csrf: this.jar.get('agora_csrf'), ...fields };
			body = new URLSearchParams(f).toString();
			headers['Content-Type'] = 'application/x-www-form-urlencoded';
		}
		if (this.jar.size > 0)
			headers.Cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
		const res = await request(path, { from: this.from, method, headers,
		    body, timeout: 10000 });
		for (const line of res.headers['set-cookie'] ?? []) {
			const [pair, ...attrs] = line.split(';');
			const [name, value] = [pair.slice(0, pair.indexOf('=')).trim(),
			    pair.slice(pair.indexOf('=') + 1).trim()];
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

	async signIn(email) {
		await this.get('/login');
		const wait = lastAuth + AUTH_GAP - performance.now();
		if (wait > 0)
			await sleep(wait);
		lastAuth = performance.now();
		const res = await this.post('/login', { email, password: PASSWORD });
		assert.equal(res.status, 303, `sign-in ${email}: ${res.status}`);
		await this.get('/');	/* the CSRF cookie of the new session */
		return this;
	}
}

/* Text with the template's escaping undone, for comparing with catalogs. */
function text(html) {
	return html.replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"')
	    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

let admin;
beforeEach(async () => {
	// A fresh address per test keeps each under nginx's per-address limit.
	if (admin)
		admin.from = sourceAddr(81);
});

function fresh(tag) {
	return `${tag} ${crypto.randomBytes(4).toString('hex')}`;
}

test('anyone sees a catalog as a Spanish page, read only', async () => {
	const b = new Browser();
	const res = await b.get('/catalog/event-types');
	assert.equal(res.status, 200);
	assert.match(res.headers['content-type'], /^text\/html/);
	assert.equal(htmlLang(res.text), 'es');
	assert.equal(pageTitle(res.text),
	    `${words.catalog.names.event_types} · ${es.app.name}`);
	assert.match(res.text, /Voluntariado/);
	assert.doesNotMatch(res.text, /\/retire"/, 'no admin forms');
	assert.doesNotMatch(res.text, /<form[^>]*method="post"[^>]*action="\/catalog/);
	const en = await b.get('/catalog/cities?lang=en');
	assert.equal(htmlLang(en.text), 'en');
	assert.match(en.text, /Seville/);
});

test('the places page searches near a point without JavaScript', async () => {
	const b = new Browser();
	const res = await b.get('/catalog/places?near=40.4168%2C-3.7038&km=5');
	assert.equal(res.status, 200);
	assert.match(res.text, /Centro Cultural Conde Duque/);
	assert.doesNotMatch(res.text, /Sagrada/, 'Barcelona is too far');
	assert.match(res.text, /value="40\.4168,-3\.7038"/, 'the form keeps the search');
	assert.match(res.text, /\d+\.\d+ km/);
	const bad = await b.get('/catalog/places?near=abc');
	assert.equal(bad.status, 422);
	assert.match(text(bad.text), new RegExp(es.error['422']));
});

test('an unknown catalog page is 404', async () => {
	const res = await new Browser().get('/catalog/colours');
	assert.equal(res.status, 404);
	assert.match(res.headers['content-type'], /^text\/html/);
});

test('the index is for admins: others sign in first or are refused', async () => {
	const anon = await new Browser().get('/catalog');
	assert.equal(anon.status, 303);
	assert.match(anon.headers.location, /^\/login\?next=%2Fcatalog/);
	const ong = await new Browser().signIn('ong@agora.test');
	assert.equal((await ong.get('/catalog')).status, 403);
	const res = await ong.post('/catalog/event-types', { name: fresh('Intruso') });
	assert.equal(res.status, 403);
	admin ??= await new Browser().signIn('admin@agora.test');
	const idx = await admin.get('/catalog');
	assert.equal(idx.status, 200);
	for (const slug of ['event-types', 'megaevent-categories', 'cities', 'places',
	    'participation-states', 'notification-types'])
		assert.match(idx.text, new RegExp(`href="/catalog/${slug}"`));
});

test('admin adds an entry through the form: 303 back to the list with a flash', async () => {
	admin ??= await new Browser().signIn('admin@agora.test');
	const name = fresh('Jornada');
	const res = await admin.post('/catalog/event-types', { name, name_en: 'Day' });
	assert.equal(res.status, 303, res.text.slice(0, 300));
	assert.equal(res.headers.location, '/catalog/event-types');
	const list = await admin.get('/catalog/event-types');
	assert.equal(list.status, 200);
	assert.ok(text(list.text).includes(name));
	assert.ok(text(list.text).includes(words.flash.catalog_created), 'the flash');
	assert.match(list.text, /\/retire"/, 'admin forms');
	assert.match(list.text, /name="_csrf"/);
});

test('a bad form comes back with the errors and what was typed', async () => {
	admin ??= await new Browser().signIn('admin@agora.test');
	const res = await admin.post('/catalog/places', { name: 'Plaza <b>', address: '',
	    lat: '95', lng: '-3.7', city_id: '' });
	assert.equal(res.status, 422);
	assert.match(res.headers['content-type'], /^text\/html/);
	assert.match(res.text, /id="f-lat-error"/);
	assert.match(res.text, /id="f-address-error"/);
	assert.match(res.text, /id="f-city_id-error"/);
	assert.match(res.text, /value="Plaza &lt;b&gt;"/, 'typed and escaped');
	assert.match(res.text, /aria-invalid="true"/);
});

test('a name in use comes back as 409 on the same page', async () => {
	admin ??= await new Browser().signIn('admin@agora.test');
	const name = fresh('Repetida');
	assert.equal((await admin.post('/catalog/cities', { name })).status, 303);
	const res = await admin.post('/catalog/cities', { name });
	assert.equal(res.status, 409);
	assert.match(res.text, /id="f-name-error"/);
});

test('rename, move, retire and restore from the admin list', async () => {
	admin ??= await new Browser().signIn('admin@agora.test');
	const name = fresh('Paso');
	await admin.post('/catalog/megaevent-categories', { name });
	const list = await admin.get('/catalog/megaevent-categories');
	const m = new RegExp(`href="/catalog/megaevent-categories/(\\d+)">${name}<`).exec(list.text);
	assert.ok(m, 'the new entry is listed');
	const id = m[1];
	let res = await admin.post(`/catalog/megaevent-categories/${id}`,
	    { name: '', name_en: 'Step' });
	assert.equal(res.status, 422, 'an emptied name is refused');
	assert.match(res.text, /id="f-name-error"|valid|obligatorio/);
	res = await admin.post(`/catalog/megaevent-categories/${id}`,
	    { name: `${name} bis`, name_en: 'Step' });
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/catalog/megaevent-categories');
	res = await admin.post(`/catalog/megaevent-categories/${id}/move`, { direction: 'up' });
	assert.equal(res.status, 303);
	// A place renamed from the list sends only its names, as the list's
	// form does; its address and point stay.
	const places = await admin.get('/catalog/places');
	const pid = /action="\/catalog\/places\/(\d+)"/.exec(places.text)[1];
	const [[before]] = sql(`SELECT address FROM places WHERE id = ${pid}`);
	res = await admin.post(`/catalog/places/${pid}`, { name: `${name} plaza`, name_en: '' });
	assert.equal(res.status, 303, res.text.slice(0, 300));
	assert.deepEqual(sql(`SELECT name, address FROM places WHERE id = ${pid}`),
	    [[`${name} plaza`, before]]);
	res = await admin.post(`/catalog/megaevent-categories/${id}/retire`);
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/catalog/megaevent-categories?all=1');
	const all = await admin.get('/catalog/megaevent-categories?all=1');
	assert.match(all.text, new RegExp(`/catalog/megaevent-categories/${id}/restore`));
	assert.doesNotMatch((await new Browser().get('/catalog/megaevent-categories')).text,
	    new RegExp(`${name} bis`), 'gone from the public page');
	res = await admin.post(`/catalog/megaevent-categories/${id}/restore`);
	assert.equal(res.status, 303);
	res = await admin.post(`/catalog/megaevent-categories/${id}/restore`);
	assert.equal(res.status, 409, 'restoring twice does not apply');
	const item = await admin.get(`/catalog/megaevent-categories/${id}`);
	assert.equal(item.status, 200);
	assert.match(item.text, /value="Step"/);
});

test('the fixed-code catalogs offer no add form and no retire button for codes', async () => {
	admin ??= await new Browser().signIn('admin@agora.test');
	const res = await admin.get('/catalog/participation-states');
	assert.equal(res.status, 200);
	assert.doesNotMatch(res.text, /action="\/catalog\/participation-states"/);
	assert.doesNotMatch(res.text, /\/retire"/);
	assert.match(res.text, /<code>pending<\/code>/);
	const post = await admin.post('/catalog/participation-states', { name: fresh('Otro') });
	assert.equal(post.status, 409);
});

test('a state-changing form without the CSRF token is refused', async () => {
	admin ??= await new Browser().signIn('admin@agora.test');
	const res = await admin.post('/catalog/cities', { name: fresh('Sin token'), _csrf: 'x' });
	assert.equal(res.status, 403);
});
