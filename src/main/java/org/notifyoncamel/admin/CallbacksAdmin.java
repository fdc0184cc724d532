package org.notifyoncamel.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyoncamel.callbacks.CallbackApiStore;
import org.notifyoncamel.callbacks.CallbackCircuit;
import org.notifyoncamel.callbacks.CallbackCircuitStore;
import org.notifyoncamel.callbacks.ParkedCallbacks;
import org.notifyoncamel.callbacks.CallbackApiStore.CallbackApi;
import org.notifyoncamel.callbacks.CallbackApiStore.Kind;
import org.notifyoncamel.common.ServiceDataChanged;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.http.AdminError;
import org.notifyoncamel.http.HttpResult;
import org.notifyoncamel.http.JsonRequests;
import org.notifyoncamel.http.JsonSchemaChecks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /service/{serviceId}/delivery-receipt-api} and {@code /inbound-api}: the service's
 * delivery-status callback and inbound SMS forwarding (notifications-api app/service/callback/rest.py).
 * The bearer token is write-only. GC Notify's {@code POST /delivery-receipt-api/suspend-callback} suspends or resumes
 * the service's callbacks (cds-snc/notification-api app/service/callback_rest.py; docs/adr/0170): here one circuit
 * for all of a service's callbacks (delivery status, complaints, inbound SMS), shown as {@code is_suspended} /
 * {@code suspended_at} on both APIs' JSON; a service with only an inbound API is suspended and resumed here too.
 */
@Component("callbacksAdmin")
public class CallbacksAdmin {

    private static final JsonSchemaChecks CREATE = JsonSchemaChecks.object()
            .property("url", JsonSchemaChecks.httpsUrl())
            .property("bearer_token", JsonSchemaChecks.string().minLength(10))
            .property("updated_by_id", JsonSchemaChecks.uuid())
            .required("url", "bearer_token", "updated_by_id");

    private static final JsonSchemaChecks UPDATE = JsonSchemaChecks.object()
            .property("url", JsonSchemaChecks.httpsUrl())
            .property("bearer_token", JsonSchemaChecks.string().minLength(10).nullable())
            .property("updated_by_id", JsonSchemaChecks.uuid())
            .required("updated_by_id");

    private static final JsonSchemaChecks SUSPEND = JsonSchemaChecks.object()
            .property("updated_by_id", JsonSchemaChecks.uuid())
            .property("suspend_unsuspend", JsonSchemaChecks.bool())
            .required("updated_by_id", "suspend_unsuspend");

    /** Exchange property naming the replay task to queue after a service is resumed (route admin-suspend-callback). */
    public static final String REPLAY_TASK = "callbackReplayTask";

    private final CallbackApiStore store;
    private final ServiceLookups lookups;
    private final JsonRequests json;
    private final ApplicationEventPublisher events;
    private final CallbackCircuit circuit;
    private final CallbackCircuitStore circuits;
    private final ParkedCallbacks parked;

    public CallbacksAdmin(CallbackApiStore store, ServiceLookups lookups, JsonRequests json, ApplicationEventPublisher events,
                          CallbackCircuit circuit, CallbackCircuitStore circuits, ParkedCallbacks parked) {
        this.store = store;
        this.lookups = lookups;
        this.json = json;
        this.events = events;
        this.circuit = circuit;
        this.circuits = circuits;
        this.parked = parked;
    }

    /**
     * Suspends ({@code "suspend_unsuspend": true}) or resumes the service's callbacks; 404 when the service has no
     * service_callback_api row. Resuming sets {@link #REPLAY_TASK} when parked tasks are waiting.
     */
    public HttpResult suspendCallback(@Header("serviceId") String serviceIdText, @Body byte[] body, Exchange exchange) {
        UUID serviceId = lookups.existingService(serviceIdText);
        ObjectNode request = SUSPEND.validate(json.adminObject(body));
        // a service with only an inbound API has the same circuit: it can be resumed here too (answered with that API)
        Optional<CallbackApi> first = store.firstServiceCallbackApi(serviceId);
        Kind kind = first.isPresent() ? Kind.DELIVERY_STATUS : Kind.INBOUND_SMS;
        CallbackApi api = first.or(() -> store.existing(Kind.INBOUND_SMS, serviceId)).orElseThrow(() -> notFound(Kind.DELIVERY_STATUS));
        UUID updatedBy = lookups.existingUser("updated_by_id", request.get("updated_by_id").asText());
        if (request.get("suspend_unsuspend").asBoolean()) {
            circuit.suspend(serviceId, CallbackCircuit.MANUAL, updatedBy, "suspended through the internal API");
        } else if (circuit.resume(serviceId, updatedBy)) {
            exchange.setProperty(REPLAY_TASK, parked.replayTask(serviceId));
        }
        // as GC: the row records who changed it, with a new history version
        CallbackApi changedApi = store.update(kind, serviceId, api.id(), null, null, updatedBy).orElse(api);
        changed(serviceId);
        return HttpResult.ok(Map.of("data", withSuspension(changedApi)));
    }

    public HttpResult createDeliveryReceiptApi(@Header("serviceId") String serviceId, @Body byte[] body) {
        return create(Kind.DELIVERY_STATUS, serviceId, body);
    }

    public HttpResult updateDeliveryReceiptApi(@Header("serviceId") String serviceId, @Header("callbackId") String id, @Body byte[] body) {
        return update(Kind.DELIVERY_STATUS, serviceId, id, body);
    }

    public HttpResult getDeliveryReceiptApi(@Header("serviceId") String serviceId, @Header("callbackId") String id) {
        return get(Kind.DELIVERY_STATUS, serviceId, id);
    }

    public HttpResult deleteDeliveryReceiptApi(@Header("serviceId") String serviceId, @Header("callbackId") String id) {
        return delete(Kind.DELIVERY_STATUS, serviceId, id);
    }

    public HttpResult createInboundApi(@Header("serviceId") String serviceId, @Body byte[] body) {
        return create(Kind.INBOUND_SMS, serviceId, body);
    }

    public HttpResult updateInboundApi(@Header("serviceId") String serviceId, @Header("callbackId") String id, @Body byte[] body) {
        return update(Kind.INBOUND_SMS, serviceId, id, body);
    }

    public HttpResult getInboundApi(@Header("serviceId") String serviceId, @Header("callbackId") String id) {
        return get(Kind.INBOUND_SMS, serviceId, id);
    }

    public HttpResult deleteInboundApi(@Header("serviceId") String serviceId, @Header("callbackId") String id) {
        return delete(Kind.INBOUND_SMS, serviceId, id);
    }

    private HttpResult create(Kind kind, String serviceIdText, byte[] body) {
        UUID serviceId = lookups.existingService(serviceIdText);
        ObjectNode request = CREATE.validate(json.adminObject(body));
        UUID updatedBy = lookups.existingUser("updated_by_id", request.get("updated_by_id").asText());
        CallbackApi api = store.create(kind, serviceId, request.get("url").asText(), request.get("bearer_token").asText(), updatedBy);
        changed(serviceId);
        return HttpResult.created(Map.of("data", withSuspension(api)));
    }

    private HttpResult update(Kind kind, String serviceIdText, String idText, byte[] body) {
        UUID serviceId = lookups.existingService(serviceIdText);
        UUID id = AdminIds.path(idText);
        store.find(kind, serviceId, id).orElseThrow(() -> notFound(kind));
        ObjectNode request = UPDATE.validate(json.adminObject(body));
        UUID updatedBy = lookups.existingUser("updated_by_id", request.get("updated_by_id").asText());
        CallbackApi api = store.update(kind, serviceId, id, text(request, "url"), text(request, "bearer_token"), updatedBy)
                .orElseThrow(() -> notFound(kind));
        changed(serviceId);
        return HttpResult.ok(Map.of("data", withSuspension(api)));
    }

    private HttpResult get(Kind kind, String serviceIdText, String idText) {
        UUID serviceId = lookups.existingService(serviceIdText);
        CallbackApi api = store.find(kind, serviceId, AdminIds.path(idText)).orElseThrow(() -> notFound(kind));
        return HttpResult.ok(Map.of("data", withSuspension(api)));
    }

    private HttpResult delete(Kind kind, String serviceIdText, String idText) {
        UUID serviceId = lookups.existingService(serviceIdText);
        if (!store.delete(kind, serviceId, AdminIds.path(idText))) {
            throw notFound(kind);
        }
        changed(serviceId);
        return HttpResult.noContent();
    }

    private static AdminError notFound(Kind kind) {
        return AdminError.notFound(kind == Kind.INBOUND_SMS ? "Service inbound API not found" : "Service delivery receipt callback API not found");
    }

    private static String text(ObjectNode request, String field) {
        return request.hasNonNull(field) ? request.get(field).asText() : null;
    }

    private void changed(UUID serviceId) {
        events.publishEvent(ServiceDataChanged.of(serviceId, ServiceDataChanged.Part.CALLBACKS));
    }

    /** The API's JSON with its service's suspension (one circuit for both kinds of callback API). */
    private Map<String, Object> withSuspension(CallbackApi api) {
        Map<String, Object> out = json(api);
        CallbackCircuitStore.Suspension suspension = circuits.suspension(api.serviceId());
        out.put("is_suspended", suspension.suspended());
        out.put("suspended_at", Timestamps.iso(suspension.suspendedAt()));
        return out;
    }

    static Map<String, Object> json(CallbackApi api) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", api.id().toString());
        out.put("service_id", api.serviceId().toString());
        out.put("url", api.url());
        out.put("updated_by_id", api.updatedById().toString());
        out.put("created_at", Timestamps.iso(api.createdAt()));
        out.put("updated_at", Timestamps.iso(api.updatedAt()));
        return out;
    }
}
