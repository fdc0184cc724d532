package org.notifyoncamel.commands;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.camel.ProducerTemplate;
import org.notifyoncamel.callbacks.DeliveryStatusCallbacks;
import org.notifyoncamel.queues.QueueNames;
import org.notifyoncamel.queues.Queues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code replay-service-callbacks -f FILE -s SERVICE_ID}: for every client reference in the file (one a
 * line), the service's notifications with that reference get their current delivery status sent again:
 * the same encrypted send-delivery-status task the pipeline publishes, on service-callbacks. As in the
 * original, a reference that matches nothing aborts the run before anything is sent; unlike it, only the
 * given service's notifications are looked at, and every one sharing a reference is replayed.
 */
@Component
public class ReplayServiceCallbacksCommand implements NotifyCommand {

    static final List<CommandOptions.Option> OPTIONS = List.of(new CommandOptions.Option("-f", "file_name", true),
            new CommandOptions.Option("-s", "service_id", true));

    private final CallbackReplayStore store;
    private final DeliveryStatusCallbacks callbacks;
    private final ProducerTemplate producer;
    private final Queues queues;
    private final PrintStream out;
    private final PrintStream err;

    @Autowired
    public ReplayServiceCallbacksCommand(CallbackReplayStore store, DeliveryStatusCallbacks callbacks, ProducerTemplate producer, Queues queues) {
        this(store, callbacks, producer, queues, System.out, System.err);
    }

    ReplayServiceCallbacksCommand(CallbackReplayStore store, DeliveryStatusCallbacks callbacks, ProducerTemplate producer, Queues queues,
                                  PrintStream out, PrintStream err) {
        this.store = store;
        this.callbacks = callbacks;
        this.producer = producer;
        this.queues = queues;
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "replay-service-callbacks";
    }

    @Override
    public String help() {
        return """
                Usage: command replay-service-callbacks -f FILE -s SERVICE_ID
                  Sends the current delivery status of the service's notifications with the listed client references
                  to the service's delivery-status callback again (tasks on the service-callbacks queue).
                  -f, --file_name FILE     text file with one client reference per line (required)
                  -s, --service_id UUID    the service the notifications belong to (required)
                  --help                   show this message""";
    }

    @Override
    public int run(String[] options) {
        UUID serviceId;
        String file;
        try {
            CommandOptions parsed = CommandOptions.parse(options, OPTIONS);
            file = parsed.required("file_name", "-f");
            serviceId = OptionValues.serviceId(parsed.required("service_id", "-s"));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + help());
            return 2;
        }
        Set<String> references = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    references.add(line.strip());
                }
            }
        } catch (IOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        out.println("Start send service callbacks for service: " + serviceId);
        if (!store.hasDeliveryStatusCallback(serviceId)) {
            err.println("Callback api was not found for service: " + serviceId);
            return 1;
        }
        List<UUID> notifications = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String reference : references) {
            List<UUID> ids = store.notificationIds(serviceId, reference);
            if (ids.isEmpty()) {
                missing.add(reference);
            }
            notifications.addAll(ids);
        }
        if (!missing.isEmpty()) {
            missing.forEach(reference -> err.println("Reference: " + reference + " was not found in notifications."));
            err.println("Some notifications for the given references were not found; nothing was sent");
            return 1;
        }
        String endpoint = "aws2-sqs:" + queues.name(QueueNames.CALLBACKS);
        int sent = 0;
        for (UUID id : notifications) {
            var task = callbacks.deliveryStatusTask(id);
            if (task.isPresent()) {
                producer.sendBody(endpoint, task.get());
                sent++;
            }
        }
        out.println("Replay service status for service: " + serviceId + ". Sent " + sent + " notification status updates to the queue");
        return 0;
    }
}
