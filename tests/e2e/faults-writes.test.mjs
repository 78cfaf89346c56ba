// No acknowledged write is lost: sign-ups keep arriving while MariaDB is
// killed with -9 and started again; every one answered 201 must be in the
// database afterwards, and none answered otherwise may be half there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

import {
    alive, dbPing, ensureHealthy, request, runPath, serial, settleDb, sleep, sourceAddr, sqlText, stackStart, summary, waitGone,
} from './lib.mjs';

await serial();


/* One sign-up loop: a new account per request, each from its own address
 * so the sign-in rate limit never applies. */
function signups(run, results, stopped) {
	return (async () => {
		for (let i = 0; !stopped(); i++) {
			const email = `w-${run}-${i}@faults.example`;
			const rec = { email, t0: performance.now() };
			try {
				const res = await request('/api/v1/auth/register', {
				    method: 'POST', from: sourceAddr(17), timeout: 8000,
				    headers: { 'Content-Type': 'application/json' },
				    body: JSON.stringify({ email, password: 'Escribir-sin-perder-9',
				    name: 'Prueba', role: 'externo' }) });
				rec.status = res.status;
			} catch (e) {
				rec.err = e.code ?? e.message;
			}
			results.push(rec);
			if (rec.status !== 201)
				await sleep(50);
		}
	})();
}

test('sign-ups acknowledged while MariaDB is killed and restarted are all kept', async (t) => {
	await ensureHealthy();
	const run = `${process.pid}-${Date.now()}`;
	const results = [];
	let stop = false;
	const loops = Array.from({ length: 4 }, (_, k) =>
	    signups(`${run}-${k}`, results, () => stop));
	try {
		await sleep(1500);
		const pid = Number(fs.readFileSync(runPath('mysqld.pid'), 'utf8'));
		assert.ok(alive(pid));
		process.kill(pid, 'SIGKILL');
		await waitGone(pid, 5000);
		await sleep(1000);
		const st = await stackStart();
		assert.equal(st.code, 0, 'stack.sh start brought MariaDB back');
		assert.ok(await dbPing());
		await sleep(2000);
	} finally {
		stop = true;
		await Promise.all(loops);
		await ensureHealthy();
		await settleDb();
	}
	const ok = results.filter((r) => r.status === 201);
	t.diagnostic(`${results.length} sign-ups: ${summary(results)}`);
	assert.ok(ok.length >= 10, `enough acknowledged writes: ${summary(results)}`);
	assert.ok(results.some((r) => r.status !== 201),
	    `the outage was seen: ${summary(results)}`);
	for (const r of results)
		assert.ok(r.status === 201 || r.status === 503 || r.status === 409 ||
		    r.err !== undefined, `${r.email}: ${r.status ?? r.err}`);

	const stored = new Set(sqlText(`SELECT email FROM users WHERE email LIKE
	    'w-${run}-%'`).split('\n').filter(Boolean));
	for (const r of ok)
		assert.ok(stored.has(r.email), `${r.email} was acknowledged and lost`);
	// Whatever was stored is whole: the account, its outbox row, nothing half.
	const whole = sqlText(`SELECT COUNT(*) FROM users u WHERE u.email LIKE
	    'w-${run}-%' AND NOT EXISTS (SELECT 1 FROM outbox o WHERE
	    o.topic = 'user.registered' AND
	    JSON_VALUE(o.payload, '$.user_id') = u.id)`).trim();
	assert.equal(whole, '0', 'every stored account has its outbox row');
});
