-- Owner: every program, through lib/outbox.c (appends) and cron/ (drains).
-- The transactional outbox: a row per domain event, written in the same
-- transaction as the change it announces.
CREATE TABLE outbox (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	topic		VARCHAR(64) NOT NULL,
	payload		JSON NOT NULL CHECK (JSON_VALID(payload)),
	created_at	DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	status		ENUM('pending', 'done', 'dead') NOT NULL DEFAULT 'pending',
	attempts	INT UNSIGNED NOT NULL DEFAULT 0,
	available_at	DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	claimed_until	DATETIME(3) NULL,
	last_error	VARCHAR(1000) NULL,
	KEY outbox_pending (status, available_at),
	KEY outbox_topic (topic, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
