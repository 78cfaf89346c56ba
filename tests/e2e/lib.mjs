// Shared helpers for Ágora's black-box HTTP tests: requests through the
// stack's nginx, the programs' pids, polling, paced traffic, and putting a
// disturbed stack back on its feet.
//
// Environment (set by tests/run.sh): AGORA_URL, AGORA_VAR, PORT.
//
// Every test file sends from its own loopback address (127.<tag>.x.y): nginx
// limits requests per address, so one file's bursts never throttle another,
// nor the browser tests that run afterwards from 127.0.0.1.

import { execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

export { sleep };

export const TOP = fileURLToPath(new URL('../..', import.meta.url));

function base() {
	if (process.env.AGORA_URL)
		return new URL(process.env.AGORA_URL);
	if (process.env.PORT)
		return new URL(`http://127.0.0.1:${process.env.PORT}`);
	throw new Error('set AGORA_URL (or PORT) to the stack under test');
}

export const BASE = base();
export const HOST = BASE.hostname;
export const PORT = Number(BASE.port || 80);
export const VAR = process.env.AGORA_VAR ?? '';

/* The absolute URL of a path on the stack. */
export function url(p = '/') {
	return new URL(p, BASE).href;
}

/* A run directory path; the tests that read pids need AGORA_VAR. */
export function runPath(name) {
	if (VAR === '')
		throw new Error('set AGORA_VAR to the stack\'s directory');
	return path.join(VAR, 'run', name);
}

export function logPath(name) {
	if (VAR === '')
		throw new Error('set AGORA_VAR to the stack\'s directory');
	return path.join(VAR, 'log', name);
}

// ---------------------------------------------------------------- addresses

let bindOk = true;

/* A fresh loopback address for one file (tag 10..250) and run. */
export function sourceAddr(tag) {
	const r = (n) => Math.floor(Math.random() * n);
	return `127.${tag}.${r(256)}.${1 + r(254)}`;
}

// ----------------------------------------------------------------- requests

/*
 * One HTTP request on its own connection.  Resolves with
 * { status, headers, body (Buffer), text, json(), ms }; rejects on a
 * network error or when no complete answer came within `timeout` ms.
 *   opts: method, headers, body (string|Buffer), timeout, from (address)
 */
export function request(p, opts = {}) {
	const method = opts.method ?? 'GET';
	const timeout = opts.timeout ?? 5000;
	const headers = { ...(opts.headers ?? {}) };
	const body = opts.body === undefined ? null :
	    Buffer.isBuffer(opts.body) ? opts.body : Buffer.from(opts.body);
	if (body !== null && headers['Content-Length'] === undefined)
		headers['Content-Length'] = String(body.length);
	const t0 = performance.now();

	return new Promise((resolve, reject) => {
		let done = false;
		const req = http.request({
			host: HOST, port: PORT, path: p, method, headers,
			agent: false,
			localAddress: bindOk && opts.from ? opts.from : undefined,
		}, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => {
				if (done)
					return;
				done = true;
				clearTimeout(timer);
				const buf = Buffer.concat(chunks);
				resolve({
					status: res.statusCode,
					headers: res.headers,
					body: buf,
					text: buf.toString('utf8'),
					json() { return JSON.parse(buf.toString('utf8')); },
					ms: performance.now() - t0,
				});
			});
			res.on('error', fail);
		});
		const timer = setTimeout(() => {
			fail(new Error(`no answer in ${timeout} ms: ${method} ${p.slice(0, 80)}`));
			req.destroy();
		}, timeout);
		function fail(e) {
			if (done)
				return;
			if (e.code === 'EADDRNOTAVAIL' && bindOk && opts.from) {
				// No 127/8 here: fall back to the default address.
				bindOk = false;
				clearTimeout(timer);
				done = true;
				request(p, opts).then(resolve, reject);
				return;
			}
			done = true;
			clearTimeout(timer);
			e.ms = performance.now() - t0;
			reject(e);
		}
		req.on('error', fail);
		if (body !== null)
			req.write(body);
		req.end();
	});
}

/* GET with a timeout; the same answer shape as request(). */
export function get(p, opts = {}) {
	return request(p, { ...opts, method: 'GET' });
}

/* A raw TCP connection to nginx from the given address. */
export function connect(from) {
	return net.connect({ host: HOST, port: PORT,
	    localAddress: bindOk && from ? from : undefined });
}

// --------------------------------------------------------------- assertions

/* The message catalogs the programs answer from. */
const catalogs = {};
export function catalog(lang) {
	if (catalogs[lang] === undefined)
		catalogs[lang] = JSON.parse(fs.readFileSync(
		    path.join(TOP, 'templates', 'i18n', `${lang}.json`), 'utf8'));
	return catalogs[lang];
}

/*
 * Asserts an RFC 9457 problem document with the given status; `instance`
 * (when given) must match.  Returns the parsed document.
 */
export function assertProblem(res, status, instance) {
	const what = `${status} problem document (got ${res.status} ` +
	    `${res.headers['content-type']}: ${res.text.slice(0, 160)})`;
	assert.equal(res.status, status, what);
	assert.match(res.headers['content-type'] ?? '',
	    /^application\/problem\+json\b/, what);
	const doc = JSON.parse(res.text);
	assert.equal(typeof doc.type, 'string', what);
	assert.equal(typeof doc.title, 'string', what);
	assert.ok(doc.title.length > 0, what);
	assert.equal(doc.status, status, what);
	assert.equal(typeof doc.detail, 'string', what);
	if (instance !== undefined)
		assert.equal(doc.instance, instance, what);
	return doc;
}

/* The value of <html lang="..."> in a page. */
export function htmlLang(text) {
	const m = /<html[^>]*\blang="([^"]*)"/.exec(text);
	return m ? m[1] : null;
}

/* The text of a page's <title>, entities decoded. */
export function pageTitle(text) {
	const m = /<title>([^<]*)<\/title>/.exec(text);
	if (!m)
		return null;
	return m[1].replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"')
	    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/* Set-Cookie headers as { name: full header line }. */
export function cookies(res) {
	const out = {};
	for (const line of res.headers['set-cookie'] ?? [])
		out[line.split('=')[0].trim()] = line;
	return out;
}

// --------------------------------------------------------------- processes

/* Whether a process exists (and is not a zombie). */
export function alive(pid) {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
	} catch {
		return false;
	}
}

/* The supervisor pid of a program, from $AGORA_VAR/run/<prog>.pid. */
export function supervisorPid(prog = 'site') {
	try {
		return Number(fs.readFileSync(runPath(`${prog}.pid`), 'utf8').trim());
	} catch {
		return 0;
	}
}

/* The live (non-zombie) children of a pid, sorted. */
export function childPids(ppid) {
	if (!ppid)
		return [];
	let out;
	try {
		out = execFileSync('pgrep', ['-P', String(ppid)], { encoding: 'utf8' });
	} catch {
		return [];	// pgrep exits 1 when there are none
	}
	return out.split('\n').filter(Boolean).map(Number).filter(alive)
	    .sort((a, b) => a - b);
}

/* A program's worker pids: its supervisor's children. */
export function workerPids(prog = 'site') {
	return childPids(supervisorPid(prog));
}

/* The programs the stack runs, from its agora.conf. */
export function programNames() {
	try {
		const conf = fs.readFileSync(path.join(VAR, 'agora.conf'), 'utf8');
		const m = /^programs = (.*)$/m.exec(conf);
		if (m)
			return m[1].split(/[, ]+/).filter(Boolean);
	} catch { /* fall through */ }
	return ['site'];
}

/* Every program's supervisor and workers: { name: { sup, workers } }. */
export function processes() {
	const out = {};
	for (const name of programNames())
		out[name] = { sup: supervisorPid(name), workers: workerPids(name) };
	return out;
}

/* The workers each program is configured to run. */
export function workersWanted() {
	try {
		const conf = fs.readFileSync(path.join(VAR, 'agora.conf'), 'utf8');
		const m = /^workers = (\d+)/m.exec(conf);
		if (m)
			return Number(m[1]);
	} catch { /* fall through */ }
	return Number(process.env.WORKERS ?? 4);
}

/* Waits for a process to go away. */
export async function waitGone(pid, ms = 5000) {
	await waitFor(() => !alive(pid), ms, `pid ${pid} to exit`);
}

/*
 * Polls cond() (sync or async) every `step` ms until it returns a truthy
 * value, which is returned; throws when `ms` pass first.  A cond that
 * throws counts as false.
 */
export async function waitFor(cond, ms, what = 'condition', step = 50) {
	const end = performance.now() + ms;
	let last;
	for (;;) {
		try {
			const v = await cond();
			if (v)
				return v;
		} catch (e) {
			last = e;
		}
		if (performance.now() >= end)
			throw new Error(`timed out after ${ms} ms waiting for ${what}` +
			    (last ? ` (last error: ${last.message})` : ''));
		await sleep(step);
	}
}

/* A log's size now, to read what it gains later with logSince(). */
export function logSize(name) {
	try {
		return fs.statSync(logPath(name)).size;
	} catch {
		return 0;
	}
}

/* What a log gained since it was `from` bytes long. */
export function logSince(name, from) {
	try {
		const buf = fs.readFileSync(logPath(name));
		return buf.subarray(Math.min(from, buf.length)).toString('utf8');
	} catch {
		return '';
	}
}

// ----------------------------------------------------------------- traffic

/*
 * Steady traffic: `loops` concurrent loops, each from its own address,
 * each sending `rate` requests a second (under nginx's per-address limit)
 * until stop() is called.  Every answer is recorded as
 * { loop, path, t0, t1, status, retryAfter, ctype, err }, times in ms
 * from performance.now().
 *   opts: loops, rate, paths (array; loop i uses paths[i % n]), timeout, tag
 */
export function traffic(opts) {
	const loops = opts.loops ?? 8;
	const rate = opts.rate ?? 15;
	const paths = opts.paths ?? ['/'];
	const timeout = opts.timeout ?? 3000;
	const results = [];
	let stopping = false;

	async function loop(i) {
		const from = sourceAddr(opts.tag ?? 200);
		const p = paths[i % paths.length];
		const gap = 1000 / rate;
		let next = performance.now() + Math.random() * gap;
		while (!stopping) {
			const wait = next - performance.now();
			if (wait > 0)
				await sleep(wait);
			if (stopping)
				break;
			// Never a catch-up burst after a slow answer.
			next = Math.max(next + gap, performance.now());
			const t0 = performance.now();
			const rec = { loop: i, path: p, t0 };
			try {
				const res = await get(p, { from, timeout });
				rec.status = res.status;
				rec.retryAfter = res.headers['retry-after'];
				rec.ctype = res.headers['content-type'];
				rec.text = res.status >= 400 ? res.text.slice(0, 200) : '';
			} catch (e) {
				rec.err = e.code ?? e.message;
			}
			rec.t1 = performance.now();
			results.push(rec);
		}
	}
	const running = Promise.all(Array.from({ length: loops }, (_, i) => loop(i)));
	return {
		results,
		async stop() {
			stopping = true;
			await running;
			return results;
		},
	};
}

/* Counts records by status (or error) for messages. */
export function summary(recs) {
	const by = {};
	for (const r of recs) {
		const k = r.err ? `error:${r.err}` : String(r.status);
		by[k] = (by[k] ?? 0) + 1;
	}
	return JSON.stringify(by);
}

// -------------------------------------------------------- stack restoring

/* Starts a program exactly as etc/stack.sh does, detached, and records
 * its pid where `stack.sh stop` finds it. */
export function startProgram(prog = 'site') {
	const out = fs.openSync(logPath(`${prog}.log`), 'a');
	const child = spawn(path.join(TOP, 'build', 'cgi-bin', prog),
	    ['-c', path.join(VAR, 'agora.conf')],
	    { cwd: TOP, detached: true, stdio: ['ignore', out, out] });
	fs.closeSync(out);
	child.unref();
	fs.writeFileSync(runPath(`${prog}.pid`), `${child.pid}\n`);
	return child.pid;
}

/* Whether MariaDB answers on the stack's socket. */
export function dbPing() {
	return new Promise((resolve) => {
		execFile('mariadb-admin', ['--socket', runPath('mysql.sock'), '-u',
		    'root', '--connect-timeout=2', 'ping'], { timeout: 3000 },
		    (err) => resolve(!err));
	});
}

/*
 * Runs `sh etc/stack.sh start` with the stack's environment; resolves with
 * { code, ms } once it exits.  It only starts what is down.  Its output
 * goes to $AGORA_VAR/log/e2e-stack.log: what it leaves running in the
 * background must not hold a pipe of ours open.
 */
export function stackStart(timeout = 90000) {
	return new Promise((resolve) => {
		const env = { ...process.env, AGORA_VAR: VAR, PORT: String(PORT) };
		const out = fs.openSync(logPath('e2e-stack.log'), 'a');
		const t0 = performance.now();
		const child = spawn('sh', [path.join(TOP, 'etc', 'stack.sh'), 'start'],
		    { cwd: TOP, env, detached: true, stdio: ['ignore', out, out] });
		fs.closeSync(out);
		const timer = setTimeout(() => child.kill('SIGTERM'), timeout);
		child.on('exit', (code, sig) => {
			clearTimeout(timer);
			resolve({ code: code ?? sig, ms: performance.now() - t0 });
		});
		child.on('error', (e) => {
			clearTimeout(timer);
			resolve({ code: e.code, ms: performance.now() - t0 });
		});
	});
}

/*
 * Starts MariaDB exactly as etc/stack.sh's start_db does, without the rest
 * of `stack.sh start` (whose own health polling would touch the workers).
 */
export function startMariadb() {
	const args = [`--defaults-file=${path.join(VAR, 'my.cnf')}`];
	if (process.getuid() === 0)
		args.push('--user=root');
	// The shell leaves at once: MariaDB is nobody's child here, as there.
	const sh = 'for b in mariadbd mysqld /usr/sbin/mariadbd /usr/sbin/mysqld; do ' +
	    'command -v "$b" >/dev/null 2>&1 && { bin=$b; break; }; done; ' +
	    '"$bin" "$@" >>"$LOG" 2>&1 &';
	execFileSync('sh', ['-c', sh, 'sh', ...args],
	    { env: { ...process.env, LOG: logPath('mysqld.log') }, stdio: 'ignore' });
}

/*
 * Asks every program's /health/<program> until each has answered 200
 * `streak` times in a row (every worker has found the database again).
 */
export async function settleDb(streak = 2 * workersWanted(), ms = 10000) {
	for (const name of programNames()) {
		let run = 0;
		await waitFor(async () => {
			const res = await get(`/health/${name}`, { from: repairFrom,
			    timeout: 3000 });
			run = res.status === 200 ? run + 1 : 0;
			return run >= streak;
		}, ms, `${streak} answers 200 in a row from /health/${name}`, 20);
	}
}

const repairFrom = sourceAddr(250);

/* Brings the stack back to /health 200 whatever a test left down. */
export async function ensureHealthy() {
	const healthy = async () =>
	    (await get('/health', { from: repairFrom, timeout: 3000 })).status === 200;
	try {
		if (await healthy())
			return;
	} catch { /* repair below */ }
	if (!(await dbPing()))
		await stackStart();
	if (!alive(supervisorPid('site')))
		startProgram('site');
	await waitFor(healthy, 15000, '/health 200 after repair', 100);
}

// ----------------------------------------------------------------- database

/* Runs SQL as root over the stack's socket; rows as arrays of strings. */
export function sql(query) {
	return sqlText(query).split('\n').filter((l) => l !== '')
	    .map((l) => l.split('\t'));
}

/* The same, the client's output as one trimmed string. */
export function sqlText(query) {
	return execFileSync('mariadb', ['--socket', runPath('mysql.sock'), '-u',
	    'root', 'agora', '-N', '-B', '-e', query],
	    { encoding: 'utf8', timeout: 10000, maxBuffer: 256 << 20 }).trim();
}

/* A SQL string literal. */
export function q(s) {
	return `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

// ------------------------------------------------------------ serialising

/*
 * Holds a lock for the life of this test file's process, so that files
 * run one at a time even when node runs them in parallel: the fault tests
 * stop parts of the shared stack.
 */
export async function serial() {
	const dir = VAR ? path.join(VAR, '.e2e-lock') :
	    path.join('/tmp', `.agora-e2e-lock-${PORT}`);
	for (;;) {
		try {
			fs.mkdirSync(dir);
			fs.writeFileSync(path.join(dir, 'pid'), String(process.pid));
			break;
		} catch (e) {
			if (e.code !== 'EEXIST')
				throw e;
		}
		let holder = 0;
		try {
			holder = Number(fs.readFileSync(path.join(dir, 'pid'), 'utf8'));
		} catch { /* being created or removed */ }
		let age = 0;
		try {
			age = Date.now() - fs.statSync(dir).mtimeMs;
		} catch { /* just removed */ }
		if ((holder && !alive(holder)) || (!holder && age > 5000))
			fs.rmSync(dir, { recursive: true, force: true });
		else
			await sleep(100);
	}
	process.on('exit', () => {
		try {
			if (Number(fs.readFileSync(path.join(dir, 'pid'), 'utf8')) ===
			    process.pid)
				fs.rmSync(dir, { recursive: true, force: true });
		} catch { /* already gone */ }
	});
}

/*
 * The notifier by hand.  pauseNotifierTimer() stops the stack's timer so a
 * test decides when the outbox drains (resumeNotifierTimer() or any
 * stackStart() brings it back); spawnNotifier() starts one run, -1
 * draining until the outbox is empty, and returns { child, done } where
 * done resolves to { code, sig, err }.
 */
export async function pauseNotifierTimer() {
	const f = runPath('notifier-timer.pid');
	if (!fs.existsSync(f))
		return;
	const pid = Number(fs.readFileSync(f, 'utf8'));
	// Frozen first, as etc/stack.sh stops it: a loop stopped after its
	// run was only starts the next run, which then drains on, orphaned.
	const children = () => {
		try {
			return execFileSync('pgrep', ['-P', String(pid)]).toString()
			    .split('\n').filter(Boolean).map(Number);
		} catch {
			return [];	/* none */
		}
	};
	if (alive(pid))
		process.kill(pid, 'SIGSTOP');
	const runs = children();
	for (const c of runs)
		try { process.kill(c, 'SIGTERM'); } catch { /* gone */ }
	await waitFor(() => runs.every((c) => !alive(c)), 10000,
	    'the notifier run to end');
	if (alive(pid))
		process.kill(pid, 'SIGKILL');
	await waitFor(() => !alive(pid), 5000, 'the notifier timer to stop');
	await sleep(500);
	fs.rmSync(f, { force: true });
}

export async function resumeNotifierTimer() {
	assert.equal((await stackStart()).code, 0, 'the timer is back');
}

export function spawnNotifier(args = ['-1'], env = {}) {
	const child = spawn(path.join(TOP, 'build', 'cron', 'notifier'),
	    ['-c', path.join(VAR, 'agora.conf'), ...args], {
		env: { ...process.env,
		    AGORA_SERVER_TEMPLATES: path.join(TOP, 'templates'), ...env },
		stdio: ['ignore', 'ignore', 'pipe'] });
	let err = '';
	child.stderr.on('data', (d) => { err += d; });
	const done = new Promise((resolve) => child.on('exit', (code, sig) =>
	    resolve({ code, sig, err })));
	return { child, done };
}
