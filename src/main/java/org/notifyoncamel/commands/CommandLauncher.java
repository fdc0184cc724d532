package org.notifyoncamel.commands;

import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar notify-on-camel.jar command NAME [options]}: starts the application without HTTP
 * server or routes, runs one {@link NotifyCommand} bean, and exits with its status.
 */
public final class CommandLauncher {

    private CommandLauncher() {
    }

    public static int run(String[] args) {
        if (args.length < 2 || args[1].equals("--help") || args[1].equals("-h")) {
            System.out.println("Usage: java -jar notify-on-camel.jar command NAME [options]   (NAME --help for its options)");
            return args.length < 2 ? 2 : 0;
        }
        String name = args[1];
        String[] options = Arrays.copyOfRange(args, 2, args.length);
        SpringApplication app = new SpringApplication(org.notifyoncamel.NotifyApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        // a command runs no routes and serves no HTTP, whatever NOTIFY_APP_NAME says
        System.setProperty("notify.app-name", "command");
        System.setProperty("camel.main.routes-collector-enabled", "false");
        // nor starts its own embedded SQS (in development it uses the one `make run` serves) or creates queues
        System.setProperty("notify.sqs.embedded", "false");
        System.setProperty("notify.sqs.create-queues", "false");
        System.setProperty("notify.metrics.queue-depth-interval-seconds", "0");
        if (System.getenv("SQS_ENDPOINT") == null) {
            String port = System.getenv().getOrDefault("NOTIFY_SQS_EMBEDDED_PORT", "9324");
            System.setProperty("notify.sqs.endpoint", "http://127.0.0.1:" + port);
        }
        // the command's own output is what the operator reads: start-up chatter only from warnings up
        // (LOGGING_LEVEL_ROOT=INFO brings it back)
        app.setDefaultProperties(Map.of("spring.main.log-startup-info", "false", "logging.level.root", "WARN",
                "logging.level.org.apache.camel.spring.boot", "ERROR"));
        ConfigurableApplicationContext started;
        try {
            started = app.run();
        } catch (RuntimeException e) {
            // Spring has logged why; the exit status says it (the caller exits the JVM)
            return 1;
        }
        try (ConfigurableApplicationContext context = started) {
            Map<String, NotifyCommand> commands = context.getBeansOfType(NotifyCommand.class);
            NotifyCommand command = commands.values().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
            if (command == null) {
                System.err.println("Unknown command " + name + ". Commands: "
                        + commands.values().stream().map(NotifyCommand::name).sorted().toList());
                return 2;
            }
            if (Arrays.asList(options).contains("--help") || Arrays.asList(options).contains("-h")) {
                System.out.println(command.help());
                return 0;
            }
            return command.run(options);
        }
    }
}
