package org.notifyoncamel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The role table: every route file belongs to a role besides "all", and roles resolve to route patterns. */
class RolesTest {

    static Map<String, String> roles() {
        Map<String, String> properties = org.notifyoncamel.support.ApplicationYaml.baseProperties();
        return properties.keySet().stream().filter(p -> p.startsWith("notify.roles."))
                .collect(Collectors.toMap(p -> p.substring("notify.roles.".length()), properties::get));
    }

    static List<String> routeFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".camel.yaml")).sorted().toList();
        }
    }

    @Test
    void everyRouteFileIsLoadedByARoleOtherThanAll() throws IOException {
        Map<String, String> roles = roles();
        for (String file : routeFiles()) {
            boolean loaded = roles.entrySet().stream().filter(e -> !e.getKey().equals("all"))
                    .flatMap(e -> Arrays.stream(e.getValue().split(",")).map(String::trim).filter(s -> !s.isEmpty()))
                    .anyMatch(pattern -> FileSystems.getDefault().getPathMatcher("glob:" + pattern).matches(Path.of(file)));
            assertThat(loaded).as(file + " is loaded by no role except all").isTrue();
        }
    }

    @Test
    void routeIdsAreUniqueAcrossRouteFiles() throws IOException {
        java.util.Map<String, String> seen = new java.util.HashMap<>();
        java.util.regex.Pattern id = java.util.regex.Pattern.compile("^\\s*(?:-\\s+)?(?:routeId|id):\\s*([A-Za-z0-9-]+)\\s*$");
        for (String file : routeFiles()) {
            for (String line : Files.readAllLines(Path.of("routes", file))) {
                var matcher = id.matcher(line);
                if (matcher.matches()) {
                    String previous = seen.put(matcher.group(1), file);
                    assertThat(previous).as("route id " + matcher.group(1) + " in " + file + " and " + previous).isNull();
                }
            }
        }
        assertThat(seen).isNotEmpty();
    }

    /** Two scheduler instances never run one job at once: every timer route takes the job's advisory lock. */
    @Test
    void everyScheduledRouteRunsOnOneInstanceAtATime() throws IOException {
        for (String file : routeFiles()) {
            String yaml = Files.readString(Path.of("routes", file));
            long timers = java.util.regex.Pattern.compile("uri: \"?(scheduler|quartz|timer|cron):").matcher(yaml).results().count();
            long locked = java.util.regex.Pattern.compile("routePolicy: \"#singleInstance\"").matcher(yaml).results().count();
            assertThat(locked).as(file + ": timer routes without routePolicy #singleInstance").isEqualTo(timers);
        }
    }

    @Test
    void theApiRoleLoadsNoQueueConsumers() throws IOException {
        String api = roles().get("api");
        for (String file : routeFiles()) {
            boolean loaded = Arrays.stream(api.split(",")).map(String::trim)
                    .anyMatch(pattern -> FileSystems.getDefault().getPathMatcher("glob:" + pattern).matches(Path.of(file)));
            if (file.startsWith("consume-") || file.startsWith("schedule-") || file.startsWith("simulator-")) {
                assertThat(loaded).as(file).isFalse();
            }
        }
    }

    @Test
    void roleBecomesRouteIncludePatterns() {
        MockEnvironment env = new MockEnvironment();
        env.setProperty("notify.app-name", "delivery-worker-broadcasts");
        env.setProperty("notify.roles.delivery-worker-broadcasts", "common-*.camel.yaml, broadcasts-*.camel.yaml");
        env.setProperty("notify.routes.location", "file:/srv/routes");
        new NotifyEnvironment().postProcessEnvironment(env, null);
        assertThat(env.getProperty("notify.routes.include-pattern"))
                .isEqualTo("file:/srv/routes/common-*.camel.yaml,file:/srv/routes/broadcasts-*.camel.yaml");
    }

    @Test
    void wildcardsAreExpandedToTheRouteFilesSoCamelNeverScansTheJar() {
        MockEnvironment env = new MockEnvironment();
        env.setProperty("notify.app-name", "delivery-worker-broadcasts");
        env.setProperty("notify.roles.delivery-worker-broadcasts", "common-*.camel.yaml, broadcasts-*.camel.yaml, status.camel.yaml");
        new NotifyEnvironment().postProcessEnvironment(env, null);
        assertThat(env.getProperty("notify.routes.include-pattern")).isEqualTo(String.join(",",
                "classpath:routes/common-errors.camel.yaml", "classpath:routes/common-publish.camel.yaml",
                "classpath:routes/common-templates.camel.yaml", "classpath:routes/common-worker-errors.camel.yaml", "classpath:routes/broadcasts-errors.camel.yaml",
                "classpath:routes/broadcasts-send.camel.yaml", "classpath:routes/status.camel.yaml"));
    }

    @Test
    void unknownRoleIsRefusedByName() {
        MockEnvironment env = new MockEnvironment();
        env.setProperty("notify.app-name", "delivery-worker-nope");
        assertThatThrownBy(() -> new NotifyEnvironment().postProcessEnvironment(env, null))
                .hasMessageContaining("NOTIFY_APP_NAME=delivery-worker-nope is not a known role");
    }

    @Test
    void cloudFoundryDatabaseUrlBecomesJdbc() {
        MockEnvironment env = new MockEnvironment();
        env.setProperty("notify.roles.all", "*.camel.yaml");
        env.setProperty("DATABASE_URL", "postgres://notify:s3cret@db.example:5433/notify_db?sslmode=require");
        new NotifyEnvironment().postProcessEnvironment(env, null);
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example:5433/notify_db?sslmode=require");
        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("notify");
        assertThat(env.getProperty("spring.datasource.password")).isEqualTo("s3cret");
    }
}
