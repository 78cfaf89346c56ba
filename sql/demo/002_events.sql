-- Demo events by the demo NGO (ong@agora.test): published ones across
-- cities and types, two drafts, one finished, one cancelled; one accepted
-- sponsor (empresa@agora.test).  Idempotent: fixed ids, INSERT IGNORE.
-- Dates are relative to the day the file is first loaded; the hours below
-- are the wall clock of the event's city (18:00 in Madrid is 18:00 there,
-- winter or summer), turned into UTC at the end of the file.  Nothing is
-- inserted until the demo accounts exist (the stack creates them after
-- the demo files run, so the events appear from the next start on).

CREATE TEMPORARY TABLE demo_events_before AS
    SELECT id FROM events WHERE id BETWEEN 1 AND 16;

INSERT IGNORE INTO events (id, organizer_id, title, description, type_id,
    city_id, place_id, starts_at, ends_at, capacity, requires_approval,
    status, published_at)
SELECT 1, u.id, 'Taller de reparación de bicicletas',
    'Aprende a ajustar frenos, cambiar una cámara y engrasar la cadena. Trae tu bici si quieres; nosotros ponemos las herramientas y el café.',
    t.id, c.id, 1,
    DATE(UTC_TIMESTAMP()) + INTERVAL 7 DAY + INTERVAL 17 HOUR,
    DATE(UTC_TIMESTAMP()) + INTERVAL 7 DAY + INTERVAL 19 HOUR,
    25, 0, 'published', UTC_TIMESTAMP()
FROM users u JOIN event_types t ON t.name = 'Taller' JOIN cities c ON c.name = 'Madrid'
WHERE u.email = 'ong@agora.test';
INSERT IGNORE INTO events (id, organizer_id, title, description, type_id,
    city_id, place_id, starts_at, ends_at, capacity, requires_approval,
    status, published_at)
SELECT 2, u.id, 'Gran recogida de alimentos en el Retiro',
    'Recogemos alimentos no perecederos para los bancos de alimentos del barrio. Necesitamos manos para clasificar y cargar las cajas.',
    t.id, c.id, 2,
    DATE(UTC_TIMESTAMP()) + INTERVAL 10 DAY + INTERVAL 9 HOUR,
    DATE(UTC_TIMESTAMP()) + INTERVAL 10 DAY + INTERVAL 14 HOUR,
    0, 0, 'published', UTC_TIMESTAMP()
FROM users u JOIN event_types t ON t.name = 'Recogida de alimentos' JOIN cities c ON c.name = 'Madrid'
WHERE u.email = 'ong@agora.test';
INSERT IGNORE INTO events (id, organizer_id, title, description, type_id,
    city_id, place_id, starts_at, ends_at, capacity, requires_approval,
    status, published_at)
SELECT 3, u.id, 'Limpieza del Jardín del Turia',
    'Una mañana para dejar el cauce del Turia limpio de plásticos. Guantes y bolsas incluidos; ven con ropa cómoda y agua.',
    t.id, c.id, 4,
    DATE(UTC_TIMESTAMP()) + INTERVAL 14 DAY + INTERVAL 9 HOUR,
    DATE(UTC_TIMESTAMP()) + INTERVAL 14 DAY + INTERVAL 13 HOUR,
    40, 0, 'published', UTC_TIMESTAMP()
FROM users u JOIN event_types t ON t.name = 'Limpieza de espacios naturales' JOIN cities c ON c.name = 'Valencia'
WHERE u.email = 'ong@agora.test';
INSERT IGNORE INTO events (id, organizer_id, title, description, type_id,
    city_id, place_id, starts_at, ends_at, capacity, requires_approval,
    status, published_at)
SELECT 4, u.id, 'Concierto solidario por la vivienda digna',
    'Grupos del barrio tocan a beneficio de las familias que buscan una vivienda digna. Entrada con donativo voluntario.',
    t.id, c.id, 3,
    DATE(UTC_TIMESTAMP()) + INTERVAL 21 DAY + INTERVAL 19 HOUR,
    DATE(UTC_TIMESTAMP()) + INTERVAL 21 DAY + INTERVAL 22 HOUR,
    150, 0, 'published', UTC_TIMESTAMP()
FROM users u JOIN event_types t ON t.name = 'Concierto solidario' JOIN cities c ON c.name = 'Barcelona'
WHERE u.email = 'ong@agora.test';
INSERT IGNORE INTO events (id, organizer_id, title, description, type_id,
    city_id, place_id, starts_at, ends_at, capacity, requires_approval,
    status, published_at)
SELECT 5, u.id, 'Carrera solidaria de 5 km en María Luisa',
    'Corre o camina 5 km por el parque. Cada dorsal financia material escolar para la infancia del distrito.',
    t.id, c.id, 5,
    DATE(UTC_TIMESTAMP()) + INTERVAL 28 DAY + INTERVAL 8 HOUR,
    DATE(UTC_TIMESTAMP()) + INTERVAL 28 DAY + INTERVAL 11 HOUR,
    300, 0, 'published', UTC_TIMESTAMP()
FROM users u JOIN event_types t ON t.name = 'Carrera solidaria' JOIN cities c ON c.name = 'Sevilla'
WHERE u.email = 'ong@agora.test';
INSERT IGNORE INTO events (id, organizer_id, title, description, type_id,
    city_id, place_id, starts_at, ends_at, capacity, requires_approval,
    status, published_at)
SELECT 6, u.id, 'Maratón de donación de sangre',
    'Unidad móvil de donación junto a la plaza del Pilar. Sin cita previa; recuerda desayunar antes de venir.',
    t.id, c.id, NULL,
    DATE(UTC_TIMESTAMP()) + INTERVAL 5 DAY + INTERVAL 10 HOUR,
    DATE(UTC_TIMESTAMP()) + INTERVAL 5 DAY + INTERVAL 16 HOUR,
    0, 0, 'published', UTC_TIMESTAMP()
FROM users u JOIN event_types t ON t.name = 'Donación de sangre' JOIN cities c ON c.name = 'Zaragoza'
WHERE u.email = 'ong@agora.test';
INSERT IGNORE INTO events (id, organizer_id, title, description, type_id,
    city_id, place_id, starts_at, ends_at, capacity, requires_approval,
    status, published_at)
SELECT 7, u.id, 'Charla: consumo responsable y residuo cero',
    'Cómo reducir los residuos en casa con gestos sencillos. Turno de preguntas al final y reparto de bolsas de tela.',
    t.id, c.id, NULL,
    DATE(UTC_TIMESTAMP()) + INTERVAL 12 DAY + INTERVAL 18 HOUR,
    DATE(UTC_TIMESTAMP()) + INTERVAL 12 DAY + INTERVAL 20 HOUR,
    60, 0, 'published', UTC_TIMESTAMP()
FROM users u JOIN event_types t ON t.name = 'Charla' JOIN cities c ON c.name = 'Bilbao'
WHERE u.email = 'ong@agora.test';
INSERT IGNORE INTO events (id, organizer_id, title, description, type_id,
    city_id, place_id, starts_at, ends_at, capacity, requires_approval,
    status, published_at)
SELECT 8, u.id, 'Voluntariado con personas mayores',
    'Acompañamos a personas mayores que viven solas: paseos, juegos de mesa y conversación. Las inscripciones se revisan antes de aceptarlas.',
    t.id, c.id, NULL,
    DATE(UTC_TIMESTAMP()) + INTERVAL 18 DAY + INTERVAL 10 HOUR,
    DATE(UTC_TIMESTAMP()) + INTERVAL 18 DAY + INTERVAL 14 HOUR,
    20, 1, 'published', UTC_TIMESTAMP()
FROM users u JOIN event_types t ON t.name = 'Voluntariado' JOIN cities c ON c.name = 'Málaga'
WHERE u.email = 'ong@agora.test';
INSERT IGNORE INTO events (id, organizer_id, title, description, type_id,
    city_id, place_id, starts_at, ends_at, capacity, requires_approval,
    status, published_at)
SELECT 9, u.id, 'Taller de alfabetización digital',
    'Enseñamos a usar el móvil y el correo electrónico a quienes empiezan. Buscamos voluntariado con paciencia y ganas.',
    t.id, c.id, NULL,
    DATE(UTC_TIMESTAMP()) + INTERVAL 9 DAY + INTERVAL 17 HOUR,
    DATE(UTC_TIMESTAMP()) + INTERVAL 9 DAY + INTERVAL 20 HOUR,
    15, 1, 'published', UTC_TIMESTAMP()
FROM users u JOIN event_types t ON t.name = 'Taller' JOIN cities c ON c.name = 'Granada'
WHERE u.email = 'ong@agora.test';
INSERT IGNORE INTO events (id, organizer_id, title, description, type_id,
    city_id, place_id, starts_at, ends_at, capacity, requires_approval,
    status, published_at)
SELECT 10, u.id, 'Refuerzo escolar en el Centre Cívic',
    'Apoyo con los deberes a niñas y niños de primaria dos tardes por semana. Primera sesión de presentación.',
    t.id, c.id, 3,
    DATE(UTC_TIMESTAMP()) + INTERVAL 16 DAY + INTERVAL 16 HOUR,
    DATE(UTC_TIMESTAMP()) + INTERVAL 16 DAY + INTERVAL 19 HOUR,
    30, 0, 'published', UTC_TIMESTAMP()
FROM users u JOIN event_types t ON t.name = 'Voluntariado' JOIN cities c ON c.name = 'Barcelona'
WHERE u.email = 'ong@agora.test';
INSERT IGNORE INTO events (id, organizer_id, title, description, type_id,
    city_id, place_id, starts_at, ends_at, capacity, requires_approval,
    status, published_at)
SELECT 11, u.id, 'Recogida de juguetes y alimentos',
    'Punto de recogida de juguetes nuevos y alimentos para la campaña de invierno. Ven a dejar tu donación o a echar una mano.',
    t.id, c.id, NULL,
    DATE(UTC_TIMESTAMP()) + INTERVAL 24 DAY + INTERVAL 10 HOUR,
    DATE(UTC_TIMESTAMP()) + INTERVAL 24 DAY + INTERVAL 18 HOUR,
    0, 0, 'published', UTC_TIMESTAMP()
FROM users u JOIN event_types t ON t.name = 'Recogida de alimentos' JOIN cities c ON c.name = 'Valencia'
WHERE u.email = 'ong@agora.test';
INSERT IGNORE INTO events (id, organizer_id, title, description, type_id,
    city_id, place_id, starts_at, ends_at, capacity, requires_approval,
    status, published_at)
SELECT 12, u.id, 'Limpieza de la playa de la Misericordia',
    'Retiramos residuos de la arena y clasificamos lo recogido para su reciclaje. Actividad apta para familias.',
    t.id, c.id, NULL,
    DATE(UTC_TIMESTAMP()) + INTERVAL 35 DAY + INTERVAL 9 HOUR,
    DATE(UTC_TIMESTAMP()) + INTERVAL 35 DAY + INTERVAL 13 HOUR,
    50, 0, 'published', UTC_TIMESTAMP()
FROM users u JOIN event_types t ON t.name = 'Limpieza de espacios naturales' JOIN cities c ON c.name = 'Málaga'
WHERE u.email = 'ong@agora.test';
INSERT IGNORE INTO events (id, organizer_id, title, description, type_id,
    city_id, place_id, starts_at, ends_at, capacity, requires_approval,
    status, published_at)
SELECT 13, u.id, 'Charla sobre voluntariado internacional',
    'Borrador: experiencias de voluntariado fuera de España y cómo prepararse antes de viajar.',
    t.id, c.id, 1,
    DATE(UTC_TIMESTAMP()) + INTERVAL 40 DAY + INTERVAL 18 HOUR,
    DATE(UTC_TIMESTAMP()) + INTERVAL 40 DAY + INTERVAL 20 HOUR,
    80, 0, 'draft', NULL
FROM users u JOIN event_types t ON t.name = 'Charla' JOIN cities c ON c.name = 'Madrid'
WHERE u.email = 'ong@agora.test';
INSERT IGNORE INTO events (id, organizer_id, title, description, type_id,
    city_id, place_id, starts_at, ends_at, capacity, requires_approval,
    status, published_at)
SELECT 14, u.id, 'Taller de huerto urbano',
    'Borrador: cómo montar un huerto en un balcón con material reciclado.',
    t.id, c.id, NULL,
    DATE(UTC_TIMESTAMP()) + INTERVAL 45 DAY + INTERVAL 11 HOUR,
    DATE(UTC_TIMESTAMP()) + INTERVAL 45 DAY + INTERVAL 14 HOUR,
    12, 1, 'draft', NULL
FROM users u JOIN event_types t ON t.name = 'Taller' JOIN cities c ON c.name = 'Sevilla'
WHERE u.email = 'ong@agora.test';
INSERT IGNORE INTO events (id, organizer_id, title, description, type_id,
    city_id, place_id, starts_at, ends_at, capacity, requires_approval,
    status, published_at)
SELECT 15, u.id, 'Concierto de otoño a beneficio del comedor social',
    'Ya celebrado: gracias a todas las personas que vinieron, se recaudó lo necesario para el comedor durante tres meses.',
    t.id, c.id, 2,
    DATE(UTC_TIMESTAMP()) - INTERVAL 20 DAY + INTERVAL 19 HOUR,
    DATE(UTC_TIMESTAMP()) - INTERVAL 20 DAY + INTERVAL 22 HOUR,
    200, 0, 'finished', UTC_TIMESTAMP()
FROM users u JOIN event_types t ON t.name = 'Concierto solidario' JOIN cities c ON c.name = 'Madrid'
WHERE u.email = 'ong@agora.test';
INSERT IGNORE INTO events (id, organizer_id, title, description, type_id,
    city_id, place_id, starts_at, ends_at, capacity, requires_approval,
    status, published_at)
SELECT 16, u.id, 'Carrera nocturna por la ría',
    'Cancelada por la previsión de temporal. Las inscripciones se devolverán; buscaremos una nueva fecha.',
    t.id, c.id, NULL,
    DATE(UTC_TIMESTAMP()) + INTERVAL 20 DAY + INTERVAL 9 HOUR,
    DATE(UTC_TIMESTAMP()) + INTERVAL 20 DAY + INTERVAL 12 HOUR,
    250, 0, 'cancelled', UTC_TIMESTAMP()
FROM users u JOIN event_types t ON t.name = 'Carrera solidaria' JOIN cities c ON c.name = 'Bilbao'
WHERE u.email = 'ong@agora.test';

INSERT IGNORE INTO event_sponsors (event_id, company_id, status, decided_at)
SELECT e.id, u.id, 'accepted', UTC_TIMESTAMP() FROM events e JOIN users u
    ON u.email = 'empresa@agora.test' WHERE e.id = 4;

-- The hours above are local: every demo city keeps the EU's summer time
-- (last Sunday of March to last Sunday of October), Madrid and the rest
-- of the mainland at UTC+1 and +2, the Canaries an hour behind.  Only the
-- rows this run inserted, so a restart never shifts one again.
UPDATE events e JOIN (
	SELECT e2.id, IF(c.timezone = 'Atlantic/Canary', 0, 1) +
	    (DATE(e2.starts_at) >= MAKEDATE(YEAR(e2.starts_at), 1) + INTERVAL 2 MONTH + INTERVAL 30 DAY -
		INTERVAL (DAYOFWEEK(MAKEDATE(YEAR(e2.starts_at), 1) + INTERVAL 2 MONTH + INTERVAL 30 DAY) - 1) DAY AND
	     DATE(e2.starts_at) < MAKEDATE(YEAR(e2.starts_at), 1) + INTERVAL 9 MONTH + INTERVAL 30 DAY -
		INTERVAL (DAYOFWEEK(MAKEDATE(YEAR(e2.starts_at), 1) + INTERVAL 9 MONTH + INTERVAL 30 DAY) - 1) DAY)
	    AS hours
	FROM events e2 JOIN cities c ON c.id = e2.city_id
	WHERE e2.id BETWEEN 1 AND 16) o ON o.id = e.id
-- Each demo event starts and ends on one day: one offset serves both.
SET e.starts_at = e.starts_at - INTERVAL o.hours HOUR,
    e.ends_at = e.ends_at - INTERVAL o.hours HOUR
WHERE e.id BETWEEN 1 AND 16
    AND e.id NOT IN (SELECT id FROM demo_events_before);
DROP TEMPORARY TABLE demo_events_before;
