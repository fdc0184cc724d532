package org.notifyoncamel.cache;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.notifyoncamel.recipients.EmailAddresses;
import org.notifyoncamel.recipients.InvalidRecipientException;
import org.notifyoncamel.recipients.PhoneNumbers;

/**
 * The team members' and guest-list recipients of a service (notifications-api app/authentication/auth.py), compared
 * after normalisation: phone numbers in UK format when they are UK numbers (others as given),
 * email addresses stripped and lower-cased.
 */
public record AllowedRecipients(Set<String> phoneNumbers, Set<String> emailAddresses) {

    public static AllowedRecipients of(Iterable<String> phoneNumbers, Iterable<String> emailAddresses) {
        Set<String> phones = new HashSet<>();
        phoneNumbers.forEach(p -> {
            if (p != null) {
                phones.add(phone(p));
            }
        });
        Set<String> emails = new HashSet<>();
        emailAddresses.forEach(e -> {
            if (e != null) {
                emails.add(email(e));
            }
        });
        return new AllowedRecipients(Set.copyOf(phones), Set.copyOf(emails));
    }

    public boolean allowsPhone(String raw) {
        return phoneNumbers.contains(phone(raw));
    }

    public boolean allowsEmail(String raw) {
        return emailAddresses.contains(email(raw));
    }

    static String phone(String raw) {
        try {
            return PhoneNumbers.validateUk(raw);
        } catch (InvalidRecipientException e) {
            return raw;
        }
    }

    static String email(String raw) {
        return EmailAddresses.strip(raw).toLowerCase(Locale.ROOT);
    }
}
