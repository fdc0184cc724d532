-- Templates, their version history, redaction flag and folders.
-- Spec: internal-api-and-schema.md sections 3.2 (B: hand-written history) and 3.3.
-- templates.service_letter_contact_id / templates_history.service_letter_contact_id get their
-- foreign key in V0004, where service_letter_contacts is created.

CREATE TABLE templates (
    id uuid NOT NULL,
    name varchar(255) NOT NULL,
    template_type template_type NOT NULL,
    created_at timestamp NOT NULL,
    updated_at timestamp,
    content text NOT NULL,
    archived boolean NOT NULL DEFAULT false,
    hidden boolean NOT NULL DEFAULT false,      -- precompiled-letter template
    subject text,                               -- required for email/letter by the API
    postage varchar,                            -- first, second, europe, rest-of-world (validated by the API)
    broadcast_data jsonb,
    service_id uuid NOT NULL,
    created_by_id uuid NOT NULL,
    process_type varchar(255) NOT NULL DEFAULT 'normal',
    service_letter_contact_id uuid,
    version integer NOT NULL,
    CONSTRAINT templates_pkey PRIMARY KEY (id),
    CONSTRAINT templates_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT templates_created_by_id_fkey FOREIGN KEY (created_by_id) REFERENCES users (id),
    CONSTRAINT templates_process_type_fkey FOREIGN KEY (process_type) REFERENCES template_process_type (name)
);
CREATE INDEX ix_templates_service_id ON templates (service_id);
CREATE INDEX ix_templates_created_by_id ON templates (created_by_id);
CREATE INDEX ix_templates_process_type ON templates (process_type);
CREATE INDEX ix_templates_service_letter_contact_id ON templates (service_letter_contact_id);

-- Every version ever created (version 1 on create). notifications, notification_history, jobs
-- and broadcast_message reference (id, version) here, so rows are never deleted.
CREATE TABLE templates_history (
    id uuid NOT NULL,
    name varchar(255) NOT NULL,
    template_type template_type NOT NULL,
    created_at timestamp NOT NULL,
    updated_at timestamp,
    content text NOT NULL,
    archived boolean NOT NULL DEFAULT false,
    hidden boolean NOT NULL DEFAULT false,
    subject text,
    postage varchar,
    broadcast_data jsonb,
    service_id uuid NOT NULL,
    created_by_id uuid NOT NULL,
    process_type varchar(255) NOT NULL DEFAULT 'normal',
    service_letter_contact_id uuid,
    version integer NOT NULL,
    CONSTRAINT templates_history_pkey PRIMARY KEY (id, version),
    CONSTRAINT templates_history_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT templates_history_created_by_id_fkey FOREIGN KEY (created_by_id) REFERENCES users (id),
    CONSTRAINT templates_history_process_type_fkey FOREIGN KEY (process_type) REFERENCES template_process_type (name)
);
CREATE INDEX ix_templates_history_service_id ON templates_history (service_id);
CREATE INDEX ix_templates_history_created_by_id ON templates_history (created_by_id);
CREATE INDEX ix_templates_history_process_type ON templates_history (process_type);
CREATE INDEX ix_templates_history_service_letter_contact_id ON templates_history (service_letter_contact_id);

CREATE TABLE template_redacted (
    template_id uuid NOT NULL,
    redact_personalisation boolean NOT NULL DEFAULT false,
    updated_at timestamp NOT NULL,
    updated_by_id uuid NOT NULL,
    CONSTRAINT template_redacted_pkey PRIMARY KEY (template_id),
    CONSTRAINT template_redacted_template_id_fkey FOREIGN KEY (template_id) REFERENCES templates (id),
    CONSTRAINT template_redacted_updated_by_id_fkey FOREIGN KEY (updated_by_id) REFERENCES users (id)
);
CREATE INDEX ix_template_redacted_updated_by_id ON template_redacted (updated_by_id);

CREATE TABLE template_folder (
    id uuid NOT NULL,
    service_id uuid NOT NULL,
    name varchar NOT NULL,
    parent_id uuid,
    CONSTRAINT template_folder_pkey PRIMARY KEY (id),
    -- lets user_folder_permissions prove that a folder belongs to the member's service
    CONSTRAINT ix_id_service_id UNIQUE (id, service_id),
    CONSTRAINT template_folder_service_id_fkey FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT template_folder_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES template_folder (id)
);
CREATE INDEX ix_template_folder_service_id ON template_folder (service_id);
CREATE INDEX ix_template_folder_parent_id ON template_folder (parent_id);

CREATE TABLE template_folder_map (
    template_id uuid NOT NULL,
    template_folder_id uuid NOT NULL,
    CONSTRAINT template_folder_map_pkey PRIMARY KEY (template_id),
    CONSTRAINT template_folder_map_template_id_fkey FOREIGN KEY (template_id) REFERENCES templates (id),
    CONSTRAINT template_folder_map_template_folder_id_fkey FOREIGN KEY (template_folder_id) REFERENCES template_folder (id)
);
CREATE INDEX ix_template_folder_map_template_folder_id ON template_folder_map (template_folder_id);

-- Which folders a team member may see. Rows die with the membership or the folder.
CREATE TABLE user_folder_permissions (
    user_id uuid NOT NULL,
    template_folder_id uuid NOT NULL,
    service_id uuid NOT NULL,
    CONSTRAINT user_folder_permissions_pkey PRIMARY KEY (user_id, template_folder_id, service_id),
    CONSTRAINT user_folder_permissions_user_id_service_id_fkey FOREIGN KEY (user_id, service_id)
        REFERENCES user_to_service (user_id, service_id) ON DELETE CASCADE,
    CONSTRAINT user_folder_permissions_template_folder_id_service_id_fkey FOREIGN KEY (template_folder_id, service_id)
        REFERENCES template_folder (id, service_id) ON DELETE CASCADE
);
CREATE INDEX ix_user_folder_permissions_template_folder_id ON user_folder_permissions (template_folder_id, service_id);
CREATE INDEX ix_user_folder_permissions_user_service ON user_folder_permissions (user_id, service_id);
