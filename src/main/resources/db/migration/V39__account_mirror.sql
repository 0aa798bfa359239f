-- R6.3: the backup's accounts and unit scopes are the primary's, synchronised from it. A row the primary sent is
-- marked, so that one it no longer sends is disabled (never deleted: the audit trail names it), and an account made
-- on the backup itself (its own administrator) is never overwritten by one of the same name.
alter table unit add column mirrored boolean not null default false;
alter table user_account add column mirrored boolean not null default false;
alter table api_token add column mirrored boolean not null default false;

-- R5.9: while both clearance systems are down, declarants proceed on paper; customs keeps a record of each manual
-- procedure and, once a system is back, links it to the electronic declaration that regularises it.
create table manual_procedure (
    id                  bigserial primary key,
    unit_id             bigint not null references unit (id),
    enterprise_tax_code text not null,
    paper_reference     text not null,
    type_code           text not null,          -- E11 … E82, as on the electronic declaration
    received_at         timestamptz not null,
    goods               text not null,
    note                text,
    recorded_by         text not null,
    recorded_at         timestamptz not null,
    declaration_number  text,
    regularised_by      text,
    regularised_at      timestamptz,
    unique (enterprise_tax_code, paper_reference)
);
create index manual_procedure_open on manual_procedure (unit_id, received_at) where regularised_at is null;
