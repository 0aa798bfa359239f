package io.epewatch.kernel.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Least privilege in the embedded cluster, set up by the superuser at each start (idempotent): a schema owner that
 * runs the migrations and owns every table, and the application's role, which is no superuser and owns nothing, so it
 * can neither switch the audit trail's triggers off nor be granted what the migrations withhold from it
 * ({@code V27__least_privilege.sql}: no UPDATE, DELETE or TRUNCATE on the audit trail). Objects that a data
 * directory of an earlier version created as the superuser are handed to the owner.
 */
final class DatabaseRoles {

    private DatabaseRoles() {
    }

    static void prepare(Connection superuser, ClusterCredentials credentials) throws SQLException {
        try (Statement sql = superuser.createStatement()) {
            ensureRole(sql, ClusterCredentials.OWNER, credentials.owner());
            ensureRole(sql, ClusterCredentials.APPLICATION, credentials.application());
            sql.execute("alter schema public owner to " + ClusterCredentials.OWNER);
            sql.execute("revoke all on schema public from public");
            sql.execute("grant usage on schema public to " + ClusterCredentials.APPLICATION);
            // PUBLIC may connect to every database by default; only our two roles (and the superuser) may here
            sql.execute("revoke connect, temporary on database postgres from public");
            sql.execute("grant connect, temporary on database postgres to " + ClusterCredentials.OWNER + ", "
                    + ClusterCredentials.APPLICATION);
            for (String statement : handOverStatements(sql)) {
                sql.execute(statement);
            }
        }
    }

    private static void ensureRole(Statement sql, String role, String password) throws SQLException {
        try (ResultSet exists = sql.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
            if (!exists.next()) {
                sql.execute("create role " + role);
            }
        }
        sql.execute("alter role " + role + " with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls "
                + "password '" + password + "'");
    }

    /** Tables, sequences, views and functions of the public schema still owned by the superuser. */
    private static List<String> handOverStatements(Statement sql) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("""
                select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and pg_get_userbyid(c.relowner) = 'postgres'
                  and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
                  -- a sequence owned by a column follows its table
                  and not (c.relkind = 'S' and exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i')))
                order by c.relkind desc""")) {
            while (rows.next()) {
                String kind = switch (rows.getString("relkind")) {
                    case "S" -> "sequence";
                    case "v" -> "view";
                    case "m" -> "materialized view";
                    case "f" -> "foreign table";
                    default -> "table";
                };
                statements.add("alter " + kind + " public.\"" + rows.getString("relname") + "\" owner to " + ClusterCredentials.OWNER);
            }
        }
        try (ResultSet rows = sql.executeQuery("""
                select p.oid::regprocedure::text as signature from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname = 'public' and pg_get_userbyid(p.proowner) = 'postgres'""")) {
            while (rows.next()) {
                statements.add("alter routine " + rows.getString("signature") + " owner to " + ClusterCredentials.OWNER);
            }
        }
        return statements;
    }
}
