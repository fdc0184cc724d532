-- Inbound SMS receipt is idempotent per provider message (docs/adr/0130): a provider that retries a
-- delivery (MMG after a 5xx or a timeout) finds the row it already stored instead of adding a duplicate.
-- Firetext sends no reference, so only rows with one are constrained.
-- Rows stored before this index (the original kept a provider's retried delivery twice) keep their content;
-- the later copies lose their reference, so the index can be built on any existing data.
UPDATE inbound_sms later SET provider_reference = NULL
  FROM inbound_sms earlier
 WHERE later.provider = earlier.provider
   AND later.provider_reference = earlier.provider_reference
   AND (later.created_at, later.id) > (earlier.created_at, earlier.id);
CREATE UNIQUE INDEX uix_inbound_sms_provider_reference ON inbound_sms (provider, provider_reference)
    WHERE provider_reference IS NOT NULL;
