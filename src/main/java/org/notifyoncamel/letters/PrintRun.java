package org.notifyoncamel.letters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.objectstore.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The daily print run (notifications-api app/celery/letters_pdf_tasks.py, notifications-ftp app/celery/tasks.py; route
 * {@code collate-letter-pdfs}): letters still {@code created} from
 * before today's 17:30 London deadline, normal keys, grouped per postage class and service into zips of at most
 * {@code max-files} PDFs and {@code max-bytes}, named as the original names them. The route uploads each zip over
 * SFTP and then calls {@link #sent}; an upload that fails calls {@link #failed}.
 */
@Component("printRun")
public class PrintRun {

    private static final Logger LOG = LoggerFactory.getLogger(PrintRun.class);
    private static final List<String> CLASSES = List.of("first", "second", "europe", "rest-of-world");

    /** One zip for DVLA: its name, bytes, and the letter references inside. */
    public record PrintZip(String name, byte[] zip, List<String> references) {
    }

    record Candidate(UUID id, UUID serviceId, String reference, String postage, boolean crown, Instant createdAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectStore objects;
    private final String bucket;
    private final int maxFiles;
    private final long maxBytes;

    public PrintRun(NamedParameterJdbcTemplate jdbc, ObjectStore objects,
                    @Value("${notify.letters.buckets.letters-pdf}") String bucket,
                    @Value("${notify.letters.print-run.max-files-per-zip}") int maxFiles,
                    @Value("${notify.letters.print-run.max-bytes-per-zip}") long maxBytes) {
        this.jdbc = jdbc;
        this.objects = objects;
        this.bucket = bucket;
        this.maxFiles = maxFiles;
        this.maxBytes = maxBytes;
    }

    /** Every zip of today's run (all services, today's 17:30 London deadline). */
    public List<PrintZip> collate() {
        return collate(null, null);
    }

    /**
     * The zips of a run: of one service when {@code serviceId} is set, of letters created before {@code deadline}
     * (null: today's 17:30 London). The zip names carry the deadline's London date.
     */
    public List<PrintZip> collate(UUID serviceId, Instant deadlineOrNull) {
        Instant deadline = deadlineOrNull != null ? deadlineOrNull
                : ZonedDateTime.now(LetterTimings.LONDON).toLocalDate().atTime(LetterTimings.PRINT_DEADLINE).atZone(LetterTimings.LONDON).toInstant();
        LocalDate deadlineDay = deadline.atZone(LetterTimings.LONDON).toLocalDate();
        List<PrintZip> zips = new ArrayList<>();
        for (String postage : CLASSES) {
            int sequence = 0;
            List<Candidate> group = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            long groupBytes = 0;
            for (Candidate letter : candidates(postage, deadline, serviceId)) {
                String key = LetterTimings.pdfFileName(letter.reference(), letter.postage(), letter.crown(), letter.createdAt(), false);
                Optional<Long> size = objects.size(bucket, key);
                if (size.isEmpty()) {
                    LOG.warn("notification_id={} letter PDF {} missing from the letters bucket: not in this print run", letter.id(), key);
                    continue;
                }
                boolean newGroup = !group.isEmpty() && (group.size() >= maxFiles || groupBytes + size.get() > maxBytes
                        || !group.get(0).serviceId().equals(letter.serviceId()));
                if (newGroup) {
                    zips.add(zip(deadlineDay, postage, ++sequence, group, keys));
                    group = new ArrayList<>();
                    keys = new ArrayList<>();
                    groupBytes = 0;
                }
                group.add(letter);
                keys.add(key);
                groupBytes += size.get();
            }
            if (!group.isEmpty()) {
                zips.add(zip(deadlineDay, postage, ++sequence, group, keys));
            }
        }
        LOG.info("print run for {}: {} zip files", deadlineDay, zips.size());
        return zips;
    }

    /** update-letter-notifications-to-sent: the letters of an uploaded zip are {@code sending} with DVLA. */
    public int sent(List<String> references) {
        Timestamp now = Timestamps.toSql(Timestamps.now());
        int updated = jdbc.update("UPDATE notifications SET notification_status = 'sending', sent_by = 'dvla', sent_at = :now, "
                + "updated_at = :now WHERE reference IN (:references) AND notification_type = 'letter' AND notification_status = 'created'",
                new MapSqlParameterSource("now", now).addValue("references", references));
        LOG.info("{} letters sent to DVLA", updated);
        return updated;
    }

    /** update-letter-notifications-to-error: the zip could not be uploaded; its letters are technical-failure (an alert). */
    public int failed(List<String> references) {
        int updated = jdbc.update("UPDATE notifications SET notification_status = 'technical-failure', updated_at = :now "
                        + "WHERE reference IN (:references) AND notification_type = 'letter' AND notification_status = 'created'",
                new MapSqlParameterSource("now", Timestamps.toSql(Timestamps.now())).addValue("references", references));
        LOG.error("ALERT Updated {} letter notifications to technical-failure with references {}", updated, references);
        return updated;
    }

    /**
     * check-if-letters-still-in-created (notifications-api app/celery/scheduled_tasks.py): letters still {@code
     * created} from before yesterday's 17:30
     * London deadline were missed by a print run; each is logged as an alert. Returns how many there are.
     */
    public int lettersStillCreated() {
        Instant yesterdaysDeadline = LocalDate.now(LetterTimings.LONDON).minusDays(1).atTime(LetterTimings.PRINT_DEADLINE)
                .atZone(LetterTimings.LONDON).toInstant();
        Integer count = jdbc.queryForObject("SELECT count(*) FROM notifications WHERE notification_type = 'letter' "
                        + "AND notification_status = 'created' AND key_type = 'normal' AND created_at < :deadline",
                new MapSqlParameterSource("deadline", Timestamps.toSql(yesterdaysDeadline)), Integer.class);
        int stuck = count == null ? 0 : count;
        if (stuck > 0) {
            LOG.error("ALERT {} letters are still in created, but should have been sent by the print run before {}", stuck,
                    yesterdaysDeadline);
        }
        return stuck;
    }

    private List<Candidate> candidates(String postage, Instant deadline, UUID serviceId) {
        MapSqlParameterSource params = new MapSqlParameterSource("postage", postage).addValue("deadline", Timestamps.toSql(deadline));
        String serviceFilter = "";
        if (serviceId != null) {
            serviceFilter = " AND n.service_id = :serviceId";
            params.addValue("serviceId", serviceId);
        }
        return jdbc.query("SELECT n.id, n.service_id, n.reference, n.postage, COALESCE(s.crown, false) AS crown, n.created_at "
                        + "FROM notifications n JOIN services s ON s.id = n.service_id WHERE n.notification_type = 'letter' "
                        + "AND n.notification_status = 'created' AND n.key_type = 'normal' AND n.postage = :postage "
                        + "AND n.created_at < :deadline AND n.reference IS NOT NULL" + serviceFilter
                        + " ORDER BY n.service_id, n.created_at", params,
                (rs, i) -> new Candidate(rs.getObject("id", UUID.class), rs.getObject("service_id", UUID.class), rs.getString("reference"),
                        rs.getString("postage"), rs.getBoolean("crown"), Timestamps.toInstant(rs.getTimestamp("created_at"))));
    }

    private PrintZip zip(LocalDate day, String postage, int sequence, List<Candidate> letters, List<String> keys) {
        String name = "NOTIFY." + day + "." + LetterTimings.postageClass(postage) + "." + String.format("%03d", sequence) + "."
                + hash(keys) + "." + letters.get(0).serviceId() + ".ZIP";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String key : keys) {
                byte[] pdf = objects.get(bucket, key).orElseThrow(() -> new IllegalStateException("letter PDF " + key + " vanished"));
                zip.putNextEntry(new ZipEntry(key.substring(key.lastIndexOf('/') + 1)));
                zip.write(pdf);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PrintZip(name, out.toByteArray(), letters.stream().map(Candidate::reference).toList());
    }

    /**
     * First 20 characters of the URL-safe base64 of SHA-512 over the concatenated keys (notifications-api
     * app/celery/letters_pdf_tasks.py).
     */
    static String hash(List<String> keys) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512").digest(String.join("", keys).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().encodeToString(digest).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
