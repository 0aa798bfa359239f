package io.epewatch.risk.live;

import io.epewatch.risk.engine.FactCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class RiskConfiguration {

    @Bean
    FactCodec factCodec(JsonMapper json) {
        return new FactCodec(json);
    }
}
