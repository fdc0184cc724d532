package org.notifyoncamel.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.notifyoncamel.crypto.SecretKeys;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a deployment with unsafe settings (docs/security.md), before any bean exists, with one line
 * per problem:
 * <ul>
 * <li>whatever the Spring profile, unless {@code NOTIFY_ENVIRONMENT} is {@code development} or {@code test}: the
 * secrets (SECRET_KEY, DANGEROUS_SALT, API_INTERNAL_SECRETS, the console credentials, the proxy header key, the
 * document-download key, the inbound SMS credentials) must be set, not development defaults and not weak; the
 * console must be authenticated and the proxy header checked;</li>
 * <li>with the production profile: real infrastructure (a database URL, real SQS, one role per app).</li>
 * </ul>
 */
final class ProductionSettings {

    static final Set<String> TRUSTED_ENVIRONMENTS = Set.of("development", "test");
    /** Development defaults of this application and of the original (its docker and test settings). */
    static final Set<String> DEVELOPMENT_VALUES = Set.of("dev-notify-secret-key", "dev-notify-salt", "auth-token", "username",
            "testkey", "secret", "password", "changeme", "notify", "admin");
    /** Secrets we generate ourselves: long random strings. */
    static final int MIN_SECRET_LENGTH = 32;
    /** Passwords agreed with a person or a provider (console, inbound SMS). */
    static final int MIN_PASSWORD_LENGTH = 16;

    private final Environment env;

    ProductionSettings(Environment env) {
        this.env = env;
    }

    void check() {
        String environment = env.getProperty("notify.environment", "development");
        List<String> problems = new ArrayList<>();
        if (!TRUSTED_ENVIRONMENTS.contains(environment)) {
            secrets(problems);
        }
        if (env.acceptsProfiles(p -> p.test("production"))) {
            infrastructure(problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start with unsafe settings (NOTIFY_ENVIRONMENT=" + environment + "):\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    private void secrets(List<String> problems) {
        List<String> secretKeys = SecretKeys.parse(env.getProperty("notify.secret-key", ""));
        if (secretKeys.isEmpty()) {
            problems.add("SECRET_KEY is required");
        }
        secretKeys.forEach(key -> secret("SECRET_KEY", key, MIN_SECRET_LENGTH, problems));
        secret("DANGEROUS_SALT", env.getProperty("notify.dangerous-salt", ""), 1, problems);
        list("API_INTERNAL_SECRETS", "notify.api-internal-secrets", MIN_SECRET_LENGTH, problems);

        if (!env.getProperty("notify.console.authentication", Boolean.class, false)) {
            problems.add("NOTIFY_CONSOLE_AUTHENTICATION must be on: Hawtio and Jolokia may not be open");
        }
        secret("NOTIFY_CONSOLE_USERNAME", env.getProperty("notify.console.username", ""), 1, problems);
        secret("NOTIFY_CONSOLE_PASSWORD", env.getProperty("notify.console.password", ""), MIN_PASSWORD_LENGTH, problems);

        if (!env.getProperty("notify.check-proxy-header", Boolean.class, false)) {
            problems.add("CHECK_PROXY_HEADER must be on: requests must prove they came through the router");
        }
        secret("ROUTE_SECRET_KEY_1", env.getProperty("notify.route-secret-key-1", ""), MIN_SECRET_LENGTH, problems);
        String routeKey2 = env.getProperty("notify.route-secret-key-2", "");
        if (!routeKey2.isEmpty()) {
            secret("ROUTE_SECRET_KEY_2", routeKey2, MIN_SECRET_LENGTH, problems);
        }

        String documentKey = env.getProperty("notify.documents.download-api-key", "");
        if (!env.getProperty("notify.documents.download-api-host", "").isBlank() || !documentKey.isEmpty()) {
            secret("DOCUMENT_DOWNLOAD_API_KEY", documentKey, MIN_PASSWORD_LENGTH, problems);
        }

        list("MMG_INBOUND_SMS_USERNAME", "notify.inbound-sms.mmg-usernames", 1, problems);
        list("MMG_INBOUND_SMS_AUTH", "notify.inbound-sms.mmg-passwords", MIN_PASSWORD_LENGTH, problems);
        list("FIRETEXT_INBOUND_SMS_AUTH", "notify.inbound-sms.firetext-passwords", MIN_PASSWORD_LENGTH, problems);
    }

    private void infrastructure(List<String> problems) {
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
        if (env.getProperty("notify.dvla.simulator.enabled", Boolean.class, false)) {
            problems.add("NOTIFY_DVLA_SIMULATOR_ENABLED must be off in production (DVLA's SFTP server only)");
        }
        String role = env.getProperty("notify.app-name", "all");
        if (role.equals("all") || role.equals("simulators")) {
            problems.add("NOTIFY_APP_NAME=" + role + " loads the provider simulators: production runs one role per app (api, delivery-worker-sender, ...)");
        }
    }

    private void list(String variable, String property, int minLength, List<String> problems) {
        List<String> values;
        try {
            values = JsonSettings.stringList(variable, env.getProperty(property, "[]"));
        } catch (IllegalStateException e) {
            problems.add(e.getMessage());
            return;
        }
        if (values.isEmpty()) {
            problems.add(variable + " is required (a JSON list)");
        }
        values.forEach(value -> secret(variable, value, minLength, problems));
    }

    /** The value is never printed: only what is wrong with it. */
    private static void secret(String variable, String value, int minLength, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(variable + " is required");
        } else if (DEVELOPMENT_VALUES.contains(value.trim().toLowerCase(java.util.Locale.ROOT))) {
            problems.add(variable + " must not be a development default");
        } else if (value.length() < minLength) {
            problems.add(variable + " is too weak: at least " + minLength + " characters");
        }
    }
}
