package org.notifyoncamel.jobs;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Saves a batch of a job's rows as notifications in one statement, one round trip (docs/adr/0140): the rows travel
 * as arrays ({@code unnest}), {@code ON CONFLICT (job_id, job_row_number) DO NOTHING} skips any row already saved
 * (a redelivered or resumed batch), and only the ids really inserted come back, so only they get a deliver task.
 * The same statement stamps the job's {@code updated_at}: the heartbeat check-job-status reads.
 */
@Component
public class JobRowInserts {

    /** What every row of the job shares. */
    public record JobRows(UUID jobId, UUID serviceId, UUID templateId, int templateVersion, UUID apiKeyId, String keyType,
                          String notificationType, String status, String replyToText) {
    }

    /** One row of the job as a notification. {@code encryptedPersonalisation} is already SecretCipher output. */
    public record JobNotification(UUID id, int rowNumber, String to, String normalisedTo, String encryptedPersonalisation,
                                  boolean international, String phonePrefix, BigDecimal rateMultiplier, String postage,
                                  String reference, String clientReference) {
    }

    private static final String INSERT = "WITH heartbeat AS (UPDATE jobs SET updated_at = now() AT TIME ZONE 'UTC' WHERE id = ?) "
            + "INSERT INTO notifications (id, \"to\", normalised_to, job_id, job_row_number, service_id, template_id, "
            + "template_version, api_key_id, key_type, billable_units, notification_type, created_at, notification_status, "
            + "_personalisation, international, phone_prefix, rate_multiplier, reply_to_text, postage, reference, client_reference) "
            + "SELECT r.id, r.recipient, r.normalised, ?, r.row_number, ?, ?, ?, ?, ?, 0, CAST(? AS notification_type), ?, ?, "
            + "r.personalisation, r.international, r.prefix, r.rate, ?, r.postage, r.reference, r.client_reference "
            + "FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::int[], ?::text[], ?::boolean[], ?::varchar[], ?::numeric[], "
            + "?::varchar[], ?::varchar[], ?::varchar[]) "
            + "AS r(id, recipient, normalised, row_number, personalisation, international, prefix, rate, postage, reference, client_reference) "
            + "ON CONFLICT (job_id, job_row_number) DO NOTHING RETURNING id";

    private final JdbcTemplate jdbc;

    public JobRowInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the rows not yet saved; returns the ids inserted, in no particular order. */
    public List<UUID> insert(JobRows job, List<JobNotification> rows) {
        if (rows.isEmpty()) {
            jdbc.update("UPDATE jobs SET updated_at = now() AT TIME ZONE 'UTC' WHERE id = ?", job.jobId());
            return List.of();
        }
        return jdbc.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                int i = 1;
                statement.setObject(i++, job.jobId());
                statement.setObject(i++, job.jobId());
                statement.setObject(i++, job.serviceId());
                statement.setObject(i++, job.templateId());
                statement.setInt(i++, job.templateVersion());
                statement.setObject(i++, job.apiKeyId());
                statement.setString(i++, job.keyType());
                statement.setString(i++, job.notificationType());
                statement.setTimestamp(i++, Timestamps.toSql(Timestamps.now()));
                statement.setString(i++, job.status());
                statement.setString(i++, job.replyToText());
                statement.setArray(i++, array(connection, "uuid", rows.stream().map(JobNotification::id).toArray()));
                statement.setArray(i++, array(connection, "varchar", rows.stream().map(JobNotification::to).toArray()));
                statement.setArray(i++, array(connection, "varchar", rows.stream().map(JobNotification::normalisedTo).toArray()));
                statement.setArray(i++, array(connection, "int4", rows.stream().map(JobNotification::rowNumber).toArray()));
                statement.setArray(i++, array(connection, "text", rows.stream().map(JobNotification::encryptedPersonalisation).toArray()));
                statement.setArray(i++, array(connection, "bool", rows.stream().map(JobNotification::international).toArray()));
                statement.setArray(i++, array(connection, "varchar", rows.stream().map(JobNotification::phonePrefix).toArray()));
                statement.setArray(i++, array(connection, "numeric", rows.stream().map(JobNotification::rateMultiplier).toArray()));
                statement.setArray(i++, array(connection, "varchar", rows.stream().map(JobNotification::postage).toArray()));
                statement.setArray(i++, array(connection, "varchar", rows.stream().map(JobNotification::reference).toArray()));
                statement.setArray(i, array(connection, "varchar", rows.stream().map(JobNotification::clientReference).toArray()));
                List<UUID> inserted = new ArrayList<>(rows.size());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getObject(1, UUID.class));
                    }
                }
                return inserted;
            }
        });
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
