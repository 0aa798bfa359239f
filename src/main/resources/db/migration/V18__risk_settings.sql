-- risk: the HQ analysts' watch list and thresholds per sub-department or enterprise

create table watchlist_entry (
    value      text primary key,   -- a plate (canonical) or a container number
    container  boolean not null,
    reason     text not null,
    added_by   text not null,
    added_at   timestamptz not null
);

create table risk_setting (
    scope      text primary key,   -- unit:ID or enterprise:TAXCODE
    thresholds jsonb not null,     -- {name: value} overriding the defaults (docs/rules.md)
    updated_by text not null,
    updated_at timestamptz not null
);
