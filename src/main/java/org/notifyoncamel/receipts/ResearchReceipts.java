package org.notifyoncamel.receipts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Body;
import org.notifyoncamel.delivery.FiretextClient;
import org.notifyoncamel.delivery.ProviderSettings;
import org.notifyoncamel.delivery.SimulatedSend;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Receipts for research-mode services and test keys (workers.md 2.8), keyed on the recipient:
 * SMS receipts are posted, in the provider's format, to our own receipt endpoints; email receipts
 * are SES notifications for the ses-callbacks queue.
 */
@Component("researchReceipts")
public class ResearchReceipts {

    public static final String PERM_FAIL_EMAIL = "perm-fail@simulator.notify";
    public static final String TEMP_FAIL_EMAIL = "temp-fail@simulator.notify";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper;
    private final ProviderSettings settings;

    public ResearchReceipts(ObjectMapper mapper, ProviderSettings settings) {
        this.mapper = mapper;
        this.settings = settings;
    }

    /** Posts the simulated SMS receipt(s) to /notifications/sms/{mmg,firetext}; fails if our endpoint does. */
    public void sms(@Body SimulatedSend send) throws java.io.IOException, InterruptedException {
        String digits = send.to() == null ? "" : send.to().replaceAll("[^0-9]", "");
        String outcome = digits.endsWith("7700900003") ? "temporary" : digits.endsWith("7700900002") ? "permanent" : "delivered";
        String base = settings.property("notify.delivery.receipt-base-url");
        if ("mmg".equals(send.provider())) {
            String status = switch (outcome) {
                case "temporary" -> "4";
                case "permanent" -> "5";
                default -> "3";
            };
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reference", "mmg_reference");
            body.put("CID", send.notificationId().toString());
            body.put("MSISDN", send.to());
            body.put("status", status);
            body.put("deliverytime", "2016-04-05 16:01:07");
            post(base + "/notifications/sms/mmg", "application/json", json(body));
        } else {
            if ("temporary".equals(outcome)) {
                post(base + "/notifications/sms/firetext", "application/x-www-form-urlencoded", firetext(send, "2"));
                post(base + "/notifications/sms/firetext", "application/x-www-form-urlencoded", firetext(send, "1"));
            } else {
                post(base + "/notifications/sms/firetext", "application/x-www-form-urlencoded",
                        firetext(send, "permanent".equals(outcome) ? "1" : "0"));
            }
        }
    }

    /** The SES notification for a simulated email. */
    public String email(@Body SimulatedSend send) {
        String to = send.to() == null ? "" : send.to().trim().toLowerCase(java.util.Locale.ROOT);
        if (PERM_FAIL_EMAIL.equals(to)) {
            return SesNotifications.bounce(send.reference(), send.to(), true);
        }
        if (TEMP_FAIL_EMAIL.equals(to)) {
            return SesNotifications.bounce(send.reference(), send.to(), false);
        }
        return SesNotifications.delivery(send.reference(), send.to());
    }

    private String firetext(SimulatedSend send, String status) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mobile", send.to());
        form.put("status", status);
        form.put("time", "2016-03-10 14:17:00");
        form.put("reference", send.notificationId().toString());
        return FiretextClient.formEncode(form);
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void post(String url, String contentType, String body) throws java.io.IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(java.time.Duration.ofMillis(Long.parseLong(settings.property("notify.delivery.research-receipt-timeout-ms"))))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException("Simulated receipt refused: " + response.statusCode());
        }
    }
}
