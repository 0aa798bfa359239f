-- R5.9: the notice customs publishes when its clearance system fails, and the one when it is back. Drafted by the
-- backup when it declares the primary down and when it hands back; published by customs IT within 2 hours (or 2
-- hours into the next working day); public on the status page and sent to the enterprises' people.
create table outage_notice (
    id            bigserial primary key,
    kind          text not null check (kind in ('OUTAGE', 'RESTORED')),
    epoch         bigint not null,            -- the pair's epoch it belongs to: one notice of each kind per change
    happened_at   timestamptz not null,       -- when the system failed, or came back
    drafted_at    timestamptz not null,
    due_at        timestamptz not null,
    title         text not null,
    body          text not null,
    published_at  timestamptz,
    published_by  text,
    unique (kind, epoch)
);
