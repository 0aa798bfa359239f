-- evidence export packages (R2.2): who exported what, when and why
create table evidence_export (
    id                  uuid primary key,
    enterprise_tax_code text not null,
    camera_number       text not null,
    window_from         timestamptz not null,
    window_to           timestamptz not null,
    reason              text not null,
    created_by          text not null,
    created_at          timestamptz not null,
    files               int not null,
    sha256              text not null,
    location            text not null
);
