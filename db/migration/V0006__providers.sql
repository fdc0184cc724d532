-- Delivery providers, their change history, and per-message costs.
-- Spec: internal-api-and-schema.md sections 1.4.8, 3.2 (B) and 3.3; workers.md 2.6-2.7.
-- Every update of a provider increments version, sets updated_at and inserts a copy into
-- provider_details_history (also done by the automatic priority rebalancing).

CREATE TABLE provider_details (
    id uuid NOT NULL,
    display_name varchar NOT NULL,
    identifier varchar NOT NULL,                -- mmg, firetext, ses, dvla (not unique, as in the original)
    priority integer NOT NULL,                  -- traffic weight among active providers of a type
    notification_type notification_type NOT NULL,
    active boolean NOT NULL DEFAULT false,
    version integer NOT NULL DEFAULT 1,
    updated_at timestamp,
    created_by_id uuid,
    supports_international boolean NOT NULL DEFAULT false,
    CONSTRAINT provider_details_pkey PRIMARY KEY (id),
    CONSTRAINT provider_details_created_by_id_fkey FOREIGN KEY (created_by_id) REFERENCES users (id)
);
CREATE INDEX ix_provider_details_created_by_id ON provider_details (created_by_id);

CREATE TABLE provider_details_history (
    id uuid NOT NULL,
    display_name varchar NOT NULL,
    identifier varchar NOT NULL,
    priority integer NOT NULL,
    notification_type notification_type NOT NULL,
    active boolean NOT NULL,
    version integer NOT NULL,
    updated_at timestamp,
    created_by_id uuid,
    supports_international boolean NOT NULL DEFAULT false,
    CONSTRAINT provider_details_history_pkey PRIMARY KEY (id, version),
    CONSTRAINT provider_details_history_created_by_id_fkey FOREIGN KEY (created_by_id) REFERENCES users (id)
);
CREATE INDEX ix_provider_details_history_created_by_id ON provider_details_history (created_by_id);

-- Historical per-message cost charged by a provider.
CREATE TABLE provider_rates (
    id uuid NOT NULL,
    valid_from timestamp NOT NULL,
    rate numeric NOT NULL,
    provider_id uuid NOT NULL,
    CONSTRAINT provider_rates_pkey PRIMARY KEY (id),
    CONSTRAINT provider_rates_provider_id_fkey FOREIGN KEY (provider_id) REFERENCES provider_details (id)
);
CREATE INDEX ix_provider_rates_provider_id ON provider_rates (provider_id);

-- What Notify charges a service per SMS fragment (read by the nightly ft_billing build).
CREATE TABLE rates (
    id uuid NOT NULL,
    valid_from timestamp NOT NULL,
    rate numeric NOT NULL,
    notification_type notification_type NOT NULL,
    CONSTRAINT rates_pkey PRIMARY KEY (id)
);
CREATE INDEX ix_rates_notification_type ON rates (notification_type);

-- ---------------------------------------------------------------------------
-- seed providers (section 3.3): all active, version 1, each with its history row
-- ---------------------------------------------------------------------------
INSERT INTO provider_details
    (id, display_name, identifier, priority, notification_type, active, version, updated_at, created_by_id, supports_international)
VALUES
    ('764dbffa-1a8d-4765-ba10-47b736a23e6e', 'MMG',      'mmg',      10, 'sms',    true, 1, null, null, true),
    ('32cbaac7-dcba-43fe-9d1a-8fa2deb989e3', 'Firetext', 'firetext', 20, 'sms',    true, 1, null, null, false),
    ('1f2610cb-69bd-41f6-9cdb-c4be31e1e5f7', 'AWS SES',  'ses',      10, 'email',  true, 1, null, null, false),
    ('445c22d8-5257-45df-9b54-b12a61609876', 'DVLA',     'dvla',     50, 'letter', true, 1, null, null, false);

INSERT INTO provider_details_history
    (id, display_name, identifier, priority, notification_type, active, version, updated_at, created_by_id, supports_international)
SELECT id, display_name, identifier, priority, notification_type, active, version, updated_at, created_by_id, supports_international
FROM provider_details;

-- SMS prices published by Notify (1.65p from 18 May 2016, 1.58p from 1 April 2017, London time).
-- Change prices with a new migration adding a row with a later valid_from; never edit these.
INSERT INTO rates (id, valid_from, rate, notification_type) VALUES
    ('ca217a35-b4e0-4724-b986-4c81e06b1ac1', '2016-05-17 23:00:00', 0.0165, 'sms'),
    ('eaf790bd-ed09-498a-847a-48c88323deb1', '2017-03-31 23:00:00', 0.0158, 'sms');
