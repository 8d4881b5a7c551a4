-- The message a contact was, so closing a wave can cancel reminders still queued.
alter table panel_contacts add column outbox_id bigint references outbox (id) on delete set null;
-- Sessions to expire: waiting for input and quiet for a while.
create index sessions_waiting on sessions (updated_at) where status in ('new', 'choosing_language', 'active', 'paused');
-- Closing a wave and deleting a member find the messages that point at an outbox row.
create index wave_members_invite_outbox on wave_members (invite_outbox_id) where invite_outbox_id is not null;
create index panel_contacts_outbox on panel_contacts (outbox_id) where outbox_id is not null;
-- A wave's own quiet hours (null: stem.panel.quiet-hours).
alter table waves add column quiet_start time, add column quiet_end time;
-- The sender's claim looks up each due row's chat ("one in flight per chat", "not within the
-- per-chat interval"); with a wave of 100,000 queued invitations that must be an index lookup.
create index outbox_chat_pending on outbox (channel, recipient, id) where status in ('queued', 'sending');
create index outbox_chat_sent on outbox (channel, recipient, sent_at) where status = 'sent';
-- The claim walks due rows in send order and stops at its batch: replies first, then oldest.
create index outbox_due_order on outbox (channel, priority, id) where status = 'queued';
-- When the sender should look again: the earliest queued row whose chat is free, found in time order.
create index outbox_queued_time on outbox (next_attempt_at) where status = 'queued';
-- Set when a closed wave's queued messages have all been cancelled (the scheduler does it in batches).
alter table waves add column cancelled_at timestamptz;
