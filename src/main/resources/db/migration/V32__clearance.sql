-- clearance: declarations processed by this system (Decree 87/2012, R5.1–R5.8): the declarant's dossier from the
-- provisional registration (IDA/EDA) through the official one (IDC/EDC), the lane, the checks and the clearance

-- the number series this system owns: one per direction; a sequence never hands out a value twice, even across a
-- crash, and a rolled-back registration leaves a gap, which the series tolerates
create sequence declaration_series_import;
create sequence declaration_series_export;

-- the standing of an enterprise as customs knows it: no row means an active EPE with no overdue tax debt
create table epe_standing (
    enterprise_tax_code      text primary key,
    status                   text not null check (status in ('ACTIVE', 'SUSPENDED', 'DISSOLVED', 'BANKRUPT')),
    tax_debt_overdue_since   date,
    updated_by               text not null,
    updated_at               timestamptz not null
);

-- the goods an EPE registered (materials it imports, products it exports) and how much of each it has declared
create table registered_goods (
    enterprise_tax_code text not null,
    hs_code             text not null check (hs_code ~ '^[0-9]{8}$'),
    unit                text not null,
    description         text not null,
    quantity            numeric(18, 3) not null check (quantity > 0),
    declared            numeric(18, 3) not null default 0 check (declared >= 0),
    primary key (enterprise_tax_code, hs_code, unit)
);

create table dossier (
    id                      bigserial primary key,
    number                  text not null unique,
    direction               text not null check (direction in ('IMPORT', 'EXPORT')),
    type_code               text not null,
    enterprise_tax_code     text not null,
    declarant               text not null,
    reference               text,               -- the declarant's own reference: filing it again is a no-op
    state                   text not null,
    version                 int not null,
    body                    jsonb not null,     -- the declaration as filed, latest version
    computed                jsonb not null,     -- what the system returned at the provisional registration
    subject                 jsonb,              -- what selectivity judged, kept for the criteria preview
    lane                    text check (lane in ('GREEN', 'YELLOW', 'RED')),
    lane_decision           jsonb,              -- the criteria that fired and the random draw
    filed_at                timestamptz not null,
    registered_at           timestamptz,
    due_at                  timestamptz,
    fees_paid_at            timestamptz,
    documents_checked_at    timestamptz,
    inspection_form         text,
    inspection_level        int,
    inspection_ordered_at   timestamptz,
    inspected_at            timestamptz,
    seals                   jsonb not null default '[]',
    cleared_at              timestamptz,
    released_at             timestamptz,
    passed_at               timestamptz,
    cancellation_requested  text,
    replaces                text,
    replaced_by             text,
    updated_at              timestamptz not null,
    unique (declarant, reference)
);
create index dossier_by_enterprise on dossier (enterprise_tax_code, filed_at desc);
create index dossier_worklist on dossier (state, due_at) where state in ('DOCUMENT_CHECK', 'INSPECTION_ORDER', 'INSPECTION', 'HELD');
create index dossier_by_declarant on dossier (declarant, filed_at desc);

-- every version of the declaration as filed: provisional, corrections, amendments, supplements, a replacement
create table dossier_version (
    dossier_id      bigint not null references dossier (id),
    version         int not null,
    business_code   text not null,
    body            jsonb not null,
    reason          text,
    filed_by        text not null,
    filed_at        timestamptz not null,
    primary key (dossier_id, version)
);

-- the processing history: each step, who took it and why, and the feedback message the declarant reads
create table dossier_step (
    id              bigserial primary key,
    dossier_id      bigint not null references dossier (id),
    step            text not null,
    state           text not null,          -- the state after the step
    actor           text not null,
    at              timestamptz not null,
    reason          text,
    details         jsonb not null default '{}'
);
create index dossier_step_by_dossier on dossier_step (dossier_id, id);
-- the declarant's history for selectivity: the discrepancies are few among the steps
create index dossier_step_discrepancy on dossier_step (dossier_id, at) where state = 'HELD';

-- the selectivity criteria HQ analysts edit (R5.5, R5.8); a criterion that fires sends the declaration to at least its lane
create table selectivity_criterion (
    id          bigserial primary key,
    kind        text not null,
    parameter   text not null,
    lane        text not null check (lane in ('YELLOW', 'RED')),
    note        text,
    enabled     boolean not null default true,
    updated_by  text not null,
    updated_at  timestamptz not null
);

-- the minimum random share per lane: a declaration no criterion caught may still be drawn for a check
create table selectivity_share (
    lane        text primary key check (lane in ('YELLOW', 'RED')),
    share       numeric(5, 4) not null check (share >= 0 and share <= 1),
    updated_by  text not null,
    updated_at  timestamptz not null
);
insert into selectivity_share (lane, share, updated_by, updated_at) values
    ('YELLOW', 0.25, 'migration', now()),
    ('RED', 0.02, 'migration', now());
insert into selectivity_criterion (kind, parameter, lane, note, updated_by, updated_at) values
    ('HS_CODE', '9303,9304,9305,3601,3602,3603,3604,2844', 'RED', 'weapons, explosives, radioactive material', 'migration', now()),
    ('COMPLIANCE_BELOW', '60', 'YELLOW', 'camera compliance score below 60 (R2.5)', 'migration', now()),
    ('OPEN_CAMERA_INCIDENTS', '2', 'YELLOW', 'two or more camera incidents open: the gate is not fully watched', 'migration', now()),
    ('RECENT_WARNINGS', '3', 'RED', 'three or more open gate-analysis warnings in the last 30 days', 'migration', now()),
    ('DECLARANT_VIOLATIONS', '1', 'RED', 'the declarant had a discrepancy found in the last 12 months', 'migration', now()),
    ('VALUE_ABOVE', '5000000000', 'YELLOW', 'more than 5 billion VND', 'migration', now());

-- what customs knows of a declaration from this system or the feed: when the physical inspection was recorded
alter table declaration add column inspected_at timestamptz;

-- inspection photos are evidence linked to the declaration (R5.6)
alter table evidence_link drop constraint evidence_link_kind_check;
alter table evidence_link add constraint evidence_link_kind_check check (kind in ('GATE_EVENT', 'WARNING', 'CASE', 'DECLARATION'));
