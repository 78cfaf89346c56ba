-- Owner: auth (writes users and sessions); users also reads them.
-- One account serves all four apps.  Sessions are stored by the SHA-256 of
-- the cookie value, never the value itself.
CREATE TABLE users (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	email		VARCHAR(254) NOT NULL,
	password_hash	VARCHAR(255) NOT NULL,
	name		VARCHAR(100) NOT NULL,
	role		ENUM('admin', 'ong', 'empresa', 'externo', 'cliente',
			    'profesional') NOT NULL,
	lang		CHAR(2) NOT NULL DEFAULT 'es',
	disabled	TINYINT(1) NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
			    ON UPDATE CURRENT_TIMESTAMP,
	UNIQUE KEY users_email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sessions (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	token_hash	CHAR(64) NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	idle_expires_at	DATETIME NOT NULL,
	expires_at	DATETIME NOT NULL,
	revoked_at	DATETIME NULL,
	UNIQUE KEY sessions_token (token_hash),
	KEY sessions_user (user_id),
	CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
	    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
