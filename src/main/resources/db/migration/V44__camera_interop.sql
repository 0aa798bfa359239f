-- issue 20: a camera names which profile of its device it is (a recorder's channel), how its RTSP stream is carried,
-- and may be retired; the monitor says CHECKING until a new camera's first result is confirmed

alter table camera add column onvif_profile text;
alter table camera add column rtsp_transport text check (rtsp_transport in ('TCP', 'UDP', 'AUTO'));
alter table camera add column retired_at timestamptz;

alter table camera_status drop constraint camera_status_state_check;
alter table camera_status add constraint camera_status_state_check check (state in ('CHECKING', 'ONLINE', 'DEGRADED', 'OFFLINE'));
-- a status row the monitor wrote at its first probe and never confirmed
update camera_status set state = 'CHECKING' where reason = 'first probe';

-- what the latest probe found, beside the debounced state: a camera confirming its recovery, or whose fault is changing,
-- shows both (issue 20: a stale reason stayed for minutes)
alter table camera_status add column latest_state text;
alter table camera_status add column latest_reason text;
