-- Owner: the triggers below; no program writes it.  The version of which
-- events a search or a deep page of the list finds, and in what order:
-- the events program keeps the ids it found under the sum of these rows
-- and, when a kept page went stale because something it shows changed
-- (an enrolment moved a counter: sql/016_event_pages_version.sql), reads
-- those ids again instead of searching again.  It moves only with what
-- decides a match: an event's text, state, start, type, city or
-- organiser, an event added or deleted, and a city's time zone (the day
-- filters are days where each event happens).  Counters do not move it,
-- so "has places left", which reads them, is never kept this way.
--
-- As in 016: 64 rows picked by id, statements that can run again.
CREATE TABLE IF NOT EXISTS event_matches_version (
	shard		TINYINT UNSIGNED NOT NULL PRIMARY KEY,
	n		BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO event_matches_version (shard, n)
	WITH RECURSIVE k (shard) AS (SELECT 0 UNION ALL
	    SELECT shard + 1 FROM k WHERE shard < 63)
	SELECT shard, 0 FROM k;

CREATE OR REPLACE TRIGGER event_matches_events_ins AFTER INSERT ON events
	FOR EACH ROW UPDATE event_matches_version SET n = n + 1
	WHERE shard = NEW.id % 64;
CREATE OR REPLACE TRIGGER event_matches_events_upd AFTER UPDATE ON events
	FOR EACH ROW UPDATE event_matches_version SET n = n + 1
	WHERE shard = NEW.id % 64 AND NOT (NEW.title <=> OLD.title AND
	    NEW.description <=> OLD.description AND
	    NEW.status <=> OLD.status AND NEW.starts_at <=> OLD.starts_at AND
	    NEW.type_id <=> OLD.type_id AND NEW.city_id <=> OLD.city_id AND
	    NEW.organizer_id <=> OLD.organizer_id);
CREATE OR REPLACE TRIGGER event_matches_events_del AFTER DELETE ON events
	FOR EACH ROW UPDATE event_matches_version SET n = n + 1
	WHERE shard = OLD.id % 64;
CREATE OR REPLACE TRIGGER event_matches_cities_upd AFTER UPDATE ON cities
	FOR EACH ROW UPDATE event_matches_version SET n = n + 1
	WHERE shard = NEW.id % 64 AND NOT (NEW.timezone <=> OLD.timezone);
