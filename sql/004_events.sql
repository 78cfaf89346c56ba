-- The Events app.  Owners: catalog (event_types, megaevent_categories,
-- cities, places, participation_states, notification_types), events
-- (events, event_sponsors, event_reactions), participations
-- (participations; it also moves events.approved_count, the capacity
-- counter, in the same transaction), megaevents (megaevents,
-- megaevent_participations, megaevent_images).
-- Catalog entries are never deleted: a retired entry (retired_at set)
-- stays on the records that use it and leaves the pick lists.

CREATE TABLE event_types (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name		VARCHAR(100) NOT NULL,
	name_en		VARCHAR(100) NULL,
	position	INT NOT NULL DEFAULT 0,
	retired_at	DATETIME NULL,
	UNIQUE KEY event_types_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE megaevent_categories (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name		VARCHAR(100) NOT NULL,
	name_en		VARCHAR(100) NULL,
	position	INT NOT NULL DEFAULT 0,
	retired_at	DATETIME NULL,
	UNIQUE KEY megaevent_categories_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE cities (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name		VARCHAR(100) NOT NULL,
	name_en		VARCHAR(100) NULL,
	position	INT NOT NULL DEFAULT 0,
	retired_at	DATETIME NULL,
	UNIQUE KEY cities_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A place has an address and coordinates (WGS 84) for "near me" searches.
CREATE TABLE places (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	city_id		INT UNSIGNED NOT NULL,
	name		VARCHAR(150) NOT NULL,
	name_en		VARCHAR(150) NULL,
	address		VARCHAR(300) NOT NULL,
	lat		DECIMAL(9,6) NOT NULL,
	lng		DECIMAL(9,6) NOT NULL,
	location	POINT NOT NULL,	-- POINT(lng, lat), written with them
	position	INT NOT NULL DEFAULT 0,
	retired_at	DATETIME NULL,
	KEY places_city (city_id),
	SPATIAL KEY places_location (location),
	CONSTRAINT places_city_fk FOREIGN KEY (city_id) REFERENCES cities (id),
	CONSTRAINT places_lat CHECK (lat BETWEEN -90 AND 90),
	CONSTRAINT places_lng CHECK (lng BETWEEN -180 AND 180)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Fixed codes the programs rely on; names are for people.
CREATE TABLE participation_states (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	code		VARCHAR(20) NOT NULL,
	name		VARCHAR(100) NOT NULL,
	name_en		VARCHAR(100) NULL,
	position	INT NOT NULL DEFAULT 0,
	retired_at	DATETIME NULL,
	UNIQUE KEY participation_states_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE notification_types (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	code		VARCHAR(40) NOT NULL,
	name		VARCHAR(100) NOT NULL,
	name_en		VARCHAR(100) NULL,
	position	INT NOT NULL DEFAULT 0,
	retired_at	DATETIME NULL,
	UNIQUE KEY notification_types_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE megaevents (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	organizer_id	BIGINT UNSIGNED NOT NULL,
	title		VARCHAR(200) NOT NULL,
	description	TEXT NOT NULL,
	category_id	INT UNSIGNED NOT NULL,
	starts_at	DATETIME NOT NULL,
	ends_at		DATETIME NOT NULL,
	is_public	TINYINT(1) NOT NULL DEFAULT 1,
	participants_count INT UNSIGNED NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
			    ON UPDATE CURRENT_TIMESTAMP,
	KEY megaevents_dates (is_public, starts_at),
	KEY megaevents_organizer (organizer_id),
	CONSTRAINT megaevents_organizer_fk FOREIGN KEY (organizer_id)
	    REFERENCES users (id),
	CONSTRAINT megaevents_category_fk FOREIGN KEY (category_id)
	    REFERENCES megaevent_categories (id),
	CONSTRAINT megaevents_dates_order CHECK (ends_at >= starts_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE events (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	organizer_id	BIGINT UNSIGNED NOT NULL,
	megaevent_id	BIGINT UNSIGNED NULL,
	title		VARCHAR(200) NOT NULL,
	description	TEXT NOT NULL,
	type_id		INT UNSIGNED NOT NULL,
	city_id		INT UNSIGNED NOT NULL,
	place_id	INT UNSIGNED NULL,
	starts_at	DATETIME NOT NULL,
	ends_at		DATETIME NOT NULL,
	capacity	INT UNSIGNED NOT NULL DEFAULT 0,	-- 0: unlimited
	requires_approval TINYINT(1) NOT NULL DEFAULT 0,
	status		ENUM('draft', 'published', 'finished', 'cancelled')
			    NOT NULL DEFAULT 'draft',
	-- Counters moved in the same transaction as the rows they count;
	-- approved_count never passes capacity (one conditional UPDATE).
	approved_count	INT UNSIGNED NOT NULL DEFAULT 0,
	pending_count	INT UNSIGNED NOT NULL DEFAULT 0,
	waitlist_count	INT UNSIGNED NOT NULL DEFAULT 0,
	reactions_count	INT UNSIGNED NOT NULL DEFAULT 0,
	cover_file_id	BIGINT UNSIGNED NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
			    ON UPDATE CURRENT_TIMESTAMP,
	published_at	DATETIME NULL,
	KEY events_list (status, starts_at),
	KEY events_city (city_id, status, starts_at),
	KEY events_type (type_id, status, starts_at),
	KEY events_organizer (organizer_id, status, starts_at),
	KEY events_megaevent (megaevent_id, starts_at),
	FULLTEXT KEY events_text (title, description),
	CONSTRAINT events_organizer_fk FOREIGN KEY (organizer_id)
	    REFERENCES users (id),
	CONSTRAINT events_megaevent_fk FOREIGN KEY (megaevent_id)
	    REFERENCES megaevents (id) ON DELETE SET NULL,
	CONSTRAINT events_type_fk FOREIGN KEY (type_id) REFERENCES event_types (id),
	CONSTRAINT events_city_fk FOREIGN KEY (city_id) REFERENCES cities (id),
	CONSTRAINT events_place_fk FOREIGN KEY (place_id) REFERENCES places (id),
	CONSTRAINT events_dates_order CHECK (ends_at >= starts_at),
	CONSTRAINT events_capacity_holds CHECK (capacity = 0 OR
	    approved_count <= capacity)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE participations (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	event_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	status		ENUM('pending', 'approved', 'rejected', 'cancelled',
			    'waitlisted') NOT NULL,
	created_at	DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	updated_at	DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
			    ON UPDATE CURRENT_TIMESTAMP(3),
	decided_by	BIGINT UNSIGNED NULL,
	UNIQUE KEY participations_once (event_id, user_id),
	KEY participations_event (event_id, status, id),
	KEY participations_user (user_id, status),
	CONSTRAINT participations_event_fk FOREIGN KEY (event_id)
	    REFERENCES events (id) ON DELETE CASCADE,
	CONSTRAINT participations_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A company sponsors an event: asked by the company or invited by the
-- NGO; the other side accepts.
CREATE TABLE event_sponsors (
	event_id	BIGINT UNSIGNED NOT NULL,
	company_id	BIGINT UNSIGNED NOT NULL,
	status		ENUM('requested', 'invited', 'accepted', 'declined')
			    NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	decided_at	DATETIME NULL,
	PRIMARY KEY (event_id, company_id),
	KEY event_sponsors_company (company_id, status),
	CONSTRAINT event_sponsors_event_fk FOREIGN KEY (event_id)
	    REFERENCES events (id) ON DELETE CASCADE,
	CONSTRAINT event_sponsors_company_fk FOREIGN KEY (company_id)
	    REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE event_reactions (
	event_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (event_id, user_id),
	KEY event_reactions_user (user_id),
	CONSTRAINT event_reactions_event_fk FOREIGN KEY (event_id)
	    REFERENCES events (id) ON DELETE CASCADE,
	CONSTRAINT event_reactions_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE megaevent_participations (
	megaevent_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (megaevent_id, user_id),
	KEY megaevent_participations_user (user_id),
	CONSTRAINT megaevent_participations_me_fk FOREIGN KEY (megaevent_id)
	    REFERENCES megaevents (id) ON DELETE CASCADE,
	CONSTRAINT megaevent_participations_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Gallery entries; file_id points at the storage program's files once it
-- exists, until then an entry may carry an image URL path under /static.
CREATE TABLE megaevent_images (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	megaevent_id	BIGINT UNSIGNED NOT NULL,
	file_id		BIGINT UNSIGNED NULL,
	caption		VARCHAR(300) NULL,
	position	INT NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY megaevent_images_order (megaevent_id, position),
	CONSTRAINT megaevent_images_me_fk FOREIGN KEY (megaevent_id)
	    REFERENCES megaevents (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
