-- calendar: the government's yearly announcements over the computed holidays, and each unit's working hours
-- (R2.3–R2.5, R4.1)
create table calendar_adjustment (
    day         date primary key,
    day_off     boolean not null,       -- true: an extra day off; false: a weekend or holiday worked (a swap)
    reason      text not null,
    source      text not null,          -- the announcement it comes from
    created_by  text not null,
    created_at  timestamptz not null
);

create table unit_working_hours (
    unit_id     bigint primary key references unit (id),
    opens       time not null,
    closes      time not null,
    updated_by  text not null,
    updated_at  timestamptz not null,
    check (opens < closes)
);
