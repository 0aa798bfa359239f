-- camera: the debounced state of each camera and the logbook (R1.5) the health monitor keeps by itself

create table camera_status (
    camera_id  bigint primary key references camera (id) on delete cascade,
    state      text not null check (state in ('ONLINE', 'DEGRADED', 'OFFLINE')),
    since      timestamptz not null,
    reason     text,
    checked_at timestamptz not null
);

create table camera_logbook (
    id                  bigserial primary key,
    camera_id           bigint not null references camera (id) on delete cascade,
    enterprise_tax_code text not null,
    camera_number       text not null,
    location_name       text not null,
    at                  timestamptz not null,
    state               text,
    kind                text not null,
    reason              text not null,
    outage              text check (outage in ('CHANNEL', 'EQUIPMENT')),
    source              text not null check (source in ('MONITOR', 'PERSON')),
    author              text
);
create index camera_logbook_by_enterprise on camera_logbook (enterprise_tax_code, at desc);
