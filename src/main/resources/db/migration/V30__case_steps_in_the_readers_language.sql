-- The steps the system writes on a case (opened from a warning, taken by an officer) are said by the page in the
-- reader's language; the English notes stored for them before are dropped (issue 15).
update case_transition set note = null where note like 'opened from warning %' or note like 'taken by %';
