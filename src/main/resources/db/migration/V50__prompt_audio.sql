-- Questions read aloud (issue 16): each prompt file once, under its SHA-256, with the Telegram
-- file_id it got at its first upload (sendVoice reuses it after). Prompts are the survey's, not
-- a respondent's: nothing personal is kept here, and the signed public link serves only this table.
create table prompt_audio (
    sha256           text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
    content          bytea       not null check (octet_length(content) <= 524288),
    duration_ms      int         not null check (duration_ms >= 0),
    synthetic        boolean     not null,
    telegram_file_id text,
    created_at       timestamptz not null
);

-- The respondent's own choice for questions read aloud ("audio" in their language); null: not
-- chosen, so a member attribute `audio` or the default (on) decides.
alter table respondents add column audio_prompts boolean;
