package org.notifyoncamel.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class TaskMessagesTest {

    final ObjectMapper mapper = new ObjectMapper();
    final TaskMessages messages = new TaskMessages(mapper);

    @Test
    void theQueueNamesTheTaskWhenTheMessageDoesNot() {
        Task task = messages.read("{\"notification_id\":\"abc\"}", "deliver");
        assertThat(task.name()).isEqualTo("deliver");
        assertThat(task.retries()).isZero();
        assertThat(task.notificationId()).isEqualTo("abc");
    }

    @Test
    void aRetryCarriesTheTaskAndOneMoreRetry() throws Exception {
        Task task = messages.read("{\"notification_id\":\"abc\"}", "deliver");
        String retry = task.retryMessage(mapper, Task.DELIVER_SMS);
        Task again = messages.read(retry, "");
        assertThat(again.name()).isEqualTo("deliver_sms");
        assertThat(again.retries()).isEqualTo(1);
        assertThat(again.notificationId()).isEqualTo("abc");
        assertThat(messages.read(again.retryMessage(mapper, again.name()), "").retries()).isEqualTo(2);
    }

    @Test
    void unreadableMessagesAreInvalid() {
        assertThatThrownBy(() -> messages.read("not json", "deliver")).isInstanceOf(InvalidTaskException.class);
        assertThatThrownBy(() -> messages.read("[1]", "deliver")).isInstanceOf(InvalidTaskException.class);
        assertThatThrownBy(() -> messages.read("{}", "")).isInstanceOf(InvalidTaskException.class);
    }

    @Test
    void retryDelaysAreCappedAtTheSqsMaximum() {
        assertThat(new RetryMessage("{}", 5000).delaySeconds()).isEqualTo(900);
        assertThat(new RetryMessage("{}", -1).delaySeconds()).isZero();
    }
}
