-- R6.1: the primary/backup pair. One row: where this instance stands.
create table intake_state (
    id              int primary key check (id = 1),
    role            text not null,
    mode            text not null,
    epoch           bigint not null,
    since           timestamptz not null,
    reason          text,
    changed_by      text,
    journal_applied bigint not null default 0 -- on a primary: the backup's journal applied up to this seq
);

-- On a backup: every state a declaration reaches there, for the primary to take back exactly once (R6.4).
create table dossier_journal (
    seq      bigserial primary key,
    number   text not null,
    steps    int not null,
    snapshot jsonb not null,
    at       timestamptz not null
);

-- On a primary: how many of the backup's steps its copy of a declaration the backup accepted holds.
alter table dossier add column backup_steps int;
-- On a backup: when the primary took the declaration back; it continues there, and is read-only here.
alter table dossier add column handed_over_at timestamptz;
