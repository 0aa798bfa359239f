package io.epewatch.evidence.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.PutObjectLegalHoldRequest;
import software.amazon.awssdk.services.s3.model.PutObjectLegalHoldResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * R2.2 on a store with object lock: what {@link S3Objects} asks of the bucket (s3proxy has no object lock, so the
 * requests are recorded by a stand-in client here; everything else is tested against s3proxy).
 */
class S3ObjectLockTest {

    private final List<Object> requests = new ArrayList<>();

    private S3Client lockingBucket(boolean enabled) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (args != null && args[0] instanceof java.util.function.Consumer<?>) {
                // the SDK's builder shorthands build the request and call the method that takes it
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            return switch (method.getName()) {
                case "headBucket" -> HeadBucketResponse.builder().build();
                case "getObjectLockConfiguration" -> GetObjectLockConfigurationResponse.builder()
                        .objectLockConfiguration(c -> c.objectLockEnabled(enabled ? ObjectLockEnabled.ENABLED : null)).build();
                case "putObject" -> {
                    requests.add(args[0]);
                    yield PutObjectResponse.builder().build();
                }
                case "putObjectLegalHold" -> {
                    requests.add(args[0]);
                    yield PutObjectLegalHoldResponse.builder().build();
                }
                case "close" -> null;
                default -> throw new UnsupportedOperationException(method.getName());
            };
        };
        return (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[]{S3Client.class}, handler);
    }

    private static S3Settings settings(S3Settings.ObjectLock lock, String mode) {
        return new S3Settings(URI.create("http://127.0.0.1:1"), "us-east-1", "evidence", "k", "s", true, lock, mode);
    }

    @Test
    @DisplayName("R2.2 each object is locked until its retention ends, and a legal hold is put on and taken off the object")
    void retentionAndHoldsBecomeObjectLocks() {
        S3Objects objects = new S3Objects(settings(S3Settings.ObjectLock.AUTO, "COMPLIANCE"), lockingBucket(true));
        Instant retainUntil = Instant.parse("2027-12-05T03:00:00Z");

        objects.put("2026/12/05/a.jpg", new byte[]{1}, "image/jpeg", retainUntil);
        objects.hold("2026/12/05/a.jpg", true);
        objects.hold("2026/12/05/a.jpg", false);

        assertThat(objects.locking()).isTrue();
        PutObjectRequest put = (PutObjectRequest) requests.get(0);
        assertThat(put.objectLockMode()).isEqualTo(ObjectLockMode.COMPLIANCE);
        assertThat(put.objectLockRetainUntilDate()).isEqualTo(retainUntil);
        assertThat(put.contentType()).isEqualTo("image/jpeg");
        assertThat(requests.subList(1, 3)).map(r -> ((PutObjectLegalHoldRequest) r).legalHold().status())
                .containsExactly(ObjectLockLegalHoldStatus.ON, ObjectLockLegalHoldStatus.OFF);
    }

    @Test
    @DisplayName("a bucket without object lock, or OFF, gets plain objects and no hold requests")
    void plainObjectsWithoutLock() {
        for (S3Objects objects : List.of(new S3Objects(settings(S3Settings.ObjectLock.AUTO, "GOVERNANCE"), lockingBucket(false)),
                new S3Objects(settings(S3Settings.ObjectLock.OFF, "GOVERNANCE"), lockingBucket(true)))) {
            requests.clear();
            objects.put("k.jpg", new byte[]{1}, "image/jpeg", Instant.parse("2027-12-05T03:00:00Z"));
            objects.hold("k.jpg", true);
            assertThat(requests).singleElement().satisfies(r -> assertThat(((PutObjectRequest) r).objectLockMode()).isNull());
        }
    }
}
