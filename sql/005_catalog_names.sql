-- Owner: catalog.  One name per entry in every catalog, so a duplicate
-- is refused by the database (409) even when two admins race: the other
-- four catalogs have had a unique name since 004; a place's name is
-- unique within its city.
ALTER TABLE participation_states
	ADD UNIQUE KEY participation_states_name (name);
ALTER TABLE notification_types
	ADD UNIQUE KEY notification_types_name (name);
ALTER TABLE places
	ADD UNIQUE KEY places_city_name (city_id, name);
