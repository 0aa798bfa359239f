package io.epewatch.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.epewatch.identity.ApiTokens;
import io.epewatch.identity.Board;
import io.epewatch.identity.Role;
import io.epewatch.identity.Unit;
import io.epewatch.identity.UnitKind;
import io.epewatch.identity.Units;
import io.epewatch.registry.SiteDiagram;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every HTTP endpoint the application maps, taken from its own handler mappings, against every role and an integration
 * token: allowed (neither 401 nor 403) or denied (403), and scoped (404 for an enterprise of another unit). An endpoint
 * without a rule here fails the test, so a new endpoint cannot escape it.
 */
@IntegrationTest
class AuthorizationMatrixTest {

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> CUSTOMS = EnumSet.of(Role.SYSTEM_ADMIN, Role.UNIT_ADMIN, Role.HEAD, Role.OFFICER);
    private static final Set<Role> EDITORS = EnumSet.of(Role.SYSTEM_ADMIN, Role.UNIT_ADMIN, Role.HEAD, Role.OFFICER, Role.EPE_USER);
    private static final Set<Role> ADMINS = EnumSet.of(Role.SYSTEM_ADMIN, Role.UNIT_ADMIN);
    private static final Set<Role> SYSTEM = EnumSet.of(Role.SYSTEM_ADMIN);
    private static final Set<Role> WATCHERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.HEAD, Role.OFFICER, Role.HQ_ANALYST);
    private static final Set<Role> NOBODY = EnumSet.noneOf(Role.class);
    /** Customs' risk targeting: never the supervised enterprise's people (issue 15). */
    private static final Set<Role> RISK = EnumSet.of(Role.SYSTEM_ADMIN, Role.UNIT_ADMIN, Role.HEAD, Role.OFFICER, Role.HQ_ANALYST);

    /** Who may call an endpoint: people by role, and an integration token by one of its scopes (null: no token). */
    record Rule(Set<Role> roles, String tokenScope) {
    }

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    private static void rule(String endpoint, Set<Role> roles, String tokenScope) {
        RULES.put(endpoint, new Rule(roles, tokenScope));
    }

    static {
        String read = ApiTokens.READ;
        // API
        rule("GET /api/v1/enterprises", EVERYONE, read);
        rule("POST /api/v1/enterprises", CUSTOMS, null);
        rule("GET /api/v1/enterprises/{taxCode}", EVERYONE, read);
        rule("PUT /api/v1/enterprises/{taxCode}", CUSTOMS, null);
        rule("GET /api/v1/enterprises/{taxCode}/locations", EVERYONE, read);
        rule("POST /api/v1/enterprises/{taxCode}/locations", EDITORS, null);
        rule("PUT /api/v1/enterprises/{taxCode}/locations/{id}", EDITORS, null);
        rule("GET /api/v1/enterprises/{taxCode}/cameras", EVERYONE, read);
        rule("POST /api/v1/enterprises/{taxCode}/cameras", EDITORS, null);
        rule("PUT /api/v1/enterprises/{taxCode}/cameras/{number}", EDITORS, null);
        rule("PUT /api/v1/enterprises/{taxCode}/cameras/{number}/retirement", EDITORS, null);
        rule("GET /api/v1/enterprises/{taxCode}/cameras/{number}/credentials", EVERYONE, read);
        rule("PUT /api/v1/enterprises/{taxCode}/cameras/{number}/credentials", EDITORS, null);
        rule("GET /api/v1/units", EVERYONE, read);
        rule("GET /api/v1/calendar/days/{day}", EVERYONE, read);
        rule("GET /api/v1/calendar/plus-working-days", EVERYONE, read);
        rule("GET /api/v1/calendar/working-days-between", EVERYONE, read);
        rule("GET /api/v1/calendar/holidays", EVERYONE, read);
        rule("GET /api/v1/calendar/announcements", EVERYONE, read);
        rule("PUT /api/v1/calendar/announcements/{day}", SYSTEM, null);
        rule("GET /api/v1/cluster", SYSTEM, null);
        rule("DELETE /api/v1/calendar/announcements/{day}", SYSTEM, null);
        rule("GET /api/v1/units/{unitId}/working-hours", EVERYONE, read);
        rule("GET /calendar", EVERYONE, null);
        rule("POST /calendar/announcements", SYSTEM, null);
        rule("POST /calendar/announcements/withdraw", SYSTEM, null);
        rule("POST /calendar/working-hours", ADMINS, null);
        rule("PUT /api/v1/units/{unitId}/working-hours", ADMINS, null);
        rule("POST /api/v1/units", SYSTEM, null);
        rule("PUT /api/v1/units/{id}", SYSTEM, null);
        rule("POST /api/v1/declarations", NOBODY, ApiTokens.INGEST_DECLARATIONS);
        rule("GET /api/v1/declarations/{number}", EVERYONE, read);
        rule("POST /api/v1/declarations/import", NOBODY, ApiTokens.INGEST_DECLARATIONS);
        // declaration processing (issue 16): declarants file, customs check, HQ analysts tune selectivity
        Set<Role> declarant = EnumSet.of(Role.DECLARANT);
        Set<Role> dossierReaders = EnumSet.of(Role.SYSTEM_ADMIN, Role.UNIT_ADMIN, Role.HEAD, Role.OFFICER, Role.HQ_ANALYST, Role.DECLARANT,
                Role.EPE_USER);
        Set<Role> analysts = EnumSet.of(Role.SYSTEM_ADMIN, Role.HQ_ANALYST);
        Set<Role> head = EnumSet.of(Role.HEAD);
        Set<Role> checkers = EnumSet.of(Role.HEAD, Role.OFFICER);
        rule("POST /api/v1/clearance/declarations", declarant, null);
        rule("PUT /api/v1/clearance/declarations/{number}", declarant, null);
        rule("POST /api/v1/clearance/declarations/{number}/registration", declarant, null);
        rule("POST /api/v1/clearance/declarations/{number}/replacement", declarant, null);
        rule("POST /api/v1/clearance/declarations/{number}/cancellation", declarant, null);
        rule("GET /api/v1/clearance/declarations", dossierReaders, null);
        rule("GET /api/v1/clearance/declarations/{number}", dossierReaders, null);
        rule("GET /api/v1/clearance/worklist", CUSTOMS, null);
        rule("POST /api/v1/clearance/declarations/{number}/fees", CUSTOMS, null);
        rule("POST /api/v1/clearance/declarations/{number}/document-check", checkers, null);
        rule("POST /api/v1/clearance/declarations/{number}/inspection-order", head, null);
        rule("POST /api/v1/clearance/declarations/{number}/inspection-result", checkers, null);
        rule("POST /api/v1/clearance/declarations/{number}/inspection-photos", checkers, null);
        rule("POST /api/v1/clearance/declarations/{number}/settlement", head, null);
        rule("POST /api/v1/clearance/declarations/{number}/release", checkers, null);
        rule("POST /api/v1/clearance/declarations/{number}/area-passage", CUSTOMS, null);
        rule("POST /api/v1/clearance/declarations/{number}/cancellation-decision", checkers, null);
        rule("GET /api/v1/clearance/enterprises/{taxCode}/goods", EVERYONE, null);
        rule("PUT /api/v1/clearance/enterprises/{taxCode}/goods", CUSTOMS, null);
        rule("PUT /api/v1/clearance/enterprises/{taxCode}/standing", CUSTOMS, null);
        rule("GET /api/v1/clearance/selectivity/criteria", analysts, null);
        rule("POST /api/v1/clearance/selectivity/criteria", analysts, null);
        rule("PUT /api/v1/clearance/selectivity/criteria/{id}", analysts, null);
        rule("POST /api/v1/clearance/selectivity/preview", analysts, null);
        rule("PUT /api/v1/clearance/selectivity/shares", analysts, null);
        Set<Role> documentPeople = EnumSet.of(Role.SYSTEM_ADMIN, Role.UNIT_ADMIN, Role.HEAD, Role.OFFICER, Role.EPE_USER, Role.DECLARANT);
        Set<Role> enterpriseSide = EnumSet.of(Role.EPE_USER, Role.DECLARANT);
        rule("GET /api/v1/clearance/enterprises/{taxCode}/certificates", documentPeople, null);
        rule("POST /api/v1/clearance/enterprises/{taxCode}/certificates", documentPeople, null);
        rule("DELETE /api/v1/clearance/enterprises/{taxCode}/certificates/{id}", documentPeople, null);
        rule("POST /api/v1/clearance/declarations/{number}/documents", declarant, null);
        rule("GET /api/v1/clearance/declarations/{number}/documents", dossierReaders, null);
        rule("GET /api/v1/clearance/declarations/{number}/documents/{id}", dossierReaders, null);
        rule("POST /clearance/declarations/{number}/documents", declarant, null);
        rule("GET /clearance/declarations/{number}/documents/{id}", dossierReaders, null);
        rule("GET /clearance/certificates", enterpriseSide, null);
        rule("POST /clearance/certificates", enterpriseSide, null);
        rule("POST /clearance/certificates/{id}/withdraw", enterpriseSide, null);
        rule("POST /api/v1/clearance/declarations/{number}/transit", declarant, null);
        rule("POST /api/v1/clearance/declarations/{number}/transit-decision", checkers, null);
        rule("POST /api/v1/clearance/declarations/{number}/arrival", checkers, null);
        rule("GET /api/v1/clearance/enterprises/{taxCode}/mandates", documentPeople, null);
        rule("POST /api/v1/clearance/enterprises/{taxCode}/mandates", documentPeople, null);
        rule("DELETE /api/v1/clearance/enterprises/{taxCode}/mandates/{id}", documentPeople, null);
        rule("POST /clearance/mandates", enterpriseSide, null);
        rule("POST /clearance/mandates/{id}/revoke", enterpriseSide, null);
        rule("POST /api/v1/clearance/declarations/message", declarant, null);
        rule("GET /api/v1/clearance/declarations/{number}/message", dossierReaders, null);
        rule("POST /clearance/declarations/upload", declarant, null);
        rule("POST /clearance/tokens", declarant, null);
        rule("POST /clearance/tokens/{id}/revoke", declarant, null);
        rule("GET /clearance", dossierReaders, null);
        rule("GET /clearance/declarations", dossierReaders, null);
        rule("GET /clearance/declarations/new", declarant, null);
        rule("POST /clearance/declarations", declarant, null);
        rule("GET /clearance/declarations/{number}", dossierReaders, null);
        rule("GET /clearance/declarations/{number}/edit", declarant, null);
        rule("POST /clearance/declarations/{number}/edit", declarant, null);
        rule("GET /clearance/declarations/{number}/print", dossierReaders, null);
        // each step's service checks the role it needs (CustomsChecks, Dossiers), as over the API
        rule("POST /clearance/declarations/{number}/{step}", dossierReaders, null);
        rule("POST /clearance/declarations/{number}/photos", checkers, null);
        rule("GET /clearance/declarations/{number}/photos/{evidenceId}", CUSTOMS, null);
        rule("GET /clearance/worklist", CUSTOMS, null);
        rule("GET /clearance/inspection-orders", head, null);
        rule("GET /clearance/selectivity", analysts, null);
        rule("POST /clearance/selectivity/criteria", analysts, null);
        rule("POST /clearance/selectivity/shares", analysts, null);
        rule("POST /api/v1/manifests", NOBODY, ApiTokens.INGEST_CARGO);
        rule("POST /api/v1/manifests/import", NOBODY, ApiTokens.INGEST_CARGO);
        rule("GET /api/v1/manifests/{number}", EVERYONE, read);
        rule("POST /api/v1/warehouse-notes", NOBODY, ApiTokens.INGEST_CARGO);
        rule("POST /api/v1/warehouse-notes/import", NOBODY, ApiTokens.INGEST_CARGO);
        rule("GET /api/v1/warehouse-notes/{taxCode}/{number}", EVERYONE, read);
        rule("POST /api/v1/area-confirmations", NOBODY, ApiTokens.INGEST_CARGO);
        rule("POST /api/v1/area-confirmations/import", NOBODY, ApiTokens.INGEST_CARGO);
        rule("POST /api/v1/positions", NOBODY, ApiTokens.INGEST_GPS);
        rule("POST /api/v1/positions/import", NOBODY, ApiTokens.INGEST_GPS);
        rule("POST /api/v1/osmand", NOBODY, ApiTokens.INGEST_GPS);
        rule("GET /api/v1/osmand", NOBODY, ApiTokens.INGEST_GPS);
        rule("PUT /api/v1/gps-devices/{deviceId}", NOBODY, ApiTokens.INGEST_GPS);
        rule("GET /api/v1/vehicles/{plate}/track", EnumSet.of(Role.SYSTEM_ADMIN, Role.HEAD, Role.OFFICER, Role.HQ_ANALYST), null);
        rule("GET /api/v1/geofences", EVERYONE, read);
        rule("GET /api/v1/geofences/{code}", EVERYONE, read);
        rule("PUT /api/v1/geofences/{code}", CUSTOMS, null);
        rule("DELETE /api/v1/geofences/{code}", CUSTOMS, null);
        rule("POST /api/v1/trips", CUSTOMS, ApiTokens.INGEST_GPS);
        rule("GET /api/v1/trips/{id}", EVERYONE, read);
        rule("GET /api/v1/trips/{id}/geofences", EVERYONE, read);
        rule("GET /api/v1/trips", EVERYONE, read);
        rule("POST /trips", CUSTOMS, null);
        rule("POST /trips/{id}/cancel", CUSTOMS, null);
        rule("POST /api/v1/trips/{id}/cancel", CUSTOMS, null);
        rule("POST /api/v1/gate-events", NOBODY, ApiTokens.INGEST_GATE_EVENTS);
        rule("GET /api/v1/gate-events", EVERYONE, read);
        rule("GET /api/v1/gate-events/{id}", EVERYONE, read);
        rule("GET /api/v1/gate-events/{id}/readings", EVERYONE, read);
        rule("POST /api/v1/edge-anpr/events", NOBODY, ApiTokens.INGEST_GATE_EVENTS);
        rule("POST /api/v1/edge-anpr/hikvision/{taxCode}/{number}", NOBODY, ApiTokens.INGEST_GATE_EVENTS);
        rule("GET /api/v1/risk/watchlist", analysts, null);
        rule("POST /api/v1/risk/watchlist", analysts, null);
        rule("DELETE /api/v1/risk/watchlist/{value}", analysts, null);
        rule("GET /api/v1/risk/thresholds/enterprises/{taxCode}", analysts, null);
        rule("PUT /api/v1/risk/thresholds/units/{unitId}", analysts, null);
        rule("PUT /api/v1/risk/thresholds/enterprises/{taxCode}", analysts, null);
        rule("GET /api/v1/risk/thresholds/units/{unitId}", analysts, null);
        rule("GET /risk/settings", analysts, null);
        rule("POST /risk/settings/watchlist", analysts, null);
        rule("POST /risk/settings/watchlist/remove", analysts, null);
        rule("POST /risk/settings/thresholds", analysts, null);
        Set<Role> casework = EnumSet.of(Role.HEAD, Role.OFFICER);
        rule("GET /api/v1/cases", casework, null);
        rule("POST /api/v1/cases", casework, null);
        rule("GET /api/v1/cases/{id}", casework, null);
        rule("POST /api/v1/cases/{id}/take", casework, null);
        rule("POST /api/v1/cases/{id}/propose", casework, null);
        rule("POST /api/v1/cases/{id}/escalate", casework, null);
        rule("POST /api/v1/cases/{id}/notes", casework, null);
        rule("POST /api/v1/cases/{id}/order-inspection", EnumSet.of(Role.HEAD), null);
        rule("POST /api/v1/cases/{id}/close", EnumSet.of(Role.HEAD), null);
        rule("GET /cases", casework, null);
        rule("POST /cases", casework, null);
        rule("GET /cases/{id}", casework, null);
        rule("POST /cases/{id}/{step}", casework, null);
        rule("POST /cases/{id}/attachments", casework, null);
        rule("GET /cases/{id}/attachments/{evidenceId}", casework, null);
        rule("POST /warnings/acknowledge", RISK, null);
        rule("GET /api/v1/incidents", EVERYONE, read);
        rule("GET /api/v1/notifications", EVERYONE, null);
        rule("POST /api/v1/plans", EnumSet.of(Role.HEAD), null);
        rule("GET /plans", casework, null);
        rule("POST /plans", EnumSet.of(Role.HEAD), null);
        rule("GET /checks", casework, null);
        rule("POST /plans/checks/{id}/move", EnumSet.of(Role.HEAD), null);
        rule("POST /checks/{id}/result", casework, null);
        rule("GET /api/v1/plans/{month}", casework, null);
        rule("GET /api/v1/plans/{month}/export.xlsx", casework, null);
        rule("GET /api/v1/plans/{month}/export.pdf", casework, null);
        rule("GET /api/v1/checks/mine", casework, null);
        rule("POST /api/v1/checks/{id}/move", EnumSet.of(Role.HEAD), null);
        rule("POST /api/v1/checks/{id}/result", casework, null);
        rule("POST /api/v1/notifications/{id}/read", EVERYONE, null);
        rule("PUT /api/v1/account/notification-email", EVERYONE, null);
        rule("GET /notifications", EVERYONE, null);
        rule("POST /notifications/{id}/open", EVERYONE, null);
        rule("POST /notifications/email", EVERYONE, null);
        rule("GET /incidents", EVERYONE, null);
        rule("GET /incidents/{id}", EVERYONE, null);
        rule("GET /incidents/new", EDITORS, null);
        rule("POST /incidents", EDITORS, null);
        rule("POST /incidents/{id}/{step}", EDITORS, null);
        rule("GET /incidents/{id}/appendix-ii.{format}", EVERYONE, null);
        rule("GET /incidents/{id}/late-notices/{n}.{format}", EVERYONE, null);
        rule("GET /api/v1/incidents/{id}", EVERYONE, read);
        rule("POST /api/v1/incidents", EDITORS, null);
        rule("POST /api/v1/incidents/{id}/late-notice", EDITORS, null);
        rule("POST /api/v1/incidents/{id}/assign", casework, null);
        rule("POST /api/v1/incidents/{id}/follow-ups", casework, null);
        rule("POST /api/v1/incidents/{id}/close", casework, null);
        rule("GET /api/v1/incidents/{id}/gate-log", EVERYONE, read);
        rule("POST /api/v1/incidents/{id}/gate-log", EDITORS, null);
        rule("POST /api/v1/incidents/{id}/measure", EnumSet.of(Role.HEAD), null);
        rule("GET /warnings/stream", RISK, null);
        rule("GET /api/v1/warnings", RISK, read);
        rule("GET /api/v1/warnings/{id}", RISK, read);
        rule("GET /api/v1/users", ADMINS, null);
        rule("POST /api/v1/users", ADMINS, null);
        rule("PUT /api/v1/users/{username}/roles/{role}", ADMINS, null);
        rule("DELETE /api/v1/users/{username}/roles/{role}", ADMINS, null);
        rule("POST /api/v1/users/{username}/password", ADMINS, null);
        // R5.9: manual procedures are kept by the managing unit's officers and heads; read also by HQ and customs IT
        rule("GET /api/v1/manual-procedures", WATCHERS, null);
        rule("GET /api/v1/manual-procedures/{id}", WATCHERS, null);
        rule("POST /api/v1/manual-procedures", EnumSet.of(Role.HEAD, Role.OFFICER), null);
        rule("POST /api/v1/manual-procedures/{id}/regularisation", EnumSet.of(Role.HEAD, Role.OFFICER), null);
        rule("GET /clearance/manual", WATCHERS, null);
        rule("POST /clearance/manual", EnumSet.of(Role.HEAD, Role.OFFICER), null);
        rule("POST /clearance/manual/{id}/regularisation", EnumSet.of(Role.HEAD, Role.OFFICER), null);
        rule("GET /api/v1/tokens", SYSTEM, null);
        rule("POST /api/v1/tokens", SYSTEM, null);
        rule("DELETE /api/v1/tokens/{id}", SYSTEM, null);
        rule("GET /api/v1/audit", SYSTEM, null);
        rule("GET /api/v1/audit/verification", SYSTEM, null);
        rule("GET /api/v1/enterprises/{taxCode}/logbook", EVERYONE, read);
        rule("POST /api/v1/enterprises/{taxCode}/logbook", EDITORS, null);
        rule("POST /api/v1/evidence/exports", CUSTOMS, null);
        rule("GET /api/v1/evidence/exports/{id}", CUSTOMS, null);
        rule("GET /api/v1/enterprises/{taxCode}/availability", EVERYONE, read);
        rule("GET /api/v1/enterprises/{taxCode}/cameras/{number}/timeline", EVERYONE, read);
        rule("GET /api/v1/enterprises/{taxCode}/cameras/{number}/access-history",
                EnumSet.of(Role.SYSTEM_ADMIN, Role.UNIT_ADMIN, Role.HEAD, Role.OFFICER, Role.HQ_ANALYST), null);
        rule("GET /enterprises/{taxCode}/cameras/{number}/live.mjpeg", WATCHERS, null);
        rule("GET /api/v1/enterprises/{taxCode}/cameras/{number}/recordings", WATCHERS, null);
        // keeping footage as evidence is customs' own act; HQ analysts watch and search
        rule("POST /api/v1/enterprises/{taxCode}/cameras/{number}/clips", EnumSet.of(Role.SYSTEM_ADMIN, Role.HEAD, Role.OFFICER), null);
        rule("GET /enterprises/{taxCode}/cameras/{number}/archive", WATCHERS, null);
        rule("POST /enterprises/{taxCode}/cameras/{number}/archive", EnumSet.of(Role.SYSTEM_ADMIN, Role.HEAD, Role.OFFICER), null);
        rule("GET /enterprises/{taxCode}/cameras/{number}/archive/play/{id}/{file}", WATCHERS, null);
        rule("GET /evidence/{id}/content", WATCHERS, null);
        rule("POST /api/v1/enterprises/{taxCode}/cameras/{number}/device-check", EnumSet.of(Role.SYSTEM_ADMIN, Role.UNIT_ADMIN,
                Role.HEAD, Role.OFFICER, Role.EPE_USER), null);
        rule("GET /api/v1/enterprises/{taxCode}/cameras/{number}/device-checks", EVERYONE, read);
        rule("POST /enterprises/{taxCode}/cameras/{number}/device-check", EDITORS, null);
        rule("POST /enterprises/{taxCode}/cameras/{number}/capture", WATCHERS, null);
        rule("POST /enterprises/{taxCode}/cameras/{number}/grants", EnumSet.of(Role.SYSTEM_ADMIN, Role.HEAD), null);
        rule("POST /enterprises/{taxCode}/cameras/{number}/grants/{username}/revoke", EnumSet.of(Role.SYSTEM_ADMIN, Role.HEAD), null);
        // pages: for people only; what a page shows is scoped by the same services
        for (String page : List.of("/", "/dashboard/counters", "/enterprises", "/enterprises/new", "/enterprises/{taxCode}",
                "/enterprises/{taxCode}/edit", "/enterprises/{taxCode}/locations/{id}", "/enterprises/{taxCode}/cameras/{number}",
                "/enterprises/{taxCode}/monitor", "/enterprises/{taxCode}/cameras/{number}/monitor", "/enterprises/{taxCode}/timeline",
                "/geofences", "/trips", "/trips/{id}", "/passages", "/passages/{id}", "/passages/to-check",
                "/passages/{id}/readings/{readingId}/crop.jpg", "/passages/{id}/readings/{readingId}/frame.jpg", "/declarations", "/declarations/{number}", "/units",
                "/account/password", "/account/mfa", "/account/mfa/verify")) {
            rule("GET " + page, EVERYONE, null);
        }
        for (String page : List.of("/warnings", "/warnings/rows", "/warnings/{id}")) {
            rule("GET " + page, RISK, null);
        }
        rule("POST /enterprises", CUSTOMS, null);
        rule("POST /enterprises/{taxCode}", CUSTOMS, null);
        rule("POST /enterprises/{taxCode}/locations", EDITORS, null);
        rule("POST /enterprises/{taxCode}/locations/{id}", EDITORS, null);
        rule("POST /enterprises/{taxCode}/cameras", EDITORS, null);
        rule("POST /enterprises/{taxCode}/cameras/{number}", EDITORS, null);
        rule("POST /enterprises/{taxCode}/cameras/{number}/retirement", EDITORS, null);
        rule("POST /enterprises/{taxCode}/cameras/{number}/credentials", EDITORS, null);
        rule("POST /enterprises/{taxCode}/cameras/{number}/credentials/reveal", CUSTOMS, null);
        rule("POST /units", SYSTEM, null);
        rule("POST /units/{id}", SYSTEM, null);
        rule("POST /account/password", EVERYONE, null);
        rule("POST /account/mfa", EVERYONE, null);
        rule("POST /account/mfa/verify", EVERYONE, null);
        rule("GET /admin/users", ADMINS, null);
        rule("POST /admin/users", ADMINS, null);
        rule("POST /admin/users/{username}/roles", ADMINS, null);
        rule("POST /admin/users/{username}/password", ADMINS, null);
        rule("GET /admin/tokens", SYSTEM, null);
        rule("POST /admin/tokens", SYSTEM, null);
        rule("POST /admin/tokens/{id}/revoke", SYSTEM, null);
        rule("GET /admin/audit", SYSTEM, null);
        rule("GET /admin/audit/anchor", SYSTEM, null);
        rule("GET /api/v1/audit/anchor", SYSTEM, null);
        rule("POST /api/v1/system-status/takeover", SYSTEM, null);
        rule("POST /status/takeover", SYSTEM, null);
        rule("POST /status/notices/{id}/publish", SYSTEM, null);
        rule("PUT /api/v1/support-contacts/{unitId}/{board}", EnumSet.of(Role.SYSTEM_ADMIN, Role.UNIT_ADMIN), null);
        rule("DELETE /api/v1/support-contacts/{unitId}/{board}", EnumSet.of(Role.SYSTEM_ADMIN, Role.UNIT_ADMIN), null);
        rule("GET /clearance/reconciliation", EnumSet.of(Role.SYSTEM_ADMIN, Role.HQ_ANALYST), null);
        rule("GET /clearance/reconciliation.pdf", EnumSet.of(Role.SYSTEM_ADMIN, Role.HQ_ANALYST), null);
        rule("GET /clearance/reconciliation.xlsx", EnumSet.of(Role.SYSTEM_ADMIN, Role.HQ_ANALYST), null);
    }

    /** Open to anyone: sign-in, errors, the API description. Listed so that nothing is open by accident. */
    private static final Set<String> PUBLIC = Set.of("GET /login", "GET /error", "POST /error", "PUT /error", "DELETE /error",
            "PATCH /error", "HEAD /error", "OPTIONS /error", "GET /v3/api-docs", "GET /v3/api-docs.yaml",
            "GET /v3/api-docs/swagger-config", "GET /swagger-ui.html",
            // R6.1: where declarations go now is for everyone; the pair's calls carry its secret (PairFailoverTest)
            "GET /api/v1/system-status", "GET /status", "GET /api/v1/support-contacts", "POST /api/v1/pair/lease", "POST /api/v1/pair/hand-back",
            "GET /api/v1/pair/journal", "POST /api/v1/pair/handed-back", "GET /api/v1/pair/journal/latest", "POST /api/v1/pair/directory", "GET /api/v1/pair/notices");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Units units;
    @Autowired
    SiteDiagram diagram;
    @LocalServerPort
    int port;

    Fixtures.Site site;
    Fixtures.Site otherSite;
    Map<String, String> variables;

    @Autowired
    io.epewatch.cargo.WarehouseNotes notes;

    @BeforeEach
    void setUp() {
        site = fixtures.site();
        otherSite = fixtures.site();
        long yard = diagram.locations(Fixtures.ADMIN.access(), site.taxCode()).stream()
                .filter(l -> l.name().equals("Bãi phế liệu")).findFirst().orElseThrow().id();
        variables = Map.ofEntries(Map.entry("taxCode", site.taxCode()), Map.entry("number", "G1"),
                Map.entry("id", String.valueOf(yard)), Map.entry("username", fixtures.user(Role.OFFICER, site.subDepartment().id(), null)),
                Map.entry("role", "OFFICER"), Map.entry("readingId", "1"), Map.entry("code", "PORT-CAT-LAI"),
                Map.entry("value", "51C-123.45"), Map.entry("unitId", String.valueOf(site.subDepartment().id())), Map.entry("day", "2031-06-03"), Map.entry("format", "pdf"), Map.entry("month", "2030-01"), Map.entry("n", "1"),
                Map.entry("deviceId", "48241179"), Map.entry("plate", "51C-123.45"), Map.entry("step", "take"), Map.entry("board", "IT"), Map.entry("evidenceId", "00000000-0000-0000-0000-000000000000"));
        // a warehouse note numbered like the camera, at the other enterprise: out of scope for all but HQ
        notes.receive(new io.epewatch.cargo.CargoInputs.NoteInput("G1", otherSite.taxCode(), "RECEIPT", "Bãi phế liệu",
                java.time.Instant.now().minusSeconds(60).toString(), null, null, null, null));
    }

    private List<String> endpoints() {
        Set<String> all = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod m : methods.isEmpty() ? EnumSet.of(RequestMethod.GET) : methods) {
                    all.add(m.name() + " " + pattern);
                }
            }
        });
        return new ArrayList<>(all);
    }

    @Test
    @DisplayName("every endpoint has a declared rule")
    void everyEndpointHasARule() {
        List<String> undeclared = endpoints().stream().filter(e -> !RULES.containsKey(e) && !PUBLIC.contains(e)).toList();
        assertThat(undeclared).as("endpoints without a rule in AuthorizationMatrixTest").isEmpty();
    }

    @Test
    @DisplayName("R4.2 R6.3 every endpoint × every role and a token: allowed or denied as declared")
    void everyRoleGetsWhatItsRuleSays() {
        Map<Role, Api> people = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            people.put(role, signedIn(role));
        }
        Api token = new Api(port, fixtures.integrationToken(ApiTokens.SCOPES.toArray(String[]::new)));
        List<String> wrong = new ArrayList<>();
        for (String endpoint : endpoints()) {
            Rule rule = RULES.get(endpoint);
            if (rule == null) {
                continue;
            }
            for (Role role : Role.values()) {
                check(wrong, endpoint, role.name(), people.get(role), rule.roles().contains(role));
            }
            Api scopedToken = rule.tokenScope() == null ? token : new Api(port, fixtures.integrationToken(allBut(rule.tokenScope())));
            check(wrong, endpoint, "token(all scopes)", token, rule.tokenScope() != null);
            if (rule.tokenScope() != null) {
                check(wrong, endpoint, "token(without " + rule.tokenScope() + ")", scopedToken, false);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    @DisplayName("issue 15: an enterprise's people see none of customs' risk targeting, and a refused page is a page in the layout, not JSON")
    void enterprisePeopleDoNotSeeRiskTargeting() {
        Api epe = signedIn(Role.EPE_USER).withHeader("Accept", "text/html");
        Api.Response refused = epe.get("/warnings");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("text/html");
        assertThat(refused.body()).contains("class=\"top\"").contains("id=\"error-page\"");
        assertThat(epe.get("/").body()).doesNotContain("open-warning-count").doesNotContain("href=\"/warnings\"");
        assertThat(signedIn(Role.OFFICER).get("/").body()).contains("open-warning-count");
    }

    @Test
    @DisplayName("R4.2 an enterprise of another unit is not found for officers, heads and EPE users; HQ analysts see it")
    void enterpriseReadsAreScoped() {
        Map<Role, Api> people = new EnumMap<>(Role.class);
        for (Role role : List.of(Role.OFFICER, Role.HEAD, Role.UNIT_ADMIN, Role.EPE_USER, Role.HQ_ANALYST)) {
            people.put(role, signedIn(role));
        }
        List<String> wrong = new ArrayList<>();
        for (String endpoint : endpoints()) {
            if (!endpoint.startsWith("GET ") || !endpoint.contains("{taxCode}")) {
                continue;
            }
            String path = endpoint.substring(4).replace("{taxCode}", otherSite.taxCode()).replace("{number}", "G1")
                    .replace("{id}", endpoint.contains("/archive/play/") ? java.util.UUID.randomUUID().toString() : variables.get("id"))
                    .replace("{file}", "index.m3u8");
            Rule rule = RULES.get(endpoint);
            people.forEach((role, api) -> {
                if (rule != null && !rule.roles().contains(role)) {
                    return; // the role may not call it at all: the matrix above checks that
                }
                int status = api.get(path).status();
                // the fixture's cameras cannot be reached: live view answers 502 with the reason (issue 20), after the checks;
                // a recording search without its span is 400 once the caller may see the camera; no playback exists
                int reached = path.endsWith("/live.mjpeg") ? 502 : path.endsWith("/recordings") ? 400 : path.contains("/archive/play/") ? 404 : 200;
                int expected = role == Role.HQ_ANALYST && !path.contains("/locations/") ? reached : 404;
                if (status != expected) {
                    wrong.add(role + " " + path + " → " + status + " (expected " + expected + ")");
                }
            });
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    @DisplayName("R4.2 another unit's enterprise's geofence and a vehicle seen only there: 404 for every role in a unit, HQ sees them")
    void geofencesAndTracksAreScoped() {
        String zone = "SITE-" + otherSite.taxCode();
        String plate = String.format("51C-%03d.%02d", 100 + (int) (System.nanoTime() % 900), (int) (System.nanoTime() % 100));
        Api ingest = new Api(port, fixtures.integrationToken(ApiTokens.SCOPES.toArray(String[]::new)));
        Api system = signedIn(Role.SYSTEM_ADMIN);
        List<List<Double>> ring = List.of(List.of(106.70, 10.70), List.of(106.71, 10.70), List.of(106.71, 10.71));
        assertThat(system.put("/api/v1/geofences/" + zone, Map.of("name", "Khu " + zone, "kind", "EPE_SITE",
                "enterpriseTaxCode", otherSite.taxCode(), "ring", ring)).status()).isEqualTo(200);
        assertThat(ingest.post("/api/v1/gate-events", Map.of("enterpriseTaxCode", otherSite.taxCode(), "cameraNumber", "G1",
                "direction", "OUT", "capturedAt", java.time.Instant.now().minusSeconds(60).toString(), "plate", plate)).status()).isEqualTo(201);
        List<String> wrong = new ArrayList<>();
        for (Role role : List.of(Role.OFFICER, Role.HEAD, Role.UNIT_ADMIN, Role.EPE_USER, Role.DECLARANT, Role.HQ_ANALYST)) {
            Api api = signedIn(role);
            boolean hq = role == Role.HQ_ANALYST;
            expect(wrong, role + " GET geofence", api.get("/api/v1/geofences/" + zone).status(), hq ? 200 : 404);
            boolean listed = api.get("/api/v1/geofences").json().valueStream().anyMatch(g -> g.get("code").asString().equals(zone));
            expect(wrong, role + " lists it", listed ? 1 : 0, hq ? 1 : 0);
            if (RULES.get("PUT /api/v1/geofences/{code}").roles().contains(role)) {
                expect(wrong, role + " PUT geofence", api.put("/api/v1/geofences/" + zone, Map.of("name", "x", "kind", "OTHER",
                        "ring", ring)).status(), 404);
                expect(wrong, role + " DELETE geofence", api.delete("/api/v1/geofences/" + zone).status(), 404);
            }
            if (RULES.get("GET /api/v1/vehicles/{plate}/track").roles().contains(role)) {
                expect(wrong, role + " GET track", api.get("/api/v1/vehicles/" + plate + "/track").status(), hq ? 200 : 404);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static void expect(List<String> wrong, String what, int actual, int expected) {
        if (actual != expected) {
            wrong.add(what + " → " + actual + " (expected " + expected + ")");
        }
    }

    private void check(List<String> wrong, String endpoint, String who, Api api, boolean allowed) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        if (path.startsWith("/api/v1/evidence/") || path.startsWith("/evidence/") || path.contains("/archive/play/")) {
            path = path.replace("{id}", java.util.UUID.randomUUID().toString()).replace("{file}", "index.m3u8");
        }
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            path = path.replace("{" + variable.getKey() + "}", variable.getValue());
        }
        Api.Response response = switch (method) {
            case "GET" -> api.get(path);
            case "DELETE" -> api.delete(path);
            case "PUT" -> api.put(path, Map.of());
            default -> path.startsWith("/api/") ? api.post(path, "{}")
                    : api.form(path, "code=&name=&kind=" + (path.startsWith("/units") ? "DEPARTMENT" : "GATE")
                            + "&role=OFFICER&grant=true&username=&displayName=&reason=&number=");
        };
        boolean denied = response.status() == 401 || response.status() == 403;
        // live view of a camera that cannot be reached answers 502 with the camera's reason, once the caller passed (issue 20)
        boolean cameraAnswer = response.status() == 502 && path.endsWith("/live.mjpeg");
        if (response.status() >= 500 && !cameraAnswer) {
            wrong.add(who + " " + method + " " + path + " → " + response.status() + " (a server error is never an answer)");
        } else if (denied == allowed) {
            wrong.add(who + " " + method + " " + path + " → " + response.status() + (allowed ? " (should be allowed)" : " (should be denied)"));
        }
    }

    private Api signedIn(Role role) {
        Long unit = switch (role) {
            case SYSTEM_ADMIN, EPE_USER, DECLARANT -> null;
            case HQ_ANALYST -> fixtures.hqBoard(Board.RISK_MANAGEMENT).id();
            default -> site.subDepartment().id();
        };
        String taxCode = role.enterpriseSide() ? site.taxCode() : null;
        String username = fixtures.user(role, unit, taxCode);
        return new Api(port, null).signIn(username, Fixtures.PASSWORD, fixtures.enrolTotp(username));
    }

    private static String[] allBut(String scope) {
        return ApiTokens.SCOPES.stream().filter(s -> !s.equals(scope)).toArray(String[]::new);
    }
}
