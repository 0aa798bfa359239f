-- evidence: snapshots and clips kept at least 12 months (R2.2), each with its SHA-256, linked to what it proves

create table evidence_item (
    id                  uuid primary key,
    sha256              text not null,
    media_type          text not null,
    size_bytes          bigint not null,
    enterprise_tax_code text,
    camera_number       text,
    captured_at         timestamptz not null,
    stored_at           timestamptz not null,
    location            text not null,
    legal_hold          boolean not null default false,
    hold_reason         text,
    purged_at           timestamptz
);
create index evidence_by_stored on evidence_item (stored_at) where purged_at is null;

create table evidence_link (
    evidence_id uuid not null references evidence_item (id),
    kind        text not null check (kind in ('GATE_EVENT', 'WARNING', 'CASE')),
    ref         text not null,
    primary key (evidence_id, kind, ref)
);
create index evidence_link_by_ref on evidence_link (kind, ref);
