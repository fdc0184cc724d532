package org.notifyoncamel.recipients;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One phone-number validator (and one copy of the billing rates) for the whole application. */
@Configuration(proxyBeanMethods = false)
public class RecipientsConfiguration {

    @Bean
    PhoneNumbers phoneNumbers() {
        return new PhoneNumbers(InternationalBillingRates.loadDefault());
    }
}
