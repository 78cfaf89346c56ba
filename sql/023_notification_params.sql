-- Owner: cron/inapp.c writes it; the notifications and stream programs
-- read it (lib/notice.c).
-- What a notification's title and body were drawn from (lib/notice.h):
-- {"part", "title", "when"}, so that the list and the stream draw them
-- again in the reader's language.  NULL on rows written before, which
-- keep the words they were given.
ALTER TABLE notifications ADD COLUMN params TEXT NULL AFTER body;
