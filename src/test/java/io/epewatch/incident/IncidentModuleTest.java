package io.epewatch.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.epewatch.camera.CameraState;
import io.epewatch.camera.CameraStateChanged;
import io.epewatch.identity.AccessScope;
import io.epewatch.registry.SiteDiagram;
import io.epewatch.support.Fixtures;
import io.epewatch.support.ModuleTestProperties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/**
 * The incident module with only what it depends on (calendar, camera, gate, registry, identity): the health
 * monitor's state changes in, incidents out (R2.3, R2.4).
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ModuleTestProperties
@org.springframework.test.context.TestPropertySource(properties = "epewatch.data-dir=target/module-test-data/incident")
class IncidentModuleTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    SiteDiagram diagram;
    @Autowired
    Incidents incidents;

    @Test
    @DisplayName("R2.3 a camera seen offline opens an EQUIPMENT incident due in 10 working days; back online, it closes itself")
    void monitorOpensAndClosesAnIncident(Scenario scenario) {
        Fixtures.Site site = fixtures.site();
        long camera = diagram.findCamera(site.taxCode(), "G1").orElseThrow().id();
        Instant down = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        var heard = new java.util.concurrent.atomic.AtomicReference<IncidentOpened>();
        scenario.publish(new CameraStateChanged(camera, site.taxCode(), "G1", CameraState.ONLINE,
                        CameraState.OFFLINE, down, "no answer", IncidentKind.EQUIPMENT.name()))
                .andWaitForEventOfType(IncidentOpened.class)
                .matching(e -> e.enterpriseTaxCode().equals(site.taxCode()))
                .toArriveAndVerify(heard::set);
        IncidentOpened opened = heard.get();
        Incident incident = incidents.find(AccessScope.all(), opened.incidentId()).orElseThrow();
        assertThat(incident.kind()).isEqualTo(IncidentKind.EQUIPMENT);
        assertThat(incident.origin()).isEqualTo(Incident.Origin.MONITOR);
        assertThat(incident.deadline()).isEqualTo(incidents.timeline().deadline(IncidentKind.EQUIPMENT, down));
        assertThat(incident.cameras()).extracting(Incident.AffectedCamera::number).containsExactly("G1");

        scenario.publish(new CameraStateChanged(camera, site.taxCode(), "G1", CameraState.OFFLINE, CameraState.ONLINE,
                        down.plusSeconds(300), null, null))
                .andWaitForStateChange(() -> incidents.find(AccessScope.all(), opened.incidentId()).orElseThrow().status(),
                        state -> state == IncidentState.CLOSED)
                .andVerify(state -> assertThat(state).isEqualTo(IncidentState.CLOSED));
    }
}
