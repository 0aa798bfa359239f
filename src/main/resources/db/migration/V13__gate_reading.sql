-- What recognition (or an edge ANPR camera) read for a gate event: each plate and container with its confidence,
-- whether officers must check it (UNCERTAIN, R1.2), and the pictures kept as evidence.
create table gate_reading (
    id                 bigserial primary key,
    gate_event_id      bigint not null references gate_event (id),
    kind               text not null check (kind in ('PLATE', 'CONTAINER')),
    text               text not null,
    confidence         numeric(4, 3) not null check (confidence between 0 and 1),
    status             text not null check (status in ('CONFIDENT', 'UNCERTAIN')),
    frames             int not null check (frames >= 1),
    note               text,
    crop_evidence_id   uuid,
    frame_evidence_id  uuid
);
create index gate_reading_by_event on gate_reading (gate_event_id);
create index gate_reading_uncertain on gate_reading (status) where status = 'UNCERTAIN';
