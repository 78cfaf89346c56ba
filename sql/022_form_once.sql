-- Owner: lib/once.c (the programs with create forms), purged by the
-- notifier after a day.  A create form carries a random key drawn with
-- it; the first post of it claims (user, key) in the transaction that
-- creates, and names what it made; the same form posted again (a double
-- click, a page sent again) finds that and goes there.
CREATE TABLE form_once (
	user_id		BIGINT UNSIGNED NOT NULL,
	form_key	CHAR(43) NOT NULL,
	target_id	BIGINT UNSIGNED NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (user_id, form_key),
	KEY form_once_age (created_at),
	CONSTRAINT form_once_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=ascii COLLATE=ascii_bin;
