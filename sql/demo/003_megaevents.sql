-- Demo mega events by the demo NGO (ong@agora.test); idempotent.  They
-- appear once that account exists: the demo accounts are created after
-- the demo data on a fresh database, so from the second start on.
INSERT INTO megaevents (organizer_id, title, description, category_id,
    starts_at, ends_at, is_public)
SELECT u.id, 'Festival Solidario de Primavera',
    'Tres días de conciertos, talleres y mercadillo solidario en el Parque del Retiro. Todo lo que se recaude se destina a los comedores sociales del barrio. Trae a tu familia y a tus amigos: hay actividades para todas las edades.',
    c.id, '2027-04-16 10:00:00', '2027-04-18 21:00:00', 1
FROM users u JOIN megaevent_categories c ON c.name = 'Festival'
WHERE u.email = 'ong@agora.test' AND NOT EXISTS (SELECT 1 FROM megaevents m
    WHERE m.organizer_id = u.id AND m.title = 'Festival Solidario de Primavera');
INSERT INTO megaevents (organizer_id, title, description, category_id,
    starts_at, ends_at, is_public)
SELECT u.id, 'Campaña Ningún Niño sin Juguete',
    'Durante las fiestas recogemos juguetes nuevos y en buen estado para repartirlos entre las familias que atienden nuestros voluntarios. Apúntate para ayudar en los puntos de recogida, en la clasificación o en el reparto.',
    c.id, '2026-12-01 09:00:00', '2027-01-06 20:00:00', 1
FROM users u JOIN megaevent_categories c ON c.name = 'Campaña'
WHERE u.email = 'ong@agora.test' AND NOT EXISTS (SELECT 1 FROM megaevents m
    WHERE m.organizer_id = u.id AND m.title = 'Campaña Ningún Niño sin Juguete');
