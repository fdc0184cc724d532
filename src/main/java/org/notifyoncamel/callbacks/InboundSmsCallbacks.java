package org.notifyoncamel.callbacks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.Body;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.common.Uuids;
import org.notifyoncamel.queues.InvalidTaskException;
import org.notifyoncamel.queues.RetryMessage;
import org.notifyoncamel.queues.Task;
import org.notifyoncamel.inbound.InboundSms;
import org.notifyoncamel.inbound.InboundSmsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * send-inbound-sms (notifications-api app/celery/tasks.py send_inbound_sms_to_service): forwards a stored text to the service's inbound API. The URL and
 * token are read when the task runs (not snapshotted, as in the original); a service without one is
 * done at once (the text stays readable through the APIs). The body is {@code id}, {@code source_number},
 * {@code destination_number}, {@code message}, {@code date_received} (the provider's date, else when we
 * received it: the original crashed on a null date). The HTTP call and its retry rule are
 * {@link CallbackPoster}'s, and what follows an attempt (backoff, suspension, parking) {@link CallbackCircuit}'s,
 * shared with delivery-status callbacks.
 */
@Component("inboundSmsCallbacks")
public class InboundSmsCallbacks {

    public static final String TASK = "send-inbound-sms";
    private static final Logger LOG = LoggerFactory.getLogger(InboundSmsCallbacks.class);

    private final CallbackApiStore apis;
    private final InboundSmsStore texts;
    private final CallbackPoster poster;
    private final ObjectMapper mapper;
    private final CallbackCircuit circuit;

    public InboundSmsCallbacks(CallbackApiStore apis, InboundSmsStore texts, CallbackPoster poster, ObjectMapper mapper, CallbackCircuit circuit) {
        this.apis = apis;
        this.texts = texts;
        this.poster = poster;
        this.mapper = mapper;
        this.circuit = circuit;
    }

    /** Sends one task. Returns the retry to publish, or null when done (sent, refused, nothing to send or parked). */
    public RetryMessage send(@Body Task task) {
        if (!TASK.equals(task.name())) {
            throw new InvalidTaskException("unknown task " + task.name() + " on the inbound SMS route");
        }
        UUID id = Uuids.parse(task.text("inbound_sms_id")).orElseThrow(() -> new InvalidTaskException("send-inbound-sms without inbound_sms_id"));
        UUID serviceId = Uuids.parse(task.text("service_id")).orElseThrow(() -> new InvalidTaskException("send-inbound-sms without service_id"));
        Optional<CallbackApiStore.Endpoint> endpoint = apis.endpoint(CallbackApiStore.Kind.INBOUND_SMS, serviceId);
        if (endpoint.isEmpty()) {
            LOG.info("Inbound SMS {}: service {} has no inbound API, nothing to send", id, serviceId);
            return null;
        }
        Optional<InboundSms> text = texts.find(serviceId, id);
        if (text.isEmpty()) {
            LOG.warn("Inbound SMS {} of service {} no longer exists: not sent", id, serviceId);
            return null;
        }
        String what = "Inbound SMS " + id + " to service " + serviceId;
        if (circuit.parkedWhileSuspended(serviceId, task, what)) {
            return null;
        }
        CallbackPoster.Attempt attempt = poster.post(endpoint.get().url(), endpoint.get().bearerToken(), body(text.get()));
        return circuit.after(serviceId, task, attempt, what);
    }

    String body(InboundSms text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", text.id().toString());
        body.put("source_number", text.userNumber());
        body.put("destination_number", text.notifyNumber());
        body.put("message", text.content());
        body.put("date_received", Timestamps.iso(text.providerDate() != null ? text.providerDate() : text.createdAt()));
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }
}
