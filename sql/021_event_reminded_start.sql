-- A reminder is for one start of an event: moved to another day, the
-- event is reminded of again before its new start.  The rows already
-- kept stand for the events' present starts.
ALTER TABLE event_reminded
	ADD COLUMN starts_at DATETIME NOT NULL DEFAULT '1000-01-01 00:00:00'
	AFTER user_id;

UPDATE event_reminded r JOIN events e ON e.id = r.event_id
	SET r.starts_at = e.starts_at;

ALTER TABLE event_reminded
	DROP PRIMARY KEY,
	ADD PRIMARY KEY (event_id, user_id, starts_at),
	ALTER COLUMN starts_at DROP DEFAULT;
