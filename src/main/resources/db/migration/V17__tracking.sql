-- tracking: geofences, GPS positions, trips (R4.4, R4.5, R5.7)

create table geofence (
    code                text primary key,  -- EPE-LINH-TRUNG, PORT-CAT-LAI, ICD-TANAMEXCO, BORDER-MOC-BAI
    name                text not null,
    kind                text not null check (kind in ('EPE_SITE', 'PORT', 'ICD', 'BORDER_GATE', 'PARKING', 'OTHER')),
    enterprise_tax_code text,
    ring                jsonb not null,     -- [[lon, lat], ...] closed
    updated_at          timestamptz not null,
    updated_by          text not null
);

-- one row per fix; a repeat of the same vehicle and instant is a duplicate and stored once
create table vehicle_position (
    plate       text not null,
    at          timestamptz not null,
    lat         double precision not null,
    lon         double precision not null,
    speed_kmh   real not null,
    heading     real not null,
    source      text not null,
    zone        text,
    received_at timestamptz not null,
    primary key (plate, at)
);

-- trackers that do not send a plate as their id
create table gps_device (
    device_id  text primary key,
    plate      text not null,
    updated_at timestamptz not null
);

create table trip (
    id                  bigserial primary key,
    plate               text not null,
    enterprise_tax_code text not null,
    reference           text,               -- declaration:NUMBER or manifest:NUMBER
    origin              text not null references geofence (code),
    destination         text not null references geofence (code),
    expected_minutes    int not null,
    started_at          timestamptz not null,
    stage               text not null check (stage in ('STARTED', 'ARRIVED', 'CANCELLED')),
    ended_at            timestamptz,
    source_key          text unique,         -- what created it (transit declaration and passage): created once
    created_at          timestamptz not null
);
create index trip_open_by_plate on trip (plate) where stage = 'STARTED';
create index trip_by_enterprise on trip (enterprise_tax_code, started_at desc);
