// Helpers for the storage tests: multipart bodies built by hand, the
// fixtures, where a file's bytes live on disk, and JPEG header reading.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import { TOP, VAR, sql } from './lib.mjs';

export const FIX = path.join(TOP, 'tests/e2e/fixtures/storage');

export function fixture(name) {
	return fs.readFileSync(path.join(FIX, name));
}

/*
 * A multipart/form-data body.  parts: [{ name, value }] for fields and
 * [{ name, filename, type, data }] for files, in order.
 */
export function multipart(parts) {
	const boundary = `----agora${crypto.randomBytes(8).toString('hex')}`;
	const chunks = [];
	for (const p of parts) {
		let head = `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
		if (p.filename !== undefined)
			head += `; filename="${p.filename}"`;
		head += '\r\n';
		if (p.type)
			head += `Content-Type: ${p.type}\r\n`;
		chunks.push(Buffer.from(head + '\r\n'));
		chunks.push(Buffer.isBuffer(p.data) ? p.data : Buffer.from(String(p.value ?? p.data ?? '')));
		chunks.push(Buffer.from('\r\n'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

/* Sends a file through the API as client (bearer token). */
export function upload(client, data, opts = {}) {
	const parts = [];
	for (const [k, v] of Object.entries(opts.fields ?? {}))
		parts.push({ name: k, value: String(v) });
	parts.push({ name: 'file', filename: opts.filename ?? 'upload.bin',
	    type: opts.type ?? 'application/octet-stream', data });
	const m = multipart(parts);
	return client.send('/api/v1/files', { method: 'POST', body: m.body,
	    type: m.type, cookies: false, timeout: 20000 });
}

/* The row of a file, as an object. */
export function fileRow(id) {
	const r = sql(`SELECT owner_id, kind, mime, size, sha256, public, ` +
	    `IFNULL(name, '') FROM files WHERE id = ${Number(id)}`);
	if (r.length === 0)
		return null;
	const [owner, kind, mime, size, sha, pub, name] = r[0];
	return { owner: Number(owner), kind, mime, size: Number(size), sha,
	    public: pub === '1', name };
}

/* Where the bytes of a hash live. */
export function bytesPath(sha, suffix = '') {
	return path.join(VAR, 'files', sha.slice(0, 2), sha.slice(2, 4), sha + suffix);
}

/* Width and height from a JPEG's frame header. */
export function jpegSize(buf) {
	let i = 2;
	while (i + 9 < buf.length) {
		if (buf[i] !== 0xff)
			return null;
		const m = buf[i + 1];
		const len = buf.readUInt16BE(i + 2);
		if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc)
			return { height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7) };
		i += 2 + len;
	}
	return null;
}

/* The temporary files an upload could leave behind. */
export function tempFiles() {
	return fs.readdirSync(path.join(VAR, 'files', 'tmp'));
}

/* A w x h PNG of one random colour: pictures no other test shares. */
export function uniquePng(w = 24, h = 16) {
	const chunk = (type, data) => {
		const len = Buffer.alloc(4);
		len.writeUInt32BE(data.length);
		const td = Buffer.concat([Buffer.from(type), data]);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(zlib.crc32(td));
		return Buffer.concat([len, td, crc]);
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(w, 0);
	ihdr.writeUInt32BE(h, 4);
	ihdr[8] = 8;
	ihdr[9] = 2;
	const rgb = crypto.randomBytes(3);
	const raw = Buffer.alloc(h * (1 + 3 * w));
	for (let y = 0; y < h; y++)
		for (let x = 0; x < w; x++)
			rgb.copy(raw, y * (1 + 3 * w) + 1 + 3 * x);
	return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
	    chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)),
	    chunk('IEND', Buffer.alloc(0))]);
}
