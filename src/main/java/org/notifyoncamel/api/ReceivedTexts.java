package org.notifyoncamel.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.notifyoncamel.http.SchemaErrors;
import org.notifyoncamel.auth.ApiKeyAuthenticator;
import org.notifyoncamel.auth.ApiKeyAuthenticator.Authenticated;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.common.Uuids;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.notifyoncamel.http.HttpResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** GET /v2/received-text-messages (notifications-api app/v2/inbound_sms): the service's inbound SMS, newest first. */
@Component("receivedTexts")
public class ReceivedTexts {

    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;
    private final PublicUrls urls;
    private final int pageSize;

    public ReceivedTexts(JdbcTemplate jdbc, SecretCipher cipher, PublicUrls urls, @Value("${notify.api.page-size:250}") int pageSize) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.urls = urls;
        this.pageSize = pageSize;
    }

    public HttpResult list(Exchange exchange) {
        Authenticated caller = exchange.getProperty(ApiKeyAuthenticator.AUTHENTICATED, Authenticated.class);
        QueryParams query = QueryParams.of(exchange);
        SchemaErrors errors = new SchemaErrors();
        UUID olderThan = null;
        String olderThanText = query.first("older_than");
        if (olderThanText != null) {
            olderThan = Uuids.parse(olderThanText).orElse(null);
            if (olderThan == null) {
                errors.notAUuid("older_than");
            }
        }
        errors.additionalProperties(query.names().stream().filter(n -> !"older_than".equals(n)).toList());
        errors.throwIfAny();

        String sql = "SELECT id, created_at, service_id, notify_number, user_number, content FROM inbound_sms WHERE service_id = ?"
                + (olderThan == null ? "" : " AND created_at < (SELECT o.created_at FROM inbound_sms o WHERE o.id = ? AND o.service_id = ?)")
                + " ORDER BY created_at DESC, id DESC LIMIT ?";
        Object[] args = olderThan == null ? new Object[] {caller.serviceId(), pageSize} : new Object[] {caller.serviceId(), olderThan, caller.serviceId(), pageSize};
        List<Map<String, Object>> texts = jdbc.query(sql, (rs, n) -> {
            Map<String, Object> text = new LinkedHashMap<>();
            text.put("id", rs.getObject(1, UUID.class).toString());
            text.put("created_at", Timestamps.iso(rs.getTimestamp(2)));
            text.put("service_id", rs.getObject(3, UUID.class).toString());
            text.put("notify_number", rs.getString(4));
            text.put("user_number", rs.getString(5));
            text.put("content", cipher.decrypt(SecretColumn.INBOUND_SMS_CONTENT, rs.getString(6)));
            return text;
        }, args);
        String base = urls.root() + "/v2/received-text-messages";
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("current", base);
        if (!texts.isEmpty()) {
            links.put("next", base + "?older_than=" + texts.get(texts.size() - 1).get("id"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("received_text_messages", texts);
        body.put("links", links);
        return HttpResult.ok(body);
    }
}
