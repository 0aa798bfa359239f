package io.epewatch.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Settings for an {@code @ApplicationModuleTest}: the module and what it depends on, started on their own against a
 * fresh embedded PostgreSQL, with the background jobs the tests drive themselves switched off. Each such test names a
 * data directory of its own ({@code @TestPropertySource(properties = "epewatch.data-dir=target/module-test-data/NAME")}):
 * its context stays cached beside the shared integration context and the other modules', each holding its database.
 * Such a test starts another application context, so it is tagged {@code extra-start}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = {
        "epewatch.db.fresh=true",
        "epewatch.audit.checkpoint-file=${epewatch.data-dir}/audit-checkpoints-${random.uuid}.log",
        "logging.file.name=${epewatch.data-dir}/logs/epewatch.log",
        "epewatch.camera.monitor.enabled=false",
        "epewatch.recognition.watch.enabled=false",
        "epewatch.risk.tick-every=PT1S"})
@Import(Fixtures.class)
@Tag("extra-start")
public @interface ModuleTestProperties {
}
