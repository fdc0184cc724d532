-- Jobs created through POST /v2/notifications/bulk remember the calling key and the sender chosen for the
-- whole job (GC Notify's jobs.api_key_id and jobs.sender_id; docs/adr/0140-csv-jobs-as-a-streamed-camel-flow.md).
-- Admin-created jobs leave both null: their rows are sent with key type normal, no key, the default sender
-- unless the CSV's metadata names one.
ALTER TABLE jobs ADD COLUMN api_key_id uuid;
ALTER TABLE jobs ADD COLUMN sender_id uuid;
ALTER TABLE jobs ADD CONSTRAINT jobs_api_key_id_fkey FOREIGN KEY (api_key_id) REFERENCES api_keys (id);
-- check-job-status looks for jobs in progress whose last saved batch is old
CREATE INDEX ix_jobs_in_progress_updated_at ON jobs (updated_at) WHERE job_status = 'in progress';
