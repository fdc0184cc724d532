-- One-click unsubscribe (RFC 8058) for emails sent through the public API: the client's
-- one_click_unsubscribe_url, sent to SES as the List-Unsubscribe and List-Unsubscribe-Post headers and
-- returned by GET /v2/notifications (docs/compatibility.md). Like "to", it is not copied into
-- notification_history when the retention task archives the row: the URL usually identifies the recipient.
ALTER TABLE notifications ADD COLUMN one_click_unsubscribe_url varchar;
