// Capacity under load: fifty people enrol in a ten-place event in the same
// instant; exactly ten get a place, forty wait, nobody is lost, and five
// cancellations hand their places to the first five in line.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import {
    request, runPath, serial, sourceAddr, sql,
} from './lib.mjs';

await serial();
const RUN = `${process.pid}-${Date.now().toString(36)}`;
const PEOPLE = 50;
const CAPACITY = 10;


/* A JSON call from the person's own address, so nginx's per-address
 * limits see fifty people, as they would be. */
function api(who, method, p, body) {
	return request(p, { from: who.from, method, timeout: 30000,
	    headers: { Authorization: `Bearer ${who.token}`,
	    'Content-Type': 'application/json' },
	    body: body === undefined ? undefined : JSON.stringify(body) });
}

let eventId;
const people = [];

before(async () => {
	const rows = sql(`INSERT INTO events (organizer_id, title, description,
	    type_id, city_id, starts_at, ends_at, capacity, status) VALUES
	    (2, 'Carrera ${RUN}', 'Prueba de carga', (SELECT MIN(id) FROM
	    event_types), (SELECT MIN(id) FROM cities), UTC_TIMESTAMP() +
	    INTERVAL 5 DAY, UTC_TIMESTAMP() + INTERVAL 6 DAY, ${CAPACITY},
	    'published'); SELECT LAST_INSERT_ID();`);
	eventId = Number(rows[0][0]);
	// Sign-ups hash passwords (argon2): a few at a time.
	for (let i = 0; i < PEOPLE; i += 5) {
		const batch = [];
		for (let j = i; j < Math.min(i + 5, PEOPLE); j++) {
			const from = sourceAddr(63);
			batch.push(request('/api/v1/auth/register', { from,
			    method: 'POST', timeout: 30000,
			    headers: { 'Content-Type': 'application/json' },
			    body: JSON.stringify({
			    email: `load-${RUN}-${j}@test.agora`,
			    password: 'Prueba-Agora-2026', name: `Corredora ${j}`,
			    role: 'externo' }) }).then((res) => {
				assert.equal(res.status, 201, res.text);
				const doc = res.json();
				return { id: doc.user.id, token: doc.access_token,
				    from };
			}));
		}
		people.push(...await Promise.all(batch));
	}
});

test(`${PEOPLE} people enrol at once in ${CAPACITY} places`, async () => {
	const answers = await Promise.all(people.map((p) =>
	    api(p, 'POST', '/api/v1/participations', { event_id: eventId })));
	const by = {};
	for (const res of answers) {
		assert.equal(res.status, 201, res.text);
		const st = res.json().status;
		by[st] = (by[st] ?? 0) + 1;
	}
	assert.deepEqual(by, { approved: CAPACITY, waitlisted: PEOPLE - CAPACITY });
	const [[approved, pending, waiting]] = sql(`SELECT approved_count,
	    pending_count, waitlist_count FROM events WHERE id = ${eventId}`);
	assert.deepEqual([approved, pending, waiting].map(Number),
	    [CAPACITY, 0, PEOPLE - CAPACITY]);
	const rows = sql(`SELECT status, COUNT(*), COUNT(DISTINCT user_id) FROM
	    participations WHERE event_id = ${eventId} GROUP BY status
	    ORDER BY status`);
	assert.deepEqual(rows.map((r) => r.map(String)), [
	    ['approved', String(CAPACITY), String(CAPACITY)],
	    ['waitlisted', String(PEOPLE - CAPACITY), String(PEOPLE - CAPACITY)],
	]);
	const [[created]] = sql(`SELECT COUNT(*) FROM outbox WHERE topic =
	    'participation.created' AND JSON_VALUE(payload, '$.event_id') =
	    ${eventId}`);
	assert.equal(Number(created), PEOPLE, 'one outbox row per enrolment');
});

test('five cancellations at once promote the first five in line', async () => {
	const placed = sql(`SELECT user_id FROM participations WHERE event_id =
	    ${eventId} AND status = 'approved' ORDER BY id LIMIT 5`)
	    .map((r) => Number(r[0]));
	const line = sql(`SELECT id FROM participations WHERE event_id =
	    ${eventId} AND status = 'waitlisted' ORDER BY updated_at, id
	    LIMIT 5`).map((r) => Number(r[0]));
	const leaving = people.filter((p) => placed.includes(p.id));
	assert.equal(leaving.length, 5);
	const answers = await Promise.all(leaving.map(async (p) => {
		const [[pid]] = sql(`SELECT id FROM participations WHERE
		    event_id = ${eventId} AND user_id = ${p.id}`);
		return api(p, 'POST', `/api/v1/participations/${pid}/cancel`);
	}));
	const promoted = [];
	for (const res of answers) {
		assert.equal(res.status, 200, res.text);
		assert.equal(res.json().status, 'cancelled');
		assert.ok(res.json().promoted, res.text);
		promoted.push(res.json().promoted.id);
	}
	assert.deepEqual(promoted.sort((a, b) => a - b),
	    line.sort((a, b) => a - b));
	const [[approved, waiting]] = sql(`SELECT approved_count, waitlist_count
	    FROM events WHERE id = ${eventId}`);
	assert.deepEqual([Number(approved), Number(waiting)],
	    [CAPACITY, PEOPLE - CAPACITY - 5]);
	const [[real]] = sql(`SELECT COUNT(*) FROM participations WHERE
	    event_id = ${eventId} AND status = 'approved'`);
	assert.equal(Number(real), CAPACITY);
	const [[events]] = sql(`SELECT COUNT(*) FROM outbox WHERE topic =
	    'participation.promoted' AND JSON_VALUE(payload, '$.event_id') =
	    ${eventId}`);
	assert.equal(Number(events), 5);
});
