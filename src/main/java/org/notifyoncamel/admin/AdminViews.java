package org.notifyoncamel.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.notifyoncamel.apikeys.ApiKeyStore.ApiKey;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.services.DataRetentionStore.DataRetention;
import org.notifyoncamel.services.ServiceStore;
import org.notifyoncamel.services.ServiceStore.Service;
import org.notifyoncamel.users.UserStore;
import org.notifyoncamel.users.UserStore.User;
import org.springframework.stereotype.Component;

/** The JSON shapes of users, services, API keys and data retention in internal-API responses (spec 1.4.1-1.4.3, 1.4.10). */
@Component
public class AdminViews {

    private final UserStore users;
    private final ServiceStore services;

    public AdminViews(UserStore users, ServiceStore services) {
        this.users = users;
        this.services = services;
    }

    public Map<String, Object> user(User user) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", user.id().toString());
        json.put("name", user.name());
        json.put("email_address", user.emailAddress());
        json.put("auth_type", user.authType());
        json.put("current_session_id", string(user.currentSessionId()));
        json.put("failed_login_count", user.failedLoginCount());
        json.put("email_access_validated_at", Timestamps.iso(user.emailAccessValidatedAt()));
        json.put("logged_in_at", Timestamps.iso(user.loggedInAt()));
        json.put("mobile_number", user.mobileNumber());
        json.put("organisations", users.activeOrganisationIds(user.id()).stream().map(UUID::toString).toList());
        json.put("password_changed_at", noTimezone(user.passwordChangedAt()));
        json.put("permissions", users.permissions(user.id()));
        json.put("platform_admin", user.platformAdmin());
        json.put("services", users.activeServiceIds(user.id()).stream().map(UUID::toString).toList());
        json.put("state", user.state());
        return json;
    }

    /** Exactly the keys of the original's service schema, in alphabetical order. */
    public Map<String, Object> service(Service s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("active", s.active());
        json.put("allowed_broadcast_provider", services.allowedBroadcastProvider(s.id()).orElse(null));
        json.put("billing_contact_email_addresses", s.billingContactEmailAddresses());
        json.put("billing_contact_names", s.billingContactNames());
        json.put("billing_reference", s.billingReference());
        json.put("consent_to_research", s.consentToResearch());
        json.put("contact_link", s.contactLink());
        json.put("count_as_live", s.countAsLive());
        json.put("created_by", string(s.createdById()));
        json.put("email_branding", services.emailBranding(s.id()).map(UUID::toString).orElse(null));
        json.put("email_from", s.emailFrom());
        json.put("go_live_at", noTimezone(s.goLiveAt()));
        json.put("go_live_user", string(s.goLiveUserId()));
        json.put("id", s.id().toString());
        json.put("inbound_api", services.inboundApiIds(s.id()).stream().map(UUID::toString).toList());
        json.put("letter_branding", services.letterBranding(s.id()).map(UUID::toString).orElse(null));
        json.put("message_limit", s.messageLimit());
        json.put("name", s.name());
        json.put("notes", s.notes());
        json.put("organisation", string(s.organisationId()));
        json.put("organisation_type", s.organisationType());
        json.put("permissions", services.permissions(s.id()));
        json.put("prefix_sms", s.prefixSms());
        json.put("purchase_order_number", s.purchaseOrderNumber());
        json.put("rate_limit", s.rateLimit());
        json.put("research_mode", s.researchMode());
        json.put("restricted", s.restricted());
        json.put("service_callback_api", services.callbackApiIds(s.id()).stream().map(UUID::toString).toList());
        json.put("volume_email", s.volumeEmail());
        json.put("volume_letter", s.volumeLetter());
        json.put("volume_sms", s.volumeSms());
        return json;
    }

    /** One row of services_history as GET /service/{sid}/history shows it. */
    public Map<String, Object> serviceHistory(Service s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id().toString());
        json.put("name", s.name());
        json.put("created_at", Timestamps.iso(s.createdAt()));
        json.put("updated_at", Timestamps.iso(s.updatedAt()));
        json.put("active", s.active());
        json.put("message_limit", s.messageLimit());
        json.put("restricted", s.restricted());
        json.put("email_from", s.emailFrom());
        json.put("created_by_id", string(s.createdById()));
        json.put("version", s.version());
        return json;
    }

    public Map<String, Object> apiKey(ApiKey key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", key.id().toString());
        json.put("name", key.name());
        json.put("key_type", key.keyType());
        json.put("expiry_date", Timestamps.iso(key.expiryDate()));
        json.put("created_at", Timestamps.iso(key.createdAt()));
        json.put("updated_at", Timestamps.iso(key.updatedAt()));
        json.put("created_by", string(key.createdById()));
        json.put("version", key.version());
        return json;
    }

    public Map<String, Object> apiKeyHistory(ApiKey key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", key.id().toString());
        json.put("name", key.name());
        json.put("service_id", key.serviceId().toString());
        json.put("expiry_date", Timestamps.iso(key.expiryDate()));
        json.put("created_at", Timestamps.iso(key.createdAt()));
        json.put("updated_at", Timestamps.iso(key.updatedAt()));
        json.put("created_by_id", string(key.createdById()));
        json.put("version", key.version());
        return json;
    }

    public Map<String, Object> dataRetention(DataRetention r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id().toString());
        json.put("service_id", r.serviceId().toString());
        json.put("service_name", r.serviceName());
        json.put("notification_type", r.notificationType());
        json.put("days_of_retention", r.daysOfRetention());
        json.put("created_at", Timestamps.iso(r.createdAt()));
        json.put("updated_at", Timestamps.iso(r.updatedAt()));
        return json;
    }

    private static String string(UUID id) {
        return id == null ? null : id.toString();
    }

    private static String noTimezone(java.time.Instant instant) {
        return instant == null ? null : Timestamps.NO_TIMEZONE.format(instant);
    }
}
