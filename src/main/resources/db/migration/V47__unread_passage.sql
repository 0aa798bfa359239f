-- Issue 21: a vehicle whose plate and containers could not be read is itself a fact for customs. Its passage is
-- recorded with nothing read, and one reading says so: status UNREAD, no text, the frame kept as evidence; it waits
-- in the officers' reads-to-check queue beside the UNCERTAIN reads.
alter table gate_reading alter column text drop not null;
alter table gate_reading drop constraint gate_reading_status_check;
alter table gate_reading add constraint gate_reading_status_check check (status in ('CONFIDENT', 'UNCERTAIN', 'UNREAD'));
alter table gate_reading add constraint gate_reading_unread_has_no_text check ((status = 'UNREAD') = (text is null));
drop index gate_reading_uncertain;
create index gate_reading_to_check on gate_reading (enterprise_tax_code, captured_at desc) where status <> 'CONFIDENT';
