-- identity: customs units, people, machine tokens

create table unit (
    id          bigserial primary key,
    code        text not null unique,
    name        text not null,
    kind        text not null check (kind in ('DEPARTMENT', 'SUB_DEPARTMENT')),
    parent_id   bigint references unit (id),
    created_at  timestamptz not null default now()
);

create table user_account (
    id                  bigserial primary key,
    username            text not null unique,
    display_name        text not null,
    password_hash       text not null,
    unit_id             bigint references unit (id),
    enterprise_tax_code text,
    enabled             boolean not null default true,
    created_at          timestamptz not null default now()
);

create table user_role (
    user_id bigint not null references user_account (id) on delete cascade,
    role    text   not null,
    primary key (user_id, role)
);

-- Tokens are random 256-bit secrets; only their SHA-256 is kept, so a database leak reveals none.
create table api_token (
    id           bigserial primary key,
    name         text not null unique,
    token_hash   text not null unique,
    scopes       text[] not null,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    created_at   timestamptz not null default now()
);
