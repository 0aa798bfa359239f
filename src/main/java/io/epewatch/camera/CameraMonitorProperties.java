package io.epewatch.camera;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The 24/7 health monitor and the connectors ({@code epewatch.camera.monitor.*}).
 *
 * @param enabled         whether cameras are probed at all
 * @param interval        time between the end of one probe cycle and the start of the next
 * @param debounce        how long a new state must hold before it is recorded, so a flapping link does not flood anyone
 * @param probeTimeout    the most one network step of one probe may take
 * @param concurrency     how many cameras are probed at once (virtual threads)
 * @param clockSkewLimit  a camera clock further off than this is DEGRADED: its footage times cannot be trusted as evidence
 * @param rtspWindow      how long an RTSP probe decodes, to measure frame rate
 * @param rtspTransport   the default for cameras that name none: TCP (interleaved, passes firewalls), UDP, or AUTO (TCP, then UDP)
 * @param rtspDecoders    how many RTSP streams are decoded at once (platform threads: FFmpeg is native code)
 * @param rediscoverAfter how long an ONVIF camera's profiles and URIs are trusted before they are read again
 * @param frozenAfter     how long a picture must stay the same before it counts as frozen (an empty gate at night is
 *                        still for a while; a hung encoder stays so)
 * @param degradedConfirmation how long a DEGRADED verdict must hold before it is recorded: it opens a legal incident
 *                        (R2.3), so a picture problem is confirmed longer than a camera that does not answer at all
 * @param probeBudget     a probe that took longer than this was starved here (CPU, pauses), not slowed by the camera,
 *                        and is not counted for or against it
 */
@ConfigurationProperties("epewatch.camera.monitor")
public record CameraMonitorProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration interval,
                                      @DefaultValue("90s") Duration debounce, @DefaultValue("5s") Duration probeTimeout,
                                      @DefaultValue("200") int concurrency, @DefaultValue("10s") Duration clockSkewLimit,
                                      @DefaultValue("2s") Duration rtspWindow, @DefaultValue("AUTO") String rtspTransport,
                                      @DefaultValue("4") int rtspDecoders, @DefaultValue("10m") Duration rediscoverAfter,
                                      @DefaultValue("2m") Duration frozenAfter, @DefaultValue("5m") Duration degradedConfirmation,
                                      @DefaultValue("20s") Duration probeBudget) {
}
