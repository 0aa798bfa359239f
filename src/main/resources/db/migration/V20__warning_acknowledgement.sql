-- risk: an officer marks warnings as seen (bulk, from the inbox); the engine's status is untouched
create table warning_acknowledgement (
    warning_id bigint primary key references warning (id),
    by_user    text not null,
    at         timestamptz not null
);
