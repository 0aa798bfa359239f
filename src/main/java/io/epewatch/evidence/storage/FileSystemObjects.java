package io.epewatch.evidence.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import io.epewatch.kernel.DataDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Evidence files under {@code ${epewatch.data-dir}/evidence/}: written to a temporary file, forced to disk and moved
 * into place, so a crash never leaves a half-written item and an acknowledged one is on disk. Retention and holds are
 * the catalogue's; a filesystem cannot lock a file against its own administrator.
 */
@Component
class FileSystemObjects implements EvidenceObjects {

    static final String NAME = "filesystem";
    private static final Logger log = LoggerFactory.getLogger(FileSystemObjects.class);

    private final Path root;

    FileSystemObjects(DataDir dataDir) {
        this.root = dataDir.resolve("evidence");
    }

    Path root() {
        return root;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void put(String key, byte[] content, String mediaType, Instant retainUntil) {
        Path file = root.resolve(key);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".part");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("evidence could not be written to " + file, e);
        }
    }

    @Override
    public InputStream open(String key) {
        try {
            return Files.newInputStream(root.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(root.resolve(key));
        } catch (IOException e) {
            log.warn("Evidence file {} could not be deleted: {}", key, e.getMessage());
        }
    }

    @Override
    public void hold(String key, boolean held) {
        // the catalogue's legal_hold is the hold here
    }
}
