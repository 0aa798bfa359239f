-- Issue 22: gate events, positions and the fact log are partitioned by month, so that retention drops a month's
-- partition instead of deleting rows. Each table becomes a partitioned table with a default partition holding what is
-- there now; at start-up and every day the application (kernel.MonthlyPartitions) creates the months of the retention
-- window and the next ones, moving their rows out of the default partition, and drops the months past retention.

-- A partitioned table's unique keys must hold its partition column: nothing can reference gate_event (id) any more.
-- Its readings and idempotency keys keep the id; their rows go with the passage's retention.
do $$
declare c record;
begin
    for c in select conname, conrelid::regclass as tbl from pg_constraint where confrelid = 'gate_event'::regclass loop
        execute format('alter table %s drop constraint %I', c.tbl, c.conname);
    end loop;
end $$;

-- gate_event by the time of the passage
alter sequence gate_event_id_seq owned by none;
alter table gate_event rename to gate_event_unpartitioned;
alter index gate_event_pkey rename to gate_event_unpartitioned_pkey;
alter index gate_event_by_enterprise_time rename to gate_event_unpartitioned_by_enterprise_time;
create table gate_event (like gate_event_unpartitioned including defaults including constraints) partition by range (captured_at);
alter table gate_event add primary key (id, captured_at);
create index gate_event_by_enterprise_time on gate_event (enterprise_tax_code, captured_at desc);
create table gate_event_default partition of gate_event default;
insert into gate_event select * from gate_event_unpartitioned;
drop table gate_event_unpartitioned;
alter sequence gate_event_id_seq owned by gate_event.id;

-- vehicle_position by the time of the fix
alter table vehicle_position rename to vehicle_position_unpartitioned;
alter index vehicle_position_pkey rename to vehicle_position_unpartitioned_pkey;
alter index vehicle_position_by_batch rename to vehicle_position_unpartitioned_by_batch;
create table vehicle_position (like vehicle_position_unpartitioned including defaults including constraints) partition by range (at);
alter table vehicle_position add primary key (plate, at);
create index vehicle_position_by_batch on vehicle_position (batch);
create table vehicle_position_default partition of vehicle_position default;
insert into vehicle_position select * from vehicle_position_unpartitioned;
drop table vehicle_position_unpartitioned;

-- risk_fact by when it was logged (the log's own order); a source key is looked up, no longer unique: one writer per
-- engine partition (the lease holder) checks before it appends
alter sequence risk_fact_seq_seq owned by none;
alter table risk_fact rename to risk_fact_unpartitioned;
alter index risk_fact_pkey rename to risk_fact_unpartitioned_pkey;
alter index risk_fact_by_time rename to risk_fact_unpartitioned_by_time;
alter index risk_fact_by_part rename to risk_fact_unpartitioned_by_part;
alter table risk_fact_unpartitioned drop constraint risk_fact_part_source_key;
create table risk_fact (like risk_fact_unpartitioned including defaults including constraints) partition by range (logged_at);
alter table risk_fact add primary key (seq, logged_at);
create index risk_fact_by_time on risk_fact (occurred_at);
create index risk_fact_by_part on risk_fact (part, seq);
create index risk_fact_by_source on risk_fact (part, source_key);
create table risk_fact_default partition of risk_fact default;
insert into risk_fact select * from risk_fact_unpartitioned;
drop table risk_fact_unpartitioned;
alter sequence risk_fact_seq_seq owned by risk_fact.seq;

-- what each table's retention has dropped so far (a replay compares only what the log still holds)
create table retention_mark (
    table_name     text primary key,
    dropped_before timestamptz not null
);
