package org.notifyoncamel.support;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.FileSystemResource;

/** The base (profile-less) document of application.yml as flat properties, for tests of the settings themselves. */
public final class ApplicationYaml {

    private ApplicationYaml() {
    }

    public static Map<String, String> baseProperties() {
        try {
            EnumerablePropertySource<?> base = (EnumerablePropertySource<?>) new YamlPropertySourceLoader()
                    .load("application.yml", new FileSystemResource("src/main/resources/application.yml")).get(0);
            Map<String, String> properties = new TreeMap<>();
            for (String name : base.getPropertyNames()) {
                properties.put(name, String.valueOf(base.getProperty(name)));
            }
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
