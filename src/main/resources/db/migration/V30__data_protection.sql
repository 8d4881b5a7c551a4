-- Data protection (docs/data-protection.md): consent records, retention bookkeeping.

-- Each consent decision a respondent made: which text they were shown (survey version, language and
-- the SHA-256 of the exact message text), what they decided, when and on which channel. Refusals are
-- recorded too (no answer of theirs is kept). Erased with the respondent: once everything processed
-- on the basis of a consent is gone there is nothing left to demonstrate it for (art. 7(1), 17 GDPR).
create table consent_records (
    id                bigserial primary key,
    respondent_id     uuid        not null references respondents (id) on delete cascade,
    session_id        uuid        references sessions (id) on delete set null,
    survey_version_id bigint      not null references survey_versions (id),
    question_id       text        not null,
    language          text        not null,
    text_sha256       text        not null check (text_sha256 ~ '^[0-9a-f]{64}$'),
    decision          text        not null check (decision in ('given', 'refused')),
    channel           text        not null,
    at                timestamptz not null
);
create index consent_records_respondent on consent_records (respondent_id, at);
create index consent_records_session on consent_records (session_id) where session_id is not null;

-- Retention (nl.stem.privacy.Retention): one row per day the schedule ran. An instance claims the
-- day by inserting it, so several instances on one database run the schedule once a day.
create table retention_runs (
    day         date        primary key,
    started_at  timestamptz not null,
    finished_at timestamptz,
    deleted     jsonb
);

-- A media file deleted under the retention schedule: the row stays (kind, size, duration, dates) so
-- that answers and figures keep their media count; status becomes 'expired', file and provider
-- reference are gone.
alter table media_objects add column expired_at timestamptz;
-- A session whose raw state was cut down (free text and media references out of the engine's copy).
alter table sessions add column state_purged_at timestamptz;
-- Finding what the schedule is due to delete without reading every row.
create index sessions_ended on sessions (coalesce(completed_at, updated_at))
    where status in ('completed', 'stopped', 'refused', 'expired') and state_purged_at is null;
create index sessions_preview on sessions (started_at) where preview;
create index respondents_opted_out on respondents (opted_out_at) where opted_out_at is not null;
