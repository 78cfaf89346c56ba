-- Owner: catalog.  Each city's time zone (an IANA name such as
-- Europe/Madrid): event times are stored in UTC, and pages show and take
-- them in the time of the city where the event happens.  Every city so
-- far is on the Spanish mainland, hence the default; the catalog checks
-- a new name against the zone database.
ALTER TABLE cities
	ADD COLUMN timezone VARCHAR(64) NOT NULL DEFAULT 'Europe/Madrid'
	    AFTER name_en;
