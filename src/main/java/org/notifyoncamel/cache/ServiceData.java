package org.notifyoncamel.cache;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the public API needs to know about a service, loaded in one go and cached
 * (notifications-api app/serialised_models.py). Team members' and guest-list recipients are held in their
 * normalised form ({@link AllowedRecipients}).
 */
public record ServiceData(
        UUID id,
        String name,
        boolean active,
        boolean restricted,
        boolean researchMode,
        long messageLimit,
        int rateLimit,
        String emailFrom,
        boolean prefixSms,
        String contactLink,
        Set<String> permissions,
        AllowedRecipients allowedRecipients,
        List<SmsSender> smsSenders,
        List<ReplyTo> replyTos,
        List<LetterContact> letterContacts) {

    public record SmsSender(UUID id, String smsSender, boolean isDefault, boolean archived) {
    }

    public record ReplyTo(UUID id, String emailAddress, boolean isDefault, boolean archived) {
    }

    public record LetterContact(UUID id, String contactBlock, boolean isDefault, boolean archived) {
    }

    public boolean hasPermission(String permission) {
        return permissions.contains(permission);
    }

    /** The default, non-archived SMS sender text, if any. */
    public Optional<String> defaultSmsSender() {
        return smsSenders.stream().filter(s -> s.isDefault() && !s.archived()).map(SmsSender::smsSender).findFirst();
    }

    public Optional<String> defaultReplyTo() {
        return replyTos.stream().filter(r -> r.isDefault() && !r.archived()).map(ReplyTo::emailAddress).findFirst();
    }

    public Optional<SmsSender> smsSender(UUID id) {
        return smsSenders.stream().filter(s -> s.id().equals(id) && !s.archived()).findFirst();
    }

    public Optional<ReplyTo> replyTo(UUID id) {
        return replyTos.stream().filter(r -> r.id().equals(id) && !r.archived()).findFirst();
    }

    public Optional<LetterContact> letterContact(UUID id) {
        return id == null ? Optional.empty() : letterContacts.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
