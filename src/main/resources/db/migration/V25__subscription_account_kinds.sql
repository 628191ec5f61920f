-- Account requests are told apart: create, change, close, transfer (the assistant's intents).
ALTER TABLE subscription_requests DROP CONSTRAINT ck_subscriptions_kind;
ALTER TABLE subscription_requests ADD CONSTRAINT ck_subscriptions_kind
    CHECK (kind IN ('MEMBERSHIP', 'ADD_SERVICE', 'ACCOUNT', 'ACCOUNT_CHANGE', 'ACCOUNT_CLOSE', 'ACCOUNT_TRANSFER', 'TRAINING'));
