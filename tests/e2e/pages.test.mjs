// Pages through nginx: the home page, its language, its security headers,
// the static files and compression.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';

import {
    catalog, cookies, get, htmlLang, pageTitle, serial, sourceAddr,
} from './lib.mjs';

await serial();
const from = sourceAddr(10);
const page = (p, headers = {}) => get(p, { from, headers });
const CSS = '/static/css/agora.css';

test('home page is a Spanish HTML page by default', async () => {
	const res = await page('/');
	assert.equal(res.status, 200);
	assert.match(res.headers['content-type'], /^text\/html; charset=utf-8$/i);
	assert.equal(htmlLang(res.text), 'es');
	assert.equal(res.headers['content-language'], 'es');
	assert.match(res.text, /^<!doctype html>/i);
	const es = catalog('es');
	assert.equal(pageTitle(res.text), `${es.home.title} · ${es.app.name}`);
});

test('home page carries the security headers', async () => {
	const res = await page('/');
	const csp = res.headers['content-security-policy'] ?? '';
	assert.match(csp, /default-src 'self'/);
	assert.match(csp, /frame-ancestors 'none'/);
	assert.match(csp, /script-src 'self'/);
	assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
	assert.equal(res.headers['x-content-type-options'], 'nosniff');
	assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin');
	assert.equal(res.headers['x-frame-options'], 'DENY');
	assert.match(res.headers['x-request-id'] ?? '', /^[0-9a-f]{32}$/);
	assert.equal(res.headers['server'], 'nginx', 'no version in Server');
});

test('every answer gets its own X-Request-Id', async () => {
	const a = await page('/');
	const b = await page('/');
	assert.notEqual(a.headers['x-request-id'], b.headers['x-request-id']);
});

test('pages set the CSRF cookie HttpOnly and SameSite=Lax', async () => {
	const res = await page('/');
	const c = cookies(res).agora_csrf;
	assert.ok(c, `agora_csrf cookie in ${JSON.stringify(res.headers['set-cookie'])}`);
	assert.match(c, /^agora_csrf=[A-Za-z0-9_-]{20,};/);
	assert.match(c, /; HttpOnly/);
	assert.match(c, /; SameSite=Lax/);
	assert.match(c, /; Path=\//);
	assert.equal(res.headers['cache-control'], 'private, no-cache');
});

test('?lang=en switches to English and remembers it in a cookie', async () => {
	const res = await page('/?lang=en');
	assert.equal(res.status, 200);
	assert.equal(htmlLang(res.text), 'en');
	assert.equal(res.headers['content-language'], 'en');
	const en = catalog('en');
	assert.equal(pageTitle(res.text), `${en.home.title} · ${en.app.name}`);
	const c = cookies(res).agora_lang;
	assert.ok(c, 'agora_lang cookie set');
	assert.match(c, /^agora_lang=en;/);
	assert.match(c, /; Path=\//);
	assert.match(c, /; Max-Age=\d{6,}/, 'remembered for a long time');
});

test('the agora_lang cookie keeps English', async () => {
	const res = await page('/', { Cookie: 'agora_lang=en' });
	assert.equal(res.status, 200);
	assert.equal(htmlLang(res.text), 'en');
	assert.equal(res.headers['content-language'], 'en');
	assert.equal(cookies(res).agora_lang, undefined, 'no need to set it again');
	assert.match(res.headers['vary'] ?? '', /Cookie/);
});

test('Accept-Language: en picks English', async () => {
	for (const al of ['en', 'en-GB', 'EN-us', 'fr-FR, en;q=0.8, es;q=0.5']) {
		const res = await page('/', { 'Accept-Language': al });
		assert.equal(htmlLang(res.text), 'en', `Accept-Language: ${al}`);
		assert.equal(res.headers['content-language'], 'en', al);
	}
	const res = await page('/', { 'Accept-Language': 'fr, de;q=0.5' });
	assert.equal(htmlLang(res.text), 'es', 'unknown languages fall back to Spanish');
	assert.match(res.headers['vary'] ?? '', /Accept-Language/);
});

test('?lang= wins over the cookie, and the cookie over Accept-Language', async () => {
	let res = await page('/?lang=es', { Cookie: 'agora_lang=en' });
	assert.equal(htmlLang(res.text), 'es');
	assert.match(cookies(res).agora_lang ?? '', /^agora_lang=es;/);
	res = await page('/', { Cookie: 'agora_lang=en', 'Accept-Language': 'es' });
	assert.equal(htmlLang(res.text), 'en');
});

test('the language links and the sign-in keep the page\'s query', async () => {
	let res = await page('/events?q=zorro&lang=es&page=2&lang=xx&language=1');
	assert.equal(res.status, 200);
	const hrefs = [...res.text.matchAll(/href="([^"]*lang=en)"/g)].map((m) => m[1]);
	assert.deepEqual(hrefs, ['/events?q=zorro&amp;page=2&amp;language=1&amp;lang=en']);
	const html = { Accept: 'text/html' };
	res = await page('/users/me', html);
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/login?next=%2Fusers%2Fme');
	res = await page('/participations?event_id=17&lang=en', html);
	assert.equal(res.status, 303);
	assert.equal(res.headers.location, '/login?next=%2Fparticipations%3Fevent_id%3D17');
	// A query whose text is not UTF-8 is refused; its page still has
	// the language links.
	res = await page('/events?q=%ff', html);
	assert.equal(res.status, 400);
	assert.match(res.text, /href="\/events\?q=%ff&amp;lang=en"/);
});

test('an unknown ?lang= is ignored and sets no cookie', async () => {
	const res = await page('/?lang=xx');
	assert.equal(res.status, 200);
	assert.equal(htmlLang(res.text), 'es');
	assert.equal(cookies(res).agora_lang, undefined);
});

test('static CSS is served with caching headers', async () => {
	const res = await page(CSS);
	assert.equal(res.status, 200);
	assert.match(res.headers['content-type'], /^text\/css/);
	assert.ok(res.body.length > 100);
	assert.match(res.headers['cache-control'] ?? '', /max-age=(\d+)/);
	const age = Number(/max-age=(\d+)/.exec(res.headers['cache-control'])[1]);
	assert.ok(age >= 86400, `max-age ${age} is at least a day`);
	assert.ok(res.headers['expires'], 'Expires');
	assert.ok(res.headers['etag'], 'ETag');
	assert.ok(res.headers['last-modified'], 'Last-Modified');
	assert.equal(res.headers['x-content-type-options'], 'nosniff');

	const again = await page(CSS, { 'If-None-Match': res.headers['etag'] });
	assert.equal(again.status, 304);
	assert.equal(again.body.length, 0);
});

test('static files answer gzip only when asked', async () => {
	const plain = await page(CSS);
	assert.equal(plain.headers['content-encoding'], undefined);
	const gz = await page(CSS, { 'Accept-Encoding': 'gzip' });
	assert.equal(gz.status, 200);
	assert.equal(gz.headers['content-encoding'], 'gzip');
	assert.match(gz.headers['vary'] ?? '', /Accept-Encoding/);
	assert.ok(gz.body.length < plain.body.length, 'smaller compressed');
	assert.deepEqual(zlib.gunzipSync(gz.body), plain.body);
});

test('the home page is compressed when asked', async () => {
	const gz = await page('/', { 'Accept-Encoding': 'gzip' });
	assert.equal(gz.status, 200);
	assert.equal(gz.headers['content-encoding'], 'gzip');
	const html = zlib.gunzipSync(gz.body).toString('utf8');
	assert.equal(htmlLang(html), 'es');
	assert.match(html, /<\/html>\s*$/);
});

test('the page links to static files that exist', async () => {
	const res = await page('/');
	const refs = [...res.text.matchAll(/(?:href|src)="(\/static\/[^"]+)"/g)]
	    .map((m) => m[1]);
	assert.ok(refs.includes(CSS), 'the stylesheet is linked');
	for (const ref of new Set(refs)) {
		const r = await page(ref);
		assert.equal(r.status, 200, ref);
	}
});

test('/favicon.ico is the SVG icon, labelled as SVG', async () => {
	const fav = await page('/favicon.ico');
	const svg = await page('/static/img/favicon.svg');
	assert.equal(fav.status, 200);
	assert.deepEqual(fav.body, svg.body);
	// With nosniff a browser trusts the label: SVG bytes need the SVG type.
	assert.match(fav.headers['content-type'], /^image\/svg\+xml/);
});
