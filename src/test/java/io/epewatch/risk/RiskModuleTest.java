package io.epewatch.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.epewatch.gate.GateEventInput;
import io.epewatch.gate.GateEvents;
import io.epewatch.support.Fixtures;
import io.epewatch.support.ModuleTestProperties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

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

    @Test
    @DisplayName("R4.5 an undeclared container leaving publishes WarningRaised for a stored EXIT_WITHOUT_DECLARATION warning")
    void undeclaredExitRaisesAWarning(Scenario scenario) {
        Fixtures.Site site = fixtures.site();
        GateEventInput exit = new GateEventInput(site.taxCode(), "G1", "OUT", Instant.now().minusSeconds(30).toString(),
                "51C-123.45", List.of("TEMU2709541"));
        scenario.stimulate(() -> gateEvents.record(exit, null, "module-test"))
                .andWaitForEventOfType(WarningRaised.class)
                .matching(raised -> raised.enterpriseTaxCode().equals(site.taxCode()))
                .toArriveAndVerify(raised -> {
                    assertThat(raised.rule()).isEqualTo("EXIT_WITHOUT_DECLARATION");
                    assertThat(warnings.find(io.epewatch.identity.AccessScope.all(), raised.warningId()))
                            .as("the warning the event names is stored").isPresent();
                });
    }
}
