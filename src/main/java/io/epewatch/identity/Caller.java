package io.epewatch.identity;

import java.util.Set;

/**
 * The person or machine behind the current request.
 *
 * @param name   username, or {@code token:NAME} for an integration
 * @param roles  roles of a person (empty for tokens)
 * @param scopes scopes of a token (empty for people)
 * @param unitId the person's unit, if any
 * @param access what the caller may see
 */
public record Caller(String name, Set<Role> roles, Set<String> scopes, Long unitId, AccessScope access) {

    public Caller {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isCustoms() {
        return has(Role.SYSTEM_ADMIN) || has(Role.UNIT_ADMIN) || has(Role.HEAD) || has(Role.OFFICER);
    }

    /** Whether this caller may see customs' risk targeting — warnings, risk scores, cases (issue 15): not the EPE's people. */
    public boolean seesRisk() {
        return isCustoms() || has(Role.HQ_ANALYST);
    }
}
