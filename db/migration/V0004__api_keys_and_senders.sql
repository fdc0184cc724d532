-- API keys, senders (SMS sender, email reply-to, letter contact), inbound numbers and the
-- service callback / inbound SMS APIs.
-- Spec: internal-api-and-schema.md sections 3.1-3.3.
--
-- Encrypted columns (api_keys.secret, *.bearer_token) hold the application's AES-GCM output,
-- base64 encoded: about 4/3 * (plaintext + 28 bytes). A uuid secret is well under 100 characters,
-- so varchar(255) fits; bearer tokens have no upper length in the API, so they are text.

-- ---------------------------------------------------------------------------
-- api_keys (versioned) + api_keys_history
-- ---------------------------------------------------------------------------
CREATE TABLE api_keys (
    id uuid NOT NULL,
    name varchar(255) NOT NULL,
    secret varchar(255) NOT NULL,               -- encrypted uuid (unique kept from the spec; harmless)
    service_id uuid NOT NULL,
    key_type varchar(255) NOT NULL,
    expiry_date timestamp,                      -- null = active
    created_at timestamp NOT NULL,
    updated_at timestamp,
    created_by_id uuid NOT NULL,
    version integer NOT NULL DEFAULT 1,
    CONSTRAINT api_keys_pkey PRIMARY KEY (id),
    CONSTRAINT api_keys_secret_key UNIQUE (secret),
    CONSTRAINT api_keys_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT api_keys_key_type_fkey FOREIGN KEY (key_type) REFERENCES key_types (name),
    CONSTRAINT api_keys_created_by_id_fkey FOREIGN KEY (created_by_id) REFERENCES users (id)
);
CREATE INDEX ix_api_keys_service_id ON api_keys (service_id);
CREATE INDEX ix_api_keys_key_type ON api_keys (key_type);
CREATE INDEX ix_api_keys_created_by_id ON api_keys (created_by_id);
-- A name is unique among the service's unexpired keys only.
CREATE UNIQUE INDEX uix_service_to_key_name ON api_keys (service_id, name) WHERE expiry_date IS NULL;

CREATE TABLE api_keys_history (
    id uuid NOT NULL,
    name varchar(255) NOT NULL,
    secret varchar(255) NOT NULL,
    service_id uuid NOT NULL,
    key_type varchar(255) NOT NULL,
    expiry_date timestamp,
    created_at timestamp NOT NULL,
    updated_at timestamp,
    created_by_id uuid NOT NULL,
    version integer NOT NULL,
    CONSTRAINT api_keys_history_pkey PRIMARY KEY (id, version),
    CONSTRAINT api_keys_history_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT api_keys_history_key_type_fkey FOREIGN KEY (key_type) REFERENCES key_types (name),
    CONSTRAINT api_keys_history_created_by_id_fkey FOREIGN KEY (created_by_id) REFERENCES users (id)
);
CREATE INDEX ix_api_keys_history_service_id ON api_keys_history (service_id);
CREATE INDEX ix_api_keys_history_key_type ON api_keys_history (key_type);
CREATE INDEX ix_api_keys_history_created_by_id ON api_keys_history (created_by_id);

-- ---------------------------------------------------------------------------
-- inbound numbers and SMS senders
-- ---------------------------------------------------------------------------
-- Loaded only by the insert-inbound-numbers command; allocated to at most one service.
CREATE TABLE inbound_numbers (
    id uuid NOT NULL,
    number varchar(11) NOT NULL,
    provider varchar NOT NULL,
    service_id uuid,
    active boolean NOT NULL DEFAULT true,
    created_at timestamp NOT NULL,
    updated_at timestamp,
    CONSTRAINT inbound_numbers_pkey PRIMARY KEY (id),
    CONSTRAINT inbound_numbers_number_key UNIQUE (number),
    CONSTRAINT inbound_numbers_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id)
);
CREATE UNIQUE INDEX ix_inbound_numbers_service_id ON inbound_numbers (service_id);

CREATE TABLE service_sms_senders (
    id uuid NOT NULL,
    sms_sender varchar(11) NOT NULL,
    service_id uuid NOT NULL,
    is_default boolean NOT NULL DEFAULT true,
    archived boolean NOT NULL DEFAULT false,
    inbound_number_id uuid,
    created_at timestamp NOT NULL,
    updated_at timestamp,
    CONSTRAINT service_sms_senders_pkey PRIMARY KEY (id),
    CONSTRAINT service_sms_senders_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT service_sms_senders_inbound_number_id_fkey FOREIGN KEY (inbound_number_id) REFERENCES inbound_numbers (id)
);
CREATE INDEX ix_service_sms_senders_service_id ON service_sms_senders (service_id);
CREATE UNIQUE INDEX ix_service_sms_senders_inbound_number_id ON service_sms_senders (inbound_number_id);

-- ---------------------------------------------------------------------------
-- email reply-to addresses and letter contact blocks
-- ---------------------------------------------------------------------------
CREATE TABLE service_email_reply_to (
    id uuid NOT NULL,
    service_id uuid NOT NULL,
    email_address text NOT NULL,
    is_default boolean NOT NULL DEFAULT true,
    archived boolean NOT NULL DEFAULT false,
    created_at timestamp NOT NULL,
    updated_at timestamp,
    CONSTRAINT service_email_reply_to_pkey PRIMARY KEY (id),
    CONSTRAINT service_email_reply_to_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id)
);
CREATE INDEX ix_service_email_reply_to_service_id ON service_email_reply_to (service_id);

CREATE TABLE service_letter_contacts (
    id uuid NOT NULL,
    service_id uuid NOT NULL,
    contact_block text NOT NULL,
    is_default boolean NOT NULL DEFAULT true,
    archived boolean NOT NULL DEFAULT false,
    created_at timestamp NOT NULL,
    updated_at timestamp,
    CONSTRAINT service_letter_contacts_pkey PRIMARY KEY (id),
    CONSTRAINT service_letter_contacts_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id)
);
CREATE INDEX ix_service_letter_contacts_service_id ON service_letter_contacts (service_id);

-- The templates' letter contact (table created in V0003).
ALTER TABLE templates
    ADD CONSTRAINT templates_service_letter_contact_id_fkey
    FOREIGN KEY (service_letter_contact_id) REFERENCES service_letter_contacts (id);
ALTER TABLE templates_history
    ADD CONSTRAINT templates_history_service_letter_contact_id_fkey
    FOREIGN KEY (service_letter_contact_id) REFERENCES service_letter_contacts (id);

-- ---------------------------------------------------------------------------
-- service_callback_api (versioned) + history
-- ---------------------------------------------------------------------------
CREATE TABLE service_callback_api (
    id uuid NOT NULL,
    service_id uuid NOT NULL,
    url varchar NOT NULL,
    callback_type varchar,                      -- delivery_status | complaint
    bearer_token text NOT NULL,                 -- encrypted
    created_at timestamp NOT NULL,
    updated_at timestamp,
    updated_by_id uuid NOT NULL,
    version integer NOT NULL DEFAULT 1,
    CONSTRAINT service_callback_api_pkey PRIMARY KEY (id),
    CONSTRAINT service_callback_api_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT service_callback_api_callback_type_fkey FOREIGN KEY (callback_type) REFERENCES service_callback_type (name),
    CONSTRAINT service_callback_api_updated_by_id_fkey FOREIGN KEY (updated_by_id) REFERENCES users (id),
    -- NULLS NOT DISTINCT: a null callback_type may not be duplicated either (the original allowed it).
    CONSTRAINT uix_service_callback_type UNIQUE NULLS NOT DISTINCT (service_id, callback_type)
);
CREATE INDEX ix_service_callback_api_service_id ON service_callback_api (service_id);
CREATE INDEX ix_service_callback_api_updated_by_id ON service_callback_api (updated_by_id);

-- Live rows are hard-deleted; their history survives, so no FK to the live table.
CREATE TABLE service_callback_api_history (
    id uuid NOT NULL,
    service_id uuid NOT NULL,
    url varchar NOT NULL,
    callback_type varchar,
    bearer_token text NOT NULL,
    created_at timestamp NOT NULL,
    updated_at timestamp,
    updated_by_id uuid NOT NULL,
    version integer NOT NULL,
    CONSTRAINT service_callback_api_history_pkey PRIMARY KEY (id, version),
    CONSTRAINT service_callback_api_history_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT service_callback_api_history_callback_type_fkey FOREIGN KEY (callback_type) REFERENCES service_callback_type (name),
    CONSTRAINT service_callback_api_history_updated_by_id_fkey FOREIGN KEY (updated_by_id) REFERENCES users (id)
);
CREATE INDEX ix_service_callback_api_history_service_id ON service_callback_api_history (service_id);
CREATE INDEX ix_service_callback_api_history_updated_by_id ON service_callback_api_history (updated_by_id);

-- ---------------------------------------------------------------------------
-- service_inbound_api (versioned) + history: one per service
-- ---------------------------------------------------------------------------
CREATE TABLE service_inbound_api (
    id uuid NOT NULL,
    service_id uuid NOT NULL,
    url varchar NOT NULL,
    bearer_token text NOT NULL,                 -- encrypted
    created_at timestamp NOT NULL,
    updated_at timestamp,
    updated_by_id uuid NOT NULL,
    version integer NOT NULL DEFAULT 1,
    CONSTRAINT service_inbound_api_pkey PRIMARY KEY (id),
    CONSTRAINT service_inbound_api_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT service_inbound_api_updated_by_id_fkey FOREIGN KEY (updated_by_id) REFERENCES users (id)
);
CREATE UNIQUE INDEX ix_service_inbound_api_service_id ON service_inbound_api (service_id);
CREATE INDEX ix_service_inbound_api_updated_by_id ON service_inbound_api (updated_by_id);

CREATE TABLE service_inbound_api_history (
    id uuid NOT NULL,
    service_id uuid NOT NULL,
    url varchar NOT NULL,
    bearer_token text NOT NULL,
    created_at timestamp NOT NULL,
    updated_at timestamp,
    updated_by_id uuid NOT NULL,
    version integer NOT NULL,
    CONSTRAINT service_inbound_api_history_pkey PRIMARY KEY (id, version),
    CONSTRAINT service_inbound_api_history_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT service_inbound_api_history_updated_by_id_fkey FOREIGN KEY (updated_by_id) REFERENCES users (id)
);
CREATE INDEX ix_service_inbound_api_history_service_id ON service_inbound_api_history (service_id);
CREATE INDEX ix_service_inbound_api_history_updated_by_id ON service_inbound_api_history (updated_by_id);
