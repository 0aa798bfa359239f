-- registry: a camera's ONVIF device service address (Profile S); connectors prefer it when it is there

alter table camera add column onvif_url text;
