-- Issue 22: which store holds an item's bytes, so items stored before a switch to S3 stay readable.
alter table evidence_item add column backend text not null default 'filesystem';
