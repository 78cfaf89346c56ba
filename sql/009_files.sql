-- Owner: storage (cgi-bin/storage.c).  Every file that entered Ágora: who
-- sent it, what it is (decided from its bytes), where its bytes are (by
-- their SHA-256 under [storage] dir; rows may share bytes) and the links
-- that use it: an event's cover, a user's avatar, a mega event's gallery
-- (megaevent_images.file_id, from 004).  Storage detaches a file from those
-- links before it deletes the row; the foreign keys stand behind it.
CREATE TABLE files (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	owner_id	BIGINT UNSIGNED NOT NULL,
	kind		ENUM('image', 'cover', 'gallery', 'avatar', 'document')
			    NOT NULL,
	mime		VARCHAR(40) NOT NULL,
	size		BIGINT UNSIGNED NOT NULL,	-- bytes kept, thumbnails included
	sha256		CHAR(64) NOT NULL,
	width		INT UNSIGNED NULL,
	height		INT UNSIGNED NULL,
	public		TINYINT(1) NOT NULL,
	name		VARCHAR(255) NULL,		-- as the client sent it
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY files_owner (owner_id, id),
	KEY files_sha (sha256),
	CONSTRAINT files_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE events ADD CONSTRAINT events_cover_fk FOREIGN KEY (cover_file_id)
    REFERENCES files (id) ON DELETE SET NULL;

ALTER TABLE users ADD COLUMN avatar_file_id BIGINT UNSIGNED NULL,
    ADD CONSTRAINT users_avatar_fk FOREIGN KEY (avatar_file_id)
    REFERENCES files (id) ON DELETE SET NULL;

ALTER TABLE megaevent_images ADD CONSTRAINT megaevent_images_file_fk
    FOREIGN KEY (file_id) REFERENCES files (id) ON DELETE CASCADE;
