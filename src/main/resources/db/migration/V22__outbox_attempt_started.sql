-- When the current attempt to send a message began; NULL when no attempt is under way. Written and committed
-- before the message is handed to SMTP or Telegram, cleared with the attempt's outcome: a message claimed again
-- with this still set was being sent when the process died, and may have left (see Outbox.claimDue).
ALTER TABLE outbox ADD COLUMN attempt_started_at TIMESTAMP(6) WITH TIME ZONE;
