-- Bench-only data for the Events cases (bench/run.sh), not a migration:
-- generated inside MariaDB from the seq_1_to_N sequence tables.  The
-- caller sets first:
--   @n_ngo	NGO accounts (role 'ong', password_hash '!': never sign in)
--   @n_ext	people (role 'externo', password_hash '!')
--   @n_events	events over the demo cities and types, mostly published
--   @n_parts	participations, spread evenly over those events
--   @n_enrol	extra published events with capacity 0 and no one
--		enrolled, for the enrolment case (one per request)
-- Ids follow whatever the demo data left; the ranges are kept in
-- bench_ranges for run.sh.  Counters of events match the rows inserted
-- and approved_count never passes capacity.

SET SESSION foreign_key_checks = 0, unique_checks = 0;

DROP TABLE IF EXISTS bench_ranges;
CREATE TABLE bench_ranges (
	name	VARCHAR(20) NOT NULL PRIMARY KEY,
	first	BIGINT UNSIGNED NOT NULL,
	last	BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB;

SELECT COALESCE(MAX(id), 0) INTO @u0 FROM users;
SELECT COALESCE(MAX(id), 0) INTO @e0 FROM events;
SET @x0 = @u0 + @n_ngo;
SET @k0 = @e0 + @n_events;

-- Cities and types numbered 0..n-1, to pick one by a modulus.
CREATE TEMPORARY TABLE bc AS SELECT ROW_NUMBER() OVER (ORDER BY id) - 1
    AS n, id FROM cities WHERE retired_at IS NULL;
CREATE TEMPORARY TABLE bt AS SELECT ROW_NUMBER() OVER (ORDER BY id) - 1
    AS n, id FROM event_types WHERE retired_at IS NULL;
SELECT COUNT(*) INTO @nc FROM bc;
SELECT COUNT(*) INTO @nt FROM bt;
-- A city's first place, when it has one.
CREATE TEMPORARY TABLE bp AS SELECT city_id, MIN(id) AS id FROM places
    WHERE retired_at IS NULL GROUP BY city_id;

SET @t = NOW(6);
START TRANSACTION;
INSERT INTO users (id, email, password_hash, name, role, city)
SELECT @u0 + seq, CONCAT('ong', seq, '@bench.agora.test'), '!',
    CONCAT(ELT(1 + seq % 8, 'Fundación ', 'Asociación ', 'ONG ',
	'Colectivo ', 'Plataforma ', 'Red ', 'Banco de Alimentos ',
	'Cooperativa '), ELT(1 + (seq DIV 8) % 10, 'Manos Abiertas',
	'Tierra Viva', 'Barrio Unido', 'Mar Limpio', 'Sonrisas',
	'Raíces', 'Puentes', 'Semillas', 'Horizonte', 'Vecinos'), ' ', seq),
    'ong', NULL
FROM seq_1_to_2000000 WHERE seq <= @n_ngo;
INSERT INTO users (id, email, password_hash, name, role)
SELECT @x0 + seq, CONCAT('persona', seq, '@bench.agora.test'), '!',
    CONCAT(ELT(1 + seq % 12, 'Lucía', 'Hugo', 'Martina', 'Mateo', 'Sofía',
	'Leo', 'Valeria', 'Daniel', 'Paula', 'Álvaro', 'Julia', 'Pablo'),
	' ', ELT(1 + (seq DIV 12) % 12, 'García', 'Rodríguez', 'González',
	'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez',
	'Martín', 'Jiménez', 'Ruiz')), 'externo'
FROM seq_1_to_2000000 WHERE seq <= @n_ext;
COMMIT;
SELECT CONCAT('  users: ', @n_ngo, ' NGOs + ', @n_ext, ' people in ',
    ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1), ' s') AS '';

-- Events.  s: status, a type and a city; titles and descriptions from
-- word lists so that FULLTEXT finds words like "reciclaje" in about one
-- event in ten.  Published and draft events start 1..365 days ahead,
-- finished and cancelled ones are past.
SET @t = NOW(6);
START TRANSACTION;
INSERT INTO events (id, organizer_id, title, description, type_id, city_id,
    place_id, starts_at, ends_at, capacity, requires_approval, status,
    published_at)
SELECT @e0 + g.seq, @u0 + 1 + g.seq % @n_ngo,
    CONCAT(ELT(1 + g.seq % 9, 'Taller de', 'Jornada de', 'Encuentro de',
	'Charla sobre', 'Voluntariado de', 'Campaña de', 'Maratón de',
	'Curso de', 'Semana de'), ' ',
	ELT(1 + (g.seq DIV 9) % 10, 'reciclaje', 'huertos urbanos',
	'recogida de alimentos', 'limpieza del río', 'lectura con mayores',
	'apoyo escolar', 'primeros auxilios', 'reparación de bicicletas',
	'cuidado de animales', 'reforestación'), ' en ',
	ELT(1 + (g.seq DIV 90) % 10, 'el barrio', 'el parque', 'la plaza',
	'el centro cívico', 'la biblioteca', 'la playa', 'el polideportivo',
	'el mercado', 'la escuela', 'el albergue'), ' nº ', g.seq),
    CONCAT(ELT(1 + g.seq % 6,
	'Buscamos voluntarios con ganas de ayudar. ',
	'Una mañana para conocer a tus vecinos y echar una mano. ',
	'Actividad abierta a todas las edades; no hace falta experiencia. ',
	'Organizamos esta actividad con asociaciones del barrio. ',
	'Ven con amigos o en familia: habrá tareas para todos. ',
	'Formación práctica impartida por profesionales voluntarios. '),
	ELT(1 + (g.seq DIV 6) % 7,
	'Trabajaremos en equipos pequeños y terminaremos con un almuerzo compartido. ',
	'Traemos guantes, herramientas y agua; trae ropa cómoda y protección solar. ',
	'Al final entregamos un certificado de participación. ',
	'Los materiales recogidos se donan a comedores sociales de la ciudad. ',
	'Hay plazas adaptadas para personas con movilidad reducida. ',
	'Se explicará cómo seguir colaborando durante el resto del año. ',
	'La actividad se suspende si llueve; avisaremos por correo. '),
	ELT(1 + (g.seq DIV 42) % 5,
	'Punto de encuentro: la entrada principal, diez minutos antes.',
	'Inscríbete para que podamos preparar el material necesario.',
	'Colaboran el ayuntamiento y varias empresas del distrito.',
	'Es una buena ocasión para aprender sobre sostenibilidad y reciclaje.',
	'Los menores deben venir acompañados de una persona adulta.'),
	-- A neighbourhood among 200 (each in 0.5% of the events), so that
	-- search also meets words as rare as real text has them, beside the
	-- few dozen above that every tenth event shares.  The seq DIV 200
	-- term spreads each over every status: without it a word's events
	-- all shared one, and a search for one of the draft ones found none.
	' Barrio de ', ELT(1 + (g.seq * 7919 + g.seq DIV 200) % 10, 'Ca',
	'Lo', 'Ma', 'Ri', 'Te', 'Su', 'No', 'Ve', 'Da', 'Pi'),
	ELT(1 + (g.seq * 7919 + g.seq DIV 200) DIV 10 % 10, 'ca', 'lo', 'ma',
	'ri', 'te', 'su', 'no', 've', 'da', 'pi'),
	ELT(1 + (g.seq * 7919 + g.seq DIV 200) DIV 100 % 2, 'nda', 'lla'),
	'.'),
    t.id, c.id, p.id,
    g.st + INTERVAL 10 + g.seq % 10 HOUR,
    g.st + INTERVAL 12 + g.seq % 10 HOUR,
    IF(g.seq % 4 = 0, 0, 20 + (g.seq * 7919) % 481),
    g.seq % 10 = 3,
    g.status,
    IF(g.status = 'draft', NULL, UTC_TIMESTAMP() - INTERVAL 1 DAY)
FROM (
	SELECT seq, CASE WHEN seq % 100 < 90 THEN 'published'
	    WHEN seq % 100 < 94 THEN 'draft'
	    WHEN seq % 100 < 97 THEN 'finished'
	    ELSE 'cancelled' END AS status,
	    DATE(UTC_TIMESTAMP()) + INTERVAL IF(seq % 100 BETWEEN 94 AND 99,
		-1 - CAST(seq % 300 AS SIGNED), 1 + (seq * 31) % 365) DAY AS st
	FROM seq_1_to_2000000 WHERE seq <= @n_events
) g
JOIN bc c ON c.n = g.seq % @nc
JOIN bt t ON t.n = (g.seq DIV @nc) % @nt
LEFT JOIN bp p ON p.city_id = c.id;
-- The enrolment case's events: open, unlimited, no one enrolled yet.
INSERT INTO events (id, organizer_id, title, description, type_id, city_id,
    starts_at, ends_at, capacity, requires_approval, status, published_at)
SELECT @k0 + seq, @u0 + 1 + seq % @n_ngo,
    CONCAT('Jornada abierta de voluntariado nº ', seq),
    'Evento sin límite de plazas: cualquiera puede inscribirse.',
    (SELECT MIN(id) FROM bt), (SELECT MIN(id) FROM bc),
    DATE(UTC_TIMESTAMP()) + INTERVAL 30 DAY + INTERVAL 10 HOUR,
    DATE(UTC_TIMESTAMP()) + INTERVAL 30 DAY + INTERVAL 13 HOUR,
    0, 0, 'published', UTC_TIMESTAMP()
FROM seq_1_to_2000000 WHERE seq <= @n_enrol;
COMMIT;
SELECT CONCAT('  events: ', @n_events, ' + ', @n_enrol, ' for enrolment in ',
    ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1), ' s') AS '';

-- Participations, event by event: the first @rem events get @per + 1
-- people, the rest @per; person j of event e is a distinct 'externo'
-- (stride through the people, j < @n_ext).  In events that need
-- approval one in three is pending; a person past the capacity waits.
SET @per = @n_parts DIV @n_events, @rem = @n_parts % @n_events;
SET @t = NOW(6);
START TRANSACTION;
INSERT INTO participations (event_id, user_id, status)
SELECT e.id, @x0 + 1 + (e.id * 7919 + g.j) % @n_ext,
    CASE WHEN e.requires_approval AND g.j % 3 = 0 THEN 'pending'
	WHEN e.capacity > 0 AND g.j >= e.capacity THEN 'waitlisted'
	ELSE 'approved' END
FROM (
	SELECT IF(seq <= @rem * (@per + 1), (seq - 1) DIV (@per + 1),
	    @rem + (seq - 1 - @rem * (@per + 1)) DIV @per) + 1 AS ev,
	    IF(seq <= @rem * (@per + 1), (seq - 1) % (@per + 1),
	    (seq - 1 - @rem * (@per + 1)) % @per) AS j
	FROM seq_1_to_100000000 WHERE seq <= @n_parts
) g
JOIN events e ON e.id = @e0 + g.ev;
UPDATE events e JOIN (
	SELECT event_id, SUM(status = 'approved') AS a,
	    SUM(status = 'pending') AS p, SUM(status = 'waitlisted') AS w
	FROM participations WHERE event_id > @e0 AND event_id <= @k0
	GROUP BY event_id
) n ON n.event_id = e.id
SET e.approved_count = n.a, e.pending_count = n.p, e.waitlist_count = n.w;
COMMIT;
SELECT CONCAT('  participations: ', @n_parts, ' in ',
    ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1), ' s') AS '';

INSERT INTO bench_ranges VALUES
	('events', @e0 + 1, @k0),
	('enrol', @k0 + 1, @k0 + @n_enrol);
ANALYZE TABLE users, events, participations;
