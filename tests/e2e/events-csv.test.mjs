// The organiser's participants spreadsheet: UTF-8 with a BOM, a header
// row, RFC 4180 quoting, cells that would run as formulas made inert,
// and nobody but the organiser (or an admin) may have it.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { assertProblem, serial } from './lib.mjs';
import {
    Client, account, publishedEvent, q, sql,
} from './events-lib.mjs';

await serial();
const TAG = 68;

/* RFC 4180 records from text (quoted fields may hold commas, quotes and
 * line breaks). */
function records(text) {
	const out = [];
	let row = [], field = '', i = 0, quoted = false;
	while (i < text.length) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i += 2;
				continue;
			}
			if (ch === '"') {
				quoted = false;
				i++;
				continue;
			}
			field += ch;
			i++;
			continue;
		}
		if (ch === '"') {
			quoted = true;
		} else if (ch === ',') {
			row.push(field);
			field = '';
		} else if (ch === '\r' && text[i + 1] === '\n') {
			row.push(field);
			out.push(row);
			row = [];
			field = '';
			i++;
		} else {
			assert.fail(`unquoted character ${JSON.stringify(ch)} at ${i}`);
		}
		i++;
	}
	assert.equal(field, '', 'the last record ends with CRLF');
	return out;
}

test('the organiser downloads a guarded, quoted CSV with a BOM', async () => {
	const ong = await account(TAG, 'ong');
	const ev = await publishedEvent(ong);
	const people = [];
	for (const name of ['=HYPERLINK("http://x.example","clic")', 'Ana "la jefa", García',
	    '+34 600', '-2+3', '@SUM(A1)', 'Línea\nnueva', 'Zoë Ñúñez']) {
		const c = new Client(TAG);
		const { signUp } = await import('./events-lib.mjs');
		const u = await signUp(c, 'externo', { name: name.replace('\n', ' ') });
		if (name.includes('\n'))
			sql(`UPDATE users SET name = ${q(name)} WHERE id = ${u.id}`);
		people.push({ ...u, name });
	}
	const states = ['approved', 'pending', 'waitlisted', 'rejected', 'cancelled',
	    'approved', 'approved'];
	sql('INSERT INTO participations (event_id, user_id, status, created_at) VALUES ' +
	    people.map((p, i) => `(${ev.id}, ${p.id}, '${states[i]}', ` +
	    `'2030-01-01 10:00:0${i}')`).join(', '));

	const res = await ong.send(`/events/${ev.id}/participants.csv`,
	    { cookies: false, token: ong.access });
	assert.equal(res.status, 200, res.text.slice(0, 200));
	assert.match(res.headers['content-type'], /^text\/csv; charset=utf-8/);
	assert.equal(res.headers['content-disposition'],
	    `attachment; filename="event-${ev.id}-participants.csv"`);
	assert.deepEqual([...res.body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM');
	const rows = records(res.body.subarray(3).toString('utf8'));
	assert.deepEqual(rows[0], ['Nombre', 'Correo electrónico', 'Estado',
	    'Inscripción (UTC)']);
	assert.equal(rows.length, 1 + people.length);
	const body = rows.slice(1);
	assert.deepEqual(body.map((r) => r[0]), [
		'\'=HYPERLINK("http://x.example","clic")', 'Ana "la jefa", García',
		'\'+34 600', '\'-2+3', '\'@SUM(A1)', 'Línea\nnueva', 'Zoë Ñúñez',
	]);
	assert.deepEqual(body.map((r) => r[1]), people.map((p) => p.email));
	assert.deepEqual(body.map((r) => r[2]), ['Aprobada', 'Pendiente de aprobación',
	    'En lista de espera', 'Rechazada', 'Cancelada', 'Aprobada', 'Aprobada']);
	assert.equal(body[0][3], '2030-01-01T10:00:00Z');
	// Every field is quoted.
	assert.ok(res.body.subarray(3).toString('utf8').startsWith('"Nombre","'));

	const en = await ong.send(`/events/${ev.id}/participants.csv?lang=en`,
	    { cookies: false, token: ong.access });
	const enRows = records(en.body.subarray(3).toString('utf8'));
	assert.deepEqual(enRows[0], ['Name', 'E-mail', 'Status', 'Signed up (UTC)']);
	assert.equal(enRows[1][2], 'Approved');

	const admin = await account(TAG, 'admin');
	const byAdmin = await admin.send(`/api/v1/events/${ev.id}/participants.csv`,
	    { cookies: false, token: admin.access });
	assert.equal(byAdmin.status, 200);
});

test('nobody else may download it', async () => {
	const ong = await account(TAG, 'ong');
	const ev = await publishedEvent(ong);
	for (const role of ['ong', 'externo', 'empresa']) {
		const c = await account(TAG, role);
		assertProblem(await c.api('GET', `/api/v1/events/${ev.id}/participants.csv`), 404);
	}
	assertProblem(await new Client(TAG).api('GET',
	    `/api/v1/events/${ev.id}/participants.csv`), 401);
	const empty = await ong.send(`/events/${ev.id}/participants.csv`,
	    { cookies: false, token: ong.access });
	assert.equal(empty.status, 200);
	assert.equal(records(empty.body.subarray(3).toString('utf8')).length, 1,
	    'only the header');
});
