// The storage program through the API: each allowed type, spoofed types,
// size limits and the quota, a decompression bomb, EXIF orientation and
// metadata stripping, private and public downloads, ranges, deletion of a
// file an event uses, path traversal, and a full disk during an upload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { VAR, assertProblem, serial, sql } from './lib.mjs';
import { Client, account, createEvent, publishedEvent } from './events-lib.mjs';
import {
    bytesPath, fileRow, fixture, jpegSize, multipart, tempFiles, uniquePng, upload,
} from './storage-lib.mjs';

await serial();
const TAG = 97;

const ong = await account(TAG, 'ong');
const other = await account(TAG, 'externo');
const admin = await account(TAG, 'admin');
const anon = new Client(TAG);

test('each allowed type is stored, re-encoded, with thumbnails', async () => {
	const cases = [
		['small.png', 'image/png', 40, 30],
		['small.webp', 'image/webp', 40, 30],
		['small.gif', 'image/png', 40, 30],	/* a GIF becomes a PNG */
		['exif6-gps.jpg', 'image/jpeg', 32, 64],
	];
	for (const [name, type, w, h] of cases) {
		const res = await upload(ong, fixture(name), { filename: name });
		assert.equal(res.status, 201, `${name}: ${res.text}`);
		const doc = res.json();
		assert.equal(doc.type, type, name);
		assert.equal(doc.width, w, name);
		assert.equal(doc.height, h, name);
		assert.equal(doc.url, `/files/${doc.id}`);
		assert.deepEqual(doc.thumbnails.map((t) => t.size), [160, 480]);
		for (const t of doc.thumbnails) {
			const wp = await anon.send(t.webp, { cookies: false });
			assert.equal(wp.status, 200);
			assert.equal(wp.headers['content-type'], 'image/webp');
			assert.equal(wp.body.subarray(8, 12).toString(), 'WEBP');
			const jp = await anon.send(t.jpeg, { cookies: false });
			assert.equal(jp.status, 200);
			assert.equal(jp.headers['content-type'], 'image/jpeg');
			assert.equal(jp.body[0], 0xff);
		}
		const row = fileRow(doc.id);
		assert.equal(row.mime, type);
		assert.ok(row.public);
		assert.ok(fs.existsSync(bytesPath(row.sha)), 'named by its hash');
	}
	const pdf = await upload(ong, fixture('doc.pdf'), { filename: 'informe.pdf' });
	assert.equal(pdf.status, 201, pdf.text);
	const doc = pdf.json();
	assert.equal(doc.type, 'application/pdf');
	assert.equal(doc.width, null);
	assert.deepEqual(doc.thumbnails, []);
	assert.equal(fileRow(doc.id).kind, 'document');
	assert.equal(fileRow(doc.id).public, false);
});

test('the type comes from the bytes: spoofed names and types get 415', async () => {
	const svg = await upload(ong, fixture('evil.svg'), { filename: 'photo.jpg',
	    type: 'image/jpeg' });
	const p = assertProblem(svg, 415);
	assert.match(p.detail, /JPEG, PNG, WebP o GIF/);
	assertProblem(await upload(ong, fixture('evil.html'),
	    { filename: 'a.png', type: 'image/png' }), 415);
	assertProblem(await upload(ong, fixture('evil.svg'),
	    { filename: 'a.svg', type: 'image/svg+xml', fields: { kind: 'image' } }), 415);
	assertProblem(await upload(ong, fixture('small.png'),
	    { filename: 'a.pdf', type: 'application/pdf', fields: { kind: 'document' } }), 415);
	assertProblem(await upload(ong, fixture('doc.pdf'),
	    { filename: 'a.jpg', fields: { kind: 'cover', event_id: 1 } }), 415);
});

test('too large for the kind, or past the gateway, is 413', async () => {
	const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0);
	fixture('exif6-gps.jpg').copy(big);
	const res = await upload(ong, big, { filename: 'big.jpg', fields: { kind: 'image' } });
	assertProblem(res, 413);
	const huge = Buffer.alloc(22 * 1024 * 1024, 0x41);
	assertProblem(await upload(ong, huge, { filename: 'huge.jpg' }), 413);
	assert.deepEqual(tempFiles(), []);
});

test('over the quota is 413 and keeps nothing', async () => {
	const c = await account(TAG, 'externo');
	sql(`INSERT INTO files (owner_id, kind, mime, size, sha256, public) ` +
	    `VALUES (${c.user.id}, 'document', 'application/pdf', ` +
	    `${200 * 1024 * 1024 - 100}, REPEAT('0', 64), 0)`);
	const before = sql(`SELECT COUNT(*) FROM files WHERE owner_id = ${c.user.id}`)[0][0];
	const p = assertProblem(await upload(c, fixture('small.png')), 413);
	assert.match(p.detail, /espacio/);
	assert.equal(sql(`SELECT COUNT(*) FROM files WHERE owner_id = ${c.user.id}`)[0][0], before);
});

test('a decompression bomb is refused before decoding', async () => {
	const p = assertProblem(await upload(ong, fixture('bomb.png'),
	    { filename: 'bomb.png' }), 422);
	assert.match(p.detail, /píxeles/);
});

test('EXIF orientation is applied and every tag (GPS too) is gone', async () => {
	const src = fixture('exif6-gps.jpg');
	assert.ok(src.includes('AgoraCam') && src.includes('Exif'));
	const res = await upload(ong, src, { filename: 'gps.jpg' });
	assert.equal(res.status, 201);
	const doc = res.json();
	const got = await anon.send(doc.url, { cookies: false });
	assert.equal(got.status, 200);
	assert.deepEqual(jpegSize(got.body), { width: 32, height: 64 });
	assert.ok(!got.body.includes('Exif'), 'no EXIF block');
	assert.ok(!got.body.includes('AgoraCam'), 'no camera make');
	const th = await anon.send(`/files/${doc.id}/thumb/160.jpg`, { cookies: false });
	assert.ok(!th.body.includes('Exif'));
	assert.deepEqual(jpegSize(th.body), { width: 32, height: 64 });
});

test('public pictures for everyone, cached long; documents only for their owner', async () => {
	const img = (await upload(ong, fixture('small.png'))).json();
	const pub = await anon.send(img.url, { cookies: false });
	assert.equal(pub.status, 200);
	assert.match(pub.headers['cache-control'], /public, max-age=31536000/);
	assert.equal(pub.headers['x-content-type-options'], 'nosniff');
	assert.equal(pub.headers['set-cookie'], undefined);
	assert.ok(pub.headers.etag);
	const again = await anon.send(img.url, { cookies: false,
	    headers: { 'If-None-Match': pub.headers.etag } });
	assert.equal(again.status, 304);

	const doc = (await upload(ong, fixture('doc.pdf'),
	    { filename: '../../etc/Informe final ñ.pdf' })).json();
	const mine = await ong.send(doc.url, { cookies: false });
	assert.equal(mine.status, 200);
	assert.equal(mine.headers['content-type'], 'application/pdf');
	assert.match(mine.headers['cache-control'], /private, no-store/);
	assert.equal(mine.headers['content-disposition'],
	    'attachment; filename="Informe_final___.pdf"; ' +
	    "filename*=UTF-8''Informe%20final%20%C3%B1.pdf");
	assert.equal(fileRow(doc.id).name, 'Informe final ñ.pdf');
	assert.equal((await other.send(doc.url, { cookies: false })).status, 404);
	assert.equal((await anon.send(doc.url, { cookies: false })).status, 404);
	assert.equal((await admin.send(doc.url, { cookies: false })).status, 200);
});

test('a draft\'s cover and a private mega event\'s pictures are hidden with them', async () => {
	const draft = await createEvent(ong);
	const cover = (await upload(ong, uniquePng(), { fields: { kind: 'cover',
	    event_id: draft.id } })).json();
	const thumb = `${cover.url}/thumb/160.jpg`;
	for (const u of [cover.url, thumb]) {
		assert.equal((await anon.send(u, { cookies: false })).status, 404, u);
		assert.equal((await other.send(u, { cookies: false })).status, 404, u);
		const own = await ong.send(u, { cookies: false });
		assert.equal(own.status, 200, u);
		assert.match(own.headers['cache-control'], /private, no-store/);
		assert.equal((await admin.send(u, { cookies: false })).status, 200, u);
	}
	// Nor does deleting it tell that it exists.
	assertProblem(await other.api('DELETE', `/api/v1/files/${cover.id}`), 404);
	const res = await ong.api('POST', `/api/v1/events/${draft.id}/publish`);
	assert.equal(res.status, 200, res.text);
	assert.equal((await anon.send(cover.url, { cookies: false })).status, 200,
	    'published, it is everyone\'s');

	const me = await ong.api('POST', '/api/v1/megaevents', {
	    title: `Festival privado ${Date.now()}`, description: 'Sólo invitados.',
	    category_id: 1, starts_at: '2031-04-16T10:00:00Z',
	    ends_at: '2031-04-18T21:00:00Z', is_public: false });
	assert.equal(me.status, 201, me.text);
	const pic = (await upload(ong, uniquePng(), { fields: { kind: 'gallery',
	    megaevent_id: me.json().id } })).json();
	assert.equal((await anon.send(pic.url, { cookies: false })).status, 404);
	assert.equal((await ong.send(pic.url, { cookies: false })).status, 200);
	await ong.api('PATCH', `/api/v1/megaevents/${me.json().id}`, { is_public: true });
	assert.equal((await anon.send(pic.url, { cookies: false })).status, 200);
});

test('ranges are served by the gateway', async () => {
	const img = (await upload(ong, fixture('exif6-gps.jpg'))).json();
	const res = await anon.send(img.url, { cookies: false, headers: { Range: 'bytes=0-9' } });
	assert.equal(res.status, 206);
	assert.equal(res.body.length, 10);
	assert.match(res.headers['content-range'], /^bytes 0-9\/\d+$/);
});

test('no path escapes the store', async () => {
	for (const p of ['/files/..%2f..%2fetc%2fpasswd', '/files/1/thumb/..%2f..%2fx',
	    '/files/1/thumb/160.svg', '/files/0', '/files/1/thumb/99.jpg',
	    '/_files/', '/files/1/..%2f..%2f..%2fetc%2fpasswd']) {
		const res = await anon.send(p, { cookies: false });
		assert.ok([400, 404].includes(res.status), `${p}: ${res.status}`);
		assert.ok(!res.text.includes('root:'), p);
	}
});

test('a cover in use is detached on delete; bytes go with the last row', async () => {
	const ev = await createEvent(ong);
	const png = uniquePng();
	const a = await upload(ong, png,
	    { fields: { kind: 'cover', event_id: ev.id } });
	assert.equal(a.status, 201, a.text);
	const fa = a.json();
	assert.equal(sql(`SELECT cover_file_id FROM events WHERE id = ${ev.id}`)[0][0], String(fa.id));
	const b = (await upload(ong, png)).json();
	const sha = fileRow(fa.id).sha;
	assert.equal(fileRow(b.id).sha, sha, 'the same bytes, one copy');

	// A draft's cover is nobody else's to see: 404, not 403. A public
	// picture of someone else's is 403.
	assertProblem(await other.api('DELETE', `/api/v1/files/${fa.id}`), 404);
	assertProblem(await other.api('DELETE', `/api/v1/files/${b.id}`), 403);
	const del = await ong.api('DELETE', `/api/v1/files/${fa.id}`);
	assert.equal(del.status, 204, del.text);
	assert.equal(sql(`SELECT IFNULL(cover_file_id, 'none') FROM events WHERE id = ${ev.id}`)[0][0], 'none');
	assert.equal(fileRow(fa.id), null);
	assert.ok(fs.existsSync(bytesPath(sha)), 'still used by the other row');
	assert.equal((await anon.send(fa.url, { cookies: false })).status, 404);
	assert.equal((await admin.api('DELETE', `/api/v1/files/${b.id}`)).status, 204);
	assert.ok(!fs.existsSync(bytesPath(sha)), 'gone with the last row');
	assert.ok(!fs.existsSync(bytesPath(sha, '-160.webp')));

	/* Another NGO: a draft does not exist for it, a public event is not its. */
	const other2 = await account(TAG, 'ong');
	assertProblem(await upload(other2, fixture('small.png'),
	    { fields: { kind: 'cover', event_id: ev.id } }), 404);
	const pub = await publishedEvent(ong);
	assertProblem(await upload(other2, fixture('small.png'),
	    { fields: { kind: 'cover', event_id: pub.id } }), 403);
	assertProblem(await upload(ong, fixture('small.png'),
	    { fields: { kind: 'cover', event_id: 999999999 } }), 404);
	const okc = await upload(ong, fixture('small.png'),
	    { fields: { kind: 'cover', event_id: pub.id } });
	assert.equal(okc.status, 201);
	const topics = sql('SELECT topic, JSON_VALUE(payload, \'$.title\') FROM outbox ' +
	    `WHERE JSON_VALUE(payload, '$.event_id') = ${pub.id} ORDER BY id DESC LIMIT 1`);
	assert.equal(topics[0][0], 'event.updated');
	assert.equal(topics[0][1], pub.title);
});

test('a private file of someone else cannot be deleted: 404', async () => {
	const doc = (await upload(ong, fixture('doc.pdf'))).json();
	assertProblem(await other.api('DELETE', `/api/v1/files/${doc.id}`), 404);
	assert.ok(fileRow(doc.id));
});

test('a broken or non-multipart body is refused', async () => {
	const m = multipart([{ name: 'file', filename: 'a.png', type: 'image/png',
	    data: fixture('small.png') }]);
	const cut = m.body.subarray(0, m.body.length - 12);
	const res = await ong.send('/api/v1/files', { method: 'POST', body: cut,
	    type: m.type, cookies: false });
	assertProblem(res, 400);
	assertProblem(await ong.api('POST', '/api/v1/files', { file: 'x' }), 415);
	const none = multipart([{ name: 'kind', value: 'image' }]);
	assertProblem(await ong.send('/api/v1/files', { method: 'POST',
	    body: none.body, type: none.type, cookies: false }), 422);
	assertProblem(await anon.send('/api/v1/files', { method: 'POST',
	    body: none.body, type: none.type, cookies: false }), 401);
	assert.deepEqual(tempFiles(), []);
});

test('a full disk mid-upload leaves neither a half file nor a row', async (t) => {
	const tmp = path.join(VAR, 'files', 'tmp');
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', tmp],
		    { stdio: 'ignore' });
	} catch {
		t.skip('cannot mount a small tmpfs here');
		return;
	}
	try {
		const before = sql('SELECT COUNT(*) FROM files')[0][0];
		const pdf = Buffer.concat([fixture('doc.pdf'), Buffer.alloc(300 * 1024, 0x20)]);
		const p = assertProblem(await upload(ong, pdf, { filename: 'full.pdf' }), 507);
		assert.match(p.detail, /lleno/);
		assert.equal(sql('SELECT COUNT(*) FROM files')[0][0], before);
		assert.deepEqual(fs.readdirSync(tmp), []);
	} finally {
		execFileSync('umount', [tmp]);
	}
	assert.equal((await upload(ong, fixture('small.png'))).status, 201);
});
