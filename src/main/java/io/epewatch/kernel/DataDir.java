package io.epewatch.kernel;

import java.nio.file.Path;

/**
 * The root of everything EPE Watch writes ({@code epewatch.data-dir}, {@code EPEWATCH_DATA_DIR}): the embedded
 * database, evidence, keys, logs. One bean, so no module guesses the default on its own.
 */
public record DataDir(Path root) {

    public DataDir {
        root = root.toAbsolutePath().normalize();
    }

    public Path resolve(String child) {
        return root.resolve(child);
    }
}
