// Bad requests through nginx: each gets its 4xx, as a problem document under
// /api/v1 and as an HTML page elsewhere, and never a 500.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
    HOST, PORT, assertProblem, catalog, connect, htmlLang, pageTitle, request,
    serial, sourceAddr,
} from './lib.mjs';

await serial();
const from = sourceAddr(12);
const call = (p, opts = {}) => request(p, { from, ...opts });
const postJSON = (p, body, opts = {}) => call(p, { method: 'POST', body,
    headers: { 'Content-Type': 'application/json' }, ...opts });
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
    .replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/* The error page in a language: HTML, <html lang>, the catalog's title. */
function assertErrorPage(res, status, lang) {
	const t = catalog(lang);
	assert.equal(res.status, status, res.text.slice(0, 200));
	assert.match(res.headers['content-type'], /^text\/html; charset=utf-8$/i);
	assert.equal(htmlLang(res.text), lang);
	assert.equal(pageTitle(res.text), `${t.error[String(status)]} · ${t.app.name}`);
	assert.equal(res.headers['content-language'], lang);
}

test('an unknown page path is a 404 HTML page in Spanish', async () => {
	const res = await call('/no-existe');
	assertErrorPage(res, 404, 'es');
	assert.ok(res.text.includes(escapeHtml(catalog('es').error_detail['404'])),
	    'the page says what happened');
	assert.equal(res.headers['x-content-type-options'], 'nosniff');
});

test('an unknown page path is a 404 HTML page in English', async () => {
	assertErrorPage(await call('/no-such-page?lang=en'), 404, 'en');
	assertErrorPage(await call('/no-such-page', { headers: { Cookie: 'agora_lang=en' } }),
	    404, 'en');
	assertErrorPage(await call('/no-such-page', { headers: { 'Accept-Language': 'en' } }),
	    404, 'en');
});

test('a malformed query string (?a=%zz) is 400', async () => {
	assertProblem(await call('/api/v1/?a=%zz'), 400, '/api/v1/');
	assertErrorPage(await call('/?a=%zz'), 400, 'es');
	assertProblem(await call('/api/v1/?a=%'), 400, '/api/v1/');
	assertProblem(await call('/api/v1/?a=%4'), 400, '/api/v1/');
});

test('invalid UTF-8 in the query string is 400', async () => {
	const doc = assertProblem(await call('/api/v1/?q=%ff'), 400, '/api/v1/');
	assert.equal(doc.detail, catalog('es').valid.bad_utf8);
	assertProblem(await call('/api/v1/?q=%c3%28'), 400, '/api/v1/');
	// A UTF-16 surrogate and an overlong form are not UTF-8 either.
	assertProblem(await call('/api/v1/?q=%ed%a0%80'), 400, '/api/v1/');
	assertProblem(await call('/api/v1/?q=%c0%af'), 400, '/api/v1/');
	assertErrorPage(await call('/?q=%ff'), 400, 'es');
});

test('a body that is not JSON is 400', async () => {
	const doc = assertProblem(await postJSON('/api/v1/', 'garbage{'), 400, '/api/v1/');
	assert.equal(doc.detail, catalog('es').valid.bad_json);
	assertProblem(await postJSON('/api/v1/', '{"a":'), 400, '/api/v1/');
	assertProblem(await postJSON('/api/v1/', '{"a":1}x'), 400, '/api/v1/');
});

test('a JSON number past 64 bits is 422, saying so', async () => {
	const doc = assertProblem(await postJSON('/api/v1/participations',
	    '{"event_id": 99999999999999999999}'), 422, '/api/v1/participations');
	assert.equal(doc.detail, catalog('es').valid.json_number_too_big);
});

test('JSON with duplicate keys is 400', async () => {
	assertProblem(await postJSON('/api/v1/', '{"a":1,"a":2}'), 400, '/api/v1/');
	assertProblem(await postJSON('/api/v1/', '{"o":{"k":1,"k":1}}'), 400, '/api/v1/');
});

test('JSON with invalid UTF-8 bytes is 400', async () => {
	const bad = Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe]),
	    Buffer.from('"}')]);
	assertProblem(await postJSON('/api/v1/', bad), 400, '/api/v1/');
	// A lone surrogate escape decodes to no character at all.
	assertProblem(await postJSON('/api/v1/', '{"a":"\\ud800"}'), 400, '/api/v1/');
});

test('a JSON body that is not an object is 400', async () => {
	for (const body of ['[]', '"x"', '1', 'null'])
		assertProblem(await postJSON('/api/v1/', body), 400, '/api/v1/');
});

test('deeply nested JSON is refused with 400, not a crash', async () => {
	const deep = '{"a":' + '['.repeat(100000) + ']'.repeat(100000) + '}';
	assertProblem(await postJSON('/api/v1/', deep), 400, '/api/v1/');
});

test('a text/plain body is 415', async () => {
	const res = await call('/api/v1/', { method: 'POST', body: 'hello',
	    headers: { 'Content-Type': 'text/plain' } });
	assertProblem(res, 415, '/api/v1/');
	for (const ct of ['application/xml', 'multipart/form-data; boundary=x',
	    'application/jsonx']) {
		const r = await call('/api/v1/', { method: 'POST', body: 'x=1',
		    headers: { 'Content-Type': ct } });
		assertProblem(r, 415, '/api/v1/');
	}
	const none = await call('/api/v1/', { method: 'POST', body: '{}' });
	assertProblem(none, 415, '/api/v1/');
});

test('a 2 MB body is 413 from the gateway', async () => {
	const res = await postJSON('/api/v1/', Buffer.alloc(2 << 20, 0x20),
	    { timeout: 10000 });
	assertProblem(res, 413);
	assert.equal(res.headers['x-content-type-options'], 'nosniff');
});

test('too many form fields is 413 from the program', async () => {
	const body = Array.from({ length: 300 }, (_, i) => `f${i}=1`).join('&');
	const res = await call('/api/v1/', { method: 'POST', body,
	    headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
	assertProblem(res, 413, '/api/v1/');
});

test('a 20 KB URI is 414', async () => {
	const res = await call('/api/v1/?q=' + 'a'.repeat(20 * 1024));
	assert.equal(res.status, 414);
});

test('a 20 KB URI under /api/v1 is a 414 problem document', async () => {
	assertProblem(await call('/api/v1/?q=' + 'a'.repeat(20 * 1024)), 414);
});

test('a 5 KB URI (past the programs\' limit) under /api/v1 is a 414 problem document', async () => {
	assertProblem(await call('/api/v1/?q=' + 'a'.repeat(5 * 1024)), 414, '/api/v1/');
});

test('a 5 KB URI on a page is the 414 HTML page', async () => {
	assertErrorPage(await call('/?q=' + 'a'.repeat(5 * 1024)), 414, 'es');
});

test('an unknown method under /api/v1 is a 405 problem document', async () => {
	assertProblem(await call('/api/v1/', { method: 'PROPFIND' }), 405, '/api/v1/');
});

test('an unknown method gets an Allow header naming the resource\'s methods', async () => {
	for (const p of ['/', '/api/v1/']) {
		const res = await call(p, { method: 'PROPFIND' });
		assert.ok(res.status === 405 || res.status === 501, `${p}: ${res.status}`);
		if (res.status === 405)
			assert.match(res.headers['allow'] ?? '', /\bGET\b/,
			    `${p}: Allow: "${res.headers['allow']}"`);
	}
});

test('invalid UTF-8 in an /api/v1 path is a 400 problem document', async () => {
	assertProblem(await call('/api/v1/%ff'), 400);
});

test('POST with a valid body to a GET-only resource is 405, not 500', async () => {
	const res = await postJSON('/api/v1/', '{"a":1}');
	assertProblem(res, 405, '/api/v1/');
	assert.ok(res.headers['allow']);
});

test('a sweep of malformed requests never yields a 5xx', async () => {
	const cases = [
		['/api/v1/?%=1'],
		['/api/v1/?a=%00'],
		['/api/v1/?lang=%00'],
		['/api/v1/?&&&=&=='],
		['/api/v1/?' + 'x=1&'.repeat(500)],
		['/api/v1/', { headers: { Cookie: '=;;==; a' } }],
		['/api/v1/', { headers: { Cookie: 'agora_lang=' + 'e'.repeat(4000) } }],
		['/api/v1/', { headers: { Cookie: 'agora_sid=' + 'z'.repeat(4000) } }],
		['/api/v1/', { headers: { Cookie: 'agora_sid=%00%ff' } }],
		['/api/v1/', { headers: { 'Accept-Language': ';q=,;;,q=x,' + 'e,'.repeat(1000) } }],
		['/api/v1/', { headers: { 'If-None-Match': '"'.repeat(2000) } }],
		['/api/v1/', { headers: { Authorization: 'Bearer a.b.c' } }],
		['/api/v1/', { headers: { Authorization: 'Bearer ' + 'A'.repeat(4000) } }],
		['/api/v1/', { method: 'POST', body: '',
		    headers: { 'Content-Type': 'application/json' } }],
		['/api/v1/', { method: 'POST', body: '\ufeff{}',
		    headers: { 'Content-Type': 'application/json' } }],
		['/api/v1/', { method: 'POST', body: '{"n":1e999999}',
		    headers: { 'Content-Type': 'application/json' } }],
		['/api/v1/', { method: 'POST', body: '%%%&&==',
		    headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }],
		['/api/v1/', { method: 'POST', body: 'a=%ff',
		    headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }],
		['/api/v1/', { method: 'POST', body: 'a=' + 'b'.repeat(70000),
		    headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }],
		['/api/v1/', { method: 'POST', body: '{}',
		    headers: { 'Content-Type': 'application/json; charset=latin1' } }],
		['/api/v1//x'],
		['/api/v1/%2e%2e/%2e%2e/etc/passwd'],
		['/%00'],
		['/x%0d%0aSet-Cookie:%20a=b'],
	];
	for (const [p, opts] of cases) {
		const res = await call(p, opts ?? {});
		const what = `${opts?.method ?? 'GET'} ${p.slice(0, 60)} ` +
		    `${JSON.stringify(opts?.headers ?? {}).slice(0, 60)} -> ${res.status}`;
		assert.ok(res.status < 500, what);
		assert.ok(!('set-cookie' in res.headers &&
		    res.headers['set-cookie'].some((c) => c.startsWith('a=b'))),
		    `header injection: ${what}`);
		// nginx resolves dot segments first: that one is no API path.
		if (res.status >= 400 && p.startsWith('/api/v1/') && !p.includes('%2e')) {
			try {
				assertProblem(res, res.status);
			} catch (e) {
				e.message = `${what}: ${e.message}`;
				throw e;
			}
		}
	}
});

test('a request line without HTTP version or with garbage is refused by the gateway', async () => {
	const answer = (bytes) => new Promise((resolve, reject) => {
		const s = connect(from);
		let out = '';
		s.setTimeout(3000, () => { s.destroy(); reject(new Error('no answer')); });
		s.on('data', (d) => { out += d.toString('latin1'); });
		s.on('end', () => resolve(out));
		s.on('error', reject);
		s.write(bytes);
	});
	const out = await answer('GET /api/v1/\x01 HTTP/1.1\r\nHost: x\r\n\r\n');
	assert.match(out, /^HTTP\/1\.1 400 /);
});

test('an error page leads back to the page of ours the person came from', async () => {
	const bad = '/events?from=2026-12-21&to=2026-12-19';
	// Its own address: the tests before used up this one's rate.
	const back = (p, opts) => request(p, { from: sourceAddr(14), ...opts });
	const here = `http://${HOST}:${PORT}`;
	let res = await back(bad, { headers: { Accept: 'text/html',
	    Referer: `${here}/events?q=taller&amp=1` } });
	assert.equal(res.status, 422);
	assert.match(res.text, /<a class="button" href="\/events\?q=taller&amp;amp=1">/);
	assert.match(res.text, /<a class="button button--ghost" href="\/">/);
	// Another site, or none: only the way home.
	for (const Referer of ['http://evil.example/events', `${here}x/events`,
	    `${here}/\t/evil.example`, undefined]) {
		res = await back(bad, { headers: { Accept: 'text/html',
		    ...(Referer ? { Referer } : {}) } });
		assert.equal(res.status, 422);
		assert.doesNotMatch(res.text, /class="button" href="\/events/, String(Referer));
		assert.match(res.text, /<a class="button" href="\/">/);
	}
});

test('what nginx itself refuses answers as the programs do: problem+json', async () => {
	for (const p of ['/api/v1/events/17%00', '/dashboard/events%00.csv']) {
		const res = await request(p, { from: sourceAddr(15) });
		assert.equal(res.status, 400, p);
		assert.match(res.headers['content-type'], /^application\/problem\+json/, p);
		assert.match(res.json().detail, /NUL/);
	}
	// The page behind it is nobody's to open.
	assert.equal((await request('/_errors/400', { from: sourceAddr(15) })).status, 404);
});

test('too many cookies: a 400 that says to clear the site\'s cookies', async () => {
	const jar = Array.from({ length: 51 }, (_, i) => `c${i}=v`).join('; ');
	const res = await request('/', { from: sourceAddr(16),
	    headers: { Cookie: jar, Accept: 'text/html' } });
	assert.equal(res.status, 400);
	assert.ok(res.text.includes(catalog('es').error_detail.too_many_cookies));
	const ok = await request('/', { from: sourceAddr(16),
	    headers: { Cookie: jar.split('; ').slice(0, 50).join('; ') } });
	assert.equal(ok.status, 200);
});
