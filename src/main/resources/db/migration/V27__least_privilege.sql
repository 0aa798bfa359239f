-- Least privilege (issue 14). The migrations run as the schema owner; the application connects as ${appRole}, which
-- may read and write the tables but owns none: it cannot alter a table or its triggers, and may not UPDATE, DELETE
-- or TRUNCATE the audit trail (R3.1). Tables made by later migrations get the same rights by default.
do $$
begin
    if '${appRole}' <> current_user then
        execute format('grant usage on schema public to %I', '${appRole}');
        execute format('grant select, insert, update, delete on all tables in schema public to %I', '${appRole}');
        execute format('grant usage, select, update on all sequences in schema public to %I', '${appRole}');
        execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', '${appRole}');
        execute format('alter default privileges in schema public grant usage, select, update on sequences to %I', '${appRole}');
        execute format('revoke update, delete, truncate on audit_record from %I', '${appRole}');
    end if;
end
$$;
revoke all on audit_record from public;

-- TRUNCATE skips row triggers: a statement-level trigger refuses it too, whoever has the privilege
create trigger audit_record_no_truncate before truncate on audit_record
    for each statement execute function audit_record_append_only();
