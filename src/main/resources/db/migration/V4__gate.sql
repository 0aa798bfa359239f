-- gate: vehicles passing an EPE gate, as read by a camera, an edge ANPR unit or a person

create table gate_event (
    id                  bigserial primary key,
    enterprise_tax_code text not null,
    camera_number       text not null,
    location_kind       text not null,
    direction           text not null check (direction in ('IN', 'OUT')),
    captured_at         timestamptz not null,
    plate               text,
    plate_raw           text,
    containers          jsonb not null default '[]',
    source              text not null,
    received_at         timestamptz not null
);
create index gate_event_by_enterprise_time on gate_event (enterprise_tax_code, captured_at desc);

-- a retried POST with the same key returns the first result and stores nothing new
create table gate_idempotency (
    idempotency_key text primary key,
    request_hash    text not null,
    gate_event_id   bigint not null references gate_event (id),
    created_at      timestamptz not null default now()
);
