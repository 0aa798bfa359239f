-- Issue 19: facts wait here for the risk engine, written in the transaction that records their source (a gate
-- passage, a declaration version, a batch of positions), so the engine misses none and the source needs no outbox row
-- of its own. One reader takes them in groups, logs each group in risk_fact in the order it read it and deletes it
-- here, in one transaction: the fact log stays the engine's order, and a group costs one commit instead of one each.
create table risk_fact_queue (
    seq         bigint generated always as identity primary key,
    source_key  text not null unique,  -- as in risk_fact: a source event queued twice waits once
    type        text not null,
    occurred_at timestamptz not null,
    body        jsonb not null,
    queued_at   timestamptz not null default now(),
    attempts    int not null default 0,  -- failed reads of this fact alone; after a few it waits for the next start
    last_error  text
);
