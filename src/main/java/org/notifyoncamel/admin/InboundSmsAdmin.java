package org.notifyoncamel.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.notifyoncamel.http.AdminError;
import org.notifyoncamel.http.ApiError;
import org.notifyoncamel.http.HttpResult;
import org.notifyoncamel.http.JsonRequests;
import org.notifyoncamel.inbound.InboundNumbers;
import org.notifyoncamel.inbound.InboundSms;
import org.notifyoncamel.inbound.InboundSmsStore;
import org.notifyoncamel.recipients.PhoneNumbers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /service/{id}/inbound-sms} (inbound-sms.md 5.2): the admin's inbox views. Listings start at the
 * retention window (London midnight, the service's SMS retention days ago, else
 * {@code notify.schedules.inbound-sms-default-retention-days}); the summary counts 7 days whatever the
 * retention; one text by id is not limited.
 */
@Component("inboundSmsAdmin")
public class InboundSmsAdmin {

    /** The original's PAGE_SIZE for most-recent. */
    public static final int PAGE_SIZE = 50;
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Python's {@code datetime.isoformat()}: microseconds only when there are some. */
    private static final DateTimeFormatter ISOFORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter ISOFORMAT_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private final InboundSmsStore store;
    private final JsonRequests json;
    private final PhoneNumbers phones;
    private final int defaultRetentionDays;
    private final Clock clock;

    @Autowired
    public InboundSmsAdmin(InboundSmsStore store, JsonRequests json, PhoneNumbers phones,
                           @Value("${notify.schedules.inbound-sms-default-retention-days:7}") int defaultRetentionDays) {
        this(store, json, phones, defaultRetentionDays, Clock.systemUTC());
    }

    InboundSmsAdmin(InboundSmsStore store, JsonRequests json, PhoneNumbers phones, int defaultRetentionDays, Clock clock) {
        this.store = store;
        this.json = json;
        this.phones = phones;
        this.defaultRetentionDays = defaultRetentionDays;
        this.clock = clock;
    }

    /** POST /service/{id}/inbound-sms: a JSON object with an optional {@code phone_number}; newest first, no paging. */
    public HttpResult search(@Header("serviceId") String serviceIdText, @Header("Content-Type") String contentType, @Body byte[] body) {
        UUID serviceId = AdminIds.path(serviceIdText);
        if (body == null || body.length == 0 || contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw ApiError.validation("None is not of type object");
        }
        ObjectNode request = json.apiObject(body);
        String userNumber = null;
        JsonNode phoneNumber = request.get("phone_number");
        if (phoneNumber != null && !phoneNumber.isNull()) {
            if (!phoneNumber.isTextual()) {
                throw ApiError.validation("phone_number " + phoneNumber + " is not of type string");
            }
            userNumber = InboundNumbers.userNumber(phones, phoneNumber.asText());
        }
        List<Map<String, Object>> data = store.search(serviceId, windowStart(retentionDays(serviceId)), userNumber).stream()
                .map(InboundSms::json).toList();
        return HttpResult.ok(Map.of("data", data));
    }

    /** GET /service/{id}/inbound-sms/most-recent?page=N: the newest text of each sender, 50 a page. */
    public HttpResult mostRecent(@Header("serviceId") String serviceIdText, @Header("page") String pageText) {
        UUID serviceId = AdminIds.path(serviceIdText);
        int page = page(pageText);
        InboundSmsStore.Page result = store.mostRecent(serviceId, windowStart(retentionDays(serviceId)), page, PAGE_SIZE);
        if (result.items().isEmpty() && page != 1) {
            throw AdminError.notFound(AdminIds.NOT_FOUND);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", result.items().stream().map(InboundSms::json).toList());
        out.put("has_next", result.hasNext());
        return HttpResult.ok(out);
    }

    /** GET /service/{id}/inbound-sms/summary: texts of the last 7 days, and when the newest arrived (naive ISO, no Z). */
    public HttpResult summary(@Header("serviceId") String serviceIdText) {
        UUID serviceId = AdminIds.path(serviceIdText);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", store.countSince(serviceId, windowStart(7)));
        out.put("most_recent", store.newest(serviceId).map(t -> (t.getNano() == 0 ? ISOFORMAT : ISOFORMAT_MICROS).format(t)).orElse(null));
        return HttpResult.ok(out);
    }

    /** GET /service/{id}/inbound-sms/{inbound_sms_id}: one text, bare. */
    public HttpResult get(@Header("serviceId") String serviceIdText, @Header("inboundSmsId") String idText) {
        UUID serviceId = AdminIds.path(serviceIdText);
        UUID id = AdminIds.path(idText);
        return HttpResult.ok(store.find(serviceId, id).map(InboundSms::json).orElseThrow(AdminError::noResultFound));
    }

    private int retentionDays(UUID serviceId) {
        return store.smsRetentionDays(serviceId).orElse(defaultRetentionDays);
    }

    /** London midnight of (UTC today - days): the original's {@code midnight_n_days_ago}. */
    Instant windowStart(int days) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days).atStartOfDay(LONDON).toInstant();
    }

    /** A page number from 1; anything else is a 400 (the original answered 500 to a non-integer, 404 below 1). */
    private static int page(String text) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        int page;
        try {
            page = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw AdminError.badRequest(Map.of("page", List.of("Not a valid integer.")));
        }
        if (page < 1) {
            throw AdminError.notFound(AdminIds.NOT_FOUND);
        }
        return page;
    }
}
