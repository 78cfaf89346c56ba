// Helpers for the account tests: a client that sends from its own loopback
// address with a cookie jar, paced under nginx's sign-in limit; fresh
// accounts; the database read through the mariadb client; hand-made JWTs.
//
// Environment as for lib.mjs, plus AUTH_RATE (sign-in requests a minute
// per address, 600 in tests/run.sh) to pace the sign-in routes.

import crypto from 'node:crypto';
import assert from 'node:assert/strict';

import {
    BASE, q, request, runPath, sleep, sourceAddr, sql,
} from './lib.mjs';
export { q, sql };

// The routes nginx holds to AUTH_RATE a minute per address, burst 5
// without delay.  The client keeps its own copy of nginx's leaky bucket
// and waits rather than fill it past BURST_USED.
const AUTH_ZONE = /^\/(api\/v1\/)?(auth|login|register)(\/|$|\?)|^\/api\/auth\/login(\?|$)/;
const AUTH_PER_MS = Number(process.env.AUTH_RATE || 600) / 60000;
const BURST_USED = 3;

/* Our own site, as a browser names it in Origin. */
export const ORIGIN = BASE.origin;

export const DEMO_PASSWORD = 'Demo-Agora-2026';
export const ADMIN_EMAIL = 'admin@agora.test';

/* An e-mail address nobody has used. */
export function uniqueEmail(tag = 'acct') {
	return `${tag}-${Date.now()}-${crypto.randomBytes(4).toString('hex')}@example.org`;
}

/* A password the policy accepts and nobody else uses. */
export function newPassword() {
	return `Agora-${crypto.randomBytes(9).toString('base64url')}-7`;
}

/* application/x-www-form-urlencoded from an object. */
export function form(obj) {
	return new URLSearchParams(obj).toString();
}

// ------------------------------------------------------------------ client

/*
 * One user agent: its own source address (127.<tag>.x.y), its own cookies.
 * Requests never follow redirects.  Answers are lib.mjs's request() shape.
 */
export class Client {
	constructor(tag, from) {
		this.from = from ?? sourceAddr(tag);
		this.jar = new Map();
		this.excess = 0;	/* nginx's count for our address */
		this.lastAuth = 0;
	}

	/* Waits until one more sign-in request stays inside the burst. */
	async pace() {
		const drained = (now) => Math.max(0,
		    this.excess - (now - this.lastAuth) * AUTH_PER_MS);
		const over = drained(performance.now()) + 1 - BURST_USED;
		if (over > 0)
			await sleep(over / AUTH_PER_MS + 5);
		const now = performance.now();
		this.excess = drained(now) + 1;
		this.lastAuth = now;
	}

	/* The Cookie header the jar sends. */
	cookieHeader() {
		return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	cookie(name) {
		return this.jar.get(name);
	}

	setCookie(name, value) {
		this.jar.set(name, value);
	}

	/* Takes in a response's Set-Cookie lines (Max-Age=0 or empty: gone). */
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
	 *   opts: method, json (object -> JSON body), form (object -> form
	 *   body), body + type (raw), token (bearer), headers, cookies
	 *   (false: send none and keep none), html (Accept: text/html)
	 */
	async send(path, opts = {}) {
		const headers = { ...(opts.headers ?? {}) };
		let body;
		if (opts.json !== undefined) {
			body = JSON.stringify(opts.json);
			headers['Content-Type'] ??= 'application/json';
		} else if (opts.form !== undefined) {
			body = form(opts.form);
			headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
		} else if (opts.body !== undefined) {
			body = opts.body;
			if (opts.type)
				headers['Content-Type'] = opts.type;
		}
		if (opts.token)
			headers.Authorization = `Bearer ${opts.token}`;
		if (opts.html)
			headers.Accept ??= 'text/html,application/xhtml+xml';
		const jar = opts.cookies !== false;
		if (jar && this.jar.size > 0 && headers.Cookie === undefined)
			headers.Cookie = this.cookieHeader();
		if (AUTH_ZONE.test(path))
			await this.pace();
		const res = await request(path, { from: this.from, method:
		    opts.method ?? (body === undefined ? 'GET' : 'POST'), headers,
		    body, timeout: opts.timeout ?? 10000 });
		if (jar)
			this.absorb(res);
		return res;
	}

	/* A JSON API call without cookies. */
	api(method, path, opts = {}) {
		return this.send(path, { ...opts, method, cookies: false });
	}

	/* A browser-like page request with the jar. */
	page(method, path, opts = {}) {
		return this.send(path, { ...opts, method, html: true });
	}

	/*
	 * A page form POST with the jar's CSRF token (_csrf: null sends none).
	 * Like an older browser it sends no Origin unless opts.origin is given
	 * (true: our own site, as a current browser names it).
	 */
	post(path, fields, opts = {}) {
		const headers = { ...(opts.headers ?? {}) };
		if (opts.origin)
			headers.Origin = opts.origin === true ? ORIGIN : opts.origin;
		const f = { ...fields };
		if (f._csrf === undefined && this.cookie('agora_csrf'))
			f._csrf = this.cookie('agora_csrf');
		if (f._csrf === null)
			delete f._csrf;
		return this.page('POST', path, { ...opts, headers, form: f });
	}
}

// ---------------------------------------------------------------- accounts

/*
 * Signs a new account up through the API.  Returns { email, password, id,
 * role, name, access, refresh, user, res }.
 */
export async function signUp(client, fields = {}) {
	const body = {
		email: uniqueEmail(fields.role ?? 'externo'),
		password: newPassword(),
		name: `Prueba ${crypto.randomBytes(3).toString('hex')}`,
		role: 'externo',
		...fields,
	};
	if ((body.role === 'ong' || body.role === 'empresa') &&
	    fields.organization === undefined) {
		body.organization ??= `Org ${body.name}`;
		body.tax_id ??= `G${crypto.randomInt(10000000, 99999999)}`;
	}
	const res = await client.api('POST', '/api/v1/auth/register', { json: body });
	assert.equal(res.status, 201, `sign-up: ${res.status} ${res.text.slice(0, 300)}`);
	const doc = res.json();
	return {
		email: body.email.toLowerCase(), password: body.password,
		name: body.name, role: body.role, id: doc.user.id,
		access: doc.access_token, refresh: doc.refresh_token,
		user: doc.user, res,
	};
}

/* API sign-in; the answer, unchecked. */
export function logIn(client, email, password) {
	return client.api('POST', '/api/v1/auth/login', { json: { email, password } });
}

/* API sign-in that must succeed: { access, refresh, user }. */
export async function tokens(client, email, password) {
	const res = await logIn(client, email, password);
	assert.equal(res.status, 200, `sign-in as ${email}: ${res.status} ${res.text.slice(0, 200)}`);
	const doc = res.json();
	return { access: doc.access_token, refresh: doc.refresh_token, user: doc.user };
}

/* The demo admin's tokens. */
export function adminTokens(client) {
	return tokens(client, ADMIN_EMAIL, DEMO_PASSWORD);
}

/* POST /api/v1/auth/refresh. */
export function refresh(client, token) {
	return client.api('POST', '/api/v1/auth/refresh', { json: { refresh_token: token } });
}

/* GET /api/v1/users/me with a bearer token. */
export function me(client, token) {
	return client.api('GET', '/api/v1/users/me', { token });
}

/*
 * Signs a browser in through the form: GET /login for the CSRF cookie,
 * then POST.  Returns the POST's answer; the session is in client's jar.
 */
export async function pageSignIn(client, email, password, next) {
	const query = next ? `?next=${encodeURIComponent(next)}` : '';
	const shown = await client.page('GET', `/login${query}`);
	assert.equal(shown.status, 200, `GET /login: ${shown.status}`);
	const fields = { email, password };
	if (next)
		fields.next = next;
	return client.post('/login', fields);
}

// ---------------------------------------------------------------- database



/* The newest outbox payload of a topic for a user, parsed, or null. */
export function outboxFor(topic, userId) {
	const rows = sql(`SELECT payload FROM outbox WHERE topic = ${q(topic)} ` +
	    `AND JSON_VALUE(payload, '$.user_id') = ${Number(userId)} ` +
	    'ORDER BY id DESC LIMIT 1');
	return rows.length ? JSON.parse(rows[0][0]) : null;
}

// ------------------------------------------------------------------ tokens

export function b64url(v) {
	return Buffer.from(typeof v === 'string' ? v : JSON.stringify(v))
	    .toString('base64url');
}

/* A JWT's payload, decoded (no verification). */
export function claims(jwt) {
	return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

/* An HS256 JWT signed with `key`. */
export function signJwt(payload, key, header = { alg: 'HS256', typ: 'JWT' }) {
	const head = `${b64url(header)}.${b64url(payload)}`;
	const sig = crypto.createHmac('sha256', key).update(head).digest('base64url');
	return `${head}.${sig}`;
}

/* Access-token claims for a user, valid for 15 minutes from now. */
export function accessClaims(id, role = 'externo', name = 'X') {
	const now = Math.floor(Date.now() / 1000);
	return { sub: id, name, role, typ: 'access', iat: now, exp: now + 900 };
}
