-- declaration: customs declarations as known to customs; a re-post is a new version of the same number

create table declaration (
    number              text primary key,
    version             int not null,
    type_code           text not null,
    enterprise_tax_code text not null,
    direction           text not null check (direction in ('IMPORT', 'EXPORT')),
    registered_at       timestamptz not null,
    status              text not null,
    lane                text check (lane in ('GREEN', 'YELLOW', 'RED')),
    vehicle_plates      text[] not null default '{}',
    container_numbers   text[] not null default '{}',
    received_at         timestamptz not null,
    updated_at          timestamptz not null
);
create index declaration_by_enterprise_time on declaration (enterprise_tax_code, direction, registered_at);

-- every version as received, so an officer can see what changed and when
create table declaration_version (
    number      text not null references declaration (number),
    version     int  not null,
    body        jsonb not null,
    received_at timestamptz not null,
    primary key (number, version)
);
