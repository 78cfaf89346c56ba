-- The notifier claims pending rows in id order; with this index it reads
-- only the head of the queue, however many delivered rows are kept.
ALTER TABLE outbox ADD KEY outbox_queue (status, id);
