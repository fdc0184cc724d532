package org.notifyoncamel.ops;

import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code camelRoutes} (readiness): UP when the Camel context and every route the role loaded are
 * Started. A route stopped or suspended (by an operator in Hawtio, or after a failure) takes the
 * instance out of readiness, and the details name it. Routes declared {@code autoStartup: false}
 * are listed but do not count. With no routes at all (the api-db-migration role may have only
 * status) the indicator answers on the context alone.
 */
@Component("camelRoutesHealthIndicator")
public class CamelRoutesHealthIndicator implements HealthIndicator {

    private final CamelContext camel;

    public CamelRoutesHealthIndicator(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public Health health() {
        if (!camel.isStarted()) {
            return Health.down().withDetail("context", camel.getStatus().name()).build();
        }
        Map<String, String> notStarted = new TreeMap<>();
        int started = 0;
        for (Route route : camel.getRoutes()) {
            ServiceStatus status = camel.getRouteController().getRouteStatus(route.getRouteId());
            if (status == ServiceStatus.Started) {
                started++;
            } else if (!Boolean.FALSE.equals(route.isAutoStartup())) {
                notStarted.put(route.getRouteId(), status == null ? "Unknown" : status.name());
            }
        }
        Health.Builder health = notStarted.isEmpty() ? Health.up() : Health.down().withDetail("notStarted", notStarted);
        return health.withDetail("started", started).build();
    }
}
