-- What the assistant decided, as staff see it on the ticket page, and the staff's review of automatic answers.
ALTER TABLE assistant_interactions ADD COLUMN decision_json TEXT;
ALTER TABLE assistant_interactions ADD COLUMN review_verdict VARCHAR(10);
ALTER TABLE assistant_interactions ADD COLUMN review_intent VARCHAR(40);
ALTER TABLE assistant_interactions ADD COLUMN review_article VARCHAR(300);
ALTER TABLE assistant_interactions ADD COLUMN reviewed_by VARCHAR(100);
ALTER TABLE assistant_interactions ADD COLUMN reviewed_at TIMESTAMP(6) WITH TIME ZONE;
CREATE INDEX idx_interactions_kind_at ON assistant_interactions (decision_kind, asked_at);
