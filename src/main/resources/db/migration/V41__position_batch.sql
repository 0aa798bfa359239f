-- Issue 18 §3: PositionsRecorded names its batch instead of carrying up to 5,000 positions into the event outbox; the
-- risk engine reads the batch back. Batches grow with insertion order, so a BRIN index finds one for almost nothing.
create sequence position_batch;
alter table vehicle_position add column batch bigint;
create index vehicle_position_by_batch on vehicle_position using brin (batch);
