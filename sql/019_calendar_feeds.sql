-- Owner: the events program.  A person's private calendar address is
-- signed with its generation here; renewing it (after the address
-- leaked) moves the generation on and the old address stops working.
-- No row is generation 0, the address people had before this table.
CREATE TABLE calendar_feeds (
	user_id		BIGINT UNSIGNED NOT NULL PRIMARY KEY,
	generation	INT UNSIGNED NOT NULL,
	renewed_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
			    ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT calendar_feeds_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
