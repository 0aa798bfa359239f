-- casework: files attached to a case (the bytes are evidence, held, linked to the case)
create table case_attachment (
    case_id     bigint not null references warning_case (id),
    evidence_id uuid not null,
    file_name   text not null,
    added_by    text not null,
    added_at    timestamptz not null,
    primary key (case_id, evidence_id)
);
