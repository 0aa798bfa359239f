package io.epewatch.evidence.storage;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * S3-compatible evidence storage ({@code epewatch.evidence.s3.*}, used when {@code epewatch.evidence.store=s3}).
 *
 * @param endpoint   the store's address (MinIO, Ceph RGW, s3proxy, a cloud's); empty for AWS itself
 * @param region     the signing region; most compatible stores accept any
 * @param bucket     an existing bucket; create it with object lock enabled to have the store itself refuse early deletes
 * @param accessKey  with {@code secretKey}; both empty to take the SDK's default chain (environment, web identity)
 * @param pathStyle  {@code bucket} in the path rather than the host name, as most on-premises stores want
 * @param objectLock whether retention and legal holds are mirrored on the objects: {@code AUTO} when the bucket has
 *                   object lock enabled, {@code REQUIRED} stops start-up when it has not, {@code OFF} never
 * @param lockMode   {@code GOVERNANCE} (an administrator with the bypass permission may still delete) or
 *                   {@code COMPLIANCE} (nobody may delete before the retention ends, R2.2)
 */
@ConfigurationProperties("epewatch.evidence.s3")
record S3Settings(URI endpoint, @DefaultValue("us-east-1") String region, String bucket, String accessKey,
                  String secretKey, @DefaultValue("true") boolean pathStyle, @DefaultValue("AUTO") ObjectLock objectLock,
                  @DefaultValue("COMPLIANCE") String lockMode) {

    enum ObjectLock { AUTO, REQUIRED, OFF }

    /** Never prints the secret key. */
    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", pathStyle=" + pathStyle
                + ", objectLock=" + objectLock + ", lockMode=" + lockMode + "]";
    }
}
