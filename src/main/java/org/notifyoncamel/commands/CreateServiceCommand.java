package org.notifyoncamel.commands;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.notifyoncamel.apikeys.ApiKeyStore;
import org.notifyoncamel.common.ServiceDataChanged;
import org.notifyoncamel.recipients.EmailAddresses;
import org.notifyoncamel.recipients.InvalidRecipientException;
import org.notifyoncamel.services.ServiceStore;
import org.notifyoncamel.users.UserStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * {@code command create-service}: everything needed to send a first message without the admin app: an active user
 * (reused when the email address exists), a service, an SMS and an email template with a {@code ((name))}
 * placeholder, and a live (normal) API key, whose combined key is printed.
 */
@Component
public class CreateServiceCommand implements NotifyCommand {

    static final String HELP = """
            Usage: command create-service [--name NAME] [--email EMAIL] [--trial] [--message-limit N]

            Creates (or reuses, by email address) an active user, a service with that user as its team,
            an SMS template and an email template with a ((name)) placeholder, and a live (normal) API key.
            Prints the ids, the key's secret and the combined API key for the clients:
            <key name>-<service id>-<secret>.

              --name NAME         service name (default: "Notify on Camel service <random>")
              --email EMAIL       the user's email address (default: notify-user-<random>@example.gov.uk)
              --trial             create the service in trial mode (restricted); default: live
              --message-limit N   daily message limit (default 250000)
              --help              this text""";

    static final String KEY_NAME = "live key";

    private final UserStore users;
    private final ServiceStore services;
    private final ApiKeyStore apiKeys;
    private final StarterTemplates templates;
    private final ApplicationEventPublisher events;
    private final String fromNumber;
    private PrintStream out = System.out;

    public CreateServiceCommand(UserStore users, ServiceStore services, ApiKeyStore apiKeys, StarterTemplates templates,
                                ApplicationEventPublisher events, @Value("${notify.from-number}") String fromNumber) {
        this.users = users;
        this.services = services;
        this.apiKeys = apiKeys;
        this.templates = templates;
        this.events = events;
        this.fromNumber = fromNumber;
    }

    /** What the command created, also printed. */
    public record Result(UUID userId, UUID serviceId, UUID smsTemplateId, UUID emailTemplateId, UUID letterTemplateId, UUID apiKeyId,
                         String secret, String apiKey) {
    }

    /** Thrown for bad options; the message says what is wrong. */
    public static class UsageError extends RuntimeException {
        public UsageError(String message) {
            super(message);
        }
    }

    @Override
    public String name() {
        return "create-service";
    }

    @Override
    public String help() {
        return HELP;
    }

    void printTo(PrintStream stream) {
        this.out = stream;
    }

    @Override
    public int run(String[] options) {
        try {
            Result result = create(options);
            out.println("user id:           " + result.userId());
            out.println("service id:        " + result.serviceId());
            out.println("sms template id:   " + result.smsTemplateId());
            out.println("email template id: " + result.emailTemplateId());
            out.println("letter template id: " + result.letterTemplateId());
            out.println("api key id:        " + result.apiKeyId());
            out.println("api key secret:    " + result.secret());
            out.println("api key:           " + result.apiKey());
            return 0;
        } catch (UsageError e) {
            System.err.println(e.getMessage());
            System.err.println(HELP);
            return 2;
        }
    }

    public Result create(String[] options) {
        String random = UUID.randomUUID().toString().substring(0, 8);
        String name = "Notify on Camel service " + random;
        String email = "notify-user-" + random + "@example.gov.uk";
        boolean trial = false;
        long messageLimit = 250_000;
        List<String> args = Arrays.asList(options);
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--name" -> name = value(args, ++i, "--name");
                case "--email" -> email = value(args, ++i, "--email");
                case "--trial" -> trial = true;
                case "--message-limit" -> {
                    String limit = value(args, ++i, "--message-limit");
                    if (!limit.matches("\\d{1,18}")) {
                        throw new UsageError("--message-limit must be a whole number");
                    }
                    messageLimit = Long.parseLong(limit);
                }
                default -> throw new UsageError("Unknown option " + args.get(i));
            }
        }
        if (name.isBlank() || name.length() > 255) {
            throw new UsageError("--name must be 1 to 255 characters");
        }
        try {
            email = EmailAddresses.validate(email);
        } catch (InvalidRecipientException e) {
            throw new UsageError("--email: " + e.reason());
        }
        UserStore.User user = activeUser(email);
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("name", name);
        columns.put("email_from", emailFrom(name));
        columns.put("message_limit", messageLimit);
        columns.put("restricted", trial);
        ServiceStore.Service service;
        try {
            service = services.create(columns, null, user, fromNumber, null, null);
        } catch (ServiceStore.DuplicateService e) {
            throw new UsageError("A service with the name '" + name + "' (or its email_from) already exists");
        }
        UUID sms = templates.insert(service.id(), user.id(), "sms", "Example text message", null,
                "Hello ((name)), this is a text message from " + name + ".");
        UUID emailTemplate = templates.insert(service.id(), user.id(), "email", "Example email", "Hello ((name))",
                "Hello ((name)),\n\nThis is an email from " + name + ".");
        UUID letter = templates.insert(service.id(), user.id(), "letter", "Example letter", "Hello ((name))",
                "Dear ((name)),\n\nThis is a letter from " + name + ".\n\n# What happens next\n\n* it is printed\n* it is posted");
        ApiKeyStore.Created key = apiKeys.create(service.id(), KEY_NAME, "normal", user.id());
        events.publishEvent(ServiceDataChanged.of(service.id(), ServiceDataChanged.Part.SERVICE));
        events.publishEvent(ServiceDataChanged.of(service.id(), ServiceDataChanged.Part.API_KEYS));
        String combined = emailSafe(KEY_NAME) + "-" + service.id() + "-" + key.secret();
        return new Result(user.id(), service.id(), sms, emailTemplate, letter, key.key().id(), key.secret(), combined);
    }

    private UserStore.User activeUser(String email) {
        UserStore.User user = users.findByEmail(email).orElse(null);
        if (user == null) {
            return users.create(new UserStore.NewUser(email.substring(0, email.indexOf('@')), email, UUID.randomUUID().toString(), null,
                    "email_auth", "active", false, 0, null, null));
        }
        if (!"active".equals(user.state())) {
            users.activate(user.id());
        }
        return users.find(user.id()).orElseThrow();
    }

    /** The local part of the service's From address, as the admin app derives it from the name. */
    static String emailFrom(String name) {
        String safe = emailSafe(name).replace('_', '.');
        return safe.isEmpty() ? "service" : safe;
    }

    /** Lower case, spaces as underscores, only letters, digits, dots, underscores and hyphens. */
    static String emailSafe(String value) {
        String lower = value.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", "_");
        return lower.replaceAll("[^a-z0-9._-]", "");
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new UsageError(option + " needs a value");
        }
        return args.get(index);
    }
}
