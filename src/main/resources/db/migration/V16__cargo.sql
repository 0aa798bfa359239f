-- cargo: manifests, warehouse receipt/delivery notes, port/ICD gate confirmations (R4.4). One row per document
-- (its latest version, as JSON), every version kept as received.

create table cargo_document (
    kind                text not null check (kind in ('MANIFEST', 'WAREHOUSE_NOTE', 'AREA_CONFIRMATION')),
    reference           text not null,  -- manifest number; tax code/note number; confirmation id
    enterprise_tax_code text not null,
    version             int not null,
    occurred_at         timestamptz not null,
    content             jsonb not null,  -- the validated document without its version and receipt time
    received_at         timestamptz not null,
    updated_at          timestamptz not null,
    primary key (kind, reference)
);
create index cargo_document_by_enterprise on cargo_document (enterprise_tax_code, kind, occurred_at desc);

create table cargo_document_version (
    kind        text not null,
    reference   text not null,
    version     int not null,
    body        jsonb not null,  -- the input as posted
    received_at timestamptz not null,
    primary key (kind, reference, version)
);
