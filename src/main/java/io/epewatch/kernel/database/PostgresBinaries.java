package io.epewatch.kernel.database;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import io.epewatch.kernel.Sha256;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL programs shipped inside the zonky binaries jar (from Maven Central), unpacked once per version into
 * {@code ${java.io.tmpdir}/epewatch-pg/PG-<digest>}. Unpacking goes to a fresh folder that is renamed into place, so
 * two processes starting at once, or a crash half-way, never leave a half-unpacked installation in use.
 */
final class PostgresBinaries {

    private PostgresBinaries() {
    }

    /** The folder holding {@code bin/postgres}, {@code bin/initdb} and their libraries. */
    static Path installed() throws IOException {
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", architecture())) {
            archive = in.readAllBytes();
        }
        String digest = Sha256.hex(archive).substring(0, 16);
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "epewatch-pg");
        Path home = root.resolve("PG-" + digest);
        if (Files.isExecutable(home.resolve("bin/postgres")) && Files.exists(home.resolve(".complete"))) {
            return home;
        }
        Files.createDirectories(root);
        Path unpacking = root.resolve("unpacking-" + UUID.randomUUID());
        unpack(archive, unpacking);
        Files.createFile(unpacking.resolve(".complete"));
        try {
            Files.move(unpacking, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
            // another process won the race (or left a broken copy, which we replace)
            if (!Files.exists(home.resolve(".complete"))) {
                DataDirectories.deleteRecursively(home);
                Files.move(unpacking, home, StandardCopyOption.ATOMIC_MOVE);
            } else {
                DataDirectories.deleteRecursively(unpacking);
            }
        }
        return home;
    }

    private static void unpack(byte[] archive, Path target) throws IOException {
        Files.createDirectories(target);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("PostgreSQL archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createLink(path, target.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    boolean executable = (entry.getMode() & 0100) != 0 || entry.getName().replaceFirst("^\\./", "").startsWith("bin/");
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }
}
