-- Callback suspension (docs/adr/0170-callback-backoff-suspension-and-parking.md). One circuit per service, shared by
-- its delivery-status, complaint and inbound SMS callbacks: consecutive failed attempts, and whether the service's
-- callbacks are suspended. is_suspended / suspended_at are GC Notify's column names (cds-snc/notification-api
-- app/models.py ServiceCallbackApi); suspended_at is also set when callbacks are resumed, as GC does.
CREATE TABLE service_callback_circuits (
    service_id           uuid PRIMARY KEY REFERENCES services (id),
    consecutive_failures integer NOT NULL DEFAULT 0,
    is_suspended         boolean NOT NULL DEFAULT false,
    suspended_at         timestamp NULL,
    updated_by_id        uuid NULL REFERENCES users (id),
    updated_at           timestamp NULL
);

-- Callback tasks of a suspended service, kept (never dropped) until callbacks are resumed, then published again in
-- id order. A replay leases rows (claimed_until) before publishing them and deletes them after, so a worker that
-- dies mid-replay leaves its rows for the next replay, and two replays never publish the same row.
CREATE TABLE parked_callbacks (
    id            bigserial PRIMARY KEY,
    service_id    uuid NOT NULL REFERENCES services (id),
    task          text NOT NULL,
    parked_at     timestamp NOT NULL,
    claimed_until timestamp NULL
);
CREATE INDEX ix_parked_callbacks_service_id ON parked_callbacks (service_id, id);
