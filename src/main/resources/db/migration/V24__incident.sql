-- incident: camera and channel outages worked to their working-day deadlines (R1.6, R2.3–R2.5)
create table incident (
    id                      bigserial primary key,
    enterprise_tax_code     text not null,
    kind                    text not null check (kind in ('EQUIPMENT', 'CHANNEL')),
    origin                  text not null check (origin in ('MONITOR', 'NOTICE', 'OFFICER')),
    planned                 boolean not null default false,  -- declared in advance (R1.6): tracked, not held against the EPE
    notice                  jsonb not null,                  -- the Appendix II fields
    notified_at             timestamptz not null,
    deadline                date not null,
    assigned_officer        text,
    supervision_measure     text,
    measure_by              text,
    closed_at               timestamptz,
    close_reason            text,
    opened_by               text not null,
    source_key              text unique                      -- what opened it automatically: opened once
);
create index incident_open on incident (enterprise_tax_code) where closed_at is null;

-- the cameras an incident covers, and when each came back
create table incident_camera (
    incident_id     bigint not null references incident (id),
    camera_number   text not null,
    down_since      timestamptz not null,
    back_at         timestamptz,
    primary key (incident_id, camera_number)
);

create table incident_follow_up (
    incident_id     bigint not null references incident (id),
    day             date not null,
    text            text not null,
    by_user         text not null,
    at              timestamptz not null,
    primary key (incident_id, day)
);

create table incident_late_notice (
    id                  bigserial primary key,
    incident_id         bigint not null references incident (id),
    reason              text not null,
    new_expected        timestamptz not null,
    by_user             text not null,
    at                  timestamptz not null
);

-- the manual gate log kept while a gate camera is down (R2.3): each entry is a gate event of source manual-log
create table incident_gate_entry (
    incident_id     bigint not null references incident (id),
    gate_event_id   bigint not null,
    by_user         text not null,
    at              timestamptz not null,
    primary key (incident_id, gate_event_id)
);
