package org.notifyoncamel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionSettingsTest {

    static final String STRONG = "k3y-0f-at-least-thirty-two-characters-long";

    /** A complete deployment's settings, whatever the profile. */
    private static MockEnvironment deployed(String environment) {
        MockEnvironment env = new MockEnvironment();
        env.setProperty("notify.environment", environment);
        env.setProperty("notify.secret-key", "[\"" + STRONG + "-new\",\"" + STRONG + "-old\"]");
        env.setProperty("notify.dangerous-salt", "a-production-salt");
        env.setProperty("notify.api-internal-secrets", "[\"" + STRONG + "-admin\"]");
        env.setProperty("notify.console.authentication", "true");
        env.setProperty("notify.console.username", "operator");
        env.setProperty("notify.console.password", "a-console-password-of-some-length");
        env.setProperty("notify.check-proxy-header", "true");
        env.setProperty("notify.route-secret-key-1", STRONG + "-route");
        env.setProperty("notify.documents.download-api-host", "https://download.internal");
        env.setProperty("notify.documents.download-api-key", "document-download-key-for-production");
        env.setProperty("notify.inbound-sms.mmg-usernames", "[\"notify-mmg\"]");
        env.setProperty("notify.inbound-sms.mmg-passwords", "[\"mmg-inbound-password-123\"]");
        env.setProperty("notify.inbound-sms.firetext-passwords", "[\"firetext-inbound-password-123\"]");
        return env;
    }

    private static MockEnvironment production() {
        MockEnvironment env = deployed("production");
        env.setActiveProfiles("production");
        env.setProperty("DATABASE_URL", "postgres://notify:pw@db.internal:5432/notify");
        env.setProperty("notify.redis.enabled", "false");
        env.setProperty("notify.sqs.embedded", "false");
        env.setProperty("notify.app-name", "api");
        return env;
    }

    @Test
    void completeProductionSettingsPass() {
        assertThatCode(() -> new ProductionSettings(production()).check()).doesNotThrowAnyException();
        assertThatCode(() -> new ProductionSettings(deployed("staging")).check()).doesNotThrowAnyException();
    }

    @Test
    void developmentDefaultsAreRefusedWhateverTheProfileWithOneLinePerProblem() {
        // a preview deployment started without the production profile, with application.yml's development defaults
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("development");
        env.setProperty("notify.environment", "preview");
        env.setProperty("notify.secret-key", "dev-notify-secret-key");
        env.setProperty("notify.dangerous-salt", "dev-notify-salt");
        env.setProperty("notify.api-internal-secrets", "[\"dev-notify-secret-key\"]");
        env.setProperty("notify.console.authentication", "false");
        env.setProperty("notify.check-proxy-header", "false");
        env.setProperty("notify.documents.download-api-key", "auth-token");
        env.setProperty("notify.inbound-sms.mmg-usernames", "[\"username\"]");
        env.setProperty("notify.inbound-sms.mmg-passwords", "[\"testkey\"]");
        env.setProperty("notify.inbound-sms.firetext-passwords", "[\"testkey\"]");
        Throwable thrown = catchRefusal(env);
        assertThat(thrown.getMessage().lines().filter(l -> l.startsWith("  - ")).toList()).containsExactly(
                "  - SECRET_KEY must not be a development default",
                "  - DANGEROUS_SALT must not be a development default",
                "  - API_INTERNAL_SECRETS must not be a development default",
                "  - NOTIFY_CONSOLE_AUTHENTICATION must be on: Hawtio and Jolokia may not be open",
                "  - NOTIFY_CONSOLE_USERNAME is required",
                "  - NOTIFY_CONSOLE_PASSWORD is required",
                "  - CHECK_PROXY_HEADER must be on: requests must prove they came through the router",
                "  - ROUTE_SECRET_KEY_1 is required",
                "  - DOCUMENT_DOWNLOAD_API_KEY must not be a development default",
                "  - MMG_INBOUND_SMS_USERNAME must not be a development default",
                "  - MMG_INBOUND_SMS_AUTH must not be a development default",
                "  - FIRETEXT_INBOUND_SMS_AUTH must not be a development default");
        assertThat(thrown.getMessage()).startsWith("Refusing to start with unsafe settings (NOTIFY_ENVIRONMENT=preview):");
    }

    @Test
    void weakAndEmptySecretsAreNamedButNeverPrinted() {
        MockEnvironment env = deployed("staging");
        env.setProperty("notify.secret-key", "[\"" + STRONG + "\",\"short-old-key\"]");
        env.setProperty("notify.api-internal-secrets", "[]");
        env.setProperty("notify.console.password", "hunter2hunter2");
        env.setProperty("notify.route-secret-key-1", "tiny");
        env.setProperty("notify.inbound-sms.firetext-passwords", "[]");
        env.setProperty("notify.inbound-sms.mmg-passwords", "not json");
        Throwable thrown = catchRefusal(env);
        assertThat(thrown.getMessage())
                .contains("SECRET_KEY is too weak: at least 32 characters")
                .contains("API_INTERNAL_SECRETS is required (a JSON list)")
                .contains("NOTIFY_CONSOLE_PASSWORD is too weak: at least 16 characters")
                .contains("ROUTE_SECRET_KEY_1 is too weak")
                .contains("FIRETEXT_INBOUND_SMS_AUTH is required (a JSON list)")
                .contains("MMG_INBOUND_SMS_AUTH must be a JSON list")
                .doesNotContain("short-old-key").doesNotContain("hunter2").doesNotContain("tiny");
    }

    @Test
    void missingSecretKeyIsNamed() {
        MockEnvironment env = production();
        env.setProperty("notify.secret-key", "");
        assertThatThrownBy(() -> new ProductionSettings(env).check()).hasMessageContaining("SECRET_KEY is required");
    }

    @Test
    void missingDatabaseIsNamed() {
        MockEnvironment env = production();
        env.setProperty("DATABASE_URL", "");
        assertThatThrownBy(() -> new ProductionSettings(env).check()).hasMessageContaining("DATABASE_URL is required");
    }

    @Test
    void redisOnNeedsAUrlAndEmbeddedSqsIsRefused() {
        MockEnvironment env = production();
        env.setProperty("notify.redis.enabled", "true");
        env.setProperty("notify.sqs.embedded", "true");
        assertThatThrownBy(() -> new ProductionSettings(env).check())
                .hasMessageContaining("REDIS_URL is required when REDIS_ENABLED is on")
                .hasMessageContaining("NOTIFY_SQS_EMBEDDED must be off in production");
    }

    @Test
    void embeddedS3AndTheDvlaSimulatorAreRefused() {
        MockEnvironment env = production();
        env.setProperty("notify.objectstore.embedded", "true");
        env.setProperty("notify.dvla.simulator.enabled", "true");
        assertThatThrownBy(() -> new ProductionSettings(env).check())
                .hasMessageContaining("NOTIFY_OBJECTSTORE_EMBEDDED must be off in production")
                .hasMessageContaining("NOTIFY_DVLA_SIMULATOR_ENABLED must be off in production");
    }

    @Test
    void theAllInOneRoleWithItsSimulatorsIsRefused() {
        MockEnvironment env = production();
        env.setProperty("notify.app-name", "all");
        assertThatThrownBy(() -> new ProductionSettings(env).check()).hasMessageContaining("NOTIFY_APP_NAME=all loads the provider simulators");
    }

    @Test
    void theClamdSimulatorIsRefused() {
        MockEnvironment env = production();
        env.setProperty("notify.antivirus.simulator.enabled", "true");
        assertThatThrownBy(() -> new ProductionSettings(env).check())
                .hasMessageContaining("NOTIFY_ANTIVIRUS_SIMULATOR_ENABLED must be off in production");
    }

    @Test
    void developmentAndTestEnvironmentsAreNotChecked() {
        for (String environment : new String[] {"development", "test"}) {
            MockEnvironment env = new MockEnvironment();
            env.setActiveProfiles("development");
            env.setProperty("notify.environment", environment);
            env.setProperty("notify.secret-key", "dev-notify-secret-key");
            assertThatCode(() -> new ProductionSettings(env).check()).doesNotThrowAnyException();
        }
    }

    private static Throwable catchRefusal(MockEnvironment env) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> new ProductionSettings(env).check());
        assertThat(thrown).isInstanceOf(IllegalStateException.class);
        return thrown;
    }
}
