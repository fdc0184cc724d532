-- Jobs, notifications and their archive, inbound SMS, complaints and the nightly fact tables.
-- Spec: internal-api-and-schema.md sections 3.2, 3.3 and 3.4 (indexes); workers.md 3.7, 6, 7.
-- No CREATE INDEX CONCURRENTLY: Flyway runs this file in one transaction on an empty table.

-- ---------------------------------------------------------------------------
-- service_contact_list (minimal: jobs reference it)
-- ---------------------------------------------------------------------------
CREATE TABLE service_contact_list (
    id uuid NOT NULL,
    original_file_name varchar NOT NULL,
    row_count integer NOT NULL,
    template_type template_type NOT NULL,
    service_id uuid NOT NULL,
    created_by_id uuid,
    created_at timestamp NOT NULL,
    updated_at timestamp,
    archived boolean NOT NULL DEFAULT false,
    CONSTRAINT service_contact_list_pkey PRIMARY KEY (id),
    CONSTRAINT service_contact_list_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT service_contact_list_created_by_id_fkey FOREIGN KEY (created_by_id) REFERENCES users (id)
);
CREATE INDEX ix_service_contact_list_service_id ON service_contact_list (service_id);
CREATE INDEX ix_service_contact_list_created_by_id ON service_contact_list (created_by_id);

-- ---------------------------------------------------------------------------
-- jobs (CSV bulk sends)
-- ---------------------------------------------------------------------------
CREATE TABLE jobs (
    id uuid NOT NULL,
    original_file_name varchar NOT NULL,
    service_id uuid NOT NULL,
    template_id uuid,
    template_version integer NOT NULL,
    created_at timestamp NOT NULL,
    updated_at timestamp,
    notification_count integer NOT NULL,
    notifications_sent integer NOT NULL DEFAULT 0,        -- legacy counters
    notifications_delivered integer NOT NULL DEFAULT 0,
    notifications_failed integer NOT NULL DEFAULT 0,
    processing_started timestamp,
    processing_finished timestamp,
    created_by_id uuid,
    scheduled_for timestamp,
    job_status varchar(255) NOT NULL DEFAULT 'pending',
    archived boolean NOT NULL DEFAULT false,
    contact_list_id uuid,
    CONSTRAINT jobs_pkey PRIMARY KEY (id),
    CONSTRAINT jobs_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT jobs_template_id_fkey FOREIGN KEY (template_id) REFERENCES templates (id),
    CONSTRAINT jobs_created_by_id_fkey FOREIGN KEY (created_by_id) REFERENCES users (id),
    CONSTRAINT jobs_job_status_fkey FOREIGN KEY (job_status) REFERENCES job_status (name),
    CONSTRAINT jobs_contact_list_id_fkey FOREIGN KEY (contact_list_id) REFERENCES service_contact_list (id)
);
CREATE INDEX ix_jobs_service_id ON jobs (service_id);
CREATE INDEX ix_jobs_template_id ON jobs (template_id);
CREATE INDEX ix_jobs_created_by_id ON jobs (created_by_id);
CREATE INDEX ix_jobs_scheduled_for ON jobs (scheduled_for);
CREATE INDEX ix_jobs_job_status ON jobs (job_status);
CREATE INDEX ix_jobs_contact_list_id ON jobs (contact_list_id);

-- ---------------------------------------------------------------------------
-- notifications (live rows, kept for the service's retention period)
-- ---------------------------------------------------------------------------
CREATE TABLE notifications (
    id uuid NOT NULL,
    "to" varchar NOT NULL,                      -- recipient as supplied
    normalised_to varchar,
    job_id uuid,
    job_row_number integer,
    service_id uuid NOT NULL,
    template_id uuid NOT NULL,
    template_version integer NOT NULL,
    api_key_id uuid,                            -- null for job rows and admin one-off sends
    key_type varchar(255) NOT NULL,
    billable_units integer NOT NULL DEFAULT 0,  -- SMS fragments / letter sheets
    notification_type notification_type NOT NULL,
    created_at timestamp NOT NULL,
    sent_at timestamp,
    updated_at timestamp,
    sent_by varchar,                            -- provider identifier
    notification_status text NOT NULL DEFAULT 'created',
    reference varchar,                          -- provider reference / letter reference
    client_reference varchar,
    _personalisation text,                      -- encrypted JSON object
    international boolean NOT NULL DEFAULT false,
    phone_prefix varchar,
    rate_multiplier numeric,
    created_by_id uuid,                         -- admin one-off sends
    reply_to_text varchar,
    document_download_count integer,
    postage varchar,
    CONSTRAINT notifications_pkey PRIMARY KEY (id),
    CONSTRAINT notifications_job_id_fkey FOREIGN KEY (job_id) REFERENCES jobs (id),
    CONSTRAINT notifications_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT fk_notifications_template_history FOREIGN KEY (template_id, template_version)
        REFERENCES templates_history (id, version),
    CONSTRAINT notifications_api_key_id_fkey FOREIGN KEY (api_key_id) REFERENCES api_keys (id),
    CONSTRAINT notifications_key_type_fkey FOREIGN KEY (key_type) REFERENCES key_types (name),
    CONSTRAINT notifications_notification_status_fkey FOREIGN KEY (notification_status)
        REFERENCES notification_status_types (name),
    CONSTRAINT notifications_created_by_id_fkey FOREIGN KEY (created_by_id) REFERENCES users (id),
    -- idempotent job row processing
    CONSTRAINT uq_notifications_job_row_number UNIQUE (job_id, job_row_number)
);
-- Section 3.4. service_id alone is served by the composites that lead with it.
CREATE INDEX ix_notifications_service_id_composite
    ON notifications (service_id, notification_type, notification_status, created_at);
CREATE INDEX ix_notifications_notification_type_composite
    ON notifications (notification_type, notification_status, created_at);
CREATE INDEX ix_notifications_service_created_at ON notifications (service_id, created_at);
CREATE INDEX ix_notifications_created_at ON notifications (created_at);
-- (uq_notifications_job_row_number also leads with job_id; this one is kept because the spec
-- names it and it is smaller to scan for job pages.)
CREATE INDEX ix_notifications_job_id ON notifications (job_id);
CREATE INDEX ix_notifications_reference ON notifications (reference);
CREATE INDEX ix_notifications_client_reference ON notifications (client_reference);
CREATE INDEX ix_notifications_template_id ON notifications (template_id);
-- Not indexed on purpose: api_key_id, key_type, created_by_id. The original dropped those
-- single-column indexes (migrations 0320/0327); nothing filters this hot table by them, their
-- parent rows are never deleted, and joins go from a notification to the parent's PK.
--
-- Beyond the spec: GET /v2/notifications (and the same list for a test or team key) runs
--   WHERE service_id = ? AND key_type = ? AND job_id IS NULL [AND created_at < ?] [type/status]
--   ORDER BY created_at DESC LIMIT 250.
-- ix_notifications_service_created_at can only walk the service's rows newest first and discard
-- the job rows and other key types one by one. For a service that sends large CSV jobs (or
-- mostly test-key traffic) that walk can cover most of its retention window - millions of heap
-- fetches for one page. This partial index answers the default listing (include_jobs absent)
-- directly, backwards, and costs nothing for job rows because they are outside its predicate.
-- Queries must spell the predicate "job_id IS NULL" for the planner to use it.
-- include_jobs=true falls back to ix_notifications_service_created_at.
CREATE INDEX ix_notifications_service_key_type_created_at_no_job
    ON notifications (service_id, key_type, created_at)
    WHERE job_id IS NULL;

-- ---------------------------------------------------------------------------
-- notification_history (archive written by the nightly retention task)
-- ---------------------------------------------------------------------------
-- The physical column order is part of the contract: archiving may INSERT ... SELECT * from a
-- temporary table shaped like this one. Do not reorder, and append new columns to both tables
-- in the same migration. No "to", normalised_to, _personalisation or reply_to_text; no FK on
-- created_by_id.
CREATE TABLE notification_history (
    id uuid NOT NULL,
    job_id uuid,
    job_row_number integer,
    service_id uuid NOT NULL,
    template_id uuid NOT NULL,
    template_version integer NOT NULL,
    api_key_id uuid,
    key_type varchar(255) NOT NULL,
    notification_type notification_type NOT NULL,
    created_at timestamp NOT NULL,
    sent_at timestamp,
    sent_by varchar,
    updated_at timestamp,
    reference varchar,
    billable_units integer NOT NULL DEFAULT 0,
    client_reference varchar,
    international boolean NOT NULL DEFAULT false,
    phone_prefix varchar,
    rate_multiplier numeric,
    notification_status text NOT NULL DEFAULT 'created',
    created_by_id uuid,
    postage varchar,
    document_download_count integer,
    -- ON CONFLICT (id) DO NOTHING in the archiving SQL relies on this constraint
    CONSTRAINT notification_history_pkey PRIMARY KEY (id),
    CONSTRAINT notification_history_job_id_fkey FOREIGN KEY (job_id) REFERENCES jobs (id),
    CONSTRAINT notification_history_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT fk_notification_history_template_history FOREIGN KEY (template_id, template_version)
        REFERENCES templates_history (id, version),
    CONSTRAINT notification_history_api_key_id_fkey FOREIGN KEY (api_key_id) REFERENCES api_keys (id),
    CONSTRAINT notification_history_key_type_fkey FOREIGN KEY (key_type) REFERENCES key_types (name),
    CONSTRAINT notification_history_notification_status_fkey FOREIGN KEY (notification_status)
        REFERENCES notification_status_types (name)
);
CREATE INDEX ix_notification_history_service_id_composite
    ON notification_history (service_id, key_type, notification_type, created_at);
CREATE INDEX ix_notification_history_job_id ON notification_history (job_id);
CREATE INDEX ix_notification_history_reference ON notification_history (reference);
-- As on notifications, api_key_id, key_type, notification_status and the template FK have no
-- single-column index of their own (the original dropped them; nothing filters by them alone).

-- ---------------------------------------------------------------------------
-- inbound SMS
-- ---------------------------------------------------------------------------
CREATE TABLE inbound_sms (
    id uuid NOT NULL,
    created_at timestamp NOT NULL,
    service_id uuid NOT NULL,
    notify_number varchar NOT NULL,             -- the service's inbound number
    user_number varchar NOT NULL,               -- sender, normalised on receipt
    provider_date timestamp,
    provider_reference varchar,
    provider varchar NOT NULL,
    content text NOT NULL,                      -- encrypted
    CONSTRAINT inbound_sms_pkey PRIMARY KEY (id),
    CONSTRAINT inbound_sms_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id)
);
-- Keeps the spec's name; created_at is added so the inbox (service, newest first, older_than)
-- and the per-service retention delete are served by one index.
CREATE INDEX ix_inbound_sms_service_id ON inbound_sms (service_id, created_at);
CREATE INDEX ix_inbound_sms_user_number ON inbound_sms (user_number);

-- Archive: content and user number are dropped.
CREATE TABLE inbound_sms_history (
    id uuid NOT NULL,
    created_at timestamp NOT NULL,
    service_id uuid,
    notify_number varchar NOT NULL,
    provider_date timestamp,
    provider_reference varchar,
    provider varchar NOT NULL,
    CONSTRAINT inbound_sms_history_pkey PRIMARY KEY (id),
    CONSTRAINT inbound_sms_history_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id)
);
CREATE INDEX ix_inbound_sms_history_created_at ON inbound_sms_history (created_at);
CREATE INDEX ix_inbound_sms_history_service_id ON inbound_sms_history (service_id);

-- ---------------------------------------------------------------------------
-- complaints (SES complaint receipts, workers.md 3.7)
-- ---------------------------------------------------------------------------
-- notification_id has no FK: the notification may already be archived or deleted.
CREATE TABLE complaints (
    id uuid NOT NULL,
    notification_id uuid NOT NULL,
    service_id uuid NOT NULL,
    ses_feedback_id text,
    complaint_type text,
    complaint_date timestamp,
    created_at timestamp NOT NULL,
    CONSTRAINT complaints_pkey PRIMARY KEY (id),
    CONSTRAINT complaints_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id)
);
CREATE INDEX ix_complaints_notification_id ON complaints (notification_id);
CREATE INDEX ix_complaints_service_id ON complaints (service_id);

-- ---------------------------------------------------------------------------
-- nightly fact tables (section 3.3), rebuilt by delete-then-insert; no FKs on purpose
-- ---------------------------------------------------------------------------
-- job_id = 00000000-0000-0000-0000-000000000000 when the notification had no job.
CREATE TABLE ft_notification_status (
    bst_date date NOT NULL,
    template_id uuid NOT NULL,
    service_id uuid NOT NULL,
    job_id uuid NOT NULL,
    notification_type text NOT NULL,
    key_type text NOT NULL,
    notification_status text NOT NULL,
    notification_count integer NOT NULL,
    created_at timestamp NOT NULL,
    updated_at timestamp,
    CONSTRAINT ft_notification_status_pkey PRIMARY KEY
        (bst_date, template_id, service_id, job_id, notification_type, key_type, notification_status)
);
CREATE INDEX ix_ft_notification_status_bst_date ON ft_notification_status (bst_date);
CREATE INDEX ix_ft_notification_status_job_id ON ft_notification_status (job_id);
CREATE INDEX ix_ft_notification_status_service_id ON ft_notification_status (service_id);
CREATE INDEX ix_ft_notification_status_template_id ON ft_notification_status (template_id);

-- provider: 'ses' for email, 'dvla' for letters, 'unknown' when an SMS has no sent_by;
-- postage: 'none' for sms/email.
CREATE TABLE ft_billing (
    bst_date date NOT NULL,
    template_id uuid NOT NULL,
    service_id uuid NOT NULL,
    notification_type text NOT NULL,
    provider text NOT NULL,
    rate_multiplier integer NOT NULL,
    international boolean NOT NULL,
    rate numeric NOT NULL,
    postage varchar NOT NULL,
    billable_units integer,
    notifications_sent integer,
    created_at timestamp NOT NULL,
    updated_at timestamp,
    CONSTRAINT ft_billing_pkey PRIMARY KEY
        (bst_date, template_id, service_id, notification_type, provider, rate_multiplier, international, rate, postage)
);
CREATE INDEX ix_ft_billing_bst_date ON ft_billing (bst_date);
CREATE INDEX ix_ft_billing_service_id ON ft_billing (service_id);
CREATE INDEX ix_ft_billing_template_id ON ft_billing (template_id);
