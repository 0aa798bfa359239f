package io.epewatch.camera.connector;

import java.time.Clock;

import io.epewatch.camera.CameraMonitorProperties;
import io.epewatch.registry.CameraAddressGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ConnectorConfiguration {

    @Bean
    CameraConnectors cameraConnectors(CameraMonitorProperties properties, CameraAddressGuard guard, Clock clock) {
        return new CameraConnectors(properties, guard::refusalAtConnect, clock);
    }
}
