-- Owner: the notifier's reminders job (cron/reminders.c).  One row per
-- person reminded of an event, written with the outbox row that reminds
-- them: whoever is approved after an event entered its last day (a late
-- enrolment, an approval, a place from the waiting list) is reminded at
-- the job's next run, and nobody twice.  It replaces event_reminders
-- (one row per event), which could remind only those approved when the
-- event entered that day; the people those rows stood for are carried
-- over, so that nobody is reminded again.
CREATE TABLE event_reminded (
	event_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	sent_at		DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (event_id, user_id),
	CONSTRAINT event_reminded_event_fk FOREIGN KEY (event_id)
	    REFERENCES events (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO event_reminded (event_id, user_id, sent_at)
	SELECT p.event_id, p.user_id, r.sent_at FROM event_reminders r
	JOIN participations p ON p.event_id = r.event_id
	WHERE p.status = 'approved';

DROP TABLE event_reminders;
