-- casework: warnings worked as cases (R4.6–R4.8): NEW → ANALYSING → PROPOSED → ESCALATED → INSPECTION_ORDERED → CLOSED

create table warning_case (
    id                   bigserial primary key,
    warning_id           bigint not null unique references warning (id),
    enterprise_tax_code  text not null,
    state                text not null check (state in ('NEW', 'ANALYSING', 'PROPOSED', 'ESCALATED', 'INSPECTION_ORDERED', 'CLOSED')),
    assignee             text,
    analysis             text,
    proposal             text,
    outcome              text check (outcome in ('NO_VIOLATION', 'VIOLATION')),
    violation_reference  text,
    opened_by            text not null,
    opened_at            timestamptz not null,
    state_since          timestamptz not null
);
create index warning_case_by_state on warning_case (enterprise_tax_code, state);

-- every transition, with who and why: the time in each state is read from here
create table case_transition (
    case_id    bigint not null references warning_case (id),
    seq        int not null,
    from_state text,
    to_state   text not null,
    actor      text not null,
    note       text,
    at         timestamptz not null,
    primary key (case_id, seq)
);

create table case_note (
    id       bigserial primary key,
    case_id  bigint not null references warning_case (id),
    author   text not null,
    text     text not null,
    at       timestamptz not null
);
