// Helpers of the notifications tests: the notifier run by hand (with the
// stack's own timer paused), the mail spool, notifications in the database.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { VAR, spawnNotifier, sqlText } from './lib.mjs';

export {
    pauseNotifierTimer as pauseTimer, resumeNotifierTimer as resumeTimer,
} from './lib.mjs';

export const SPOOL = path.join(VAR, 'mail-notifications-test');

/* One notifier run draining the outbox (-1); resolves with its log. */
export async function runNotifier(env = {}) {
	const { code, err } = await spawnNotifier(['-1'], { AGORA_MAIL_SPOOL: SPOOL,
	    AGORA_SERVER_BASE_URL: 'http://agora.test', ...env }).done;
	assert.equal(code, 0, `notifier: ${err}`);
	return err;
}

/* The notifications rows of a user, newest first. */
export function rowsOf(uid, type = null) {
	const where = type ? ` AND type = '${type}'` : '';
	const out = sqlText(`SELECT type, title, link FROM notifications WHERE
	    user_id = ${Number(uid)}${where} ORDER BY id DESC`);
	return out === '' ? [] : out.split('\n').map((l) => {
		const [t, title, link] = l.split('\t');
		return { type: t, title, link };
	});
}

/* Spooled messages to an address of a type: [{ file, text }]. */
export function mailsTo(email, type, spool = SPOOL) {
	if (!fs.existsSync(spool))
		return [];
	return fs.readdirSync(spool).filter((f) => f.endsWith(`-${type}.eml`))
	    .map((f) => ({ file: f, text: fs.readFileSync(path.join(spool, f),
	    'utf8') })).filter((m) => m.text.includes(`\r\nTo: ${email}\r\n`));
}

/* The decoded Subject header of a spooled message: one encoded-word or
 * several, folded onto lines of their own (RFC 2047). */
export function subject(text) {
	const m = /\r\nSubject: ((?:=\?UTF-8\?B\?[^?]*\?=(?:\r\n )?)+)\r\n/.exec(text);
	if (!m)
		return null;
	const words = [...m[1].matchAll(/=\?UTF-8\?B\?([^?]*)\?=/g)];
	return Buffer.concat(words.map((w) => Buffer.from(w[1], 'base64')))
	    .toString('utf8');
}
