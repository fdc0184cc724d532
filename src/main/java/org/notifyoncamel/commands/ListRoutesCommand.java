package org.notifyoncamel.commands;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

import org.notifyoncamel.ops.RouteCatalogue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code list-routes [-r ROLE]}: prints every REST endpoint (method, path, REST route id and the
 * operation route behind it) and every consuming route (SQS queues, timers) of the route files,
 * for all roles or one.
 */
@Component
public class ListRoutesCommand implements NotifyCommand {

    static final List<CommandOptions.Option> OPTIONS = List.of(new CommandOptions.Option("-r", "role", true));

    private final RouteCatalogue catalogue;
    private final PrintStream out;
    private final PrintStream err;

    @Autowired
    public ListRoutesCommand(RouteCatalogue catalogue) {
        this(catalogue, System.out, System.err);
    }

    ListRoutesCommand(RouteCatalogue catalogue, PrintStream out, PrintStream err) {
        this.catalogue = catalogue;
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "list-routes";
    }

    @Override
    public String help() {
        return """
                Usage: command list-routes [-r ROLE]
                  Prints every HTTP endpoint (method, path, REST route id -> operation route) and every consuming
                  route (SQS queue consumers, scheduled jobs) declared by the route files.
                  -r, --role ROLE   only the route files of this role (a key of notify.roles, e.g. api); default all
                  --help            show this message""";
    }

    @Override
    public int run(String[] options) {
        RouteCatalogue.Catalogue routes;
        try {
            String role = CommandOptions.parse(options, OPTIONS).get("role").orElse("all");
            routes = catalogue.forRole(role);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + help());
            return 2;
        } catch (IOException e) {
            err.println("Cannot read the route files: " + e.getMessage());
            return 1;
        }
        out.println("HTTP routes (" + routes.http().size() + "):");
        for (RouteCatalogue.HttpRoute route : routes.http()) {
            out.printf("  %-7s %-70s %s -> %s%n", route.method(), route.path(), route.restRouteId(), route.operationRouteId());
        }
        out.println("Consuming routes (" + routes.consumers().size() + "):");
        for (RouteCatalogue.ConsumingRoute route : routes.consumers()) {
            out.printf("  %-50s %s%s%n", route.routeId(), route.from(), route.parameters().isEmpty() ? "" : " " + route.parameters());
        }
        return 0;
    }
}
