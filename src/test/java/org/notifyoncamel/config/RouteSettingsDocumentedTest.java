package org.notifyoncamel.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.support.ApplicationYaml;

/**
 * The README's configuration table, application.yml and the routes cannot drift apart: every
 * {@code {{property}}} a route uses is defined in application.yml with an environment-variable
 * override, and the README has a row for it naming that variable (rows may use {@code <queue>} /
 * {@code <QUEUE>} for the per-queue settings).
 */
class RouteSettingsDocumentedTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z0-9_.-]+)(?::[^}]*)?}}");
    private static final Pattern ENV_OVERRIDE = Pattern.compile("^\\$\\{([A-Z0-9_]+):.*}$", Pattern.DOTALL);
    private static final Pattern README_ROW = Pattern.compile("^\\|\\s*`([^`]+)`[^|]*\\|\\s*`([^`]+)`.*\\|");

    record Row(Pattern property, Pattern variable) {
    }

    static Set<String> routeProperties() throws IOException {
        Set<String> properties = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
                Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
                while (matcher.find()) {
                    properties.add(matcher.group(1));
                }
            }
        }
        return properties;
    }

    static List<Row> readmeRows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher matcher = README_ROW.matcher(line);
            if (matcher.find()) {
                rows.add(new Row(wildcard(matcher.group(1), "<queue>", "[a-z-]+"), wildcard(matcher.group(2), "<QUEUE>", "[A-Z_]+")));
            }
        }
        return rows;
    }

    private static Pattern wildcard(String text, String placeholder, String regex) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int at = text.indexOf(placeholder); at >= 0; at = text.indexOf(placeholder, from)) {
            out.append(Pattern.quote(text.substring(from, at))).append(regex);
            from = at + placeholder.length();
        }
        return Pattern.compile(out.append(Pattern.quote(text.substring(from))).toString());
    }

    @Test
    void everyRouteSettingIsConfigurableAndDocumented() throws IOException {
        Map<String, String> yaml = ApplicationYaml.baseProperties();
        List<Row> rows = readmeRows();
        Set<String> used = routeProperties();
        assertThat(used).contains("notify.queues.broadcast-tasks.max-messages-per-poll", "notify.broadcasts.maximum-redelivery-delay");
        for (String property : used) {
            String value = yaml.get(property);
            assertThat(value).as(property + " is used by a route but not defined in application.yml").isNotNull();
            Matcher env = ENV_OVERRIDE.matcher(value);
            assertThat(env.matches()).as(property + " has no environment-variable override: " + value).isTrue();
            String variable = env.group(1);
            assertThat(rows).as("README has no configuration row for " + property + " / " + variable)
                    .anyMatch(row -> row.property().matcher(property).matches() && row.variable().matcher(variable).matches());
        }
    }
}
