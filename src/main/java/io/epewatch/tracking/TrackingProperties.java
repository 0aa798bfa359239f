package io.epewatch.tracking;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * GPS and trips ({@code epewatch.tracking.*}).
 *
 * @param truckSpeedKmh the average speed a trip's expected time assumes
 * @param roadFactor    road distance over straight-line distance
 * @param allowance     added to every trip's expected time (loading, traffic, checks)
 * @param maxFixAge     positions older than this are refused (a tracker replaying a week-old memory)
 * @param maxBatch      positions per request
 */
@ConfigurationProperties("epewatch.tracking")
public record TrackingProperties(@DefaultValue("40") double truckSpeedKmh, @DefaultValue("1.3") double roadFactor,
                                 @DefaultValue("PT30M") Duration allowance, @DefaultValue("P7D") Duration maxFixAge,
                                 @DefaultValue("10000") int maxBatch) {
}
