-- Panel coordination: members, waves, invitations and reminders, contact log, dashboard logins.

-- A panel member is a respondent a coordinator enrolled: their pseudonymous member id from the
-- coordinator's list, the channel to invite them on, and attributes for breakdowns. Respondents
-- who found the bot themselves have no member id.
alter table respondents
    add column member_id      text unique check (member_id ~ '^[A-Za-z0-9._-]{1,64}$'),
    add column channel        text check (channel in ('telegram', 'whatsapp')),
    add column attributes     jsonb       not null default '{}',
    add column time_zone      text,
    add column consent_status text        not null default 'unknown' check (consent_status in ('unknown', 'given', 'refused')),
    add column enrolled_at    timestamptz,
    -- Said STOP: no invitations or reminders until they come back (start a survey again).
    add column opted_out_at   timestamptz;

-- Sessions of a wave, and the progress figures the response-rate categories are computed from:
-- answered = questions answered (not skipped); applicable = questions the respondent was or will
-- be routed to given their answers so far.
alter table sessions
    add column wave_id    bigint,
    add column answered   int not null default 0,
    add column applicable int not null default 0;

-- 'expired': inactive longer than stem.panel.session-expiry; the next message starts afresh.
-- (sessions.status is free text; see SessionStore.)

create table waves (
    id                bigserial primary key,
    name              text        not null check (length(name) between 1 and 200),
    survey_version_id bigint      not null references survey_versions (id),
    status            text        not null default 'open' check (status in ('open', 'closed')),
    -- When the invitations go (each member's moved out of quiet hours in their time zone).
    invite_at         timestamptz not null,
    -- Reminders go this many hours after the invitation, one per entry, to those who have not completed.
    reminder_hours    int[]       not null default '{}',
    created_by        text        not null,
    created_at        timestamptz not null,
    closed_at         timestamptz,
    feedback_sent_at  timestamptz
);

alter table sessions add constraint sessions_wave foreign key (wave_id) references waves (id);
create index sessions_wave on sessions (wave_id) where wave_id is not null;

alter table answers add column wave_id bigint;
create index answers_wave on answers (wave_id, question_id) include (media_id) where wave_id is not null;

create table wave_members (
    wave_id          bigint      not null references waves (id) on delete cascade,
    respondent_id    uuid        not null references respondents (id) on delete cascade,
    channel          text        not null,
    language         text,
    -- Telegram members not linked yet get a deep link to hand out instead of a message.
    invitation_token text references invitations (token) on delete set null,
    -- The invitation message (null for a link to hand out) and the latest reminder.
    invite_outbox_id bigint references outbox (id) on delete set null,
    invited_at       timestamptz not null,
    reminders_sent   int         not null default 0,
    last_reminder_at timestamptz,
    next_reminder_at timestamptz,
    -- The member's latest session in this wave.
    session_id       uuid references sessions (id) on delete set null,
    primary key (wave_id, respondent_id)
);
create index wave_members_respondent on wave_members (respondent_id);
create index wave_members_reminder_due on wave_members (next_reminder_at) where next_reminder_at is not null;

-- Every invitation, reminder and feedback message, for the contact-frequency cap across waves.
create table panel_contacts (
    id            bigserial primary key,
    respondent_id uuid        not null references respondents (id) on delete cascade,
    wave_id       bigint      not null references waves (id) on delete cascade,
    kind          text        not null check (kind in ('invitation', 'reminder', 'feedback')),
    at            timestamptz not null
);
create index panel_contacts_respondent on panel_contacts (respondent_id, at);

-- Dashboard logins: a coordinator signs in with an API token and gets a session cookie.
create table dashboard_sessions (
    id_hash    text primary key,
    token_id   bigint      not null references api_tokens (id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null
);
