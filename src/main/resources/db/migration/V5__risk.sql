-- risk: warnings raised by the rules

create table warning (
    id                  bigserial primary key,
    rule                text not null,
    enterprise_tax_code text not null,
    gate_event_id       bigint,
    occurred_at         timestamptz not null,
    summary             text not null,
    evidence            jsonb not null,
    status              text not null check (status in ('OPEN', 'RESOLVED_BY_DATA')),
    status_reason       text,
    raised_at           timestamptz not null,
    status_changed_at   timestamptz not null,
    unique (rule, gate_event_id)
);
create index warning_by_enterprise_status on warning (enterprise_tax_code, status, raised_at desc);
