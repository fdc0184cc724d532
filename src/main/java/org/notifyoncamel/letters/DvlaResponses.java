package org.notifyoncamel.letters;

import java.util.ArrayList;
import java.util.List;

import org.notifyoncamel.common.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A DVLA response file (notifications-api app/notifications/notifications_letter_callback.py; route {@code
 * dvla-response-file}): one line per letter,
 * {@code reference|status|page_count|Sorted}; {@code Sent} makes the letter {@code delivered}, anything else
 * {@code temporary-failure} plus an alert. A file with a malformed line is refused whole.
 */
@Component("dvlaResponses")
public class DvlaResponses {

    private static final Logger LOG = LoggerFactory.getLogger(DvlaResponses.class);

    /** What a file did. */
    public record Applied(int delivered, int failed) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public DvlaResponses(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Applied apply(String content, String fileName) {
        List<String[]> lines = new ArrayList<>();
        for (String line : content.split("\\r?\\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\\|", -1);
            if (fields.length != 4) {
                throw new IllegalArgumentException("DVLA response file: " + fileName + " has an invalid format");
            }
            lines.add(fields);
        }
        int delivered = 0;
        List<String> failed = new ArrayList<>();
        for (String[] fields : lines) {
            String reference = fields[0].trim();
            String status = "Sent".equals(fields[1].trim()) ? "delivered" : "temporary-failure";
            int updated = jdbc.update("UPDATE notifications SET notification_status = :status, updated_at = :now "
                            + "WHERE reference = :reference AND notification_type = 'letter'",
                    new MapSqlParameterSource("status", status).addValue("reference", reference)
                            .addValue("now", Timestamps.toSql(Timestamps.now())));
            if (updated == 0) {
                LOG.info("DVLA response file {}: no letter with reference {}", fileName, reference);
            }
            if ("delivered".equals(status)) {
                delivered += updated;
            } else {
                failed.add(reference);
            }
        }
        if (!failed.isEmpty()) {
            LOG.error("ALERT DVLA response file: {} has failed letters with notification.reference {}", fileName, failed);
        }
        LOG.info("DVLA response file {}: {} delivered, {} failed", fileName, delivered, failed.size());
        return new Applied(delivered, failed.size());
    }
}
