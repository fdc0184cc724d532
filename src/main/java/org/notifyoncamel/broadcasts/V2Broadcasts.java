package org.notifyoncamel.broadcasts;

import java.util.UUID;

import org.notifyoncamel.broadcasts.BroadcastStore.BroadcastMessage;
import org.notifyoncamel.broadcasts.CapBroadcasts.CapBroadcast;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.http.ApiError;
import org.notifyoncamel.http.HttpResult;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code POST /v2/broadcast} once the caller is authenticated (notifications-api app/v2/broadcast): permission,
 * content type, CAP document, then a broadcast message stored as pending-approval for the API key.
 * Nothing is queued: a person approves it through the internal API.
 */
@Component("v2Broadcasts")
public class V2Broadcasts {

    private final CapBroadcasts cap;
    private final BroadcastMessages messages;
    private final BroadcastStore store;
    private final ObjectMapper mapper;

    public V2Broadcasts(CapBroadcasts cap, BroadcastMessages messages, BroadcastStore store, ObjectMapper mapper) {
        this.cap = cap;
        this.messages = messages;
        this.store = store;
        this.mapper = mapper;
    }

    /** The route's step: the caller authenticated by {@code apiKeyAuth}, the raw Content-Type and body. */
    public HttpResult post(@org.apache.camel.ExchangeProperty(org.notifyoncamel.auth.ApiKeyAuthenticator.AUTHENTICATED)
                           org.notifyoncamel.auth.ApiKeyAuthenticator.Authenticated caller,
                           @org.apache.camel.Header("Content-Type") String contentType,
                           @org.apache.camel.Body byte[] body) {
        return create(caller.serviceId(), caller.key().id(), contentType, body);
    }

    /**
     * @param serviceId   the authenticated service
     * @param apiKeyId    the API key that signed the request
     * @param contentType the request's Content-Type header, exactly as sent (null when absent)
     */
    public HttpResult create(UUID serviceId, UUID apiKeyId, String contentType, byte[] body) {
        if (!store.hasPermission(serviceId, "broadcast")) {
            throw ApiError.badRequest("Service is not allowed to send broadcast messages");
        }
        CapBroadcasts.checkContentType(contentType);
        CapBroadcast broadcast = cap.parse(body);
        BroadcastMessage message = new BroadcastMessage(UUID.randomUUID(), serviceId, null, null, null, null, broadcast.content(),
                messages.areas(mapper.valueToTree(broadcast.areaNames()),
                        mapper.valueToTree(CapBroadcasts.simplePolygons(broadcast.allPolygons()))),
                BroadcastStatus.PENDING_APPROVAL, null, null, Timestamps.now(), null, null, null, null, null, null, apiKeyId,
                broadcast.reference(), false);
        return HttpResult.created(messages.view(messages.create(message)));
    }
}
