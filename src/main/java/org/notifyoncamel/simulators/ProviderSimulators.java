package org.notifyoncamel.simulators;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.notifyoncamel.http.FormBodies;
import org.notifyoncamel.receipts.SesNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * MMG, Firetext and SES as seen from Notify: they accept sends in the providers' wire formats and,
 * after {@code notify.simulators.latency-ms}, send delivery receipts in the providers' formats to
 * our receipt endpoints (SES: a notification on ses-callbacks). Failure modes by percentage:
 * 5xx answers, timeouts (the request is held, nothing is sent), permanent and temporary failure receipts.
 * Counts every accepted send per notification, so tests can prove nothing was sent twice.
 */
@Component("providerSimulators")
public class ProviderSimulators implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderSimulators.class);
    /** The RFC 2369 / RFC 8058 headers a test may ask about (one-click unsubscribe). */
    private static final List<String> LIST_HEADERS = List.of("List-Unsubscribe", "List-Unsubscribe-Post");

    private final SimulatorSettings settings;
    private final ObjectMapper mapper;
    private final Environment env;
    private final ProducerTemplate producer;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService receipts = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "simulator-receipts");
        t.setDaemon(true);
        return t;
    });
    /**
     * Real providers post receipts over many connections at once; a receipt endpoint answers only once its receipt is
     * queued (a batched SendMessageBatch), so a couple of posting threads would cap receipts at a few dozen a second.
     */
    private final java.util.concurrent.ExecutorService posters = Executors.newFixedThreadPool(64, r -> {
        Thread t = new Thread(r, "simulator-receipt-poster");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> unsubscribeHeaders = new ConcurrentHashMap<>();
    private final Session mail = Session.getInstance(new Properties());

    public ProviderSimulators(SimulatorSettings settings, ObjectMapper mapper, Environment env, ProducerTemplate producer) {
        this.settings = settings;
        this.mapper = mapper;
        this.env = env;
        this.producer = producer;
    }

    /** Sends accepted by a simulated provider for a notification (MMG cid, Firetext reference, SES X-Notify-Notification-Id). */
    public int sends(String provider, String notificationId) {
        AtomicInteger count = sends.get(provider + ":" + notificationId);
        return count == null ? 0 : count.get();
    }

    /**
     * The List-Unsubscribe and List-Unsubscribe-Post headers of the raw MIME message SES received for a notification,
     * as the message carried them (empty when it had none).
     */
    public Map<String, String> sesListHeaders(String notificationId) {
        return unsubscribeHeaders.getOrDefault(notificationId, Map.of());
    }

    /** Every request a simulated provider received, accepted or not. */
    public int requests(String provider) {
        AtomicInteger count = requests.get(provider);
        return count == null ? 0 : count.get();
    }

    public void mmg(@Body byte[] body, Exchange exchange) throws Exception {
        JsonNode json = mapper.readTree(body);
        String cid = json.path("cid").asText();
        String msisdn = json.path("MSISDN").asText();
        if (failed("mmg", exchange, "text/plain", "Internal Server Error")) {
            return;
        }
        count("mmg", cid);
        respond(exchange, 200, "application/json", mapper.createObjectNode().put("Reference", UUID.randomUUID().toString()).toString());
        String outcome = outcome(msisdn);
        ObjectNode receipt = mapper.createObjectNode();
        receipt.put("reference", "mmg-" + UUID.randomUUID());
        receipt.put("CID", cid);
        receipt.put("MSISDN", msisdn);
        receipt.put("status", switch (outcome) {
            case "permanent" -> "5";
            case "temporary" -> "4";
            default -> "3";
        });
        receipt.put("substatus", switch (outcome) {
            case "permanent" -> "52";
            case "temporary" -> "6";
            default -> "5";
        });
        receipt.put("deliverytime", java.time.LocalDateTime.now().withNano(0).toString().replace('T', ' '));
        later(() -> post("/notifications/sms/mmg", "application/json", receipt.toString()));
    }

    public void firetext(@Body Object body, Exchange exchange) throws Exception {
        Map<String, String> form = FormBodies.read(body);
        String reference = form.getOrDefault("reference", "");
        String to = form.getOrDefault("to", "");
        if (failed("firetext", exchange, "application/json", "{\"code\": 1, \"description\": \"Internal error\"}")) {
            return;
        }
        count("firetext", reference);
        respond(exchange, 200, "application/json", "{\"data\":[],\"description\":\"SMS successfully queued\",\"code\":0,\"responseData\":1}");
        String outcome = outcome(to);
        String receipt = "mobile=" + enc(to) + "&reference=" + enc(reference) + "&time=" + enc("2016-03-10 14:17:00")
                + switch (outcome) {
                    case "permanent" -> "&status=1&code=101";
                    case "temporary" -> "&status=1&code=102";
                    default -> "&status=0";
                };
        later(() -> post("/notifications/sms/firetext", "application/x-www-form-urlencoded", receipt));
    }

    /** The SES Query API as the AWS SDK speaks it: SendRawEmail (and SendEmail) with an XML answer. */
    public void ses(@Body Object body, Exchange exchange) throws Exception {
        Map<String, String> form = FormBodies.read(body);
        String action = form.getOrDefault("Action", "");
        if (!action.equals("SendRawEmail") && !action.equals("SendEmail")) {
            respond(exchange, 400, "text/xml", sesError("InvalidAction", "Unsupported action " + action));
            return;
        }
        if (failed("ses", exchange, "text/xml", sesError("InternalFailure", "Simulated failure"))) {
            return;
        }
        String recipient = form.get("Destination.ToAddresses.member.1");
        if (recipient == null) {
            recipient = form.get("Destinations.member.1");
        }
        String notificationId = null;
        String raw = form.get("RawMessage.Data");
        if (raw != null) {
            MimeMessage mime = new MimeMessage(mail, new ByteArrayInputStream(Base64.getMimeDecoder().decode(raw)));
            notificationId = mime.getHeader("X-Notify-Notification-Id", null);
            if (recipient == null) {
                Address[] to = mime.getRecipients(Message.RecipientType.TO);
                recipient = to == null || to.length == 0 ? "" : ((InternetAddress) to[0]).getAddress();
            }
            if (notificationId != null) {
                Map<String, String> listHeaders = new LinkedHashMap<>();
                for (String name : LIST_HEADERS) {
                    String value = mime.getHeader(name, null);
                    if (value != null) {
                        listHeaders.put(name, value);
                    }
                }
                if (!listHeaders.isEmpty()) {
                    unsubscribeHeaders.put(notificationId, listHeaders);
                }
            }
        }
        String messageId = UUID.randomUUID().toString();
        count("ses", notificationId == null ? messageId : notificationId);
        String result = action + "Result";
        respond(exchange, 200, "text/xml", "<" + action + "Response xmlns=\"http://ses.amazonaws.com/doc/2010-12-01/\">"
                + "<" + result + "><MessageId>" + messageId + "</MessageId></" + result + ">"
                + "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata></" + action + "Response>");
        String to = recipient == null ? "" : recipient;
        String outcome = switch (to.toLowerCase(java.util.Locale.ROOT)) {
            case "perm-fail@simulator.notify" -> "permanent";
            case "temp-fail@simulator.notify" -> "temporary";
            default -> outcome("");
        };
        String notification = switch (outcome) {
            case "permanent" -> SesNotifications.bounce(messageId, to, true);
            case "temporary" -> SesNotifications.bounce(messageId, to, false);
            default -> SesNotifications.delivery(messageId, to);
        };
        later(() -> producer.sendBody("direct:simulator-ses-receipt", notification));
    }

    private boolean failed(String provider, Exchange exchange, String contentType, String errorBody) throws InterruptedException {
        requests.computeIfAbsent(provider, p -> new AtomicInteger()).incrementAndGet();
        if (percent(settings.timeoutPercent(provider))) {
            Thread.sleep(settings.timeoutMs());
            respond(exchange, 504, "text/plain", "Gateway Time-out");
            return true;
        }
        if (percent(settings.errorPercent(provider))) {
            respond(exchange, 500, contentType, errorBody);
            return true;
        }
        return false;
    }

    private String outcome(String recipient) {
        int draw = ThreadLocalRandom.current().nextInt(100);
        if (draw < settings.permanentFailurePercent()) {
            return "permanent";
        }
        if (draw < settings.permanentFailurePercent() + settings.temporaryFailurePercent()) {
            return "temporary";
        }
        return "delivered";
    }

    private void count(String provider, String id) throws InterruptedException {
        sends.computeIfAbsent(provider + ":" + id, k -> new AtomicInteger()).incrementAndGet();
        if (settings.responseDelayMs() > 0) {
            Thread.sleep(settings.responseDelayMs());
        }
    }

    private void later(Runnable receipt) {
        Runnable post = () -> {
            try {
                receipt.run();
            } catch (RuntimeException e) {
                LOG.warn("Simulator receipt not delivered: {}", e.getMessage());
            }
        };
        if (settings.latencyMs() <= 0) {
            posters.execute(post);
        } else {
            receipts.schedule(() -> posters.execute(post), settings.latencyMs(), TimeUnit.MILLISECONDS);
        }
    }

    private void post(String path, String contentType, String body) {
        String base = env.getRequiredProperty("notify.simulators.receipt-base-url");
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 400) {
                LOG.warn("Simulator receipt to {} answered {}", path, response.statusCode());
            }
        } catch (java.io.IOException e) {
            LOG.warn("Simulator receipt to {} failed: {}", path, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(Exchange exchange, int status, String contentType, String body) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, contentType);
        exchange.getMessage().setBody(body);
    }

    private static boolean percent(int percent) {
        return percent > 0 && ThreadLocalRandom.current().nextInt(100) < percent;
    }

    private static String sesError(String code, String message) {
        return "<ErrorResponse xmlns=\"http://ses.amazonaws.com/doc/2010-12-01/\"><Error><Type>Sender</Type><Code>" + code
                + "</Code><Message>" + message + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>";
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void destroy() {
        receipts.shutdownNow();
        posters.shutdownNow();
    }
}
