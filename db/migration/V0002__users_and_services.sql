-- Users, organisations, services and their satellites.
-- Spec: internal-api-and-schema.md sections 3.2 (versioning) and 3.3.

-- ---------------------------------------------------------------------------
-- users
-- ---------------------------------------------------------------------------
CREATE TABLE users (
    id uuid NOT NULL,
    name varchar NOT NULL,
    email_address varchar(255) NOT NULL,
    created_at timestamp NOT NULL,
    updated_at timestamp,
    _password varchar NOT NULL,                 -- bcrypt hash, cost 10
    mobile_number varchar,
    password_changed_at timestamp NOT NULL,
    logged_in_at timestamp,
    failed_login_count integer NOT NULL DEFAULT 0,
    state varchar NOT NULL DEFAULT 'pending',
    platform_admin boolean NOT NULL DEFAULT false,
    current_session_id uuid,
    auth_type varchar NOT NULL DEFAULT 'sms_auth',
    email_access_validated_at timestamp NOT NULL,
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_auth_type_fkey FOREIGN KEY (auth_type) REFERENCES auth_type (name),
    CONSTRAINT ck_users_mobile_or_email_auth CHECK (auth_type = 'email_auth' OR mobile_number IS NOT NULL),
    CONSTRAINT ck_users_state CHECK (state IN ('pending', 'active', 'inactive'))
);
CREATE INDEX ix_users_name ON users (name);
-- Unique on lower(email_address), not on the raw value: the original looked users up with
-- lower() on both sides but enforced uniqueness case-sensitively, so "A@x" and "a@x" could both
-- exist and break the lookup. This index also serves "WHERE lower(email_address) = lower(?)".
CREATE UNIQUE INDEX ix_users_email_address ON users (lower(email_address));
CREATE INDEX ix_users_auth_type ON users (auth_type);

-- ---------------------------------------------------------------------------
-- branding (minimal) and organisations (minimal)
-- ---------------------------------------------------------------------------
CREATE TABLE email_branding (
    id uuid NOT NULL,
    colour varchar(7),
    logo varchar(255),
    name varchar(255) NOT NULL,
    text varchar(255),
    brand_type varchar(255) NOT NULL DEFAULT 'org',
    CONSTRAINT email_branding_pkey PRIMARY KEY (id),
    CONSTRAINT uq_email_branding_name UNIQUE (name),
    CONSTRAINT email_branding_brand_type_fkey FOREIGN KEY (brand_type) REFERENCES branding_type (name)
);
CREATE INDEX ix_email_branding_brand_type ON email_branding (brand_type);

CREATE TABLE letter_branding (
    id uuid NOT NULL,
    name varchar(255) NOT NULL,
    filename varchar(255) NOT NULL,
    CONSTRAINT letter_branding_pkey PRIMARY KEY (id),
    CONSTRAINT letter_branding_name_key UNIQUE (name),
    CONSTRAINT letter_branding_filename_key UNIQUE (filename)
);

CREATE TABLE organisation (
    id uuid NOT NULL,
    name varchar(255) NOT NULL,
    active boolean NOT NULL DEFAULT true,
    created_at timestamp NOT NULL,
    updated_at timestamp,
    organisation_type varchar(255),
    crown boolean,
    email_branding_id uuid,
    letter_branding_id uuid,
    agreement_signed boolean,
    agreement_signed_at timestamp,
    agreement_signed_by_id uuid,
    agreement_signed_version double precision,
    CONSTRAINT organisation_pkey PRIMARY KEY (id),
    CONSTRAINT organisation_name_key UNIQUE (name),
    CONSTRAINT organisation_organisation_type_fkey FOREIGN KEY (organisation_type) REFERENCES organisation_types (name),
    CONSTRAINT organisation_email_branding_id_fkey FOREIGN KEY (email_branding_id) REFERENCES email_branding (id),
    CONSTRAINT organisation_letter_branding_id_fkey FOREIGN KEY (letter_branding_id) REFERENCES letter_branding (id),
    CONSTRAINT organisation_agreement_signed_by_id_fkey FOREIGN KEY (agreement_signed_by_id) REFERENCES users (id)
);
CREATE INDEX ix_organisation_name ON organisation (name);

-- Email domains of an organisation: service creation looks the creator's domain up here.
CREATE TABLE domain (
    domain varchar(255) NOT NULL,
    organisation_id uuid NOT NULL,
    CONSTRAINT domain_pkey PRIMARY KEY (domain),
    CONSTRAINT domain_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
CREATE INDEX ix_domain_organisation_id ON domain (organisation_id);

CREATE TABLE user_to_organisation (
    user_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    CONSTRAINT user_to_organisation_pkey PRIMARY KEY (user_id, organisation_id),
    CONSTRAINT user_to_organisation_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT user_to_organisation_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
CREATE INDEX ix_user_to_organisation_organisation_id ON user_to_organisation (organisation_id);

-- ---------------------------------------------------------------------------
-- services (versioned) + services_history
-- ---------------------------------------------------------------------------
CREATE TABLE services (
    id uuid NOT NULL,
    name varchar(255) NOT NULL,
    created_at timestamp NOT NULL,
    updated_at timestamp,
    active boolean NOT NULL DEFAULT true,
    message_limit bigint NOT NULL,
    restricted boolean NOT NULL,
    research_mode boolean NOT NULL DEFAULT false,
    email_from text NOT NULL,
    created_by_id uuid NOT NULL,
    prefix_sms boolean NOT NULL DEFAULT true,
    organisation_type varchar(255),
    crown boolean,
    rate_limit integer NOT NULL DEFAULT 3000,
    contact_link varchar(255),
    volume_sms integer,
    volume_email integer,
    volume_letter integer,
    consent_to_research boolean,
    count_as_live boolean NOT NULL DEFAULT true,
    go_live_user_id uuid,
    go_live_at timestamp,
    organisation_id uuid,
    notes text,
    billing_contact_names text,
    billing_contact_email_addresses text,
    purchase_order_number varchar(255),
    billing_reference varchar(255),
    version integer NOT NULL DEFAULT 1,
    CONSTRAINT services_pkey PRIMARY KEY (id),
    CONSTRAINT services_name_key UNIQUE (name),
    CONSTRAINT services_email_from_key UNIQUE (email_from),
    CONSTRAINT services_created_by_id_fkey FOREIGN KEY (created_by_id) REFERENCES users (id),
    CONSTRAINT services_organisation_type_fkey FOREIGN KEY (organisation_type) REFERENCES organisation_types (name),
    CONSTRAINT services_go_live_user_id_fkey FOREIGN KEY (go_live_user_id) REFERENCES users (id),
    CONSTRAINT services_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
CREATE INDEX ix_services_created_by_id ON services (created_by_id);
CREATE INDEX ix_services_organisation_id ON services (organisation_id);

-- One row per write of a service (version 1 on create). Same columns, unique flags dropped,
-- nullable columns without defaults, PK (id, version).
CREATE TABLE services_history (
    id uuid NOT NULL,
    name varchar(255) NOT NULL,
    created_at timestamp NOT NULL,
    updated_at timestamp,
    active boolean NOT NULL DEFAULT true,
    message_limit bigint NOT NULL,
    restricted boolean NOT NULL,
    research_mode boolean NOT NULL DEFAULT false,
    email_from text NOT NULL,
    created_by_id uuid NOT NULL,
    prefix_sms boolean NOT NULL DEFAULT true,
    organisation_type varchar(255),
    crown boolean,
    rate_limit integer NOT NULL DEFAULT 3000,
    contact_link varchar(255),
    volume_sms integer,
    volume_email integer,
    volume_letter integer,
    consent_to_research boolean,
    count_as_live boolean NOT NULL DEFAULT true,
    go_live_user_id uuid,
    go_live_at timestamp,
    organisation_id uuid,
    notes text,
    billing_contact_names text,
    billing_contact_email_addresses text,
    purchase_order_number varchar(255),
    billing_reference varchar(255),
    version integer NOT NULL,
    CONSTRAINT services_history_pkey PRIMARY KEY (id, version),
    CONSTRAINT services_history_created_by_id_fkey FOREIGN KEY (created_by_id) REFERENCES users (id),
    CONSTRAINT services_history_organisation_type_fkey FOREIGN KEY (organisation_type) REFERENCES organisation_types (name),
    CONSTRAINT services_history_go_live_user_id_fkey FOREIGN KEY (go_live_user_id) REFERENCES users (id),
    CONSTRAINT services_history_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
CREATE INDEX ix_services_history_created_by_id ON services_history (created_by_id);
CREATE INDEX ix_services_history_organisation_id ON services_history (organisation_id);

-- ---------------------------------------------------------------------------
-- membership and permissions
-- ---------------------------------------------------------------------------

-- Deliberate fix: the original had both columns nullable and no primary key (the ORM pretended
-- the pair was the key). Here the pair is a real primary key. The constraint keeps the spec's
-- name uix_user_to_service so code that recognises that name on a duplicate still works.
CREATE TABLE user_to_service (
    user_id uuid NOT NULL,
    service_id uuid NOT NULL,
    CONSTRAINT uix_user_to_service PRIMARY KEY (user_id, service_id),
    CONSTRAINT user_to_service_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT user_to_service_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id)
);
-- The PK serves lookups by user; this one serves "users of a service".
CREATE INDEX ix_user_to_service_service_id ON user_to_service (service_id);

CREATE TABLE permissions (
    id uuid NOT NULL,
    service_id uuid,                            -- null only for the legacy platform-wide permission
    user_id uuid NOT NULL,
    permission permission_types NOT NULL,
    created_at timestamp NOT NULL,
    CONSTRAINT permissions_pkey PRIMARY KEY (id),
    CONSTRAINT permissions_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT permissions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT uix_service_user_permission UNIQUE (service_id, user_id, permission)
);
CREATE INDEX ix_permissions_service_id ON permissions (service_id);
CREATE INDEX ix_permissions_user_id ON permissions (user_id);

CREATE TABLE service_permissions (
    service_id uuid NOT NULL,
    permission varchar(255) NOT NULL,
    created_at timestamp NOT NULL,
    CONSTRAINT service_permissions_pkey PRIMARY KEY (service_id, permission),
    CONSTRAINT service_permissions_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT service_permissions_permission_fkey FOREIGN KEY (permission) REFERENCES service_permission_types (name)
);
CREATE INDEX ix_service_permissions_service_id ON service_permissions (service_id);
CREATE INDEX ix_service_permissions_permission ON service_permissions (permission);

-- The guest list. The table keeps its original name.
CREATE TABLE service_whitelist (
    id uuid NOT NULL,
    service_id uuid NOT NULL,
    recipient_type recipient_type NOT NULL,
    recipient varchar(255) NOT NULL,
    created_at timestamp,
    CONSTRAINT service_whitelist_pkey PRIMARY KEY (id),
    CONSTRAINT service_whitelist_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id)
);
CREATE INDEX ix_service_whitelist_service_id ON service_whitelist (service_id);

CREATE TABLE service_data_retention (
    id uuid NOT NULL,
    service_id uuid NOT NULL,
    notification_type notification_type NOT NULL,
    days_of_retention integer NOT NULL,
    created_at timestamp NOT NULL,
    updated_at timestamp,
    CONSTRAINT service_data_retention_pkey PRIMARY KEY (id),
    CONSTRAINT service_data_retention_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT uix_service_data_retention UNIQUE (service_id, notification_type)
);
CREATE INDEX ix_service_data_retention_service_id ON service_data_retention (service_id);

-- Free SMS allowance per financial year. Like the original, no DB uniqueness on the year.
CREATE TABLE annual_billing (
    id uuid NOT NULL,
    service_id uuid NOT NULL,
    financial_year_start integer NOT NULL,
    free_sms_fragment_limit integer NOT NULL,
    created_at timestamp NOT NULL,
    updated_at timestamp,
    CONSTRAINT annual_billing_pkey PRIMARY KEY (id),
    CONSTRAINT annual_billing_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id)
);
CREATE INDEX ix_annual_billing_service_id ON annual_billing (service_id);

CREATE TABLE service_email_branding (
    service_id uuid NOT NULL,
    email_branding_id uuid NOT NULL,
    CONSTRAINT service_email_branding_pkey PRIMARY KEY (service_id),
    CONSTRAINT service_email_branding_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT service_email_branding_email_branding_id_fkey FOREIGN KEY (email_branding_id) REFERENCES email_branding (id)
);
CREATE INDEX ix_service_email_branding_email_branding_id ON service_email_branding (email_branding_id);

CREATE TABLE service_letter_branding (
    service_id uuid NOT NULL,
    letter_branding_id uuid NOT NULL,
    CONSTRAINT service_letter_branding_pkey PRIMARY KEY (service_id),
    CONSTRAINT service_letter_branding_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT service_letter_branding_letter_branding_id_fkey FOREIGN KEY (letter_branding_id) REFERENCES letter_branding (id)
);
CREATE INDEX ix_service_letter_branding_letter_branding_id ON service_letter_branding (letter_branding_id);

-- ---------------------------------------------------------------------------
-- user sign-in support (section 3.3 "other tables"; they give the enums above a home)
-- ---------------------------------------------------------------------------
CREATE TABLE verify_codes (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    _code varchar NOT NULL,                     -- bcrypt hash, cost 10
    code_type verify_code_types NOT NULL,
    expiry_datetime timestamp NOT NULL,
    code_used boolean DEFAULT false,
    created_at timestamp NOT NULL,
    CONSTRAINT verify_codes_pkey PRIMARY KEY (id),
    CONSTRAINT verify_codes_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_verify_codes_user_id ON verify_codes (user_id);

CREATE TABLE invited_users (
    id uuid NOT NULL,
    email_address varchar(255) NOT NULL,
    user_id uuid NOT NULL,                      -- the inviting user
    service_id uuid,
    created_at timestamp NOT NULL,
    status invited_users_status_types NOT NULL DEFAULT 'pending',
    permissions varchar NOT NULL,               -- comma-separated permission_types values
    auth_type varchar NOT NULL DEFAULT 'sms_auth',
    folder_permissions jsonb NOT NULL DEFAULT '[]'::jsonb,
    CONSTRAINT invited_users_pkey PRIMARY KEY (id),
    CONSTRAINT invited_users_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT invited_users_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT invited_users_auth_type_fkey FOREIGN KEY (auth_type) REFERENCES auth_type (name)
);
CREATE INDEX ix_invited_users_user_id ON invited_users (user_id);
CREATE INDEX ix_invited_users_service_id ON invited_users (service_id);
CREATE INDEX ix_invited_users_auth_type ON invited_users (auth_type);
