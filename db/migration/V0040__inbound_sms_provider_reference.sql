-- Inbound SMS receipt is idempotent per provider message (docs/adr/0130): a provider that retries a
-- delivery (MMG after a 5xx or a timeout) finds the row it already stored instead of adding a duplicate.
-- Firetext sends no reference, so only rows with one are constrained.
CREATE UNIQUE INDEX uix_inbound_sms_provider_reference ON inbound_sms (provider, provider_reference)
    WHERE provider_reference IS NOT NULL;
