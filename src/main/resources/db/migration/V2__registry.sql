-- registry: enterprises, their storage/gate locations and numbered cameras (R1.1, R1.4, R1.7, R1.8)

create table enterprise (
    id                           bigserial primary key,
    tax_code                     text not null unique,
    name                         text not null,
    address                      text not null,
    established_on               date,
    investment_certificate_on    date,
    operating_with_cameras       boolean not null default false,
    contact_name                 text,
    contact_phone                text,
    managing_unit_id             bigint not null references unit (id),
    created_at                   timestamptz not null default now(),
    updated_at                   timestamptz not null default now()
);
create index enterprise_by_unit on enterprise (managing_unit_id);

create table location (
    id            bigserial primary key,
    enterprise_id bigint not null references enterprise (id) on delete cascade,
    name          text not null,
    kind          text not null check (kind in ('GATE', 'WAREHOUSE_GATE', 'YARD', 'WAREHOUSE_INSIDE', 'OTHER_REQUIRED')),
    goods         text[] not null default '{}',
    unique (enterprise_id, name)
);

create table camera (
    id            bigserial primary key,
    enterprise_id bigint not null references enterprise (id) on delete cascade,
    number        text not null,
    location_id   bigint not null references location (id),
    stream_url    text,
    snapshot_url  text,
    direction     text check (direction in ('IN', 'OUT', 'BOTH')),
    specs         jsonb not null default '{}',
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    unique (enterprise_id, number)
);
