package io.epewatch.cluster;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Which partition a key (an enterprise's tax code) falls in: CRC-32 of its UTF-8 bytes modulo the count, the same on
 * every instance and in every version, since the fact log and the leases are kept by partition.
 */
public final class Partitioning {

    private Partitioning() {
    }

    public static int of(String key, int partitions) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % partitions);
    }
}
