package org.notifyoncamel.common;

import java.util.UUID;

/**
 * Published (Spring application event) after every internal-API write that changes what the public
 * API caches about a service: the service row or permissions, its templates, API keys, senders,
 * guest list, team. Caches listen and evict, so the API never serves stale data after an admin write.
 *
 * @param serviceId  the service that changed
 * @param what       which part changed
 * @param templateId the template, when {@code what} is TEMPLATE
 */
public record ServiceDataChanged(UUID serviceId, Part what, UUID templateId) {

    public enum Part { SERVICE, TEMPLATE, API_KEYS, SENDERS, TEAM_AND_GUEST_LIST, CALLBACKS }

    public static ServiceDataChanged of(UUID serviceId, Part what) {
        return new ServiceDataChanged(serviceId, what, null);
    }

    public static ServiceDataChanged template(UUID serviceId, UUID templateId) {
        return new ServiceDataChanged(serviceId, Part.TEMPLATE, templateId);
    }
}
