package org.notifyoncamel.cache;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.notifyoncamel.common.ServiceDataChanged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The public API's read-through caches of services, API keys and templates (ADR 0030). Entries
 * live for a short time so that other instances see admin writes quickly; on this instance a
 * {@link ServiceDataChanged} event evicts them at once.
 */
@Component
public class ServiceDataCache {

    record TemplateKey(UUID serviceId, UUID templateId) {
    }

    private final ServiceDataStore store;
    private final ExpiringCache<UUID, ServiceData> services;
    private final ExpiringCache<UUID, List<ApiKeyData>> apiKeys;
    private final ExpiringCache<TemplateKey, TemplateData> templates;

    public ServiceDataCache(ServiceDataStore store,
                            @Value("${notify.api.cache.service-ttl:PT10S}") Duration serviceTtl,
                            @Value("${notify.api.cache.api-key-ttl:PT2S}") Duration apiKeyTtl,
                            @Value("${notify.api.cache.template-ttl:PT10S}") Duration templateTtl,
                            @Value("${notify.api.cache.max-entries:100000}") int maxEntries) {
        this.store = store;
        this.services = new ExpiringCache<>(serviceTtl, maxEntries);
        this.apiKeys = new ExpiringCache<>(apiKeyTtl, maxEntries);
        this.templates = new ExpiringCache<>(templateTtl, maxEntries);
    }

    public Optional<ServiceData> service(UUID serviceId) {
        return services.get(serviceId, store::service);
    }

    public List<ApiKeyData> apiKeys(UUID serviceId) {
        return apiKeys.get(serviceId, id -> Optional.of(store.apiKeys(id))).orElse(List.of());
    }

    /** The current version of a template of the service (hidden and archived included). */
    public Optional<TemplateData> template(UUID serviceId, UUID templateId) {
        return templates.get(new TemplateKey(serviceId, templateId), k -> store.template(k.serviceId(), k.templateId()));
    }

    @EventListener
    public void onServiceDataChanged(ServiceDataChanged event) {
        UUID serviceId = event.serviceId();
        switch (event.what()) {
            case API_KEYS -> apiKeys.evict(serviceId);
            case TEMPLATE -> {
                if (event.templateId() == null) {
                    templates.evictIf(k -> k.serviceId().equals(serviceId));
                } else {
                    templates.evict(new TemplateKey(serviceId, event.templateId()));
                }
            }
            case CALLBACKS -> {
                // callbacks are not cached by the public API
            }
            default -> services.evict(serviceId);
        }
    }
}
