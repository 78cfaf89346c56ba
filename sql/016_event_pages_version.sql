-- Owner: the triggers below; no program writes it.  The events program
-- reads the sum of its rows as the version of everything an event list
-- or an event page shows, and keeps the answers it drew while the sum
-- stays what it read before drawing them (lib/memo.c).
--
-- Any change to a row those pages read adds one to a row here, in the
-- transaction that makes the change: whatever program, the notifier or
-- a hand-written statement makes it, and whenever it commits, the sum
-- moves with it.  A sum is indifferent to commit order, so no change can
-- hide behind another's.  The count is spread over 64 rows so that
-- enrolments in different events do not queue on one counter; the row
-- is picked by the changed row's id.
--
-- Creating triggers where the binary log is on takes SUPER (or, from
-- MariaDB 10.5, BINLOG ADMIN) or log_bin_trust_function_creators = 1
-- for the user that runs the migrations: see the README.  Every
-- statement here can run again, so that a run refused for want of that
-- can be repeated once it is granted.  Each trigger is one statement, so
-- that the file runs as it is through any client (no DELIMITER).
CREATE TABLE IF NOT EXISTS event_pages_version (
	shard		TINYINT UNSIGNED NOT NULL PRIMARY KEY,
	n		BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO event_pages_version (shard, n)
	WITH RECURSIVE k (shard) AS (SELECT 0 UNION ALL
	    SELECT shard + 1 FROM k WHERE shard < 63)
	SELECT shard, 0 FROM k;

CREATE OR REPLACE TRIGGER event_pages_events_ins AFTER INSERT ON events FOR EACH ROW
	UPDATE event_pages_version SET n = n + 1 WHERE shard = NEW.id % 64;
CREATE OR REPLACE TRIGGER event_pages_events_upd AFTER UPDATE ON events FOR EACH ROW
	UPDATE event_pages_version SET n = n + 1 WHERE shard = NEW.id % 64;
CREATE OR REPLACE TRIGGER event_pages_events_del AFTER DELETE ON events FOR EACH ROW
	UPDATE event_pages_version SET n = n + 1 WHERE shard = OLD.id % 64;

-- Accepted sponsors show on the event's page.
CREATE OR REPLACE TRIGGER event_pages_sponsors_ins AFTER INSERT ON event_sponsors
	FOR EACH ROW UPDATE event_pages_version SET n = n + 1
	WHERE shard = NEW.event_id % 64;
CREATE OR REPLACE TRIGGER event_pages_sponsors_upd AFTER UPDATE ON event_sponsors
	FOR EACH ROW UPDATE event_pages_version SET n = n + 1
	WHERE shard = NEW.event_id % 64;
CREATE OR REPLACE TRIGGER event_pages_sponsors_del AFTER DELETE ON event_sponsors
	FOR EACH ROW UPDATE event_pages_version SET n = n + 1
	WHERE shard = OLD.event_id % 64;

-- Organisers and sponsors show by name (an organisation's, else the
-- person's); other changes to an account leave the pages as they were.
-- Compared as bytes: the collation would call "Maria" and "María" the
-- same name.
CREATE OR REPLACE TRIGGER event_pages_users_upd AFTER UPDATE ON users FOR EACH ROW
	UPDATE event_pages_version SET n = n + 1
	WHERE shard = NEW.id % 64 AND NOT (BINARY NEW.name <=> BINARY OLD.name);
CREATE OR REPLACE TRIGGER event_pages_orgs_ins AFTER INSERT ON organizations
	FOR EACH ROW UPDATE event_pages_version SET n = n + 1
	WHERE shard = NEW.user_id % 64;
CREATE OR REPLACE TRIGGER event_pages_orgs_upd AFTER UPDATE ON organizations
	FOR EACH ROW UPDATE event_pages_version SET n = n + 1
	WHERE shard = NEW.user_id % 64 AND NOT (BINARY NEW.name <=> BINARY OLD.name);
CREATE OR REPLACE TRIGGER event_pages_orgs_del AFTER DELETE ON organizations
	FOR EACH ROW UPDATE event_pages_version SET n = n + 1
	WHERE shard = OLD.user_id % 64;

-- The catalogs: names, zones, addresses and the filters' pick lists.
CREATE OR REPLACE TRIGGER event_pages_types_ins AFTER INSERT ON event_types
	FOR EACH ROW UPDATE event_pages_version SET n = n + 1
	WHERE shard = NEW.id % 64;
CREATE OR REPLACE TRIGGER event_pages_types_upd AFTER UPDATE ON event_types
	FOR EACH ROW UPDATE event_pages_version SET n = n + 1
	WHERE shard = NEW.id % 64;
CREATE OR REPLACE TRIGGER event_pages_types_del AFTER DELETE ON event_types
	FOR EACH ROW UPDATE event_pages_version SET n = n + 1
	WHERE shard = OLD.id % 64;
CREATE OR REPLACE TRIGGER event_pages_cities_ins AFTER INSERT ON cities
	FOR EACH ROW UPDATE event_pages_version SET n = n + 1
	WHERE shard = NEW.id % 64;
CREATE OR REPLACE TRIGGER event_pages_cities_upd AFTER UPDATE ON cities
	FOR EACH ROW UPDATE event_pages_version SET n = n + 1
	WHERE shard = NEW.id % 64;
CREATE OR REPLACE TRIGGER event_pages_cities_del AFTER DELETE ON cities
	FOR EACH ROW UPDATE event_pages_version SET n = n + 1
	WHERE shard = OLD.id % 64;
CREATE OR REPLACE TRIGGER event_pages_places_ins AFTER INSERT ON places
	FOR EACH ROW UPDATE event_pages_version SET n = n + 1
	WHERE shard = NEW.id % 64;
CREATE OR REPLACE TRIGGER event_pages_places_upd AFTER UPDATE ON places
	FOR EACH ROW UPDATE event_pages_version SET n = n + 1
	WHERE shard = NEW.id % 64;
CREATE OR REPLACE TRIGGER event_pages_places_del AFTER DELETE ON places
	FOR EACH ROW UPDATE event_pages_version SET n = n + 1
	WHERE shard = OLD.id % 64;

-- Deleting a mega event clears its events' megaevent_id through the
-- foreign key, and foreign-key actions fire no triggers.
CREATE OR REPLACE TRIGGER event_pages_megaevents_del AFTER DELETE ON megaevents
	FOR EACH ROW UPDATE event_pages_version SET n = n + 1
	WHERE shard = OLD.id % 64;
