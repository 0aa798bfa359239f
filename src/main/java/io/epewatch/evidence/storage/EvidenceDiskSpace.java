package io.epewatch.evidence.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.epewatch.evidence.EvidenceProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The disk-space alarm of the evidence store: DOWN in {@code /actuator/health} when free space falls below
 * {@code epewatch.evidence.min-free-space}. Held and young evidence is never deleted to make room (R2.2).
 */
@Component("evidenceStorage")
class EvidenceDiskSpace implements HealthIndicator {

    private final FileSystemObjects store;
    private final EvidenceProperties properties;

    EvidenceDiskSpace(FileSystemObjects store, EvidenceProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @Override
    public Health health() {
        Path root = store.root();
        try {
            Files.createDirectories(root);
            long free = Files.getFileStore(root).getUsableSpace();
            Health.Builder health = free < properties.minFreeSpace().toBytes()
                    ? Health.down().withDetail("alarm", "evidence storage below the minimum free space; add storage, nothing held will be deleted")
                    : Health.up();
            return health.withDetail("freeBytes", free).withDetail("minFreeBytes", properties.minFreeSpace().toBytes()).build();
        } catch (IOException e) {
            return Health.down(e).build();
        }
    }
}
