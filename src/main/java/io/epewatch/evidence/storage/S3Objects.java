package io.epewatch.evidence.storage;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Evidence objects in an S3-compatible bucket through the AWS SDK v2 (issue 22). A put returns once the store has
 * acknowledged it, which S3 stores give only for durable writes. Where the bucket has object lock enabled, each object
 * is locked until its retention ends (R2.2) and a legal hold is put on the object too, so not even someone with the
 * store's keys can delete held evidence; the catalogue's hold stays the authority either way.
 */
@Component
@ConditionalOnProperty(name = "epewatch.evidence.store", havingValue = "s3")
class S3Objects implements EvidenceObjects, AutoCloseable {

    static final String NAME = "s3";
    private static final Logger log = LoggerFactory.getLogger(S3Objects.class);

    private final S3Client s3;
    private final String bucket;
    private final boolean locking;
    private final ObjectLockMode lockMode;

    @Autowired
    S3Objects(S3Settings settings) {
        this(settings, client(settings));
    }

    S3Objects(S3Settings settings, S3Client s3) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalStateException("epewatch.evidence.store=s3 needs epewatch.evidence.s3.bucket");
        }
        this.bucket = settings.bucket();
        this.lockMode = ObjectLockMode.fromValue(settings.lockMode());
        if (lockMode == ObjectLockMode.UNKNOWN_TO_SDK_VERSION) {
            throw new IllegalStateException("epewatch.evidence.s3.lock-mode is " + settings.lockMode() + "; use GOVERNANCE or COMPLIANCE");
        }
        this.s3 = s3;
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (SdkException e) {
            throw new IllegalStateException("The evidence bucket " + bucket + " at " + settings.endpoint()
                    + " cannot be reached: " + e.getMessage(), e);
        }
        this.locking = settings.objectLock() != S3Settings.ObjectLock.OFF && lockEnabled();
        if (settings.objectLock() == S3Settings.ObjectLock.REQUIRED && !locking) {
            throw new IllegalStateException("epewatch.evidence.s3.object-lock=REQUIRED, but bucket " + bucket
                    + " has no object lock enabled (create it with object lock, or set AUTO)");
        }
        log.info("Evidence goes to bucket {} ({}); object lock {}", bucket, settings.endpoint(),
                locking ? "on, " + lockMode : "not available: retention and holds are kept by the catalogue only");
    }

    private static S3Client client(S3Settings settings) {
        var builder = S3Client.builder().region(Region.of(settings.region())).credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyle()).httpClient(UrlConnectionHttpClient.create());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        boolean keys = settings.accessKey() != null && !settings.accessKey().isBlank();
        return keys ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()))
                : DefaultCredentialsProvider.builder().build();
    }

    private boolean lockEnabled() {
        try {
            return s3.getObjectLockConfiguration(r -> r.bucket(bucket)).objectLockConfiguration().objectLockEnabled()
                    == ObjectLockEnabled.ENABLED;
        } catch (SdkException e) {
            // no configuration, or a store that does not implement object lock
            return false;
        }
    }

    boolean locking() {
        return locking;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void put(String key, byte[] content, String mediaType, Instant retainUntil) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(key).contentType(mediaType);
        if (locking) {
            request.objectLockMode(lockMode).objectLockRetainUntilDate(retainUntil);
        }
        s3.putObject(request.build(), RequestBody.fromBytes(content));
    }

    @Override
    public InputStream open(String key) {
        try {
            return s3.getObject(r -> r.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new UncheckedIOException(new FileNotFoundException("s3://" + bucket + "/" + key));
        }
    }

    @Override
    public void delete(String key) {
        try {
            s3.deleteObject(r -> r.bucket(bucket).key(key));
        } catch (SdkException e) {
            log.warn("Evidence object {} could not be deleted: {}", key, e.getMessage());
        }
    }

    @Override
    public void hold(String key, boolean held) {
        if (locking) {
            s3.putObjectLegalHold(r -> r.bucket(bucket).key(key).legalHold(h -> h.status(held
                    ? ObjectLockLegalHoldStatus.ON : ObjectLockLegalHoldStatus.OFF)));
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
