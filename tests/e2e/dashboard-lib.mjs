// Helpers for the dashboard tests: the stack's notifier timer paused (so
// a test decides when the outbox drains), one notifier run at a time, and
// the dashboard's figures recomputed straight from the raw tables.

import assert from 'node:assert/strict';
import path from 'node:path';

import { VAR, spawnNotifier, sql } from './lib.mjs';

export {
    pauseNotifierTimer as pauseTimer, resumeNotifierTimer as resumeTimer,
} from './lib.mjs';

/* One notifier run with the given arguments (-1: drain and exit). */
export function notifier(args = ['-1'], env = {}) {
	return spawnNotifier(args, { AGORA_MAIL_SPOOL: path.join(VAR,
	    'mail-dashboard-test'), ...env }).done;
}

const PART = ['pending', 'approved', 'rejected', 'cancelled', 'waitlisted'];
const EVENT = ['draft', 'published', 'finished', 'cancelled'];

function counts(rows, names) {
	const out = Object.fromEntries(names.map((n) => [n, 0]));
	for (const [k, n] of rows)
		out[k] = Number(n);
	return out;
}

/*
 * The dashboard's figures for an organiser (or the platform when
 * organizer is null) and a range, computed from events, participations,
 * event_reactions and event_sponsors alone.
 */
export function recompute(organizer, from, to) {
	const org = organizer === null ? '' : `AND e.organizer_id = ${Number(organizer)}`;
	const range = (col) => `DATE(${col}) BETWEEN '${from}' AND '${to}'`;
	const events = counts(sql(`SELECT e.status, COUNT(*) FROM events e
	    WHERE ${range('e.created_at')} ${org} GROUP BY e.status`), EVENT);
	const parts = counts(sql(`SELECT p.status, COUNT(*) FROM participations p
	    JOIN events e ON e.id = p.event_id WHERE ${range('p.created_at')}
	    ${org} GROUP BY p.status`), PART);
	const reactions = Number(sql(`SELECT COUNT(*) FROM event_reactions r
	    JOIN events e ON e.id = r.event_id WHERE ${range('r.created_at')}
	    ${org}`)[0][0]);
	const days = new Map();
	const day = (d) => {
		if (!days.has(d))
			days.set(d, { day: d, ...Object.fromEntries(PART.map((s) =>
			    [s, 0])), participations: 0, reactions: 0, events: 0 });
		return days.get(d);
	};
	for (const [d, s, n] of sql(`SELECT DATE(p.created_at), p.status,
	    COUNT(*) FROM participations p JOIN events e ON e.id = p.event_id
	    WHERE ${range('p.created_at')} ${org} GROUP BY 1, 2`)) {
		day(d)[s] += Number(n);
		day(d).participations += Number(n);
	}
	for (const [d, n] of sql(`SELECT DATE(r.created_at), COUNT(*) FROM
	    event_reactions r JOIN events e ON e.id = r.event_id WHERE
	    ${range('r.created_at')} ${org} GROUP BY 1`))
		day(d).reactions += Number(n);
	for (const [d, n] of sql(`SELECT DATE(e.created_at), COUNT(*) FROM
	    events e WHERE ${range('e.created_at')} ${org} GROUP BY 1`))
		day(d).events += Number(n);
	const top = sql(`SELECT e.id, e.title, e.status,
	    (SELECT COUNT(*) FROM participations p WHERE p.event_id = e.id AND
	    p.status = 'approved') AS ap,
	    (SELECT COUNT(*) FROM participations p WHERE p.event_id = e.id AND
	    p.status = 'pending'),
	    (SELECT COUNT(*) FROM participations p WHERE p.event_id = e.id AND
	    p.status = 'waitlisted'),
	    (SELECT COUNT(*) FROM participations p WHERE p.event_id = e.id AND
	    p.status = 'rejected'),
	    (SELECT COUNT(*) FROM participations p WHERE p.event_id = e.id AND
	    p.status = 'cancelled'),
	    (SELECT COUNT(*) FROM event_reactions r WHERE r.event_id = e.id) AS re
	    FROM events e WHERE ${range('e.created_at')} ${org}
	    ORDER BY ap DESC, re DESC, e.id DESC LIMIT 10`).map((r) => ({
		event_id: Number(r[0]), title: r[1], status: r[2],
		approved: Number(r[3]), pending: Number(r[4]),
		waitlisted: Number(r[5]), rejected: Number(r[6]),
		cancelled: Number(r[7]), reactions: Number(r[8]) }));
	const sponsors = sql(`SELECT s.company_id, COALESCE(o.name, u.name),
	    SUM(s.status = 'accepted') AS ac, SUM(s.status IN ('requested',
	    'invited')), SUM(s.status = 'declined') FROM event_sponsors s
	    JOIN events e ON e.id = s.event_id JOIN users u ON u.id = s.company_id
	    LEFT JOIN organizations o ON o.user_id = s.company_id
	    WHERE ${range('e.created_at')} ${org} GROUP BY s.company_id
	    ORDER BY ac DESC, s.company_id LIMIT 20`).map((r) => ({
		company_id: Number(r[0]), name: r[1], accepted: Number(r[2]),
		open: Number(r[3]), declined: Number(r[4]) }));
	const decided = parts.approved + parts.rejected;
	return {
		events_by_status: events,
		events_total: EVENT.reduce((a, s) => a + events[s], 0),
		participants_by_status: parts,
		participants_total: PART.reduce((a, s) => a + parts[s], 0),
		approval_rate: decided === 0 ? null :
		    Math.round(parts.approved * 10000 / decided) / 10000,
		reactions_total: reactions,
		days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
		top_events: top,
		sponsors,
	};
}

/* The figures of a dashboard document that recompute() also gives. */
export function figures(doc) {
	const keys = ['events_by_status', 'events_total', 'participants_by_status',
	    'participants_total', 'approval_rate', 'reactions_total', 'days',
	    'top_events', 'sponsors'];
	return Object.fromEntries(keys.map((k) => [k, doc[k]]));
}

/* Today and `n` days ago as YYYY-MM-DD (UTC). */
export function utcDay(n = 0) {
	return new Date(Date.now() - n * 86400000).toISOString().slice(0, 10);
}
