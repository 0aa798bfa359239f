-- declaration: the full declaration (goods lines, vehicles with their containers, seals, transit route — R5.7)
alter table declaration add column cleared_at timestamptz;
alter table declaration add column goods jsonb not null default '[]';
alter table declaration add column vehicles jsonb not null default '[]';
alter table declaration add column seals jsonb not null default '[]';
alter table declaration add column transit jsonb;
