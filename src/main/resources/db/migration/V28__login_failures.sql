-- Failed logins, counted in the database so that every instance behind a load balancer sees the same counts.
-- scope: 'USER_ADDRESS' (key: lower-cased username, a space, client address) or 'ADDRESS' (key: client address).
CREATE TABLE login_failures (
    scope        VARCHAR(20)  NOT NULL,
    failure_key  VARCHAR(400) NOT NULL,
    failures     INTEGER      NOT NULL,
    last_failure TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    locked_until TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_login_failures PRIMARY KEY (scope, failure_key)
);
CREATE INDEX idx_login_failures_last ON login_failures (last_failure);
