-- risk: the fact log the engine reads, in the order it read it, so that a replay gives the same warnings (R4.5)

create table risk_fact (
    seq         bigserial primary key,
    source_key  text not null unique,  -- the source event ("gate:12", "declaration:305512340010:v2"): a redelivery logs nothing
    type        text not null,
    occurred_at timestamptz not null,
    body        jsonb not null,
    logged_at   timestamptz not null default now()
);
create index risk_fact_by_time on risk_fact (occurred_at);

-- warnings are identified by what they are about (RULE|subject); duplicates merge into one row
alter table warning add column key text;
update warning set key = rule || '|gate:' || gate_event_id;
alter table warning alter column key set not null;
alter table warning add constraint warning_key unique (key);
alter table warning drop constraint warning_rule_gate_event_id_key;
alter table warning add column severity text not null default 'MEDIUM'
    check (severity in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL'));
alter table warning add column score int not null default 50 check (score between 0 and 100);
alter table warning add column explanation_vi text;
alter table warning add column occurrences int not null default 1;
create index warning_by_score on warning (status, score desc, raised_at desc);
