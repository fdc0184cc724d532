package org.notifyoncamel.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionSettingsTest {

    private static MockEnvironment production() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("production");
        env.setProperty("notify.secret-key", "a-long-production-secret");
        env.setProperty("notify.dangerous-salt", "a-production-salt");
        env.setProperty("notify.api-internal-secrets", "[\"internal-secret\"]");
        env.setProperty("DATABASE_URL", "postgres://notify:pw@db.internal:5432/notify");
        env.setProperty("notify.redis.enabled", "false");
        env.setProperty("notify.sqs.embedded", "false");
        env.setProperty("notify.app-name", "api");
        return env;
    }

    @Test
    void completeProductionSettingsPass() {
        assertThatCode(() -> new ProductionSettings(production()).check()).doesNotThrowAnyException();
    }

    @Test
    void missingSecretKeyIsNamed() {
        MockEnvironment env = production();
        env.setProperty("notify.secret-key", "");
        assertThatThrownBy(() -> new ProductionSettings(env).check()).hasMessageContaining("SECRET_KEY is required");
    }

    @Test
    void developmentSecretsAreRefused() {
        MockEnvironment env = production();
        env.setProperty("notify.secret-key", "dev-notify-secret-key");
        env.setProperty("notify.api-internal-secrets", "[\"dev-notify-secret-key\"]");
        assertThatThrownBy(() -> new ProductionSettings(env).check())
                .hasMessageContaining("SECRET_KEY must not be a development value")
                .hasMessageContaining("API_INTERNAL_SECRETS must not contain a development secret");
    }

    @Test
    void missingDatabaseAndInternalSecretsAreNamed() {
        MockEnvironment env = production();
        env.setProperty("DATABASE_URL", "");
        env.setProperty("notify.api-internal-secrets", "[]");
        assertThatThrownBy(() -> new ProductionSettings(env).check())
                .hasMessageContaining("DATABASE_URL is required")
                .hasMessageContaining("API_INTERNAL_SECRETS is required");
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
    void otherProfilesAreNotChecked() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("development");
        assertThatCode(() -> new ProductionSettings(env).check()).doesNotThrowAnyException();
    }
}
