-- A notice's title and text are said in the reader's language from its kind and these arguments (issue 15); the
-- stored subject and body stay the bilingual e-mail.
alter table notification add column args text[];
