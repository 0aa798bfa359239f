-- Issue 19: the risk engine's fact for a batch of positions is now built in the writer's own transaction, right
-- after the batch is written. A BRIN index does not cover pages written since the last summary (autovacuum's, up to
-- a minute and a million positions behind under load), so each read of the newest batch scanned them all: single
-- OsmAnd fixes fell from 950/s to 230/s. A b-tree on an ever-growing key is cheap to append to and finds a batch at once.
drop index vehicle_position_by_batch;
create index vehicle_position_by_batch on vehicle_position (batch);
