// Clients that hang up at every awkward moment: no worker may die of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';

import {
    connect, get, logSince, logSize, runPath, serial, sleep, sourceAddr,
    supervisorPid, workerPids,
} from './lib.mjs';

await serial();
const TIMES = 50;

/*
 * Opens a connection, writes `bytes`, then hangs up: at once, or after
 * `wait` ms.  Resolves once the socket is closed.
 */
function hangup(open, bytes, wait = 0) {
	return new Promise((resolve) => {
		const s = open();
		const bye = () => { s.destroy(); };
		s.on('error', () => {});
		s.on('close', resolve);
		s.on('connect', () => {
			s.write(bytes, () => {
				if (wait > 0)
					setTimeout(bye, wait);
				else
					bye();
			});
		});
		s.setTimeout(5000, bye);
	});
}

/* Runs fn() `n` times, `width` at a time. */
async function times(n, width, fn) {
	let next = 0;
	await Promise.all(Array.from({ length: width }, async () => {
		while (next < n) {
			next++;
			await fn();
		}
	}));
}

/* The stack as it is before a test: supervisor, workers, log offset. */
function snapshot() {
	return { sup: supervisorPid('site'), workers: workerPids('site'),
	    log: logSize('site.log') };
}

/* Every worker still the same, none logged dead, and pages still served. */
async function assertUnharmed(before) {
	await sleep(300);
	assert.equal(supervisorPid('site'), before.sup, 'the same supervisor');
	assert.deepEqual(workerPids('site'), before.workers, 'the same workers');
	assert.doesNotMatch(logSince('site.log', before.log), /died/,
	    'no worker died');
	const from = sourceAddr(17);
	const home = await get('/', { from });
	assert.equal(home.status, 200);
	const api = await get('/api/v1/', { from });
	assert.equal(api.status, 200);
}

test('half a request line, then hang up', async () => {
	const before = snapshot();
	const from = sourceAddr(17);
	await times(TIMES, 10, () => hangup(() => connect(from), 'GET /api/v1/ HT'));
	await assertUnharmed(before);
});

test('headers announcing a body, then hang up', async () => {
	const before = snapshot();
	const from = sourceAddr(17);
	const head = 'POST /api/v1/ HTTP/1.1\r\nHost: agora\r\n' +
	    'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":';
	await times(TIMES, 10, () => hangup(() => connect(from), head, 20));
	await assertUnharmed(before);
});

test('a full request, then hang up before reading the answer', async () => {
	const before = snapshot();
	const get1 = 'GET / HTTP/1.1\r\nHost: agora\r\nAccept-Encoding: gzip\r\n\r\n';
	const body = '{"a":1}';
	const post = 'POST /api/v1/ HTTP/1.1\r\nHost: agora\r\n' +
	    'Content-Type: application/json\r\n' +
	    `Content-Length: ${body.length}\r\n\r\n${body}`;
	// Fresh addresses: these reach the workers, under the rate limit.
	const a = sourceAddr(17), b = sourceAddr(17);
	await times(TIMES, 10, () => hangup(() => connect(a), get1));
	await times(TIMES, 10, () => hangup(() => connect(b), post));
	await assertUnharmed(before);
});

test('FastCGI clients that hang up mid-record leave the workers alive', async () => {
	const before = snapshot();
	const sock = runPath('site.sock');
	const open = () => net.connect(sock);
	const rec = (type, content) => {
		const h = Buffer.alloc(8);
		h[0] = 1;
		h[1] = type;
		h.writeUInt16BE(1, 2);
		h.writeUInt16BE(content.length, 4);
		return Buffer.concat([h, content]);
	};
	const begin = rec(1, Buffer.from([0, 1, 0, 0, 0, 0, 0, 0]));
	const pair = (k, v) => Buffer.concat([Buffer.from([k.length, v.length]),
	    Buffer.from(k), Buffer.from(v)]);
	const params = rec(4, Buffer.concat([pair('REQUEST_METHOD', 'GET'),
	    pair('REQUEST_URI', '/'), pair('DOCUMENT_URI', '/'),
	    pair('QUERY_STRING', '')]));
	const whole = Buffer.concat([begin, params, rec(4, Buffer.alloc(0)),
	    rec(5, Buffer.alloc(0))]);
	const cases = [
		begin.subarray(0, 3),			// half a header
		Buffer.concat([begin, params.subarray(0, 20)]),	// half the params
		Buffer.concat([begin, params]),		// params never ended
		whole,					// then gone before the answer
	];
	for (const bytes of cases)
		await times(TIMES, 3, () => hangup(open, bytes));
	await assertUnharmed(before);
});
