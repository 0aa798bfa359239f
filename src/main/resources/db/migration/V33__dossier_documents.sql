-- supporting documents of a declaration and the signing certificates enterprises register (R5.3)

-- the certificates an enterprise registered with customs to sign its documents; a withdrawn one signs nothing new
create table enterprise_certificate (
    id                  bigserial primary key,
    enterprise_tax_code text not null,
    subject             text not null,
    issuer              text not null,
    serial              text not null,
    not_before          timestamptz not null,
    not_after           timestamptz not null,
    sha256              text not null,
    der                 bytea not null,
    registered_by       text not null,
    registered_at       timestamptz not null,
    withdrawn_at        timestamptz,
    unique (enterprise_tax_code, sha256)
);

-- a document attached to a declaration, the detached signature that came with it and what its check found
create table dossier_document (
    id                  bigserial primary key,
    dossier_id          bigint not null references dossier (id),
    kind                text not null check (kind in ('INVOICE', 'PACKING_LIST', 'BILL_OF_LADING', 'CONTRACT', 'PERMIT', 'OTHER')),
    file_name           text not null,
    media_type          text not null,
    content             bytea not null,
    sha256              text not null,
    signature           bytea,
    signature_status    text not null check (signature_status in
                            ('NOT_SIGNED', 'VALID', 'TAMPERED', 'WRONG_CERTIFICATE', 'EXPIRED', 'MALFORMED')),
    signature_detail    text,
    signer              text,
    certificate_id      bigint references enterprise_certificate (id),
    uploaded_by         text not null,
    uploaded_at         timestamptz not null,
    unique (dossier_id, sha256, kind)
);
create index dossier_document_dossier on dossier_document (dossier_id);
