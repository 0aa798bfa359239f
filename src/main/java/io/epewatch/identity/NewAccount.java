package io.epewatch.identity;

/** What an administrator enters to open an account. */
public record NewAccount(String username, String displayName, Long unitId, String enterpriseTaxCode, Role role) {
}
