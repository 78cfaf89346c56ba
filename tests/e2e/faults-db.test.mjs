// MariaDB going away under traffic: health says 503 quickly, pages that need
// no database keep working, and the programs reconnect by themselves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

import {
    alive, assertProblem, dbPing, ensureHealthy, get, logSince, logSize,
    processes, programNames, runPath, serial, settleDb, sleep, sourceAddr,
    stackStart, startMariadb, summary, supervisorPid, traffic, waitFor,
    waitGone, workersWanted,
} from './lib.mjs';

await serial();
const from = sourceAddr(16);
const call = (p) => get(p, { from, timeout: 5000 });
const HEALTH = ['/health/site', '/health'];

function mysqldPid() {
	try {
		return Number(fs.readFileSync(runPath('mysqld.pid'), 'utf8').trim());
	} catch {
		return 0;
	}
}

/*
 * One outage: stop() takes MariaDB down under traffic, the test checks the
 * answers while it is down, then `stack.sh start` brings it back and the
 * programs must find it again on their own.
 */
async function outage(t, stop) {
	await ensureHealthy();
	const before = processes();
	const sup = supervisorPid('site');
	const logFrom = logSize('site.log');
	const load = traffic({ loops: 6, rate: 15, tag: 16, timeout: 5000,
	    paths: ['/health/site', '/health', '/'] });
	let tDown, tRestart, tDbUp, tBack, started;
	try {
		await sleep(300);
		await stop();
		tDown = performance.now();
		await sleep(1000);

		// While it is down: the health checks say so, quickly.
		const one = await call('/health/site');
		const doc = assertProblem(one, 503, '/api/v1/_health');
		assert.equal(doc.database, 'down');
		assert.equal(doc.program, 'site');
		assert.equal(one.headers['retry-after'], '5');
		const all = await call('/health');
		const adoc = assertProblem(all, 503, '/api/v1/health');
		assert.equal(adoc.database, 'down');
		assert.equal(adoc.programs?.site, 'up', 'the program itself is up');
		assert.equal(all.headers['retry-after'], '5');
		const home = await call('/');
		assert.equal(home.status, 200, 'the home page needs no database');
		assert.equal((await call('/api/v1/')).status, 200);

		// Back up: the first 200 must follow MariaDB within 5 s.
		tRestart = performance.now();
		started = stackStart();
		tDbUp = await waitFor(async () => (await dbPing()) && performance.now(),
		    60000, 'MariaDB to accept connections again', 20);
		tBack = await waitFor(async () =>
		    (await call('/health/site')).status === 200 && performance.now(),
		    15000, '/health/site 200 again', 50);
		const st = await started;
		assert.equal(st.code, 0, 'stack.sh start succeeded (log/e2e-stack.log)');
	} finally {
		await load.stop();
		if (started)
			await started;
		await ensureHealthy();
		await settleDb();
	}

	const recs = load.results;
	const msg = `${recs.length} requests ${summary(recs)}`;
	t.diagnostic(`${msg}; MariaDB up ${Math.round(tDbUp - tRestart)} ms after ` +
	    `the restart began, /health/site 200 ${Math.round(tBack - tDbUp)} ms later`);
	assert.ok(tBack - tDbUp <= 5000,
	    `first 200 ${Math.round(tBack - tDbUp)} ms after MariaDB came back`);

	// Nothing hung, nothing was a 500.
	for (const r of recs) {
		assert.equal(r.err, undefined, `${r.path}: ${r.err} (${msg})`);
		assert.ok(r.t1 - r.t0 < 3000,
		    `${r.path} took ${Math.round(r.t1 - r.t0)} ms (${msg})`);
		assert.ok(r.status === 200 || r.status === 503,
		    `${r.path}: ${r.status} ${r.text} (${msg})`);
	}
	// The home page never noticed.
	const homes = recs.filter((r) => r.path === '/');
	assert.ok(homes.length > 20);
	assert.ok(homes.every((r) => r.status === 200), `home page: ${summary(homes)}`);
	// Health said 503, with Retry-After, for the whole outage.
	const during = recs.filter((r) => HEALTH.includes(r.path) &&
	    r.t0 > tDown + 50 && r.t1 < tRestart);
	assert.ok(during.length >= 10, `health checks during the outage: ${summary(during)}`);
	for (const r of during) {
		assert.equal(r.status, 503, `${r.path} during the outage: ${summary(during)}`);
		assert.equal(r.retryAfter, '5');
		assert.match(r.ctype, /^application\/problem\+json/);
	}

	// No program restart: the same supervisors, the same workers.
	assert.equal(supervisorPid('site'), sup, 'the site supervisor is the same');
	assert.ok(alive(sup));
	const log = logSince('site.log', logFrom);
	assert.doesNotMatch(log, /died/, 'no worker died');
	assert.deepEqual(processes(), before, 'the same programs and workers');
}

test('MariaDB shut down under traffic: 503 while down, back on its own', async (t) => {
	await outage(t, async () => {
		const pid = mysqldPid();
		execFileSync('mariadb-admin', ['--socket', runPath('mysql.sock'),
		    '-u', 'root', 'shutdown'], { timeout: 30000 });
		if (pid)
			await waitGone(pid, 30000);
		assert.equal(await dbPing(), false);
	});
});

test('MariaDB killed with -9 under traffic: 503 while down, back on its own', async (t) => {
	await outage(t, async () => {
		const pid = mysqldPid();
		assert.ok(alive(pid), `mysqld ${pid} is running`);
		process.kill(pid, 'SIGKILL');
		await waitGone(pid, 5000);
		assert.equal(await dbPing(), false);
	});
});

/*
 * MariaDB restarted while the programs sat idle: every worker still holds
 * a connection to the server that is gone.  Started directly (as stack.sh
 * does), so that nothing else touches the workers before the test does.
 */
async function idleRestart() {
	await ensureHealthy();
	await settleDb();
	const pid = mysqldPid();
	execFileSync('mariadb-admin', ['--socket', runPath('mysql.sock'),
	    '-u', 'root', 'shutdown'], { timeout: 30000 });
	if (pid)
		await waitGone(pid, 30000);
	startMariadb();
	await waitFor(dbPing, 60000, 'MariaDB to accept connections again', 50);
	// Past the programs' one-second pause between connection attempts.
	await sleep(1200);
}

test('after an idle MariaDB restart, the first health check on every worker is 200', async () => {
	const n = 2 * workersWanted();
	const bad = [];
	try {
		await idleRestart();
		for (const name of programNames())
			for (let i = 0; i < n; i++) {
				const res = await call(`/health/${name}`);
				if (res.status !== 200)
					bad.push(`/health/${name} #${i + 1}: ${res.status} ` +
					    res.text.slice(0, 120));
			}
	} finally {
		await settleDb();
	}
	assert.deepEqual(bad, [], 'a stale connection is replaced at once, ' +
	    'not reported as a database that is down');
});

test('after an idle MariaDB restart, the first signed-in request on every worker is answered', async () => {
	const n = 2 * workersWanted();
	const bad = [];
	try {
		await idleRestart();
		// A session cookie makes the program look the session up.
		for (let i = 0; i < n; i++) {
			const res = await get('/', { from, timeout: 5000,
			    headers: { Cookie: `agora_sid=e2e${i}${'x'.repeat(40)}` } });
			if (res.status !== 200)
				bad.push(`GET / with a session cookie #${i + 1}: ${res.status}`);
		}
	} finally {
		await settleDb();
	}
	assert.deepEqual(bad, [], 'a stale connection is replaced at once');
});
