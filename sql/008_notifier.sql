-- Owner: the notifier (cron/notifier.c).  A marker per outbox row and
-- consumer, written in the consumer's own transaction together with its
-- effect, so a row delivered twice (after a crash) has effect once.
CREATE TABLE outbox_consumed (
	outbox_id	BIGINT UNSIGNED NOT NULL,
	consumer	VARCHAR(40) NOT NULL,
	done_at		DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (outbox_id, consumer),
	CONSTRAINT outbox_consumed_fk FOREIGN KEY (outbox_id)
	    REFERENCES outbox (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Mail handed to the host's sendmail or the spool, for the record.
CREATE TABLE mail_log (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	outbox_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NULL,
	template	VARCHAR(60) NOT NULL,
	sent_at		DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY mail_log_once (outbox_id, template)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
