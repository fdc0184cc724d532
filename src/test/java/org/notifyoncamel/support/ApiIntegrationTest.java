package org.notifyoncamel.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

/**
 * {@link IntegrationTest} plus the public API's test settings ({@link ApiTestContext}): links built
 * from the port the server got, a fake document-download service and one high-volume service.
 * Every class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@ContextConfiguration(initializers = ApiTestContext.class)
public @interface ApiIntegrationTest {
}
