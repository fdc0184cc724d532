-- Cell broadcasts: messages, the events sent for them, one provider message per (event, provider),
-- Vodafone message numbers, and per-service broadcast settings.
-- Spec: workers.md 5.1-5.6, internal-api-and-schema.md 1.4.9 and 3.3, adr-0001.

CREATE TABLE broadcast_message (
    id uuid NOT NULL,
    service_id uuid NOT NULL,
    template_id uuid,                           -- null for content-only and CAP (API) broadcasts
    template_version integer,
    _personalisation text,                      -- encrypted JSON object
    content text,                               -- rendered text (always set by the application)
    areas jsonb NOT NULL DEFAULT '[]'::jsonb,   -- {"areas": [names], "simple_polygons": [[[lat, lon], ...], ...]}
    status varchar NOT NULL DEFAULT 'draft',
    starts_at timestamp,
    finishes_at timestamp,
    created_at timestamp NOT NULL,
    approved_at timestamp,
    cancelled_at timestamp,
    updated_at timestamp,
    created_by_id uuid,                         -- null for API-created broadcasts
    approved_by_id uuid,
    cancelled_by_id uuid,
    api_key_id uuid,
    reference varchar(255),
    stubbed boolean NOT NULL DEFAULT false,     -- training-mode service: events are not sent
    CONSTRAINT broadcast_message_pkey PRIMARY KEY (id),
    CONSTRAINT broadcast_message_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT broadcast_message_template_history_fkey FOREIGN KEY (template_id, template_version)
        REFERENCES templates_history (id, version),
    CONSTRAINT broadcast_message_status_fkey FOREIGN KEY (status) REFERENCES broadcast_status_type (name),
    CONSTRAINT broadcast_message_created_by_id_fkey FOREIGN KEY (created_by_id) REFERENCES users (id),
    CONSTRAINT broadcast_message_approved_by_id_fkey FOREIGN KEY (approved_by_id) REFERENCES users (id),
    CONSTRAINT broadcast_message_cancelled_by_id_fkey FOREIGN KEY (cancelled_by_id) REFERENCES users (id),
    CONSTRAINT broadcast_message_api_key_id_fkey FOREIGN KEY (api_key_id) REFERENCES api_keys (id)
);
CREATE INDEX ix_broadcast_message_service_id_created_at ON broadcast_message (service_id, created_at);
CREATE INDEX ix_broadcast_message_template ON broadcast_message (template_id, template_version);
CREATE INDEX ix_broadcast_message_status ON broadcast_message (status);
CREATE INDEX ix_broadcast_message_created_by_id ON broadcast_message (created_by_id);
CREATE INDEX ix_broadcast_message_approved_by_id ON broadcast_message (approved_by_id);
CREATE INDEX ix_broadcast_message_cancelled_by_id ON broadcast_message (cancelled_by_id);
CREATE INDEX ix_broadcast_message_api_key_id ON broadcast_message (api_key_id);

-- Self-contained by design: what was transmitted is copied here, so later edits of the message
-- never change what an event sent.
CREATE TABLE broadcast_event (
    id uuid NOT NULL,
    service_id uuid,
    broadcast_message_id uuid NOT NULL,
    sent_at timestamp NOT NULL,
    message_type varchar NOT NULL,
    transmitted_content jsonb,                  -- {"body": "..."}
    transmitted_areas jsonb NOT NULL DEFAULT '[]'::jsonb,
    transmitted_sender varchar NOT NULL,
    transmitted_starts_at timestamp,
    transmitted_finishes_at timestamp,
    CONSTRAINT broadcast_event_pkey PRIMARY KEY (id),
    CONSTRAINT broadcast_event_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT broadcast_event_broadcast_message_id_fkey FOREIGN KEY (broadcast_message_id)
        REFERENCES broadcast_message (id),
    CONSTRAINT ck_broadcast_event_message_type CHECK (message_type IN ('alert', 'update', 'cancel'))
);
-- "other events of the same message with an earlier sent_at" (workers.md 5.6)
CREATE INDEX ix_broadcast_event_broadcast_message_id_sent_at ON broadcast_event (broadcast_message_id, sent_at);
CREATE INDEX ix_broadcast_event_service_id ON broadcast_event (service_id);

-- id is the CAP identifier sent to that provider, so retries must reuse the row: one row per
-- (event, provider), enforced here so concurrent or redelivered tasks cannot create a second
-- one (insert ... ON CONFLICT ON CONSTRAINT uq_broadcast_provider_message_event_provider DO NOTHING,
-- then select).
CREATE TABLE broadcast_provider_message (
    id uuid NOT NULL,
    broadcast_event_id uuid NOT NULL,
    provider varchar NOT NULL,
    status varchar NOT NULL DEFAULT 'sending',
    created_at timestamp NOT NULL,
    updated_at timestamp,
    CONSTRAINT broadcast_provider_message_pkey PRIMARY KEY (id),
    CONSTRAINT broadcast_provider_message_broadcast_event_id_fkey FOREIGN KEY (broadcast_event_id)
        REFERENCES broadcast_event (id),
    -- the original had the lookup table but no FK
    CONSTRAINT broadcast_provider_message_status_fkey FOREIGN KEY (status)
        REFERENCES broadcast_provider_message_status_type (name),
    CONSTRAINT ck_broadcast_provider_message_provider CHECK (provider IN ('ee', 'vodafone', 'three', 'o2')),
    CONSTRAINT uq_broadcast_provider_message_event_provider UNIQUE (broadcast_event_id, provider)
);
CREATE INDEX ix_broadcast_provider_message_status ON broadcast_provider_message (status);

-- Vodafone needs a numeric message id: the sequence value, sent as 8 lower-case hex digits.
CREATE SEQUENCE broadcast_provider_message_number_seq AS integer;

CREATE TABLE broadcast_provider_message_number (
    broadcast_provider_message_number integer NOT NULL DEFAULT nextval('broadcast_provider_message_number_seq'),
    broadcast_provider_message_id uuid NOT NULL,
    CONSTRAINT broadcast_provider_message_number_pkey PRIMARY KEY (broadcast_provider_message_number),
    CONSTRAINT broadcast_provider_message_number_message_id_fkey
        FOREIGN KEY (broadcast_provider_message_id) REFERENCES broadcast_provider_message (id),
    -- one number per provider message; a retry reuses it
    CONSTRAINT uq_broadcast_provider_message_number_message_id UNIQUE (broadcast_provider_message_id)
);
ALTER SEQUENCE broadcast_provider_message_number_seq
    OWNED BY broadcast_provider_message_number.broadcast_provider_message_number;

-- The channel a service broadcasts on; no row means 'test'.
CREATE TABLE service_broadcast_settings (
    service_id uuid NOT NULL,
    channel varchar(255) NOT NULL,
    created_at timestamp NOT NULL,
    updated_at timestamp,
    CONSTRAINT service_broadcast_settings_pkey PRIMARY KEY (service_id),
    CONSTRAINT service_broadcast_settings_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT service_broadcast_settings_channel_fkey FOREIGN KEY (channel) REFERENCES broadcast_channel_types (name)
);
CREATE INDEX ix_service_broadcast_settings_channel ON service_broadcast_settings (channel);

-- Limits a service to one mobile network; no row means every enabled network.
CREATE TABLE service_broadcast_provider_restriction (
    service_id uuid NOT NULL,
    provider varchar NOT NULL,
    created_at timestamp NOT NULL,
    CONSTRAINT service_broadcast_provider_restriction_pkey PRIMARY KEY (service_id),
    CONSTRAINT service_broadcast_provider_restriction_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT ck_service_broadcast_provider_restriction_provider CHECK (provider IN ('ee', 'vodafone', 'three', 'o2'))
);
