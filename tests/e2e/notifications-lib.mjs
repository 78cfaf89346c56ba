// Helpers of the notifications tests: the notifier run by hand (with the
// stack's own timer paused), the mail spool, notifications in the database.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import {
    TOP, VAR, alive, runPath, sleep, sqlText, stackStart, waitFor,
} from './lib.mjs';

/* Stops the stack's notifier timer (stackStart() brings it back). */
export async function pauseTimer() {
	const f = runPath('notifier-timer.pid');
	if (!fs.existsSync(f))
		return;
	const pid = Number(fs.readFileSync(f, 'utf8'));
	try {
		execFileSync('pkill', ['-TERM', '-P', String(pid)]);
	} catch { /* no child running right now */ }
	if (alive(pid))
		process.kill(pid, 'SIGTERM');
	await waitFor(() => !alive(pid), 5000, 'the notifier timer to stop');
	await sleep(300);
	fs.rmSync(f, { force: true });
}

export async function resumeTimer() {
	assert.equal((await stackStart()).code, 0, 'the timer is back');
}

export const SPOOL = path.join(VAR, 'mail-notifications-test');

/* One notifier run draining the outbox (-1); resolves with its exit. */
export function runNotifier(env = {}) {
	const child = spawn(path.join(TOP, 'build', 'cron', 'notifier'),
	    ['-c', path.join(VAR, 'agora.conf'), '-1'], {
		env: { ...process.env, AGORA_MAIL_SPOOL: SPOOL,
		    AGORA_SERVER_TEMPLATES: path.join(TOP, 'templates'),
		    AGORA_SERVER_BASE_URL: 'http://agora.test', ...env },
		stdio: ['ignore', 'ignore', 'pipe'] });
	let err = '';
	child.stderr.on('data', (d) => { err += d; });
	return new Promise((resolve) => child.on('exit', (code) => {
		assert.equal(code, 0, `notifier: ${err}`);
		resolve(err);
	}));
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

/* The decoded Subject header of a spooled message. */
export function subject(text) {
	const m = /\r\nSubject: =\?UTF-8\?B\?([^?]*)\?=\r\n/.exec(text);
	return m ? Buffer.from(m[1], 'base64').toString('utf8') : null;
}
