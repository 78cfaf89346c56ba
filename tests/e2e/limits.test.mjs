// The gateway's rate limits.  Each test sends from fresh loopback addresses,
// so the throttling it causes touches no other test.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { assertProblem, request, serial, sourceAddr } from './lib.mjs';

await serial();

/* A burst of quick POSTs to a sign-in path from one address. */
async function burst(p, from, n) {
	return Promise.all(Array.from({ length: n }, () => request(p, {
	    from, method: 'POST', body: 'email=a%40b.c&password=x',
	    headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })));
}

test('a burst of sign-in attempts is throttled with 429 and Retry-After', async () => {
	const from = sourceAddr(13);
	const answers = await burst('/login', from, 15);
	const statuses = answers.map((r) => r.status);
	const limited = answers.filter((r) => r.status === 429);
	assert.ok(limited.length >= 1, `some 429 among ${statuses}`);
	// 10 a minute with a burst of 5: at most six get through at once.
	assert.ok(answers.length - limited.length <= 6, `${statuses}`);
	// What passes is the sign-in program's business (or nginx's 503 when
	// it is not installed); a 500 would still be a bug.
	for (const r of answers)
		assert.notEqual(r.status, 500, `${statuses}`);
	for (const r of limited) {
		const doc = assertProblem(r, 429);
		assert.match(doc.detail, /\S/);
		assert.ok(Number(r.headers['retry-after']) > 0,
		    `Retry-After: ${r.headers['retry-after']}`);
		assert.equal(r.headers['x-content-type-options'], 'nosniff');
	}
});

test('the API sign-in path shares the strict limit', async () => {
	const from = sourceAddr(13);
	const answers = await burst('/api/v1/auth/login', from, 12);
	const statuses = answers.map((r) => r.status);
	assert.ok(answers.some((r) => r.status === 429), `${statuses}`);
	for (const r of answers.filter((a) => a.status === 429))
		assertProblem(r, 429);
});

test('the strict limit leaves other pages and other addresses alone', async () => {
	const from = sourceAddr(13);
	const answers = await burst('/register', from, 12);
	assert.ok(answers.some((r) => r.status === 429),
	    `${answers.map((r) => r.status)}`);
	const page = await request('/', { from });
	assert.equal(page.status, 200, 'the general zone is separate');
	const other = await burst('/register', sourceAddr(13), 1);
	assert.notEqual(other[0].status, 429, 'another address is not throttled');
});

test('the general limit throttles a flood from one address', async () => {
	const from = sourceAddr(13);
	// 20 a second with a burst of 60: 150 at once cannot all pass.
	const answers = await Promise.all(Array.from({ length: 150 },
	    () => request('/api/v1/', { from, timeout: 10000 })));
	const by = {};
	for (const r of answers)
		by[r.status] = (by[r.status] ?? 0) + 1;
	assert.ok((by[429] ?? 0) > 0, JSON.stringify(by));
	assert.ok((by[200] ?? 0) >= 60, JSON.stringify(by));
	assert.deepEqual(Object.keys(by).sort(), ['200', '429'], JSON.stringify(by));
	assertProblem(answers.find((r) => r.status === 429), 429);
});
