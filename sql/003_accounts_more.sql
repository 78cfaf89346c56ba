-- Owner: auth (credentials, tokens, throttling) and users (profiles,
-- organisations).  Profiles grow the users table; tokens are stored only
-- as SHA-256 hashes.
ALTER TABLE users
	ADD COLUMN phone	VARCHAR(30) NULL AFTER name,
	ADD COLUMN city		VARCHAR(100) NULL AFTER phone,
	ADD COLUMN bio		VARCHAR(2000) NULL AFTER city,
	ADD COLUMN deleted_at	DATETIME NULL,
	ADD COLUMN password_changed_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	ADD KEY users_role (role, id);

-- NGOs and companies: the organisation behind the account.
CREATE TABLE organizations (
	user_id		BIGINT UNSIGNED NOT NULL PRIMARY KEY,
	name		VARCHAR(200) NOT NULL,
	tax_id		VARCHAR(32) NOT NULL,
	website		VARCHAR(300) NULL,
	description	VARCHAR(2000) NULL,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
			    ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT organizations_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Mobile refresh tokens: rotated on every use; a family shares one
-- family_id, and presenting a used token revokes the whole family.
CREATE TABLE refresh_tokens (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	family_id	CHAR(32) NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	token_hash	CHAR(64) NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	expires_at	DATETIME NOT NULL,
	used_at		DATETIME NULL,
	revoked_at	DATETIME NULL,
	UNIQUE KEY refresh_tokens_hash (token_hash),
	KEY refresh_tokens_family (family_id),
	KEY refresh_tokens_user (user_id),
	CONSTRAINT refresh_tokens_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE password_resets (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	user_id		BIGINT UNSIGNED NOT NULL,
	token_hash	CHAR(64) NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	expires_at	DATETIME NOT NULL,
	used_at		DATETIME NULL,
	UNIQUE KEY password_resets_hash (token_hash),
	CONSTRAINT password_resets_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Sign-in throttling, per account and per address (keys are hashed).
CREATE TABLE login_throttle (
	key_hash	CHAR(64) NOT NULL PRIMARY KEY,
	failures	INT UNSIGNED NOT NULL DEFAULT 0,
	locked_until	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
			    ON UPDATE CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
