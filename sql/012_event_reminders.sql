-- Owner: the notifier's reminders job (cron/reminders.c).  One row per
-- event whose reminder went out, so a reminder is sent once however many
-- runs see the event inside its last day.
CREATE TABLE event_reminders (
	event_id	BIGINT UNSIGNED NOT NULL PRIMARY KEY,
	sent_at		DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	CONSTRAINT event_reminders_event_fk FOREIGN KEY (event_id)
	    REFERENCES events (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
