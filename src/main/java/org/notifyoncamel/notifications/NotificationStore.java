package org.notifyoncamel.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code notifications} table as the public API uses it: insert accepted notifications, read
 * one by id within a service, list a service's notifications. Status updates belong to delivery.
 */
@Component
public class NotificationStore {

    /** Filters of GET /v2/notifications (notifications-api app/v2/notifications/get_notifications.py). Empty lists mean "any". */
    public record ListFilter(UUID serviceId, String keyType, List<String> notificationTypes, List<String> statuses,
                             List<String> letterStatuses, String clientReference, UUID olderThan, boolean includeJobs,
                             int pageSize) {
    }

    private static final String SELECT = "SELECT n.id, n.\"to\", n.service_id, n.template_id, n.template_version, n.key_type, "
            + "n.notification_type::text, n.created_at, n.sent_at, n.updated_at, n.notification_status, n.client_reference, "
            + "n._personalisation, n.postage, u.name AS created_by_name, th.content, th.subject, "
            + "n.one_click_unsubscribe_url "
            + "FROM notifications n JOIN templates_history th ON th.id = n.template_id AND th.version = n.template_version "
            + "LEFT JOIN users u ON u.id = n.created_by_id ";

    private final NamedParameterJdbcTemplate jdbc;

    public NotificationStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final String INSERT = "INSERT INTO notifications (id, \"to\", normalised_to, service_id, template_id, template_version, api_key_id, "
            + "key_type, billable_units, notification_type, created_at, notification_status, client_reference, _personalisation, "
            + "international, phone_prefix, rate_multiplier, reply_to_text, document_download_count, postage, reference, updated_at, "
            + "one_click_unsubscribe_url) VALUES "
            + "(:id, :to, :normalisedTo, :serviceId, :templateId, :templateVersion, :apiKeyId, :keyType, 0, "
            + "CAST(:notificationType AS notification_type), :createdAt, :status, :clientReference, :personalisation, "
            + ":international, :phonePrefix, :rateMultiplier, :replyToText, :documentDownloadCount, :postage, :reference, :updatedAt, "
            + ":oneClickUnsubscribeUrl)";

    public void insert(NewNotification n) {
        jdbc.update(INSERT, params(n));
    }

    /** Several rows in one JDBC batch; the caller decides the transaction (one commit for all: GroupCommitInserts). */
    public void insertAll(List<NewNotification> notifications) {
        jdbc.batchUpdate(INSERT, notifications.stream().map(NotificationStore::params).toArray(MapSqlParameterSource[]::new));
    }

    /** Which of these notification ids are stored (after a COMMIT whose outcome the connection did not report). */
    public java.util.Set<UUID> existing(List<UUID> ids) {
        return new java.util.HashSet<>(jdbc.queryForList("SELECT id FROM notifications WHERE id IN (:ids)",
                new MapSqlParameterSource("ids", ids), UUID.class));
    }

    private static MapSqlParameterSource params(NewNotification n) {
        return new MapSqlParameterSource()
                .addValue("id", n.id()).addValue("to", n.to()).addValue("normalisedTo", n.normalisedTo())
                .addValue("serviceId", n.serviceId()).addValue("templateId", n.templateId())
                .addValue("templateVersion", n.templateVersion()).addValue("apiKeyId", n.apiKeyId())
                .addValue("keyType", n.keyType()).addValue("notificationType", n.notificationType())
                .addValue("createdAt", Timestamps.toSql(n.createdAt())).addValue("status", n.status())
                .addValue("clientReference", n.clientReference()).addValue("personalisation", n.encryptedPersonalisation())
                .addValue("international", n.international()).addValue("phonePrefix", n.phonePrefix())
                .addValue("rateMultiplier", n.rateMultiplier()).addValue("replyToText", n.replyToText())
                .addValue("documentDownloadCount", n.documentDownloadCount()).addValue("postage", n.postage())
                .addValue("reference", n.reference())
                .addValue("updatedAt", n.updatedAt() == null ? null : Timestamps.toSql(n.updatedAt()))
                .addValue("oneClickUnsubscribeUrl", n.oneClickUnsubscribeUrl());
    }

    /** A notification of the service, whatever key type sent it. */
    public Optional<StoredNotification> find(UUID serviceId, UUID id) {
        return jdbc.query(SELECT + "WHERE n.id = :id AND n.service_id = :serviceId",
                new MapSqlParameterSource("id", id).addValue("serviceId", serviceId), NotificationStore::row).stream().findFirst();
    }

    /** Newest first, at most {@code pageSize}. */
    public List<StoredNotification> list(ListFilter f) {
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE n.service_id = :serviceId AND n.key_type = :keyType");
        MapSqlParameterSource params = new MapSqlParameterSource("serviceId", f.serviceId()).addValue("keyType", f.keyType());
        if (!f.includeJobs()) {
            sql.append(" AND n.job_id IS NULL");
        }
        if (!f.notificationTypes().isEmpty()) {
            sql.append(" AND n.notification_type::text IN (:types)");
            params.addValue("types", f.notificationTypes());
        }
        List<String> statusConditions = new ArrayList<>();
        if (!f.statuses().isEmpty()) {
            statusConditions.add("n.notification_status IN (:statuses)");
            params.addValue("statuses", f.statuses());
        }
        if (!f.letterStatuses().isEmpty()) {
            statusConditions.add("(n.notification_type = 'letter' AND n.notification_status IN (:letterStatuses))");
            params.addValue("letterStatuses", f.letterStatuses());
        }
        if (!statusConditions.isEmpty()) {
            sql.append(" AND (").append(String.join(" OR ", statusConditions)).append(')');
        }
        if (f.clientReference() != null) {
            sql.append(" AND n.client_reference = :reference");
            params.addValue("reference", f.clientReference());
        }
        if (f.olderThan() != null) {
            // scoped by service: another service's notification id must not reveal (or page by) its creation time
            sql.append(" AND n.created_at < (SELECT o.created_at FROM notifications o WHERE o.id = :olderThan AND o.service_id = :serviceId)");
            params.addValue("olderThan", f.olderThan());
        }
        sql.append(" ORDER BY n.created_at DESC, n.id DESC LIMIT :limit");
        params.addValue("limit", f.pageSize());
        return jdbc.query(sql.toString(), params, NotificationStore::row);
    }

    /** Non-test notifications the service created since the start of the UTC day (seeds the daily counter once). */
    public long countCreatedToday(UUID serviceId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM notifications WHERE service_id = :serviceId "
                + "AND created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AND key_type <> 'test'",
                new MapSqlParameterSource("serviceId", serviceId), Long.class);
        return count == null ? 0 : count;
    }

    private static StoredNotification row(ResultSet rs, int n) throws SQLException {
        return new StoredNotification(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getInt(5), rs.getString(6), rs.getString(7),
                Timestamps.toInstant(rs.getTimestamp(8)), Timestamps.toInstant(rs.getTimestamp(9)),
                Timestamps.toInstant(rs.getTimestamp(10)), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18));
    }
}
