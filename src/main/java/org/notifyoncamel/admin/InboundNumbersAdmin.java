package org.notifyoncamel.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.Header;
import org.notifyoncamel.common.ServiceDataChanged;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.http.AdminError;
import org.notifyoncamel.http.HttpResult;
import org.notifyoncamel.senders.InboundNumberStore;
import org.notifyoncamel.senders.InboundNumberStore.InboundNumber;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** {@code /inbound-number}: list, available, a service's number, switch it off (notifications-api app/inbound_number/rest.py). */
@Component("inboundNumbersAdmin")
public class InboundNumbersAdmin {

    private final InboundNumberStore store;
    private final ApplicationEventPublisher events;

    public InboundNumbersAdmin(InboundNumberStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    public HttpResult list() {
        return HttpResult.ok(Map.of("data", store.all().stream().map(InboundNumbersAdmin::json).toList()));
    }

    public HttpResult available() {
        return HttpResult.ok(Map.of("data", store.available().stream().map(InboundNumbersAdmin::json).toList()));
    }

    public HttpResult forService(@Header("serviceId") String serviceId) {
        Object number = store.forService(AdminIds.path(serviceId)).<Object>map(InboundNumbersAdmin::json).orElse(Map.of());
        return HttpResult.ok(Map.of("data", number));
    }

    /** 204; a service without a number is a 404 (the original answered 500). */
    public HttpResult switchOff(@Header("serviceId") String serviceIdText) {
        UUID serviceId = AdminIds.path(serviceIdText);
        if (!store.switchOff(serviceId)) {
            throw AdminError.noResultFound();
        }
        events.publishEvent(ServiceDataChanged.of(serviceId, ServiceDataChanged.Part.SENDERS));
        return HttpResult.noContent();
    }

    static Map<String, Object> json(InboundNumber n) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", n.id().toString());
        out.put("number", n.number());
        out.put("provider", n.provider());
        if (n.serviceId() == null) {
            out.put("service", null);
        } else {
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("id", n.serviceId().toString());
            service.put("name", n.serviceName());
            out.put("service", service);
        }
        out.put("active", n.active());
        out.put("created_at", Timestamps.iso(n.createdAt()));
        out.put("updated_at", Timestamps.iso(n.updatedAt()));
        return out;
    }
}
