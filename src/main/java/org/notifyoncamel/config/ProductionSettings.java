package org.notifyoncamel.config;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;

/** Refuses to start a production deployment with development secrets or without required settings. */
final class ProductionSettings {

    private static final List<String> DEVELOPMENT_SECRETS = List.of("dev-notify-secret-key", "dev-notify-salt");

    private final Environment env;

    ProductionSettings(Environment env) {
        this.env = env;
    }

    void check() {
        if (!env.acceptsProfiles(p -> p.test("production"))) {
            return;
        }
        List<String> problems = new ArrayList<>();
        required("notify.secret-key", "SECRET_KEY", problems);
        required("notify.dangerous-salt", "DANGEROUS_SALT", problems);
        String internal = env.getProperty("notify.api-internal-secrets", "[]").replaceAll("\\s", "");
        if (internal.isEmpty() || internal.equals("[]")) {
            problems.add("API_INTERNAL_SECRETS is required (a JSON list of admin secrets)");
        } else if (DEVELOPMENT_SECRETS.stream().anyMatch(internal::contains)) {
            problems.add("API_INTERNAL_SECRETS must not contain a development secret");
        }
        if (env.getProperty("DATABASE_URL", env.getProperty("SQLALCHEMY_DATABASE_URI", env.getProperty("DATABASE_URL_JDBC", ""))).isBlank()) {
            problems.add("DATABASE_URL is required");
        }
        if (env.getProperty("notify.redis.enabled", Boolean.class, false) && env.getProperty("REDIS_URL", "").isBlank()) {
            problems.add("REDIS_URL is required when REDIS_ENABLED is on");
        }
        if (env.getProperty("notify.sqs.embedded", Boolean.class, false)) {
            problems.add("NOTIFY_SQS_EMBEDDED must be off in production (real SQS only)");
        }
        if (env.getProperty("notify.antivirus.simulator.enabled", Boolean.class, false)) {
            problems.add("NOTIFY_ANTIVIRUS_SIMULATOR_ENABLED must be off in production (a real clamd only)");
        }
        if (env.getProperty("notify.objectstore.embedded", Boolean.class, false)) {
            problems.add("NOTIFY_OBJECTSTORE_EMBEDDED must be off in production (real S3 only)");
        }
        String role = env.getProperty("notify.app-name", "all");
        if (role.equals("all") || role.equals("simulators")) {
            problems.add("NOTIFY_APP_NAME=" + role + " loads the provider simulators: production runs one role per app (api, delivery-worker-sender, ...)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production: " + String.join("; ", problems));
        }
    }

    private void required(String property, String variable, List<String> problems) {
        String value = env.getProperty(property, "");
        if (value.isBlank()) {
            problems.add(variable + " is required");
        } else if (DEVELOPMENT_SECRETS.contains(value)) {
            problems.add(variable + " must not be a development value");
        }
    }
}
