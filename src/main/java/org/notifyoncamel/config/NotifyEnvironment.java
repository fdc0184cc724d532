package org.notifyoncamel.config;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.notifyoncamel.objectstore.EmbeddedS3;
import org.notifyoncamel.queues.EmbeddedSqs;
import org.notifyoncamel.dvla.EmbeddedDvlaSftp;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * Derives the settings that depend on other settings, before any bean exists:
 * the role's route files, a Cloud Foundry style DATABASE_URL, a per-context queue prefix in
 * tests, the embedded SQS and S3 endpoints, and the missing database in development and test.
 * Production settings are checked here too, so a bad deployment fails before it binds a port.
 */
public class NotifyEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "notifyDerived";

    @Override
    public int getOrder() {
        // after application.yml and profiles have been loaded
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> derived = new HashMap<>();

        databaseUrl(env, derived);
        routesForRole(env, derived, application == null ? null : application.getClassLoader());

        if (env.getProperty("notify.sqs.prefix", "").isBlank() && env.acceptsProfiles(p -> p.test("test"))) {
            derived.put("notify.sqs.prefix", "test-" + UUID.randomUUID().toString().substring(0, 8) + "-");
        }
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, derived));

        new ProductionSettings(env).check();
        jsonLimits(env);

        if (env.getProperty("notify.database.create-if-missing", Boolean.class, false)) {
            DatabaseBootstrap.createIfMissing(env.getProperty("spring.datasource.url"),
                    env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password"));
        }
        if (env.getProperty("notify.sqs.embedded", Boolean.class, false)) {
            int port = env.getProperty("notify.sqs.embedded-port", Integer.class, 9324);
            derived.put("notify.sqs.endpoint", EmbeddedSqs.startInBackground(port));
        }
        // a one-off command (development) uses the embedded S3 and DVLA servers that `make run` serves
        boolean command = "command".equals(env.getProperty("notify.app-name"));
        if (env.getProperty("notify.objectstore.embedded", Boolean.class, false)) {
            int port = env.getProperty("notify.objectstore.embedded-port", Integer.class, 9444);
            derived.put("notify.objectstore.endpoint", command ? "http://127.0.0.1:" + port
                    : EmbeddedS3.start(port, env.getProperty("notify.objectstore.embedded-directory", "target/s3")));
            if (command) {
                derived.put("notify.objectstore.create-buckets", "false");
            }
        }
        if (env.getProperty("notify.dvla.simulator.enabled", Boolean.class, false)) {
            int configured = env.getProperty("notify.dvla.simulator.port", Integer.class, 2222);
            int port = command ? configured : EmbeddedDvlaSftp.start(configured,
                    env.getProperty("notify.dvla.simulator.directory", "target/dvla"),
                    env.getProperty("notify.dvla.sftp.username", "notify"), env.getProperty("notify.dvla.sftp.password", "notify"));
            derived.put("notify.dvla.sftp.port", String.valueOf(port));
        }
    }

    /**
     * Every JSON parser of the process (Spring's mapper and our own) refuses documents nested deeper than
     * {@code notify.http.max-json-depth} or with a string longer than a request body may be: the readers answer
     * 400 to what Jackson refuses (docs/security.md).
     */
    static void jsonLimits(ConfigurableEnvironment env) {
        int depth = env.getProperty("notify.http.max-json-depth", Integer.class, 64);
        long maxBody = env.getProperty("notify.http.max-body-bytes", Long.class, 8_388_608L);
        StreamReadConstraints.overrideDefaultStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(depth).maxStringLength((int) Math.min(Integer.MAX_VALUE, maxBody)).build());
    }

    /** Accepts DATABASE_URL (or SQLALCHEMY_DATABASE_URI) as postgres://user:pass@host:port/db, as Cloud Foundry binds it. */
    private static void databaseUrl(ConfigurableEnvironment env, Map<String, Object> derived) {
        String url = env.getProperty("DATABASE_URL", env.getProperty("SQLALCHEMY_DATABASE_URI", ""));
        if (url.isBlank()) {
            return;
        }
        if (url.startsWith("jdbc:")) {
            derived.put("spring.datasource.url", url);
            return;
        }
        URI uri = URI.create(url.replaceFirst("^postgres(ql)?://", "postgresql://"));
        String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        derived.put("spring.datasource.url", "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query);
        if (uri.getRawUserInfo() != null) {
            String[] userInfo = uri.getUserInfo().split(":", 2);
            derived.put("spring.datasource.username", userInfo[0]);
            derived.put("spring.datasource.password", userInfo.length > 1 ? userInfo[1] : "");
        }
    }

    private static void routesForRole(ConfigurableEnvironment env, Map<String, Object> derived, ClassLoader classLoader) {
        String role = env.getProperty("notify.app-name", "all");
        String patterns = env.getProperty("notify.roles." + role);
        if (patterns == null) {
            throw new IllegalStateException("NOTIFY_APP_NAME=" + role + " is not a known role; known roles are the keys of notify.roles");
        }
        String location = env.getProperty("notify.routes.location", "classpath:routes");
        String base = location.endsWith("/") ? location : location + "/";
        String includes = Arrays.stream(patterns.split(","))
                .map(String::trim).filter(p -> !p.isEmpty()).map(p -> base + p)
                .flatMap(p -> expand(p, base, classLoader).stream())
                .distinct()
                .collect(Collectors.joining(","));
        derived.put("notify.routes.include-pattern", includes);
        if (includes.isEmpty()) {
            // a role without routes (commands): an empty pattern would make Camel scan the whole location
            derived.put("camel.main.routes-collector-enabled", "false");
        }
    }

    /**
     * The route files a wildcard pattern matches, named one by one: given a wildcard, Camel's fat-jar scanner
     * inflates every entry of every nested jar (about 2.5 s of start-up per pattern on this 2-core machine),
     * while Spring's resolver reads only the jar's directory. A pattern that matches nothing stays as it is.
     */
    static List<String> expand(String pattern, String base, ClassLoader classLoader) {
        if (!pattern.contains("*") && !pattern.contains("?")) {
            return List.of(pattern);
        }
        try {
            Resource[] found = new PathMatchingResourcePatternResolver(classLoader).getResources(pattern);
            List<String> names = Arrays.stream(found).map(Resource::getFilename).filter(n -> n != null)
                    .sorted().map(n -> base + n).toList();
            return names.isEmpty() ? List.of(pattern) : names;
        } catch (IOException e) {
            return List.of(pattern);
        }
    }

}
