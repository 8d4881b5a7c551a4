-- WhatsApp at real scale (issue 13): Meta's daily limit on business-initiated conversations, kept in
-- PostgreSQL so that every Stem instance sharing the database keeps one count.

-- Planned at enqueue: this bulk message will open a conversation (a template outside the
-- recipient's 24-hour window), so it was scheduled within the channel's daily limit.
alter table outbox add column business_initiated boolean not null default false;
-- When the sender handed it to the provider as a business-initiated message: the daily limit counts
-- the distinct recipients with such a time in the last 24 hours.
alter table outbox add column conversation_started_at timestamptz;
-- The provider said the window had closed (Twilio 63016): send it as the approved template.
alter table outbox add column send_as_template boolean not null default false;
-- How often the provider deferred it (Twilio 63049, 63018); bounded by configuration.
alter table outbox add column deferrals int not null default 0;
-- Why it failed, or why it waits: a reason code the coordinator's pages explain
-- (no_template:ti, daily_limit, suppressed, not_on_whatsapp, ...). Never a phone number.
alter table outbox add column failure_reason text;

create index outbox_conversation_starts on outbox (channel, conversation_started_at) where conversation_started_at is not null;
create index outbox_business_planned on outbox (channel, next_attempt_at) where business_initiated and status in ('queued', 'sending');
