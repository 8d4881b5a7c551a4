-- Stem schema. Channel identities (phone numbers, chat ids) live only in channel_identities and
-- outbox.recipient; answers and exports use the respondent's pseudonym.

create table respondents (
    id                 uuid primary key,
    pseudonym          text        not null unique,
    preferred_language text,
    status             text        not null default 'active',
    created_at         timestamptz not null default now()
);

create table channel_identities (
    id            bigserial primary key,
    respondent_id uuid        not null references respondents (id) on delete cascade,
    channel       text        not null,
    provider_id   text        not null,
    created_at    timestamptz not null default now(),
    unique (channel, provider_id)
);
create index channel_identities_respondent on channel_identities (respondent_id);

create table surveys (
    id         text primary key,
    created_at timestamptz not null default now(),
    retired_at timestamptz
);

-- A published version is immutable: its sources (survey YAML and PO files) are kept verbatim.
create table survey_versions (
    id           bigserial primary key,
    survey_id    text        not null references surveys (id),
    version      int         not null,
    checksum     text        not null,
    sources      jsonb       not null,
    published_by text        not null,
    published_at timestamptz not null default now(),
    unique (survey_id, version),
    unique (survey_id, checksum)
);

create function survey_versions_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'survey_versions are immutable: publish a new version instead';
end $$;
create trigger survey_versions_no_update before update on survey_versions
    for each row execute function survey_versions_immutable();

create table sessions (
    id                uuid primary key,
    respondent_id     uuid        not null references respondents (id) on delete cascade,
    survey_version_id bigint      not null references survey_versions (id),
    channel           text        not null,
    status            text        not null,
    language          text,
    current_question  text,
    state             jsonb       not null,
    preview           boolean     not null default false,
    started_at        timestamptz not null,
    updated_at        timestamptz not null,
    completed_at      timestamptz
);
create index sessions_respondent on sessions (respondent_id, started_at desc);

create table media_objects (
    id               uuid primary key,
    respondent_id    uuid        not null references respondents (id) on delete cascade,
    channel          text        not null,
    kind             text        not null,
    mime_type        text,
    size_bytes       bigint,
    duration_seconds int,
    provider_ref     text,
    sha256           text,
    status           text        not null,
    attempts         int         not null default 0,
    last_error       text,
    created_at       timestamptz not null default now(),
    stored_at        timestamptz
);
create index media_objects_pending on media_objects (created_at) where status = 'pending';

create table answers (
    id                bigserial primary key,
    session_id        uuid        not null references sessions (id) on delete cascade,
    respondent_id     uuid        not null references respondents (id) on delete cascade,
    survey_version_id bigint      not null references survey_versions (id),
    question_id       text        not null,
    question_type     text        not null,
    value             jsonb       not null,
    raw_text          text,
    language          text        not null,
    channel           text        not null,
    ioi_tags          text[]      not null,
    media_id          uuid references media_objects (id) on delete set null,
    preview           boolean     not null,
    answered_at       timestamptz not null,
    unique (session_id, question_id)
);
create index answers_version on answers (survey_version_id, answered_at);
create index answers_respondent on answers (respondent_id);

-- Processed provider message ids: a unique-key conflict means a duplicate delivery.
create table inbound_messages (
    channel             text        not null,
    provider_message_id text        not null,
    received_at         timestamptz not null default now(),
    primary key (channel, provider_message_id)
);

create table outbox (
    id                  bigserial primary key,
    channel             text        not null,
    respondent_id       uuid references respondents (id) on delete cascade,
    recipient           text        not null,
    priority            int         not null default 0,
    payload             jsonb       not null,
    status              text        not null default 'queued',
    attempts            int         not null default 0,
    next_attempt_at     timestamptz not null default now(),
    idempotency_key     uuid        not null unique,
    created_at          timestamptz not null default now(),
    sent_at             timestamptz,
    provider_message_id text,
    last_error          text
);
create index outbox_due on outbox (channel, priority, next_attempt_at, id) where status = 'queued';
create index outbox_recipient on outbox (respondent_id, id);

-- Who did what, when. Never personal data: subjects are survey ids, pseudonyms or token names.
create table audit_log (
    id      bigserial primary key,
    at      timestamptz not null default now(),
    actor   text        not null,
    action  text        not null,
    subject text,
    details jsonb
);
