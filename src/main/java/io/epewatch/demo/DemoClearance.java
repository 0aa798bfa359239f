package io.epewatch.demo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.epewatch.clearance.CustomsChecks;
import io.epewatch.clearance.DeclarantMandates;
import io.epewatch.clearance.Dossier;
import io.epewatch.clearance.DossierInput;
import io.epewatch.clearance.Dossiers;
import io.epewatch.declaration.Declaration.Lane;
import io.epewatch.declaration.DeclarationInput.VehicleInput;
import io.epewatch.identity.AccessScope;
import io.epewatch.identity.Caller;
import io.epewatch.identity.Role;
import org.springframework.stereotype.Component;

/**
 * Declarations processed by the system in the demo (issue 16): Sao Việt's declarant files and registers exports, the
 * lanes fall as the criteria and the random shares decide (roughly two thirds green, most of the rest yellow, a few
 * red); customs has cleared the older ones, and the latest wait in the officer's worklist and the head's inspection
 * orders. A broker is authorised by Sao Việt.
 */
@Component
class DemoClearance {

    private static final String[][] GOODS = {{"85423100", "chiếc", "Vi mạch tích hợp (bộ xử lý)", "1.85"},
            {"85340010", "chiếc", "Bảng mạch in một lớp", "0.42"}, {"39269099", "kg", "Linh kiện nhựa", "3.10"}};

    private final Dossiers dossiers;
    private final CustomsChecks checks;
    private final DeclarantMandates mandates;

    DemoClearance(Dossiers dossiers, CustomsChecks checks, DeclarantMandates mandates) {
        this.dossiers = dossiers;
        this.checks = checks;
        this.mandates = mandates;
    }

    void seed(String taxCode, long officerUnit, int count) {
        Caller declarant = new Caller("declarant", Set.of(Role.DECLARANT), Set.of(), null, AccessScope.enterprise(taxCode));
        Caller officer = new Caller("officer", Set.of(Role.OFFICER), Set.of(), officerUnit, AccessScope.units(Set.of(officerUnit)));
        for (int i = 0; i < count; i++) {
            String[] good = GOODS[i % GOODS.length];
            DossierInput input = new DossierInput("DEMO-" + (i + 1), "EXPORT", i % 4 == 0 ? "E52" : "E42", taxCode,
                    "INV-SV-2026-" + (101 + i), "USD", "SGNHKG" + (5000 + i),
                    List.of(new DossierInput.Line(good[0], good[2], Integer.toString(200 + 37 * i), good[1], good[3], "VN",
                            null, Integer.toString(300 + 11 * i))),
                    List.of(new VehicleInput(String.format(Locale.ROOT, "51C-%03d.%02d", 200 + i, i), List.of())));
            Dossier d = dossiers.register(declarant, dossiers.file(declarant, input).dossier().number());
            boolean recent = i >= count - 8; // the latest wait for customs
            if (d.lane() == Lane.GREEN && !recent) {
                checks.recordFees(officer, d.number());
            } else if (d.lane() == Lane.YELLOW && !recent) {
                checks.checkDocuments(officer, d.number(), true, "Hồ sơ phù hợp");
                checks.recordFees(officer, d.number());
            }
        }
    }

    void authoriseBroker(String taxCode, String broker) {
        Caller enterprise = new Caller("epe", Set.of(Role.EPE_USER), Set.of(), null, AccessScope.enterprise(taxCode));
        mandates.grant(enterprise, taxCode, broker, null);
    }

    /** Lane counts of what was seeded, for the start-up log. */
    Map<Lane, Long> lanes(String taxCode) {
        Caller declarant = new Caller("declarant", Set.of(Role.DECLARANT), Set.of(), null, AccessScope.enterprise(taxCode));
        return dossiers.list(declarant, null, 500).stream().filter(d -> d.lane() != null)
                .collect(java.util.stream.Collectors.groupingBy(Dossier::lane, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }
}
