-- issue 20: each change of an enterprise's site diagram is numbered, so the coverage it leaves (R1.1, R1.3) is told
-- apart from the coverage of the change before
alter table enterprise add column diagram_version bigint not null default 0;
