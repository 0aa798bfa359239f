package io.epewatch.camera;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The 24/7 health monitor ({@code epewatch.camera.monitor.*}).
 *
 * @param enabled      whether cameras are probed at all
 * @param interval     time between the end of one probe cycle and the start of the next
 * @param debounce     how long a new state must hold before it is recorded, so a flapping link does not flood anyone
 * @param probeTimeout the most one probe of one camera may take
 * @param concurrency  how many cameras are probed at once (virtual threads)
 */
@ConfigurationProperties("epewatch.camera.monitor")
public record CameraMonitorProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration interval,
                                      @DefaultValue("90s") Duration debounce, @DefaultValue("5s") Duration probeTimeout,
                                      @DefaultValue("200") int concurrency) {
}
