package org.notifyoncamel.precompiled;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The precompiled-letter validator, at the configured rasterising resolution (ADR 0120). */
@Configuration(proxyBeanMethods = false)
public class PrecompiledConfiguration {

    @Bean
    PrecompiledLetterValidator precompiledLetterValidator(@Value("${notify.letters.precompiled.dpi}") float dpi) {
        return new PrecompiledLetterValidator(dpi);
    }
}
