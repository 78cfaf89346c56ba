// Health endpoints, and the site program going away and coming back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

import {
    alive, assertProblem, ensureHealthy, get, runPath, serial, sourceAddr,
    startProgram, supervisorPid, waitFor, waitGone, workerPids, workersWanted,
} from './lib.mjs';

await serial();
const from = sourceAddr(14);
const call = (p) => get(p, { from, timeout: 5000 });

test('/health is 200 with the database and site up', async () => {
	const res = await call('/health');
	assert.equal(res.status, 200, res.text);
	assert.match(res.headers['content-type'], /^application\/json\b/);
	const doc = res.json();
	assert.equal(doc.status, 'ok');
	assert.equal(doc.database, 'up');
	assert.equal(doc.programs.site, 'up');
	for (const [name, state] of Object.entries(doc.programs))
		assert.equal(state, 'up', `program ${name}`);
});

test('/health/site is 200 for the site program itself', async () => {
	const res = await call('/health/site');
	assert.equal(res.status, 200, res.text);
	assert.deepEqual(res.json(), { program: 'site', status: 'ok', database: 'up' });
});

test('every program listed by /health answers /health/<program>', async () => {
	const doc = (await call('/health')).json();
	for (const name of Object.keys(doc.programs)) {
		const res = await call(`/health/${name}`);
		assert.equal(res.status, 200, `/health/${name}: ${res.text}`);
		assert.equal(res.json().program, name);
	}
});

test('the site program stopped: /health is 503, and a restart brings it back', async () => {
	const sup = supervisorPid('site');
	const workers = workerPids('site');
	assert.ok(alive(sup), `site supervisor ${sup} is running`);
	assert.equal(workers.length, workersWanted());
	try {
		process.kill(sup, 'SIGTERM');
		// The supervisor drains its workers, then leaves.
		await waitGone(sup, 5000);
		for (const w of workers)
			await waitGone(w, 1000);
		assert.ok(!fs.existsSync(runPath('site.sock')), 'its socket is removed');

		for (const p of ['/health', '/health/site', '/', '/api/v1/']) {
			const res = await call(p);
			assertProblem(res, 503);
			assert.ok(Number(res.headers['retry-after']) > 0,
			    `${p}: Retry-After ${res.headers['retry-after']}`);
			assert.ok(res.ms < 3000, `${p} answered in ${res.ms} ms`);
		}

		const t0 = performance.now();
		const pid = startProgram('site');
		await waitFor(async () => (await call('/health')).status === 200,
		    5000, '/health 200 after the restart');
		const took = performance.now() - t0;
		assert.ok(took < 5000, `back in ${took} ms`);
		assert.equal(supervisorPid('site'), pid);
		const doc = (await call('/health')).json();
		assert.equal(doc.programs.site, 'up');
		assert.equal((await call('/health/site')).status, 200);
		assert.equal((await call('/')).status, 200);
		await waitFor(() => workerPids('site').length === workersWanted(), 2000,
		    'a full pool');
	} finally {
		await ensureHealthy();
	}
});

test('SIGTERM drains: the supervisor leaves no worker behind', async () => {
	const sup = supervisorPid('site');
	const workers = workerPids('site');
	try {
		process.kill(sup, 'SIGTERM');
		await waitGone(sup, 5000);
		for (const w of workers)
			assert.ok(!alive(w), `worker ${w} is gone with its supervisor`);
	} finally {
		if (!alive(supervisorPid('site')))
			startProgram('site');
		await ensureHealthy();
	}
	assert.notEqual(supervisorPid('site'), sup);
	assert.equal((await call('/health/site')).status, 200);
});
