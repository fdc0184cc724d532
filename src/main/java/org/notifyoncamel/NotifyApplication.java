package org.notifyoncamel;

import org.notifyoncamel.commands.CommandLauncher;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One artifact, many roles. {@code NOTIFY_APP_NAME} picks the role (which route files load);
 * {@code java -jar notify-on-camel.jar command NAME ...} runs a one-off command instead.
 */
@SpringBootApplication
public class NotifyApplication {

    public static void main(String[] args) {
        // the database keeps UTC in timestamp columns; the JVM's zone must never shift them
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
        if (args.length > 0 && "generate-manifest".equals(args[0])) {
            System.exit(org.notifyoncamel.ops.ManifestRenderer.main(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && "command".equals(args[0])) {
            System.exit(CommandLauncher.run(args));
        }
        SpringApplication.run(NotifyApplication.class, args);
    }
}
