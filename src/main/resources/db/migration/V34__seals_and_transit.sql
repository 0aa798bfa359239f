-- seals seen at the gate and on a transit's arrival, and the transit a declarant asks for (R5.7, R5.8)

-- the seals a gate saw on the containers, when it reports them
alter table gate_event add column seals jsonb not null default '[]';

-- the destination office's arrival confirmation with the seals it found
alter table declaration add column arrival jsonb;

-- a transit asked for on a declaration processed here: route, deadline and customs' decision; then the arrival
alter table dossier add column transit jsonb;
alter table dossier add column arrival jsonb;
