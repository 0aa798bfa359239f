-- tracking: who started a trip and why one ended early (a cancelled trip silences its rules: the reason is kept)
alter table trip add column started_by text;
alter table trip add column end_reason text;
