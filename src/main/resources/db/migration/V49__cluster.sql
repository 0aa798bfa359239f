-- Issue 22: several instances share the work. Each says it is alive here; the partitioned work (the risk engine by
-- enterprise, the cameras' probes) is leased partition by partition. An epoch raised at each claim fences the writes
-- of a holder that was too slow to renew.
create table cluster_member (
    id           text primary key,
    host         text not null,
    started_at   timestamptz not null,
    heartbeat_at timestamptz not null,
    kinds        text[] not null default '{}'  -- the kinds of work it takes part in: the fair share is per kind
);

create table work_lease (
    kind       text not null,
    part       int not null,
    owner      text,
    epoch      bigint not null default 0,
    expires_at timestamptz not null default '-infinity',
    primary key (kind, part)
);

-- The risk engine is partitioned by enterprise: each partition has its own queue, log and clock, and a replay of a
-- partition gives its warnings. Facts logged before are in partition 0 of the count this database was first set to;
-- until then a count of 1 keeps them all together (see RiskPartitions).
alter table risk_fact add column part int not null default 0;
alter table risk_fact drop constraint risk_fact_source_key_key;
alter table risk_fact add constraint risk_fact_part_source_key unique (part, source_key);
create index risk_fact_by_part on risk_fact (part, seq);

alter table risk_fact_queue add column part int not null default 0;
alter table risk_fact_queue drop constraint risk_fact_queue_source_key_key;
alter table risk_fact_queue add constraint risk_fact_queue_part_source_key unique (part, source_key);
create index risk_fact_queue_by_part on risk_fact_queue (part, seq) where attempts < 5;


-- A batch of positions goes to the partitions of the enterprises whose trips follow its vehicles (open, or ended
-- within the engine's window, as positions after an arrival still re-judge the trip).
create index trip_by_plate on trip (plate, ended_at);
