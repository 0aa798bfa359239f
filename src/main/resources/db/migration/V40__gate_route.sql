-- Issue 18 §1: a gate passage keeps where it happened as the site diagram named it then, so no reader looks the
-- camera and location up again (and a location renamed later does not rewrite history).
alter table gate_event add column location_id bigint;
alter table gate_event add column location_name text;
update gate_event g set location_id = c.location_id, location_name = l.name
from camera c join enterprise e on e.id = c.enterprise_id join location l on l.id = c.location_id
where e.tax_code = g.enterprise_tax_code and c.number = g.camera_number;
update gate_event set location_name = camera_number where location_name is null;
alter table gate_event alter column location_name set not null;

-- A reading keeps its passage's enterprise, camera and time, so the officers' queue of reads to check is recognition's
-- own query rather than a join into the gate module's table.
alter table gate_reading add column enterprise_tax_code text;
alter table gate_reading add column camera_number text;
alter table gate_reading add column captured_at timestamptz;
update gate_reading r set enterprise_tax_code = g.enterprise_tax_code, camera_number = g.camera_number,
    captured_at = g.captured_at
from gate_event g where g.id = r.gate_event_id;
alter table gate_reading alter column enterprise_tax_code set not null;
alter table gate_reading alter column camera_number set not null;
alter table gate_reading alter column captured_at set not null;
drop index gate_reading_uncertain;
create index gate_reading_uncertain on gate_reading (enterprise_tax_code, captured_at desc) where status = 'UNCERTAIN';
