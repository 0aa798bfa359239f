-- notification: in-app notices per person, and their e-mail delivery (issue 7.7)
create table notification (
    id              bigserial primary key,
    recipient       text not null,
    kind            text not null,
    subject         text not null,
    body            text not null,
    link            text,
    dedupe_key      text not null,          -- the same notice is given once per person
    created_at      timestamptz not null,
    read_at         timestamptz,
    email_state     text not null check (email_state in ('NONE', 'PENDING', 'SENT', 'FAILED')),
    email_attempts  int not null default 0,
    unique (recipient, dedupe_key)
);
create index notification_inbox on notification (recipient, created_at desc);
create index notification_outbox on notification (id) where email_state = 'PENDING';

-- where a person wants their notices by e-mail
create table notification_address (
    username    text primary key,
    email       text not null,
    updated_at  timestamptz not null
);
