-- A Message-ID is not unique in practice: some clients and gateways reuse one for mails with different content.
-- Both mails must be kept (the inbound dedupe table already tells them apart by a content hash), so the column
-- loses its UNIQUE constraint and keeps a plain index for threading. H2 gave the inline constraint a generated
-- name; dropping the column drops it, hence the copy.
ALTER TABLE ticket_messages ADD COLUMN email_message_id_new VARCHAR(998);
UPDATE ticket_messages SET email_message_id_new = email_message_id;
ALTER TABLE ticket_messages DROP COLUMN email_message_id;
ALTER TABLE ticket_messages ALTER COLUMN email_message_id_new RENAME TO email_message_id;
CREATE INDEX idx_messages_email_message_id ON ticket_messages (email_message_id);
-- Replies to a subscription confirmation are recognised by our Message-ID kept in the outbox.
CREATE INDEX idx_outbox_message_id ON outbox (message_id);
