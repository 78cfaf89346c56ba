// The dashboard's workers keep the figures they served, checked on every
// request against the scope's row in dash_version: a change to the
// rollups shows as soon as that row moves, and a scope, a range or a
// language never gets another's figures.  The outbox's health, on the
// admin's dashboard, is never kept.  The rollups here are written by
// hand, on days long past that nothing else touches, and the version
// row is moved by hand as the notifier does when it changes them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { TOP, serial, sleep, sql } from './lib.mjs';
import { account } from './events-lib.mjs';
import { pauseTimer, resumeTimer } from './dashboard-lib.mjs';

await serial();

const TAG = 121;
const A = { from: '2003-05-01', to: '2003-05-03' };	// one range
const B = { from: '2003-05-04', to: '2003-05-06' };	// and the next
const ROUNDS = 12;	// enough requests to meet every worker
let ong1, ong2, admin;
const outboxRows = [];

function label(lang, key) {
	const file = path.join(TOP, 'templates', 'i18n', `${lang}-dashboard.json`);
	return JSON.parse(fs.readFileSync(file, 'utf8')).dashboard[key];
}

function setApproved(scope, day, n) {
	sql(`INSERT INTO dash_day (scope_id, day, approved) VALUES (${scope},
	    '${day}', ${n}) ON DUPLICATE KEY UPDATE approved = ${n}`);
}

/* What the notifier does in the transaction that changes a scope.  Its
 * commit also marks the shared readings of versions old; this one, by
 * hand, shows once they are (twice VERSIONS_RECENT_MS in lib/versions.h,
 * and a margin). */
async function bump(scope) {
	sql(`INSERT INTO dash_version (scope_id, version) VALUES (${scope}, 1)
	    ON DUPLICATE KEY UPDATE version = version + 1`);
	await sleep(250);
}

function query(r) {
	return `from=${r.from}&to=${r.to}`;
}

async function apiApproved(c, r) {
	const res = await c.api('GET', `/api/v1/dashboard?${query(r)}`);
	assert.equal(res.status, 200, res.text.slice(0, 300));
	const doc = res.json();
	assert.equal(doc.from, r.from);
	assert.equal(doc.to, r.to);
	return doc.participants_by_status.approved;
}

/* The page's total of enrolments, read under its label in lang. */
async function pageTotal(c, r, lang) {
	const res = await c.send(`/dashboard?${query(r)}`, { cookies: false,
	    html: true, headers: { 'Accept-Language': lang } });
	assert.equal(res.status, 200, res.text.slice(0, 300));
	const m = new RegExp(`<dt>${label(lang, 'participants_total')}</dt>` +
	    '<dd>(\\d+)</dd>').exec(res.text);
	assert.ok(m, `the ${lang} page shows its total under its own label`);
	assert.ok(res.text.includes(`value="${r.from}"`), 'the range in the form');
	return Number(m[1]);
}

async function days(c, r) {
	const res = await c.send(`/dashboard/days.csv?${query(r)}`,
	    { cookies: false });
	assert.equal(res.status, 200);
	return res.text;
}

before(async () => {
	await pauseTimer();
	ong1 = await account(TAG, 'ong');
	ong2 = await account(TAG, 'ong');
	admin = await account(TAG, 'admin');
	setApproved(ong1.user.id, '2003-05-02', 11);
	setApproved(ong1.user.id, '2003-05-05', 33);
	setApproved(ong2.user.id, '2003-05-02', 22);
});

after(async () => {
	sql(`DELETE FROM dash_day WHERE scope_id IN (${ong1.user.id},
	    ${ong2.user.id})`);
	sql(`DELETE FROM dash_version WHERE scope_id IN (${ong1.user.id},
	    ${ong2.user.id})`);
	if (outboxRows.length > 0)
		sql(`DELETE FROM outbox WHERE id IN (${outboxRows.join(', ')})`);
	await resumeTimer();
});

test('each NGO, range and language gets its own figures', async () => {
	// Interleaved, so that every worker holds entries of each kind.
	for (let i = 0; i < ROUNDS; i++) {
		assert.equal(await apiApproved(ong1, A), 11);
		assert.equal(await apiApproved(ong2, A), 22);
		assert.equal(await apiApproved(ong1, B), 33);
		assert.equal(await pageTotal(ong1, A, 'es'), 11);
		assert.equal(await pageTotal(ong1, A, 'en'), 11);
		assert.equal(await pageTotal(ong2, A, 'en'), 22);
		assert.equal(await pageTotal(ong1, B, 'es'), 33);
	}
	assert.match(await days(ong1, A), /"2003-05-02",11,0,11,/);
	assert.match(await days(ong2, A), /"2003-05-02",22,0,22,/);
});

test('a change shows once the scope\'s version moves, only there', async () => {
	for (let i = 0; i < ROUNDS; i++) {
		await apiApproved(ong1, A);
		await pageTotal(ong1, A, 'es');
	}
	// The rollups change without the version moving: the workers keep
	// answering from what they hold (this is what makes them fast).
	setApproved(ong1.user.id, '2003-05-02', 44);
	let kept = 0;
	for (let i = 0; i < ROUNDS; i++)
		if (await apiApproved(ong1, A) === 11)
			kept++;
	assert.ok(kept > 0, 'the figures are served from the cache');
	// The notifier moves the version with the change: every answer, the
	// API, the page in both languages and the CSV, has it at once.
	await bump(ong1.user.id);
	for (let i = 0; i < ROUNDS; i++) {
		assert.equal(await apiApproved(ong1, A), 44);
		assert.equal(await pageTotal(ong1, A, 'es'), 44);
		assert.equal(await pageTotal(ong1, A, 'en'), 44);
		assert.match(await days(ong1, A), /"2003-05-02",44,0,44,/);
		assert.equal(await apiApproved(ong2, A), 22, 'another NGO');
		assert.equal(await apiApproved(ong1, B), 33, 'another range');
	}
	// And again: each move is seen.
	setApproved(ong1.user.id, '2003-05-02', 55);
	await bump(ong1.user.id);
	for (let i = 0; i < ROUNDS; i++)
		assert.equal(await apiApproved(ong1, A), 55);
});

test('more ranges than a worker keeps: each still has its own', async () => {
	setApproved(ong1.user.id, '2003-05-02', 66);
	await bump(ong1.user.id);
	const day = (k) => new Date(Date.UTC(2003, 4, 2) - k * 86400000)
	    .toISOString().slice(0, 10);
	// 80 ranges ending on the day counted, then 80 ending the day
	// before: past the 64 entries a worker keeps, so some are dropped
	// and read again.
	for (const [to, want] of [[day(0), 66], [day(1), 0], [day(0), 66]])
		for (let k = 1; k <= 80; k++)
			assert.equal(await apiApproved(ong1, { from: day(k), to }),
			    want, `${day(k)} to ${to}`);
});

test('the admin\'s outbox health is read at every request', async () => {
	const dead = async () => {
		const res = await admin.api('GET', `/api/v1/dashboard?${query(A)}`);
		assert.equal(res.status, 200, res.text.slice(0, 300));
		const doc = res.json();
		assert.equal(doc.scope, 'platform');
		assert.deepEqual(Object.keys(doc).at(-1), 'outbox');
		return doc.outbox.dead;
	};
	const before0 = await dead();
	for (let i = 0; i < ROUNDS; i++)
		assert.equal(await dead(), before0);
	sql(`INSERT INTO outbox (topic, payload, status, attempts, last_error)
	    VALUES ('dashboard.cache.test', '{}', 'dead', 5, 'a test row')`);
	outboxRows.push(Number(sql('SELECT MAX(id) FROM outbox WHERE topic = ' +
	    "'dashboard.cache.test'")[0][0]));
	for (let i = 0; i < ROUNDS; i++)
		assert.equal(await dead(), before0 + 1);
	const res = await admin.send(`/dashboard?${query(A)}`, { cookies: false,
	    html: true });
	assert.equal(res.status, 200);
	assert.ok(res.text.includes(`<th scope="row">${label('es', 'col').dead}` +
	    `</th><td>${before0 + 1}</td>`), 'the page counts it too');
	assert.match(res.text, /\/dashboard\/outbox\.csv\?from=2003-05-01&amp;to=2003-05-03/);
});
