// The storage program from pages without JavaScript: multipart forms with
// the CSRF token, an event's cover, a mega event's gallery, the avatar,
// my files and deleting from a form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';

import { serial, sql } from './lib.mjs';
import { account, createEvent, pageSignIn } from './events-lib.mjs';
import { fileRow, fixture, multipart, uniquePng } from './storage-lib.mjs';

await serial();
const TAG = 98;

const ong = await account(TAG, 'ong');
await pageSignIn(ong, ong.user.email, ong.user.password);

/* A page form: _csrf first, as the templates put it, then the file. */
function send(client, fields, file, opts) {
	const parts = [];
	if (opts?.csrf !== false)
		parts.push({ name: '_csrf', value: client.cookie('agora_csrf') });
	for (const [k, v] of Object.entries(fields))
		parts.push({ name: k, value: String(v) });
	parts.push({ name: 'file', filename: 'photo.png', type: 'image/png', data: file });
	const m = multipart(parts);
	return client.send('/files', { method: 'POST', body: m.body, type: m.type,
	    html: true, token: false });
}

test('a form upload needs the CSRF token before the file', async () => {
	const before = sql(`SELECT COUNT(*) FROM files WHERE owner_id = ${ong.user.id}`)[0][0];
	const res = await send(ong, { kind: 'image' }, uniquePng(), { csrf: false });
	assert.equal(res.status, 403);
	assert.equal(sql(`SELECT COUNT(*) FROM files WHERE owner_id = ${ong.user.id}`)[0][0], before);
	const ok = await send(ong, { kind: 'image' }, uniquePng());
	assert.equal(ok.status, 303, ok.text.slice(0, 300));
	assert.equal(ok.headers.location, '/files');
	const page = await ong.page('GET', '/files');
	assert.equal(page.status, 200);
	assert.match(page.text, /enctype="multipart\/form-data"/);
	assert.match(page.text, /\/thumb\/160\.jpg/);
});

test('an event cover from its page: uploaded, shown as a thumbnail', async () => {
	const ev = await createEvent(ong);
	const show = await ong.page('GET', `/events/${ev.id}`);
	assert.match(show.text, /name="kind" value="cover"/);
	assert.doesNotMatch(show.text, /thumb\/480/);
	const res = await send(ong, { kind: 'cover', event_id: ev.id }, fixture('exif6-gps.jpg'));
	assert.equal(res.status, 303, res.text.slice(0, 300));
	assert.equal(res.headers.location, `/events/${ev.id}`);
	const id = sql(`SELECT cover_file_id FROM events WHERE id = ${ev.id}`)[0][0];
	const again = await ong.page('GET', `/events/${ev.id}`);
	assert.match(again.text, new RegExp(`src="/files/${id}/thumb/480\\.jpg"`));
	const img = await ong.send(`/files/${id}/thumb/480.jpg`);
	assert.equal(img.status, 200);
	assert.equal(img.headers['content-type'], 'image/jpeg');
});

test('a mega event gallery gets a picture with its caption, at the end', async () => {
	const cat = sql('SELECT id FROM megaevent_categories WHERE retired_at IS NULL LIMIT 1')[0][0];
	const me = await ong.api('POST', '/api/v1/megaevents', {
		title: `Festival ${crypto.randomBytes(3).toString('hex')}`,
		description: 'Tres días.', category_id: Number(cat),
		starts_at: '2027-04-16T10:00:00Z', ends_at: '2027-04-18T21:00:00Z',
	});
	assert.equal(me.status, 201, me.text);
	const mid = me.json().id;
	for (const caption of ['Primera', 'Segunda']) {
		const res = await send(ong, { kind: 'gallery', megaevent_id: mid, caption }, uniquePng());
		assert.equal(res.status, 303, res.text.slice(0, 300));
		assert.equal(res.headers.location, `/megaevents/${mid}#gallery`);
	}
	const rows = sql(`SELECT caption, position, file_id FROM megaevent_images WHERE megaevent_id = ${mid} ORDER BY position`);
	assert.deepEqual(rows.map((r) => r[0]), ['Primera', 'Segunda']);
	const page = await ong.page('GET', `/megaevents/${mid}`);
	assert.match(page.text, new RegExp(`/files/${rows[0][2]}/thumb/480\\.jpg`));
	assert.match(page.text, /name="kind" value="gallery"/);
	/* Deleting the file takes it out of the gallery. */
	const del = await ong.post(`/files/${rows[0][2]}/delete`);
	assert.equal(del.status, 303);
	assert.equal(sql(`SELECT COUNT(*) FROM megaevent_images WHERE megaevent_id = ${mid}`)[0][0], '1');
	assert.equal(fileRow(rows[0][2]), null);
});

test('an avatar from the profile page', async () => {
	const res = await send(ong, { kind: 'avatar' }, uniquePng());
	assert.equal(res.status, 303, res.text.slice(0, 300));
	assert.equal(res.headers.location, '/users/me');
	const id = sql(`SELECT avatar_file_id FROM users WHERE id = ${ong.user.id}`)[0][0];
	const me = await ong.page('GET', '/users/me');
	assert.match(me.text, new RegExp(`/files/${id}/thumb/160\\.jpg`));
	assert.equal(fileRow(id).kind, 'avatar');
});

test('a refused file on a page is a page that says why', async () => {
	const res = await send(ong, { kind: 'image' }, fixture('evil.svg'));
	assert.equal(res.status, 415);
	assert.match(res.headers['content-type'], /text\/html/);
	assert.match(res.text, /JPEG, PNG, WebP o GIF/);
});

test('a multipart body on another route is 415, never a way round CSRF', async () => {
	const ok = await send(ong, { kind: 'image' }, uniquePng());
	assert.equal(ok.status, 303);
	const id = sql(`SELECT MAX(id) FROM files WHERE owner_id = ${ong.user.id}`)[0][0];
	const m = multipart([{ name: 'x', value: '1' }]);
	const res = await ong.send(`/files/${id}/delete`, { method: 'POST', body: m.body,
	    type: m.type, html: true, token: false });
	assert.equal(res.status, 415);
	assert.ok(fileRow(id), 'still there');
});

test('a picture already uploaded can be picked as a cover, not a document', async () => {
	const ev = await createEvent(ong);
	const show = await ong.page('GET', `/events/${ev.id}`);
	assert.match(show.text, new RegExp(`href="/files\\?event_id=${ev.id}"`));
	assert.equal((await send(ong, { kind: 'image' }, uniquePng())).status, 303);
	const id = sql(`SELECT MAX(id) FROM files WHERE owner_id = ${ong.user.id}`)[0][0];
	const pick = await ong.page('GET', `/files?event_id=${ev.id}`);
	assert.equal(pick.status, 200);
	assert.match(pick.text, new RegExp(`action="/files/${id}/attach"`));
	const res = await ong.post(`/files/${id}/attach`, { kind: 'cover', event_id: ev.id });
	assert.equal(res.status, 303, res.text.slice(0, 200));
	assert.equal(res.headers.location, `/events/${ev.id}`);
	assert.equal(sql(`SELECT cover_file_id FROM events WHERE id = ${ev.id}`)[0][0], id);

	const m = multipart([{ name: 'file', filename: 'a.pdf', data: fixture('doc.pdf') }]);
	const up = await ong.send('/api/v1/files', { method: 'POST', body: m.body, type: m.type,
	    cookies: false });
	assert.equal(up.status, 201);
	const doc = up.json().id;
	assert.equal((await ong.api('POST', `/api/v1/files/${doc}/attach`,
	    { kind: 'avatar' })).status, 422);
	const stranger = await account(TAG, 'externo');
	assert.equal((await stranger.api('POST', `/api/v1/files/${id}/attach`,
	    { kind: 'avatar' })).status, 404);
	assert.equal((await ong.api('POST', `/api/v1/files/${id}/attach`,
	    { kind: 'avatar' })).status, 204);
	assert.equal(sql(`SELECT avatar_file_id FROM users WHERE id = ${ong.user.id}`)[0][0], id);
	assert.equal((await ong.post(`/files/${id}/attach`, { kind: 'cover', event_id: ev.id,
	    _csrf: null })).status, 403);
});
