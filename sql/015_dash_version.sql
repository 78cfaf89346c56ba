-- Owner: the notifier's rollup consumers (cron/rollups.c) move these rows;
-- the dashboard program (cgi-bin/dashboard.c) only reads them.
--
-- A version per scope of the rollups in sql/011_dashboard.sql (0 for the
-- platform, else an organiser's user id).  Whatever changes a scope's
-- rollups raises its version in the same transaction, and a rebuild
-- (notifier -R) raises every one; a dashboard worker serves figures it
-- kept only while their scope's version is the one it read before them.
-- No row reads as version 0.
CREATE TABLE dash_version (
	scope_id	BIGINT UNSIGNED NOT NULL PRIMARY KEY,
	version		BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
