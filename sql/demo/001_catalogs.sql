-- Demo catalogs: a useful starting set (idempotent).
INSERT IGNORE INTO event_types (name, name_en, position) VALUES
	('Voluntariado', 'Volunteering', 1),
	('Recogida de alimentos', 'Food drive', 2),
	('Limpieza de espacios naturales', 'Nature clean-up', 3),
	('Taller', 'Workshop', 4),
	('Charla', 'Talk', 5),
	('Concierto solidario', 'Charity concert', 6),
	('Carrera solidaria', 'Charity run', 7),
	('Donación de sangre', 'Blood drive', 8);
INSERT IGNORE INTO megaevent_categories (name, name_en, position) VALUES
	('Festival', 'Festival', 1),
	('Campaña', 'Campaign', 2),
	('Semana temática', 'Theme week', 3),
	('Congreso', 'Conference', 4);
-- Each city with its time zone (sql/014): the Canaries are an hour
-- behind the mainland all year.
INSERT IGNORE INTO cities (name, name_en, timezone, position) VALUES
	('Madrid', 'Madrid', 'Europe/Madrid', 1),
	('Barcelona', 'Barcelona', 'Europe/Madrid', 2),
	('Valencia', 'Valencia', 'Europe/Madrid', 3),
	('Sevilla', 'Seville', 'Europe/Madrid', 4),
	('Zaragoza', 'Zaragoza', 'Europe/Madrid', 5),
	('Málaga', 'Malaga', 'Europe/Madrid', 6),
	('Bilbao', 'Bilbao', 'Europe/Madrid', 7),
	('Granada', 'Granada', 'Europe/Madrid', 8),
	('Las Palmas de Gran Canaria', 'Las Palmas de Gran Canaria',
	    'Atlantic/Canary', 9);
INSERT IGNORE INTO places (id, city_id, name, address, lat, lng, location, position)
SELECT 1, id, 'Centro Cultural Conde Duque', 'Calle del Conde Duque 11, Madrid', 40.427300, -3.710800, POINT(-3.710800, 40.427300), 1 FROM cities WHERE name = 'Madrid';
INSERT IGNORE INTO places (id, city_id, name, address, lat, lng, location, position)
SELECT 2, id, 'Parque del Retiro (Puerta de Alcalá)', 'Plaza de la Independencia, Madrid', 40.420000, -3.688600, POINT(-3.688600, 40.420000), 2 FROM cities WHERE name = 'Madrid';
INSERT IGNORE INTO places (id, city_id, name, address, lat, lng, location, position)
SELECT 3, id, 'Centre Cívic Sagrada Família', 'Carrer de Provença 480, Barcelona', 41.404900, 2.175000, POINT(2.175000, 41.404900), 1 FROM cities WHERE name = 'Barcelona';
INSERT IGNORE INTO places (id, city_id, name, address, lat, lng, location, position)
SELECT 4, id, 'Jardín del Turia (Palau de la Música)', 'Passeig de l''Albereda 30, Valencia', 39.468000, -0.361500, POINT(-0.361500, 39.468000), 1 FROM cities WHERE name = 'Valencia';
INSERT IGNORE INTO places (id, city_id, name, address, lat, lng, location, position)
SELECT 5, id, 'Parque de María Luisa', 'Paseo de las Delicias, Sevilla', 37.375000, -5.988000, POINT(-5.988000, 37.375000), 1 FROM cities WHERE name = 'Sevilla';
INSERT IGNORE INTO participation_states (code, name, name_en, position) VALUES
	('pending', 'Pendiente de aprobación', 'Awaiting approval', 1),
	('approved', 'Aprobada', 'Approved', 2),
	('rejected', 'Rechazada', 'Rejected', 3),
	('cancelled', 'Cancelada', 'Cancelled', 4),
	('waitlisted', 'En lista de espera', 'On the waiting list', 5);
-- notification_types come with sql/010_notifications.sql.
