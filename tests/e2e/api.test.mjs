// The JSON API's shape through nginx: /api/v1/, problem documents, methods,
// conditional requests and CORS.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
    assertProblem, catalog, cookies, request, serial, sourceAddr,
} from './lib.mjs';

await serial();
const from = sourceAddr(11);
const call = (p, opts = {}) => request(p, { from, ...opts });
const ALLOWED = 'http://localhost:3000';

test('/api/v1/ answers JSON {name, apps, user}', async () => {
	const res = await call('/api/v1/');
	assert.equal(res.status, 200);
	assert.match(res.headers['content-type'], /^application\/json\b/);
	const doc = res.json();
	assert.equal(doc.name, 'Ágora');
	assert.ok(Array.isArray(doc.apps), 'apps is an array');
	for (const app of doc.apps) {
		assert.equal(typeof app.key, 'string');
		assert.equal(app.url, `/${app.key}`);
		assert.equal(typeof app.name, 'string');
	}
	assert.equal(doc.user, null, 'nobody is signed in');
	assert.match(res.headers['etag'] ?? '', /^"[0-9a-f]{16}"$/);
	assert.equal(res.headers['content-language'], 'es');
	assert.equal(res.headers['x-content-type-options'], 'nosniff');
});

test('/api/v1 without the slash is the same resource', async () => {
	const a = await call('/api/v1');
	const b = await call('/api/v1/');
	assert.equal(a.status, 200);
	assert.deepEqual(a.json(), b.json());
});

test('the API sets no CSRF cookie', async () => {
	const res = await call('/api/v1/');
	assert.equal(cookies(res).agora_csrf, undefined);
});

test('an unknown /api/v1/x is a 404 problem document', async () => {
	const res = await call('/api/v1/x');
	const doc = assertProblem(res, 404, '/api/v1/x');
	assert.equal(doc.title, catalog('es').error['404']);
	assert.equal(doc.detail, catalog('es').error_detail['404']);
	assert.equal(res.headers['content-language'], 'es');

	const en = await call('/api/v1/x', { headers: { 'Accept-Language': 'en' } });
	const enDoc = assertProblem(en, 404, '/api/v1/x');
	assert.equal(enDoc.title, catalog('en').error['404']);
	assert.equal(en.headers['content-language'], 'en');
});

test('DELETE /api/v1/ is 405 with Allow', async () => {
	const res = await call('/api/v1/', { method: 'DELETE' });
	assertProblem(res, 405, '/api/v1/');
	const allow = (res.headers['allow'] ?? '').split(/,\s*/);
	assert.ok(allow.includes('GET'), `Allow: ${res.headers['allow']}`);
	assert.ok(allow.includes('HEAD'), `Allow: ${res.headers['allow']}`);
	assert.ok(!allow.includes('DELETE'), `Allow: ${res.headers['allow']}`);
});

test('PUT and PATCH on /api/v1/ are 405 too', async () => {
	for (const method of ['PUT', 'PATCH']) {
		const res = await call('/api/v1/', { method, body: '{}',
		    headers: { 'Content-Type': 'application/json' } });
		assertProblem(res, 405, '/api/v1/');
		assert.ok(res.headers['allow'], `${method}: Allow`);
	}
});

test('HEAD /api/v1/ has the GET headers and no body', async () => {
	const g = await call('/api/v1/');
	const h = await call('/api/v1/', { method: 'HEAD' });
	assert.equal(h.status, 200);
	assert.equal(h.body.length, 0);
	assert.equal(h.headers['etag'], g.headers['etag']);
	assert.equal(h.headers['content-type'], g.headers['content-type']);
	assert.equal(Number(h.headers['content-length']), g.body.length);
});

test('ETag then If-None-Match gives 304 with no body', async () => {
	const first = await call('/api/v1/');
	const etag = first.headers['etag'];
	assert.ok(etag, 'an ETag on GET 200');
	const again = await call('/api/v1/', { headers: { 'If-None-Match': etag } });
	assert.equal(again.status, 304);
	assert.equal(again.body.length, 0);
	assert.equal(again.headers['etag'], etag);
	assert.equal(again.headers['content-type'], undefined);

	const listed = await call('/api/v1/',
	    { headers: { 'If-None-Match': `"0000", ${etag}` } });
	assert.equal(listed.status, 304, 'one of a list matches');
	const other = await call('/api/v1/',
	    { headers: { 'If-None-Match': '"00000000000000000000000000000000"' } });
	assert.equal(other.status, 200, 'another tag gets the body');
	assert.deepEqual(other.json(), first.json());
});

test('CORS preflight from an allowed origin', async () => {
	const res = await call('/api/v1/', { method: 'OPTIONS', headers: {
		Origin: ALLOWED,
		'Access-Control-Request-Method': 'POST',
		'Access-Control-Request-Headers': 'content-type, x-csrf-token',
	} });
	assert.equal(res.status, 204);
	assert.equal(res.body.length, 0);
	assert.equal(res.headers['access-control-allow-origin'], ALLOWED);
	const methods = res.headers['access-control-allow-methods'] ?? '';
	for (const m of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
		assert.match(methods, new RegExp(`\\b${m}\\b`), methods);
	const hdrs = (res.headers['access-control-allow-headers'] ?? '').toLowerCase();
	assert.match(hdrs, /content-type/);
	assert.match(hdrs, /x-csrf-token/);
	assert.match(hdrs, /authorization/);
	assert.ok(Number(res.headers['access-control-max-age']) > 0);
});

test('a disallowed origin gets no Access-Control-Allow-Origin', async () => {
	for (const origin of ['http://evil.example', 'http://localhost:3000.evil.example',
	    'https://localhost:3000', 'null']) {
		const pre = await call('/api/v1/', { method: 'OPTIONS', headers: {
			Origin: origin, 'Access-Control-Request-Method': 'POST' } });
		assert.ok(pre.status < 500, `${origin}: ${pre.status}`);
		assert.equal(pre.headers['access-control-allow-origin'], undefined,
		    `preflight from ${origin}`);
		const res = await call('/api/v1/', { headers: { Origin: origin } });
		assert.equal(res.headers['access-control-allow-origin'], undefined,
		    `GET from ${origin}`);
	}
});

test('a GET from the allowed origin carries Access-Control-Allow-Origin', async () => {
	const res = await call('/api/v1/', { headers: { Origin: ALLOWED } });
	assert.equal(res.status, 200);
	assert.equal(res.headers['access-control-allow-origin'], ALLOWED);
	const err = await call('/api/v1/x', { headers: { Origin: ALLOWED } });
	assert.equal(err.status, 404);
	assert.equal(err.headers['access-control-allow-origin'], ALLOWED,
	    'errors are readable cross-origin too');
});

test('OPTIONS on an unknown API path is still a 404', async () => {
	const res = await call('/api/v1/nothing-here', { method: 'OPTIONS',
	    headers: { Origin: ALLOWED, 'Access-Control-Request-Method': 'GET' } });
	assertProblem(res, 404, '/api/v1/nothing-here');
});
