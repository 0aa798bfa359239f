-- camera: per-camera permissions. A camera with grants is restricted: only the people named here (and heads of the
-- managing unit) may watch it live, capture from it or export its footage.

create table camera_grant (
    camera_id  bigint not null references camera (id) on delete cascade,
    username   text not null,
    granted_by text not null,
    granted_at timestamptz not null default now(),
    primary key (camera_id, username)
);

-- when the monitor first looked at each camera: the outage timeline knows nothing before it
alter table camera_status add column first_checked_at timestamptz;
update camera_status set first_checked_at = since;

-- camera: what the device itself reported over ONVIF, held against what the EPE declared (R1.8)
create table camera_device_check (
    id           bigserial primary key,
    camera_id    bigint not null references camera (id) on delete cascade,
    checked_at   timestamptz not null,
    checked_by   text not null,
    manufacturer text,
    model        text,
    firmware     text,
    serial       text,
    width        integer,
    height       integer,
    frame_rate   integer,
    encoding     text,
    clock_skew_s bigint,
    findings     jsonb not null
);
create index camera_device_check_by_camera on camera_device_check (camera_id, checked_at desc);
