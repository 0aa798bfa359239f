package io.epewatch.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.epewatch.identity.AccountAdministration;
import io.epewatch.identity.Board;
import io.epewatch.identity.Role;
import io.epewatch.identity.Unit;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * R6.3, least privilege: every grantor × every role × every kind of account, through the API that administrators use
 * (grant an existing account, open a new one). What may be granted is written out here on its own, from the rule as an
 * auditor states it, not from the code under test; any grant beyond it is an escalation.
 */
@IntegrationTest
class RoleGrantMatrixTest {

    /** The accounts a role could be given to, seen from a unit administrator of sub-department S1. */
    enum Target { CUSTOMS_OWN_UNIT, CUSTOMS_OTHER_UNIT, HQ_BOARD, ENTERPRISE_OWN_UNIT, ENTERPRISE_OTHER_UNIT, NO_UNIT }

    /** Who tries to grant. */
    enum Grantor { SYSTEM_ADMIN, UNIT_ADMIN, IT_BOARD_ADMIN, HEAD, OFFICER, HQ_ANALYST, EPE_USER, DECLARANT }

    private static final Set<Role> CUSTOMS_ROLES = EnumSet.of(Role.SYSTEM_ADMIN, Role.UNIT_ADMIN, Role.HEAD, Role.OFFICER);

    /** Which roles an account may hold at all, whoever grants. */
    static boolean fits(Role role, Target target) {
        return switch (target) {
            case ENTERPRISE_OWN_UNIT, ENTERPRISE_OTHER_UNIT -> role == Role.EPE_USER || role == Role.DECLARANT;
            // a customs broker belongs to no enterprise and no unit (R6.2)
            case NO_UNIT -> role == Role.SYSTEM_ADMIN || role == Role.DECLARANT;
            case CUSTOMS_OWN_UNIT, CUSTOMS_OTHER_UNIT -> CUSTOMS_ROLES.contains(role);
            case HQ_BOARD -> CUSTOMS_ROLES.contains(role) || role == Role.HQ_ANALYST;
        };
    }

    /**
     * The rule: a system administrator grants what fits; a unit administrator the officers' and heads' roles in its
     * own unit and the enterprise roles of the enterprises it manages; the IT board's administrator the roles of
     * headquarters boards' staff, analysts included (R6.3); nobody else anything; never an administrative role but
     * by a system administrator.
     */
    static boolean allowed(Grantor grantor, Role role, Target target) {
        if (!fits(role, target)) {
            return false;
        }
        return switch (grantor) {
            case SYSTEM_ADMIN -> true;
            case UNIT_ADMIN -> EnumSet.of(Role.HEAD, Role.OFFICER).contains(role) && target == Target.CUSTOMS_OWN_UNIT
                    || EnumSet.of(Role.EPE_USER, Role.DECLARANT).contains(role) && target == Target.ENTERPRISE_OWN_UNIT;
            case IT_BOARD_ADMIN -> EnumSet.of(Role.HEAD, Role.OFFICER, Role.HQ_ANALYST).contains(role) && target == Target.HQ_BOARD;
            default -> false;
        };
    }

    @Autowired
    Fixtures fixtures;
    @Autowired
    AccountAdministration administration;
    @LocalServerPort
    int port;

    @Test
    @DisplayName("R6.3 every grantor × role × account kind: nothing granted beyond the rule (0 escalations), nothing it allows refused")
    void noWayUpTheRoles() {
        Fixtures.Site own = fixtures.site();
        Fixtures.Site other = fixtures.site();
        Unit hq = fixtures.hqBoard(Board.RISK_MANAGEMENT);
        Unit it = fixtures.hqBoard(Board.IT);
        Map<Grantor, Api> grantors = new LinkedHashMap<>();
        for (Grantor grantor : Grantor.values()) {
            String name = switch (grantor) {
                case SYSTEM_ADMIN -> fixtures.user(Role.SYSTEM_ADMIN, null, null);
                case UNIT_ADMIN -> fixtures.user(Role.UNIT_ADMIN, own.subDepartment().id(), null);
                case IT_BOARD_ADMIN -> fixtures.user(Role.UNIT_ADMIN, it.id(), null);
                case HEAD -> fixtures.user(Role.HEAD, own.subDepartment().id(), null);
                case OFFICER -> fixtures.user(Role.OFFICER, own.subDepartment().id(), null);
                case HQ_ANALYST -> fixtures.user(Role.HQ_ANALYST, hq.id(), null);
                case EPE_USER -> fixtures.user(Role.EPE_USER, null, own.taxCode());
                case DECLARANT -> fixtures.user(Role.DECLARANT, null, own.taxCode());
            };
            grantors.put(grantor, new Api(port, null).signIn(name, Fixtures.PASSWORD, fixtures.enrolTotp(name)));
        }
        Api system = grantors.get(Grantor.SYSTEM_ADMIN);
        List<String> escalations = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int tried = 0;
        for (Target target : Target.values()) {
            for (Role role : Role.values()) {
                // an existing account of that kind that does not hold the role yet (but the installation's)
                String account = account(target, own, other, hq, role);
                boolean heldBefore = target == Target.NO_UNIT && role == Role.SYSTEM_ADMIN;
                for (Grantor grantor : Grantor.values()) {
                    tried++;
                    Api.Response grant = grantors.get(grantor).put("/api/v1/users/" + account + "/roles/" + role, Map.of());
                    boolean granted = grant.status() == 200 && grant.json().get("roles").valueStream()
                            .anyMatch(r -> r.asString().equals(role.name()));
                    record(grantor, role, target, "grant", grant.status(), heldBefore ? grant.status() == 200 : granted,
                            escalations, refused);
                    assertThat(grant.status()).as("never a server error").isLessThan(500);
                    if (granted && !heldBefore) {
                        administration.revoke(Fixtures.ADMIN, account, role);
                    }
                    // open a new account of that kind with the role
                    Api.Response open = grantors.get(grantor).post("/api/v1/users", newAccount(target, own, other, hq, role));
                    record(grantor, role, target, "open", open.status(), open.status() == 201, escalations, refused);
                    assertThat(open.status()).as("never a server error").isLessThan(500);
                }
            }
        }
        System.out.printf("role grant matrix: %d grantor × role × account kind cases, %d escalations, %d wrongly refused%n",
                tried, escalations.size(), refused.size());
        assertThat(escalations).as("escalations").isEmpty();
        assertThat(refused).as("grants the rule allows, refused").isEmpty();
        assertThat(system.put("/api/v1/users/" + fixtures.user(Role.EPE_USER, null, own.taxCode()) + "/roles/OFFICER", Map.of())
                .json().at("/errors/0/field").asString()).as("refused as bad input, naming the field").isEqualTo("role");
    }

    private static void record(Grantor grantor, Role role, Target target, String how, int status, boolean happened,
                               List<String> escalations, List<String> refused) {
        boolean expected = allowed(grantor, role, target);
        String line = grantor + " " + how + " " + role + " → " + target + ": " + status;
        if (happened && !expected) {
            escalations.add(line);
        } else if (!happened && expected) {
            refused.add(line);
        }
    }

    /** A fresh account of the kind, holding a role that fits it but is not {@code role}. */
    private String account(Target target, Fixtures.Site own, Fixtures.Site other, Unit hq, Role role) {
        return switch (target) {
            case CUSTOMS_OWN_UNIT -> fixtures.user(role == Role.OFFICER ? Role.HEAD : Role.OFFICER, own.subDepartment().id(), null);
            case CUSTOMS_OTHER_UNIT -> fixtures.user(role == Role.OFFICER ? Role.HEAD : Role.OFFICER, other.subDepartment().id(), null);
            case HQ_BOARD -> fixtures.user(role == Role.OFFICER ? Role.HEAD : Role.OFFICER, hq.id(), null);
            case ENTERPRISE_OWN_UNIT -> fixtures.user(role == Role.EPE_USER ? Role.DECLARANT : Role.EPE_USER, null, own.taxCode());
            case ENTERPRISE_OTHER_UNIT -> fixtures.user(role == Role.EPE_USER ? Role.DECLARANT : Role.EPE_USER, null, other.taxCode());
            case NO_UNIT -> fixtures.user(Role.SYSTEM_ADMIN, null, null);
        };
    }

    private static Map<String, Object> newAccount(Target target, Fixtures.Site own, Fixtures.Site other, Unit hq, Role role) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", "grant" + System.nanoTime() % 1_000_000_000L);
        body.put("displayName", "Tài khoản thử");
        body.put("role", role.name());
        switch (target) {
            case CUSTOMS_OWN_UNIT -> body.put("unitId", own.subDepartment().id());
            case CUSTOMS_OTHER_UNIT -> body.put("unitId", other.subDepartment().id());
            case HQ_BOARD -> body.put("unitId", hq.id());
            case ENTERPRISE_OWN_UNIT -> body.put("enterpriseTaxCode", own.taxCode());
            case ENTERPRISE_OTHER_UNIT -> body.put("enterpriseTaxCode", other.taxCode());
            case NO_UNIT -> { }
        }
        return body;
    }
}
