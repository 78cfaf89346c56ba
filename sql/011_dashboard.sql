-- Owner: the notifier's rollup consumers (cron/rollups.c) write these;
-- the dashboard program (cgi-bin/dashboard.c) only reads them.  The read
-- side of the Events app: a dashboard request never scans the raw tables.
--
-- Every figure is a function of the raw tables' current state, so the
-- rollups can always be recomputed (notifier -R) and a test can check
-- them.  The consumers keep a mirror of each counted row (dash_event,
-- dash_participation, dash_reaction, dash_sponsor): an outbox row makes
-- its consumer read the one raw row it names, compare it with the mirror,
-- take the mirror's old contribution out of the counters and put the new
-- one in.  A row seen twice, late or out of order changes nothing more.
--
-- Days are UTC calendar days of creation.  Scope 0 holds the platform's
-- figures; any other scope is an organiser's user id.

-- One row per event: its organiser, title, status, creation day and its
-- participations by state and reactions (all time).
CREATE TABLE dash_event (
	event_id	BIGINT UNSIGNED NOT NULL PRIMARY KEY,
	organizer_id	BIGINT UNSIGNED NOT NULL,
	title		VARCHAR(200) NOT NULL,
	status		VARCHAR(20) NOT NULL,
	day		DATE NOT NULL,
	pending		INT NOT NULL DEFAULT 0,
	approved	INT NOT NULL DEFAULT 0,
	rejected	INT NOT NULL DEFAULT 0,
	cancelled	INT NOT NULL DEFAULT 0,
	waitlisted	INT NOT NULL DEFAULT 0,
	reactions	INT NOT NULL DEFAULT 0,
	-- Top events: the range's entries sorted in the index alone, then
	-- ten rows read by id.
	KEY dash_event_org (organizer_id, day, approved, reactions),
	KEY dash_event_day (day, approved, reactions)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Mirrors: what each raw row last contributed.
CREATE TABLE dash_participation (
	participation_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
	event_id	BIGINT UNSIGNED NOT NULL,
	organizer_id	BIGINT UNSIGNED NOT NULL,
	status		VARCHAR(20) NOT NULL,
	day		DATE NOT NULL,
	KEY dash_participation_event (event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE dash_reaction (
	event_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	organizer_id	BIGINT UNSIGNED NOT NULL,
	day		DATE NOT NULL,
	PRIMARY KEY (event_id, user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE dash_sponsor (
	event_id	BIGINT UNSIGNED NOT NULL,
	company_id	BIGINT UNSIGNED NOT NULL,
	organizer_id	BIGINT UNSIGNED NOT NULL,
	status		VARCHAR(20) NOT NULL,
	PRIMARY KEY (event_id, company_id),
	KEY dash_sponsor_org (organizer_id, company_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Per scope and day: participations created that day by their current
-- state, reactions given that day and still standing, events created
-- that day by their current status.
CREATE TABLE dash_day (
	scope_id	BIGINT UNSIGNED NOT NULL,
	day		DATE NOT NULL,
	pending		INT NOT NULL DEFAULT 0,
	approved	INT NOT NULL DEFAULT 0,
	rejected	INT NOT NULL DEFAULT 0,
	cancelled	INT NOT NULL DEFAULT 0,
	waitlisted	INT NOT NULL DEFAULT 0,
	reactions	INT NOT NULL DEFAULT 0,
	ev_draft	INT NOT NULL DEFAULT 0,
	ev_published	INT NOT NULL DEFAULT 0,
	ev_finished	INT NOT NULL DEFAULT 0,
	ev_cancelled	INT NOT NULL DEFAULT 0,
	PRIMARY KEY (scope_id, day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
