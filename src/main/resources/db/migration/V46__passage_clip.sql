-- issue 20: the automatic clip of each gate passage, kept as evidence once the seconds after it have been filmed
create table passage_clip (
    gate_event_id       bigint primary key,
    enterprise_tax_code text not null,
    camera_number       text not null,
    captured_at         timestamptz not null,
    due_at              timestamptz not null,
    state               text not null default 'PENDING' check (state in ('PENDING', 'KEPT', 'FAILED')),
    attempts            int not null default 0,
    evidence_id         uuid,
    reason              text,
    updated_at          timestamptz not null default now()
);
create index passage_clip_due on passage_clip (due_at) where state = 'PENDING';
