-- a declarant's own API tokens: its software declares as the declarant, with the declarant's rights (R5.1)
alter table api_token add column owner text;
create index api_token_owner on api_token (owner) where owner is not null;
