-- One row per service-callback queue message being or having been sent (docs/adr/0196): a message SQS delivers again
-- after its callback was sent is recognised by its message id and not sent twice. Not an original table.
CREATE TABLE service_callback_claims (
    message_id varchar(255) NOT NULL,
    claimed_at timestamp NOT NULL,      -- UTC
    done_at timestamp,                  -- UTC; null while the attempt is in flight
    CONSTRAINT service_callback_claims_pkey PRIMARY KEY (message_id)
);
-- the nightly clean-up deletes by age
CREATE INDEX ix_service_callback_claims_claimed_at ON service_callback_claims (claimed_at);
