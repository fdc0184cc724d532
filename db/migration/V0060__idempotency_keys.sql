-- Idempotency-Key on POST /v2/notifications/* (docs/adr/0150-idempotency-keys-in-the-database.md).
-- One row per (service, key): claimed by INSERT ... ON CONFLICT DO NOTHING before the request runs, completed
-- with the exact first answer (status + body). A row older than the key's lifetime (24 h) counts as absent and
-- is deleted by the scheduler's delete-expired-idempotency-keys job.
CREATE TABLE idempotency_keys (
    service_id uuid NOT NULL,
    idempotency_key varchar(255) NOT NULL,
    request_hash varchar(64) NOT NULL,          -- SHA-256 (hex) of the method, path and canonical JSON body
    created_at timestamp NOT NULL,              -- when the key was claimed (UTC)
    completed_at timestamp,                     -- null while the first request is in progress
    response_status integer,
    response_body bytea,
    CONSTRAINT idempotency_keys_pkey PRIMARY KEY (service_id, idempotency_key),
    CONSTRAINT idempotency_keys_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id) ON DELETE CASCADE
);
CREATE INDEX ix_idempotency_keys_created_at ON idempotency_keys (created_at);
