-- planning: monthly supervision plans of a sub-department and their checks (R4.1–R4.3)
create table supervision_plan (
    id              bigserial primary key,
    unit_id         bigint not null references unit (id),
    month           date not null,          -- its first day
    seed            bigint not null,        -- the draw, kept so the plan can be reproduced and audited
    generated_by    text not null,
    generated_at    timestamptz not null,
    unique (unit_id, month)
);

create table supervision_check (
    id                  bigserial primary key,
    plan_id             bigint not null references supervision_plan (id),
    enterprise_tax_code text not null,
    officer             text not null,
    at                  timestamp not null,     -- local time in Vietnam
    unscheduled         boolean not null,
    moved_by            text,
    result              jsonb,
    result_by           text,
    result_at           timestamptz
);
create index supervision_check_officer on supervision_check (officer, at);
