-- identity, issue 3: the whole unit tree, account security, MFA, the audit trail, the camera credential vault

alter table unit drop constraint unit_kind_check;
alter table unit add constraint unit_kind_check
    check (kind in ('GENERAL_DEPARTMENT', 'DEPARTMENT', 'SUB_DEPARTMENT', 'HQ_BOARD'));
alter table unit add column board text check (board in ('SUPERVISION', 'TAX', 'RISK_MANAGEMENT', 'IT'));

alter table user_account add column must_change_password boolean not null default false;
alter table user_account add column password_changed_at timestamptz;
alter table user_account add column failed_sign_ins int not null default 0;
alter table user_account add column locked_until timestamptz;
alter table user_account add column totp_secret text;          -- encrypted by the vault
alter table user_account add column totp_enabled boolean not null default false;

create table recovery_code (
    user_id   bigint not null references user_account (id) on delete cascade,
    code_hash text   not null,
    used_at   timestamptz,
    primary key (user_id, code_hash)
);

alter table api_token add column created_by text;

-- Append-only and hash-chained: each record's hash covers the previous record's hash, so an edited or deleted
-- row breaks the chain at a place the verification names. The trigger stops the application's own account from
-- changing history; the chain catches anyone who gets past it.
create table audit_record (
    id                  bigserial primary key,
    at                  timestamptz not null,
    actor               text not null,
    action              text not null,
    enterprise_tax_code text,
    target              text,
    details             text not null,
    prev_hash           text not null,
    hash                text not null
);
create index audit_by_actor on audit_record (actor, at desc);
create index audit_by_enterprise on audit_record (enterprise_tax_code, at desc);
create index audit_by_action on audit_record (action, at desc);

create function audit_record_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_record is append-only';
end
$$;
create trigger audit_record_no_change before update or delete on audit_record
    for each row execute function audit_record_append_only();

-- what an EPE hands over for its cameras (R2.2): account and password sealed together with AES-256-GCM
create table camera_credential (
    camera_id          bigint primary key references camera (id) on delete cascade,
    password_encrypted text not null,
    key_id             text not null,
    updated_by         text not null,
    updated_at         timestamptz not null
);
