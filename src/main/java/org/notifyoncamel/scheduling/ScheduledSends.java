package org.notifyoncamel.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.notifyoncamel.delivery.SaveApiNotifications.DeliverTask;
import org.notifyoncamel.notifications.ScheduledNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Scheduled single sends (docs/adr/0151): {@code send-scheduled-notifications} takes the schedules that are due and
 * hands each notification still {@code created} to the deliver queue chosen when it was accepted.
 * {@code delete-finished-schedules} drops schedules that were sent or cancelled more than a week ago.
 */
@Component("scheduledSends")
public class ScheduledSends {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledSends.class);
    static final Duration KEEP_FINISHED = Duration.ofDays(7);

    private final ScheduledNotifications schedules;
    private final ObjectMapper mapper;
    private final int batchSize;
    private final Clock clock;

    @Autowired
    public ScheduledSends(ScheduledNotifications schedules, ObjectMapper mapper,
                          @Value("${notify.scheduled-sends.batch-size}") int batchSize) {
        this(schedules, mapper, batchSize, Clock.systemUTC());
    }

    ScheduledSends(ScheduledNotifications schedules, ObjectMapper mapper, int batchSize, Clock clock) {
        this.schedules = schedules;
        this.mapper = mapper;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /** The deliver tasks of the notifications due now (their schedules are no longer pending once this returns). */
    public List<DeliverTask> due() {
        List<DeliverTask> tasks = schedules.takeDue(now(), batchSize).stream()
                .map(d -> new DeliverTask(d.deliverQueue(),
                        mapper.createObjectNode().put("notification_id", d.notificationId().toString()).toString()))
                .toList();
        if (!tasks.isEmpty()) {
            LOG.info("send-scheduled-notifications: {} scheduled notifications sent to their queues", tasks.size());
        }
        return tasks;
    }

    public int deleteFinished() {
        int deleted = schedules.deleteFinished(now().minus(KEEP_FINISHED));
        LOG.info("delete-finished-schedules: deleted {} schedules", deleted);
        return deleted;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
