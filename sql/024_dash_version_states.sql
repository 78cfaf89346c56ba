-- Owner: the catalog program writes participation_states; these triggers
-- move every scope's dash_version (sql/015) in the same transaction.
--
-- The dashboard names participants' states as the catalog does, on pages
-- kept under their scope's version: a name changed, added or removed
-- must make them old, and such changes are rare enough to move all.
CREATE OR REPLACE TRIGGER dash_version_states_ins AFTER INSERT ON
    participation_states FOR EACH ROW
	UPDATE dash_version SET version = version + 1;
CREATE OR REPLACE TRIGGER dash_version_states_upd AFTER UPDATE ON
    participation_states FOR EACH ROW
	UPDATE dash_version SET version = version + 1;
CREATE OR REPLACE TRIGGER dash_version_states_del AFTER DELETE ON
    participation_states FOR EACH ROW
	UPDATE dash_version SET version = version + 1;
