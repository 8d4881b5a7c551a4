-- The message a contact was, so closing a wave can cancel reminders still queued.
alter table panel_contacts add column outbox_id bigint references outbox (id) on delete set null;
-- Sessions to expire: waiting for input and quiet for a while.
create index sessions_waiting on sessions (updated_at) where status in ('new', 'choosing_language', 'active', 'paused');
-- A wave's own quiet hours (null: stem.panel.quiet-hours).
alter table waves add column quiet_start time, add column quiet_end time;
