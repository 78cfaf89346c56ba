// The notification stream's helper for bench/stream.sh.
//
//   node bench/stream.mjs hold N       opens N streams, each for its own user
//                                      id (access tokens signed with $SECRET)
//                                      from its own loopback address, prints
//                                      "ready N" once every one has its first
//                                      event, and holds them until killed
//   node bench/stream.mjs latency R    opens one more stream, inserts R rows
//                                      for the token's user one at a time
//                                      (10..310 ms apart) through the mariadb
//                                      client, and prints the time from each
//                                      INSERT sent to its event received:
//                                      "latency n R p50 X p99 Y max Z" (ms)
//
// Environment: PORT, TOKEN, SECRET ([auth] secret), AGORA_VAR (the
// stack's MariaDB socket).
import crypto from 'node:crypto';
import http from 'node:http';
import { spawn } from 'node:child_process';
import path from 'node:path';

const PORT = Number(process.env.PORT);
const TOKEN = process.env.TOKEN;
const PATH = '/api/v1/notifications/stream';

/* An access token for any user id, as the auth program signs them. */
function sign(uid) {
	const b64 = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
	const now = Math.floor(Date.now() / 1000);
	const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: uid,
	    name: 'bench', role: 'externo', typ: 'access', iat: now,
	    exp: now + 900 })}`;
	return `${head}.${crypto.createHmac('sha256', process.env.SECRET)
	    .update(head).digest('base64url')}`;
}

function open(from, onEvent, token = TOKEN) {
	return new Promise((resolve, reject) => {
		const req = http.request({ host: '127.0.0.1', port: PORT, path: PATH,
		    agent: false, localAddress: from,
		    headers: { Authorization: `Bearer ${token}`,
			Accept: 'text/event-stream' } }, (res) => {
			if (res.statusCode !== 200) {
				reject(new Error(`stream answered ${res.statusCode}`));
				res.resume();
				return;
			}
			let pending = '';
			res.setEncoding('utf8');
			res.on('data', (chunk) => {
				pending += chunk;
				let at;
				while ((at = pending.indexOf('\n\n')) >= 0) {
					const block = pending.slice(0, at);
					pending = pending.slice(at + 2);
					const ev = /^event: (.*)$/m.exec(block);
					const data = /^data: (.*)$/m.exec(block);
					if (ev && data)
						onEvent(ev[1], JSON.parse(data[1]));
				}
			});
			resolve(req);
		});
		req.on('error', reject);
		req.end();
	});
}

function addr(i) {
	return `127.${200 + Math.floor(i / 60000) % 50}.${Math.floor(i / 250) % 240}.${1 + i % 250}`;
}

async function hold(n) {
	let ready = 0;
	const seen = new Set();
	for (let i = 0; i < n; i += 25) {
		const batch = [];
		for (let j = i; j < Math.min(n, i + 25); j++)
			batch.push(open(addr(j), () => {
				if (!seen.has(j)) {
					seen.add(j);
					ready++;
				}
			}, sign(4300000000 + j)));
		await Promise.all(batch);
	}
	while (ready < n)
		await new Promise((r) => setTimeout(r, 20));
	console.log(`ready ${n}`);
	setInterval(() => {}, 1 << 30);
}

function pct(sorted, p) {
	return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

async function latency(rows) {
	const sent = new Map();		// id -> INSERT sent
	const recv = new Map();		// id -> event received
	await open(addr(59999), (event, data) => {
		if (event === 'notification' && !recv.has(data.id))
			recv.set(data.id, performance.now());
	});
	// One client for every insert: its start-up stays out of the figures.
	const sock = path.join(process.env.AGORA_VAR, 'run', 'mysql.sock');
	const db = spawn('mariadb', ['--socket', sock, '-u', 'root', '-N', '-B',
	    '-n', 'agora'], { stdio: ['pipe', 'pipe', 'inherit'] });
	let out = '';
	const lines = [];
	db.stdout.setEncoding('utf8');
	db.stdout.on('data', (c) => {
		out += c;
		let at;
		while ((at = out.indexOf('\n')) >= 0) {
			lines.push(out.slice(0, at));
			out = out.slice(at + 1);
		}
	});
	const uid = JSON.parse(Buffer.from(TOKEN.split('.')[1], 'base64url')).sub;
	for (let i = 0; i < rows; i++) {
		const t0 = performance.now();
		db.stdin.write('INSERT INTO notifications (user_id, type, title) ' +
		    `VALUES (${uid}, 'event_changed', 'bench ${i}'); ` +
		    'SELECT LAST_INSERT_ID();\n');
		while (lines.length === 0)
			await new Promise((r) => setTimeout(r, 1));
		const id = Number(lines.shift());
		sent.set(id, t0);
		for (let w = 0; w < 3000 && !recv.has(id); w += 2)
			await new Promise((r) => setTimeout(r, 2));
		// A random pause over a whole poll period, so that the rows
		// land anywhere in the poller's cycle.
		await new Promise((r) => setTimeout(r, 10 + Math.random() * 300));
	}
	db.stdin.end();
	const s = [...sent].filter(([id]) => recv.has(id))
	    .map(([id, t0]) => recv.get(id) - t0).sort((a, b) => a - b);
	console.log(`latency n ${s.length} of ${rows} p50 ${pct(s, 0.5).toFixed(1)} ` +
	    `p99 ${pct(s, 0.99).toFixed(1)} max ${s[s.length - 1].toFixed(1)}`);
	process.exit(0);
}

const [mode, arg] = process.argv.slice(2);
if (!PORT || !TOKEN)
	throw new Error('set PORT and TOKEN');
if (mode === 'hold')
	await hold(Number(arg ?? 200));
else if (mode === 'latency')
	await latency(Number(arg ?? 200));
else
	throw new Error('usage: stream.mjs hold N | latency R');
