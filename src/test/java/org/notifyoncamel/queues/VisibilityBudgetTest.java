package org.notifyoncamel.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mock.env.MockPropertySource;

/** No out-calling consumer can hold a message past its visibility timeout with the shipped settings (ADR 0194). */
class VisibilityBudgetTest {

    /** application.yml's base document, resolved as the application resolves it, under {@code overrides}. */
    private static StandardEnvironment shipped(MockPropertySource overrides) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new YamlPropertySourceLoader()
                .load("application.yml", new FileSystemResource("src/main/resources/application.yml")).get(0));
        env.getPropertySources().addFirst(overrides);
        return env;
    }

    @Test
    void theShippedSettingsKeepEveryOutCallingQueueWithinItsBudget() throws IOException {
        VisibilityBudget budget = new VisibilityBudget(shipped(new MockPropertySource()));
        assertThat(budget.worstCases()).containsKeys(QueueNames.SEND_SMS, QueueNames.SEND_EMAIL, QueueNames.CALLBACKS, QueueNames.RETRY);
        assertThat(budget.violations()).isEmpty();
    }

    @Test
    void tenSmsPerPollWithSixtySecondProvidersIsOverBudgetAndNamed() throws IOException {
        VisibilityBudget budget = new VisibilityBudget(shipped(new MockPropertySource()
                .withProperty("notify.queues.send-sms-tasks.max-messages-per-poll", "10")));
        assertThat(budget.violations()).singleElement().satisfies(v -> {
            assertThat(v.queue()).isEqualTo(QueueNames.SEND_SMS);
            assertThat(v.worstCaseSeconds()).isEqualTo(140);
            assertThat(v.toString()).contains("send-sms-tasks", "310 s");
        });
    }

    @Test
    void aLongerVisibilityTimeoutOrShorterProviderTimeoutsBringItBack() throws IOException {
        assertThat(new VisibilityBudget(shipped(new MockPropertySource()
                .withProperty("notify.queues.send-sms-tasks.max-messages-per-poll", "10")
                .withProperty("notify.queues.send-sms-tasks.visibility-timeout", "1300"))).violations()).isEmpty();
        assertThat(new VisibilityBudget(shipped(new MockPropertySource()
                .withProperty("notify.queues.service-callbacks.max-messages-per-poll", "10")
                .withProperty("notify.callbacks.timeout-ms", "30000"))).violations()).isEmpty();
    }
}
