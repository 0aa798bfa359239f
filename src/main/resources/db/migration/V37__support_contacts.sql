-- R6.5: where problems with the clearance systems go. Technical ones to the IT board, business ones to the
-- supervision, tax and risk management boards; each unit names its contact point for each kind.
create table support_contact (
    unit_id     bigint not null references unit (id),
    board       text not null check (board in ('IT', 'SUPERVISION', 'TAX', 'RISK_MANAGEMENT')),
    name        text not null,
    phone       text,
    email       text,
    updated_at  timestamptz not null,
    updated_by  text not null,
    primary key (unit_id, board),
    check (phone is not null or email is not null)
);
