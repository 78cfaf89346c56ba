-- Notifications.  Owner: the notifications program (pages, API, devices,
-- preferences); the notifier's consumers write the rows; the stream
-- program reads them to push new ones to open browsers and apps.

CREATE TABLE notifications (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	user_id		BIGINT UNSIGNED NOT NULL,
	-- The outbox row it came from, with the type: a row delivered twice
	-- still makes one notification.
	outbox_id	BIGINT UNSIGNED NULL,
	type		VARCHAR(40) NOT NULL,
	title		VARCHAR(200) NOT NULL,
	body		VARCHAR(1000) NOT NULL DEFAULT '',
	link		VARCHAR(500) NULL,
	read_at		DATETIME NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY notifications_once (outbox_id, user_id, type),
	KEY notifications_user (user_id, id),
	KEY notifications_unread (user_id, read_at),
	CONSTRAINT notifications_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Per user, per type, per channel; a missing row means the default
-- (in-app and e-mail on, push on).
CREATE TABLE notification_prefs (
	user_id		BIGINT UNSIGNED NOT NULL,
	type		VARCHAR(40) NOT NULL,
	channel		ENUM('inapp', 'email', 'push') NOT NULL,
	enabled		TINYINT(1) NOT NULL,
	PRIMARY KEY (user_id, type, channel),
	CONSTRAINT notification_prefs_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Push device tokens registered by the app.
CREATE TABLE push_devices (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	user_id		BIGINT UNSIGNED NOT NULL,
	platform	ENUM('android', 'ios', 'web') NOT NULL,
	token		VARCHAR(255) NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	last_used_at	DATETIME NULL,
	UNIQUE KEY push_devices_token (token),
	KEY push_devices_user (user_id),
	CONSTRAINT push_devices_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The notification types, here and not only in the demo data: the
-- preferences page lists them on every install.
INSERT IGNORE INTO notification_types (code, name, name_en, position) VALUES
	('enrolment_received', 'Inscripción recibida', 'Enrolment received', 1),
	('enrolment_approved', 'Inscripción aprobada', 'Enrolment approved', 2),
	('enrolment_rejected', 'Inscripción rechazada', 'Enrolment rejected', 3),
	('event_published', 'Evento publicado', 'Event published', 4),
	('event_changed', 'Evento modificado', 'Event changed', 5),
	('event_cancelled', 'Evento cancelado', 'Event cancelled', 6),
	('sponsorship_requested', 'Patrocinio solicitado', 'Sponsorship requested', 7),
	('sponsorship_accepted', 'Patrocinio aceptado', 'Sponsorship accepted', 8),
	('password_reset', 'Restablecer contraseña', 'Password reset', 9),
	('event_reminder', 'Recordatorio de evento', 'Event reminder', 10);
