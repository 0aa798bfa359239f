package io.epewatch.evidence.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

import io.epewatch.evidence.EvidenceItem;
import io.epewatch.evidence.EvidenceLink;
import io.epewatch.evidence.EvidenceProperties;
import io.epewatch.evidence.NewEvidence;
import io.epewatch.kernel.Sha256;
import io.epewatch.support.IntegrationTest;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Issue 22: evidence on an S3-compatible store — a real one, s3proxy on its own filesystem, spoken to over HTTP with
 * AWS signatures — catalogued in the same PostgreSQL as ever (R2.2: hash, retention, holds).
 */
@IntegrationTest
class S3EvidenceStoreTest {

    private static final String ACCESS_KEY = "epewatch-test";
    private static final String SECRET_KEY = "s3proxy-secret-do-not-log";
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 9, 8, 7, (byte) 0xFF, (byte) 0xD9};

    private static S3Proxy server;
    private static URI endpoint;
    private static S3Client admin;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    FileSystemObjects files;
    @Autowired
    Clock clock;

    private String bucket;
    private S3Objects objects;
    private CatalogedEvidenceStore store;

    @BeforeAll
    static void startS3() throws Exception {
        Path root = Files.createTempDirectory("epewatch-s3");
        Properties properties = new Properties();
        properties.setProperty("s3proxy.filesystem-nio2.basedir", root.toString());
        properties.setProperty("jclouds.filesystem.basedir", root.toString());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        endpoint = URI.create("http://127.0.0.1:" + port);
        server = S3Proxy.builder().blobStore(BlobStores.create("filesystem-nio2", properties)).endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        server.start();
        while (!"STARTED".equals(server.getState())) {
            Thread.sleep(20);
        }
        admin = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY))).build();
    }

    @AfterAll
    static void stopS3() throws Exception {
        admin.close();
        server.stop();
    }

    @BeforeEach
    void bucket() {
        bucket = "evidence-" + Long.toHexString(System.nanoTime());
        admin.createBucket(b -> b.bucket(bucket));
        objects = new S3Objects(settings(bucket, S3Settings.ObjectLock.AUTO));
        store = storeWith(clock);
    }

    private static S3Settings settings(String bucket, S3Settings.ObjectLock lock) {
        return new S3Settings(endpoint, "us-east-1", bucket, ACCESS_KEY, SECRET_KEY, true, lock, "COMPLIANCE");
    }

    private CatalogedEvidenceStore storeWith(Clock clock) {
        return new CatalogedEvidenceStore(jdbc, List.of(files, objects), twelveMonths(), clock, "s3");
    }

    private static EvidenceProperties twelveMonths() {
        return new EvidenceProperties(Period.ofMonths(12), DataSize.ofMegabytes(1));
    }

    private EvidenceItem snapshot(CatalogedEvidenceStore store, String camera, EvidenceLink... links) {
        return store.store(new NewEvidence(JPEG, "image/jpeg", "0312345678", camera, Instant.now()), List.of(links));
    }

    private List<String> keys() {
        return admin.listObjectsV2(r -> r.bucket(bucket)).contents().stream().map(S3Object::key).toList();
    }

    @Test
    @DisplayName("R2.2 evidence put in the bucket keeps its hash, reads back whole, and a changed object is found out")
    void evidenceLivesInTheBucket() throws Exception {
        EvidenceItem item = snapshot(store, "C11", new EvidenceLink(EvidenceLink.Kind.GATE_EVENT, "s3-1"));

        assertThat(item.sha256()).isEqualTo(Sha256.hex(JPEG));
        assertThat(keys()).singleElement().asString().endsWith(item.id() + ".jpg");
        assertThat(jdbc.sql("select backend from evidence_item where id = ?").param(item.id()).query(String.class).single())
                .isEqualTo("s3");
        try (var in = store.open(item.id()).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(JPEG);
        }
        assertThat(store.intact(item.id())).isTrue();

        byte[] tampered = JPEG.clone();
        tampered[4] ^= 1;
        admin.putObject(r -> r.bucket(bucket).key(keys().getFirst()), RequestBody.fromBytes(tampered));
        assertThat(store.intact(item.id())).isFalse();

        admin.deleteObject(r -> r.bucket(bucket).key(keys().getFirst()));
        assertThat(store.intact(item.id())).as("bytes gone from the bucket").isFalse();
    }

    @Test
    @DisplayName("R2.2 the purge deletes expired objects from the bucket and keeps held and case-linked ones")
    void purgeDeletesFromTheBucket() {
        EvidenceItem plain = snapshot(store, "C12");
        EvidenceItem held = snapshot(store, "C13");
        store.hold(held.id(), "Vụ việc 22/2026");
        EvidenceItem inCase = snapshot(store, "C14", new EvidenceLink(EvidenceLink.Kind.CASE, "case-s3"));
        Clock thirteenMonthsOn = Clock.fixed(Instant.now().atZone(ZoneOffset.UTC).plusMonths(13).toInstant(), ZoneOffset.UTC);
        CatalogedEvidenceStore later = storeWith(thirteenMonthsOn);

        new EvidenceRetention(jdbc, later, twelveMonths(), thirteenMonthsOn).purgeExpired();

        assertThat(later.find(plain.id())).isEmpty();
        assertThat(keys()).as("held and case-linked objects stay in the bucket").hasSize(2)
                .noneMatch(key -> key.contains(plain.id().toString()));
        assertThat(later.open(held.id())).isPresent();
        assertThat(later.find(inCase.id())).isPresent();
    }

    @Test
    @DisplayName("evidence stored on disk before the switch to S3 stays readable and purgeable")
    void itemsFromBeforeTheSwitchStayReadable() throws Exception {
        CatalogedEvidenceStore before = new CatalogedEvidenceStore(jdbc, List.of(files, objects), twelveMonths(), clock, "filesystem");
        EvidenceItem onDisk = snapshot(before, "C15");
        EvidenceItem inBucket = snapshot(store, "C16");

        try (var in = store.open(onDisk.id()).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(JPEG);
        }
        assertThat(store.intact(onDisk.id())).isTrue();
        assertThat(keys()).singleElement().asString().contains(inBucket.id().toString());
        try (var walk = Files.walk(files.root())) {
            assertThat(walk.anyMatch(p -> p.getFileName().toString().startsWith(onDisk.id().toString()))).isTrue();
        }
    }

    @Test
    @DisplayName("a store without object lock: AUTO keeps retention and holds in the catalogue, REQUIRED refuses to start")
    void objectLockWhereTheStoreHasIt() {
        assertThat(objects.locking()).as("s3proxy implements no object lock").isFalse();
        assertThatThrownBy(() -> new S3Objects(settings(bucket, S3Settings.ObjectLock.REQUIRED)))
                .hasMessageContaining("object-lock=REQUIRED").hasMessageContaining(bucket);
    }

    @Test
    @DisplayName("a missing bucket or a wrong key stops start-up naming the bucket, never the secret")
    void misconfigurationIsNamed() {
        assertThatThrownBy(() -> new S3Objects(settings("no-such-bucket", S3Settings.ObjectLock.AUTO)))
                .hasMessageContaining("no-such-bucket").hasMessageNotContaining(SECRET_KEY);
        S3Settings wrongKey = new S3Settings(endpoint, "us-east-1", bucket, ACCESS_KEY, "wrong", true, S3Settings.ObjectLock.AUTO, "COMPLIANCE");
        assertThatThrownBy(() -> new S3Objects(wrongKey)).hasMessageContaining(bucket).hasMessageNotContaining("wrong");
        assertThat(settings(bucket, S3Settings.ObjectLock.AUTO).toString()).doesNotContain(SECRET_KEY);
        assertThatThrownBy(() -> new S3Objects(new S3Settings(endpoint, "us-east-1", " ", null, null, true, S3Settings.ObjectLock.AUTO, "COMPLIANCE")))
                .hasMessageContaining("epewatch.evidence.s3.bucket");
        assertThatThrownBy(() -> new S3Objects(new S3Settings(endpoint, "us-east-1", bucket, ACCESS_KEY, SECRET_KEY, true, S3Settings.ObjectLock.AUTO, "FOREVER")))
                .hasMessageContaining("lock-mode");
    }
}
