package org.notifyoncamel.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;

/**
 * Renders {@code manifest.yml.j2} for one Cloud Foundry app and environment:
 * {@code java -cp notify-on-camel.jar ... generate-manifest CF_APP ENVIRONMENT [TEMPLATE]}
 * (or {@code make generate-manifest CF_APP=... ENVIRONMENT=...}). Needs no database.
 */
public final class ManifestRenderer {

    public static final List<String> ENVIRONMENTS = List.of("preview", "staging", "production");

    private ManifestRenderer() {
    }

    public static String render(String template, String cfApp, String environment) {
        if (!ENVIRONMENTS.contains(environment)) {
            throw new IllegalArgumentException("ENVIRONMENT must be one of " + ENVIRONMENTS + ", not " + environment);
        }
        Jinjava jinjava = new Jinjava(JinjavaConfig.newBuilder().withFailOnUnknownTokens(true).build());
        RenderResult result = jinjava.renderForResult(template, Map.of("CF_APP", cfApp, "environment", environment));
        if (result.hasErrors()) {
            throw new IllegalArgumentException("Cannot render the manifest for " + cfApp + " in " + environment + ": "
                    + result.getErrors().get(0).getMessage());
        }
        return result.getOutput();
    }

    public static int main(String[] args) {
        if (args.length < 2 || args[0].equals("--help")) {
            System.out.println("Usage: generate-manifest CF_APP ENVIRONMENT [path/to/manifest.yml.j2]");
            return args.length < 2 ? 2 : 0;
        }
        Path template = Path.of(args.length > 2 ? args[2] : "manifest.yml.j2");
        try {
            System.out.print(render(Files.readString(template, StandardCharsets.UTF_8), args[0], args[1]));
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
