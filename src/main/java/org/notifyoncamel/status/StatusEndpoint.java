package org.notifyoncamel.status;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Header;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code GET /_status}: liveness with the build and the database's migration version (notifications-api app/status/healthcheck.py). */
@Component("statusEndpoint")
public class StatusEndpoint {

    private final JdbcTemplate jdbc;
    private final String gitCommit;
    private final String buildTime;

    public StatusEndpoint(JdbcTemplate jdbc, @Value("${notify.git-commit}") String gitCommit,
                          @Value("${notify.build-time}") String buildTime) {
        this.jdbc = jdbc;
        this.gitCommit = gitCommit;
        this.buildTime = buildTime;
    }

    public Map<String, Object> status(@Header("simple") String simple) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        if (simple != null && !simple.isBlank() && !simple.equalsIgnoreCase("false") && !simple.equals("0")) {
            return body;
        }
        body.put("git_commit", gitCommit);
        body.put("build_time", buildTime);
        body.put("db_version", jdbc.queryForObject(
                "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1", String.class));
        return body;
    }

    public Map<String, Object> liveCounts() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisations", jdbc.queryForObject("""
                SELECT count(DISTINCT organisation_id) FROM services
                WHERE active AND NOT restricted AND count_as_live AND organisation_id IS NOT NULL""", Long.class));
        body.put("services", jdbc.queryForObject(
                "SELECT count(*) FROM services WHERE active AND NOT restricted AND count_as_live", Long.class));
        return body;
    }
}
