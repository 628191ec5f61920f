-- PostgreSQL twin of db/vendor/h2/V8__message_id_not_unique.sql: a Message-ID is not unique in practice (some
-- clients and gateways reuse one for mails with different content), so the column loses its UNIQUE constraint and
-- keeps a plain index for threading. PostgreSQL names the inline constraint predictably, so no column copy is needed.
ALTER TABLE ticket_messages DROP CONSTRAINT ticket_messages_email_message_id_key;
CREATE INDEX idx_messages_email_message_id ON ticket_messages (email_message_id);
-- Replies to a subscription confirmation are recognised by our Message-ID kept in the outbox.
CREATE INDEX idx_outbox_message_id ON outbox (message_id);
