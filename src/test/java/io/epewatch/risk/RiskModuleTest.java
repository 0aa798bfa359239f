package io.epewatch.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.epewatch.gate.GateEventInput;
import io.epewatch.gate.GateEvents;
import io.epewatch.support.Fixtures;
import io.epewatch.support.ModuleTestProperties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The risk module with only what it depends on (registry, gate, declaration, cargo, tracking, camera, identity): a
 * source module's event in, a warning and its {@link WarningRaised} out, heard by a module listener (R4.5).
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ModuleTestProperties
@org.springframework.test.context.TestPropertySource(properties = "epewatch.data-dir=target/module-test-data/risk")
class RiskModuleTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    GateEvents gateEvents;
    @Autowired
    Warnings warnings;
    @Autowired
    ModuleListener listener;

    @Test
    @DisplayName("R4.5 an undeclared container leaving publishes WarningRaised for a stored EXIT_WITHOUT_DECLARATION warning")
    void undeclaredExitRaisesAWarning(Scenario scenario) {
        Fixtures.Site site = fixtures.site();
        GateEventInput exit = new GateEventInput(site.taxCode(), "G1", "OUT", Instant.now().minusSeconds(30).toString(),
                "51C-123.45", List.of("TEMU2709541"));
        // the engine's reader publishes from its own thread, which Scenario's event capture does not follow: a
        // module listener hears it, as any other module would
        scenario.stimulate(() -> gateEvents.record(exit, null, "module-test"))
                .andWaitForStateChange(() -> listener.heard().stream()
                        .filter(raised -> raised.enterpriseTaxCode().equals(site.taxCode())).findFirst(), Optional::isPresent)
                .andVerify(heard -> {
                    WarningRaised raised = heard.orElseThrow();
                    assertThat(raised.rule()).isEqualTo("EXIT_WITHOUT_DECLARATION");
                    assertThat(warnings.find(io.epewatch.identity.AccessScope.all(), raised.warningId()))
                            .as("the warning the event names is stored").isPresent();
                });
    }

    /** A module's listener: hears a warning once the transaction that stored it committed. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ModuleListener {

        private final List<WarningRaised> heard = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void on(WarningRaised raised) {
            heard.add(raised);
        }

        /** Through a method: the listener is proxied (its event publications are registered). */
        List<WarningRaised> heard() {
            return heard;
        }
    }
}
