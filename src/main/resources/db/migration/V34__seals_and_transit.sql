-- seals seen at the gate and on a transit's arrival, and the transit a declarant asks for (R5.7, R5.8)

-- the seals a gate saw on the containers, when it reports them
alter table gate_event add column seals jsonb not null default '[]';

-- the destination office's arrival confirmation with the seals it found
alter table declaration add column arrival jsonb;

-- a transit asked for on a declaration processed here: route, deadline and customs' decision; then the arrival
alter table dossier add column transit jsonb;
alter table dossier add column arrival jsonb;

-- a broker (a declarant account) authorised by an enterprise to declare for it (R6.2)
create table declarant_mandate (
    id                  bigserial primary key,
    enterprise_tax_code text not null,
    declarant           text not null,
    valid_until         date,
    granted_by          text not null,
    granted_at          timestamptz not null,
    revoked_by          text,
    revoked_at          timestamptz
);
create index declarant_mandate_declarant on declarant_mandate (declarant) where revoked_at is null;
