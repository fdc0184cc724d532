-- Scheduled single sends: scheduled_for on POST /v2/notifications/{sms,email} (docs/adr/0151-scheduled-single-sends.md).
-- The notification row is stored "created" at once; this row holds it back until scheduled_for. pending is true
-- until the scheduler hands the notification to its deliver queue or the internal API cancels it; delivery never
-- claims a notification whose schedule is pending. The original had a table of this name (notifications-api
-- app/models.py ScheduledNotification) until it dropped the feature; ours adds the deliver queue chosen at acceptance.
CREATE TABLE scheduled_notifications (
    notification_id uuid NOT NULL,
    scheduled_for timestamp NOT NULL,           -- UTC
    pending boolean NOT NULL DEFAULT true,
    deliver_queue varchar(255) NOT NULL,        -- queue name without NOTIFICATION_QUEUE_PREFIX
    CONSTRAINT scheduled_notifications_pkey PRIMARY KEY (notification_id)
);
-- the scheduler's "due" scan and the delivery claim's check look only at pending rows
CREATE INDEX ix_scheduled_notifications_pending ON scheduled_notifications (scheduled_for) WHERE pending;
