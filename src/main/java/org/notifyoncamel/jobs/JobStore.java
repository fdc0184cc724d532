package org.notifyoncamel.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code jobs} table (notifications-api app/dao/jobs_dao.py): create, read with the names the job JSON shows,
 * list, and every status change as one conditional UPDATE, so two workers can never both move a job.
 */
@Component
public class JobStore {

    /** One page of a service's jobs and how many there are in all. */
    public record Page(List<Job> jobs, long total) {
    }

    public record StatusCount(String status, long count) {
    }

    private static final String SELECT = "SELECT j.id, j.original_file_name, j.service_id, j.template_id, j.template_version, "
            + "j.created_at, j.updated_at, j.notification_count, j.processing_started, j.processing_finished, j.created_by_id, "
            + "j.scheduled_for, j.job_status, j.archived, j.contact_list_id, j.api_key_id, j.sender_id, "
            + "t.name AS template_name, t.template_type::text AS template_type, s.name AS service_name, u.name AS created_by_name, "
            + "k.name AS api_key_name, k.key_type AS api_key_type "
            + "FROM jobs j JOIN services s ON s.id = j.service_id LEFT JOIN templates t ON t.id = j.template_id "
            + "LEFT JOIN users u ON u.id = j.created_by_id LEFT JOIN api_keys k ON k.id = j.api_key_id ";

    private final NamedParameterJdbcTemplate jdbc;

    public JobStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Job job) {
        jdbc.update("INSERT INTO jobs (id, original_file_name, service_id, template_id, template_version, created_at, "
                + "notification_count, created_by_id, scheduled_for, job_status, contact_list_id, api_key_id, sender_id) VALUES "
                + "(:id, :name, :serviceId, :templateId, :version, :createdAt, :count, :createdBy, :scheduledFor, :status, "
                + ":contactListId, :apiKeyId, :senderId)",
                new MapSqlParameterSource("id", job.id()).addValue("name", job.originalFileName())
                        .addValue("serviceId", job.serviceId()).addValue("templateId", job.templateId())
                        .addValue("version", job.templateVersion()).addValue("createdAt", Timestamps.toSql(job.createdAt()))
                        .addValue("count", job.notificationCount()).addValue("createdBy", job.createdById())
                        .addValue("scheduledFor", job.scheduledFor() == null ? null : Timestamps.toSql(job.scheduledFor()))
                        .addValue("status", job.status()).addValue("contactListId", job.contactListId())
                        .addValue("apiKeyId", job.apiKeyId()).addValue("senderId", job.senderId()));
    }

    public Optional<Job> find(UUID jobId) {
        return jdbc.query(SELECT + "WHERE j.id = :id", new MapSqlParameterSource("id", jobId), JobStore::row).stream().findFirst();
    }

    /** The job when it belongs to the service. */
    public Optional<Job> find(UUID serviceId, UUID jobId) {
        return find(jobId).filter(j -> j.serviceId().equals(serviceId));
    }

    /**
     * A service's jobs (notifications-api app/dao/jobs_dao.py {@code dao_get_jobs_by_service_id}): not the legacy
     * one-off names, created since {@code createdSince} when given, in the statuses given; newest started first
     * (not started first of all), then newest created.
     */
    public Page list(UUID serviceId, Instant createdSince, List<String> statuses, UUID contactListId, int page, int pageSize) {
        StringBuilder where = new StringBuilder("WHERE j.service_id = :serviceId AND j.original_file_name NOT IN ('Test message', 'Report')");
        MapSqlParameterSource params = new MapSqlParameterSource("serviceId", serviceId);
        if (createdSince != null) {
            where.append(" AND j.created_at >= :since");
            params.addValue("since", Timestamps.toSql(createdSince));
        }
        if (!statuses.isEmpty()) {
            where.append(" AND j.job_status IN (:statuses)");
            params.addValue("statuses", statuses);
        }
        if (contactListId != null) {
            where.append(" AND j.contact_list_id = :contactListId");
            params.addValue("contactListId", contactListId);
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM jobs j " + where, params, Long.class);
        params.addValue("limit", pageSize).addValue("offset", (long) (page - 1) * pageSize);
        List<Job> jobs = jdbc.query(SELECT + where + " ORDER BY j.processing_started DESC NULLS FIRST, j.created_at DESC "
                + "LIMIT :limit OFFSET :offset", params, JobStore::row);
        return new Page(jobs, total == null ? 0 : total);
    }

    /** Live counts of the job's notifications by status (in the order Postgres groups them). */
    public List<StatusCount> statistics(UUID jobId) {
        List<StatusCount> live = jdbc.query("SELECT notification_status, count(*) FROM notifications WHERE job_id = :id "
                + "GROUP BY notification_status ORDER BY notification_status", new MapSqlParameterSource("id", jobId),
                (rs, n) -> new StatusCount(rs.getString(1), rs.getLong(2)));
        if (!live.isEmpty()) {
            return live;
        }
        // rows gone to history: the nightly facts, summed (the original lists its fact rows unsummed, a quirk)
        return jdbc.query("SELECT notification_status, sum(notification_count) FROM ft_notification_status WHERE job_id = :id "
                + "GROUP BY notification_status ORDER BY notification_status", new MapSqlParameterSource("id", jobId),
                (rs, n) -> new StatusCount(rs.getString(1), rs.getLong(2)));
    }

    public long notificationCount(UUID jobId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM notifications WHERE job_id = :id",
                new MapSqlParameterSource("id", jobId), Long.class);
        return count == null ? 0 : count;
    }

    /** The service's scheduled jobs: how many, and the soonest {@code scheduled_for}. */
    public Map<String, Object> scheduledStats(UUID serviceId) {
        return jdbc.queryForObject("SELECT count(*) AS count, min(scheduled_for) AS soonest FROM jobs "
                + "WHERE service_id = :serviceId AND job_status = 'scheduled'", new MapSqlParameterSource("serviceId", serviceId),
                (rs, n) -> {
                    java.util.LinkedHashMap<String, Object> stats = new java.util.LinkedHashMap<>();
                    stats.put("count", rs.getLong(1));
                    stats.put("soonest_scheduled_for", JobJson.timestamp(Timestamps.toInstant(rs.getTimestamp(2))));
                    return stats;
                });
    }

    /** A scheduled job whose time has not come becomes {@code cancelled}; false when there is no such job. */
    public boolean cancelScheduled(UUID serviceId, UUID jobId) {
        return jdbc.update("UPDATE jobs SET job_status = 'cancelled', updated_at = now() AT TIME ZONE 'UTC' "
                + "WHERE id = :id AND service_id = :serviceId AND job_status = 'scheduled' "
                + "AND scheduled_for > now() AT TIME ZONE 'UTC'",
                new MapSqlParameterSource("id", jobId).addValue("serviceId", serviceId)) == 1;
    }

    /** {@code from} becomes {@code to}, only if the job is still {@code from}; true when it moved. */
    public boolean transition(UUID jobId, String from, String to) {
        String stamps = switch (to) {
            case Job.IN_PROGRESS -> ", processing_started = now() AT TIME ZONE 'UTC'";
            case Job.FINISHED, Job.SENDING_LIMITS_EXCEEDED -> ", processing_finished = now() AT TIME ZONE 'UTC'";
            default -> "";
        };
        return jdbc.update("UPDATE jobs SET job_status = :to, updated_at = now() AT TIME ZONE 'UTC'" + stamps
                + " WHERE id = :id AND job_status = :from", new MapSqlParameterSource("id", jobId).addValue("from", from)
                .addValue("to", to)) == 1;
    }

    /** run-scheduled-jobs: every scheduled job whose time has come becomes pending; their ids, soonest first. */
    public List<UUID> releaseDueScheduledJobs() {
        return jdbc.queryForList("WITH due AS (SELECT id, scheduled_for FROM jobs WHERE job_status = 'scheduled' "
                + "AND scheduled_for < now() AT TIME ZONE 'UTC' ORDER BY scheduled_for FOR UPDATE SKIP LOCKED) "
                + "UPDATE jobs j SET job_status = 'pending', updated_at = now() AT TIME ZONE 'UTC' FROM due WHERE j.id = due.id "
                + "RETURNING j.id", new MapSqlParameterSource(), UUID.class);
    }

    /**
     * check-job-status: jobs in progress whose last saved batch (or start) is older than {@code cutoff} become
     * {@code error}; their ids. The status change makes each stop found once.
     */
    public List<UUID> markStuckJobs(Instant cutoff) {
        return jdbc.queryForList("UPDATE jobs SET job_status = 'error' WHERE job_status = 'in progress' "
                + "AND COALESCE(updated_at, processing_started) < :cutoff RETURNING id",
                new MapSqlParameterSource("cutoff", Timestamps.toSql(cutoff)), UUID.class);
    }

    /** The highest row number saved for the job, -1 when none is. */
    public int highestSavedRow(UUID jobId) {
        Integer highest = jdbc.queryForObject("SELECT max(job_row_number) FROM notifications WHERE job_id = :id",
                new MapSqlParameterSource("id", jobId), Integer.class);
        return highest == null ? -1 : highest;
    }

    /** Ids of the job's notifications still {@code created} whose row number is above {@code afterRow}. */
    public List<UUID> createdRowsAfter(UUID jobId, int afterRow) {
        return jdbc.queryForList("SELECT id FROM notifications WHERE job_id = :id AND job_row_number > :after "
                + "AND notification_status = 'created' ORDER BY job_row_number",
                new MapSqlParameterSource("id", jobId).addValue("after", afterRow), UUID.class);
    }

    /**
     * check-for-missing-rows-in-completed-jobs: finished jobs (finished between {@code from} and {@code to}) with
     * fewer notifications than rows.
     */
    public List<UUID> finishedJobsWithMissingRows(Instant from, Instant to) {
        return jdbc.queryForList("SELECT j.id FROM jobs j WHERE j.job_status = 'finished' "
                + "AND j.processing_finished > :from AND j.processing_finished < :to "
                + "AND j.notification_count > (SELECT count(*) FROM notifications n WHERE n.job_id = j.id)",
                new MapSqlParameterSource("from", Timestamps.toSql(from)).addValue("to", Timestamps.toSql(to)), UUID.class);
    }

    /** Row numbers of the job that have no notification. */
    public List<Integer> missingRows(UUID jobId, int notificationCount) {
        return jdbc.queryForList("SELECT r FROM generate_series(0, :last) r WHERE NOT EXISTS "
                + "(SELECT 1 FROM notifications n WHERE n.job_id = :id AND n.job_row_number = r) ORDER BY r",
                new MapSqlParameterSource("id", jobId).addValue("last", notificationCount - 1), Integer.class);
    }

    /** A job's notification as the internal API lists it. */
    public record JobNotificationRow(UUID id, String to, Integer jobRowNumber, String status, String notificationType,
                                     Instant createdAt, Instant sentAt, Instant updatedAt, String sentBy, String reference,
                                     String clientReference, String keyType, String encryptedPersonalisation, UUID templateId,
                                     int templateVersion, String templateName, String templateType, String content,
                                     String subject, String createdByName, String createdByEmail) {
    }

    public record NotificationPage(List<JobNotificationRow> notifications, long total) {
    }

    /** The job's notifications in row order, filtered by status and type when given. */
    public NotificationPage notifications(UUID serviceId, UUID jobId, List<String> statuses, List<String> types, int page, int pageSize) {
        StringBuilder where = new StringBuilder("WHERE n.service_id = :serviceId AND n.job_id = :jobId");
        MapSqlParameterSource params = new MapSqlParameterSource("serviceId", serviceId).addValue("jobId", jobId);
        if (!statuses.isEmpty()) {
            where.append(" AND n.notification_status IN (:statuses)");
            params.addValue("statuses", statuses);
        }
        if (!types.isEmpty()) {
            where.append(" AND n.notification_type::text IN (:types)");
            params.addValue("types", types);
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM notifications n " + where, params, Long.class);
        params.addValue("limit", pageSize).addValue("offset", (long) (page - 1) * pageSize);
        List<JobNotificationRow> rows = jdbc.query("SELECT n.id, n.\"to\", n.job_row_number, n.notification_status, "
                + "n.notification_type::text, n.created_at, n.sent_at, n.updated_at, n.sent_by, n.reference, n.client_reference, "
                + "n.key_type, n._personalisation, n.template_id, n.template_version, th.name, th.template_type::text, th.content, "
                + "th.subject, u.name, u.email_address FROM notifications n "
                + "JOIN templates_history th ON th.id = n.template_id AND th.version = n.template_version "
                + "LEFT JOIN users u ON u.id = n.created_by_id " + where
                + " ORDER BY n.job_row_number ASC LIMIT :limit OFFSET :offset", params,
                (rs, i) -> new JobNotificationRow(rs.getObject(1, UUID.class), rs.getString(2), (Integer) rs.getObject(3),
                        rs.getString(4), rs.getString(5), instant(rs, "created_at"), instant(rs, "sent_at"),
                        instant(rs, "updated_at"), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getString(13), rs.getObject(14, UUID.class), rs.getInt(15), rs.getString(16), rs.getString(17),
                        rs.getString(18), rs.getString(19), rs.getString(20), rs.getString(21)));
        return new NotificationPage(rows, total == null ? 0 : total);
    }

    /** Statuses of the job's notifications (cancel-letter-job checks them all). */
    public List<String> notificationStatuses(UUID jobId) {
        return jdbc.queryForList("SELECT DISTINCT notification_status FROM notifications WHERE job_id = :id",
                new MapSqlParameterSource("id", jobId), String.class);
    }

    /** Cancels every notification of a finished letter job, and the job, in one transaction; the count cancelled. */
    @org.springframework.transaction.annotation.Transactional
    public int cancelLetterJob(UUID jobId) {
        int cancelled = jdbc.update("UPDATE notifications SET notification_status = 'cancelled', billable_units = 0, "
                + "updated_at = now() AT TIME ZONE 'UTC' WHERE job_id = :id", new MapSqlParameterSource("id", jobId));
        jdbc.update("UPDATE jobs SET job_status = 'cancelled', updated_at = now() AT TIME ZONE 'UTC' WHERE id = :id",
                new MapSqlParameterSource("id", jobId));
        return cancelled;
    }

    /** Withdraws a job that could not be queued (its creation is undone). */
    public void deletePending(UUID jobId) {
        jdbc.update("DELETE FROM jobs WHERE id = :id AND job_status = 'pending' AND processing_started IS NULL",
                new MapSqlParameterSource("id", jobId));
    }

    private static Job row(ResultSet rs, int n) throws SQLException {
        return new Job(rs.getObject("id", UUID.class), rs.getString("original_file_name"), rs.getObject("service_id", UUID.class),
                rs.getObject("template_id", UUID.class), rs.getInt("template_version"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getInt("notification_count"), instant(rs, "processing_started"),
                instant(rs, "processing_finished"), rs.getObject("created_by_id", UUID.class), instant(rs, "scheduled_for"),
                rs.getString("job_status"), rs.getBoolean("archived"), rs.getObject("contact_list_id", UUID.class),
                rs.getObject("api_key_id", UUID.class), rs.getObject("sender_id", UUID.class), rs.getString("template_name"),
                rs.getString("template_type"), rs.getString("service_name"), rs.getString("created_by_name"),
                rs.getString("api_key_name"), rs.getString("api_key_type"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Timestamps.toInstant(rs.getTimestamp(column));
    }
}
