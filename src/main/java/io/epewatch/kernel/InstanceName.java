package io.epewatch.kernel;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * This instance's name among those sharing a database (issue 22): the configured {@code epewatch.cluster.instance-id},
 * else the host name and a short hash of the data directory — stable across restarts, so an instance restarted after
 * a crash (on whatever port) takes its partitions back at once instead of waiting for its old leases to expire, and
 * different for every instance, since each has a data directory of its own.
 */
public final class InstanceName {

    private InstanceName() {
    }

    public static String of(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        CRC32 crc = new CRC32();
        crc.update(dataDir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
        return host() + "-" + String.format("%08x", crc.getValue());
    }

    public static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
