-- Outbox delivery and media download bookkeeping.

-- Set when a send failed because the respondent blocked the bot or opted out (Telegram 403,
-- Twilio 21610): nothing more is queued or sent to this identity until they write again.
alter table channel_identities add column unreachable_at timestamptz;
create index channel_identities_unreachable on channel_identities (channel, provider_id) where unreachable_at is not null;

-- When a sender instance claimed the row (status 'sending'); a row stuck there longer than
-- stem.outbox.sending-timeout belonged to a process that stopped and is queued again.
alter table outbox add column claimed_at timestamptz;

-- Per-recipient ordering: "is there an older unsent row for this chat?"
create index outbox_recipient_open on outbox (channel, recipient, id) where status in ('queued', 'sending');
-- Per-recipient interval: "was this chat sent to in the last interval?"
create index outbox_recipient_sent on outbox (channel, recipient, sent_at) where status = 'sent';
create index outbox_sending on outbox (claimed_at) where status = 'sending';

-- Pending media are retried with backoff; the worker also leases a row by moving this forward.
alter table media_objects add column next_attempt_at timestamptz not null default now();
drop index media_objects_pending;
create index media_objects_pending on media_objects (next_attempt_at) where status = 'pending';
