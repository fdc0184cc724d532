package org.notifyoncamel.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link IntegrationTest} plus the public API's test settings ({@link ApiTestContext}): links built
 * from the port the server got, a fake document-download service and one high-volume service.
 * Every class with this annotation shares one application context, running the {@code api} role as
 * production's API instances do: no queue consumers, so what the tests see queued stays queued.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@ContextConfiguration(initializers = ApiTestContext.class)
@TestPropertySource(properties = "notify.app-name=api")
public @interface ApiIntegrationTest {
}
