-- An event's page names its mega event when that is public: renaming a
-- mega event, making it private or deleting it (whose events lose it by
-- ON DELETE SET NULL, which fires no trigger on events) moves the
-- version of event pages as sql/016_event_pages_version.sql does for
-- the rest of what they show.  Each statement can run again.
CREATE OR REPLACE TRIGGER event_pages_megaevents_upd AFTER UPDATE ON megaevents
	FOR EACH ROW UPDATE event_pages_version SET n = n + 1
	WHERE shard = NEW.id % 64 AND (NOT (BINARY NEW.title <=> BINARY OLD.title)
	    OR NEW.is_public <> OLD.is_public);
CREATE OR REPLACE TRIGGER event_pages_megaevents_del AFTER DELETE ON megaevents
	FOR EACH ROW UPDATE event_pages_version SET n = n + 1
	WHERE shard = OLD.id % 64;
