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
