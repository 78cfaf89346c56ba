// A page session's idle expiry slides as it is used, but at most every
// five minutes: a request writes the session row only when its expiry
// is due to move, so the pages a person clicks through do not each
// cost a write.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { serial } from './lib.mjs';
import {
    Client, newPassword, pageSignIn, signUp, sql, uniqueEmail,
} from './accounts-lib.mjs';

await serial();
const TAG = 36;

/* The minutes from now to the session's idle expiry, as MariaDB counts. */
function idleLeft(userId) {
	return Number(sql('SELECT TIMESTAMPDIFF(MINUTE, UTC_TIMESTAMP(), ' +
	    `idle_expires_at) FROM sessions WHERE user_id = ${Number(userId)} ` +
	    'AND revoked_at IS NULL ORDER BY id DESC LIMIT 1')[0][0]);
}

test('a fresh session is not written again; one near its idle end slides to 120 minutes', async () => {
	const c = new Client(TAG);
	const email = uniqueEmail('idle');
	const password = newPassword();
	const u = await signUp(c, { email, password, role: 'externo' });
	const res = await pageSignIn(c, email, password);
	assert.equal(res.status, 303, res.text?.slice(0, 200));
	const id = u.id ?? u.user?.id;
	assert.ok(id, JSON.stringify(u));

	// Fresh: the stored expiry is left as it is (a marker shows it).
	sql(`UPDATE sessions SET idle_expires_at = UTC_TIMESTAMP() + INTERVAL 118 MINUTE WHERE user_id = ${Number(id)}`);
	let page = await c.page('GET', '/users/me');
	assert.equal(page.status, 200);
	assert.ok(idleLeft(id) <= 118, `written again: ${idleLeft(id)} minutes left`);

	// Near its end: the request slides it back to the full 120 minutes.
	sql(`UPDATE sessions SET idle_expires_at = UTC_TIMESTAMP() + INTERVAL 3 MINUTE WHERE user_id = ${Number(id)}`);
	page = await c.page('GET', '/users/me');
	assert.equal(page.status, 200);
	assert.ok(idleLeft(id) >= 119, `not slid: ${idleLeft(id)} minutes left`);

	// Past its end: signed out, nothing slides.
	sql(`UPDATE sessions SET idle_expires_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE user_id = ${Number(id)}`);
	page = await c.page('GET', '/users/me');
	assert.notEqual(page.status, 200);
	assert.ok(idleLeft(id) < 0);
});
