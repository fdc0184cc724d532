package org.notifyoncamel.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders every app for every environment and checks each role's environment, so that a setting
 * placed at the wrong level (the original's broadcast prefetch bug) fails the build.
 */
class ManifestRendererTest {

    static final List<String> APPS = List.of("notify-api", "notify-api-sms-callbacks", "notify-api-db-migration",
            "notify-delivery-scheduler", "notify-delivery-worker-jobs", "notify-delivery-worker-research",
            "notify-delivery-worker-sender", "notify-delivery-worker-periodic", "notify-delivery-worker-reporting",
            "notify-delivery-worker-priority", "notify-delivery-worker-letters", "notify-delivery-worker-retry-tasks",
            "notify-delivery-worker-internal", "notify-delivery-worker-broadcasts", "notify-delivery-worker-receipts",
            "notify-delivery-worker-service-callbacks", "notify-delivery-worker-save-api-notifications");

    static String template() throws Exception {
        return Files.readString(Path.of("manifest.yml.j2"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> app(String cfApp, String environment) throws Exception {
        Map<String, Object> manifest = new Yaml().load(ManifestRenderer.render(template(), cfApp, environment));
        List<Map<String, Object>> applications = (List<Map<String, Object>>) manifest.get("applications");
        assertThat(applications).hasSize(1);
        return applications.get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> env(Map<String, Object> app) {
        return (Map<String, Object>) app.get("env");
    }

    static Set<String> roles() {
        return org.notifyoncamel.support.ApplicationYaml.baseProperties().keySet().stream().filter(p -> p.startsWith("notify.roles."))
                .map(p -> p.substring("notify.roles.".length())).collect(Collectors.toSet());
    }

    @Test
    void everyAppRendersForEveryEnvironmentWithAKnownRole() throws Exception {
        Set<String> roles = roles();
        for (String environment : ManifestRenderer.ENVIRONMENTS) {
            for (String cfApp : APPS) {
                Map<String, Object> app = app(cfApp, environment);
                assertThat(app.get("name")).isEqualTo(cfApp);
                String role = (String) env(app).get("NOTIFY_APP_NAME");
                assertThat(role).isEqualTo(cfApp.substring("notify-".length()));
                assertThat(roles).as("role of " + cfApp).contains(role);
                assertThat(env(app)).containsEntry("SPRING_PROFILES_ACTIVE", "production")
                        .containsEntry("NOTIFY_ENVIRONMENT", environment);
                assertThat((Integer) app.get("instances")).isPositive();
                assertThat(app.get("health-check-http-endpoint")).isEqualTo("/livez");
                assertThat(app.get("readiness-health-check-type")).isEqualTo("http");
                assertThat(app.get("readiness-health-check-http-endpoint")).isEqualTo("/readyz");
                assertThat(env(app).keySet()).noneMatch(k -> k.contains("SECRET") || k.contains("API_KEY"));
            }
        }
    }

    @Test
    void theBroadcastWorkerItselfPollsOneMessageAtATime() throws Exception {
        for (String environment : ManifestRenderer.ENVIRONMENTS) {
            Map<String, Object> broadcasts = env(app("notify-delivery-worker-broadcasts", environment));
            assertThat(broadcasts).containsEntry("NOTIFY_QUEUES_BROADCAST_TASKS_MAX_MESSAGES_PER_POLL", 1)
                    .containsEntry("NOTIFY_QUEUES_BROADCAST_TASKS_VISIBILITY_TIMEOUT", 310)
                    .containsEntry("NOTIFY_BROADCASTS_MAXIMUM_REDELIVERY_DELAY", 240000);
            assertThat((Integer) broadcasts.get("NOTIFY_QUEUES_BROADCAST_TASKS_CONCURRENT_CONSUMERS")).isGreaterThanOrEqualTo(4);
            // and no other app carries broadcast consumer settings it would never use
            for (String other : APPS) {
                if (!other.equals("notify-delivery-worker-broadcasts")) {
                    assertThat(env(app(other, environment)).keySet()).noneMatch(k -> k.startsWith("NOTIFY_QUEUES_BROADCAST_TASKS"));
                }
            }
        }
    }

    /**
     * Every NOTIFY_* setting the manifest gives an app names a property that application.yml defines
     * (Spring maps NOTIFY_QUEUES_BROADCAST_TASKS_MAX_MESSAGES_PER_POLL to
     * notify.queues.broadcast-tasks.max-messages-per-poll), so a mistyped or stale name fails here.
     */
    @Test
    void everyNotifySettingInTheManifestIsAPropertyTheAppReads() throws Exception {
        Set<String> envForms = org.notifyoncamel.support.ApplicationYaml.baseProperties().keySet().stream()
                .map(p -> p.replace('.', '_').replace('-', '_').toUpperCase()).collect(Collectors.toSet());
        for (String cfApp : APPS) {
            for (String name : env(app(cfApp, "production")).keySet()) {
                if (name.startsWith("NOTIFY_QUEUES_") || name.startsWith("NOTIFY_BROADCASTS_")) {
                    assertThat(envForms).as(name + " of " + cfApp + " is not a property of application.yml").contains(name);
                }
            }
        }
    }

    @Test
    void onlyTheWebAppsHaveRoutes() throws Exception {
        assertThat(app("notify-api", "production").get("routes")).isNotNull();
        assertThat(app("notify-api", "production").get("instances")).isEqualTo(25);
        assertThat(app("notify-api-sms-callbacks", "production").get("routes").toString()).contains("/notifications/sms/mmg");
        assertThat(app("notify-delivery-worker-sender", "production").get("no-route")).isEqualTo(true);
        assertThat(app("notify-delivery-worker-sender", "production").get("memory")).isEqualTo("4G");
    }

    @Test
    void unknownAppOrEnvironmentFails() {
        assertThatThrownBy(() -> ManifestRenderer.render(template(), "notify-nope", "production")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ManifestRenderer.render(template(), "notify-api", "moon")).isInstanceOf(IllegalArgumentException.class);
    }
}
