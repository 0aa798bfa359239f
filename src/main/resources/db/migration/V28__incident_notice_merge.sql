-- When the EPE files its Appendix II notice for an outage the monitor already opened, the notice completes that
-- incident instead of opening a second one (issue 15); this is when the EPE notified (compliance, R2.3).
alter table incident add column notice_filed_at timestamptz;
update incident set notice_filed_at = notified_at where origin = 'NOTICE';
