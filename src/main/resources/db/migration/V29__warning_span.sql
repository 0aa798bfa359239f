-- A warning folds the repeated occurrences of its rule on one subject (issue 15): it shows their count (occurrences)
-- and their span, from occurred_at to last_occurred_at.
alter table warning add column last_occurred_at timestamptz;
update warning set last_occurred_at = occurred_at;
alter table warning alter column last_occurred_at set not null;
