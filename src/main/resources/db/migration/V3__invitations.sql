-- Deep-link invitations: https://t.me/<bot>?start=<token> binds a Telegram chat to a panel member
-- and starts the invited survey in the invitation's language. Tokens are random (32 bytes,
-- base64url) and bound to one respondent; the chat that used one is found in channel_identities,
-- so no chat id is stored here.
create table invitations (
    token         text        primary key check (token ~ '^[A-Za-z0-9_-]{1,64}$'),
    respondent_id uuid        not null references respondents (id) on delete cascade,
    survey_id     text        not null references surveys (id),
    language      text,
    channel       text        not null,
    created_at    timestamptz not null default now(),
    used_at       timestamptz
);
create index invitations_respondent on invitations (respondent_id);
