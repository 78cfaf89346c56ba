// Workers killed under steady traffic: the supervisor replaces them at once
// and only the requests they held fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
    alive, ensureHealthy, logSince, logSize, serial, sleep, summary,
    supervisorPid, traffic, waitFor, workerPids, workersWanted,
} from './lib.mjs';

await serial();

test('kill -9 of workers under traffic: few failures, the pool is whole within 1 s', async (t) => {
	const KILLS = 4;
	const sup = supervisorPid('site');
	const before = workerPids('site');
	const logFrom = logSize('site.log');
	assert.ok(alive(sup), `supervisor ${sup}`);
	assert.equal(before.length, workersWanted());

	// 16 loops, each from its own address under nginx's per-address limit.
	const load = traffic({ loops: 16, rate: 30, paths: ['/', '/api/v1/'],
	    tag: 15, timeout: 5000 });
	const killed = [];
	const refill = [];
	try {
		await sleep(400);
		for (let k = 0; k < KILLS; k++) {
			const pool = workerPids('site');
			const victim = pool[k % pool.length];
			process.kill(victim, 'SIGKILL');
			const t0 = performance.now();
			killed.push(victim);
			const now = await waitFor(() => {
				const p = workerPids('site');
				return p.length === before.length && !p.includes(victim) ? p : null;
			}, 1000, `a full pool after killing worker ${victim}`, 10);
			refill.push(performance.now() - t0);
			assert.equal(now.length, before.length);
			await sleep(600);
		}
		await sleep(300);
	} finally {
		await load.stop();
	}

	const recs = load.results;
	const bad = recs.filter((r) => r.status !== 200);
	const msg = `${recs.length} requests ${summary(recs)}; refills ${refill.map(Math.round)} ms`;
	t.diagnostic(msg);
	assert.ok(recs.length >= 400, `steady traffic: ${msg}`);
	// Each worker holds one request at a time: a kill loses at most that one.
	assert.ok(bad.length <= KILLS, `failures: ${msg}`);
	for (const r of bad) {
		assert.equal(r.status, 503, `only nginx's 503 for a lost request: ${msg}`);
		assert.match(r.ctype ?? '', /^application\/problem\+json/);
	}
	assert.ok(recs.every((r) => r.t1 - r.t0 < 3000), `no request hung: ${msg}`);

	assert.equal(supervisorPid('site'), sup, 'the supervisor is the same');
	assert.ok(alive(sup));
	const after = workerPids('site');
	assert.equal(after.length, before.length);
	for (const v of killed)
		assert.ok(!after.includes(v), `killed worker ${v} is replaced`);
	const log = logSince('site.log', logFrom);
	for (const v of killed)
		assert.match(log, new RegExp(`worker ${v} died \\(signal 9\\)`),
		    `the supervisor logged worker ${v}'s death`);
	await ensureHealthy();
});

test('a worker stopped with SIGTERM while idle is replaced too', async () => {
	const sup = supervisorPid('site');
	const before = workerPids('site');
	const victim = before[0];
	process.kill(victim, 'SIGTERM');
	await waitFor(() => {
		const p = workerPids('site');
		return p.length === before.length && !p.includes(victim);
	}, 1000, 'a full pool');
	assert.equal(supervisorPid('site'), sup);
	await ensureHealthy();
});
