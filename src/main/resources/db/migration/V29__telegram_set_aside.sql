-- Updates set aside by the flood limit of a chat (module telegram), until they are replayed once the burst is
-- over. The raw update is the quarantine item; this row says which chat it belongs to, in which order, and whether
-- it was replayed, so that a restart replays what is left, once, in order.
CREATE TABLE telegram_set_aside (
    quarantine_id BIGINT       NOT NULL PRIMARY KEY REFERENCES quarantine (id),
    chat_id       BIGINT       NOT NULL,
    update_id     BIGINT       NOT NULL,
    set_aside_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    replayed_at   TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX idx_telegram_set_aside_chat ON telegram_set_aside (chat_id, replayed_at);
