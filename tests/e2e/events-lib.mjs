// Helpers for the Events tests: a paced client with a cookie jar sending
// from its own loopback address, fresh accounts of each role, events made
// through the API, and the database read or prepared through the mariadb
// client (for rows other programs own, such as participations).
//
// Environment as for lib.mjs, plus AUTH_RATE (sign-in requests a minute
// per address, 600 in tests/run.sh).

import crypto from 'node:crypto';
import assert from 'node:assert/strict';

import {
    BASE, q, request, runPath, sleep, sourceAddr, sql,
} from './lib.mjs';
export { q, sql };

const AUTH_ZONE = /^\/(api\/v1\/)?(auth|login|register)(\/|$|\?)|^\/api\/auth\/login(\?|$)/;
const AUTH_GAP = Math.ceil(60000 / Number(process.env.AUTH_RATE || 600)) + 15;
const GAP = 60;		// ms between two requests of one client (< 20 r/s)

export const ORIGIN = BASE.origin;
export const DEMO_PASSWORD = 'Demo-Agora-2026';

/* A word no other test uses, for searching what this test made. */
export function token(tag = 'ev') {
	return `${tag}${crypto.randomBytes(5).toString('hex')}`;
}

/* An ISO 8601 UTC date-time `days` from now, at minute precision. */
export function future(days, hour = 10) {
	const d = new Date(Date.now() + days * 86400000);
	d.setUTCHours(hour, 0, 0, 0);
	return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/* YYYY-MM-DD `days` from now. */
export function day(days) {
	return new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
}

/*
 * One user agent: its own address and cookies, never following redirects.
 * Answers have lib.mjs's request() shape.
 */
export class Client {
	constructor(tag) {
		this.from = sourceAddr(tag);
		this.jar = new Map();
		this.last = 0;
		this.lastAuth = 0;
		this.access = null;	// bearer token once signed in through the API
		this.user = null;
	}

	cookie(name) {
		return this.jar.get(name);
	}

	absorb(res) {
		for (const line of res.headers['set-cookie'] ?? []) {
			const [pair, ...attrs] = line.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			const gone = attrs.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a));
			if (gone || value === '')
				this.jar.delete(name);
			else
				this.jar.set(name, value);
		}
	}

	/*
	 *   opts: method, json, form, body + type, token (false: none;
	 *   default the client's bearer token when it has one and sends no
	 *   cookies), cookies (false: send and keep none), html, headers
	 */
	async send(path, opts = {}) {
		const headers = { ...(opts.headers ?? {}) };
		let body;
		if (opts.json !== undefined) {
			body = JSON.stringify(opts.json);
			headers['Content-Type'] ??= 'application/json';
		} else if (opts.form !== undefined) {
			body = new URLSearchParams(opts.form).toString();
			headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
		} else if (opts.body !== undefined) {
			body = opts.body;
			if (opts.type)
				headers['Content-Type'] = opts.type;
		}
		const jar = opts.cookies !== false;
		const bearer = opts.token === undefined ? (jar ? null : this.access) :
		    opts.token;
		if (bearer)
			headers.Authorization = `Bearer ${bearer}`;
		if (opts.html)
			headers.Accept ??= 'text/html,application/xhtml+xml';
		if (jar && this.jar.size > 0 && headers.Cookie === undefined)
			headers.Cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
		if (AUTH_ZONE.test(path)) {
			const wait = this.lastAuth + AUTH_GAP - performance.now();
			if (wait > 0)
				await sleep(wait);
			this.lastAuth = performance.now();
		}
		const wait = this.last + GAP - performance.now();
		if (wait > 0)
			await sleep(wait);
		this.last = performance.now();
		const res = await request(path, { from: this.from, method:
		    opts.method ?? (body === undefined ? 'GET' : 'POST'), headers,
		    body, timeout: opts.timeout ?? 10000 });
		if (jar)
			this.absorb(res);
		return res;
	}

	/* A JSON API call with the client's bearer token and no cookies. */
	api(method, path, json, opts = {}) {
		return this.send(path, { ...opts, method, json, cookies: false });
	}

	/* A browser-like page request with the jar. */
	page(method, path, opts = {}) {
		return this.send(path, { ...opts, method, html: true });
	}

	/* A page form POST carrying the jar's CSRF token. */
	post(path, fields = {}, opts = {}) {
		const f = { ...fields };
		if (f._csrf === undefined && this.cookie('agora_csrf'))
			f._csrf = this.cookie('agora_csrf');
		if (f._csrf === null)
			delete f._csrf;
		return this.page('POST', path, { ...opts, form: f });
	}
}

/* Signs a new account up through the API; the client keeps its token. */
export async function signUp(client, role = 'externo', extra = {}) {
	const name = `${role} ${crypto.randomBytes(3).toString('hex')}`;
	const body = {
		email: `ev-${role}-${Date.now()}-${crypto.randomBytes(4).toString('hex')}@example.org`,
		password: `Agora-${crypto.randomBytes(9).toString('base64url')}-7`,
		name, role, ...extra,
	};
	if (role === 'ong' || role === 'empresa') {
		body.organization ??= `Org ${name}`;
		body.tax_id ??= `G${crypto.randomInt(10000000, 99999999)}`;
	}
	const res = await client.api('POST', '/api/v1/auth/register', body,
	    { token: false });
	assert.equal(res.status, 201, `sign-up: ${res.status} ${res.text.slice(0, 300)}`);
	const doc = res.json();
	client.access = doc.access_token;
	client.user = { ...doc.user, password: body.password,
	    organization: body.organization };
	return client.user;
}

/* Signs in through the API with an existing account. */
export async function signIn(client, email, password = DEMO_PASSWORD) {
	const res = await client.api('POST', '/api/v1/auth/login',
	    { email, password }, { token: false });
	assert.equal(res.status, 200, `sign-in as ${email}: ${res.status} ${res.text.slice(0, 200)}`);
	const doc = res.json();
	client.access = doc.access_token;
	client.user = doc.user;
	return client.user;
}

/* A new client of a role, signed up (or the demo admin). */
export async function account(tag, role) {
	const c = new Client(tag);
	if (role === 'admin')
		await signIn(c, 'admin@agora.test');
	else
		await signUp(c, role);
	return c;
}

/* Signs a browser in through the form; the session is in the jar. */
export async function pageSignIn(client, email, password) {
	const form = await client.page('GET', '/login');
	assert.equal(form.status, 200, `GET /login: ${form.status}`);
	const res = await client.post('/login', { email, password });
	assert.equal(res.status, 303, `POST /login: ${res.status} ${res.text.slice(0, 200)}`);
	return res;
}

/* Fields of a valid event, with overrides. */
export function eventFields(over = {}) {
	return {
		title: `Evento ${token()}`,
		description: 'Una actividad solidaria de prueba.',
		type_id: 1,
		city_id: 1,
		starts_at: future(10, 10),
		ends_at: future(10, 12),
		capacity: 0,
		...over,
	};
}

/* Creates an event through the API as client; returns the document. */
export async function createEvent(client, over = {}) {
	const res = await client.api('POST', '/api/v1/events', eventFields(over));
	assert.equal(res.status, 201, `create: ${res.status} ${res.text.slice(0, 300)}`);
	return res.json();
}

/* Creates and publishes an event. */
export async function publishedEvent(client, over = {}) {
	return createEvent(client, { status: 'published', ...over });
}

// ---------------------------------------------------------------- database



/* The outbox topics written for an event, oldest first. */
export function outboxTopics(eventId) {
	return sql('SELECT topic FROM outbox WHERE JSON_VALUE(payload, ' +
	    `'$.event_id') = ${Number(eventId)} ORDER BY id`).map((r) => r[0]);
}

/* HTML text with the entities the templates write decoded. */
export function decode(s) {
	return s.replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"')
	    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
