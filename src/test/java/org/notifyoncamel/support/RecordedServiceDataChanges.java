package org.notifyoncamel.support;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.notifyoncamel.common.ServiceDataChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test-only listener (picked up by component scanning of the test classpath) that records every
 * {@link ServiceDataChanged}, so tests can prove a write told the caches about itself.
 */
@Component
public class RecordedServiceDataChanges {

    private final List<ServiceDataChanged> events = new CopyOnWriteArrayList<>();

    @EventListener
    public void on(ServiceDataChanged event) {
        events.add(event);
    }

    public List<ServiceDataChanged> forService(UUID serviceId) {
        return events.stream().filter(e -> e.serviceId().equals(serviceId)).toList();
    }
}
