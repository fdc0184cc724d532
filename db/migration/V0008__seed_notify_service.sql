-- Seed data the application relies on (internal-api-and-schema.md 3.5 and 5.1 "System ids"):
-- the Notify service user, the Notify service (which sends Notify's own emails and texts), its
-- SMS sender, and the system templates it sends.

-- The Notify service user owns the Notify service and is the author of automatic provider
-- priority changes (NOTIFY_USER_ID). Nobody signs in as it: '$2a$10$notusable' is not a
-- valid bcrypt hash, so no password can ever match it.
INSERT INTO users (
    id, name, email_address, created_at, updated_at, _password, mobile_number,
    password_changed_at, logged_in_at, failed_login_count, state, platform_admin,
    current_session_id, auth_type, email_access_validated_at
) VALUES (
    '6af522d0-2915-4e52-83a3-3690455a5fe6', 'Notify service user',
    'notify-service-user@digital.cabinet-office.gov.uk', '2016-01-01 00:00:00', null,
    '$2a$10$notusable', null,
    '2016-01-01 00:00:00', null, 0, 'active', false,
    null, 'email_auth', '2016-01-01 00:00:00'
);

-- email_from holds the local part; the From address is <email_from>@<NOTIFY_EMAIL_DOMAIN>.
INSERT INTO services (
    id, name, created_at, updated_at, active, message_limit, restricted, research_mode,
    email_from, created_by_id, prefix_sms, organisation_type, crown, rate_limit,
    count_as_live, version
) VALUES (
    'd6aa2c68-a2d9-4437-ab19-3ae8eb202553', 'Notify service', '2016-01-01 00:00:00', null,
    true, 999999999, false, false,
    'notify', '6af522d0-2915-4e52-83a3-3690455a5fe6', false, 'central', true, 3000,
    false, 1
);

INSERT INTO services_history (
    id, name, created_at, updated_at, active, message_limit, restricted, research_mode,
    email_from, created_by_id, prefix_sms, organisation_type, crown, rate_limit,
    count_as_live, version
)
SELECT id, name, created_at, updated_at, active, message_limit, restricted, research_mode,
       email_from, created_by_id, prefix_sms, organisation_type, crown, rate_limit,
       count_as_live, version
FROM services
WHERE id = 'd6aa2c68-a2d9-4437-ab19-3ae8eb202553';

INSERT INTO user_to_service (user_id, service_id) VALUES
    ('6af522d0-2915-4e52-83a3-3690455a5fe6', 'd6aa2c68-a2d9-4437-ab19-3ae8eb202553');

INSERT INTO service_permissions (service_id, permission, created_at) VALUES
    ('d6aa2c68-a2d9-4437-ab19-3ae8eb202553', 'sms',   '2016-01-01 00:00:00'),
    ('d6aa2c68-a2d9-4437-ab19-3ae8eb202553', 'email', '2016-01-01 00:00:00');

INSERT INTO service_sms_senders (id, sms_sender, service_id, is_default, archived, inbound_number_id, created_at, updated_at)
VALUES ('286d6176-adbe-7ea7-ba26-b7606ee5e2a4', 'GOVUK', 'd6aa2c68-a2d9-4437-ab19-3ae8eb202553',
        true, false, null, '2016-01-01 00:00:00', null);

-- ---------------------------------------------------------------------------
-- System templates (ids from config section 5.1), version 1, short wording of our own.
-- Placeholders (the personalisation keys the application must supply):
--   invitation, broadcast invitation : user_name, service_name, url
--   organisation invitation          : user_name, organisation_name, url
--   SMS code                          : verify_code
--   email 2FA, new user verification  : name, url
--   password reset                    : user_name, url
--   already registered                : signin_url, forgot_password_url, feedback_url
--   change email confirmation         : name, url, feedback_url
--   service now live                  : name, service_name, message_limit (formatted "1,000")
--   team member edit (email)          : name, servicemanagername, "email address"
--   team member edit (mobile)         : servicemanagername
--   reply-to verification, MOU x4     : none (extra personalisation is ignored)
-- Reword them with a new migration that adds a version (templates + templates_history).
-- ---------------------------------------------------------------------------
CREATE TEMPORARY TABLE seed_templates (
    id uuid,
    name varchar(255),
    template_type template_type,
    subject text,
    content text
);

INSERT INTO seed_templates (id, name, template_type, subject, content) VALUES
(
    '4f46df42-f795-4cc4-83bb-65ca312f49cc', 'Notify invitation email', 'email',
    '((user_name)) has invited you to collaborate on ((service_name)) on GOV.UK Notify',
    E'((user_name)) has invited you to collaborate on ((service_name)) on GOV.UK Notify.\n\n'
    'Open this link to create an account on GOV.UK Notify:\n((url))\n\n'
    'This invitation will stop working at midnight tomorrow. This is to keep ((service_name)) secure.'
),
(
    '46152f7c-6901-41d5-8590-a5624d0d4359', 'Notify broadcast invitation email', 'email',
    '((user_name)) has invited you to join ((service_name)) on GOV.UK Notify',
    E'((user_name)) has invited you to join ((service_name)) on GOV.UK Notify.\n\n'
    'Open this link to create an account:\n((url))\n\n'
    'This invitation will stop working at midnight tomorrow. This is to keep ((service_name)) secure.'
),
(
    '36fb0730-6259-4da1-8a80-c8de22ad4246', 'Notify SMS verify code', 'sms',
    null,
    '((verify_code)) is your GOV.UK Notify authentication code'
),
(
    '299726d2-dba6-42b8-8209-30e1d66ea164', 'Notify email verify code', 'email',
    'Sign in to GOV.UK Notify',
    E'Hi ((name)),\n\nTo sign in to GOV.UK Notify please open this link:\n((url))'
),
(
    'ece42649-22a8-4d06-b87f-d52d5d3f0a27', 'Notify email verification code', 'email',
    'Confirm GOV.UK Notify registration',
    E'Hi ((name)),\n\nTo complete your registration for GOV.UK Notify please open this link:\n((url))'
),
(
    '474e9242-823b-4f99-813d-ed392e7f1201', 'Notify password reset email', 'email',
    'Reset your GOV.UK Notify password',
    E'Hi ((user_name)),\n\nWe received a request to reset your password on GOV.UK Notify.\n\n'
    'If you did not request this email, you can ignore it - your password has not been changed.\n\n'
    'To reset your password, open this link:\n((url))'
),
(
    '0880fbb1-a0c6-46f0-9a8e-36c986381ceb', 'Your GOV.UK Notify account', 'email',
    'Your GOV.UK Notify account',
    E'You already have a GOV.UK Notify account with this email address.\n\n'
    'Sign in here: ((signin_url))\n\n'
    'If you have forgotten your password, you can reset it here: ((forgot_password_url))\n\n'
    'If you did not try to register for a GOV.UK Notify account recently, please let us know here: ((feedback_url))'
),
(
    'eb4d9930-87ab-4aef-9bce-786762687884', 'Confirm new email address', 'email',
    'Confirm your new email address',
    E'Hi ((name)),\n\nOpen this link to confirm your new email address:\n((url))\n\n'
    'If you did not try to change the email address for your GOV.UK Notify account, let us know here:\n((feedback_url))'
),
(
    '618185c6-3636-49cd-b7d2-6f6f5eb3bdde', 'Automated "You''re now live" message', 'email',
    'Your service is now live',
    E'Hi ((name)),\n\n((service_name)) is now live on GOV.UK Notify.\n\n'
    'You can send up to ((message_limit)) messages per day.'
),
(
    '203566f0-d835-47c5-aa06-932439c86573', 'Notify organisation invitation email', 'email',
    '((user_name)) has invited you to collaborate on ((organisation_name)) on GOV.UK Notify',
    E'((user_name)) has invited you to collaborate on ((organisation_name)) on GOV.UK Notify.\n\n'
    'Open this link to create an account on GOV.UK Notify:\n((url))\n\n'
    'This invitation will stop working at midnight tomorrow. This is to keep ((organisation_name)) secure.'
),
(
    'c73f1d71-4049-46d5-a647-d013bdeca3f0', 'Email address changed by service manager', 'email',
    'Your GOV.UK Notify email address has changed',
    E'Dear ((name)),\n\n((servicemanagername)) changed your GOV.UK Notify account email address to:\n\n'
    '((email address))\n\nYou will need to use this email address next time you sign in.\n\n'
    'If you did not expect this email, contact ((servicemanagername)).'
),
(
    '8a31520f-4751-4789-8ea1-fe54496725eb', 'Phone number changed by service manager', 'sms',
    null,
    'Your mobile number was changed by ((servicemanagername)). Next time you sign in, your GOV.UK Notify authentication code will be sent to this phone.'
),
(
    'a42f1d17-9404-46d5-a647-d013bdfca3e1', 'Verify email reply-to address for a service', 'email',
    'Your GOV.UK Notify reply-to email address',
    E'Hi,\n\nThis address has been provided as a reply-to email address for a GOV.UK Notify account.\n\n'
    'Any replies from users to emails they receive through GOV.UK Notify will come back to this email address.\n\n'
    'This is just a quick check to make sure the address is valid. No need to reply.'
),
(
    '4fd2e43c-309b-4e50-8fb8-1955852d9d71', 'MOU Signer Receipt', 'email',
    'You''ve accepted the GOV.UK Notify data sharing and financial agreement',
    'Thank you for accepting the GOV.UK Notify data sharing and financial agreement.'
),
(
    'c20206d5-bf03-4002-9a90-37d5032d9e84', 'MOU Signed On Behalf Of Signer Receipt', 'email',
    'You''ve accepted the GOV.UK Notify data sharing and financial agreement',
    'Thank you for accepting the GOV.UK Notify data sharing and financial agreement on behalf of your organisation.'
),
(
    '522b6657-5ca5-4368-a294-6b527703bd0b', 'MOU Signed On Behalf Of Receipt', 'email',
    'Your organisation has accepted the GOV.UK Notify data sharing and financial agreement',
    'The GOV.UK Notify data sharing and financial agreement has been accepted on behalf of your organisation.'
),
(
    'd0e66c4c-0c50-43f0-94f5-f85b613202d4', 'MOU Signed Notify Team Alert', 'email',
    'Someone signed an MOU for an org on Notify',
    'An organisation has accepted the GOV.UK Notify data sharing and financial agreement.'
);

INSERT INTO templates (
    id, name, template_type, created_at, updated_at, content, archived, hidden, subject,
    postage, broadcast_data, service_id, created_by_id, process_type, service_letter_contact_id, version
)
SELECT id, name, template_type, '2016-01-01 00:00:00', null, content, false, false, subject,
       null, null, 'd6aa2c68-a2d9-4437-ab19-3ae8eb202553', '6af522d0-2915-4e52-83a3-3690455a5fe6',
       -- sign-in codes and links must not queue behind bulk traffic
       CASE WHEN id IN ('36fb0730-6259-4da1-8a80-c8de22ad4246', '299726d2-dba6-42b8-8209-30e1d66ea164')
            THEN 'priority' ELSE 'normal' END,
       null, 1
FROM seed_templates;

INSERT INTO templates_history (
    id, name, template_type, created_at, updated_at, content, archived, hidden, subject,
    postage, broadcast_data, service_id, created_by_id, process_type, service_letter_contact_id, version
)
SELECT id, name, template_type, created_at, updated_at, content, archived, hidden, subject,
       postage, broadcast_data, service_id, created_by_id, process_type, service_letter_contact_id, version
FROM templates
WHERE id IN (SELECT id FROM seed_templates);

INSERT INTO template_redacted (template_id, redact_personalisation, updated_at, updated_by_id)
SELECT id, false, '2016-01-01 00:00:00', '6af522d0-2915-4e52-83a3-3690455a5fe6'
FROM seed_templates;

DROP TABLE seed_templates;
