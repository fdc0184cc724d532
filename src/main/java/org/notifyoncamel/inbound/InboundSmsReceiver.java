package org.notifyoncamel.inbound;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.Body;
import org.notifyoncamel.http.HttpResult;
import org.notifyoncamel.ops.NotifyMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What happens to a received text (inbound-sms.md 3.5, 3.6): find the service by the number it was sent
 * to; an unknown, unallocated or switched-off number, or a service without the {@code sms} and
 * {@code inbound_sms} permissions, is logged and acknowledged without storing anything; otherwise the
 * text is stored (encrypted) and a {@code send-inbound-sms} task is made for notify-internal-tasks.
 */
@Component("inboundSms")
public class InboundSmsReceiver {

    /** The task that forwards a stored text to the service's inbound API (workers.md 4.4). */
    public static final String SEND_INBOUND_SMS = "send-inbound-sms";
    public static final Map<String, Object> OK = Map.of("status", "ok");

    /** The outcome: stored (with the task to queue) or not for any service. */
    public record Reception(boolean stored, UUID id, UUID serviceId, String task) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(InboundSmsReceiver.class);

    private final InboundSmsStore store;
    private final ObjectMapper mapper;
    private final NotifyMetrics metrics;

    public InboundSmsReceiver(InboundSmsStore store, ObjectMapper mapper, NotifyMetrics metrics) {
        this.store = store;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    public Reception receive(@Body ReceivedText text) {
        Optional<InboundSmsStore.Receiver> receiver = store.receiver(text.notifyNumber());
        if (receiver.isEmpty()) {
            LOG.error("Inbound number \"{}\" from {} not associated with a service", text.notifyNumber(), text.provider());
            return new Reception(false, null, null, null);
        }
        if (!receiver.get().allowed()) {
            LOG.error("Service \"{}\" does not allow inbound SMS", receiver.get().serviceId());
            return new Reception(false, null, receiver.get().serviceId(), null);
        }
        UUID serviceId = receiver.get().serviceId();
        UUID id = store.save(serviceId, receiver.get().number(), text);
        metrics.inboundSms(text.provider());
        LOG.info("Inbound SMS {} from {} stored for service {}", id, text.provider(), serviceId);
        ObjectNode task = mapper.createObjectNode();
        task.put("task", SEND_INBOUND_SMS);
        task.put("inbound_sms_id", id.toString());
        task.put("service_id", serviceId.toString());
        return new Reception(true, id, serviceId, task.toString());
    }

    /** 200 {"status": "ok"}: the answer to a stored text, and Firetext's to an unknown number. */
    public HttpResult ok() {
        return HttpResult.ok(OK);
    }
}
