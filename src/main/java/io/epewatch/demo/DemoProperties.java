package io.epewatch.demo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param integrationToken   the bearer token the demo integration uses ({@code EPEWATCH_DEMO_INTEGRATION_TOKEN})
 * @param gateEventInterval  how often the generator posts a gate passage (when gate recognition does not watch)
 * @param generateTraffic    whether the generator runs at all
 * @param cameraBasePort     first of the fixed ports of the simulated cameras (two each); 0 for any free ports
 * @param cameraFaults       whether the simulated cameras break now and then, following the demo's fault plan
 */
@ConfigurationProperties("epewatch.demo")
record DemoProperties(@DefaultValue("epw_demo_integration_token") String integrationToken,
                      @DefaultValue("60s") Duration gateEventInterval,
                      @DefaultValue("true") boolean generateTraffic,
                      @DefaultValue("18550") int cameraBasePort,
                      @DefaultValue("true") boolean cameraFaults) {
}
