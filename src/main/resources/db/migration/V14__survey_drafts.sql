-- A survey upload from the dashboard before it is published: its files, so that the researcher can
-- read the problems, download translation templates and add translations over several requests.
-- Holds survey texts only (no answers, no identities); deleted when published or discarded.
create table survey_drafts (
    id         uuid primary key,
    survey_id  text        not null,
    sources    jsonb       not null,
    created_by text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index survey_drafts_created on survey_drafts (created_at);
