-- Progress of a long Telegram message sent as several parts (4 096 characters each): how many parts Telegram has
-- already accepted, so that a retry or a restart goes on from the next part instead of sending them again.
-- The row is written after each part and deleted once the message is sent or failed for good. No foreign key:
-- it must never stand in the way of the outbox's own housekeeping.
CREATE TABLE telegram_parts_sent (
    outbox_id  BIGINT  NOT NULL PRIMARY KEY,
    parts_sent INTEGER NOT NULL
);
